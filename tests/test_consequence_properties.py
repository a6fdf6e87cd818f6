"""Property tests of the consequence rules (通报 → 不得评优提拔, 从重, 问责方式) on generated datasets.

Datasets come from :func:`edusupervision.strategies.datasets` (dates 2022–2026, the whole tree as the
jurisdiction), with records injected where random data would rarely exercise a rule: circulars naming a unit's
leadership, a problem verified closed, and awards or promotions of the leaders before, inside and after the
window. Each property states the RULEBOOK meaning as an oracle written here, independent of the rule's code.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edusupervision import (
    AccountabilityDecision,
    AccountabilityMeasure,
    AccountabilityTrigger,
    Circular,
    CircularTrigger,
    Commendation,
    CommendationKind,
    Dataset,
    LifecycleStep,
    ObjectClass,
    Position,
    Problem,
    RectificationEvent,
    SubjectKind,
    sample_dataset,
    validate,
)
from edusupervision._lifecycle import replay
from edusupervision._rules._followup import measure_allowed
from edusupervision.strategies import datasets

if TYPE_CHECKING:
    from collections.abc import Iterable

D = dt.date
START = D(2022, 1, 1)  # after ACC came into force (2021-09-01)
PROFILE = "guangxi"  # has circular.leadership_ineligible and every accountability rule
#: the unit's leadership (领导班子成员); a school's leadership is its head
LEADERS = frozenset(
    {
        Position.MAIN_LEADER,
        Position.LEADERSHIP_MEMBER,
        Position.LEADER_IN_CHARGE_OF_EDUCATION,
        Position.HEAD_OF_EDUCATION_AUTHORITY,
    }
)
#: awards, promotions and key posts (not 政策资源倾斜, which is a unit's favour)
FAVOURS = (
    CommendationKind.COMMENDATION,
    CommendationKind.AWARD,
    CommendationKind.PROMOTION,
    CommendationKind.KEY_POST,
)
#: ACC's measures by the object's class, as the RULEBOOK lists them
ACC = {
    ObjectClass.UNIT: {"公开批评", "约谈", "督导通报", "资源调整", "行政处罚"},
    ObjectClass.PERSON: {"责令检查", "约谈", "通报批评", "组织处理", "处分", "移交"},
    ObjectClass.PRIVATE_SCHOOL_PERSON: {
        "责令检查",
        "约谈",
        "通报批评",
        "组织处理",
        "处分",
        "移交",
        "罚没违法所得",
        "从业禁止",
        "纳入诚信记录",
    },
}
SETTINGS = settings(max_examples=60, deadline=None)


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def whole_tree(ds: Dataset) -> Dataset:
    """Return ``ds`` with its tree's root as the jurisdiction (so every record is in scope)."""
    root = next(d for d in ds.divisions if d.parent_id is None)
    return attrs.evolve(ds, info=attrs.evolve(ds.info, root_division_id=root.id))


def as_of(ds: Dataset) -> dt.date:
    assert ds.info.reference_date is not None
    return ds.info.reference_date


def generated() -> st.SearchStrategy[Dataset]:
    return datasets(
        min_date=START, max_date=D(2026, 12, 31), max_schools=3, max_counties=2, max_inspectors=2
    ).map(whole_tree)


def leaders(ds: Dataset, kind: SubjectKind, unit_id: str) -> set[str]:
    if kind is SubjectKind.SCHOOL:
        head = ds.get("schools", unit_id).head_id
        return set() if head is None else {head}
    return {p.id for p in ds.persons if p.organisation_id == unit_id and p.position in LEADERS}


def closed_on(ds: Dataset, problem_id: str | None, day: dt.date) -> dt.date | None:
    """Return when the problem was (last) verified closed, if it stands closed on ``day``."""
    if problem_id is None:
        return None
    problem = ds.get("problems", problem_id)
    if problem.found_on > day:
        return None
    events = [e for e in ds.rectification_events if e.problem_id == problem_id and e.date <= day]
    return replay(problem, events)[0].closed_on


def violations(ds: Dataset, rule: str) -> set[str]:
    report = validate(ds, profile=PROFILE, as_of=as_of(ds), rules=[rule])
    assert {f.outcome.value for f in report.by_rule(rule)} <= {"violation"}
    return {f.subject.id for f in report.by_rule(rule)}


# --- 通报 → leadership ineligible until the problem is verified closed ----------------------------------------------


@st.composite
def with_circulars(draw: st.DrawFn) -> Dataset:
    """A generated dataset plus circulars naming a leadership, a closed problem, and the leaders' favours."""
    ds = draw(generated())
    day = as_of(ds)
    units = sorted(
        {
            (SubjectKind.ORGANISATION, p.organisation_id)
            for p in ds.persons
            if p.organisation_id and p.position in LEADERS
        }
        | {(SubjectKind.SCHOOL, s.id) for s in ds.schools if s.head_id is not None},
        key=lambda unit: (unit[0].value, unit[1]),
    )
    if not units or not ds.supervisions:
        return ds
    # a problem with a clean history, verified closed on ``closed``
    found = day - days(draw(st.integers(30, 900)))
    closed = found + days(draw(st.integers(3, (day - found).days)))
    problem = Problem(id="prb-inj", supervision_id=ds.supervisions[0].id, found_on=found)
    steps = [(LifecycleStep.FED_BACK, found, closed), (LifecycleStep.REPORTED, closed, None)]
    steps.append((LifecycleStep.VERIFIED, closed, None))
    events = [
        RectificationEvent(id=f"ev-inj-{i}", problem_id=problem.id, step=s, date=d, deadline=dl)
        for i, (s, d, dl) in enumerate(steps)
    ]
    problem_ids = [None, problem.id, *(p.id for p in ds.problems)]
    circulars, favours = [], []
    for n in range(draw(st.integers(1, 3))):
        kind, unit = draw(st.sampled_from(units))
        date = found + days(draw(st.integers(0, (day - found).days)))
        circulars.append(
            Circular(
                id=f"ntc-inj-{n}",
                date=date,
                body_id=ds.supervisions[0].body_id,
                subject_kind=kind,
                subject_id=unit,
                triggers=(CircularTrigger.RECTIFICATION_INEFFECTIVE,),
                problem_id=draw(st.sampled_from(problem_ids)),
                names_leadership=draw(st.sampled_from([True, True, True, False])),
            )
        )
        for m, person in enumerate(sorted(leaders(ds, kind, unit))):
            # before, on, inside, on closure, the day after, and anywhere
            offsets = st.sampled_from([-1, 0, 1, (closed - date).days, (closed - date).days + 1])
            for k in range(draw(st.integers(1, 3))):
                offset = draw(offsets | st.integers(-400, 400))
                favours.append(
                    Commendation(
                        id=f"cmd-inj-{n}-{m}-{k}",
                        subject_kind=SubjectKind.PERSON,
                        subject_id=person,
                        kind=draw(st.sampled_from(CommendationKind)),
                        date=min(max(date + days(offset), START), day),
                    )
                )
    return ds.evolve(
        problems=[*ds.problems, problem],
        rectification_events=[*ds.rectification_events, *events],
        circulars=[*ds.circulars, *circulars],
        commendations=[*ds.commendations, *favours],
    )


def expected_ineligible(ds: Dataset) -> set[str]:
    day = as_of(ds)
    out: set[str] = set()
    for c in ds.circulars:
        if not c.names_leadership or c.date > day:
            continue
        until = closed_on(ds, c.problem_id, day)
        for person in leaders(ds, c.subject_kind, c.subject_id):
            if any(
                k.subject_kind is SubjectKind.PERSON
                and k.subject_id == person
                and k.kind in FAVOURS
                and c.date <= k.date <= day
                and (until is None or k.date <= until)
                for k in ds.commendations
            ):
                out.add(person)
    return out


@SETTINGS
@given(with_circulars())
def test_leadership_ineligible_exactly_inside_the_window(ds: Dataset) -> None:
    assert violations(ds, "circular.leadership_ineligible") == expected_ineligible(ds)


def test_leadership_ineligible_oracle_on_the_sample() -> None:
    ds = sample_dataset()
    assert violations(ds, "circular.leadership_ineligible") == expected_ineligible(ds) == {"p-xh-deputy"}


# --- 从重: a second decision within 365 days -------------------------------------------------------------------------


def aggravation_expected(decisions: Iterable[AccountabilityDecision], day: dt.date) -> dict[str, bool]:
    """Return, per decision id, whether it must be aggravated: an earlier one on the object ≤ 365 days before."""
    ordered = sorted((d for d in decisions if d.decided_on <= day), key=lambda d: (d.decided_on, d.id))
    out = {}
    for i, d in enumerate(ordered):
        out[d.id] = any(
            (e.subject_kind, e.subject_id) == (d.subject_kind, d.subject_id)
            and (d.decided_on - e.decided_on).days <= 365
            for e in ordered[:i]
        )
    return out


@SETTINGS
@given(
    gaps=st.lists(st.sampled_from([0, 1, 364, 365, 366, 367]) | st.integers(0, 800), min_size=1, max_size=5),
    flags=st.lists(st.booleans(), min_size=5, max_size=5),
)
def test_aggravation_exactly_within_365_days(gaps: list[int], flags: list[bool]) -> None:
    sample = sample_dataset()
    first = D(2024, 12, 31) - days(sum(gaps))
    decisions, day = [], first
    for n, gap in enumerate([0, *gaps]):
        day += days(gap)
        decisions.append(
            AccountabilityDecision(
                id=f"acc-{n:02d}",
                object_class=ObjectClass.PERSON,
                subject_kind=SubjectKind.PERSON,
                subject_id="p-xh-deputy",
                measure=AccountabilityMeasure.CIRCULATED_CRITICISM,
                decided_on=day,
                triggers=(AccountabilityTrigger.TARGETS_MISSED,),
                aggravated=flags[n % len(flags)],
            )
        )
    ds = sample.evolve(accountability_decisions=decisions)
    should = aggravation_expected(decisions, D(2024, 12, 31))
    assert violations(ds, "accountability.aggravated") == {
        d.id for d in decisions if d.aggravated != should[d.id]
    }


def in_scope(ds: Dataset, d: AccountabilityDecision) -> bool:
    """Return whether the decision is within the jurisdiction (here the whole tree).

    Every unit of a generated dataset is in the tree, and a person placed in no organisation (or heading a
    school) still belongs to the dataset's own jurisdiction, so every decision is in scope.
    """
    del ds, d
    return True


@st.composite
def with_decisions(draw: st.DrawFn) -> Dataset:
    """A generated dataset whose decisions have a known aggravated flag, a few on the same object."""
    ds = draw(generated())
    decisions = [attrs.evolve(d, aggravated=draw(st.booleans())) for d in ds.accountability_decisions]
    if decisions:
        template = decisions[0]
        for n in range(draw(st.integers(0, 3))):
            gap = draw(st.sampled_from([0, 365, 366]) | st.integers(-500, 500))
            decisions.append(
                attrs.evolve(
                    template,
                    id=f"acc-again-{n}",
                    decided_on=min(max(template.decided_on + days(gap), START), D(2026, 12, 31)),
                    aggravated=draw(st.booleans()),
                    measure=draw(st.sampled_from(AccountabilityMeasure)),
                    object_class=draw(st.sampled_from(ObjectClass)),
                )
            )
    return ds.evolve(accountability_decisions=decisions)


@SETTINGS
@given(with_decisions())
def test_aggravation_on_generated_datasets(ds: Dataset) -> None:
    should = aggravation_expected(ds.accountability_decisions, as_of(ds))
    expected = {
        d.id
        for d in ds.accountability_decisions
        if d.id in should and in_scope(ds, d) and bool(d.aggravated) != should[d.id]
    }
    assert violations(ds, "accountability.aggravated") == expected


# --- 问责方式: a measure belongs to the object's class ---------------------------------------------------------------


@pytest.mark.parametrize("object_class", list(ObjectClass))
@pytest.mark.parametrize("measure", list(AccountabilityMeasure))
def test_measure_allowed_matches_acc(object_class: ObjectClass, measure: AccountabilityMeasure) -> None:
    assert measure_allowed(object_class, measure) is (measure.zh in ACC[object_class])


def test_acc_lists_name_every_measure() -> None:
    assert set().union(*ACC.values()) == {m.zh for m in AccountabilityMeasure}


@SETTINGS
@given(with_decisions())
def test_measures_never_accepts_a_measure_outside_the_class(ds: Dataset) -> None:
    day = as_of(ds)
    expected = {
        d.id
        for d in ds.accountability_decisions
        if d.decided_on <= day
        and in_scope(ds, d)
        and (
            d.measure.zh not in ACC[d.object_class]
            or (d.object_class is ObjectClass.UNIT) != (d.subject_kind is not SubjectKind.PERSON)
        )
    }
    assert violations(ds, "accountability.measures") == expected
