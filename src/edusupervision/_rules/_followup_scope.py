"""What follow-up rules share: supervisions and problems in scope, lifecycles, units and their leaders."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from edusupervision._domain._enums import Position, SubjectKind
from edusupervision._domain._model import Problem, Supervision
from edusupervision._lifecycle import Irregularity, Lifecycle, replay
from edusupervision._rules._helpers import group_by, jurisdiction
from edusupervision._rules._model import Context, Ref

if TYPE_CHECKING:
    from collections.abc import Iterator

    from edusupervision._domain._dataset import Dataset

__all__ = ["ProblemCase", "leaders_of", "problem_cases", "supervisions_in_scope", "unit_division", "unit_ref"]

_LEADERS = frozenset(
    {
        Position.MAIN_LEADER,
        Position.LEADERSHIP_MEMBER,
        Position.LEADER_IN_CHARGE_OF_EDUCATION,
        Position.HEAD_OF_EDUCATION_AUTHORITY,
    }
)


def unit_division(ds: Dataset, kind: SubjectKind, unit_id: str) -> str | None:
    """Return the division of a supervised unit (an organisation or a school)."""
    record = ds.subject(kind, unit_id)
    return getattr(record, "division_id", None)


def unit_ref(kind: SubjectKind, unit_id: str) -> Ref:
    """Return the reference to a supervised unit."""
    return Ref(kind.value, unit_id)


def supervisions_in_scope(ctx: Context) -> Iterator[tuple[int, Supervision]]:
    """Yield supervisions conducted by a body of the jurisdiction or of a unit in it."""
    scope = {d.id for d in jurisdiction(ctx.dataset)}
    for pos, sup in enumerate(ctx.dataset.supervisions):
        body = ctx.dataset.get("organisations", sup.body_id)
        if body.division_id in scope or unit_division(ctx.dataset, sup.subject_kind, sup.subject_id) in scope:
            yield pos, sup


@attrs.frozen(kw_only=True)
class ProblemCase:
    """A problem with its supervision, its replayed lifecycle and the irregular steps found."""

    position: int
    problem: Problem
    supervision: Supervision
    lifecycle: Lifecycle
    irregularities: tuple[Irregularity, ...]

    @property
    def unit(self) -> Ref:
        """Return the supervised unit."""
        return unit_ref(self.supervision.subject_kind, self.supervision.subject_id)

    @property
    def body(self) -> Ref:
        """Return the body that supervised."""
        return Ref("organisation", self.supervision.body_id)


def problem_cases(ctx: Context) -> list[ProblemCase]:
    """Return every problem of a supervision in scope, with its lifecycle replayed up to ``as_of``."""
    sups = dict(supervisions_in_scope(ctx))
    by_id = {s.id: s for s in sups.values()}
    events = group_by(
        (e for e in ctx.dataset.rectification_events if e.date <= ctx.as_of), lambda e: e.problem_id
    )
    cases = []
    for pos, problem in enumerate(ctx.dataset.problems):
        sup = by_id.get(problem.supervision_id)
        if sup is None or problem.found_on > ctx.as_of:
            continue
        life, issues = replay(problem, events.get(problem.id, []))
        cases.append(
            ProblemCase(position=pos, problem=problem, supervision=sup, lifecycle=life, irregularities=issues)
        )
    return cases


def leaders_of(ds: Dataset, unit: Ref) -> tuple[str, ...]:
    """Return the ids of the persons leading a unit (its leadership; a school's head)."""
    if unit.kind == SubjectKind.SCHOOL.value:
        head = ds.get("schools", unit.id).head_id
        return () if head is None else (head,)
    return tuple(p.id for p in ds.persons if p.organisation_id == unit.id and p.position in _LEADERS)


def days_after(day: dt.date, days: int) -> dt.date:
    """Return ``day`` plus ``days`` calendar days."""
    return day + dt.timedelta(days=days)
