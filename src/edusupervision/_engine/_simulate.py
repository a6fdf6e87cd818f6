"""Escalation scenarios: step open problems forward under stated assumptions and see what the rules call for.

The simulation is seeded and deterministic. It only writes lifecycle steps (reports, verifications, urging
notices, failures, look-backs); the measures (约谈, 通报, 问责 …) are then those the profile's rules call for on
the simulated records, from :func:`consequences`.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

import attrs

from edusupervision._calendar import MonthEndPolicy, add_months
from edusupervision._domain._dataset import Dataset
from edusupervision._domain._enums import LifecycleStep, LookBackOutcome
from edusupervision._domain._model import RectificationEvent
from edusupervision._engine._consequences import Consequences, consequences
from edusupervision._lifecycle import Lifecycle, ProblemState, replay
from edusupervision._rules._helpers import group_by

if TYPE_CHECKING:
    from edusupervision._profiles._model import Profile

__all__ = ["Assumptions", "Simulation", "simulate"]


def _share(_instance: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        msg = f"{attribute.name} must be between 0 and 1, got {value}"
        raise ValueError(msg)


def _days(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        msg = f"{attribute.name} must not be negative, got {value}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Assumptions:
    """What the simulation assumes about units and bodies (every figure is a documented scenario input)."""

    on_time_share: float = attrs.field(default=0.8, validator=_share)
    """Share of deadlines met with a rectification report."""
    failure_share: float = attrs.field(default=0.1, validator=_share)
    """Share of verifications that find the rectification inadequate."""
    feedback_after_days: int = attrs.field(default=10, validator=_days)
    rectification_days: int = attrs.field(default=60, validator=_days)
    """Deadline set at feedback and at each urging notice."""
    report_before_days: int = attrs.field(default=5, validator=_days)
    verify_after_days: int = attrs.field(default=20, validator=_days)
    urge_after_days: int = attrs.field(default=10, validator=_days)
    look_back_after_months: int = attrs.field(default=6, validator=_days)
    max_urgings: int = attrs.field(default=2, validator=_days)
    """After this many urging notices a missed deadline is left unrectified (it calls for a 通报)."""


@attrs.frozen(kw_only=True)
class Simulation:
    """The simulated steps and the measures the rules call for in the period."""

    start: dt.date
    end: dt.date
    events: tuple[RectificationEvent, ...]
    dataset: Dataset = attrs.field(repr=False)
    consequences: Consequences = attrs.field(repr=False)

    def measures_in_period(self) -> dict[str, int]:
        """Return the measures per kind (Chinese label) triggered between start and end."""
        out: dict[str, int] = {}
        for c in self.consequences.measures:
            if self.start <= c.measure.triggered_on <= self.end:
                out[c.measure.measure.zh] = out.get(c.measure.measure.zh, 0) + 1
        return out


class _Stepper:
    """Step one problem's lifecycle forward, one handler per state, recording the events it takes."""

    def __init__(
        self, life: Lifecycle, problem_id: str, a: Assumptions, rng: random.Random, end: dt.date
    ) -> None:
        self.problem_id, self.a, self.rng, self.end = problem_id, a, rng, end
        self.events: list[RectificationEvent] = []
        self.state, self.deadline = life.state, life.deadline
        self.day = life.steps[-1].date if life.steps else life.found_on
        self.urgings = sum(1 for s in life.steps if s.step is LifecycleStep.URGED)

    def _add(
        self,
        step: LifecycleStep,
        state: ProblemState,
        *,
        deadline: dt.date | None = None,
        published: bool | None = None,
        outcome: LookBackOutcome | None = None,
    ) -> bool:
        """Record a step on ``self.day``; return False (stop) past the end of the period."""
        if self.day > self.end:
            return False
        self.events.append(
            RectificationEvent(
                id=f"sim-{self.problem_id}-{len(self.events) + 1:02d}",
                problem_id=self.problem_id,
                step=step,
                date=self.day,
                deadline=deadline,
                published=published,
                outcome=outcome,
            )
        )
        self.state = state
        self.deadline = deadline if deadline is not None else self.deadline
        return True

    def _urge(self, after: dt.date) -> bool:
        if self.urgings >= self.a.max_urgings:
            return False  # left unrectified after the last urging notice
        self.day = after + dt.timedelta(days=self.a.urge_after_days)
        self.urgings += 1
        deadline = self.day + dt.timedelta(days=self.a.rectification_days)
        return self._add(LifecycleStep.URGED, ProblemState.URGED, deadline=deadline)

    def _found(self) -> bool:
        self.day += dt.timedelta(days=self.a.feedback_after_days)
        deadline = self.day + dt.timedelta(days=self.a.rectification_days)
        return self._add(LifecycleStep.FED_BACK, ProblemState.FED_BACK, deadline=deadline)

    def _rectifying(self) -> bool:
        assert self.deadline is not None  # fed back and urged problems have a deadline
        if self.rng.random() < self.a.on_time_share:
            self.day = max(self.day, self.deadline - dt.timedelta(days=self.a.report_before_days))
            return self._add(LifecycleStep.REPORTED, ProblemState.REPORTED, published=True)
        return self._urge(self.deadline)

    def _reported(self) -> bool:
        self.day += dt.timedelta(days=self.a.verify_after_days)
        if self.rng.random() < self.a.failure_share:
            return self._add(LifecycleStep.FAILED, ProblemState.FAILED)
        return self._add(LifecycleStep.VERIFIED, ProblemState.CLOSED)

    def _failed(self) -> bool:
        return self._urge(self.day)

    def _closed(self) -> bool:
        self.day = add_months(self.day, self.a.look_back_after_months, policy=MonthEndPolicy.CLAMP)
        self._add(LifecycleStep.LOOK_BACK, ProblemState.CLOSED, outcome=LookBackOutcome.SUSTAINED)
        return False

    def run(self, start: dt.date) -> None:
        """Take steps until the problem rests or the period ends (at most 20 steps)."""
        self.day = max(self.day, start)
        handlers = {
            ProblemState.FOUND: self._found,
            ProblemState.RELAPSED: self._found,
            ProblemState.FED_BACK: self._rectifying,
            ProblemState.URGED: self._rectifying,
            ProblemState.REPORTED: self._reported,
            ProblemState.FAILED: self._failed,
            ProblemState.CLOSED: self._closed,
        }
        for _ in range(20):
            if not handlers[self.state]():
                return


def simulate(
    dataset: Dataset,
    *,
    profile: str | Profile = "national",
    start: dt.date,
    end: dt.date,
    assumptions: Assumptions | None = None,
    seed: int = 0,
) -> Simulation:
    """Step every open problem forward from ``start`` to ``end``; return the steps and the measures called for.

    Examples
    --------
    >>> import datetime as dt
    >>> from edusupervision import sample_dataset
    >>> sim = simulate(sample_dataset(), start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31),
    ...                assumptions=Assumptions(on_time_share=0.5), seed=7)
    >>> sim == simulate(sample_dataset(), start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31),
    ...                 assumptions=Assumptions(on_time_share=0.5), seed=7)
    True

    """
    if end < start:
        msg = f"the simulation ends ({end}) before it starts ({start})"
        raise ValueError(msg)
    a = assumptions or Assumptions()
    rng = random.Random(seed)  # noqa: S311 - a reproducible scenario, not cryptography
    events = group_by((e for e in dataset.rectification_events if e.date < start), lambda e: e.problem_id)
    new: list[RectificationEvent] = []
    for problem in sorted(dataset.problems, key=lambda p: p.id):
        if problem.found_on > end:
            continue
        life, _ = replay(problem, events.get(problem.id, []))
        stepper = _Stepper(life, problem.id, a, rng, end)
        stepper.run(start)
        new.extend(stepper.events)
    kept = [e for e in dataset.rectification_events if e.date < start]
    simulated = dataset.evolve(rectification_events=[*kept, *new])
    return Simulation(
        start=start,
        end=end,
        events=tuple(new),
        dataset=simulated,
        consequences=consequences(simulated, profile=profile, as_of=end),
    )
