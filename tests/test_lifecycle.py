"""The rectification lifecycle (``edusupervision._lifecycle``): transitions, queries, replay, and properties.

Built through the API an illegal step raises :class:`IllegalTransitionError` (also a ``ValueError``); replayed
from recorded events it is collected as an :class:`Irregularity` and skipped. The property tests run on
generated histories: random steps, dates and deadlines, biased towards legal paths.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from edusupervision import (
    IllegalTransitionError,
    LiabilityKind,
    LifecycleStep,
    LookBackOutcome,
    Problem,
    RectificationEvent,
)
from edusupervision._lifecycle import ALLOWED, Irregularity, Lifecycle, ProblemState, replay

if TYPE_CHECKING:
    from collections.abc import Sequence

D = dt.date
FB, RP, UR, VF, FL, LB = (
    LifecycleStep.FED_BACK,
    LifecycleStep.REPORTED,
    LifecycleStep.URGED,
    LifecycleStep.VERIFIED,
    LifecycleStep.FAILED,
    LifecycleStep.LOOK_BACK,
)
S = ProblemState
FOUND_ON = D(2024, 3, 20)


def days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


# --- helpers --------------------------------------------------------------------------------------------------------

#: a path through the API to each state: (step, days after the finding, deadline days after the finding)
PATHS: dict[ProblemState, tuple[tuple[LifecycleStep, int, int | None, LookBackOutcome | None], ...]] = {
    S.FOUND: (),
    S.FED_BACK: ((FB, 8, 100, None),),
    S.URGED: ((FB, 8, 100, None), (UR, 110, 160, None)),
    S.REPORTED: ((FB, 8, 100, None), (RP, 90, None, None)),
    S.FAILED: ((FB, 8, 100, None), (RP, 90, None, None), (FL, 120, None, None)),
    S.CLOSED: ((FB, 8, 100, None), (RP, 90, None, None), (VF, 120, None, None)),
    S.RELAPSED: (
        (FB, 8, 100, None),
        (RP, 90, None, None),
        (VF, 120, None, None),
        (LB, 200, None, LookBackOutcome.RELAPSED),
    ),
}


def take(
    life: Lifecycle,
    step: LifecycleStep,
    date: dt.date,
    deadline: dt.date | None = None,
    outcome: LookBackOutcome | None = None,
) -> Lifecycle:
    """Apply ``step`` through the API (FED_BACK and URGED default to a deadline 60/90 days on)."""
    if step is FB:
        return life.feed_back(date, deadline=deadline or date + days(60))
    if step is UR:
        return life.urge(date, deadline=deadline or date + days(400))
    if step is RP:
        return life.report(date)
    if step is VF:
        return life.verify(date)
    if step is FL:
        return life.fail(date, liable_id="org-edu", liability=LiabilityKind.JOINT)
    return life.look_back(date, outcome=outcome or LookBackOutcome.SUSTAINED)


def reach(state: ProblemState, pid: str = "prb-1") -> Lifecycle:
    life = Lifecycle.start(pid, found_on=FOUND_ON)
    for step, after, deadline, outcome in PATHS[state]:
        due = None if deadline is None else FOUND_ON + days(deadline)
        life = take(life, step, FOUND_ON + days(after), due, outcome)
    assert life.state is state
    return life


NEXT_DAY = FOUND_ON + days(300)  # after every step of every path

LEGAL = [
    (step, source)
    for step, (sources, _target) in ALLOWED.items()
    for source in sorted(sources, key=lambda s: s.value)
]
ILLEGAL = [(step, state) for step in LifecycleStep for state in ProblemState if state not in ALLOWED[step][0]]


# --- transitions ----------------------------------------------------------------------------------------------------


def test_allowed_covers_every_step() -> None:
    assert set(ALLOWED) == set(LifecycleStep)
    assert {s for sources, _ in ALLOWED.values() for s in sources} == set(ProblemState)


@pytest.mark.parametrize(("step", "source"), LEGAL, ids=[f"{s.value}-from-{f.value}" for s, f in LEGAL])
def test_legal_transition(step: LifecycleStep, source: ProblemState) -> None:
    life = reach(source)
    after = take(life, step, NEXT_DAY)
    expected = ALLOWED[step][1]
    assert after.state is expected
    assert after.steps[-1].step is step
    assert after.steps[-1].date == NEXT_DAY
    assert after.steps[: len(life.steps)] == life.steps
    assert life.state is source  # the lifecycle is immutable


def test_look_back_relapsed_leads_to_relapsed_and_can_be_fed_back_again() -> None:
    life = take(reach(S.CLOSED), LB, NEXT_DAY, outcome=LookBackOutcome.RELAPSED)
    assert life.state is S.RELAPSED
    assert life.closed_on is None
    again = life.feed_back(NEXT_DAY + days(5), deadline=NEXT_DAY + days(60))
    assert again.state is S.FED_BACK
    assert again.deadline == NEXT_DAY + days(60)


@pytest.mark.parametrize(("step", "state"), ILLEGAL, ids=[f"{s.value}-from-{f.value}" for s, f in ILLEGAL])
def test_illegal_transition(step: LifecycleStep, state: ProblemState) -> None:
    life = reach(state, pid="prb-ill")
    with pytest.raises(IllegalTransitionError) as info:
        take(life, step, NEXT_DAY)
    assert isinstance(info.value, ValueError)
    message = str(info.value)
    assert message.startswith("prb-ill: ")
    assert step.zh in message
    assert f"{state.value} ({state.zh})" in message
    assert NEXT_DAY.isoformat() in message


def test_illegal_transition_is_a_value_error() -> None:
    with pytest.raises(
        ValueError, match=r"prb-2: cannot verify \(核查销号\) a problem that is found \(已发现\)"
    ):
        Lifecycle.start("prb-2", found_on=FOUND_ON).verify(FOUND_ON + days(1))


def test_step_before_the_previous_one_is_illegal() -> None:
    life = reach(S.FED_BACK)  # fed back on day 8
    with pytest.raises(IllegalTransitionError, match=r"prb-1: reported on .* is before the previous step"):
        life.report(FOUND_ON + days(7))
    assert life.report(FOUND_ON + days(8)).state is S.REPORTED  # the same day is fine


def test_feed_back_before_the_finding_is_illegal() -> None:
    with pytest.raises(IllegalTransitionError, match="before the previous step"):
        Lifecycle.start("prb-1", found_on=FOUND_ON).feed_back(
            FOUND_ON - days(1), deadline=FOUND_ON + days(30)
        )


def test_deadline_before_the_step_is_illegal() -> None:
    with pytest.raises(IllegalTransitionError, match=r"prb-1: deadline .* is before the fed_back date"):
        Lifecycle.start("prb-1", found_on=FOUND_ON).feed_back(FOUND_ON + days(5), deadline=FOUND_ON + days(4))
    same_day = Lifecycle.start("prb-1", found_on=FOUND_ON).feed_back(FOUND_ON, deadline=FOUND_ON)
    assert same_day.deadline == FOUND_ON


@pytest.mark.parametrize("later", [-1, 0])
def test_urging_must_set_a_later_deadline(later: int) -> None:
    life = reach(S.REPORTED)  # deadline on day 100, reported on day 90 (inadequately: urged on day 95)
    with pytest.raises(IllegalTransitionError, match="prb-1: an urging notice must set a later deadline"):
        life.urge(FOUND_ON + days(95), deadline=FOUND_ON + days(100 + later))
    assert life.urge(FOUND_ON + days(95), deadline=FOUND_ON + days(101)).state is S.URGED


def test_urging_before_the_deadline_is_illegal() -> None:
    life = reach(S.FED_BACK)  # deadline on day 100
    with pytest.raises(IllegalTransitionError, match="prb-1: an urging notice follows a missed deadline"):
        life.urge(FOUND_ON + days(50), deadline=FOUND_ON + days(150))
    with pytest.raises(IllegalTransitionError, match="had not passed"):
        life.urge(FOUND_ON + days(100), deadline=FOUND_ON + days(150))  # the deadline day itself


def test_urging_after_the_missed_deadline_and_after_failure() -> None:
    urged = reach(S.FED_BACK).urge(FOUND_ON + days(101), deadline=FOUND_ON + days(150))
    assert (urged.state, urged.deadline) == (S.URGED, FOUND_ON + days(150))
    failed = reach(S.FAILED).urge(FOUND_ON + days(121), deadline=FOUND_ON + days(200))
    assert failed.state is S.URGED


def test_fail_records_liability() -> None:
    life = reach(S.REPORTED).fail(FOUND_ON + days(95), liable_id="org-qs-edu", liability=LiabilityKind.JOINT)
    assert (life.state, life.liable_id, life.liability) == (S.FAILED, "org-qs-edu", LiabilityKind.JOINT)
    # a later step without liability keeps it
    again = life.urge(FOUND_ON + days(96), deadline=FOUND_ON + days(200))
    assert (again.liable_id, again.liability) == ("org-qs-edu", LiabilityKind.JOINT)


# --- queries --------------------------------------------------------------------------------------------------------


def test_state_on() -> None:
    life = reach(S.RELAPSED)  # FB day 8, RP day 90, VF day 120, LB (relapsed) day 200
    on = life.state_on
    assert on(FOUND_ON - days(1)) is S.FOUND
    assert on(FOUND_ON + days(7)) is S.FOUND
    assert on(FOUND_ON + days(8)) is S.FED_BACK
    assert on(FOUND_ON + days(89)) is S.FED_BACK
    assert on(FOUND_ON + days(90)) is S.REPORTED
    assert on(FOUND_ON + days(120)) is S.CLOSED
    assert on(FOUND_ON + days(199)) is S.CLOSED
    assert on(FOUND_ON + days(200)) is S.RELAPSED
    assert on(D(2030, 1, 1)) is life.state


def test_state_on_same_day_steps_takes_the_last() -> None:
    life = (
        Lifecycle.start("p", found_on=FOUND_ON)
        .feed_back(FOUND_ON, deadline=FOUND_ON + days(9))
        .report(FOUND_ON)
    )
    assert life.state_on(FOUND_ON) is S.REPORTED


@pytest.mark.parametrize(
    ("state", "as_of", "overdue"),
    [
        (S.FED_BACK, 100, False),  # the deadline day itself
        (S.FED_BACK, 101, True),
        (S.URGED, 160, False),
        (S.URGED, 161, True),
        (S.REPORTED, 400, False),  # reported: awaiting verification, not overdue
        (S.FAILED, 400, True),
        (S.CLOSED, 400, False),
        (S.RELAPSED, 400, False),
        (S.FOUND, 400, False),  # no deadline yet
    ],
)
def test_overdue(state: ProblemState, as_of: int, overdue: bool) -> None:
    assert reach(state).overdue(FOUND_ON + days(as_of)) is overdue


def test_closed_on() -> None:
    assert reach(S.REPORTED).closed_on is None
    closed = reach(S.CLOSED)
    assert closed.closed_on == FOUND_ON + days(120)
    sustained = closed.look_back(FOUND_ON + days(200))
    assert (sustained.state, sustained.closed_on) == (S.CLOSED, FOUND_ON + days(120))
    relapsed = reach(S.RELAPSED)
    assert relapsed.closed_on is None
    reclosed = (
        relapsed.feed_back(FOUND_ON + days(210), deadline=FOUND_ON + days(260))
        .report(FOUND_ON + days(250))
        .verify(FOUND_ON + days(270))
    )
    assert reclosed.closed_on == FOUND_ON + days(270)
    assert reclosed.dates(VF) == (FOUND_ON + days(120), FOUND_ON + days(270))


# --- replay ---------------------------------------------------------------------------------------------------------

PROBLEM = Problem(id="prb-r", supervision_id="sv-r", found_on=FOUND_ON)


def event(
    eid: str,
    step: LifecycleStep,
    after: int,
    deadline: int | None = None,
    *,
    outcome: LookBackOutcome | None = None,
) -> RectificationEvent:
    return RectificationEvent(
        id=eid,
        problem_id=PROBLEM.id,
        step=step,
        date=FOUND_ON + days(after),
        deadline=None if deadline is None else FOUND_ON + days(deadline),
        outcome=outcome,
    )


def test_replay_a_clean_history() -> None:
    events = [event("e1", FB, 8, 100), event("e2", RP, 90), event("e3", VF, 120), event("e4", LB, 200)]
    life, issues = replay(PROBLEM, reversed(events))  # the order of the records does not matter
    assert issues == ()
    assert life.state is S.CLOSED
    assert [s.event_id for s in life.steps] == ["e1", "e2", "e3", "e4"]
    assert life.closed_on == FOUND_ON + days(120)


def test_replay_collects_irregularities_instead_of_raising() -> None:
    events = [
        event("e1", VF, 5),  # verified before anything
        event("e2", FB, 8, 100),
        event("e3", UR, 96, 99),  # an urging notice with an earlier deadline than the feedback's
        event("e4", RP, 95),
        event("e5", LB, 96),  # a look-back of a problem not closed
    ]
    life, issues = replay(PROBLEM, events)
    assert life.state is S.REPORTED
    assert [s.event_id for s in life.steps] == ["e2", "e4"]
    assert [i.event_id for i in issues] == ["e1", "e3", "e5"]
    first = issues[0]
    assert first == Irregularity(
        problem_id="prb-r",
        event_id="e1",
        step=VF,
        date=FOUND_ON + days(5),
        state=S.FOUND,
        reason=first.reason,
    )
    assert "cannot verify" in first.reason
    assert (issues[1].state, issues[2].state) == (S.REPORTED, S.REPORTED)
    assert "later deadline" in issues[1].reason
    assert "cannot look back at" in issues[2].reason


def test_replay_same_day_steps_in_lifecycle_order() -> None:
    events = [event("b", RP, 8), event("a", FB, 8, 30)]
    life, issues = replay(PROBLEM, events)
    assert issues == ()
    assert [s.step for s in life.steps] == [FB, RP]


def test_replay_fed_back_without_deadline_is_irregular() -> None:
    life, issues = replay(PROBLEM, [event("e1", FB, 8)])
    assert life.state is S.FOUND
    assert [i.reason for i in issues] == ["fed_back needs a deadline"]


def test_replay_ignores_or_flags_a_deadline_on_a_report() -> None:
    events = [event("e1", FB, 8, 100), event("e2", RP, 90, 600)]
    life, issues = replay(PROBLEM, events)
    assert life.deadline == FOUND_ON + days(100) or issues != ()


# --- properties -----------------------------------------------------------------------------------------------------

DEADLINE_STEPS = (FB, UR)


@st.composite
def histories(draw: st.DrawFn, *, increasing: bool = False) -> tuple[Problem, list[RectificationEvent]]:
    """Draw a problem and its events: random steps (half the time one legal now), dates and deadlines.

    Only FED_BACK and URGED carry deadlines (sometimes missing or before the step). Dates usually move
    forwards, sometimes back (unless ``increasing``: then strictly forwards).
    """
    found = draw(st.dates(D(2020, 1, 1), D(2026, 12, 31)))
    life = Lifecycle.start("prb-h", found_on=found)
    day = found
    events: list[RectificationEvent] = []
    for n in range(draw(st.integers(0, 10))):
        legal = [s for s in LifecycleStep if life.state in ALLOWED[s][0]]
        pick_legal = bool(legal) and draw(st.booleans())
        step = draw(st.sampled_from(legal if pick_legal else list(LifecycleStep)))
        gap = draw(st.integers(1, 90) if increasing else st.integers(-10, 90))
        day += days(gap)
        deadline = None
        if step in DEADLINE_STEPS:
            offset = draw(st.integers(0, 200) if increasing else st.one_of(st.none(), st.integers(-20, 200)))
            deadline = None if offset is None else day + days(offset)
        outcome = draw(st.sampled_from(LookBackOutcome)) if step is LB else None
        liable = draw(st.sampled_from([None, "org-edu"])) if step is FL else None
        events.append(
            RectificationEvent(
                id=f"ev-{n:02d}",
                problem_id="prb-h",
                step=step,
                date=day,
                deadline=deadline,
                outcome=outcome,
                liable_id=liable,
                liability=LiabilityKind.JOINT if liable else None,
            )
        )
        reason = life._check(step, day, deadline)  # track the state to bias the next draw
        if reason is None:
            life = life._apply(step, day, deadline=deadline, outcome=outcome)
    return Problem(id="prb-h", supervision_id="sv-h", found_on=found), events


def walk(steps: Sequence[LifecycleStep], outcomes: Sequence[LookBackOutcome | None]) -> list[ProblemState]:
    """Return the states before each step, checking each step is allowed from the one before."""
    state, before = S.FOUND, []
    for step, outcome in zip(steps, outcomes, strict=True):
        assert state in ALLOWED[step][0], f"{step.value} from {state.value}"
        before.append(state)
        state = S.RELAPSED if step is LB and outcome is LookBackOutcome.RELAPSED else ALLOWED[step][1]
    return [*before, state]


#: fed back with a deadline on 06-30, urged on 06-01 (before the deadline passed)
EARLY_URGING = (
    Problem(id="prb-h", supervision_id="sv-h", found_on=D(2024, 3, 20)),
    [
        RectificationEvent(id="a", problem_id="prb-h", step=FB, date=D(2024, 3, 28), deadline=D(2024, 6, 30)),
        RectificationEvent(id="b", problem_id="prb-h", step=UR, date=D(2024, 6, 1), deadline=D(2024, 8, 31)),
    ],
)


@settings(max_examples=300, deadline=None)
@given(histories())
def test_replay_never_raises_and_every_path_is_allowed(
    history: tuple[Problem, list[RectificationEvent]],
) -> None:
    problem, events = history
    life, issues = replay(problem, events)
    states = walk([s.step for s in life.steps], [s.outcome for s in life.steps])
    assert states[-1] is life.state
    assert len(life.steps) + len(issues) == len(events)
    assert {s.event_id for s in life.steps}.isdisjoint({i.event_id for i in issues})
    dates = [problem.found_on, *(s.date for s in life.steps)]
    assert dates == sorted(dates)
    for step in life.steps:
        if step.step in DEADLINE_STEPS:
            assert step.deadline is not None
            assert step.deadline >= step.date
    for issue in issues:
        assert issue.problem_id == problem.id
        assert issue.reason


@settings(max_examples=300, deadline=None)
@given(histories())
def test_every_urging_sets_a_later_deadline(history: tuple[Problem, list[RectificationEvent]]) -> None:
    problem, events = history
    life, _issues = replay(problem, events)
    previous: dt.date | None = None
    for step in life.steps:
        if step.step is UR:
            assert step.deadline is not None
            assert previous is not None  # urging needs a deadline before it
            assert step.deadline > previous
        if step.deadline is not None:
            previous = step.deadline


@settings(max_examples=300, deadline=None)
@given(histories())
@example(EARLY_URGING)
def test_every_urging_follows_an_overdue_deadline_or_a_report_or_failure(
    history: tuple[Problem, list[RectificationEvent]],
) -> None:
    problem, events = history
    life, _issues = replay(problem, events)
    states = walk([s.step for s in life.steps], [s.outcome for s in life.steps])
    previous: dt.date | None = None
    for i, step in enumerate(life.steps):
        if step.step is UR:
            overdue = previous is not None and previous < step.date
            assert overdue or states[i] in (S.REPORTED, S.FAILED), (states[i], previous, step.date)
        if step.deadline is not None:
            previous = step.deadline


def without_event_ids(life: Lifecycle) -> Lifecycle:
    return attrs.evolve(life, steps=tuple(attrs.evolve(s, event_id=None) for s in life.steps))


@settings(max_examples=300, deadline=None)
@given(histories(increasing=True))
def test_api_and_replay_agree(history: tuple[Problem, list[RectificationEvent]]) -> None:
    problem, events = history
    life = Lifecycle.start(problem.id, found_on=problem.found_on)
    rejected = []
    for e in events:
        try:
            if e.step is FB:
                assert e.deadline is not None
                life = life.feed_back(e.date, deadline=e.deadline)
            elif e.step is UR:
                assert e.deadline is not None
                life = life.urge(e.date, deadline=e.deadline)
            elif e.step is RP:
                life = life.report(e.date)
            elif e.step is VF:
                life = life.verify(e.date)
            elif e.step is FL:
                life = life.fail(e.date, liable_id=e.liable_id, liability=e.liability)
            else:
                assert e.outcome is not None
                life = life.look_back(e.date, outcome=e.outcome)
        except IllegalTransitionError:
            rejected.append(e.id)
    replayed, issues = replay(problem, events)
    assert without_event_ids(replayed) == life
    assert [i.event_id for i in issues] == rejected
    assert [s.event_id for s in replayed.steps] == [e.id for e in events if e.id not in rejected]
