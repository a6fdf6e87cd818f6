"""Rules on responsibility zones and school supervision (督学): RULEBOOK section of the same name."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from edusupervision._calendar import MonthEndPolicy, SchoolYear, Semester, add_months, rolling_window
from edusupervision._domain._enums import SubjectKind, SupervisionType
from edusupervision._rules._helpers import group_by, jurisdiction, responsible_body
from edusupervision._rules._model import Context, Modality, Outcome, Param, Ref, Result, Rule, Severity, cite

if TYPE_CHECKING:
    from collections.abc import Iterator

    from edusupervision._domain._dataset import Dataset
    from edusupervision._domain._model import School, Supervision

__all__ = ["RULES", "last_complete_semester"]

SECTION = "Responsibility zones and school supervision (督学)"


def _schools(ctx: Context) -> Iterator[tuple[int, School]]:
    """Yield (position, school) for schools and kindergartens of the jurisdiction (REG 13 scope)."""
    scope = {d.id for d in jurisdiction(ctx.dataset)}
    for pos, school in enumerate(ctx.dataset.schools):
        if school.division_id in scope and school.stage.is_school_or_kindergarten:
            yield pos, school


def administering_body(ds: Dataset, school: School) -> Ref | None:
    """Return the supervision body at the level of the authority administering the school (所辖学校).

    A school administered by a city's education bureau is supervised by the city's body; without
    ``administered_by``, the county's body.
    """
    authority = ds.find("organisations", school.administered_by)
    division = authority.division_id if authority is not None else school.division_id
    return responsible_body(ds, division)


def last_complete_semester(as_of: dt.date) -> Semester:
    """Return the latest semester that has ended on or before ``as_of``."""
    current = Semester.of(as_of)
    semester = current.previous() if current is not None else Semester.of(dt.date(as_of.year, 7, 31))
    assert semester is not None
    if current is None and as_of < semester.end:
        semester = semester.previous()
    if current is not None and as_of == current.end:
        semester = current
    return semester


def _school_supervisions(ctx: Context) -> dict[str, list[Supervision]]:
    return group_by(
        (
            s
            for s in ctx.dataset.supervisions
            if s.subject_kind is SubjectKind.SCHOOL and s.start <= ctx.as_of
        ),
        lambda s: s.subject_id,
    )


def _coverage(ctx: Context) -> Iterator[Result]:
    active = group_by((a for a in ctx.dataset.assignments if a.active_on(ctx.as_of)), lambda a: a.school_id)
    inspectors = {i.id: i for i in ctx.dataset.inspectors}
    for pos, school in _schools(ctx):
        covering = sorted(
            {
                a.inspector_id
                for a in active.get(school.id, [])
                if inspectors[a.inspector_id].responsibility
                and inspectors[a.inspector_id].active_on(ctx.as_of)
            }
        )
        failed = (["no_zone"] if school.zone_id is None else []) + (["no_inspector"] if not covering else [])
        yield Result(
            subject=Ref("school", school.id),
            responsible=responsible_body(ctx.dataset, school.division_id),
            outcome=Outcome.VIOLATION if failed else Outcome.COMPLIANT,
            evidence={"zone": school.zone_id, "inspectors": covering, "failed": failed},
            table="schools",
            position=pos,
        )


def _zone_size(ctx: Context) -> Iterator[Result]:
    scope = {d.id for d in jurisdiction(ctx.dataset)}
    members = group_by((s for s in ctx.dataset.schools if s.zone_id is not None), lambda s: s.zone_id)
    for pos, zone in enumerate(ctx.dataset.zones):
        if zone.division_id not in scope:
            continue
        count = len(members.get(zone.id, []))
        yield Result(
            subject=Ref("zone", zone.id),
            responsible=responsible_body(ctx.dataset, zone.division_id),
            outcome=Outcome.COMPLIANT if count <= ctx["max"] else Outcome.VIOLATION,
            evidence={"schools": count, "max": ctx["max"]},
            table="zones",
            position=pos,
        )


def _inspector_load(ctx: Context) -> Iterator[Result]:
    scope = {d.id for d in jurisdiction(ctx.dataset)}
    active = group_by(
        (a for a in ctx.dataset.assignments if a.active_on(ctx.as_of)), lambda a: a.inspector_id
    )
    for pos, inspector in enumerate(ctx.dataset.inspectors):
        if (
            inspector.division_id not in scope
            or not inspector.responsibility
            or not inspector.active_on(ctx.as_of)
        ):
            continue
        schools = sorted({a.school_id for a in active.get(inspector.id, [])})
        yield Result(
            subject=Ref("inspector", inspector.id),
            responsible=responsible_body(ctx.dataset, inspector.division_id),
            outcome=Outcome.COMPLIANT if len(schools) <= ctx["L"] else Outcome.VIOLATION,
            evidence={"schools": len(schools), "max": ctx["L"]},
            table="inspectors",
            position=pos,
        )


def _month_starts(as_of: dt.date, teaching_months: tuple[int, ...]) -> list[dt.date]:
    """Return the first days of the complete teaching months in the twelve months ending at ``as_of``."""
    out: list[dt.date] = []
    first = dt.date(as_of.year, as_of.month, 1)
    last_complete = (
        first
        if add_months(first, 1, policy=MonthEndPolicy.CLAMP) - dt.timedelta(days=1) == as_of
        else add_months(first, -1, policy=MonthEndPolicy.CLAMP)
    )
    for back in range(12):
        month = add_months(last_complete, -back, policy=MonthEndPolicy.CLAMP)
        if month.month in teaching_months:
            out.append(month)
    return sorted(out)


def _regular_visits(ctx: Context) -> Iterator[Result]:
    semester = last_complete_semester(ctx.as_of)
    per_semester: int | None = ctx["per_semester"]
    per_month: int | None = ctx["per_month"]
    months = _month_starts(ctx.as_of, tuple(ctx["teaching_months"])) if per_month else []
    visits = group_by(ctx.dataset.visits, lambda v: v.school_id)
    for pos, school in _schools(ctx):
        dates = [v.date for v in visits.get(school.id, []) if v.date <= ctx.as_of]
        evidence: dict[str, object] = {"semester": semester.label}
        failed: list[str] = []
        if per_semester is not None:
            in_semester = sum(1 for d in dates if semester.start <= d <= semester.end)
            evidence.update(visits=in_semester, per_semester=per_semester)
            if in_semester < per_semester:
                failed.append("per_semester")
        if per_month is not None and (school.stage.is_compulsory or not ctx["per_month_compulsory_only"]):
            counts = {(d.year, d.month): 0 for d in months}
            for d in dates:
                if (d.year, d.month) in counts:
                    counts[(d.year, d.month)] += 1
            short = [f"{y}-{m:02d}" for (y, m), n in counts.items() if n < per_month]
            evidence.update(months_short=short, per_month=per_month)
            if short:
                failed.append("per_month")
        evidence["failed"] = failed
        yield Result(
            subject=Ref("school", school.id),
            responsible=responsible_body(ctx.dataset, school.division_id),
            outcome=Outcome.VIOLATION if failed else Outcome.COMPLIANT,
            evidence=evidence,
            table="schools",
            position=pos,
        )


def _comprehensive_cycle(ctx: Context) -> Iterator[Result]:
    if ctx["per_school_year"]:
        window_year = SchoolYear.of(ctx.as_of)
        if ctx.as_of != window_year.end:
            window_year = window_year.previous()
        start, end, label = window_year.start, window_year.end, window_year.label
    else:
        window = rolling_window(ctx.as_of, years=ctx["years"])
        start, end, label = window.start, window.end, f"{window.start}/{window.end}"
    sups = _school_supervisions(ctx)
    for pos, school in _schools(ctx):
        dates = sorted(s.start for s in sups.get(school.id, []) if s.type.is_comprehensive)
        last = dates[-1] if dates else None
        inside = [d for d in dates if start <= d <= end]
        yield Result(
            subject=Ref("school", school.id),
            responsible=administering_body(ctx.dataset, school),
            outcome=Outcome.COMPLIANT if inside else Outcome.VIOLATION,
            evidence={"last_comprehensive": last, "window": label},
            table="schools",
            position=pos,
        )


def _visit_burden(ctx: Context) -> Iterator[Result]:
    maximum: int | None = ctx["M"]
    if maximum is None:
        return
    semester = last_complete_semester(ctx.as_of)
    sups = _school_supervisions(ctx)
    for pos, school in _schools(ctx):
        count = sum(1 for s in sups.get(school.id, []) if semester.start <= s.start <= semester.end)
        yield Result(
            subject=Ref("school", school.id),
            responsible=responsible_body(ctx.dataset, school.division_id),
            outcome=Outcome.COMPLIANT if count <= maximum else Outcome.VIOLATION,
            evidence={"semester": semester.label, "supervisions": count, "max": maximum},
            table="schools",
            position=pos,
        )


def _principal_term_end(ctx: Context) -> Iterator[Result]:
    sups = _school_supervisions(ctx)
    for pos, school in _schools(ctx):
        end = school.head_term_end
        if end is None or end > ctx.as_of or end < ctx["from_date"]:
            continue
        due = add_months(end, ctx["W"], policy=MonthEndPolicy.CLAMP)
        earliest = add_months(end, -ctx["before_months"], policy=MonthEndPolicy.CLAMP)
        done = sorted(
            s.start
            for s in sups.get(school.id, [])
            if s.type is SupervisionType.TERM_END and earliest <= s.start <= due
        )
        if not done and due > ctx.as_of:
            continue  # not yet due
        yield Result(
            subject=Ref("school", school.id),
            responsible=responsible_body(ctx.dataset, school.division_id),
            outcome=Outcome.COMPLIANT if done else Outcome.VIOLATION,
            evidence={"term_end": end, "due": due, "term_end_supervision": done[0] if done else None},
            table="schools",
            position=pos,
        )


RULES = (
    Rule(
        id="zone.coverage",
        reads=("schools", "zones", "assignments", "inspectors"),
        title_zh="挂牌督导全覆盖",
        title_en="Every school in a zone with an inspector",
        section=SECTION,
        modality=Modality.MUST,
        check=_coverage,
        subject="school",
        responsible="county body",
        text="Every primary school, secondary school and kindergarten is in exactly one responsibility zone and "
        "has ≥ 1 responsibility inspector.",
        message_zh="{subject_name}未纳入责任区或未配备责任督学（{failed}）。",
        message_en="{subject_name} is not in a zone or has no responsibility inspector ({failed}).",
        citations=cite("REG 13; PLQ 1"),
    ),
    Rule(
        id="zone.size",
        reads=("zones", "schools"),
        title_zh="责任区规模",
        title_en="Zone size",
        section=SECTION,
        modality=Modality.DEFAULT,
        check=_zone_size,
        subject="zone",
        responsible="county body",
        text="A zone holds ≤ 20 schools.",
        message_zh="{subject_name}有学校{schools}所，超过{max}所。",
        message_en="{subject_name} holds {schools} schools, more than {max}.",
        params={"max": Param(minimum=1, default=20, doc="Schools per zone.", unit="schools")},
        citations=cite("ZONE"),
    ),
    Rule(
        id="zone.inspector_load",
        reads=("inspectors", "assignments"),
        title_zh="责任督学负责学校数",
        title_en="Schools per responsibility inspector",
        section=SECTION,
        modality=Modality.MUST,
        severity=Severity.WARNING,
        check=_inspector_load,
        subject="inspector",
        responsible="county body",
        text="A responsibility inspector covers ≤ L schools.",
        message_zh="{subject_name}负责学校{schools}所，超过{max}所。",
        message_en="{subject_name} covers {schools} schools, more than {max}.",
        params={
            "L": Param(minimum=1, default=5, doc="Schools per responsibility inspector.", unit="schools")
        },
        citations=cite("PLQ 1"),
    ),
    Rule(
        id="school.regular_visits",
        reads=("schools", "visits"),
        title_zh="经常性督导频次",
        title_en="Regular supervision visits",
        section=SECTION,
        modality=Modality.MUST,
        check=_regular_visits,
        subject="school",
        responsible="county body",
        text="Each school gets ≥ 2 regular-supervision visits per semester (the last complete semester is "
        "checked); where the profile says so, ≥ 1 visit per teaching month.",
        message_zh="{subject_name}经常性督导次数不足（{failed}）：{semester}{visits}次。",
        message_en="{subject_name} had too few regular visits ({failed}): {visits} in {semester}.",
        params={
            "per_semester": Param(default=2, doc="Visits per semester; None: not required.", unit="visits"),
            "per_month": Param(
                types=(int,),
                default=None,
                doc="Visits per teaching month; None: not required.",
                unit="visits",
            ),
            "per_month_compulsory_only": Param(
                default=True, doc="The monthly rhythm applies to compulsory-education schools only."
            ),
            "teaching_months": Param(
                default=(3, 4, 5, 6, 9, 10, 11, 12),
                doc="Months counted for the "
                "monthly rhythm (documented default: without the winter and summer "
                "vacation months).",
            ),
        },
        citations=cite("REG 14"),
    ),
    Rule(
        id="school.comprehensive_cycle",
        reads=("schools", "supervisions"),
        title_zh="综合督导周期",
        title_en="Comprehensive supervision cycle",
        section=SECTION,
        modality=Modality.MUST,
        check=_comprehensive_cycle,
        subject="school",
        responsible="body administering the school",
        text="Each school gets ≥ 1 comprehensive supervision per cycle (a rolling window ending at as_of, or "
        "the last complete school year).",
        message_zh="{subject_name}在周期{window}内未接受综合督导（最近一次：{last_comprehensive}）。",
        message_en="{subject_name} had no comprehensive supervision in {window} (last: {last_comprehensive}).",
        params={
            "years": Param(
                minimum=1, default=5, doc="Cycle length; REG 14 allows 3 to 5 years.", unit="years"
            ),
            "per_school_year": Param(default=False, doc="Every school year instead of a multi-year cycle."),
        },
        citations=cite("REG 14"),
    ),
    Rule(
        id="school.visit_burden",
        reads=("schools", "supervisions"),
        requires=("M",),
        title_zh="控制督导频次",
        title_en="Limit on supervisions per semester",
        section=SECTION,
        modality=Modality.MUST,
        check=_visit_burden,
        subject="school",
        responsible="county body",
        text="A school gets ≤ M supervisions (of all kinds) per semester.",
        message_zh="{subject_name}{semester}接受督导{supervisions}次，超过{max}次。",
        message_en="{subject_name} had {supervisions} supervisions in {semester}, more than {max}.",
        params={
            "M": Param(
                types=(int,),
                default=None,
                doc="Supervisions per semester; None until a profile sets it.",
                unit="supervisions",
            )
        },
    ),
    Rule(
        id="school.principal_term_end",
        reads=("schools", "supervisions"),
        title_zh="校长任期结束综合督导",
        title_en="Term-end supervision of heads",
        section=SECTION,
        modality=Modality.MUST,
        check=_principal_term_end,
        subject="school",
        responsible="county body",
        text="A head whose term ended gets one term-end comprehensive supervision within W months.",
        message_zh="{subject_name}校长任期于{term_end}结束，至{due}未开展任期结束综合督导。",
        message_en="{subject_name}'s head's term ended on {term_end}; no term-end supervision by {due}.",
        params={
            "W": Param(default=12, doc="Months after the term's end (documented default).", unit="months"),
            "before_months": Param(
                default=6,
                doc="A term-end supervision up to this many months before "
                "the end counts (documented default).",
                unit="months",
            ),
            "from_date": Param(
                default=dt.date(2022, 2, 16),
                doc="Terms ending before this date are out of scope (PRN announced 2022-02-16).",
            ),
        },
        citations=cite("PRN"),
    ),
)
