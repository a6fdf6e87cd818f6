"""Rules on the supervision of governments (督政) and the 2022 target."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from edusupervision._calendar import rolling_window
from edusupervision._domain._enums import Level, SubjectKind, SupervisionType
from edusupervision._rules._helpers import (
    due_year,
    group_by,
    jurisdiction,
    last_complete_year,
    org_ref,
    root_division,
    superior_body,
)
from edusupervision._rules._model import Context, Modality, Outcome, Param, Ref, Result, Rule, cite

if TYPE_CHECKING:
    from collections.abc import Iterator

    from edusupervision._domain._model import Organisation

__all__ = ["RULES"]

SECTION = "Supervision of governments (督政)"


def _governments(ctx: Context) -> Iterator[tuple[str, Organisation]]:
    for division in jurisdiction(ctx.dataset):
        gov = ctx.dataset.government_of(division.id)
        if gov is not None and ctx.dataset.superior_division(division.id) is not None:
            yield division.id, gov


def _no_superior_body(ctx: Context, division_id: str, gov: Organisation) -> Result:
    """Return the undeterminable result for a government whose superior's supervision body is not recorded."""
    parent = ctx.dataset.superior_division(division_id)
    name = parent.name if parent is not None else division_id
    return Result(
        subject=org_ref(gov),
        outcome=Outcome.UNDETERMINABLE,
        missing=(f"organisations: the supervision body of {name}",),
    )


def _duty_evaluation(ctx: Context) -> Iterator[Result]:
    year = due_year(ctx.as_of, grace_months=ctx["grace_months"])
    evaluations = group_by(
        (e for e in ctx.dataset.duty_evaluations if e.year == year), lambda e: e.evaluatee_id
    )
    for division_id, gov in _governments(ctx):
        upper = superior_body(ctx.dataset, division_id)
        if upper is None:
            yield _no_superior_body(ctx, division_id, gov)
            continue
        found = evaluations.get(gov.id, [])
        by_superior = [e.id for e in found if e.evaluator_id == upper.id]
        failed = [] if by_superior else ["missing" if not found else "wrong_evaluator"]
        yield Result(
            subject=org_ref(gov),
            responsible=org_ref(upper),
            outcome=Outcome.VIOLATION if failed else Outcome.COMPLIANT,
            evidence={
                "year": year,
                "evaluations": [e.id for e in found],
                "failed": failed,
                "evaluator": upper.name,
            },
        )


def _supervision_interval(ctx: Context) -> Iterator[Result]:
    window = rolling_window(ctx.as_of, years=ctx["years"])
    sups = group_by(
        (
            s
            for s in ctx.dataset.supervisions
            if s.subject_kind is SubjectKind.ORGANISATION
            and s.type in (SupervisionType.SPECIAL, SupervisionType.COMPREHENSIVE)
            and s.start <= ctx.as_of
        ),
        lambda s: s.subject_id,
    )
    for division_id, gov in _governments(ctx):
        upper = superior_body(ctx.dataset, division_id)
        if upper is None:
            yield _no_superior_body(ctx, division_id, gov)
            continue
        by_superior = sorted(s.start for s in sups.get(gov.id, []) if s.body_id == upper.id)
        inside = [d for d in by_superior if window.start <= d]
        yield Result(
            subject=org_ref(gov),
            responsible=org_ref(upper),
            outcome=Outcome.COMPLIANT if inside else Outcome.VIOLATION,
            evidence={
                "last": by_superior[-1] if by_superior else None,
                "since": window.start,
                "years": ctx["years"],
            },
        )


def _regional_round(ctx: Context) -> Iterator[Result]:
    root = root_division(ctx.dataset)
    body = ctx.dataset.body_of(root.id) if root is not None and root.kind.level is Level.PROVINCIAL else None
    if body is None:
        return  # the rule binds the provincial-level body; a dataset rooted lower has no subject for it
    year = last_complete_year(ctx.as_of)
    count = sum(
        1
        for s in ctx.dataset.supervisions
        if s.body_id == body.id and s.type is SupervisionType.COMPREHENSIVE and s.start.year == year
    )
    yield Result(
        subject=org_ref(body),
        responsible=org_ref(body),
        outcome=Outcome.COMPLIANT if count >= ctx["rounds"] else Outcome.VIOLATION,
        evidence={"year": year, "comprehensive_supervisions": count, "required": ctx["rounds"]},
    )


def _onsite_sample(ctx: Context) -> Iterator[Result]:
    root = root_division(ctx.dataset)
    body = ctx.dataset.body_of(root.id) if root is not None and root.kind.level is Level.PROVINCIAL else None
    if body is None:
        return  # the rule binds the provincial-level body; a dataset rooted lower has no subject for it
    year = last_complete_year(ctx.as_of)
    checks = [
        s for s in ctx.dataset.supervisions if s.body_id == body.id and s.type is SupervisionType.ONSITE_CHECK
    ]
    checked = sorted({s.subject_id for s in checks if s.start.year == year})
    previous = sorted({s.subject_id for s in checks if s.start.year == year - 1})
    followed = {
        s.subject_id
        for s in ctx.dataset.supervisions
        if s.body_id == body.id and s.type is SupervisionType.FOLLOW_UP and s.start.year == year
    }
    no_follow_up = [u for u in previous if u not in followed]
    failed = (["too_few"] if len(checked) < ctx["onsite"] else []) + (
        ["no_follow_up"] if no_follow_up else []
    )
    yield Result(
        subject=org_ref(body),
        responsible=org_ref(body),
        outcome=Outcome.VIOLATION if failed else Outcome.COMPLIANT,
        evidence={
            "year": year,
            "checked": len(checked),
            "required": ctx["onsite"],
            "no_follow_up": no_follow_up,
            "failed": failed,
        },
    )


def _target_2022(ctx: Context) -> Iterator[Result]:
    target: dt.date = ctx["target"]
    root = root_division(ctx.dataset)
    if root is None or ctx.as_of < target:
        return
    failing: dict[str, int] = {}
    unknown: list[str] = []
    for rule_id in ctx["structural_rules"]:
        results = ctx.evaluate(rule_id) if ctx.evaluate is not None else []
        bad = sum(1 for r in results if r.outcome is Outcome.VIOLATION)
        if bad:
            failing[rule_id] = bad
        if any(r.outcome is Outcome.UNDETERMINABLE for r in results):
            unknown.append(rule_id)
    gov = ctx.dataset.government_of(root.id)
    if unknown and not failing:
        yield Result(
            subject=Ref("division", root.id),
            responsible=org_ref(gov) if gov else None,
            outcome=Outcome.UNDETERMINABLE,
            missing=tuple(f"the data {rule_id} needs" for rule_id in unknown),
        )
        return
    yield Result(
        subject=Ref("division", root.id),
        responsible=org_ref(gov) if gov else None,
        outcome=Outcome.VIOLATION if failing else Outcome.COMPLIANT,
        evidence={"target": target, "failing_rules": sorted(failing), "violations": failing},
    )


RULES = (
    Rule(
        id="government.duty_evaluation",
        reads=("divisions", "organisations", "duty_evaluations"),
        title_zh="履行教育职责评价",
        title_en="Yearly education-duty evaluation",
        section=SECTION,
        modality=Modality.MUST,
        check=_duty_evaluation,
        subject="government",
        responsible="superior's body",
        text="Each year each government below national has its education-duty evaluation by the body of its "
        "direct superior.",
        message_zh="{subject_name}缺少由上级督导机构（{evaluator}）开展的{year}年度履行教育职责评价。",
        message_en="{subject_name} has no {year} education-duty evaluation by its superior's body ({evaluator}).",
        params={
            "grace_months": Param(
                default=6,
                doc="Months after the year's end by which the evaluation of "
                "that year is due (documented default).",
                unit="months",
            )
        },
        citations=cite("OPN"),
    ),
    Rule(
        id="government.supervision_interval",
        reads=("divisions", "organisations", "supervisions"),
        title_zh="督政周期",
        title_en="Government supervised every 5 years",
        section=SECTION,
        modality=Modality.MUST,
        check=_supervision_interval,
        subject="government",
        responsible="superior's body",
        text="Each government is supervised (special or comprehensive) by its superior at least once every "
        "5 years.",
        message_zh="{subject_name}自{since}以来未接受上级专项或综合督导（最近一次：{last}）。",
        message_en="{subject_name} has not been supervised by its superior since {since} (last: {last}).",
        params={"years": Param(minimum=1, default=5, doc="Interval.", unit="years")},
        citations=cite("REG 14"),
    ),
    Rule(
        id="government.regional_round",
        reads=("organisations", "supervisions"),
        title_zh="每年综合督导",
        title_en="Yearly comprehensive round",
        section=SECTION,
        modality=Modality.MUST,
        check=_regional_round,
        subject="body",
        responsible="body",
        text="The regional body organises a comprehensive supervision every year.",
        message_zh="{subject_name}{year}年组织综合督导{comprehensive_supervisions}次，少于{required}次。",
        message_en="{subject_name} organised {comprehensive_supervisions} comprehensive supervision(s) in {year}; "
        "{required} required.",
        params={"rounds": Param(default=1, doc="Comprehensive supervisions a year.", unit="supervisions")},
    ),
    Rule(
        id="government.onsite_sample",
        reads=("organisations", "supervisions"),
        title_zh="实地督查",
        title_en="On-site checks and follow-up",
        section=SECTION,
        modality=Modality.MUST,
        check=_onsite_sample,
        subject="body",
        responsible="body",
        text="The municipal body checks N districts on site each year; districts checked in year Y get a "
        "回头看 in Y+1.",
        message_zh="{subject_name}{year}年实地督查{checked}个区县（要求{required}个），未回头看：{no_follow_up}。",
        message_en="{subject_name} checked {checked} districts on site in {year} ({required} required); no "
        "follow-up for {no_follow_up}.",
        params={"onsite": Param(default=8, doc="Districts checked on site per year.", unit="districts")},
    ),
    Rule(
        id="reform.target_2022",
        reads=("divisions", "organisations"),
        title_zh="到2022年基本建成",
        title_en="2022 reform target",
        section="Targets",
        modality=Modality.TARGET,
        check=_target_2022,
        subject="jurisdiction",
        responsible="its government",
        text="By the target date the profile's structural rules (committee, body, chief inspector, zones, "
        "ratio) all hold.",
        message_zh="截至{target}目标日期，以下制度性要求仍未全部落实：{failing_rules}。",
        message_en="Past the target date {target}, these structural rules still fail: {failing_rules}.",
        params={
            "target": Param(default=dt.date(2022, 12, 31), doc="Target date."),
            "structural_rules": Param(
                default=(
                    "committee.exists",
                    "body.exists",
                    "body.chief_inspector",
                    "zone.coverage",
                    "inspector.ratio",
                ),
                doc="Rules that make up the structure (those absent from a profile are skipped).",
            ),
        },
        citations=cite("OPN"),
    ),
)
