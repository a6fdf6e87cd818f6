"""What coverage and planning read from a profile, and the scope they work on.

Everything a rule of the profile fixes (cycle length, per-school-year cycles, team size, the semester burden,
the term-end window) is read from the profile's effective rules as in force on a date, so a scenario that
derives a profile changes the planner and the checks alike.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Final

import attrs

from edusupervision._calendar import MonthEndPolicy, _as_date, add_months, add_years, rolling_window
from edusupervision._engine._validate import MissingAsOfError
from edusupervision._errors import EduSupervisionError
from edusupervision._profiles._model import resolve
from edusupervision._rules._helpers import jurisdiction

if TYPE_CHECKING:
    from collections.abc import Mapping

    from edusupervision._domain._dataset import Dataset
    from edusupervision._domain._model import School
    from edusupervision._profiles._model import Profile, ResolvedProfile

__all__ = [
    "DEFAULT_TEAM_SIZE",
    "CycleRules",
    "PlanningError",
    "as_day",
    "cycle_rules",
    "day_or_reference",
    "rolling_due",
    "schools_in_scope",
]

DEFAULT_TEAM_SIZE: Final = 3
"""Team size when the profile lacks ``supervision.team_size`` (REG 16: 不少于3人)."""


class PlanningError(EduSupervisionError, ValueError):
    """Planning or coverage cannot run: a bad argument, or a profile without the cycle rule."""


def as_day(value: object, name: str) -> dt.date:
    """Return ``value`` as a plain date (``pendulum.Date`` accepted); raise :class:`PlanningError` otherwise."""
    try:
        return _as_date(value)
    except TypeError as exc:
        msg = f"{name}: {exc}"
        raise PlanningError(msg) from None


def day_or_reference(dataset: Dataset, value: object | None, name: str = "as_of") -> dt.date:
    """Return ``value`` as a date, or the dataset's reference date when None (never the clock)."""
    if value is not None:
        return as_day(value, name)
    if dataset.info.reference_date is None:
        msg = f"dataset {dataset.info.name!r} has no reference_date: pass {name}"
        raise MissingAsOfError(msg)
    return dataset.info.reference_date


@attrs.frozen(kw_only=True)
class CycleRules:
    """The profile's parameters that coverage and planning obey, as in force on one date.

    Attributes
    ----------
    profile:
        The profile's name.
    years:
        ``school.comprehensive_cycle`` ``years``: the rolling cycle's length.
    per_school_year:
        ``school.comprehensive_cycle`` ``per_school_year``: one comprehensive supervision every 学年.
    team_size:
        ``supervision.team_size`` ``min`` (3 when the profile lacks the rule).
    visit_burden:
        ``school.visit_burden`` ``M``: supervisions per school per semester; None when unset.
    term_end:
        Whether ``school.principal_term_end`` is in force.
    term_end_months, term_end_before, term_end_from:
        Its ``W``, ``before_months`` and ``from_date``.
    per_semester, per_month, per_month_compulsory_only, teaching_months:
        ``school.regular_visits``: the regular-visit rhythm (None when the rule is absent).

    """

    profile: str
    years: int
    per_school_year: bool
    team_size: int
    visit_burden: int | None
    term_end: bool
    term_end_months: int
    term_end_before: int
    term_end_from: dt.date
    per_semester: int | None
    per_month: int | None
    per_month_compulsory_only: bool
    teaching_months: tuple[int, ...]

    @property
    def label(self) -> str:
        """Describe the cycle: ``rolling 5-year cycle`` or ``every school year``."""
        return "every school year (学年)" if self.per_school_year else f"rolling {self.years}-year cycle"

    def due_after(self, last: dt.date) -> dt.date:
        """Return the last day on which a comprehensive supervision on ``last`` keeps the school compliant."""
        return rolling_due(last, self.years)

    def term_end_window(self, school: School) -> tuple[dt.date, dt.date] | None:
        """Return the window ``[end - before, end + W]`` of a term-end supervision, or None when none is due."""
        end = school.head_term_end
        if not self.term_end or end is None or end < self.term_end_from:
            return None
        return (
            add_months(end, -self.term_end_before, policy=MonthEndPolicy.CLAMP),
            add_months(end, self.term_end_months, policy=MonthEndPolicy.CLAMP),
        )


def rolling_due(last: dt.date, years: int) -> dt.date:
    """Return the last ``as_of`` whose rolling ``years``-year window still contains ``last``.

    Examples
    --------
    >>> rolling_due(dt.date(2020, 3, 5), 5)
    datetime.date(2025, 3, 4)

    """
    due = add_years(last, years, policy=MonthEndPolicy.CLAMP) - dt.timedelta(days=1)
    while last not in rolling_window(due, years=years):
        due -= dt.timedelta(days=1)
    while last in rolling_window(due + dt.timedelta(days=1), years=years):
        due += dt.timedelta(days=1)
    return due


def _params(resolved: ResolvedProfile, rule_id: str, on: dt.date) -> Mapping[str, Any] | None:
    eff = resolved.rules.get(rule_id)
    if eff is None:
        return None
    applied = eff.at(on)
    return None if applied is None else applied.params


def cycle_rules(profile: str | Profile, on: dt.date) -> CycleRules:
    """Return the parameters of ``profile`` that coverage and planning obey, as in force on ``on``.

    Raises
    ------
    PlanningError
        When the profile has no ``school.comprehensive_cycle`` in force on ``on``.

    """
    resolved = resolve(profile)
    cycle = _params(resolved, "school.comprehensive_cycle", on)
    if cycle is None:
        msg = f"profile {resolved.name!r} has no school.comprehensive_cycle in force on {on.isoformat()}"
        raise PlanningError(msg)
    team = _params(resolved, "supervision.team_size", on)
    burden = _params(resolved, "school.visit_burden", on)
    term = _params(resolved, "school.principal_term_end", on)
    visits = _params(resolved, "school.regular_visits", on)
    return CycleRules(
        profile=resolved.name,
        years=int(cycle["years"]),
        per_school_year=bool(cycle["per_school_year"]),
        team_size=int(team["min"]) if team is not None else DEFAULT_TEAM_SIZE,
        visit_burden=None if burden is None or burden.get("M") is None else int(burden["M"]),
        term_end=term is not None,
        term_end_months=int(term["W"]) if term is not None else 12,
        term_end_before=int(term["before_months"]) if term is not None else 6,
        term_end_from=term["from_date"] if term is not None else dt.date.min,
        per_semester=None if visits is None else visits["per_semester"],
        per_month=None if visits is None else visits["per_month"],
        per_month_compulsory_only=True if visits is None else bool(visits["per_month_compulsory_only"]),
        teaching_months=() if visits is None else tuple(visits["teaching_months"]),
    )


def schools_in_scope(dataset: Dataset) -> tuple[School, ...]:
    """Return the schools the cycle rule covers: schools and kindergartens of the jurisdiction, by id."""
    scope = {d.id for d in jurisdiction(dataset)}
    return tuple(
        sorted(
            (s for s in dataset.schools if s.division_id in scope and s.stage.is_school_or_kindergarten),
            key=lambda s: s.id,
        )
    )
