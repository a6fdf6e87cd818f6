"""Coverage of comprehensive supervision on any date: per school, and per county with a total.

A school's coverage agrees with the rule ``school.comprehensive_cycle`` by construction: ``overdue`` is True
exactly when the rule finds a violation for the school on ``as_of`` (the tests hold it to that).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import attrs

from edusupervision._calendar import MonthEndPolicy, SchoolYear, add_months, rolling_window
from edusupervision._domain._enums import SubjectKind
from edusupervision._engine._report import jsonable
from edusupervision._planning._params import CycleRules, cycle_rules, day_or_reference, schools_in_scope
from edusupervision._rules._helpers import root_division
from edusupervision._rules._schools import last_complete_semester

if TYPE_CHECKING:
    from edusupervision._domain._dataset import Dataset
    from edusupervision._domain._model import School
    from edusupervision._profiles._model import Profile

__all__ = ["Coverage", "JurisdictionCoverage", "SchoolCoverage", "coverage"]


@attrs.frozen(kw_only=True)
class SchoolCoverage:
    """One school's comprehensive-supervision status on a date.

    Attributes
    ----------
    school_id, name, division_id:
        The school and its county.
    last_comprehensive:
        The latest comprehensive (or term-end) supervision started on or before ``as_of``; None if none.
    covered:
        Supervised in the current cycle: the rolling window ending on ``as_of``, or the current school year so
        far.
    due:
        The last day the next comprehensive supervision keeps the school compliant: for a rolling cycle, the
        last day the latest one still counts (None when there never was one: due now); for school-year cycles,
        the end of the current school year (of the next when the current one is covered).
    overdue:
        The rule ``school.comprehensive_cycle`` finds a violation on ``as_of``.
    at_risk:
        Not overdue, but due within the coverage's ``at_risk_months``.

    """

    school_id: str
    name: str
    division_id: str
    last_comprehensive: dt.date | None
    covered: bool
    due: dt.date | None
    overdue: bool
    at_risk: bool

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        out: dict[str, Any] = jsonable(attrs.asdict(self))
        return out


@attrs.frozen(kw_only=True)
class JurisdictionCoverage:
    """A county's (or the whole jurisdiction's) coverage and regular-visit rhythm on a date.

    Attributes
    ----------
    division_id, name:
        The county, or the jurisdiction's root for the total.
    schools, covered:
        Schools in scope, and those covered in the current cycle.
    share:
        ``covered / schools`` (1.0 when there are no schools).
    overdue, at_risk:
        Ids of overdue schools and of schools due within ``at_risk_months``.
    semester:
        The last complete semester, over which the per-semester rhythm is judged.
    visits:
        Regular visits to the schools in that semester.
    per_semester, meeting_semester_rhythm:
        The profile's visits per semester (None when not required) and the schools that had them.
    per_month, months, meeting_monthly_rhythm, monthly_scope:
        The profile's visits per teaching month (None when not required), the complete teaching months of
        the twelve months to ``as_of``, the schools that had them every month, and the schools the monthly
        rhythm applies to.

    """

    division_id: str
    name: str
    schools: int
    covered: int
    overdue: tuple[str, ...]
    at_risk: tuple[str, ...]
    semester: str
    visits: int
    per_semester: int | None
    meeting_semester_rhythm: int
    per_month: int | None
    months: tuple[str, ...]
    monthly_scope: int
    meeting_monthly_rhythm: int

    @property
    def share(self) -> float:
        """Return the share of schools covered in the current cycle."""
        return self.covered / self.schools if self.schools else 1.0

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form (with ``share``)."""
        out: dict[str, Any] = jsonable(attrs.asdict(self))
        out["share"] = round(self.share, 4)
        return out


@attrs.frozen(kw_only=True)
class Coverage:
    """Comprehensive-supervision coverage of a dataset on a date, per school and per county.

    Attributes
    ----------
    dataset, profile, as_of:
        What was measured, under which profile, on which date.
    cycle:
        The cycle, in words (``rolling 5-year cycle`` / ``every school year (学年)``).
    at_risk_months:
        The horizon of ``at_risk``.
    schools:
        One :class:`SchoolCoverage` per school in scope, by id.
    jurisdictions:
        One :class:`JurisdictionCoverage` per county (by id), then the total for the jurisdiction's root.

    """

    dataset: str
    profile: str
    as_of: dt.date
    cycle: str
    at_risk_months: int
    schools: tuple[SchoolCoverage, ...]
    jurisdictions: tuple[JurisdictionCoverage, ...]

    @property
    def total(self) -> JurisdictionCoverage:
        """Return the whole jurisdiction's line (the last one)."""
        return self.jurisdictions[-1]

    def school(self, school_id: str) -> SchoolCoverage:
        """Return the coverage of one school; raise :class:`KeyError` when it is not in scope."""
        for s in self.schools:
            if s.school_id == school_id:
                return s
        raise KeyError(school_id)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {
            "dataset": self.dataset,
            "profile": self.profile,
            "as_of": self.as_of.isoformat(),
            "cycle": self.cycle,
            "at_risk_months": self.at_risk_months,
            "jurisdictions": [j.to_dict() for j in self.jurisdictions],
            "schools": [s.to_dict() for s in self.schools],
        }

    def to_json(self) -> str:
        """Return :meth:`to_dict` as indented JSON."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        """Return one line per county and the total."""
        lines = [f"{self.dataset} · {self.profile} · {self.cycle} · as of {self.as_of.isoformat()}"]
        lines.extend(
            f"{j.name} ({j.division_id}): {j.covered}/{j.schools} covered ({j.share:.0%}), "
            f"{len(j.overdue)} overdue, {len(j.at_risk)} due within {self.at_risk_months} months; "
            f"{j.visits} regular visits in {j.semester}"
            for j in self._distinct_lines()
        )
        return "\n".join(lines)

    def _distinct_lines(self) -> tuple[JurisdictionCoverage, ...]:
        """Return the lines to print: a one-county jurisdiction is its own total, shown once."""
        *counties, total = self.jurisdictions
        return (
            tuple(counties)
            if [c.division_id for c in counties] == [total.division_id]
            else self.jurisdictions
        )

    def _repr_html_(self) -> str:
        """Return the notebook display (HTML, escaped, no scripts)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.coverage_html(self)

    def to_pandas(self) -> Any:
        """Return a pandas DataFrame (needs the optional ``pandas`` package: ``edusupervision[notebook]``)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.to_pandas(self)


def _teaching_months(as_of: dt.date, months: tuple[int, ...]) -> list[tuple[int, int]]:
    """Return the complete teaching months of the twelve months ending on ``as_of`` (as the rule counts)."""
    first = dt.date(as_of.year, as_of.month, 1)
    month_end = add_months(first, 1, policy=MonthEndPolicy.CLAMP) - dt.timedelta(days=1)
    last = first if month_end == as_of else add_months(first, -1, policy=MonthEndPolicy.CLAMP)
    out = [add_months(last, -back, policy=MonthEndPolicy.CLAMP) for back in range(12)]
    return sorted((d.year, d.month) for d in out if d.month in months)


def _school_status(
    school: School, dates: list[dt.date], rules: CycleRules, as_of: dt.date, at_risk_until: dt.date
) -> SchoolCoverage:
    last = dates[-1] if dates else None
    if rules.per_school_year:
        current = SchoolYear.of(as_of)
        window = current if as_of == current.end else current.previous()
        covered = any(current.start <= d <= as_of for d in dates)
        overdue = not any(window.start <= d <= window.end for d in dates)
        due: dt.date | None = current.next().end if covered else current.end
    else:
        window_range = rolling_window(as_of, years=rules.years)
        covered = last is not None and last >= window_range.start
        overdue = not covered
        due = rules.due_after(last) if last is not None else None
    at_risk = not overdue and due is not None and due <= at_risk_until
    return SchoolCoverage(
        school_id=school.id,
        name=school.name,
        division_id=school.division_id,
        last_comprehensive=last,
        covered=covered,
        due=due,
        overdue=overdue,
        at_risk=at_risk,
    )


def coverage(
    dataset: Dataset,
    *,
    profile: str | Profile = "national",
    as_of: dt.date | None = None,
    at_risk_months: int = 6,
) -> Coverage:
    """Return comprehensive-supervision coverage on ``as_of`` (default: the dataset's reference date).

    See :mod:`edusupervision.planning` for the definitions and an example.
    """
    day = day_or_reference(dataset, as_of)
    rules = cycle_rules(profile, day)
    at_risk_until = add_months(day, at_risk_months, policy=MonthEndPolicy.CLAMP)
    schools = schools_in_scope(dataset)
    comprehensive: defaultdict[str, list[dt.date]] = defaultdict(list)
    for sup in dataset.supervisions:
        if sup.subject_kind is SubjectKind.SCHOOL and sup.type.is_comprehensive and sup.start <= day:
            comprehensive[sup.subject_id].append(sup.start)
    statuses = [
        _school_status(s, sorted(comprehensive.get(s.id, [])), rules, day, at_risk_until) for s in schools
    ]
    semester = last_complete_semester(day)
    months = _teaching_months(day, rules.teaching_months) if rules.per_month else []
    visits: defaultdict[str, list[dt.date]] = defaultdict(list)
    for v in dataset.visits:
        if v.date <= day:
            visits[v.school_id].append(v.date)
    by_county: defaultdict[str, list[tuple[School, SchoolCoverage]]] = defaultdict(list)
    for school, status in zip(schools, statuses, strict=True):
        by_county[school.division_id].append((school, status))

    def line(
        division_id: str, name: str, members: list[tuple[School, SchoolCoverage]]
    ) -> JurisdictionCoverage:
        in_semester = {
            s.id: sum(1 for d in visits.get(s.id, []) if semester.start <= d <= semester.end)
            for s, _ in members
        }
        monthly = (
            [s for s, _ in members if s.stage.is_compulsory or not rules.per_month_compulsory_only]
            if rules.per_month
            else []
        )
        meeting_monthly = sum(
            1
            for s in monthly
            if all(
                sum(1 for d in visits.get(s.id, []) if (d.year, d.month) == ym) >= (rules.per_month or 0)
                for ym in months
            )
        )
        return JurisdictionCoverage(
            division_id=division_id,
            name=name,
            schools=len(members),
            covered=sum(1 for _, c in members if c.covered),
            overdue=tuple(c.school_id for _, c in members if c.overdue),
            at_risk=tuple(c.school_id for _, c in members if c.at_risk),
            semester=semester.label,
            visits=sum(in_semester.values()),
            per_semester=rules.per_semester,
            meeting_semester_rhythm=sum(1 for n in in_semester.values() if n >= (rules.per_semester or 0)),
            per_month=rules.per_month,
            months=tuple(f"{y}-{m:02d}" for y, m in months),
            monthly_scope=len(monthly),
            meeting_monthly_rhythm=meeting_monthly,
        )

    lines = [
        line(county, dataset.get("divisions", county).name, members)
        for county, members in sorted(by_county.items())
    ]
    root = root_division(dataset)
    everything = [pair for _, members in sorted(by_county.items()) for pair in members]
    lines.append(line(root.id if root else "", root.name if root else dataset.info.name, everything))
    return Coverage(
        dataset=dataset.info.name,
        profile=rules.profile,
        as_of=day,
        cycle=rules.label,
        at_risk_months=at_risk_months,
        schools=tuple(statuses),
        jurisdictions=tuple(lines),
    )
