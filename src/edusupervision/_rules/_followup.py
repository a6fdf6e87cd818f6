"""Rules on the conduct of a supervision, rectification and follow-up, and consequences (约谈, 通报, 问责, 激励).

Consequence rules have two halves: ``derive`` says which measures the records call for (the consequences
engine lists them), and the check compares them with what was recorded: a called-for measure missing once
due, or a recorded measure without a trigger, is a finding.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from edusupervision._calendar import DayCount, Deadline, MonthEndPolicy, add_months
from edusupervision._domain._enums import (
    AccountabilityMeasure,
    AccountabilityTrigger,
    Announcement,
    CircularTrigger,
    CommendationKind,
    EvaluationResult,
    InterviewTrigger,
    LiabilityKind,
    LifecycleStep,
    ObjectClass,
    OrgKind,
    Ownership,
    ProblemCategory,
    SchoolStage,
    SubjectKind,
)
from edusupervision._domain._model import Interview, Supervision
from edusupervision._rules._followup_scope import (
    ProblemCase,
    days_after,
    leaders_of,
    problem_cases,
    supervisions_in_scope,
    unit_division,
    unit_ref,
)
from edusupervision._rules._helpers import group_by, jurisdiction, org_ref
from edusupervision._rules._model import (
    Context,
    Measure,
    MeasureKind,
    Modality,
    Outcome,
    Param,
    Ref,
    Result,
    Rule,
    cite,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["RULES", "measure_allowed"]

CONDUCT = "Conduct of a supervision (实施)"
RECTIFICATION = "Rectification and follow-up (整改, 督办, 复查)"
CONSEQUENCES = "Consequences: 约谈, 通报, 问责, 激励"

_UNIT_MEASURES = frozenset(
    {
        AccountabilityMeasure.PUBLIC_CRITICISM,
        AccountabilityMeasure.INTERVIEW,
        AccountabilityMeasure.SUPERVISION_CIRCULAR,
        AccountabilityMeasure.RESOURCE_ADJUSTMENT,
        AccountabilityMeasure.ADMINISTRATIVE_PENALTY,
    }
)
_PERSON_MEASURES = frozenset(
    {
        AccountabilityMeasure.ORDERED_SELF_EXAMINATION,
        AccountabilityMeasure.INTERVIEW,
        AccountabilityMeasure.CIRCULATED_CRITICISM,
        AccountabilityMeasure.ORGANISATIONAL_HANDLING,
        AccountabilityMeasure.DISCIPLINARY_SANCTION,
        AccountabilityMeasure.REFERRAL,
    }
)
_PRIVATE_EXTRA = frozenset(
    {
        AccountabilityMeasure.CONFISCATION,
        AccountabilityMeasure.OCCUPATIONAL_BAN,
        AccountabilityMeasure.CREDIT_RECORD,
    }
)


def measure_allowed(object_class: ObjectClass, measure: AccountabilityMeasure) -> bool:
    """Return whether ACC allows ``measure`` against an object of ``object_class``.

    Examples
    --------
    >>> measure_allowed(ObjectClass.UNIT, AccountabilityMeasure.DISCIPLINARY_SANCTION)
    False
    >>> measure_allowed(ObjectClass.PRIVATE_SCHOOL_PERSON, AccountabilityMeasure.OCCUPATIONAL_BAN)
    True

    """
    if object_class is ObjectClass.UNIT:
        return measure in _UNIT_MEASURES
    if object_class is ObjectClass.PERSON:
        return measure in _PERSON_MEASURES
    return measure in _PERSON_MEASURES | _PRIVATE_EXTRA


def _due(ctx: Context, start: dt.date, days_param: str) -> dt.date:
    return Deadline(ctx[days_param], DayCount(ctx["day_count"])).due(start)


def _sup_ref(sup: Supervision) -> Ref:
    return Ref("supervision", sup.id)


def _after(sup: Supervision, days: int, as_of: dt.date) -> bool:
    """Return whether ``days`` have passed since the supervision ended."""
    return days_after(sup.last_day, days) <= as_of


# --- conduct ----------------------------------------------------------------------------------------------


def _team_size(ctx: Context) -> Iterator[Result]:
    team = group_by(ctx.dataset.team_members, lambda m: m.supervision_id)
    for pos, sup in supervisions_in_scope(ctx):
        if not sup.type.needs_team or sup.start > ctx.as_of:
            continue
        members = sorted({m.inspector_id for m in team.get(sup.id, [])})
        if not members:
            yield Result(
                subject=_sup_ref(sup),
                responsible=Ref("organisation", sup.body_id),
                outcome=Outcome.UNDETERMINABLE,
                missing=(f"team_members: none for {sup.id}",),
                table="supervisions",
                position=pos,
            )
            continue
        yield Result(
            subject=_sup_ref(sup),
            responsible=Ref("organisation", sup.body_id),
            outcome=Outcome.COMPLIANT if len(members) >= ctx["min"] else Outcome.VIOLATION,
            evidence={"team": members, "size": len(members), "min": ctx["min"]},
            table="supervisions",
            position=pos,
        )


def _written_notice(ctx: Context) -> Iterator[Result]:
    for pos, sup in supervisions_in_scope(ctx):
        if not sup.type.needs_team or sup.announcement is Announcement.UNANNOUNCED or sup.start > ctx.as_of:
            continue
        ok = sup.notice_on is not None and sup.notice_on <= sup.start
        yield Result(
            subject=_sup_ref(sup),
            responsible=Ref("organisation", sup.body_id),
            outcome=Outcome.COMPLIANT if ok else Outcome.VIOLATION,
            evidence={"notice_on": sup.notice_on, "start": sup.start},
            table="supervisions",
            position=pos,
        )


def _report(ctx: Context) -> Iterator[Result]:
    for pos, sup in supervisions_in_scope(ctx):
        if not _after(sup, ctx["due_days"], ctx.as_of):
            continue
        subject, body = _sup_ref(sup), Ref("organisation", sup.body_id)
        if sup.report_on is not None and (sup.report_published is None or sup.report_filed is None):
            missing = [
                f"supervisions.{n}" for n in ("report_published", "report_filed") if getattr(sup, n) is None
            ]
            yield Result(
                subject=subject,
                responsible=body,
                outcome=Outcome.UNDETERMINABLE,
                missing=tuple(missing),
                table="supervisions",
                position=pos,
            )
            continue
        failed = [
            name
            for name, ok in (
                ("no_report", sup.report_on is not None),
                ("not_published", bool(sup.report_published)),
                ("not_filed", bool(sup.report_filed)),
            )
            if not ok
        ]
        yield Result(
            subject=subject,
            responsible=body,
            outcome=Outcome.VIOLATION if failed else Outcome.COMPLIANT,
            evidence={"report_on": sup.report_on, "failed": failed, "due_days": ctx["due_days"]},
            table="supervisions",
            position=pos,
        )


def _feedback(ctx: Context) -> Iterator[Result]:
    for pos, sup in supervisions_in_scope(ctx):
        if not _after(sup, ctx["due_days"], ctx.as_of):
            continue
        failed = (["no_feedback"] if sup.feedback_on is None else []) + (
            ["not_itemised"] if sup.feedback_itemised is False else []
        )
        if not failed and sup.feedback_itemised is None:
            yield Result(
                subject=_sup_ref(sup),
                responsible=Ref("organisation", sup.body_id),
                outcome=Outcome.UNDETERMINABLE,
                missing=("supervisions.feedback_itemised",),
                table="supervisions",
                position=pos,
            )
            continue
        yield Result(
            subject=_sup_ref(sup),
            responsible=Ref("organisation", sup.body_id),
            outcome=Outcome.VIOLATION if failed else Outcome.COMPLIANT,
            evidence={"feedback_on": sup.feedback_on, "failed": failed},
            table="supervisions",
            position=pos,
        )


def _local(ctx: Context, division_id: str | None, kind: OrgKind) -> str | None:
    """Return the organisation of ``kind`` at the division or the nearest one above it."""
    chain = (
        []
        if division_id is None
        else [ctx.dataset.get("divisions", division_id), *ctx.dataset.ancestors(division_id)]
    )
    for division in chain:
        found = ctx.dataset.organisations_in(division.id, kind)
        if found:
            return found[0].id
    return None


def _meeting_invitees(ctx: Context) -> Iterator[Result]:
    kinds = [OrgKind.parse(k) for k in ctx["invitees"]]
    for pos, sup in supervisions_in_scope(ctx):
        if not sup.feedback_meeting or sup.start > ctx.as_of:
            continue
        division = unit_division(ctx.dataset, sup.subject_kind, sup.subject_id)
        expected = {k.value: _local(ctx, division, k) for k in kinds}
        missing = sorted(k for k, org in expected.items() if org is None or org not in sup.meeting_invitees)
        yield Result(
            subject=_sup_ref(sup),
            responsible=Ref("organisation", sup.body_id),
            outcome=Outcome.VIOLATION if missing else Outcome.COMPLIANT,
            evidence={"missing": missing, "invited": list(sup.meeting_invitees)},
            table="supervisions",
            position=pos,
        )


# --- rectification ----------------------------------------------------------------------------------------


def _problem_result(
    case: ProblemCase, outcome: Outcome, evidence: dict[str, object], responsible: Ref
) -> Result:
    return Result(
        subject=Ref("problem", case.problem.id),
        responsible=responsible,
        outcome=outcome,
        evidence=evidence,
        table="problems",
        position=case.position,
    )


def _irregular(case: ProblemCase, steps: frozenset[LifecycleStep]) -> list[str]:
    return [f"{i.event_id or '?'}: {i.reason}" for i in case.irregularities if i.step in steps]


def _deadline(ctx: Context) -> Iterator[Result]:
    for case in problem_cases(ctx):
        fed = case.lifecycle.dates(LifecycleStep.FED_BACK)
        irregular = _irregular(case, frozenset({LifecycleStep.FED_BACK, LifecycleStep.REPORTED}))
        if not fed and days_after(case.problem.found_on, ctx["feedback_days"]) >= ctx.as_of and not irregular:
            continue  # not yet due
        ok = bool(fed) and not irregular
        yield _problem_result(
            case,
            Outcome.COMPLIANT if ok else Outcome.VIOLATION,
            {
                "fed_back": fed[0] if fed else None,
                "irregular": irregular,
                "feedback_days": ctx["feedback_days"],
            },
            case.body,
        )


def _missed_deadlines(case: ProblemCase) -> list[tuple[dt.date, str]]:
    """Return (deadline, why) for each deadline missed: no report by it, or a failed verification."""
    out: list[tuple[dt.date, str]] = []
    steps = case.lifecycle.steps
    for i, step in enumerate(steps):
        if step.deadline is not None:
            nxt = next(
                (s for s in steps[i + 1 :] if s.step in (LifecycleStep.REPORTED, LifecycleStep.URGED)), None
            )
            if nxt is None or (nxt.step is LifecycleStep.URGED) or nxt.date > step.deadline:
                out.append((step.deadline, "no report by the deadline"))
        if step.step is LifecycleStep.FAILED:
            out.append((step.date, "rectification failed verification"))
    return out


def _reported(ctx: Context) -> Iterator[Result]:
    """Check that the report after the latest deadline set comes by that deadline."""
    for case in problem_cases(ctx):
        steps = case.lifecycle.steps
        last = max((i for i, s in enumerate(steps) if s.deadline is not None), default=None)
        if last is None:
            continue
        deadline = steps[last].deadline
        assert deadline is not None  # found by its deadline above
        report = next((s for s in steps[last + 1 :] if s.step is LifecycleStep.REPORTED), None)
        if report is None and deadline >= ctx.as_of:
            continue  # not yet due
        on_time = report is not None and report.date <= deadline
        yield _problem_result(
            case,
            Outcome.COMPLIANT if on_time else Outcome.VIOLATION,
            {
                "deadline": deadline,
                "reported_on": report.date if report else None,
                "state": case.lifecycle.state.value,
            },
            unit_ref(case.supervision.subject_kind, case.supervision.subject_id),
        )


def _urging_measures(ctx: Context) -> Iterator[Measure]:
    for case in problem_cases(ctx):
        urged = [s for s in case.lifecycle.steps if s.step is LifecycleStep.URGED]
        for deadline, why in _missed_deadlines(case):
            if deadline >= ctx.as_of:
                continue
            due = _due(ctx, deadline, "G")
            done = [s for s in urged if deadline <= s.date <= due]
            yield Measure(
                measure=MeasureKind.URGING,
                subject=Ref("problem", case.problem.id),
                reasons=(why,),
                triggered_on=deadline,
                due=due,
                recorded=tuple(s.event_id or "" for s in done[:1]),
                evidence={"missed": deadline, "unit": case.supervision.subject_id, "body": case.body.id},
            )


def _problem_measures_checked(
    ctx: Context, measures: Iterable[Measure], evidence: Callable[[Measure], dict[str, object]]
) -> Iterator[Result]:
    """Return a result per called-for measure on a problem once due: compliant when a record carries it out."""
    cases = {c.problem.id: c for c in problem_cases(ctx)}
    for m in measures:
        if m.status(ctx.as_of) == "pending":
            continue
        case = cases[m.subject.id]
        yield _problem_result(
            case, Outcome.COMPLIANT if m.recorded else Outcome.VIOLATION, evidence(m), case.body
        )


def _urging(ctx: Context) -> Iterator[Result]:
    yield from _problem_measures_checked(
        ctx,
        _urging_measures(ctx),
        lambda m: {
            "missed": m.triggered_on,
            "urge_by": m.due,
            "urging": list(m.recorded),
            "reason": m.reasons[0],
            "G": ctx["G"],
        },
    )
    for case in problem_cases(ctx):
        bad = _irregular(case, frozenset({LifecycleStep.URGED}))
        if bad:
            yield _problem_result(
                case,
                Outcome.VIOLATION,
                {
                    "irregular": bad,
                    "urge_by": None,
                    "missed": None,
                    "urging": [],
                    "reason": "irregular urging notice",
                    "G": ctx["G"],
                },
                case.body,
            )


def _verified(ctx: Context) -> Iterator[Result]:
    for case in problem_cases(ctx):
        bad = _irregular(case, frozenset({LifecycleStep.VERIFIED, LifecycleStep.LOOK_BACK}))
        verified = case.lifecycle.dates(LifecycleStep.VERIFIED)
        if not verified and not bad:
            continue
        yield _problem_result(
            case,
            Outcome.VIOLATION if bad else Outcome.COMPLIANT,
            {"verified": list(verified), "irregular": bad},
            case.body,
        )


def _published(ctx: Context) -> Iterator[Result]:
    reports = group_by(
        (e for e in ctx.dataset.rectification_events if e.step is LifecycleStep.REPORTED),
        lambda e: e.problem_id,
    )
    for case in problem_cases(ctx):
        unit = unit_ref(case.supervision.subject_kind, case.supervision.subject_id)
        for event in reports.get(case.problem.id, []):
            if event.date > ctx.as_of:
                continue
            if event.published is None:
                yield Result(
                    subject=Ref("problem", case.problem.id),
                    responsible=unit,
                    outcome=Outcome.UNDETERMINABLE,
                    missing=("rectification_events.published",),
                    table="problems",
                    position=case.position,
                )
                continue
            yield _problem_result(
                case,
                Outcome.COMPLIANT if event.published else Outcome.VIOLATION,
                {"report": event.id, "date": event.date},
                unit,
            )


def _look_back_measures(ctx: Context) -> Iterator[Measure]:
    for case in problem_cases(ctx):
        closed = case.lifecycle.closed_on
        if closed is None:
            continue
        due = add_months(closed, ctx["F"], policy=MonthEndPolicy.CLAMP)
        done = [
            s for s in case.lifecycle.steps if s.step is LifecycleStep.LOOK_BACK and closed <= s.date <= due
        ]
        yield Measure(
            measure=MeasureKind.LOOK_BACK,
            subject=Ref("problem", case.problem.id),
            reasons=("closed after verification",),
            triggered_on=closed,
            due=due,
            recorded=tuple(s.event_id or "" for s in done[:1]),
            evidence={"closed_on": closed, "unit": case.supervision.subject_id, "body": case.body.id},
        )


def _look_back(ctx: Context) -> Iterator[Result]:
    return _problem_measures_checked(
        ctx,
        _look_back_measures(ctx),
        lambda m: {
            "closed_on": m.triggered_on,
            "due": m.due,
            "look_back": list(m.recorded),
            "F": ctx["F"],
        },
    )


def _competent_liability(ctx: Context) -> Iterator[Result]:
    kind: str | None = ctx["kind"]
    failures = group_by(
        (
            e
            for e in ctx.dataset.rectification_events
            if e.step is LifecycleStep.FAILED and e.date <= ctx.as_of
        ),
        lambda e: e.problem_id,
    )
    for case in problem_cases(ctx):
        for event in failures.get(case.problem.id, []):
            competent = case.problem.competent_id
            failed = []
            if event.liable_id is None or (competent is not None and event.liable_id != competent):
                failed.append("liable_department")
            if kind is not None and (event.liability is None or event.liability.value != kind):
                failed.append("liability_kind")
            responsible = Ref("organisation", competent) if competent else case.body
            yield _problem_result(
                case,
                Outcome.VIOLATION if failed else Outcome.COMPLIANT,
                {
                    "failed_on": event.date,
                    "liable": event.liable_id,
                    "competent": competent,
                    "liability": event.liability.value if event.liability else None,
                    "required_kind": kind,
                    "failed": failed,
                },
                responsible,
            )


# --- consequences -----------------------------------------------------------------------------------------


def _subject(kind: SubjectKind, unit_id: str) -> Ref:
    return unit_ref(kind, unit_id)


def _trigger_events(ctx: Context) -> Iterator[tuple[Ref, str, dt.date, str]]:
    """Yield (unit, trigger code, date, evidence) for triggers the records show."""
    year_safety: dict[tuple[str, str, int], list[dt.date]] = {}
    for case in problem_cases(ctx):
        unit = case.unit
        for step in case.lifecycle.steps:
            if step.step is LifecycleStep.FAILED:
                yield unit, "rectification_ineffective", step.date, case.problem.id
        for deadline, why in _missed_deadlines(case):
            urged = [
                s for s in case.lifecycle.steps if s.step is LifecycleStep.URGED and s.deadline == deadline
            ]
            if urged and why == "no report by the deadline" and deadline < ctx.as_of:
                yield unit, "rectification_incomplete", deadline, case.problem.id
        if case.problem.category is ProblemCategory.ILLEGAL_OPERATION:
            yield unit, "irregular_operation", case.problem.found_on, case.problem.id
        if case.problem.category is ProblemCategory.SAFETY:
            key = (unit.kind, unit.id, case.problem.found_on.year)
            year_safety.setdefault(key, []).append(case.problem.found_on)
    for (kind, unit_id, year), dates in year_safety.items():
        if len(dates) >= ctx.params.get("safety_problems", 3):
            yield Ref(kind, unit_id), "safety_problems", max(dates), f"{len(dates)} safety problems in {year}"
    for e in ctx.dataset.duty_evaluations:
        if e.result is EvaluationResult.UNQUALIFIED:
            when = e.date or dt.date(e.year + 1, 3, 31)
            for code in ("duties_not_performed", "failed_duty_evaluation"):
                yield Ref("organisation", e.evaluatee_id), code, when, e.id


def _in_scope(ctx: Context, unit: Ref) -> bool:
    if unit.kind == SubjectKind.PERSON.value:
        return True  # a person placed in no unit belongs to the dataset's own jurisdiction
    scope = {d.id for d in jurisdiction(ctx.dataset)}
    return unit_division(ctx.dataset, SubjectKind.parse(unit.kind), unit.id) in scope


def _called(
    ctx: Context,
    measure: MeasureKind,
    triggers: Iterable[str],
    records: list[tuple[Ref, dt.date, str]],
    window: int,
) -> Iterator[Measure]:
    """Yield a measure per (unit, trigger) the records show, matched to a record of it within ``window`` days."""
    wanted = set(triggers)
    seen: set[tuple[str, str, str]] = set()
    for unit, code, when, source in sorted(_trigger_events(ctx), key=lambda t: (t[2], t[0].id, t[1])):
        if (
            code not in wanted
            or when > ctx.as_of
            or (unit.id, code, source) in seen
            or not _in_scope(ctx, unit)
        ):
            continue
        seen.add((unit.id, code, source))
        due = days_after(when, window)
        done = [rid for (ref, day, rid) in records if ref == unit and when <= day <= due]
        yield Measure(
            measure=measure,
            subject=unit,
            reasons=(code,),
            triggered_on=when,
            due=due,
            recorded=tuple(done[:1]),
            evidence={"trigger": code, "source": source},
        )


def _records_of(ctx: Context, table: str) -> list[tuple[Ref, dt.date, str]]:
    """Return (unit, date, id) for each recorded 约谈 or 通报."""
    return [(_subject(r.subject_kind, r.subject_id), r.date, r.id) for r in ctx.dataset.table(table)]


def _stated_triggers(
    ctx: Context, table: str, kind: str
) -> Iterator[tuple[Ref, Ref, int, tuple[str, ...], str]]:
    """Yield (unit, record, position, stated triggers, table) for each 约谈 or 通报 recorded by ``as_of``."""
    for pos, r in enumerate(ctx.dataset.table(table)):
        if r.date <= ctx.as_of:
            yield (
                _subject(r.subject_kind, r.subject_id),
                Ref(kind, r.id),
                pos,
                tuple(t.value for t in r.triggers),
                table,
            )


def _with_body(ctx: Context, measures: Iterable[Measure]) -> Iterator[Measure]:
    """Return the measures with the body that must carry them out in their evidence."""
    for m in measures:
        body = _body_for(ctx, m.subject)
        yield attrs.evolve(m, evidence={**m.evidence, "body": body.id if body else None})


def _compare(ctx: Context, measures: Iterable[Measure], table: str) -> Iterator[Result]:
    for m in measures:
        if m.status(ctx.as_of) == "pending":
            continue
        yield Result(
            subject=m.subject,
            outcome=Outcome.COMPLIANT if m.recorded else Outcome.VIOLATION,
            responsible=Ref("organisation", str(m.evidence["body"])) if m.evidence.get("body") else None,
            evidence={
                "case": "missing",
                "trigger": m.reasons[0],
                "since": m.triggered_on,
                "due": m.due,
                "recorded": list(m.recorded),
                "source": m.evidence.get("source"),
            },
            table=table if m.subject.kind == "organisation" else None,
        )


def _body_for(ctx: Context, unit: Ref) -> Ref | None:
    division = unit_division(ctx.dataset, SubjectKind.parse(unit.kind), unit.id)
    if division is None:
        return None
    org = ctx.dataset.body_of(division)
    parent = ctx.dataset.superior_division(division)
    if org is None and parent is not None:
        org = ctx.dataset.body_of(parent.id)
    return org_ref(org) if org else None


def _interview_measures(ctx: Context) -> Iterator[Measure]:
    called = _called(
        ctx, MeasureKind.INTERVIEW, ctx["triggers"], _records_of(ctx, "interviews"), ctx["within_days"]
    )
    return _with_body(ctx, called)


def _unjustified(
    ctx: Context, records: Iterable[tuple[Ref, Ref, int, tuple[str, ...], str]], allowed: Iterable[str]
) -> Iterator[Result]:
    """Yield a violation per recorded measure (subject: the record) stating no trigger the profile allows."""
    allowed_set = set(allowed)
    for unit, record, pos, triggers, table in records:
        if not _in_scope(ctx, unit) or any(t in allowed_set for t in triggers):
            continue
        yield Result(
            subject=record,
            outcome=Outcome.VIOLATION,
            responsible=_body_for(ctx, unit),
            evidence={
                "case": "no_trigger",
                "unit": unit.id,
                "recorded_triggers": list(triggers),
                "allowed": sorted(allowed_set),
            },
            table=table,
            position=pos,
        )


def _interview(ctx: Context) -> Iterator[Result]:
    yield from _compare(ctx, list(_interview_measures(ctx)), "organisations")
    yield from _unjustified(ctx, _stated_triggers(ctx, "interviews", "interview"), ctx["triggers"])


def _interview_record(ctx: Context) -> Iterator[Result]:
    for pos, interview in enumerate(ctx.dataset.interviews):
        unit = _subject(interview.subject_kind, interview.subject_id)
        if interview.date > ctx.as_of or not _in_scope(ctx, unit):
            continue
        body = ctx.dataset.get("organisations", interview.body_id)
        co = {ctx.dataset.get("organisations", o).kind for o in interview.co_convened_with}
        required = {OrgKind.parse(k) for k in ctx["co_conveners"]}
        failed = (["record_not_filed"] if interview.record_filed is False else []) + [
            f"no_{k.value}" for k in sorted(required - co, key=lambda k: k.value)
        ]
        if interview.record_filed is None and not failed:
            yield Result(
                subject=Ref("interview", interview.id),
                responsible=org_ref(body),
                outcome=Outcome.UNDETERMINABLE,
                missing=("interviews.record_filed",),
                table="interviews",
                position=pos,
            )
            continue
        yield Result(
            subject=Ref("interview", interview.id),
            responsible=org_ref(body),
            outcome=Outcome.VIOLATION if failed else Outcome.COMPLIANT,
            evidence={"failed": failed, "unit": interview.subject_id},
            table="interviews",
            position=pos,
        )


def _circular_measures(ctx: Context) -> Iterator[Measure]:
    called = _called(
        ctx, MeasureKind.CIRCULAR, ctx["triggers"], _records_of(ctx, "circulars"), ctx["within_days"]
    )
    return _with_body(ctx, called)


def _circular(ctx: Context) -> Iterator[Result]:
    yield from _compare(ctx, list(_circular_measures(ctx)), "organisations")
    yield from _unjustified(ctx, _stated_triggers(ctx, "circulars", "circular"), ctx["triggers"])


def _ineligibility_measures(ctx: Context) -> Iterator[Measure]:
    closed = {c.problem.id: c.lifecycle.closed_on for c in problem_cases(ctx)}
    for circular in ctx.dataset.circulars:
        unit = _subject(circular.subject_kind, circular.subject_id)
        if not circular.names_leadership or circular.date > ctx.as_of or not _in_scope(ctx, unit):
            continue
        until = closed.get(circular.problem_id) if circular.problem_id else None
        for person in leaders_of(ctx.dataset, unit):
            yield Measure(
                measure=MeasureKind.INELIGIBILITY,
                subject=Ref("person", person),
                reasons=(f"通报 {circular.id}",),
                triggered_on=circular.date,
                until=until,
                recorded=(circular.id,),
                evidence={"circular": circular.id, "unit": unit.id, "problem": circular.problem_id},
            )


def _leadership_ineligible(ctx: Context) -> Iterator[Result]:
    favours = group_by(
        (
            c
            for c in ctx.dataset.commendations
            if c.subject_kind is SubjectKind.PERSON
            and c.kind is not CommendationKind.FAVOURED_TREATMENT
            and c.date <= ctx.as_of
        ),
        lambda c: c.subject_id,
    )
    org_dept = {}
    for m in _ineligibility_measures(ctx):
        inside = [
            c
            for c in favours.get(m.subject.id, [])
            if m.triggered_on <= c.date and (m.until is None or c.date <= m.until)
        ]
        division = unit_division(
            ctx.dataset,
            SubjectKind.parse("organisation")
            if ctx.dataset.has("organisations", str(m.evidence["unit"]))
            else SubjectKind.SCHOOL,
            str(m.evidence["unit"]),
        )
        if division not in org_dept:
            org_dept[division] = _local(ctx, division, OrgKind.ORGANISATION_DEPARTMENT)
        dept = org_dept[division]
        yield Result(
            subject=m.subject,
            responsible=Ref("organisation", dept) if dept else None,
            outcome=Outcome.VIOLATION if inside else Outcome.COMPLIANT,
            evidence={
                "circular": m.evidence["circular"],
                "since": m.triggered_on,
                "until": m.until,
                "awards": [f"{c.id} ({c.kind.zh} {c.date.isoformat()})" for c in inside],
            },
            table="persons",
            position=ctx.dataset.position("persons", m.subject.id),
        )


def _accountability_records(ctx: Context) -> list[tuple[Ref, dt.date, str]]:
    out = []
    for d in ctx.dataset.accountability_decisions:
        ref = _subject(d.subject_kind, d.subject_id)
        if d.subject_kind is SubjectKind.PERSON:
            org = ctx.dataset.get("persons", d.subject_id).organisation_id
            ref = Ref("organisation", org) if org else ref
        out.append((ref, d.decided_on, d.id))
    return out


def _accountability_measures(ctx: Context) -> Iterator[Measure]:
    derivable = [t for t in ctx["triggers"] if t in {"failed_duty_evaluation"}]
    for m in _called(
        ctx, MeasureKind.ACCOUNTABILITY, derivable, _accountability_records(ctx), ctx["within_days"]
    ):
        committee = next(
            (
                c
                for c in ctx.dataset.committees
                if unit_division(ctx.dataset, SubjectKind.ORGANISATION, c.government_id)
                == unit_division(ctx.dataset, SubjectKind.parse(m.subject.kind), m.subject.id)
            ),
            None,
        )
        yield Measure(
            measure=m.measure,
            subject=m.subject,
            reasons=m.reasons,
            triggered_on=m.triggered_on,
            due=m.due,
            recorded=m.recorded,
            evidence={
                **m.evidence,
                "body": _office_id(ctx, m.subject),
                "committee": committee.id if committee else None,
            },
        )


def _office_id(ctx: Context, unit: Ref) -> str | None:
    office = _committee_office(ctx, unit)
    return None if office is None else office.id


def _person_unit(ctx: Context, kind: SubjectKind, subject_id: str) -> Ref:
    if kind is SubjectKind.PERSON:
        org = ctx.dataset.get("persons", subject_id).organisation_id
        if org is not None:
            return Ref("organisation", org)
        school = next((s for s in ctx.dataset.schools if s.head_id == subject_id), None)
        if school is not None:
            return Ref("school", school.id)
    return _subject(kind, subject_id)


def _accountability(ctx: Context) -> Iterator[Result]:
    yield from _compare(ctx, list(_accountability_measures(ctx)), "organisations")
    records = []
    required: str | None = ctx["require"]
    for pos, d in enumerate(ctx.dataset.accountability_decisions):
        unit = _person_unit(ctx, d.subject_kind, d.subject_id)
        if d.decided_on > ctx.as_of:
            continue
        triggers = tuple(t.value for t in d.triggers)
        if required is not None and required not in triggers and _in_scope(ctx, unit):
            yield Result(
                subject=Ref("accountability_decision", d.id),
                outcome=Outcome.VIOLATION,
                responsible=_committee_office(ctx, unit),
                evidence={
                    "case": "missing_required",
                    "unit": unit.id,
                    "recorded_triggers": list(triggers),
                    "required": required,
                },
                table="accountability_decisions",
                position=pos,
            )
            continue
        records.append(
            (unit, Ref("accountability_decision", d.id), pos, triggers, "accountability_decisions")
        )
    yield from _unjustified(ctx, records, ctx["triggers"])


def _decisions_in_scope(ctx: Context) -> Iterator[tuple[int, object]]:
    for pos, d in enumerate(ctx.dataset.accountability_decisions):
        if d.decided_on <= ctx.as_of and _in_scope(ctx, _person_unit(ctx, d.subject_kind, d.subject_id)):
            yield pos, d


def _committee_office(ctx: Context, unit: Ref) -> Ref | None:
    division = unit_division(ctx.dataset, SubjectKind.parse(unit.kind), unit.id)
    chain = [] if division is None else [division, *(d.id for d in ctx.dataset.ancestors(division))]
    for div in chain:
        gov = ctx.dataset.government_of(div)
        committee = next(
            (c for c in ctx.dataset.committees if gov is not None and c.government_id == gov.id), None
        )
        if committee is not None:
            return Ref("organisation", committee.office_host_id or committee.government_id)
    return None


def _measures_check(ctx: Context) -> Iterator[Result]:
    for pos, d in enumerate(ctx.dataset.accountability_decisions):
        unit = _person_unit(ctx, d.subject_kind, d.subject_id)
        if d.decided_on > ctx.as_of or not _in_scope(ctx, unit):
            continue
        ok = measure_allowed(d.object_class, d.measure) and (
            (d.object_class is ObjectClass.UNIT) == (d.subject_kind is not SubjectKind.PERSON)
        )
        yield Result(
            subject=Ref("accountability_decision", d.id),
            responsible=_committee_office(ctx, unit),
            outcome=Outcome.COMPLIANT if ok else Outcome.VIOLATION,
            evidence={
                "object_class": d.object_class.value,
                "measure": d.measure.zh,
                "subject_kind": d.subject_kind.value,
            },
            table="accountability_decisions",
            position=pos,
        )


def _aggravated_measures(ctx: Context) -> Iterator[Measure]:
    decisions = sorted(
        (d for d in ctx.dataset.accountability_decisions if d.decided_on <= ctx.as_of),
        key=lambda d: (d.decided_on, d.id),
    )
    by_object = group_by(decisions, lambda d: (d.subject_kind, d.subject_id))
    for (kind, subject_id), items in by_object.items():
        for i, d in enumerate(items):
            earlier = [e for e in items[:i] if (d.decided_on - e.decided_on).days <= ctx["window"]]
            if len(earlier) + 1 >= ctx["count"]:
                yield Measure(
                    measure=MeasureKind.AGGRAVATED,
                    subject=_subject(kind, subject_id),
                    reasons=(f"{len(earlier) + 1} accountability decisions within {ctx['window']} days",),
                    triggered_on=d.decided_on,
                    due=d.decided_on,
                    recorded=(d.id,) if d.aggravated else (),
                    evidence={"decision": d.id, "earlier": [e.id for e in earlier]},
                )


def _aggravated(ctx: Context) -> Iterator[Result]:
    called = {str(m.evidence["decision"]): m for m in _aggravated_measures(ctx)}
    for pos, d in enumerate(ctx.dataset.accountability_decisions):
        unit = _person_unit(ctx, d.subject_kind, d.subject_id)
        if d.decided_on > ctx.as_of or not _in_scope(ctx, unit):
            continue
        m = called.get(d.id)
        should = m is not None
        ok = bool(d.aggravated) == should
        yield Result(
            subject=Ref("accountability_decision", d.id),
            responsible=_committee_office(ctx, unit),
            outcome=Outcome.COMPLIANT if ok else Outcome.VIOLATION,
            evidence={
                "earlier": list(m.evidence["earlier"]) if m else [],
                "aggravated": d.aggravated,
                "should_be": should,
                "window": ctx["window"],
            },
            table="accountability_decisions",
            position=pos,
        )


def _investigation(ctx: Context) -> Iterator[Result]:
    sups = {s.id: s for s in ctx.dataset.supervisions}
    for pos, d in enumerate(ctx.dataset.accountability_decisions):
        unit = _person_unit(ctx, d.subject_kind, d.subject_id)
        if d.decided_on > ctx.as_of or d.supervision_id is None or not _in_scope(ctx, unit):
            continue
        subject, office = Ref("accountability_decision", d.id), _committee_office(ctx, unit)
        if d.investigation_formed_on is None:
            yield Result(
                subject=subject,
                responsible=office,
                outcome=Outcome.UNDETERMINABLE,
                missing=("accountability_decisions.investigation_formed_on",),
                table="accountability_decisions",
                position=pos,
            )
            continue
        end = sups[d.supervision_id].last_day
        days = (d.investigation_formed_on - end).days
        yield Result(
            subject=subject,
            responsible=office,
            outcome=Outcome.COMPLIANT if days <= ctx["days"] else Outcome.VIOLATION,
            evidence={
                "supervision_end": end,
                "formed_on": d.investigation_formed_on,
                "days": days,
                "limit": ctx["days"],
            },
            table="accountability_decisions",
            position=pos,
        )


def _review(ctx: Context) -> Iterator[Result]:
    for pos, d in enumerate(ctx.dataset.accountability_decisions):
        unit = _person_unit(ctx, d.subject_kind, d.subject_id)
        if d.decided_on > ctx.as_of or not _in_scope(ctx, unit):
            continue
        spans = (
            ("review_applied", d.decided_on, d.review_applied_on, ctx["review_apply"]),
            ("review_decided", d.review_applied_on, d.review_decided_on, ctx["review_decide"]),
            ("appeal_applied", d.review_decided_on or d.decided_on, d.appeal_applied_on, ctx["appeal_apply"]),
            ("appeal_decided", d.appeal_applied_on, d.appeal_decided_on, ctx["appeal_decide"]),
            ("corrected", d.appeal_decided_on, d.corrected_on, ctx["correct"]),
        )
        checked = [
            (name, (end - start).days, limit)
            for name, start, end, limit in spans
            if start is not None and end is not None
        ]
        if not checked:
            continue
        failed = [f"{name}: {days} > {limit} days" for name, days, limit in checked if days > limit]
        yield Result(
            subject=Ref("accountability_decision", d.id),
            responsible=_committee_office(ctx, unit),
            outcome=Outcome.VIOLATION if failed else Outcome.COMPLIANT,
            evidence={"failed": failed, "checked": [n for n, _, _ in checked]},
            table="accountability_decisions",
            position=pos,
        )


def _acc_published(ctx: Context) -> Iterator[Result]:
    for pos, d in _decisions_in_scope(ctx):
        assert hasattr(d, "published")
        decision = ctx.dataset.accountability_decisions[pos]
        unit = _person_unit(ctx, decision.subject_kind, decision.subject_id)
        subject = Ref("accountability_decision", decision.id)
        if decision.published is None:
            yield Result(
                subject=subject,
                responsible=_committee_office(ctx, unit),
                outcome=Outcome.UNDETERMINABLE,
                missing=("accountability_decisions.published",),
                table="accountability_decisions",
                position=pos,
            )
            continue
        yield Result(
            subject=subject,
            responsible=_committee_office(ctx, unit),
            outcome=Outcome.COMPLIANT if decision.published else Outcome.VIOLATION,
            evidence={"decided_on": decision.decided_on},
            table="accountability_decisions",
            position=pos,
        )


def _private_school(ctx: Context) -> Iterator[Result]:
    """Revoking a private school's or training institution's licence is notified to the licensing authority."""
    for pos, d in enumerate(ctx.dataset.accountability_decisions):
        if d.decided_on > ctx.as_of or d.subject_kind is not SubjectKind.SCHOOL or not d.licence_revoked:
            continue
        school = ctx.dataset.get("schools", d.subject_id)
        unit = Ref("school", school.id)
        private = school.ownership is Ownership.PRIVATE or school.stage is SchoolStage.OFF_CAMPUS_TRAINING
        if not private or not _in_scope(ctx, unit):
            continue
        authority = ctx.dataset.find("organisations", school.administered_by)
        responsible = org_ref(authority) if authority is not None else _body_for(ctx, unit)
        subject = Ref("accountability_decision", d.id)
        if d.licensing_notified is None:
            yield Result(
                subject=subject,
                responsible=responsible,
                outcome=Outcome.UNDETERMINABLE,
                missing=("accountability_decisions.licensing_notified",),
                table="accountability_decisions",
                position=pos,
            )
            continue
        yield Result(
            subject=subject,
            responsible=responsible,
            outcome=Outcome.COMPLIANT if d.licensing_notified else Outcome.VIOLATION,
            evidence={"school": school.name, "decided_on": d.decided_on},
            table="accountability_decisions",
            position=pos,
        )


def _referral_measures(ctx: Context) -> Iterator[Measure]:
    for case in problem_cases(ctx):
        p = case.problem
        if not p.category.needs_referral:
            continue
        target = "prosecution" if p.category is ProblemCategory.SUSPECTED_CRIME else "enforcement"
        recorded: tuple[str, ...] = ()
        due = days_after(p.found_on, ctx["within_days"])
        if p.referred_to is not None and p.referred_on is not None and p.referred_on <= due:
            kind = ctx.dataset.get("organisations", p.referred_to).kind
            if kind.value == target:
                recorded = (p.referred_to,)
        yield Measure(
            measure=MeasureKind.REFERRAL,
            subject=Ref("problem", p.id),
            reasons=(p.category.value,),
            triggered_on=p.found_on,
            due=days_after(p.found_on, ctx["within_days"]),
            recorded=recorded,
            evidence={
                "category": p.category.zh,
                "to": target,
                "body": case.body.id,
                "referred_to": p.referred_to,
            },
        )


def _referral(ctx: Context) -> Iterator[Result]:
    return _problem_measures_checked(
        ctx,
        _referral_measures(ctx),
        lambda m: {
            "category": m.evidence["category"],
            "to": m.evidence["to"],
            "referred_to": m.evidence["referred_to"],
            "due": m.due,
        },
    )


def _commendation_measures(ctx: Context) -> Iterator[Measure]:
    granted = group_by(
        (
            c
            for c in ctx.dataset.commendations
            if c.kind in (CommendationKind.COMMENDATION, CommendationKind.FAVOURED_TREATMENT)
        ),
        lambda c: c.subject_id,
    )
    for e in ctx.dataset.duty_evaluations:
        unit = Ref("organisation", e.evaluatee_id)
        if e.result is not EvaluationResult.EXCELLENT or not _in_scope(ctx, unit):
            continue
        when = e.date or dt.date(e.year + 1, 3, 31)
        if when > ctx.as_of:
            continue
        due = days_after(when, ctx["within_days"])
        done = [c.id for c in granted.get(e.evaluatee_id, []) if when <= c.date <= due]
        division = unit_division(ctx.dataset, SubjectKind.ORGANISATION, e.evaluatee_id)
        superior = ctx.dataset.superior_division(division) if division else None
        grantor = ctx.dataset.government_of(superior.id) if superior else None
        yield Measure(
            measure=MeasureKind.COMMENDATION,
            subject=unit,
            reasons=("evaluated excellent",),
            triggered_on=when,
            due=due,
            recorded=tuple(done[:1]),
            evidence={
                "evaluation": e.id,
                "year": e.year,
                "body": grantor.id if grantor else None,
                "source": e.id,
            },
        )


def _commendation(ctx: Context) -> Iterator[Result]:
    yield from _compare(ctx, list(_commendation_measures(ctx)), "organisations")


_CALENDAR_DAYS = {
    "day_count": Param(
        choices=("calendar", "working"),
        default="calendar",
        doc="How day counts are counted: calendar (自然日) or working (工作日, Chinese holidays and 调休).",
    )
}


def _rule(**kwargs: object) -> Rule:
    return Rule(**kwargs)  # type: ignore[arg-type] # keyword arguments are checked by attrs at run time


RULES = (
    Rule(
        id="supervision.team_size",
        reads=("supervisions", "team_members"),
        title_zh="督导小组",
        title_en="Supervision team of three",
        section=CONDUCT,
        modality=Modality.MUST,
        check=_team_size,
        subject="supervision",
        responsible="body",
        text="A special or comprehensive supervision has a team of ≥ 3 inspectors.",
        message_zh="督导组仅{size}人，少于{min}人。",
        message_en="The team has {size} inspector(s), fewer than {min}.",
        params={"min": Param(default=3, doc="Inspectors per team.", unit="inspectors")},
        citations=cite("REG 16"),
    ),
    Rule(
        id="supervision.written_notice",
        reads=("supervisions",),
        title_zh="书面通知",
        title_en="Written notice before supervision",
        section=CONDUCT,
        modality=Modality.MUST,
        check=_written_notice,
        subject="supervision",
        responsible="body",
        text="The supervised unit gets written notice before a special or comprehensive supervision (unannounced "
        "暗访 exempt).",
        message_zh="督导（{start}）前未书面通知被督导单位。",
        message_en="No written notice before the supervision of {start}.",
        citations=cite("REG 17"),
    ),
    Rule(
        id="supervision.report",
        reads=("supervisions",),
        title_zh="督导报告",
        title_en="Supervision report",
        section=CONDUCT,
        modality=Modality.MUST,
        check=_report,
        subject="supervision",
        responsible="body",
        text="Every supervision produces a report, which is published and filed with the upper body.",
        message_zh="督导结束{due_days}日后报告仍不完整（{failed}）。",
        message_en="{due_days} days after the supervision the report is incomplete ({failed}).",
        params={
            "due_days": Param(
                default=60,
                doc="Days after the supervision's end by which the report is due (documented default).",
                unit="days",
            )
        },
        citations=cite("REG 23"),
    ),
    Rule(
        id="feedback.given",
        reads=("supervisions",),
        title_zh="反馈",
        title_en="Findings fed back item by item",
        section=CONDUCT,
        modality=Modality.MUST,
        check=_feedback,
        subject="supervision",
        responsible="body",
        text="Every supervision's findings are fed back to the unit item by item with a rectification decision.",
        message_zh="督导结果未逐项反馈（{failed}）。",
        message_en="Findings were not fed back item by item ({failed}).",
        params={
            "due_days": Param(
                default=30,
                doc="Days after the supervision's end by which feedback is due (documented default).",
                unit="days",
            )
        },
    ),
    Rule(
        id="feedback.meeting_invitees",
        reads=("supervisions", "organisations"),
        title_zh="反馈会议",
        title_en="Feedback meeting invitees",
        section=CONDUCT,
        modality=Modality.MUST,
        check=_meeting_invitees,
        subject="supervision",
        responsible="body",
        text="Feedback given at a meeting invites the local discipline-inspection body, the party organisation "
        "department and the performance office.",
        message_zh="反馈会议未邀请：{missing}。",
        message_en="The feedback meeting did not invite: {missing}.",
        params={
            "invitees": Param(
                choices=OrgKind,
                default=("discipline_inspection", "organisation_department", "performance_office"),
                doc="Kinds of organisation to invite.",
            )
        },
    ),
    Rule(
        id="rectification.deadline",
        reads=("problems", "rectification_events"),
        title_zh="限期整改",
        title_en="Rectification with a deadline",
        section=RECTIFICATION,
        modality=Modality.MUST,
        check=_deadline,
        subject="problem",
        responsible="body",
        text="Every problem found has a rectification item with a deadline (fed back in order, the deadline not "
        "before the finding).",
        message_zh="问题未按规定限期整改（反馈：{fed_back}；异常：{irregular}）。",
        message_en="The problem has no valid rectification deadline (fed back: {fed_back}; irregular: "
        "{irregular}).",
        params={
            "feedback_days": Param(
                default=30,
                doc="Days after the finding by which it is fed back with a deadline (documented default).",
                unit="days",
            )
        },
        citations=cite("REG 21"),
    ),
    Rule(
        id="rectification.reported",
        reads=("problems", "rectification_events"),
        title_zh="整改报告",
        title_en="Rectification reported by the deadline",
        section=RECTIFICATION,
        modality=Modality.MUST,
        check=_reported,
        subject="problem",
        responsible="supervised unit",
        text="The unit reports rectification by the (latest) deadline.",
        message_zh="整改期限{deadline}已过，仍未报告整改情况（状态：{state}）。",
        message_en="The deadline {deadline} has passed without a rectification report (state: {state}).",
        citations=cite("REG 22"),
    ),
    Rule(
        id="rectification.urging",
        reads=("problems", "rectification_events"),
        title_zh="督办",
        title_en="Urging notice after a missed deadline",
        section=RECTIFICATION,
        modality=Modality.MUST,
        check=_urging,
        derive=_urging_measures,
        subject="problem",
        responsible="body",
        text="A problem overdue or rectified inadequately gets an urging notice (督办单/督办函) with a new, later "
        "deadline within G days.",
        message_zh="{reason}（{missed}），未在{urge_by}前下发督办通知。",
        message_en="{reason} ({missed}); no urging notice by {urge_by}.",
        params={
            "G": Param(
                default=30,
                doc="Days after the missed deadline or failed verification by which the "
                "urging notice is due (documented default).",
                unit="days",
            ),
            **_CALENDAR_DAYS,
        },
    ),
    Rule(
        id="rectification.verified",
        reads=("problems", "rectification_events"),
        title_zh="核查销号",
        title_en="Closed only after verification",
        section=RECTIFICATION,
        modality=Modality.MUST,
        check=_verified,
        subject="problem",
        responsible="body",
        text="A problem is closed only after the body verifies the reported rectification.",
        message_zh="问题销号不规范：{irregular}。",
        message_en="The problem was closed irregularly: {irregular}.",
        citations=cite("REG 22"),
    ),
    Rule(
        id="rectification.published",
        reads=("problems", "rectification_events"),
        title_zh="整改公开",
        title_en="Rectification published",
        section=RECTIFICATION,
        modality=Modality.MUST,
        check=_published,
        subject="problem",
        responsible="supervised unit",
        text="The unit publishes its rectification.",
        message_zh="整改报告{report}（{date}）未公开。",
        message_en="Rectification report {report} ({date}) was not published.",
    ),
    Rule(
        id="rectification.look_back",
        reads=("problems", "rectification_events"),
        title_zh="回头看",
        title_en="Look-back after closure",
        section=RECTIFICATION,
        modality=Modality.MUST,
        check=_look_back,
        derive=_look_back_measures,
        subject="problem",
        responsible="body",
        text="A closed problem gets a follow-up check (回头看/复查) within F months of closure.",
        message_zh="问题于{closed_on}销号，至{due}未开展回头看。",
        message_en="Closed on {closed_on}; no look-back by {due}.",
        params={"F": Param(default=12, doc="Months after closure (documented default).", unit="months")},
    ),
    Rule(
        id="rectification.competent_liability",
        reads=("problems", "rectification_events"),
        title_zh="主管部门责任",
        title_en="Competent department liable on failure",
        section=RECTIFICATION,
        modality=Modality.MUST,
        check=_competent_liability,
        subject="problem",
        responsible="competent department",
        text="When rectification fails, the unit's competent department is recorded as liable, with the "
        "profile's kind of liability.",
        message_zh="整改不到位（{failed_on}）时未按要求认定主管部门责任（{failed}）。",
        message_en="Rectification failed on {failed_on} without the competent department's liability as required "
        "({failed}).",
        params={
            "kind": Param(
                types=(str,),
                choices=LiabilityKind,
                default=None,
                doc="Required liability: joint, leadership, or None for any.",
            )
        },
        citations=cite("ACC"),
    ),
    Rule(
        id="interview.triggers",
        reads=("problems", "rectification_events", "duty_evaluations", "interviews"),
        title_zh="约谈情形",
        title_en="Interviews (约谈) when triggered",
        section=CONSEQUENCES,
        modality=Modality.MUST,
        check=_interview,
        derive=_interview_measures,
        subject="unit",
        responsible="body",
        text="Any trigger in the profile's list calls for a 约谈 of the unit's responsible person; a 约谈 needs a "
        "trigger from the list.",
        message_zh="{subject_name}出现约谈情形（{trigger}，{since}），应于{due}前约谈，未见约谈记录。",
        message_en="{subject_name} shows a trigger for a 约谈 ({trigger}, {since}); none recorded by {due}.",
        variants={
            "no_trigger": (
                "约谈{subject_name}未载明规定的约谈情形（记录：{recorded_triggers}）。",
                "Interview {subject_name} states no trigger the profile allows (recorded: {recorded_triggers}).",
            )
        },
        params={
            "triggers": Param(
                choices=InterviewTrigger,
                default=("rectification_ineffective", "refusing_supervision"),
                doc="Triggers (InterviewTrigger codes).",
            ),
            "within_days": Param(
                default=90,
                doc="Days after the trigger by which the 约谈 is held (documented default).",
                unit="days",
            ),
            "safety_problems": Param(
                default=3,
                doc="Safety problems in a year that make 安全问题较多 (documented default).",
                unit="problems",
            ),
        },
        citations=cite("ACC"),
    ),
    Rule(
        id="interview.record",
        reads=("interviews", "organisations"),
        title_zh="约谈记录",
        title_en="Interview records and co-conveners",
        section=CONSEQUENCES,
        modality=Modality.MUST,
        check=_interview_record,
        subject="interview",
        responsible="body",
        text="Every 约谈 has a written record filed with the unit's party committee, government and upper "
        "department, and is co-convened with the discipline body and organisation department.",
        message_zh="约谈记录或联合约谈不符合要求（{failed}）。",
        message_en="The interview's record or co-conveners fall short ({failed}).",
        params={
            "co_conveners": Param(
                choices=OrgKind,
                default=("discipline_inspection", "organisation_department"),
                doc="Kinds of organisation that co-convene.",
            )
        },
    ),
    Rule(
        id="circular.triggers",
        reads=("problems", "rectification_events", "circulars"),
        title_zh="通报情形",
        title_en="Circulars (通报) when triggered",
        section=CONSEQUENCES,
        modality=Modality.MUST,
        check=_circular,
        derive=_circular_measures,
        subject="unit",
        responsible="body",
        text="Rectification ineffective, shirking, inaction or rectification not completed calls for a 通报 to the "
        "local party committee, government and competent department; a 通报 needs such a trigger.",
        message_zh="{subject_name}出现通报情形（{trigger}，{since}），应于{due}前通报，未见通报记录。",
        message_en="{subject_name} shows a trigger for a 通报 ({trigger}, {since}); none recorded by {due}.",
        variants={
            "no_trigger": (
                "通报{subject_name}未载明规定的通报情形（记录：{recorded_triggers}）。",
                "Circular {subject_name} states no trigger the profile allows (recorded: {recorded_triggers}).",
            )
        },
        params={
            "triggers": Param(
                choices=CircularTrigger, default=tuple(t.value for t in CircularTrigger), doc="Triggers."
            ),
            "within_days": Param(
                default=90,
                doc="Days after the trigger by which the 通报 is issued (documented default).",
                unit="days",
            ),
        },
    ),
    Rule(
        id="circular.leadership_ineligible",
        reads=("circulars", "commendations", "persons", "problems"),
        title_zh="不得评优提拔",
        title_en="No awards or promotion after a circular",
        section=CONSEQUENCES,
        modality=Modality.MUST,
        check=_leadership_ineligible,
        derive=_ineligibility_measures,
        subject="leader",
        responsible="organisation department",
        text="After a 通报 naming a unit's leadership, its members are ineligible for awards, promotion and key "
        "posts until the problem is verified closed; a recorded award or promotion inside that window is a "
        "finding.",
        message_zh="通报{circular}（{since}）后、问题销号（{until}）前给予评优或提拔：{awards}。",
        message_en="Awarded or promoted after circular {circular} ({since}) before closure ({until}): {awards}.",
    ),
    Rule(
        id="accountability.triggers",
        reads=("duty_evaluations", "accountability_decisions"),
        title_zh="问责情形",
        title_en="Accountability when triggered",
        section=CONSEQUENCES,
        modality=Modality.MUST,
        check=_accountability,
        derive=_accountability_measures,
        subject="unit",
        responsible="committee",
        text="The profile's triggers call for accountability of the unit's responsible persons; a decision needs "
        "a trigger from the list.",
        message_zh="{subject_name}出现问责情形（{trigger}，{since}），应于{due}前问责，未见问责决定。",
        message_en="{subject_name} shows a trigger for accountability ({trigger}, {since}); no decision by {due}.",
        variants={
            "no_trigger": (
                "问责决定{subject_name}未载明规定的问责情形（记录：{recorded_triggers}）。",
                "Decision {subject_name} states no trigger the profile allows (recorded: {recorded_triggers}).",
            ),
            "missing_required": (
                "问责决定{subject_name}未载明“{required}”情形（记录：{recorded_triggers}）。",
                "Decision {subject_name} does not state {required} (recorded: {recorded_triggers}).",
            ),
        },
        params={
            "triggers": Param(
                choices=AccountabilityTrigger,
                default=tuple(t.value for t in AccountabilityTrigger),
                doc="Triggers.",
            ),
            "require": Param(
                types=(str,),
                choices=AccountabilityTrigger,
                default=None,
                doc="A trigger every decision must also state (weihai-etdz: serious_consequences).",
            ),
            "within_days": Param(
                default=180,
                doc="Days after the trigger by which a decision is taken (documented default).",
                unit="days",
            ),
        },
        citations=cite("ACC"),
    ),
    Rule(
        id="accountability.measures",
        reads=("accountability_decisions",),
        title_zh="问责方式",
        title_en="Measures fit the object's class",
        section=CONSEQUENCES,
        modality=Modality.MUST,
        check=_measures_check,
        subject="decision",
        responsible="committee office",
        text="A measure belongs to the object's class: units {公开批评, 约谈, 督导通报, 资源调整, 行政处罚}; persons "
        "{责令检查, 约谈, 通报批评, 组织处理, 处分, 移交}; "
        "private-school persons also {罚没违法所得, 从业禁止, 纳入诚信记录}.",
        message_zh="问责方式“{measure}”不适用于{object_class}对象。",
        message_en="The measure {measure} does not apply to an object of class {object_class}.",
        citations=cite("ACC"),
    ),
    Rule(
        id="accountability.aggravated",
        reads=("accountability_decisions",),
        title_zh="从重",
        title_en="Aggravated on repeat",
        section=CONSEQUENCES,
        modality=Modality.MUST,
        check=_aggravated,
        derive=_aggravated_measures,
        subject="decision",
        responsible="committee office",
        text="An object held accountable ≥ 2 times within 365 days is handled as aggravated.",
        message_zh="{window}日内再次问责（此前：{earlier}），从重处理记录为{aggravated}。",
        message_en="Held accountable again within {window} days (earlier: {earlier}); aggravated recorded as "
        "{aggravated}.",
        params={
            "count": Param(minimum=1, default=2, doc="Decisions within the window.", unit="decisions"),
            "window": Param(minimum=1, default=365, doc="Window.", unit="days"),
        },
        citations=cite("ACC"),
    ),
    Rule(
        id="accountability.investigation_window",
        reads=("accountability_decisions", "supervisions"),
        title_zh="调查认定时限",
        title_en="Investigation within 60 days",
        section=CONSEQUENCES,
        modality=Modality.MUST,
        check=_investigation,
        subject="case",
        responsible="committee office",
        text="The investigation team forms within 60 days of the supervision's end.",
        message_zh="督导结束（{supervision_end}）后{days}日才成立调查组，超过{limit}日。",
        message_en="The investigation formed {days} days after the supervision ended ({supervision_end}); "
        "limit {limit}.",
        params={"days": Param(default=60, doc="Days.", unit="days")},
        citations=cite("ACC"),
    ),
    Rule(
        id="accountability.review_deadlines",
        reads=("accountability_decisions",),
        title_zh="复核申诉时限",
        title_en="Review and appeal deadlines",
        section=CONSEQUENCES,
        modality=Modality.MUST,
        check=_review,
        subject="case",
        responsible="committee office",
        text="Review applied ≤ 30 days after the decision, decided ≤ 30 days; appeal ≤ 15 days, decided ≤ 60 days, "
        "corrected ≤ 15 days; neither suspends the measure.",
        message_zh="复核申诉超过时限：{failed}。",
        message_en="Review or appeal out of time: {failed}.",
        params={
            "review_apply": Param(default=30, doc="Days to apply for review.", unit="days"),
            "review_decide": Param(default=30, doc="Days to decide a review.", unit="days"),
            "appeal_apply": Param(default=15, doc="Days to appeal.", unit="days"),
            "appeal_decide": Param(default=60, doc="Days to decide an appeal.", unit="days"),
            "correct": Param(default=15, doc="Days to correct after an upheld appeal.", unit="days"),
        },
        citations=cite("ACC"),
    ),
    Rule(
        id="accountability.published",
        reads=("accountability_decisions",),
        title_zh="问责公开",
        title_en="Accountability published",
        section=CONSEQUENCES,
        modality=Modality.MUST,
        check=_acc_published,
        subject="case",
        responsible="committee office",
        text="Accountability results are published.",
        message_zh="问责结果（{decided_on}）未公开。",
        message_en="The decision of {decided_on} was not published.",
    ),
    Rule(
        id="accountability.private_school",
        reads=("accountability_decisions", "schools"),
        title_zh="民办学校",
        title_en="Private schools: licence revocation notified",
        section=CONSEQUENCES,
        modality=Modality.MUST,
        check=_private_school,
        subject="case",
        responsible="education authority",
        text="Private schools and training institutions: the head is ordered replaced (recorded as an "
        "organisational-handling decision on the head); in serious cases the licence is revoked and the licensing "
        "authority notified. The check: a revocation is notified.",
        message_zh="吊销{school}办学许可证（{decided_on}）后未通报审批主管部门。",
        message_en="The licence of {school} was revoked ({decided_on}) without notifying the licensing authority.",
    ),
    Rule(
        id="accountability.referral",
        reads=("problems", "organisations"),
        title_zh="移交",
        title_en="Referral to enforcement",
        section=CONSEQUENCES,
        modality=Modality.MUST,
        check=_referral,
        derive=_referral_measures,
        subject="problem",
        responsible="body",
        text="Illegal school operation, infringement of rights or teacher misconduct found is referred to the "
        "enforcement authority; suspected crime to prosecution.",
        message_zh="{category}问题应于{due}前移交{to}，移交记录：{referred_to}。",
        message_en="A {category} problem must be referred to {to} by {due}; referred to: {referred_to}.",
        params={
            "within_days": Param(default=30, doc="Days after the finding (documented default).", unit="days")
        },
    ),
    Rule(
        id="incentive.commendation",
        reads=("duty_evaluations", "commendations"),
        title_zh="表彰激励",
        title_en="Commendation of excellent units",
        section=CONSEQUENCES,
        modality=Modality.MUST,
        check=_commendation,
        derive=_commendation_measures,
        subject="unit",
        responsible="government",
        text="A unit rated excellent is commended and favoured in policy, resources and funding.",
        message_zh="评价优秀（{since}）后未于{due}前予以表彰激励。",
        message_en="Rated excellent on {since}; no commendation by {due}.",
        params={
            "within_days": Param(
                default=180,
                doc="Days after the result by which the commendation follows (documented default).",
                unit="days",
            )
        },
    ),
)

_ = (_rule, Interview)
