"""An independent checker of cycle plans: every constraint, restated from the rules, none taken from the planner.

It shares no code with the planner beyond reading the profile's parameters and the calendar: it recomputes the
cycles, windows and loads from the dataset and the plan alone, so a planner bug shows up as a violation.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from edusupervision._calendar import (
    MonthEndPolicy,
    SchoolYear,
    Semester,
    add_years,
    is_working_day,
    rolling_window,
)
from edusupervision._domain._enums import Level, SubjectKind, SupervisionType
from edusupervision._planning._model import PlanViolation
from edusupervision._planning._params import CycleRules, cycle_rules, schools_in_scope

if TYPE_CHECKING:
    from collections.abc import Callable

    from edusupervision._domain._dataset import Dataset
    from edusupervision._domain._model import School
    from edusupervision._planning._model import Plan, PlannedSupervision
    from edusupervision._profiles._model import Profile

__all__ = ["check_plan"]

_ONE_DAY = dt.timedelta(days=1)


def _county(dataset: Dataset, division_id: str) -> str | None:
    division = dataset.get("divisions", division_id)
    return next(
        (d.id for d in (division, *dataset.ancestors(division_id)) if d.kind.level is Level.COUNTY), None
    )


def _cycles(plan: Plan, *, per_school_year: bool, years: int) -> list[tuple[dt.date, dt.date, bool]]:
    """Return (first, last, complete) of each cycle: school years, or fixed cycles from the plan's start."""
    out: list[tuple[dt.date, dt.date, bool]] = []
    if per_school_year:
        sy = SchoolYear.of(plan.start)
        while sy.start <= plan.end:
            out.append((sy.start, sy.end, sy.end <= plan.end))
            sy = sy.next()
        return out
    k = 0
    while (first := add_years(plan.start, k * years, policy=MonthEndPolicy.CLAMP)) <= plan.end:
        last = add_years(plan.start, (k + 1) * years, policy=MonthEndPolicy.CLAMP) - _ONE_DAY
        out.append((first, last, last <= plan.end))
        k += 1
    return out


def check_plan(  # noqa: PLR0912, PLR0915 - a flat list of independent checks reads best in one place
    dataset: Dataset, plan: Plan, *, profile: str | Profile | None = None
) -> list[PlanViolation]:
    """Return every constraint ``plan`` breaks on ``dataset`` (empty when it satisfies them all).

    See :mod:`edusupervision.planning` for the list of checks.
    """
    rules = cycle_rules(profile if profile is not None else plan.profile, plan.start)
    policy = plan.policy
    size = policy.team_size if policy.team_size is not None else rules.team_size
    burden = policy.max_per_school_semester or rules.visit_burden or 1
    out: list[PlanViolation] = []

    def bad(code: str, message: str, item: PlannedSupervision | None = None, **kw: str | None) -> None:
        out.append(
            PlanViolation(
                code=code,
                message=message,
                school_id=kw.get("school_id", item.school_id if item else None),
                inspector_id=kw.get("inspector_id"),
                date=item.date if item else None,
            )
        )

    schools = {s.id: s for s in schools_in_scope(dataset)}
    relatives: defaultdict[str, set[str]] = defaultdict(set)
    for r in dataset.near_relatives:
        relatives[r.inspector_id].add(r.person_id)

    # --- each planned supervision on its own --------------------------------------------------------
    for item in plan.supervisions:
        school = schools.get(item.school_id)
        if school is None:
            bad("plan.unknown_school", f"{item.school_id} is not a school in scope", item)
            continue
        if not plan.start <= item.date <= plan.end:
            bad("plan.outside_horizon", f"{item.date} is outside {plan.start} – {plan.end}", item)
        if item.date.month in policy.closed_months:
            bad("plan.closed_month", f"{item.date} is in a month closed to supervision", item)
        if not is_working_day(item.date):
            bad("plan.not_working_day", f"{item.date} is not a working day", item)
        if item.type not in (SupervisionType.COMPREHENSIVE, SupervisionType.TERM_END):
            bad("plan.type", f"planned type {item.type.value} is not a comprehensive supervision", item)
        if len(set(item.team)) != len(item.team):
            bad("plan.team_duplicate", f"team {item.team} names an inspector twice", item)
        if len(set(item.team)) < size:
            bad("plan.team_size", f"team of {len(set(item.team))}, fewer than {size}", item)
        for iid in item.team:
            inspector = dataset.find("inspectors", iid)
            if inspector is None:
                bad("plan.unknown_inspector", f"{iid} is not an inspector", item, inspector_id=iid)
                continue
            if inspector.kind not in policy.inspector_kinds:
                bad("plan.inspector_kind", f"{iid} is a {inspector.kind.value}", item, inspector_id=iid)
            if not inspector.active_on(item.date):
                bad("plan.inspector_inactive", f"{iid} is not active on {item.date}", item, inspector_id=iid)
            if _county(dataset, inspector.division_id) != school.division_id:
                bad(
                    "plan.inspector_county",
                    f"{iid} works outside the school's county {school.division_id}",
                    item,
                    inspector_id=iid,
                )
            if school.head_id is not None and school.head_id in relatives.get(iid, set()):
                bad(
                    "plan.recusal",
                    f"{iid} is a near relative of the head {school.head_id}",
                    item,
                    inspector_id=iid,
                )

    # --- inspectors: monthly cap and one supervision a day (the dataset's own supervisions count) ------
    month_load: Counter[tuple[str, int, int]] = Counter()
    day_load: Counter[tuple[str, dt.date]] = Counter()
    spans = {
        s.id: (s.start, s.last_day)
        for s in dataset.supervisions
        if plan.start <= s.start <= plan.end or plan.start <= s.last_day <= plan.end
    }
    for member in dataset.team_members:
        if member.supervision_id in spans:
            first, last = spans[member.supervision_id]
            month_load[(member.inspector_id, first.year, first.month)] += 1
            day = first
            while day <= last:
                day_load[(member.inspector_id, day)] += 1
                day += _ONE_DAY
    for item in plan.supervisions:
        for iid in set(item.team):
            month_load[(iid, item.date.year, item.date.month)] += 1
            day_load[(iid, item.date)] += 1
    for (iid, year, month), n in sorted(month_load.items()):
        if n > policy.max_per_inspector_month:
            bad(
                "plan.inspector_month",
                f"{iid} is on {n} supervisions in {year}-{month:02d}, more than {policy.max_per_inspector_month}",
                inspector_id=iid,
            )
    for (iid, day), n in sorted(day_load.items()):
        if n > 1:
            bad("plan.inspector_day", f"{iid} is on {n} supervisions on {day}", inspector_id=iid)

    # --- schools: cycle coverage, burden, term-end --------------------------------------------------
    by_school: defaultdict[str, list[PlannedSupervision]] = defaultdict(list)
    for item in plan.supervisions:
        by_school[item.school_id].append(item)
    existing: defaultdict[str, list[tuple[dt.date, SupervisionType]]] = defaultdict(list)
    for sup in dataset.supervisions:
        if sup.subject_kind is SubjectKind.SCHOOL:
            existing[sup.subject_id].append((sup.start, sup.type))
    cycles = _cycles(plan, per_school_year=rules.per_school_year, years=rules.years)
    first_open = plan.start
    while first_open <= plan.end and (
        first_open.month in policy.closed_months or not is_working_day(first_open)
    ):
        first_open += _ONE_DAY

    for sid, school in sorted(schools.items()):
        items = sorted(by_school.get(sid, []), key=lambda i: i.date)
        mine = [(i.date, i.type) for i in items]
        had = existing.get(sid, [])
        counting = sorted(d for d, t in [*had, *mine] if t.is_comprehensive)
        for first, last, complete in cycles:
            planned_c = [d for d, t in mine if first <= d <= last and t is SupervisionType.COMPREHENSIVE]
            before = [d for d, t in had if first <= d <= last and t.is_comprehensive]
            if len(planned_c) > 1 or (planned_c and before):
                bad(
                    "plan.cycle_twice",
                    f"{sid} gets more than one comprehensive supervision in {first} – {last}",
                    school_id=sid,
                )
            if complete and not any(first <= d <= last for d in counting):
                bad(
                    "plan.cycle_missed",
                    f"{sid} has no comprehensive supervision in {first} – {last}",
                    school_id=sid,
                )
        if sum(1 for _d, t in mine if t is SupervisionType.TERM_END) > 1:
            bad("plan.term_end_twice", f"{sid} gets more than one term-end supervision", school_id=sid)
        if not rules.per_school_year:
            # rolling rule: on every day of the plan the window ending that day holds a comprehensive
            # supervision; a school overdue at the start (or due before the first open day) is exempt until
            # its first planned one.
            last_before = [d for d in counting if d < plan.start]
            exempt_until: dt.date | None = None
            if not last_before or rolling_window(first_open, years=rules.years).start > last_before[-1]:
                exempt_until = next((d for d, _t in mine), plan.end)
            checkpoints = sorted({d - _ONE_DAY for d in counting if plan.start < d <= plan.end} | {plan.end})
            for day in checkpoints:
                if day < plan.start or (exempt_until is not None and day < exempt_until):
                    continue
                prior = [d for d in counting if d <= day]
                if not prior or prior[-1] < rolling_window(day, years=rules.years).start:
                    bad(
                        "plan.rolling_gap",
                        f"{sid} has no comprehensive supervision in the {rules.years} years to {day}",
                        school_id=sid,
                    )
                    break
        per_semester: Counter[Semester] = Counter()
        for day, _t in [*had, *mine]:
            semester = Semester.of(day)
            if semester is not None and plan.start <= day <= plan.end:
                per_semester[semester] += 1
        for item_day, _t in mine:
            semester = Semester.of(item_day)
            if semester is not None and per_semester[semester] > burden:
                bad(
                    "plan.school_burden",
                    f"{sid} gets {per_semester[semester]} supervisions in {semester.label_en}, "
                    f"more than {burden}",
                    school_id=sid,
                )
                per_semester[semester] = 0  # report once
        _check_term_end(school, rules=rules, plan=plan, had=had, mine=mine, report=bad)
    return out


def _check_term_end(
    school: School,
    *,
    rules: CycleRules,
    plan: Plan,
    had: list[tuple[dt.date, SupervisionType]],
    mine: list[tuple[dt.date, SupervisionType]],
    report: Callable[..., None],
) -> None:
    window = rules.term_end_window(school)
    planned_te = [d for d, t in mine if t is SupervisionType.TERM_END]
    if window is None:
        if planned_te:
            report(
                "plan.term_end_unneeded",
                f"{school.id} gets a term-end supervision without a term ending",
                school_id=school.id,
            )
        return
    for d in planned_te:
        if not window[0] <= d <= window[1]:
            report(
                "plan.term_end_window",
                f"{school.id}: term-end supervision on {d} is outside {window[0]} – {window[1]}",
                school_id=school.id,
            )
    if plan.start <= window[1] <= plan.end and not any(
        t is SupervisionType.TERM_END and window[0] <= d <= window[1] for d, t in [*had, *mine]
    ):
        report(
            "plan.term_end_missed",
            f"{school.id}: no term-end supervision in {window[0]} – {window[1]}",
            school_id=school.id,
        )
