"""Benchmark: a 5-year plan for a province-size dataset (about 30,000 schools), against a 60 s target.

The dataset is generated deterministically (``random.Random(SEED)``): 150 counties of 150–250 schools (about
30,000 in all), each county with a supervision body, heads for every school (a fifth of whose terms end within
the plan), a comprehensive supervision in the last five years for most schools, inspectors at about one per
3.5 schools and a few near relatives. Run from the repository root::

    .venv/bin/python benchmarks/bench_planning.py            # plan + independent check
    .venv/bin/python benchmarks/bench_planning.py --no-check  # plan only

It prints the build, plan and check times and whether the plan met the 60-second target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import sys
import time

from edusupervision import (
    Dataset,
    DatasetInfo,
    Division,
    DivisionKind,
    Employment,
    Inspector,
    NearRelative,
    Organisation,
    OrgKind,
    Person,
    School,
    SchoolStage,
    SubjectKind,
    Supervision,
    SupervisionFunction,
    SupervisionType,
)
from edusupervision.planning import check_plan, plan_cycle

SEED = 20250101
COUNTIES = 150
START = dt.date(2025, 9, 1)
TARGET_SECONDS = 60.0
STAGES = (
    SchoolStage.KINDERGARTEN,
    SchoolStage.PRIMARY,
    SchoolStage.JUNIOR_SECONDARY,
    SchoolStage.SENIOR_SECONDARY,
)


def province(seed: int = SEED, counties: int = COUNTIES) -> Dataset:
    """Return the generated province (same seed, same dataset)."""
    rng = random.Random(seed)  # noqa: S311 - seeded, reproducible test data, not security
    divisions = [Division(id="prov", name="示范省", kind=DivisionKind.PROVINCE)]
    orgs: list[Organisation] = []
    persons: list[Person] = []
    schools: list[School] = []
    inspectors: list[Inspector] = []
    relatives: list[NearRelative] = []
    sups: list[Supervision] = []
    for c in range(counties):
        cid, pid = f"c{c:03d}", f"pref{c // 10:02d}"
        if c % 10 == 0:
            divisions.append(
                Division(id=pid, name=f"市{c // 10}", kind=DivisionKind.PREFECTURE_CITY, parent_id="prov")
            )
        divisions.append(Division(id=cid, name=f"县{c:03d}", kind=DivisionKind.COUNTY, parent_id=pid))
        body = f"{cid}-body"
        orgs.append(
            Organisation(id=body, name=f"县{c:03d}教育督导室", kind=OrgKind.SUPERVISION_BODY, division_id=cid)
        )
        n = rng.randint(150, 250)
        for k in range(n):
            sid, head = f"{cid}-s{k:03d}", f"{cid}-h{k:03d}"
            persons.append(Person(id=head, name=f"校长{k}"))
            term_end = START + dt.timedelta(days=rng.randint(0, 4 * 365)) if rng.random() < 0.2 else None
            schools.append(
                School(
                    id=sid,
                    name=f"学校{k}",
                    stage=rng.choice(STAGES),
                    division_id=cid,
                    head_id=head,
                    head_term_end=term_end,
                )
            )
            if rng.random() < 0.97:
                last = START - dt.timedelta(days=rng.randint(30, 5 * 365 - 30))
                sups.append(
                    Supervision(
                        id=f"h-{sid}",
                        function=SupervisionFunction.SCHOOL,
                        type=SupervisionType.COMPREHENSIVE,
                        body_id=body,
                        subject_kind=SubjectKind.SCHOOL,
                        subject_id=sid,
                        start=last,
                    )
                )
        for k in range(n * 2 // 7):
            iid = f"{cid}-i{k:03d}"
            inspectors.append(
                Inspector(
                    id=iid,
                    name=f"督学{k}",
                    employment=Employment.PART_TIME,
                    appointed_by=body,
                    division_id=cid,
                )
            )
            if rng.random() < 0.05:
                relatives.append(NearRelative(inspector_id=iid, person_id=f"{cid}-h{rng.randrange(n):03d}"))
    return Dataset(
        info=DatasetInfo(name="benchmark province", reference_date=START - dt.timedelta(days=1)),
        divisions=divisions,
        organisations=orgs,
        persons=persons,
        schools=schools,
        inspectors=inspectors,
        near_relatives=relatives,
        supervisions=sups,
    )


def main(argv: list[str] | None = None) -> int:
    """Build, plan for 5 years, check; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-check", action="store_true", help="skip the independent check")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    ds = province()
    t1 = time.perf_counter()
    plan = plan_cycle(ds, profile="national", start=START, years=5, seed=0)
    t2 = time.perf_counter()
    print(f"machine: {platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores")
    print(
        f"dataset: {len(ds.schools)} schools, {len(ds.inspectors)} inspectors, {COUNTIES} counties "
        f"(built in {t1 - t0:.1f} s)"
    )
    print(
        f"plan_cycle, 5 years: {t2 - t1:.1f} s — {len(plan.supervisions)} supervisions, feasible={plan.feasible}, "
        f"shortfall={sum(s.shortfall for s in plan.staffing)}"
    )
    print(f"target {TARGET_SECONDS:.0f} s: {'met' if t2 - t1 <= TARGET_SECONDS else 'MISSED'}")
    if not args.no_check:
        violations = check_plan(ds, plan)
        t3 = time.perf_counter()
        print(f"check_plan: {t3 - t2:.1f} s — {len(violations)} violation(s)")
        return 0 if not violations and t2 - t1 <= TARGET_SECONDS else 1
    return 0 if t2 - t1 <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
