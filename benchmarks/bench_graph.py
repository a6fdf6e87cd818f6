"""Benchmark the responsibility graph on a national-size hierarchy (a script, not a test).

Builds a synthetic country: 34 provinces, 333 prefectures, 2,844 counties and 40,000 townships, each with a
government and a supervision body; one school per county; each prefecture's body evaluates its counties'
governments. Then times:

- ``Jurisdiction.from_dataset`` + ``build_graph`` with national clauses (target: under 2 s);
- ``supervising_chain`` for a random school (target: under 1 ms, mean over 1,000 queries);
- resolving the collective 区县政府 from a random prefecture (target: under 1 ms, mean over 1,000);
- resolving a single unit 县教育局 from a random county (target: under 1 ms, mean over 1,000).

Run: ``.venv/bin/python benchmarks/bench_graph.py`` (``--scale 0.1`` for a quick run).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from typing import TYPE_CHECKING

from edusupervision import (
    Dataset,
    DatasetInfo,
    Division,
    DivisionKind,
    DutyEvaluation,
    Organisation,
    OrgKind,
    School,
    SchoolStage,
)
from edusupervision.responsibility import Jurisdiction, build_graph, parse_clauses, supervising_chain

if TYPE_CHECKING:
    from collections.abc import Callable

BUILD_TARGET_S = 2.0
QUERY_TARGET_MS = 1.0
QUERIES = 1000


def _spread(total: int, parents: int) -> list[int]:
    """Return how many children each of ``parents`` gets so that they sum to ``total``."""
    base, extra = divmod(total, parents)
    return [base + (1 if i < extra else 0) for i in range(parents)]


def national(scale: float = 1.0) -> tuple[Dataset, list[str], list[str], list[str]]:
    """Return the synthetic country, and the ids of its prefectures, counties and schools."""
    n_prov, n_pref = 34, max(34, round(333 * scale))
    n_county, n_town = max(n_pref, round(2844 * scale)), max(n_pref, round(40000 * scale))
    divisions = [Division(id="cn", name="中国", kind=DivisionKind.COUNTRY)]
    orgs: list[Organisation] = []
    schools: list[School] = []
    evaluations: list[DutyEvaluation] = []

    def add(did: str, name: str, kind: DivisionKind, parent: str | None) -> None:
        divisions.append(Division(id=did, name=name, kind=kind, parent_id=parent))
        gov = f"{did}-gov"
        orgs.append(Organisation(id=gov, name=f"{name}人民政府", kind=OrgKind.GOVERNMENT, division_id=did))
        orgs.append(
            Organisation(
                id=f"{did}-body",
                name=f"{name}人民政府教育督导室",
                kind=OrgKind.SUPERVISION_BODY,
                division_id=did,
                parent_id=gov,
            )
        )

    prefectures: list[str] = []
    counties: list[str] = []
    for p in range(n_prov):
        add(f"p{p}", f"第{p}省", DivisionKind.PROVINCE, "cn")
    for p, count in enumerate(_spread(n_pref, n_prov)):
        for k in range(count):
            did = f"p{p}-{k}"
            add(did, f"第{p}省第{k}市", DivisionKind.PREFECTURE_CITY, f"p{p}")
            prefectures.append(did)
    county_counts = _spread(n_county, len(prefectures))
    for pref, count in zip(prefectures, county_counts, strict=True):
        for k in range(count):
            did = f"{pref}-{k}"
            add(did, f"{pref}第{k}县", DivisionKind.COUNTY, pref)
            orgs.append(
                Organisation(
                    id=f"{did}-edu",
                    name=f"{pref}第{k}县教育局",
                    kind=OrgKind.EDUCATION_AUTHORITY,
                    division_id=did,
                    parent_id=f"{did}-gov",
                )
            )
            counties.append(did)
            schools.append(
                School(id=f"s-{did}", name=f"{did}第一小学", stage=SchoolStage.PRIMARY, division_id=did)
            )
            evaluations.append(
                DutyEvaluation(
                    id=f"ev-{did}", year=2023, evaluator_id=f"{pref}-body", evaluatee_id=f"{did}-gov"
                )
            )
    for county, count in zip(counties, _spread(n_town, len(counties)), strict=True):
        for k in range(count):
            add(f"{county}-{k}", f"{county}第{k}镇", DivisionKind.TOWN, county)
    dataset = Dataset(
        info=DatasetInfo(name="national (synthetic)", root_division_id="cn"),
        divisions=divisions,
        organisations=orgs,
        schools=schools,
        duty_evaluations=evaluations,
    )
    return dataset, prefectures, counties, [s.id for s in schools]


def _mean_ms(run: Callable[[int], object], n: int) -> float:
    start = time.perf_counter()
    for i in range(n):
        run(i)
    return (time.perf_counter() - start) / n * 1000


def _report(label: str, value: float, target: float, unit: str) -> bool:
    holds = value < target
    verdict = "holds" if holds else "MISSED"
    sys.stdout.write(f"{label:58} {value:10.4f} {unit:2}  (target < {target:g} {unit}: {verdict})\n")
    return holds


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; return 0 when every target holds, 1 otherwise."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the national size (default 1)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    start = time.perf_counter()
    dataset, prefectures, counties, schools = national(args.scale)
    made = time.perf_counter() - start
    sys.stdout.write(
        f"synthetic country: {len(dataset.divisions):,} divisions, {len(dataset.organisations):,} organisations, "
        f"{len(schools):,} schools (made and integrity-checked in {made:.2f} s)\n"
    )
    clauses = parse_clauses(
        "（责任单位：设区市、县（市、区）人民政府）"
        "（责任单位：设区市、县（市、区）教育督导机构、县（市、区）教育局）"
    )
    start, cpu_start = time.perf_counter(), time.process_time()
    jurisdiction = Jurisdiction.from_dataset(dataset)
    graph = build_graph(dataset, clauses, jurisdiction=jurisdiction)
    built, built_cpu = time.perf_counter() - start, time.process_time() - cpu_start
    sys.stdout.write(
        f"graph: {graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges; "
        f"task T1 reaches {graph.out_degree('task:T1'):,} units\n"
    )
    rng = random.Random(args.seed)  # noqa: S311 - picks benchmark queries, not secrets
    school_picks = [rng.choice(schools) for _ in range(QUERIES)]
    pref_picks = [jurisdiction.at(rng.choice(prefectures)) for _ in range(QUERIES)]
    county_picks = [jurisdiction.at(rng.choice(counties)) for _ in range(QUERIES)]
    chain = _mean_ms(lambda i: supervising_chain(graph, school_picks[i]), QUERIES)
    collective = _mean_ms(lambda i: pref_picks[i].resolve_unit("区县政府", collective=True), QUERIES)
    single = _mean_ms(lambda i: county_picks[i].resolve_unit("县教育局"), QUERIES)
    assert (
        len(supervising_chain(graph, schools[0])) == 3
    )  # county, prefecture, province (the country has none)
    sys.stdout.write(
        f"index + build_graph wall-clock: {built:.3f} s (more than CPU time when the machine is busy)\n"
    )
    ok = _report("index + build_graph (national, 2 clauses), CPU time", built_cpu, BUILD_TARGET_S, "s")
    ok &= _report("supervising_chain, mean of 1,000", chain, QUERY_TARGET_MS, "ms")
    ok &= _report("collective 区县政府 from a prefecture, mean of 1,000", collective, QUERY_TARGET_MS, "ms")
    ok &= _report("single unit 县教育局 from a county, mean of 1,000", single, QUERY_TARGET_MS, "ms")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
