"""Run every fuzz target for a bounded time, each in its own subprocess; exit non-zero if any crashed.

Usage::

    python fuzz/run.py --seconds 30                 # every target, 30 s each, one after the other
    python fuzz/run.py --seconds 600 --jobs 4 --only parser,excel

Each target starts from its committed corpus ``fuzz/corpus/<target>/`` (read, never written: new inputs go to
a scratch folder, kept with ``--keep-corpus DIR``). A crashing input is written to ``--artifacts`` (default: a
temporary folder, printed) and the run fails; reproduce it with ``python fuzz/fuzz_<target>.py <crash file>``
and turn it into a regression test in ``tests/test_fuzz_regressions.py``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGETS = tuple(sorted(p.stem.removeprefix("fuzz_") for p in HERE.glob("fuzz_*.py")))
#: Seconds an input may take before libFuzzer calls it a hang (a crash).
INPUT_TIMEOUT = 20
#: Memory an input may use (MB) before libFuzzer calls it a crash.
RSS_LIMIT_MB = 2048


def run_target(target: str, seconds: int, artifacts: Path, keep: Path | None) -> tuple[str, int, float, str]:
    """Fuzz one target for ``seconds``; return (target, exit code, wall time, the tail of its output)."""
    crash_dir = artifacts / target
    crash_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=f"fuzz-{target}-") as scratch:
        work = keep / target if keep is not None else Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        command = [
            sys.executable,
            str(HERE / f"fuzz_{target}.py"),
            f"-max_total_time={seconds}",
            f"-timeout={INPUT_TIMEOUT}",
            f"-rss_limit_mb={RSS_LIMIT_MB}",
            f"-artifact_prefix={crash_dir}/",
            "-print_final_stats=1",
            str(work),
            str(HERE / "corpus" / target),
        ]
        started = time.monotonic()
        try:
            done = subprocess.run(  # noqa: S603 - a fixed command line built above
                command,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=seconds * 2 + 300,
                check=False,
            )
            code, output = done.returncode, done.stdout + done.stderr
        except subprocess.TimeoutExpired as exc:
            code, output = 124, f"killed after {exc.timeout:.0f} s"
        return target, code, time.monotonic() - started, output


def _stat(output: str, name: str) -> str:
    for line in output.splitlines():
        if line.startswith(f"stat::{name}:"):
            return line.split(":")[-1].strip()
    return "?"


def main(argv: list[str] | None = None) -> int:
    """Run the targets; print one line per target and the output of any that crashed."""
    parser = argparse.ArgumentParser(description="Run every fuzz target for a bounded time.")
    parser.add_argument("--seconds", type=int, required=True, help="time per target")
    parser.add_argument("--only", help=f"comma-separated targets (default: all of {', '.join(TARGETS)})")
    parser.add_argument("--jobs", type=int, default=1, help="targets run at once (default 1)")
    parser.add_argument(
        "--artifacts", type=Path, help="where crashing inputs go (default: a temporary folder)"
    )
    parser.add_argument("--keep-corpus", type=Path, help="keep the inputs each run found, under DIR/<target>")
    args = parser.parse_args(argv)
    targets = tuple(args.only.split(",")) if args.only else TARGETS
    unknown = sorted(set(targets) - set(TARGETS))
    if unknown:
        parser.error(f"unknown target(s): {', '.join(unknown)}")
    artifacts = args.artifacts or Path(tempfile.mkdtemp(prefix="fuzz-artifacts-"))
    failed = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        futures = [pool.submit(run_target, t, args.seconds, artifacts, args.keep_corpus) for t in targets]
        for future in concurrent.futures.as_completed(futures):
            target, code, wall, output = future.result()
            verdict = "ok" if code == 0 else f"CRASH (exit {code})"
            print(
                f"fuzz {target:8} {verdict:16} {wall:6.1f} s, {_stat(output, 'number_of_executed_units')} runs, "
                f"peak {_stat(output, 'peak_rss_mb')} MB",
                flush=True,
            )
            if code != 0:
                failed.append(target)
                print("\n".join(output.splitlines()[-60:]), file=sys.stderr, flush=True)
    if failed:
        print(f"fuzz: crashes in {', '.join(sorted(failed))}; inputs under {artifacts}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
