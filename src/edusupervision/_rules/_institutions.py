"""Rules on committees and supervision bodies (机构): RULEBOOK section "Committees and supervision bodies"."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from edusupervision._domain._enums import InspectorKind, Level, MeetingKind, OrgKind, Position, ReportItem
from edusupervision._rules._helpers import (
    division_ref,
    due_year,
    group_by,
    jurisdiction,
    last_complete_year,
    levels_of,
    org_ref,
    superior_body,
)
from edusupervision._rules._model import Context, Modality, Outcome, Param, Ref, Result, Rule, cite

if TYPE_CHECKING:
    from collections.abc import Iterator

    from edusupervision._domain._model import Committee, Organisation

__all__ = ["RULES"]

SECTION = "Committees and supervision bodies (机构)"
_LEVEL_DOC = "Levels (national, provincial, prefecture, county, township) where the rule applies."


def _governments(ctx: Context, levels: frozenset[Level]) -> Iterator[tuple[str, Organisation | None]]:
    """Yield (division id, its government or None) for the divisions in scope at ``levels``."""
    for division in jurisdiction(ctx.dataset):
        if division.kind.level in levels:
            yield division.id, ctx.dataset.government_of(division.id)


def _committees_in_scope(ctx: Context) -> Iterator[tuple[Committee, Organisation]]:
    scope = {d.id for d in jurisdiction(ctx.dataset)}
    for committee in ctx.dataset.committees:
        gov: Organisation = ctx.dataset.get("organisations", committee.government_id)
        if gov.division_id in scope:
            yield committee, gov


def _committee_exists(ctx: Context) -> Iterator[Result]:
    established = (
        c for c in ctx.dataset.committees if c.established_on is None or c.established_on <= ctx.as_of
    )
    by_gov = group_by(established, lambda c: c.government_id)
    for division_id, gov in _governments(ctx, levels_of(ctx["levels"])):
        if gov is None:
            yield Result(
                subject=Ref("division", division_id),
                outcome=Outcome.UNDETERMINABLE,
                missing=(f"organisations: the government of division {division_id}",),
            )
            continue
        found = [c.id for c in by_gov.get(gov.id, [])]
        yield Result(
            subject=org_ref(gov),
            responsible=org_ref(gov),
            outcome=Outcome.COMPLIANT if len(found) == 1 else Outcome.VIOLATION,
            evidence={"committees": found, "count": len(found)},
        )


def _office_host(ctx: Context) -> Iterator[Result]:
    for committee, gov in _committees_in_scope(ctx):
        subject = Ref("committee", committee.id)
        if committee.office_host_id is None:
            yield Result(
                subject=subject,
                responsible=org_ref(gov),
                outcome=Outcome.UNDETERMINABLE,
                missing=("committees.office_host_id",),
            )
            continue
        host: Organisation = ctx.dataset.get("organisations", committee.office_host_id)
        ok = host.kind is OrgKind.EDUCATION_AUTHORITY and host.division_id == gov.division_id
        yield Result(
            subject=subject,
            responsible=org_ref(gov),
            outcome=Outcome.COMPLIANT if ok else Outcome.VIOLATION,
            evidence={
                "office_host": host.name,
                "host_kind": host.kind.value,
                "same_level": host.division_id == gov.division_id,
            },
        )


def _leadership(ctx: Context) -> Iterator[Result]:
    deputies_required: int | None = ctx["deputies"]
    for committee, gov in _committees_in_scope(ctx):
        subject = Ref("committee", committee.id)
        if committee.director_id is None:
            yield Result(
                subject=subject,
                responsible=org_ref(gov),
                outcome=Outcome.UNDETERMINABLE,
                missing=("committees.director_id",),
            )
            continue
        director = ctx.dataset.get("persons", committee.director_id)
        director_ok = (
            director.position is Position.LEADER_IN_CHARGE_OF_EDUCATION and director.organisation_id == gov.id
        )
        deputies = [ctx.dataset.get("persons", p) for p in committee.deputy_ids]
        head_ok = any(
            p.position is Position.HEAD_OF_EDUCATION_AUTHORITY
            and (org := ctx.dataset.find("organisations", p.organisation_id)) is not None
            and org.kind is OrgKind.EDUCATION_AUTHORITY
            and org.division_id == gov.division_id
            for p in deputies
        )
        count_ok = deputies_required is None or len(deputies) == deputies_required
        problems = [
            name
            for name, ok in (
                ("director", director_ok),
                ("education_head", head_ok),
                ("deputy_count", count_ok),
            )
            if not ok
        ]
        yield Result(
            subject=subject,
            responsible=org_ref(gov),
            outcome=Outcome.VIOLATION if problems else Outcome.COMPLIANT,
            evidence={
                "director_position": director.position.value,
                "deputies": len(deputies),
                "deputies_required": deputies_required,
                "education_head_is_deputy": head_ok,
                "failed": problems,
            },
        )


def _members(ctx: Context) -> Iterator[tuple[int, Committee, Organisation, Organisation]]:
    committees = {c.id: (c, gov) for c, gov in _committees_in_scope(ctx)}
    for pos, member in enumerate(ctx.dataset.committee_members):
        if member.committee_id in committees:
            committee, gov = committees[member.committee_id]
            yield pos, committee, gov, ctx.dataset.get("organisations", member.organisation_id)


def _member_level(ctx: Context) -> Iterator[Result]:
    for pos, committee, gov, unit in _members(ctx):
        office = ctx.dataset.find("organisations", committee.office_host_id) or gov
        same = unit.division_id == gov.division_id
        yield Result(
            subject=Ref("committee_member", f"{committee.id}/{unit.id}"),
            responsible=org_ref(office),
            outcome=Outcome.COMPLIANT if same else Outcome.VIOLATION,
            evidence={
                "member": unit.name,
                "member_division": unit.division_id,
                "committee_division": gov.division_id,
            },
            table="committee_members",
            position=pos,
        )


def _liaison(ctx: Context) -> Iterator[Result]:
    for pos, committee, _gov, unit in _members(ctx):
        liaison = ctx.dataset.committee_members[pos].liaison_id
        yield Result(
            subject=Ref("committee_member", f"{committee.id}/{unit.id}"),
            responsible=org_ref(unit),
            outcome=Outcome.COMPLIANT if liaison else Outcome.VIOLATION,
            evidence={"member": unit.name, "liaison": liaison},
            table="committee_members",
            position=pos,
        )


def _annual_plenary(ctx: Context) -> Iterator[Result]:
    year = last_complete_year(ctx.as_of)
    meetings = group_by(
        (m for m in ctx.dataset.meetings if m.kind is MeetingKind.PLENARY and m.date.year == year),
        lambda m: m.committee_id,
    )
    for committee, gov in _committees_in_scope(ctx):
        if committee.established_on is not None and committee.established_on > dt.date(year, 12, 31):
            continue
        office = ctx.dataset.find("organisations", committee.office_host_id) or gov
        held = len(meetings.get(committee.id, []))
        yield Result(
            subject=Ref("committee", committee.id),
            responsible=org_ref(office),
            outcome=Outcome.COMPLIANT if held >= ctx["minimum"] else Outcome.VIOLATION,
            evidence={"year": year, "plenary_meetings": held, "minimum": ctx["minimum"]},
        )


def _body_exists(ctx: Context) -> Iterator[Result]:
    for division in jurisdiction(ctx.dataset):
        if division.kind.level.rank > Level.COUNTY.rank:
            continue
        gov = ctx.dataset.government_of(division.id)
        body = ctx.dataset.body_of(division.id)
        subject = org_ref(gov) if gov is not None else division_ref(division)
        yield Result(
            subject=subject,
            responsible=subject,
            outcome=Outcome.COMPLIANT if body else Outcome.VIOLATION,
            evidence={"division": division.name, "body": body.name if body else None},
        )


def _chief_inspector(ctx: Context) -> Iterator[Result]:
    chiefs = group_by(
        (i for i in ctx.dataset.inspectors if i.kind is InspectorKind.CHIEF and i.active_on(ctx.as_of)),
        lambda i: ctx.dataset.get("organisations", i.appointed_by).division_id,
    )
    for division_id, gov in _governments(ctx, levels_of(ctx["levels"])):
        body = ctx.dataset.body_of(division_id)
        subject = org_ref(body) if body else org_ref(gov) if gov else Ref("division", division_id)
        found = [i.id for i in chiefs.get(division_id, [])]
        yield Result(
            subject=subject,
            responsible=org_ref(gov) if gov else None,
            outcome=Outcome.COMPLIANT if len(found) == 1 else Outcome.VIOLATION,
            evidence={"chief_inspectors": found, "count": len(found)},
        )


def _report_upward(ctx: Context) -> Iterator[Result]:
    year = due_year(ctx.as_of, grace_months=ctx["grace_months"])
    required = {ReportItem.parse(i) for i in ctx["items"]}
    reports = group_by((r for r in ctx.dataset.upward_reports if r.year == year), lambda r: r.body_id)
    for division in jurisdiction(ctx.dataset):
        body = ctx.dataset.body_of(division.id)
        upper = superior_body(ctx.dataset, division.id)
        if body is None or ctx.dataset.superior_division(division.id) is None:
            continue
        if upper is None:
            yield Result(
                subject=org_ref(body),
                responsible=org_ref(body),
                outcome=Outcome.UNDETERMINABLE,
                missing=(f"organisations: the supervision body above {division.name}",),
            )
            continue
        sent = [r for r in reports.get(body.id, []) if r.recipient_id == upper.id]
        items = {i for r in sent for i in r.items}
        missing_items = sorted(i.value for i in required - items)
        yield Result(
            subject=org_ref(body),
            responsible=org_ref(body),
            outcome=Outcome.COMPLIANT if sent and not missing_items else Outcome.VIOLATION,
            evidence={
                "year": year,
                "reports": [r.id for r in sent],
                "missing_items": missing_items,
                "recipient": upper.name,
            },
        )


def _funding(ctx: Context) -> Iterator[Result]:
    year = ctx.as_of.year
    budgets = {(b.government_id, b.year): b for b in ctx.dataset.budgets}
    for division in jurisdiction(ctx.dataset):
        gov = ctx.dataset.government_of(division.id)
        if gov is None or division.kind.level.rank > Level.COUNTY.rank:
            continue
        budget = budgets.get((gov.id, year))
        if budget is None:
            yield Result(
                subject=org_ref(gov),
                responsible=org_ref(gov),
                outcome=Outcome.UNDETERMINABLE,
                missing=(f"budgets: {gov.id} {year}",),
            )
            continue
        yield Result(
            subject=org_ref(gov),
            responsible=org_ref(gov),
            outcome=Outcome.COMPLIANT if budget.supervision_funding else Outcome.VIOLATION,
            evidence={"year": year, "supervision_funding": budget.supervision_funding},
        )


RULES = (
    Rule(
        id="committee.exists",
        reads=("divisions", "organisations", "committees"),
        title_zh="设立教育督导委员会",
        title_en="Education supervision committee exists",
        section=SECTION,
        modality=Modality.MUST,
        check=_committee_exists,
        subject="government",
        responsible="that government",
        text="Each government at the profile's committee levels has exactly one education supervision committee.",
        message_zh="{subject_name}应设立一个教育督导委员会，现有{count}个。",
        message_en="{subject_name} must have exactly one education supervision committee; it has {count}.",
        params={
            "levels": Param(choices=Level, default=("provincial", "prefecture", "county"), doc=_LEVEL_DOC)
        },
        citations=cite("OPN"),
    ),
    Rule(
        id="committee.office_host",
        reads=("committees", "organisations"),
        title_zh="办公室设在教育部门",
        title_en="Committee office in the education authority",
        section=SECTION,
        modality=Modality.MUST,
        check=_office_host,
        subject="committee",
        responsible="government",
        text="The committee's office sits in the same-level education authority.",
        message_zh="{subject_name}的办公室应设在同级教育行政部门，现设在{office_host}。",
        message_en="The office of {subject_name} must sit in the same-level education authority, not {office_host}.",
    ),
    Rule(
        id="committee.leadership",
        reads=("committees", "persons", "organisations"),
        title_zh="主任、副主任",
        title_en="Committee director and deputies",
        section=SECTION,
        modality=Modality.MUST,
        check=_leadership,
        subject="committee",
        responsible="government",
        text="The director is the same-level leader in charge of education; the deputies include the head of the "
        "education authority; where the profile says so, the number of deputies is fixed.",
        message_zh="{subject_name}的主任、副主任配备不符合要求（{failed}）。",
        message_en="The leadership of {subject_name} does not meet the rule ({failed}).",
        params={
            "deputies": Param(
                types=(int,), default=None, doc="Required number of deputy directors; None: any."
            )
        },
    ),
    Rule(
        id="committee.member_level",
        reads=("committee_members", "organisations"),
        title_zh="成员单位同级",
        title_en="Member units at the committee's level",
        section=SECTION,
        modality=Modality.MUST,
        check=_member_level,
        subject="member unit",
        responsible="committee office",
        text="Member units are at the committee's level.",
        message_zh="成员单位{member}与委员会不在同一级。",
        message_en="Member unit {member} is not at the committee's level.",
    ),
    Rule(
        id="committee.liaison",
        reads=("committee_members",),
        title_zh="联络员制度",
        title_en="Liaison officer per member unit",
        section=SECTION,
        modality=Modality.MUST,
        check=_liaison,
        subject="member unit",
        responsible="member unit",
        text="Every member unit names a liaison officer.",
        message_zh="成员单位{member}未明确联络员。",
        message_en="Member unit {member} has named no liaison officer.",
    ),
    Rule(
        id="committee.annual_plenary",
        reads=("committees", "meetings"),
        title_zh="全体会议",
        title_en="Yearly plenary meetings",
        section=SECTION,
        modality=Modality.MUST,
        check=_annual_plenary,
        subject="committee",
        responsible="committee office",
        text="The committee holds at least N plenary meetings per calendar year.",
        message_zh="{subject_name}{year}年召开全体会议{plenary_meetings}次，少于{minimum}次。",
        message_en="{subject_name} held {plenary_meetings} plenary meeting(s) in {year}; at least {minimum} required.",
        params={"minimum": Param(default=1, doc="Plenary meetings per calendar year.", unit="meetings")},
    ),
    Rule(
        id="body.exists",
        reads=("divisions", "organisations"),
        title_zh="设立督导机构",
        title_en="Supervision body exists",
        section=SECTION,
        modality=Modality.MUST,
        check=_body_exists,
        subject="government",
        responsible="that government",
        text="Every government of county level or above has an education supervision body, led by it.",
        message_zh="{division}人民政府未设立教育督导机构。",
        message_en="The government of {division} has no education supervision body.",
        citations=cite("REG 4"),
    ),
    Rule(
        id="body.chief_inspector",
        reads=("divisions", "organisations", "inspectors"),
        title_zh="总督学",
        title_en="Chief inspector post",
        section=SECTION,
        modality=Modality.MUST,
        check=_chief_inspector,
        subject="body",
        responsible="government",
        text="A chief inspector post exists at the profile's levels; at most one per level.",
        message_zh="{subject_name}应设一名总督学，现有{count}名。",
        message_en="{subject_name} must have one chief inspector; it has {count}.",
        params={"levels": Param(choices=Level, default=(), doc=_LEVEL_DOC)},
    ),
    Rule(
        id="body.report_upward",
        reads=("divisions", "organisations", "upward_reports"),
        title_zh="向上级报告",
        title_en="Yearly report to the body above",
        section=SECTION,
        modality=Modality.MUST,
        check=_report_upward,
        subject="body",
        responsible="body",
        text="Each year the body reports its work plan and supervision results to the body one level up.",
        message_zh="{subject_name}未向{recipient}完整报送{year}年度材料（缺：{missing_items}）。",
        message_en="{subject_name} has not fully reported {year} to {recipient} (missing: {missing_items}).",
        params={
            "items": Param(
                choices=ReportItem, default=("work_plan", "results"), doc="What the report must contain."
            ),
            "grace_months": Param(
                default=3,
                doc="Months after the year's end by which the report is due "
                "(documented default: the first quarter).",
                unit="months",
            ),
        },
        citations=cite("REG 23"),
    ),
    Rule(
        id="body.funding",
        reads=("divisions", "organisations", "budgets"),
        title_zh="经费纳入预算",
        title_en="Supervision funding in the budget",
        section=SECTION,
        modality=Modality.MUST,
        check=_funding,
        subject="government",
        responsible="government",
        text="Supervision funding is in the same-level budget each year.",
        message_zh="{subject_name}{year}年预算未列入教育督导经费。",
        message_en="{subject_name}'s {year} budget does not include supervision funding.",
        citations=cite("REG 5"),
    ),
)
