"""The rectification lifecycle of a problem as an explicit state machine.

found → fed back (deadline) → reported → verified (closed) → look-back; with urging notices (a new, later
deadline) after a missed deadline or a failed verification, and a failed verification recording the competent
department's liability. Built through the API, an illegal step raises :class:`IllegalTransitionError`;
replayed from data (:func:`replay`), illegal steps are collected as :class:`Irregularity` records so that rules
can report them as findings.

Examples
--------
>>> import datetime as dt
>>> life = Lifecycle.start("prb-1", found_on=dt.date(2024, 3, 20))
>>> life = life.feed_back(dt.date(2024, 3, 28), deadline=dt.date(2024, 6, 30)).report(dt.date(2024, 6, 25))
>>> life.state
<ProblemState.REPORTED: 'reported'>
>>> life.verify(dt.date(2024, 7, 10)).state.zh
'已销号'
>>> Lifecycle.start("prb-2", found_on=dt.date(2024, 3, 20)).verify(dt.date(2024, 4, 1))
Traceback (most recent call last):
...
edusupervision._errors.IllegalTransitionError: prb-2: cannot verify (核查销号) a problem that is found (已发现) ...

"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Final

import attrs

from edusupervision._domain._enums import LabelledEnum, LiabilityKind, LifecycleStep, LookBackOutcome
from edusupervision._errors import IllegalTransitionError

if TYPE_CHECKING:
    from collections.abc import Iterable

    from edusupervision._domain._model import Problem, RectificationEvent

__all__ = ["ALLOWED", "Irregularity", "Lifecycle", "ProblemState", "Step", "replay"]


class ProblemState(LabelledEnum):
    """Where a problem stands in its rectification."""

    FOUND = ("found", "已发现", "found")
    FED_BACK = ("fed_back", "已反馈待整改", "fed back, rectifying")
    URGED = ("urged", "督办中", "urged, rectifying")
    REPORTED = ("reported", "已报告待核查", "reported, awaiting verification")
    FAILED = ("failed", "整改不到位", "rectification failed")
    CLOSED = ("closed", "已销号", "verified and closed")
    RELAPSED = ("relapsed", "问题反弹", "relapsed after closure")


_S = ProblemState
#: step → (states it may follow, state it leads to). LOOK_BACK's target depends on the outcome.
ALLOWED: Final = {
    LifecycleStep.FED_BACK: (frozenset({_S.FOUND, _S.RELAPSED}), _S.FED_BACK),
    LifecycleStep.REPORTED: (frozenset({_S.FED_BACK, _S.URGED}), _S.REPORTED),
    LifecycleStep.URGED: (frozenset({_S.FED_BACK, _S.URGED, _S.REPORTED, _S.FAILED}), _S.URGED),
    LifecycleStep.VERIFIED: (frozenset({_S.REPORTED}), _S.CLOSED),
    LifecycleStep.FAILED: (frozenset({_S.REPORTED, _S.FED_BACK, _S.URGED}), _S.FAILED),
    LifecycleStep.LOOK_BACK: (frozenset({_S.CLOSED}), _S.CLOSED),
}


@attrs.frozen(kw_only=True)
class Step:
    """A step taken: what, when, and the deadline it set (if any)."""

    step: LifecycleStep
    date: dt.date
    deadline: dt.date | None = None
    outcome: LookBackOutcome | None = None
    event_id: str | None = None


@attrs.frozen(kw_only=True)
class Irregularity:
    """An illegal step found when replaying recorded events."""

    problem_id: str
    event_id: str | None
    step: LifecycleStep
    date: dt.date
    state: ProblemState
    reason: str


@attrs.frozen(kw_only=True)
class Lifecycle:
    """The rectification history of one problem; each method returns the next lifecycle or raises."""

    problem_id: str
    found_on: dt.date
    state: ProblemState = ProblemState.FOUND
    steps: tuple[Step, ...] = ()
    deadline: dt.date | None = None
    liable_id: str | None = None
    liability: LiabilityKind | None = None

    @classmethod
    def start(cls, problem_id: str, *, found_on: dt.date) -> Lifecycle:
        """Return the lifecycle of a problem just found."""
        return cls(problem_id=problem_id, found_on=found_on)

    # --- transitions -------------------------------------------------------------------------------------

    def _check(self, step: LifecycleStep, date: dt.date, deadline: dt.date | None) -> str | None:
        """Return why ``step`` is illegal now, or None."""
        sources, _target = ALLOWED[step]
        if self.state not in sources:
            allowed = ", ".join(sorted(s.value for s in sources))
            return (
                f"cannot {_VERB[step]} ({step.zh}) a problem that is {self.state.value} ({self.state.zh}) "
                f"on {date.isoformat()}; allowed from: {allowed}"
            )
        last = self.steps[-1].date if self.steps else self.found_on
        if date < last:
            return f"{step.value} on {date.isoformat()} is before the previous step ({last.isoformat()})"
        if step in _SETS_DEADLINE:
            return self._deadline_problem(step, date, deadline)
        return None

    def _deadline_problem(self, step: LifecycleStep, date: dt.date, deadline: dt.date | None) -> str | None:
        """Return why the deadline set by a feedback or urging step is illegal, or None."""
        if deadline is None:
            return f"{step.value} needs a deadline"
        if deadline < date or deadline < self.found_on:
            return f"deadline {deadline.isoformat()} is before the {step.value} date or the finding date"
        if step is not LifecycleStep.URGED or self.deadline is None:
            return None
        if self.state in (ProblemState.FED_BACK, ProblemState.URGED) and date <= self.deadline:
            return (
                f"an urging notice follows a missed deadline or an inadequate rectification; the deadline "
                f"{self.deadline.isoformat()} had not passed on {date.isoformat()}"
            )
        if deadline <= self.deadline:
            return (
                f"an urging notice must set a later deadline than {self.deadline.isoformat()}, "
                f"not {deadline.isoformat()}"
            )
        return None

    def _apply(
        self,
        step: LifecycleStep,
        date: dt.date,
        *,
        deadline: dt.date | None = None,
        outcome: LookBackOutcome | None = None,
        event_id: str | None = None,
        liable_id: str | None = None,
        liability: LiabilityKind | None = None,
    ) -> Lifecycle:
        reason = self._check(step, date, deadline)
        if reason is not None:
            raise IllegalTransitionError(f"{self.problem_id}: {reason}")
        target = ALLOWED[step][1]
        if step is LifecycleStep.LOOK_BACK and outcome is LookBackOutcome.RELAPSED:
            target = ProblemState.RELAPSED
        return attrs.evolve(
            self,
            state=target,
            steps=(
                *self.steps,
                Step(step=step, date=date, deadline=deadline, outcome=outcome, event_id=event_id),
            ),
            deadline=deadline if deadline is not None and step in _SETS_DEADLINE else self.deadline,
            liable_id=liable_id or self.liable_id,
            liability=liability or self.liability,
        )

    def feed_back(self, date: dt.date, *, deadline: dt.date) -> Lifecycle:
        """Feed the problem back to the unit with a rectification deadline."""
        return self._apply(LifecycleStep.FED_BACK, date, deadline=deadline)

    def report(self, date: dt.date) -> Lifecycle:
        """Record the unit's rectification report."""
        return self._apply(LifecycleStep.REPORTED, date)

    def urge(self, date: dt.date, *, deadline: dt.date) -> Lifecycle:
        """Issue an urging notice (督办) with a new, later deadline."""
        return self._apply(LifecycleStep.URGED, date, deadline=deadline)

    def verify(self, date: dt.date) -> Lifecycle:
        """Verify the rectification and close the problem (核查销号)."""
        return self._apply(LifecycleStep.VERIFIED, date)

    def fail(
        self, date: dt.date, *, liable_id: str | None = None, liability: LiabilityKind | None = None
    ) -> Lifecycle:
        """Record that rectification failed, and who is liable."""
        return self._apply(LifecycleStep.FAILED, date, liable_id=liable_id, liability=liability)

    def look_back(self, date: dt.date, *, outcome: LookBackOutcome = LookBackOutcome.SUSTAINED) -> Lifecycle:
        """Record a look-back check (回头看) after closure."""
        return self._apply(LifecycleStep.LOOK_BACK, date, outcome=outcome)

    # --- queries -----------------------------------------------------------------------------------------

    def state_on(self, day: dt.date) -> ProblemState:
        """Return the state on ``day`` (after the steps dated on or before it)."""
        state = ProblemState.FOUND
        for step in self.steps:
            if step.date > day:
                break
            relapsed = step.step is LifecycleStep.LOOK_BACK and step.outcome is LookBackOutcome.RELAPSED
            state = ProblemState.RELAPSED if relapsed else ALLOWED[step.step][1]
        return state

    def dates(self, step: LifecycleStep) -> tuple[dt.date, ...]:
        """Return the dates of every step of a kind."""
        return tuple(s.date for s in self.steps if s.step is step)

    @property
    def closed_on(self) -> dt.date | None:
        """Return the date of the last verification, if closed."""
        dates = self.dates(LifecycleStep.VERIFIED)
        return dates[-1] if dates and self.state is ProblemState.CLOSED else None

    def overdue(self, as_of: dt.date) -> bool:
        """Return whether the current deadline has passed with the problem still being rectified."""
        return (
            self.deadline is not None
            and self.deadline < as_of
            and self.state in (ProblemState.FED_BACK, ProblemState.URGED, ProblemState.FAILED)
        )


_VERB: Final = {
    LifecycleStep.FED_BACK: "feed back",
    LifecycleStep.REPORTED: "report",
    LifecycleStep.URGED: "urge",
    LifecycleStep.VERIFIED: "verify",
    LifecycleStep.FAILED: "fail",
    LifecycleStep.LOOK_BACK: "look back at",
}

_ORDER: Final = {step: i for i, step in enumerate(LifecycleStep)}
#: The steps that set a rectification deadline; a deadline recorded on any other step is ignored.
_SETS_DEADLINE: Final = frozenset({LifecycleStep.FED_BACK, LifecycleStep.URGED})


def replay(
    problem: Problem, events: Iterable[RectificationEvent]
) -> tuple[Lifecycle, tuple[Irregularity, ...]]:
    """Replay recorded events (date order; same-day steps in lifecycle order); collect illegal steps.

    An illegal step is recorded as an :class:`Irregularity` and skipped, so one bad record does not hide the
    rest of the history.
    """
    life = Lifecycle.start(problem.id, found_on=problem.found_on)
    issues: list[Irregularity] = []
    for event in sorted(events, key=lambda e: (e.date, _ORDER[e.step], e.id)):
        reason = life._check(event.step, event.date, event.deadline)
        if reason is not None:
            issues.append(
                Irregularity(
                    problem_id=problem.id,
                    event_id=event.id,
                    step=event.step,
                    date=event.date,
                    state=life.state,
                    reason=reason,
                )
            )
            continue
        life = life._apply(
            event.step,
            event.date,
            deadline=event.deadline,
            outcome=event.outcome,
            event_id=event.id,
            liable_id=event.liable_id,
            liability=event.liability,
        )
    return life, tuple(issues)
