"""Coverage, the cycle planner, its independent checker, staffing and scenarios."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    sample_dataset,
    validate,
)
from edusupervision.planning import (
    PlanPolicy,
    PlanViolation,
    Scenario,
    add_inspectors,
    check_plan,
    coverage,
    minimum_staffing,
    plan_cycle,
    what_if,
)

START = dt.date(2025, 1, 1)


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return sample_dataset()


# --- coverage ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", ["national", "weihai-etdz", "chongqing"])
@pytest.mark.parametrize(
    "as_of", [dt.date(2024, 12, 31), dt.date(2024, 8, 31), dt.date(2023, 3, 1), dt.date(2025, 6, 30)]
)
def test_coverage_overdue_is_exactly_the_rule_violation(
    sample: Dataset, profile: str, as_of: dt.date
) -> None:
    cov = coverage(sample, profile=profile, as_of=as_of)
    report = validate(sample, profile=profile, as_of=as_of, rules=["school.comprehensive_cycle"])
    violations = {f.subject.id for f in report.findings if f.outcome.value == "violation"}
    assert {s.school_id for s in cov.schools if s.overdue} == violations
    assert cov.total.schools == len(cov.schools) == 59
    assert sum(j.schools for j in cov.jurisdictions[:-1]) == cov.total.schools


def test_coverage_at_risk_and_rhythm(sample: Dataset) -> None:
    cov = coverage(sample, as_of=dt.date(2024, 12, 31), at_risk_months=3)
    at_risk = {s.school_id for s in cov.schools if s.at_risk}
    assert at_risk
    assert all(
        s.due is not None and s.due <= dt.date(2025, 3, 31) and not s.overdue
        for s in cov.schools
        if s.school_id in at_risk
    )
    assert cov.total.per_semester == 2
    assert cov.total.semester == "2023-2024学年春季学期"
    cq = coverage(sample, profile="chongqing", as_of=dt.date(2024, 12, 31))
    assert cq.total.per_month == 1
    assert cq.total.months[-1] == "2024-12"
    assert 0 < cq.total.meeting_monthly_rhythm <= cq.total.monthly_scope
    assert cov.to_dict()["jurisdictions"][-1]["share"] == round(58 / 59, 4)


def test_coverage_of_a_carried_out_plan_is_complete(sample: Dataset) -> None:
    plan = plan_cycle(sample, start=START)
    cov = coverage(plan.apply(sample), as_of=plan.end)
    assert cov.total.covered == cov.total.schools
    assert not cov.total.overdue


# --- the sample plan, checked independently ------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "start"),
    [
        ("national", START),
        ("national", dt.date(2025, 9, 1)),
        ("weihai-etdz", dt.date(2025, 9, 1)),
        ("chongqing", START),
        ("guangxi", dt.date(2026, 3, 15)),
    ],
)
def test_sample_plan_satisfies_every_constraint(sample: Dataset, profile: str, start: dt.date) -> None:
    plan = plan_cycle(sample, profile=profile, start=start)
    assert plan.feasible, plan.reasons
    assert check_plan(sample, plan) == []
    schools = Counter(p.school_id for p in plan.supervisions if p.type is SupervisionType.COMPREHENSIVE)
    assert max(schools.values()) == 1


def test_sample_plan_passes_the_library_rules_when_carried_out(sample: Dataset) -> None:
    plan = plan_cycle(sample, start=START)
    done = plan.apply(sample)
    rules = [
        "school.comprehensive_cycle",
        "supervision.team_size",
        "inspector.recusal",
        "school.principal_term_end",
    ]
    for as_of in (dt.date(2026, 6, 30), dt.date(2027, 12, 31), dt.date(2029, 12, 31)):
        report = validate(done, profile="national", as_of=as_of, rules=rules)
        planned = [f for f in report.findings if f.subject.id.startswith("plan-")]
        assert planned == []
        cycle = {f.subject.id for f in report.by_rule("school.comprehensive_cycle")}
        assert cycle == set()


def test_plan_is_deterministic_for_a_seed(sample: Dataset) -> None:
    a = plan_cycle(sample, start=START, seed=7)
    b = plan_cycle(sample, start=START, seed=7)
    assert a == b
    assert a.to_json() == b.to_json()
    c = plan_cycle(sample, start=START, seed=8)
    assert [p.date for p in a.supervisions] == [p.date for p in c.supervisions]
    assert check_plan(sample, c) == []


def test_plan_balances_years_and_months(sample: Dataset) -> None:
    plan = plan_cycle(sample, start=START)
    per_month = Counter((p.date.year, p.date.month) for p in plan.supervisions)
    assert max(per_month.values()) <= 6  # the due dates force 5 in some months, plus the catch-up
    assert all(p.date.month not in (1, 2, 7, 8) for p in plan.supervisions)
    load = Counter(i for p in plan.supervisions for i in p.team)
    assert max(load.values()) - min(load.values()) <= 1


def test_pendulum_dates_are_accepted(sample: Dataset) -> None:
    assert plan_cycle(sample, start=pendulum.date(2025, 1, 1)) == plan_cycle(sample, start=START)


# --- infeasibility and staffing --------------------------------------------------------------------------


def test_infeasible_plan_states_a_sufficient_shortfall(sample: Dataset) -> None:
    plan = plan_cycle(sample, profile="weihai-etdz", start=START)
    assert not plan.feasible
    (county,) = plan.staffing
    assert county.shortfall > 0
    assert county.verified
    assert plan.reasons[0].startswith(f"needs {county.shortfall} more inspector(s) in 青山县")
    assert check_plan(sample, plan)  # the checker sees what is missing
    staffed = add_inspectors(sample, {county.division_id: county.shortfall})
    again = plan_cycle(staffed, profile="weihai-etdz", start=START)
    assert again.feasible
    assert check_plan(staffed, again) == []
    fewer = add_inspectors(sample, {county.division_id: county.shortfall - 1})
    assert not plan_cycle(fewer, profile="weihai-etdz", start=START).feasible


def test_minimum_staffing_is_verified_and_tight(sample: Dataset) -> None:
    (line,) = minimum_staffing(sample, profile="weihai-etdz", start=dt.date(2025, 9, 1))
    assert line.verified
    assert line.shortfall == 0
    gone = dt.date(2000, 1, 1)
    only = sample.evolve(inspectors=[attrs.evolve(i, dismissed_on=gone) for i in sample.inspectors])
    enough = add_inspectors(only, {line.division_id: line.minimum})
    assert plan_cycle(enough, profile="weihai-etdz", start=dt.date(2025, 9, 1)).feasible
    short = add_inspectors(only, {line.division_id: line.minimum - 1})
    assert not plan_cycle(short, profile="weihai-etdz", start=dt.date(2025, 9, 1)).feasible


def test_calendar_conflicts_are_not_blamed_on_staff(sample: Dataset) -> None:
    plan = plan_cycle(sample, start=START, years=11)
    assert not plan.feasible
    assert "more inspectors do not help" in plan.reasons[0]
    assert {u.reason for u in plan.unscheduled} == {"no open working day in its window"}


def test_policy_validation() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        PlanPolicy(max_per_inspector_month=0)
    with pytest.raises(ValueError, match="every month"):
        PlanPolicy(closed_months=range(1, 13))
    with pytest.raises(ValueError, match="1-12"):
        PlanPolicy(closed_months=[13])


def test_policy_defaults_follow_the_profile() -> None:
    resolved = PlanPolicy().resolved("weihai-etdz", on=START)
    assert (resolved.team_size, resolved.max_per_school_semester) == (3, 1)
    assert PlanPolicy(team_size=4).resolved("national", on=START).team_size == 4


# --- the checker catches what it must ----------------------------------------------------------------


def _codes(violations: list[PlanViolation]) -> set[str]:
    return {v.code for v in violations}


def test_checker_catches_broken_plans(sample: Dataset) -> None:
    plan = plan_cycle(sample, start=START)
    items = list(plan.supervisions)
    first = items[0]
    cases: dict[str, Any] = {
        "plan.team_size": attrs.evolve(first, team=first.team[:2]),
        "plan.recusal": attrs.evolve(
            next(p for p in items if p.school_id == "sch-040"),
            team=("insp-06", *next(p for p in items if p.school_id == "sch-040").team[:2]),
        ),
        "plan.closed_month": attrs.evolve(first, date=dt.date(2025, 7, 1)),
        "plan.not_working_day": attrs.evolve(first, date=dt.date(2025, 3, 8)),
        "plan.unknown_inspector": attrs.evolve(first, team=(*first.team, "nobody")),
    }
    for code, replacement in cases.items():
        broken = [
            replacement
            if p is first or (p.school_id == replacement.school_id and p.date == replacement.date)
            else p
            for p in items
        ]
        if code == "plan.recusal":
            broken = [replacement if p.school_id == "sch-040" else p for p in items]
        found = _codes(check_plan(sample, attrs.evolve(plan, supervisions=tuple(broken))))
        assert code in found, (code, found)
    # a school dropped, one twice, an inspector overloaded
    dropped = attrs.evolve(plan, supervisions=tuple(items[1:]))
    assert _codes(check_plan(sample, dropped)) & {
        "plan.cycle_missed",
        "plan.rolling_gap",
        "plan.term_end_missed",
    }
    twice = attrs.evolve(
        plan,
        supervisions=(
            *items,
            attrs.evolve(
                next(p for p in items if p.type is SupervisionType.COMPREHENSIVE), date=dt.date(2029, 11, 6)
            ),
        ),
    )
    assert "plan.cycle_twice" in _codes(check_plan(sample, twice))
    crowded = [
        attrs.evolve(p, team=first.team, date=dt.date(2025, 3, 3 + n)) for n, p in enumerate(items[:4])
    ]
    assert {"plan.inspector_month"} <= _codes(
        check_plan(sample, attrs.evolve(plan, supervisions=tuple(crowded)))
    )


# --- scenarios -----------------------------------------------------------------------------------------


def test_what_if_side_by_side(sample: Dataset) -> None:
    cmp = what_if(
        sample,
        Scenario(name="minus-6", remove_inspectors=[f"insp-{n:02d}" for n in range(11, 17)]),
        Scenario(name="ratio-3", ratio=3),
        Scenario(name="3-year", cycle_years=3),
        profile="national",
        start=START,
    )
    rows = {r["scenario"]: r for r in cmp.rows()}
    assert rows["baseline"]["feasible"]
    assert rows["baseline"]["covered_share"] == 1.0
    county = [
        i for i in cmp["ratio-3"].dataset.inspectors if i.division_id == "div-qingshan" and i.active_on(START)
    ]
    assert len(county) == 20  # ceil(59 / 3)
    assert cmp["ratio-3"].profile.name == "national+ratio-3"  # type: ignore[union-attr]
    assert rows["3-year"]["supervisions"] >= rows["baseline"]["supervisions"]
    assert cmp["3-year"].plan.cycles[0].end == dt.date(2027, 12, 31)
    assert cmp["minus-6"].diff is not None
    assert "scenario" in cmp.to_text()


# --- generated datasets -----------------------------------------------------------------------------


@st.composite
def provinces(draw: st.DrawFn, *, staff: str) -> Dataset:
    """A province of 1-3 counties with schools, heads, history, inspectors and near relatives."""
    divisions = [Division(id="p", name="省", kind=DivisionKind.PROVINCE)]
    orgs: list[Organisation] = []
    persons: list[Person] = []
    schools: list[School] = []
    inspectors: list[Inspector] = []
    relatives: list[NearRelative] = []
    sups: list[Supervision] = []
    for c in range(draw(st.integers(1, 3))):
        county = f"c{c}"
        divisions.append(Division(id=county, name=f"县{c}", kind=DivisionKind.COUNTY, parent_id="p"))
        orgs.append(
            Organisation(
                id=f"{county}-body", name=f"督导室{c}", kind=OrgKind.SUPERVISION_BODY, division_id=county
            )
        )
        n = draw(st.integers(1, 25))
        for k in range(n):
            sid, head = f"{county}-s{k:02d}", f"{county}-h{k:02d}"
            persons.append(Person(id=head, name=f"校长{k}"))
            term_end = draw(st.none() | st.dates(START, dt.date(2029, 1, 1)))
            schools.append(
                School(
                    id=sid,
                    name=f"学校{k}",
                    stage=SchoolStage.PRIMARY,
                    division_id=county,
                    head_id=head,
                    head_term_end=term_end,
                )
            )
            last = draw(st.none() | st.dates(dt.date(2019, 1, 1), dt.date(2024, 12, 31)))
            if last is not None:
                sups.append(
                    Supervision(
                        id=f"h-{sid}",
                        function=SupervisionFunction.SCHOOL,
                        type=SupervisionType.COMPREHENSIVE,
                        body_id=f"{county}-body",
                        subject_kind=SubjectKind.SCHOOL,
                        subject_id=sid,
                        start=last,
                    )
                )
        count = 2 * n + 3 if staff == "enough" else draw(st.integers(0, max(3, n // 2)))
        for k in range(count):
            iid = f"{county}-i{k:02d}"
            inspectors.append(
                Inspector(
                    id=iid,
                    name=f"督学{k}",
                    employment=Employment.PART_TIME,
                    appointed_by=f"{county}-body",
                    division_id=county,
                )
            )
            if k < n and draw(st.booleans()):
                relatives.append(NearRelative(inspector_id=iid, person_id=f"{county}-h{k:02d}"))
    return Dataset(
        info=DatasetInfo(name="generated", reference_date=dt.date(2024, 12, 31)),
        divisions=divisions,
        organisations=orgs,
        persons=persons,
        schools=schools,
        inspectors=inspectors,
        near_relatives=relatives,
        supervisions=sups,
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ds=provinces(staff="enough"), seed=st.integers(0, 3))
def test_enough_capacity_covers_every_school_once(ds: Dataset, seed: int) -> None:
    plan = plan_cycle(ds, start=START, seed=seed)
    assert plan.feasible, plan.reasons
    assert check_plan(ds, plan) == []
    comprehensive = Counter(p.school_id for p in plan.supervisions if p.type is SupervisionType.COMPREHENSIVE)
    counting = Counter(p.school_id for p in plan.supervisions)
    assert all(comprehensive[s.id] <= 1 and counting[s.id] >= 1 for s in ds.schools)
    assert plan == plan_cycle(ds, start=START, seed=seed)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ds=provinces(staff="few"))
def test_too_little_capacity_states_a_sufficient_shortfall(ds: Dataset) -> None:
    plan = plan_cycle(ds, start=START)
    if plan.feasible:
        assert check_plan(ds, plan) == []
        return
    assert plan.reasons
    assert check_plan(ds, plan)
    shortfall = {s.division_id: s.shortfall for s in plan.staffing if s.shortfall}
    assert shortfall
    staffed = add_inspectors(ds, shortfall)
    again = plan_cycle(staffed, start=START)
    assert again.feasible, again.reasons
    assert check_plan(staffed, again) == []
