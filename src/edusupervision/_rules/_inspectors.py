"""Rules on inspectors (督学队伍): RULEBOOK section "Inspectors"."""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING

from edusupervision._calendar import MonthEndPolicy, add_years
from edusupervision._domain._enums import (
    AssessmentResult,
    Degree,
    Employment,
    Level,
    Position,
    SubjectKind,
    TrainingKind,
)
from edusupervision._rules._helpers import (
    group_by,
    jurisdiction,
    last_complete_year,
    org_ref,
    responsible_body,
)
from edusupervision._rules._model import Context, Modality, Outcome, Param, Ref, Result, Rule, Severity, cite

if TYPE_CHECKING:
    from collections.abc import Iterator

    from edusupervision._domain._model import Inspector

__all__ = ["RULES", "counted_inspectors"]

SECTION = "Inspectors (督学队伍)"
_DEGREES = tuple(Degree)


def _scope_ids(ctx: Context) -> frozenset[str]:
    return frozenset(d.id for d in jurisdiction(ctx.dataset))


def _inspectors_in_scope(ctx: Context, *, on: dt.date | None = None) -> Iterator[tuple[int, Inspector]]:
    """Yield (position, inspector) for 督学 working in the jurisdiction and active on ``on`` (default as_of)."""
    scope = _scope_ids(ctx)
    day = on or ctx.as_of
    for pos, inspector in enumerate(ctx.dataset.inspectors):
        if inspector.division_id in scope and inspector.kind.is_inspector and inspector.active_on(day):
            yield pos, inspector


def _appointing(ctx: Context, inspector: Inspector) -> Ref:
    return org_ref(ctx.dataset.get("organisations", inspector.appointed_by))


def counted_inspectors(inspectors: list[Inspector], counts: str) -> list[Inspector]:
    """Return the inspectors a ratio counts: ``all``, ``full_time`` or ``responsibility`` inspectors."""
    if counts == "full_time":
        return [i for i in inspectors if i.employment is Employment.FULL_TIME]
    if counts == "responsibility":
        return [i for i in inspectors if i.responsibility]
    return list(inspectors)


def _county_divisions(ctx: Context) -> list[str]:
    return [d.id for d in jurisdiction(ctx.dataset) if d.kind.level is Level.COUNTY]


def _ratio(ctx: Context) -> Iterator[Result]:
    ratio: int = ctx["R"]
    schools = group_by(
        (s for s in ctx.dataset.schools if s.stage.is_school_or_kindergarten), lambda s: s.division_id
    )
    inspectors = group_by((i for _, i in _inspectors_in_scope(ctx)), lambda i: i.division_id)
    for county in _county_divisions(ctx):
        n_schools = len(schools.get(county, []))
        counted = counted_inspectors(inspectors.get(county, []), ctx["counts"])
        required = math.ceil(n_schools / ratio)
        gov = ctx.dataset.government_of(county)
        yield Result(
            subject=Ref("division", county),
            responsible=org_ref(gov) if gov else None,
            outcome=Outcome.COMPLIANT if len(counted) >= required else Outcome.VIOLATION,
            evidence={
                "schools": n_schools,
                "inspectors": len(counted),
                "required": required,
                "R": ratio,
                "counts": ctx["counts"],
                "shortfall": max(0, required - len(counted)),
            },
        )


def _large_school(ctx: Context) -> Iterator[Result]:
    threshold: int | None = ctx["threshold"]
    if threshold is None:
        return
    scope = _scope_ids(ctx)
    active = [a for a in ctx.dataset.assignments if a.active_on(ctx.as_of)]
    per_inspector = group_by(active, lambda a: a.inspector_id)
    for pos, school in enumerate(ctx.dataset.schools):
        if school.division_id not in scope or not school.stage.is_school_or_kindergarten:
            continue
        body = responsible_body(ctx.dataset, school.division_id)
        if school.student_count is None:
            yield Result(
                subject=Ref("school", school.id),
                responsible=body,
                outcome=Outcome.UNDETERMINABLE,
                missing=("schools.student_count",),
                table="schools",
                position=pos,
            )
            continue
        if school.student_count < threshold:
            continue
        dedicated = [i for i, items in per_inspector.items() if [a.school_id for a in items] == [school.id]]
        yield Result(
            subject=Ref("school", school.id),
            responsible=body,
            outcome=Outcome.COMPLIANT if dedicated else Outcome.VIOLATION,
            evidence={"students": school.student_count, "threshold": threshold, "dedicated": dedicated},
            table="schools",
            position=pos,
        )


def _full_time_share(ctx: Context) -> Iterator[Result]:
    minimum: float | None = ctx["S"]
    year_ago = add_years(ctx.as_of, -1, policy=MonthEndPolicy.CLAMP)
    now = group_by((i for _, i in _inspectors_in_scope(ctx)), lambda i: i.division_id)
    before = group_by((i for _, i in _inspectors_in_scope(ctx, on=year_ago)), lambda i: i.division_id)
    for county in _county_divisions(ctx):
        body = ctx.dataset.body_of(county)
        gov = ctx.dataset.government_of(county)
        subject = org_ref(body) if body else Ref("division", county)
        current = now.get(county, [])
        if not current:
            yield Result(
                subject=subject,
                responsible=org_ref(gov) if gov else None,
                outcome=Outcome.UNDETERMINABLE,
                missing=("inspectors: none active in the county",),
            )
            continue
        share = len(counted_inspectors(current, "full_time")) / len(current)
        previous = before.get(county, [])
        prev_share = len(counted_inspectors(previous, "full_time")) / len(previous) if previous else None
        failed: list[str] = []
        if minimum is not None and share < minimum:
            failed.append("below_minimum")
        if ctx["non_decreasing"] and prev_share is not None and share < prev_share:
            failed.append("decreased")
        yield Result(
            subject=subject,
            responsible=org_ref(gov) if gov else None,
            outcome=Outcome.VIOLATION if failed else Outcome.COMPLIANT,
            evidence={
                "share": round(share, 4),
                "previous_share": None if prev_share is None else round(prev_share, 4),
                "minimum": minimum,
                "failed": failed,
                "full_time": len(counted_inspectors(current, "full_time")),
                "inspectors": len(current),
            },
        )


def _training_hours(ctx: Context) -> Iterator[Result]:
    year = last_complete_year(ctx.as_of)
    hours: dict[str, float] = {}
    for t in ctx.dataset.trainings:
        if t.kind is TrainingKind.CENTRALISED and t.date.year == year:
            hours[t.inspector_id] = hours.get(t.inspector_id, 0.0) + t.hours
    for pos, inspector in _inspectors_in_scope(ctx, on=dt.date(year, 12, 31)):
        got = hours.get(inspector.id, 0.0)
        yield Result(
            subject=Ref("inspector", inspector.id),
            responsible=_appointing(ctx, inspector),
            outcome=Outcome.COMPLIANT if got >= ctx["H"] else Outcome.VIOLATION,
            evidence={"year": year, "hours": got, "required": ctx["H"]},
            table="inspectors",
            position=pos,
        )


def _first_duty(ctx: Context) -> dict[str, dt.date]:
    """Return each inspector's first supervision or visit date."""
    first: dict[str, dt.date] = {}
    starts = {s.id: s.start for s in ctx.dataset.supervisions}
    dated = [(m.inspector_id, starts[m.supervision_id]) for m in ctx.dataset.team_members]
    dated += [(v.inspector_id, v.date) for v in ctx.dataset.visits]
    for inspector_id, day in dated:
        if inspector_id not in first or day < first[inspector_id]:
            first[inspector_id] = day
    return first


def _pre_job_training(ctx: Context) -> Iterator[Result]:
    first = _first_duty(ctx)
    pre_job = group_by(
        (t for t in ctx.dataset.trainings if t.kind is TrainingKind.PRE_JOB), lambda t: t.inspector_id
    )
    for pos, inspector in _inspectors_in_scope(ctx):
        duty = first.get(inspector.id)
        if duty is None or duty > ctx.as_of:
            continue
        trained = sorted(t.date for t in pre_job.get(inspector.id, []))
        ok = bool(trained) and trained[0] <= duty
        yield Result(
            subject=Ref("inspector", inspector.id),
            responsible=_appointing(ctx, inspector),
            outcome=Outcome.COMPLIANT if ok else Outcome.VIOLATION,
            evidence={"first_duty": duty, "pre_job_training": trained[0] if trained else None},
            table="inspectors",
            position=pos,
        )


def _retiree_recency(ctx: Context) -> Iterator[Result]:
    for pos, inspector in _inspectors_in_scope(ctx):
        if (
            inspector.retired_on is None
            or inspector.appointed_on is None
            or inspector.appointed_on < inspector.retired_on
        ):
            continue
        limit = add_years(inspector.retired_on, ctx["Y"], policy=MonthEndPolicy.CLAMP)
        yield Result(
            subject=Ref("inspector", inspector.id),
            responsible=_appointing(ctx, inspector),
            outcome=Outcome.COMPLIANT if inspector.appointed_on <= limit else Outcome.VIOLATION,
            evidence={
                "retired_on": inspector.retired_on,
                "appointed_on": inspector.appointed_on,
                "years_limit": ctx["Y"],
            },
            table="inspectors",
            position=pos,
        )


def _part_time_term(ctx: Context) -> Iterator[Result]:
    for pos, inspector in _inspectors_in_scope(ctx):
        if inspector.employment is not Employment.PART_TIME:
            continue
        missing = [
            f"inspectors.{name}"
            for name in ("term_start", "term_end", "consecutive_terms")
            if getattr(inspector, name) is None
        ]
        subject = Ref("inspector", inspector.id)
        if missing:
            yield Result(
                subject=subject,
                responsible=_appointing(ctx, inspector),
                outcome=Outcome.UNDETERMINABLE,
                missing=tuple(missing),
                table="inspectors",
                position=pos,
            )
            continue
        assert inspector.term_start is not None
        assert inspector.term_end is not None
        longest = add_years(inspector.term_start, ctx["term"], policy=MonthEndPolicy.CLAMP)
        failed = (["term_too_long"] if inspector.term_end > longest else []) + (
            ["too_many_terms"] if (inspector.consecutive_terms or 0) > ctx["max_consecutive"] else []
        )
        yield Result(
            subject=subject,
            responsible=_appointing(ctx, inspector),
            outcome=Outcome.VIOLATION if failed else Outcome.COMPLIANT,
            evidence={
                "term_start": inspector.term_start,
                "term_end": inspector.term_end,
                "consecutive_terms": inspector.consecutive_terms,
                "term_years": ctx["term"],
                "max_consecutive": ctx["max_consecutive"],
                "failed": failed,
            },
            table="inspectors",
            position=pos,
        )


def _qualification(ctx: Context) -> Iterator[Result]:
    minimum = Degree.parse(ctx["degree"])
    for pos, inspector in _inspectors_in_scope(ctx):
        subject = Ref("inspector", inspector.id)
        missing = [f"inspectors.{n}" for n in ("degree", "education_years") if getattr(inspector, n) is None]
        if missing:
            yield Result(
                subject=subject,
                responsible=_appointing(ctx, inspector),
                outcome=Outcome.UNDETERMINABLE,
                missing=tuple(missing),
                table="inspectors",
                position=pos,
            )
            continue
        assert inspector.degree is not None
        assert inspector.education_years is not None
        failed = (["degree"] if _DEGREES.index(inspector.degree) < _DEGREES.index(minimum) else []) + (
            ["years"] if inspector.education_years < ctx["years"] else []
        )
        yield Result(
            subject=subject,
            responsible=_appointing(ctx, inspector),
            outcome=Outcome.VIOLATION if failed else Outcome.COMPLIANT,
            evidence={
                "degree": inspector.degree.value,
                "education_years": inspector.education_years,
                "required_degree": minimum.value,
                "required_years": ctx["years"],
                "failed": failed,
            },
            table="inspectors",
            position=pos,
        )


def _recusal(ctx: Context) -> Iterator[Result]:
    scope = _scope_ids(ctx)
    relatives = group_by(ctx.dataset.near_relatives, lambda r: r.inspector_id)
    team = group_by(ctx.dataset.team_members, lambda m: m.supervision_id)
    leaders = group_by(
        (p for p in ctx.dataset.persons if p.position is Position.MAIN_LEADER), lambda p: p.organisation_id
    )
    for pos, sup in enumerate(ctx.dataset.supervisions):
        members = team.get(sup.id, [])
        if not members:
            continue
        if sup.subject_kind is SubjectKind.SCHOOL:
            school = ctx.dataset.get("schools", sup.subject_id)
            if school.division_id not in scope:
                continue
            heads = {school.head_id} - {None}
        elif sup.subject_kind is SubjectKind.ORGANISATION:
            if ctx.dataset.get("organisations", sup.subject_id).division_id not in scope:
                continue
            heads = {p.id for p in leaders.get(sup.subject_id, [])}
        else:
            continue
        conflicts = sorted(
            {
                m.inspector_id
                for m in members
                for r in relatives.get(m.inspector_id, [])
                if r.person_id in heads
            }
        )
        yield Result(
            subject=Ref("supervision", sup.id),
            responsible=Ref("organisation", sup.body_id),
            outcome=Outcome.VIOLATION if conflicts else Outcome.COMPLIANT,
            evidence={"conflicted_inspectors": conflicts, "unit": sup.subject_id},
            table="supervisions",
            position=pos,
        )


def _assessment(ctx: Context) -> Iterator[Result]:
    inspectors = {i.id: (pos, i) for pos, i in enumerate(ctx.dataset.inspectors)}
    scope = _scope_ids(ctx)
    if ctx["dismiss_unqualified"]:
        for a in ctx.dataset.assessments:
            pos, inspector = inspectors[a.inspector_id]
            if a.result is not AssessmentResult.UNQUALIFIED or inspector.division_id not in scope:
                continue
            yield Result(
                subject=Ref("inspector", inspector.id),
                responsible=_appointing(ctx, inspector),
                outcome=Outcome.COMPLIANT
                if inspector.dismissed_on is not None and inspector.dismissed_on <= ctx.as_of
                else Outcome.VIOLATION,
                evidence={"year": a.year, "result": a.result.value, "dismissed_on": inspector.dismissed_on},
                table="inspectors",
                position=pos,
            )
    if ctx["announce_dismissal"]:
        for pos, inspector in inspectors.values():
            dismissed = inspector.dismissed_on
            if dismissed is None or dismissed > ctx.as_of or inspector.division_id not in scope:
                continue
            if inspector.dismissal_announced is None:
                yield Result(
                    subject=Ref("inspector", inspector.id),
                    responsible=_appointing(ctx, inspector),
                    outcome=Outcome.UNDETERMINABLE,
                    missing=("inspectors.dismissal_announced",),
                    table="inspectors",
                    position=pos,
                )
                continue
            yield Result(
                subject=Ref("inspector", inspector.id),
                responsible=_appointing(ctx, inspector),
                outcome=Outcome.COMPLIANT if inspector.dismissal_announced else Outcome.VIOLATION,
                evidence={
                    "case": "not_announced",
                    "dismissed_on": inspector.dismissed_on,
                    "announced": inspector.dismissal_announced,
                },
                table="inspectors",
                position=pos,
            )


def _public_contact(ctx: Context) -> Iterator[Result]:
    scope = _scope_ids(ctx)
    for pos, a in enumerate(ctx.dataset.assignments):
        if not a.active_on(ctx.as_of):
            continue
        school = ctx.dataset.get("schools", a.school_id)
        if school.division_id not in scope:
            continue
        body = responsible_body(ctx.dataset, school.division_id)
        if a.contact_posted is None:
            yield Result(
                subject=Ref("assignment", a.id),
                responsible=body,
                outcome=Outcome.UNDETERMINABLE,
                missing=("assignments.contact_posted",),
                table="assignments",
                position=pos,
            )
            continue
        yield Result(
            subject=Ref("assignment", a.id),
            responsible=body,
            outcome=Outcome.COMPLIANT if a.contact_posted else Outcome.VIOLATION,
            evidence={"school": school.name, "inspector": a.inspector_id},
            table="assignments",
            position=pos,
        )


RULES = (
    Rule(
        id="inspector.ratio",
        reads=("divisions", "schools", "inspectors"),
        title_zh="督学与学校数比例",
        title_en="Inspectors per school",
        section=SECTION,
        modality=Modality.MUST,
        severity=Severity.WARNING,
        check=_ratio,
        subject="jurisdiction",
        responsible="its government",
        text="In each county-level jurisdiction, counted inspectors ≥ ceil(schools / R).",
        message_zh="{subject_name}有学校{schools}所，按1:{R}须配备督学{required}名，现有{inspectors}名（计：{counts}）。",
        message_en="{subject_name} has {schools} schools: at 1:{R} it needs {required} inspectors ({counts}); "
        "it has {inspectors}.",
        params={
            "R": Param(minimum=1, default=5, doc="Schools per inspector.", unit="schools"),
            "counts": Param(
                choices=("all", "full_time", "responsibility"),
                default="responsibility",
                doc="Which inspectors count: responsibility, all, full_time.",
            ),
        },
        citations=cite("PLQ 1"),
    ),
    Rule(
        id="inspector.large_school",
        reads=("schools", "assignments"),
        requires=("threshold",),
        title_zh="大规模学校1:1",
        title_en="Dedicated inspector for large schools",
        section=SECTION,
        modality=Modality.MAY,
        check=_large_school,
        subject="school",
        responsible="county body",
        text="A school at or above the large-school threshold has a dedicated inspector.",
        message_zh="{subject_name}学生{students}人，达到{threshold}人，未配备专门督学。",
        message_en="{subject_name} has {students} students (threshold {threshold}) and no dedicated inspector.",
        params={
            "threshold": Param(
                types=(int,),
                default=None,
                doc="Students from which a school is large; no source defines "
                "it, so the rule is not applicable until a profile sets it.",
                unit="students",
            )
        },
    ),
    Rule(
        id="inspector.full_time_share",
        reads=("divisions", "inspectors"),
        title_zh="专职督学占比",
        title_en="Share of full-time inspectors",
        section=SECTION,
        modality=Modality.MUST,
        check=_full_time_share,
        subject="body",
        responsible="government",
        text="Full-time inspectors / all inspectors ≥ S; and the share does not fall year on year.",
        message_zh="{subject_name}专职督学占比{share}（上年{previous_share}，要求{minimum}）不符合要求（{failed}）。",
        message_en="{subject_name}: full-time share {share} (previous {previous_share}, minimum {minimum}) "
        "fails ({failed}).",
        params={
            "S": Param(
                types=(float, int),
                default=None,
                doc="Minimum full-time share; None: no minimum.",
                unit="share",
            ),
            "non_decreasing": Param(default=False, doc="The share must not fall against a year earlier."),
        },
    ),
    Rule(
        id="inspector.training_hours",
        reads=("inspectors", "trainings"),
        title_zh="年度集中培训学时",
        title_en="Yearly centralised training hours",
        section=SECTION,
        modality=Modality.MUST,
        check=_training_hours,
        subject="inspector",
        responsible="appointing body",
        text="Each active inspector has ≥ H hours of centralised training per calendar year.",
        message_zh="{subject_name}{year}年集中培训{hours}学时，少于{required}学时。",
        message_en="{subject_name} had {hours} h of centralised training in {year}; {required} h required.",
        params={"H": Param(default=40, doc="Hours of centralised training per calendar year.", unit="hours")},
        citations=cite("INSP 21"),
    ),
    Rule(
        id="inspector.pre_job_training",
        reads=("inspectors", "trainings", "team_members", "supervisions", "visits"),
        title_zh="岗前培训",
        title_en="Pre-job training before first duty",
        section=SECTION,
        modality=Modality.MUST,
        check=_pre_job_training,
        subject="inspector",
        responsible="appointing body",
        text="A new inspector completes pre-job training before their first supervision.",
        message_zh="{subject_name}首次督导（{first_duty}）前未完成岗前培训（{pre_job_training}）。",
        message_en="{subject_name} supervised on {first_duty} before pre-job training ({pre_job_training}).",
        citations=cite("INSP"),
    ),
    Rule(
        id="inspector.retiree_recency",
        reads=("inspectors",),
        title_zh="退休督学",
        title_en="Retired inspectors hired soon after retiring",
        section=SECTION,
        modality=Modality.MUST,
        check=_retiree_recency,
        subject="inspector",
        responsible="appointing body",
        text="An inspector hired after retirement was hired ≤ Y years after retiring.",
        message_zh="{subject_name}退休于{retired_on}，聘任于{appointed_on}，超过{years_limit}年。",
        message_en="{subject_name} retired on {retired_on} and was hired on {appointed_on}, over {years_limit} years.",
        params={
            "Y": Param(
                default=3, doc="Years after retirement within which a retiree may be hired.", unit="years"
            )
        },
    ),
    Rule(
        id="inspector.part_time_term",
        reads=("inspectors",),
        title_zh="兼职督学任期",
        title_en="Part-time inspector terms",
        section=SECTION,
        modality=Modality.MUST,
        check=_part_time_term,
        subject="inspector",
        responsible="appointing body",
        text="Part-time terms are 3 years; at most 3 consecutive terms.",
        message_zh="{subject_name}任期不符合要求（{failed}）：{term_start}至{term_end}，连任{consecutive_terms}届。",
        message_en="{subject_name}'s term breaks the rule ({failed}): {term_start} to {term_end}, "
        "{consecutive_terms} consecutive terms.",
        params={
            "term": Param(default=3, doc="Length of a part-time term.", unit="years"),
            "max_consecutive": Param(default=3, doc="Consecutive terms allowed.", unit="terms"),
        },
        citations=cite("REG 6; INSP"),
    ),
    Rule(
        id="inspector.qualification",
        reads=("inspectors",),
        title_zh="督学任职条件",
        title_en="Inspector qualifications",
        section=SECTION,
        modality=Modality.MUST,
        check=_qualification,
        subject="inspector",
        responsible="appointing body",
        text="Bachelor's degree or higher and ≥ 10 years in education work.",
        message_zh="{subject_name}不符合任职条件（{failed}）：学历{degree}，教育工作{education_years}年。",
        message_en="{subject_name} lacks the qualifications ({failed}): {degree}, {education_years} years.",
        params={
            "degree": Param(choices=Degree, default="bachelor", doc="Minimum degree."),
            "years": Param(default=10, doc="Years of education work.", unit="years"),
        },
        citations=cite("REG 7"),
    ),
    Rule(
        id="inspector.recusal",
        reads=("supervisions", "team_members", "near_relatives", "schools", "persons"),
        title_zh="回避",
        title_en="Recusal of near relatives",
        section=SECTION,
        modality=Modality.MUST,
        check=_recusal,
        subject="supervision",
        responsible="body",
        text="No inspector serves on a supervision of a unit whose main leader is their near relative.",
        message_zh="督导组成员{conflicted_inspectors}与被督导单位主要负责人有近亲属关系，应当回避。",
        message_en="Team member(s) {conflicted_inspectors} are near relatives of the unit's main leader "
        "and must recuse.",
        citations=cite("REG 10"),
    ),
    Rule(
        id="inspector.assessment",
        reads=("inspectors", "assessments"),
        title_zh="督学考核",
        title_en="Assessment consequences",
        section=SECTION,
        modality=Modality.MUST,
        check=_assessment,
        subject="inspector",
        responsible="appointing body",
        text="An inspector assessed unqualified is dismissed; a dismissal is publicly announced.",
        message_zh="{subject_name}考核结果处理不符合要求（考核{result}，解聘{dismissed_on}）。",
        message_en="{subject_name}: assessment consequence missing (result {result}, dismissed {dismissed_on}).",
        variants={
            "not_announced": (
                "{subject_name}已于{dismissed_on}解聘，但未向社会公告。",
                "{subject_name} was dismissed on {dismissed_on} without a public announcement.",
            )
        },
        params={
            "dismiss_unqualified": Param(default=False, doc="An unqualified assessment leads to dismissal."),
            "announce_dismissal": Param(default=False, doc="A dismissal is publicly announced."),
        },
    ),
    Rule(
        id="inspector.public_contact",
        reads=("assignments", "schools"),
        title_zh="挂牌公示",
        title_en="Responsibility inspector posted at school",
        section=SECTION,
        modality=Modality.MUST,
        check=_public_contact,
        subject="assignment",
        responsible="county body",
        text="Every responsibility inspector's name, photo, contact and supervised items are posted at each "
        "school they cover.",
        message_zh="{school}未公示责任督学{inspector}的信息。",
        message_en="{school} has not posted responsibility inspector {inspector}'s details.",
        citations=cite("PLQ 1"),
    ),
)
