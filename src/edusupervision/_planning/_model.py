"""The planner's values: the policy, a planned supervision, a plan, staffing, and a checker's violation."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from typing import TYPE_CHECKING, Any, Final

import attrs

from edusupervision._calendar import DateRange
from edusupervision._domain._enums import (
    InspectorKind,
    SubjectKind,
    SupervisionFunction,
    SupervisionType,
    TeamRole,
)
from edusupervision._domain._model import Supervision, TeamMember
from edusupervision._engine._report import jsonable
from edusupervision._planning._params import PlanningError, cycle_rules

if TYPE_CHECKING:
    from edusupervision._domain._dataset import Dataset
    from edusupervision._profiles._model import Profile

__all__ = [
    "DEFAULT_MAX_PER_SEMESTER",
    "Plan",
    "PlanPolicy",
    "PlanViolation",
    "PlannedSupervision",
    "Staffing",
    "Unscheduled",
]

DEFAULT_MAX_PER_SEMESTER: Final = 1
"""Supervisions per school per semester when the profile leaves ``school.visit_burden`` ``M`` unset.

A documented default: ZB 5 and WH (十二) ask to limit how often a school is supervised without a number; one
planned supervision per semester is the least a cycle plan needs and burdens a school the least.
"""

_PLANNING_KINDS: Final = frozenset({InspectorKind.CHIEF, InspectorKind.DEPUTY_CHIEF, InspectorKind.INSPECTOR})


def _positive(_instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and value < 1:
        msg = f"{attribute.name} must be at least 1, got {value}"
        raise PlanningError(msg)


def _months(value: object) -> frozenset[int]:
    months = frozenset(int(m) for m in value)  # type: ignore[attr-defined]  # any iterable of month numbers
    if not months <= set(range(1, 13)):
        msg = f"closed_months must be month numbers 1-12, got {sorted(months)}"
        raise PlanningError(msg)
    if len(months) == 12:
        msg = "closed_months closes every month: nothing can be planned"
        raise PlanningError(msg)
    return months


def _kinds(value: object) -> frozenset[InspectorKind]:
    return frozenset(InspectorKind.parse(k) if isinstance(k, str) else k for k in value)  # type: ignore[attr-defined]  # any iterable of kinds


@attrs.frozen(kw_only=True)
class PlanPolicy:
    """How a cycle plan may use people and the calendar. Every default is documented and can be changed.

    Attributes
    ----------
    max_per_inspector_month:
        Comprehensive supervisions an inspector takes part in per calendar month (default 2: a comprehensive
        supervision takes one to two days on site plus preparation, feedback and the report; part-time
        inspectors have other jobs). Counts the dataset's own supervisions in the plan's months too.
    team_size:
        Inspectors per team; None (default) takes the profile's ``supervision.team_size`` ``min`` (3, REG 16).
    max_per_school_semester:
        Supervisions of all kinds a school gets per semester, the dataset's own included; None (default) takes
        the profile's ``school.visit_burden`` ``M``, or :data:`DEFAULT_MAX_PER_SEMESTER` (1) when M is unset.
    closed_months:
        Months without planned supervisions (default January, February, July, August: winter and summer
        vacations and the end-of-term examinations around them).
    inspector_kinds:
        Ranks that may sit on a team (default chief, deputy chief and inspector — 督学; not supervision
        assistants or school-internal visitors).

    Examples
    --------
    >>> PlanPolicy().max_per_inspector_month, sorted(PlanPolicy().closed_months)
    (2, [1, 2, 7, 8])
    >>> PlanPolicy(team_size=None).resolved("national", on=dt.date(2025, 9, 1)).team_size
    3

    """

    max_per_inspector_month: int = attrs.field(default=2, validator=_positive)
    team_size: int | None = attrs.field(default=None, validator=_positive)
    max_per_school_semester: int | None = attrs.field(default=None, validator=_positive)
    closed_months: frozenset[int] = attrs.field(default=frozenset({1, 2, 7, 8}), converter=_months)
    inspector_kinds: frozenset[InspectorKind] = attrs.field(default=_PLANNING_KINDS, converter=_kinds)

    def resolved(self, profile: str | Profile, *, on: dt.date) -> PlanPolicy:
        """Return this policy with ``team_size`` and ``max_per_school_semester`` filled from ``profile``."""
        rules = cycle_rules(profile, on)
        return attrs.evolve(
            self,
            team_size=self.team_size if self.team_size is not None else rules.team_size,
            max_per_school_semester=(
                self.max_per_school_semester
                if self.max_per_school_semester is not None
                else rules.visit_burden or DEFAULT_MAX_PER_SEMESTER
            ),
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        out: dict[str, Any] = jsonable(attrs.asdict(self))
        out["closed_months"] = sorted(self.closed_months)
        return out


@attrs.frozen(kw_only=True)
class PlannedSupervision:
    """One planned comprehensive (or term-end) supervision of a school by a team on a day.

    Attributes
    ----------
    school_id, division_id:
        The school and its county.
    date:
        The day (a working day of an open month).
    team:
        Inspector ids, the team leader first.
    type:
        ``comprehensive``, or ``term_end`` when it is also the head's term-end supervision.
    cycle:
        The cycle it belongs to (1 = the first cycle of the plan).
    window_start, due:
        The window it had to fall in.
    catch_up:
        The school was already overdue (or due before the first open day) when the plan starts.

    """

    school_id: str
    division_id: str
    date: dt.date
    team: tuple[str, ...]
    type: SupervisionType
    cycle: int
    window_start: dt.date
    due: dt.date
    catch_up: bool = False

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: ``school_id``, ``date``, ``team`` … ."""
        out: dict[str, Any] = jsonable(attrs.asdict(self))
        return out


@attrs.frozen(kw_only=True)
class Unscheduled:
    """A supervision the plan could not place, and why."""

    school_id: str
    division_id: str
    type: SupervisionType
    cycle: int
    window_start: dt.date
    due: dt.date
    reason: str

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        out: dict[str, Any] = jsonable(attrs.asdict(self))
        return out


@attrs.frozen(kw_only=True)
class Staffing:
    """A county's inspectors against what the plan needs.

    Attributes
    ----------
    division_id, name:
        The county.
    schools, supervisions:
        Schools in scope and supervisions the plan needs there.
    available:
        Eligible inspectors of the county, at the lowest point over the plan's open months.
    minimum:
        The fewest inspectors (always available, no near relative heading a school) the plan needs there.
    shortfall:
        Inspectors to add to the present ones for a feasible plan (0 when none).
    verified:
        ``minimum`` and ``shortfall`` were confirmed by planning the county again with that staff (otherwise
        ``minimum`` is the closed-form bound).

    """

    division_id: str
    name: str
    schools: int
    supervisions: int
    available: int
    minimum: int
    shortfall: int
    verified: bool

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        out: dict[str, Any] = jsonable(attrs.asdict(self))
        return out


@attrs.frozen(kw_only=True)
class PlanViolation:
    """A constraint a plan breaks, found by :func:`check_plan`."""

    code: str
    message: str
    school_id: str | None = None
    inspector_id: str | None = None
    date: dt.date | None = None

    def __str__(self) -> str:
        """Return ``code: message``."""
        return f"{self.code}: {self.message}"


@attrs.frozen(kw_only=True)
class Plan:
    """A cycle plan: who supervises which school on which day, or why that cannot be done.

    Attributes
    ----------
    dataset, profile:
        Names of what was planned, under which profile.
    start, end:
        The plan's first and last days.
    years, seed:
        The arguments.
    policy:
        The policy, resolved against the profile.
    cycles:
        The plan's cycles (fixed ``years``-long cycles from ``start``, or school years), cut at ``end``.
    supervisions:
        The planned supervisions, by date, county and school.
    unscheduled:
        What could not be placed; empty when the plan is feasible.
    reasons:
        Why, in words (``needs 4 more inspectors in 青山县 (div-qingshan)`` …).
    staffing:
        One line per county.

    """

    dataset: str
    profile: str
    start: dt.date
    end: dt.date
    years: int
    seed: int
    policy: PlanPolicy
    cycles: tuple[DateRange, ...]
    supervisions: tuple[PlannedSupervision, ...]
    unscheduled: tuple[Unscheduled, ...]
    reasons: tuple[str, ...]
    staffing: tuple[Staffing, ...]

    @property
    def feasible(self) -> bool:
        """Return whether every needed supervision was placed."""
        return not self.unscheduled

    def summary(self) -> dict[str, Any]:
        """Return the figures: counts per year and county, inspector load, staffing, reasons."""
        per_year = Counter(s.date.year for s in self.supervisions)
        per_county = Counter(s.division_id for s in self.supervisions)
        load = Counter(i for s in self.supervisions for i in s.team)
        return {
            "dataset": self.dataset,
            "profile": self.profile,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "years": self.years,
            "seed": self.seed,
            "feasible": self.feasible,
            "supervisions": len(self.supervisions),
            "term_end": sum(1 for s in self.supervisions if s.type is SupervisionType.TERM_END),
            "catch_up": sorted(s.school_id for s in self.supervisions if s.catch_up),
            "unscheduled": len(self.unscheduled),
            "per_year": {str(y): n for y, n in sorted(per_year.items())},
            "per_county": dict(sorted(per_county.items())),
            "inspectors_used": len(load),
            "inspector_load": {"min": min(load.values(), default=0), "max": max(load.values(), default=0)},
            "minimum_staffing": sum(s.minimum for s in self.staffing),
            "shortfall": sum(s.shortfall for s in self.staffing),
            "staffing": [s.to_dict() for s in self.staffing],
            "policy": self.policy.to_dict(),
            "cycles": [str(c) for c in self.cycles],
            "reasons": list(self.reasons),
        }

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"plan": [...], "summary": {...}, "unscheduled": [...]}``."""
        return {
            "plan": [s.to_dict() for s in self.supervisions],
            "summary": self.summary(),
            "unscheduled": [u.to_dict() for u in self.unscheduled],
        }

    def to_json(self) -> str:
        """Return :meth:`to_dict` as indented JSON."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_records(self) -> list[dict[str, Any]]:
        """Return one flat row per (school, date, team): the CSV form, team ids joined by ``;``."""
        return [
            {
                "school_id": s.school_id,
                "division_id": s.division_id,
                "date": s.date.isoformat(),
                "team": ";".join(s.team),
                "type": s.type.value,
                "cycle": s.cycle,
                "window_start": s.window_start.isoformat(),
                "due": s.due.isoformat(),
                "catch_up": s.catch_up,
            }
            for s in self.supervisions
        ]

    def apply(self, dataset: Dataset) -> Dataset:
        """Return ``dataset`` with the plan carried out: a supervision and its team per planned item.

        Each supervision is conducted by the county's supervision body (else its government), announced,
        one day long; ids are ``plan-<school>-<date>``. The result can be validated or measured like any
        dataset, which is how scenarios compare rule findings.
        """
        conductor: dict[str, str] = {}
        for county in sorted({s.division_id for s in self.supervisions}):
            org = dataset.body_of(county) or dataset.government_of(county)
            if org is None:
                msg = f"county {county!r} has neither a supervision body nor a government to conduct the plan"
                raise PlanningError(msg)
            conductor[county] = org.id
        sups: list[Supervision] = []
        team: list[TeamMember] = []
        for s in self.supervisions:
            sid = f"plan-{s.school_id}-{s.date.isoformat()}"
            sups.append(
                Supervision(
                    id=sid,
                    title="planned",
                    function=SupervisionFunction.SCHOOL,
                    type=s.type,
                    body_id=conductor[s.division_id],
                    subject_kind=SubjectKind.SCHOOL,
                    subject_id=s.school_id,
                    start=s.date,
                    end=s.date,
                )
            )
            team.extend(
                TeamMember(
                    supervision_id=sid, inspector_id=i, role=TeamRole.LEADER if n == 0 else TeamRole.MEMBER
                )
                for n, i in enumerate(s.team)
            )
        return dataset.evolve(
            supervisions=(*dataset.supervisions, *sups), team_members=(*dataset.team_members, *team)
        )

    def _repr_html_(self) -> str:
        """Return the notebook display (HTML, escaped, no scripts)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.plan_html(self)

    def to_pandas(self) -> Any:
        """Return a pandas DataFrame (needs the optional ``pandas`` package: ``edusupervision[notebook]``)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.to_pandas(self)
