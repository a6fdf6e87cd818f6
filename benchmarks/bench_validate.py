"""Benchmark validation at county, province and national scale (a script, not a unit test).

Every measurement runs in a fresh subprocess, so wall time and peak RSS are that step's own. For each scale it
generates the synthetic dataset (``edusupervision synth``, cached under ``--work``), then measures:

- ``polars read``: polars scanning every CSV of the folder with the explicit schemas (the floor);
- ``columnar validate``: :func:`validate_columnar` on the folder (bulk rules as frame queries);
- ``object validate`` (county and province only): :func:`edusupervision.load` + :func:`edusupervision.validate`;
- that validation finds exactly the manifest's violations (for the rules the run evaluated).

Then the scaling curve (national shape at 1/8, 1/4, 1/2 and all of 500,000 schools), the sample targets
(in-process validate after warm-up, CLI end to end, ``import edusupervision``), planning a province's cycle
(if ``edusupervision.planning`` exists) and the hierarchy graph (if ``edusupervision.responsibility`` exists).
It prints each target with its measured figure and whether it holds, writes ``benchmarks/results.json`` and,
with matplotlib installed, ``docs/img/scaling.png``.

Run: ``.venv/bin/python benchmarks/bench_validate.py`` (everything, about 10 minutes on 2 cores);
``--quick`` skips the national scale and the scaling curve; ``--ten-years`` adds the 60-million-visit run.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

_CHILD = r"""
import json, sys, time
step, folder = sys.argv[1], sys.argv[2]
t = time.perf_counter()
out = {}
if step == "read":
    import polars as pl
    from edusupervision._columnar import read_frames
    frames = read_frames(folder)
    sizes = pl.collect_all(list(frames.tables.values()))
    out["rows"] = sum(f.height for f in sizes)
elif step in ("columnar", "streaming"):
    from edusupervision._columnar import validate_columnar
    report = validate_columnar(folder, engine="streaming" if step == "streaming" else "auto")
elif step == "object":
    import edusupervision as es
    report = es.validate(es.load(folder, limits=es.Limits(max_rows=10**9, max_file_bytes=10**12)))
elif step == "plan":
    import datetime as dt
    import edusupervision as es
    from edusupervision.planning import plan_cycle
    ds = es.load(folder, limits=es.Limits(max_rows=10**9, max_file_bytes=10**12))
    t_plan = time.perf_counter()
    plan = plan_cycle(ds, profile="national", start=dt.date(2025, 1, 1))
    out["plan_s"] = time.perf_counter() - t_plan
elif step == "graph":
    import random
    from edusupervision._columnar._validate import _small_dataset
    from edusupervision._columnar import read_frames
    from edusupervision.responsibility import Jurisdiction, build_graph
    ds = _small_dataset(read_frames(folder))
    t_graph = time.perf_counter()
    graph = build_graph(ds, jurisdiction=Jurisdiction.from_dataset(ds))
    out["graph_s"] = time.perf_counter() - t_graph
    out["nodes"] = graph.number_of_nodes() if hasattr(graph, "number_of_nodes") else None
out["seconds"] = time.perf_counter() - t
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
hwm = next(l for l in open("/proc/self/status") if l.startswith("VmHWM:"))
out["rss_mb"] = int(hwm.split()[1]) / 1024
if step in ("columnar", "streaming", "object"):
    found = {}
    for f in report.findings:
        if f.outcome.value == "violation":
            found.setdefault(f.rule, set()).add(f.subject.id)
    evaluated = [s.rule for s in report.rules if s.counts.get("not_applicable", 0) == 0]
    manifest = json.load(open(folder + "/manifest.json", encoding="utf-8"))["violations"]
    exact = all(found.get(r, set()) == set(manifest.get(r, [])) for r in evaluated)
    out.update(findings=len(report.findings), exact=exact, evaluated=len(evaluated))
print(json.dumps(out))
"""


def _run(step: str, folder: Path, timeout: float = 1800) -> dict[str, Any]:
    proc = subprocess.run(  # noqa: S603 - our own interpreter and script
        [PY, "-c", _CHILD, step, str(folder)], capture_output=True, text=True, timeout=timeout, check=False
    )
    if proc.returncode != 0:
        return {
            "error": proc.stderr.strip().splitlines()[-1]
            if proc.stderr.strip()
            else f"exit {proc.returncode}"
        }
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _generate(work: Path, name: str, **kwargs: Any) -> tuple[Path, float]:
    folder = work / name
    if (folder / "manifest.json").is_file():
        return folder, float("nan")
    from edusupervision._synth import synthesize  # noqa: PLC0415 - the benchmark's own import

    t = time.perf_counter()
    synthesize(folder, seed=0, **kwargs)
    return folder, time.perf_counter() - t


def _wall(cmd: list[str], repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=False)  # noqa: S603 - our own interpreter
        best = min(best, time.perf_counter() - t)
    return best


def _sample_targets(work: Path) -> dict[str, float]:
    import edusupervision as es  # noqa: PLC0415 - imported in the parent only for the sample targets

    ds = es.sample_dataset()
    es.validate(ds)
    times = []
    for _ in range(20):
        t = time.perf_counter()
        es.validate(ds)
        times.append(time.perf_counter() - t)
    folder = work / "sample"
    es.save(ds, folder)
    cli = [PY, "-m", "edusupervision", "validate", str(folder)]
    return {
        "sample_validate_ms": 1000 * sorted(times)[len(times) // 2],
        "cli_s": _wall(cli),
        "import_ms": 1000 * (_wall([PY, "-c", "import edusupervision"]) - _wall([PY, "-c", "pass"])),
    }


def _check(label: str, value: float | None, limit: float, unit: str) -> dict[str, Any]:
    holds = value is not None and value <= limit
    shown = "not measured" if value is None else f"{value:.2f} {unit}"
    print(f"{'HOLDS' if holds else 'FAILS':5}  {label}: {shown} (target ≤ {limit:g} {unit})")
    return {"target": label, "value": value, "limit": limit, "unit": unit, "holds": holds}


def main() -> int:  # noqa: PLR0915 - a script that runs its steps in order
    """Run the benchmarks; print each target with its figure and whether it holds."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "edusup-bench")
    parser.add_argument("--quick", action="store_true", help="skip national scale and the scaling curve")
    parser.add_argument("--ten-years", action="store_true", help="also validate ten years of national visits")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {"machine": {"cpus": os.cpu_count()}, "scales": {}, "scaling": []}

    scales = [("county", {"scale": "county"}), ("province", {"scale": "province"})]
    if not args.quick:
        scales.append(("national", {"scale": "national"}))
    for name, kwargs in scales:
        folder, gen = _generate(args.work, name, **kwargs)
        row: dict[str, Any] = {
            "generate_s": gen,
            "read": _run("read", folder),
            "columnar": _run("columnar", folder),
        }
        if name != "national":
            row["object"] = _run("object", folder)
        results["scales"][name] = row
        print(f"{name}: {json.dumps(row)}", flush=True)

    if not args.quick:
        for schools in (62_500, 125_000, 250_000, 500_000):
            name = "national" if schools == 500_000 else f"national-{schools}"
            folder, _ = _generate(args.work, name, scale="national", schools=schools)
            point = {"schools": schools, "read": _run("read", folder), "columnar": _run("columnar", folder)}
            results["scaling"].append(point)
            print(f"scaling {schools}: {json.dumps(point)}", flush=True)

    if args.ten_years:
        folder = _ten_years(args.work)
        results["ten_years"] = _run("streaming", folder, timeout=7200)
        print(f"ten years: {json.dumps(results['ten_years'])}", flush=True)

    try:
        import edusupervision.planning  # noqa: PLC0415 - presence check

        folder, _ = _generate(args.work, "plan-province", scale="province", schools=4_000)
        results["plan"] = _run("plan", folder)
    except ImportError:
        results["plan"] = {"skipped": "edusupervision.planning is absent"}
    print(f"plan: {json.dumps(results['plan'])}", flush=True)
    if "national" in results["scales"]:
        try:
            import edusupervision.responsibility  # noqa: F401, PLC0415 - presence check

            results["graph"] = _run("graph", args.work / "national")
        except ImportError:
            results["graph"] = {"skipped": "edusupervision.responsibility is absent"}
        print(f"graph: {json.dumps(results['graph'])}", flush=True)

    results["sample"] = _sample_targets(args.work)
    print(f"sample: {json.dumps(results['sample'])}", flush=True)

    print("\nTargets (2-core machine):")
    checks = []
    national = results["scales"].get("national")
    if national and "seconds" in national["columnar"]:
        ratio = national["columnar"]["seconds"] / national["read"]["seconds"]
        checks.append(_check("national validate / polars read time", ratio, 4.0, "×"))
        checks.append(_check("national validate peak RSS", national["columnar"]["rss_mb"] / 1024, 1.5, "GB"))
    else:
        checks.append(_check("national validate / polars read time", None, 4.0, "×"))
    points = [p for p in results["scaling"] if "seconds" in p["columnar"]]
    worst = max(
        (b["columnar"]["seconds"] / a["columnar"]["seconds"] for a, b in pairwise(points)),
        default=None,
    )
    checks.append(_check("time when the schools double (worst step)", worst, 2.2, "×"))
    checks.append(
        _check("sample validate in-process (median, warm)", results["sample"]["sample_validate_ms"], 50, "ms")
    )
    checks.append(_check("CLI validate of the sample, end to end", results["sample"]["cli_s"], 1.0, "s"))
    checks.append(_check("import edusupervision", results["sample"]["import_ms"], 300, "ms"))
    ten = results.get("ten_years")
    checks.append(
        _check(
            "ten years of national visits: peak RSS",
            ten["rss_mb"] / 1024 if ten and "rss_mb" in ten else None,
            24,
            "GB",
        )
    )
    exact = all(
        r[k].get("exact", True) for r in results["scales"].values() for k in ("columnar", "object") if k in r
    )
    print(f"{'HOLDS' if exact else 'FAILS':5}  validation finds exactly the manifest at every scale run")
    results["targets"] = checks
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    _plot(results)
    return 0


def _ten_years(work: Path) -> Path:
    """Return a national folder whose visits are ten years long (each year's visits shifted back a year)."""
    import polars as pl  # noqa: PLC0415 - only for the ten-year run

    folder = work / "national-10y"
    if (folder / "manifest.json").is_file():
        return folder
    base, _ = _generate(work, "national", scale="national")
    folder.mkdir(parents=True, exist_ok=True)
    for path in base.iterdir():
        if path.name != "visits.csv":
            (folder / path.name).write_bytes(path.read_bytes())
    visits = pl.scan_csv(base / "visits.csv", schema_overrides={"date": pl.Date})
    years = [
        visits.with_columns(id=pl.col("id") + f"-{k}", date=pl.col("date").dt.offset_by(f"-{k}y"))
        for k in range(10)
    ]
    pl.concat(years).sink_csv(folder / "visits.csv", date_format="%Y-%m-%d")
    return folder


def _plot(results: dict[str, Any]) -> None:
    points = [p for p in results["scaling"] if "seconds" in p["columnar"]]
    if not points:
        return
    try:
        import matplotlib as mpl  # noqa: PLC0415 - optional, for the plot only

        mpl.use("Agg")
        import matplotlib.pyplot as plt  # noqa: PLC0415 - after choosing the Agg backend
    except ImportError:
        print("matplotlib is not installed: no plot")
        return
    x = [p["schools"] for p in points]
    fig, ax = plt.subplots(figsize=(6, 4))
    ax.plot(x, [p["columnar"]["seconds"] for p in points], "o-", label="validate_columnar (from CSV)")
    ax.plot(x, [p["read"]["seconds"] for p in points], "s--", label="polars: read the CSV files only")
    ax.plot(x, [4 * p["read"]["seconds"] for p in points], ":", color="grey", label="target: 4 × read")
    ax.set_xlabel("schools (national shape)")
    ax.set_ylabel("wall time (s)")
    ax.set_title("edusupervision: validation time against dataset size (2 cores)")
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    out = ROOT / "docs" / "img" / "scaling.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=120)
    print(f"wrote {out}")


if __name__ == "__main__":
    sys.exit(main())
