"""The records of a jurisdiction: one attrs class per table of the interchange format.

Every record is frozen, slotted and keyword-only. Records refer to each other by id. Field metadata drives
the file format, the schemas and the docs, so they cannot drift from the model:

``zh``
    Chinese header aliases accepted when reading files (the first is the one written in templates).
``doc``
    English description of the column.
``ref``
    The table an id column refers to (checked by :class:`~edusupervision.Dataset`).
``ref_kind``
    For a polymorphic reference: the name of the sibling field holding a :class:`SubjectKind`.
"""

from __future__ import annotations

import datetime as dt
import typing
from types import MappingProxyType
from typing import Any

import attrs

from edusupervision._domain._enums import (
    AccountabilityMeasure,
    AccountabilityTrigger,
    Announcement,
    AssessmentResult,
    Channel,
    CircularTrigger,
    CommendationKind,
    Degree,
    DivisionKind,
    Employment,
    EvaluationResult,
    InspectorKind,
    InterviewTrigger,
    LiabilityKind,
    LifecycleStep,
    LookBackOutcome,
    MeetingKind,
    ObjectClass,
    OrgKind,
    Ownership,
    Position,
    Presence,
    ProblemCategory,
    ReportItem,
    SchoolStage,
    SubjectKind,
    SupervisionFunction,
    SupervisionType,
    TeamRole,
    TrainingKind,
    ZoneKind,
)

if typing.TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = [
    "AccountabilityDecision",
    "Assessment",
    "Assignment",
    "Budget",
    "Circular",
    "Commendation",
    "Committee",
    "CommitteeMember",
    "Division",
    "DutyEvaluation",
    "Inspector",
    "Interview",
    "Meeting",
    "NearRelative",
    "Organisation",
    "Person",
    "Problem",
    "RectificationEvent",
    "School",
    "Supervision",
    "TeamMember",
    "Training",
    "UpwardReport",
    "Visit",
    "Zone",
    "col",
    "column_types",
]


def column_types(record_type: type[Any]) -> Mapping[str, Any]:
    """Return the resolved type of every column of a record class (annotations are postponed)."""
    return MappingProxyType(typing.get_type_hints(record_type))


def _non_empty(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not value.strip():
        msg = f"{attribute.name} must not be empty"
        raise ValueError(msg)


def col(
    *,
    zh: tuple[str, ...] = (),
    doc: str,
    ref: str | None = None,
    ref_kind: str | None = None,
    default: Any = attrs.NOTHING,
    validator: Any = None,
) -> Any:
    """Declare a column: an attrs field with the format metadata (Chinese aliases, doc, reference)."""
    metadata: dict[str, Any] = {"zh": zh, "doc": doc}
    if ref is not None:
        metadata["ref"] = ref
    if ref_kind is not None:
        metadata["ref_kind"] = ref_kind
    return attrs.field(default=default, validator=validator, metadata=metadata)


def _id(
    doc: str = "Unique identifier of the record within its table.", zh: tuple[str, ...] = ("编号",)
) -> Any:
    return col(zh=(*zh, "ID", "id"), doc=doc, validator=_non_empty)


def _non_negative(_instance: object, attribute: attrs.Attribute[Any], value: float | None) -> None:
    if value is not None and value < 0:
        msg = f"{attribute.name} must not be negative, got {value}"
        raise ValueError(msg)


# --- hierarchy and organisations ----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Division:
    """An administrative division (行政区划): the nodes of the jurisdiction tree."""

    id: str = _id()
    name: str = col(zh=("名称", "区划名称"), doc="Name, e.g. 淄博市 or 高新区.")
    kind: DivisionKind = col(zh=("类型", "区划类型"), doc="Kind of division; determines its level.")
    parent_id: str | None = col(
        zh=("上级区划",),
        doc="The division directly above; empty only for the root.",
        ref="divisions",
        default=None,
    )
    code: str | None = col(zh=("区划代码",), doc="GB/T 2260 division code, where one exists.", default=None)
    zone_kind: ZoneKind | None = col(
        zh=("功能区类型",),
        doc="For functional zones: high-tech, economic development, tourism resort.",
        default=None,
    )


@attrs.frozen(kw_only=True)
class Organisation:
    """A government, party organ, department, education authority or supervision body."""

    id: str = _id()
    name: str = col(zh=("名称", "单位名称"), doc="Name as the organisation calls itself, e.g. 淄博市教育局.")
    kind: OrgKind = col(zh=("类型", "单位类型"), doc="Kind of organisation.")
    division_id: str = col(zh=("所在区划",), doc="The division whose organisation this is.", ref="divisions")
    parent_id: str | None = col(
        zh=("上级单位", "主管单位"),
        doc="The organisation it belongs to or is led by (a supervision body's government, a department's "
        "government); its competent department.",
        ref="organisations",
        default=None,
    )


@attrs.frozen(kw_only=True)
class Person:
    """A person holding a position the rules refer to (leaders, school heads, liaison officers)."""

    id: str = _id()
    name: str = col(zh=("姓名",), doc="Name.")
    organisation_id: str | None = col(
        zh=("所在单位",), doc="Organisation the person works for.", ref="organisations", default=None
    )
    position: Position = col(
        zh=("职务",), doc="Position, as far as the rules need it.", default=Position.STAFF
    )


@attrs.frozen(kw_only=True)
class Committee:
    """An education supervision committee (教育督导委员会) of one government."""

    id: str = _id()
    name: str = col(zh=("名称",), doc="Name, e.g. 淄博市人民政府教育督导委员会.")
    government_id: str = col(
        zh=("所属政府",), doc="The government whose committee it is.", ref="organisations"
    )
    office_host_id: str | None = col(
        zh=("办公室设在",),
        doc="Organisation hosting the committee office.",
        ref="organisations",
        default=None,
    )
    director_id: str | None = col(zh=("主任",), doc="The director (主任).", ref="persons", default=None)
    deputy_ids: tuple[str, ...] = col(
        zh=("副主任",), doc="The deputy directors (副主任), separated by ';'.", ref="persons", default=()
    )
    established_on: dt.date | None = col(zh=("成立日期",), doc="Date the committee was set up.", default=None)


@attrs.frozen(kw_only=True)
class CommitteeMember:
    """A member unit (成员单位) of a committee, with its liaison officer (联络员)."""

    committee_id: str = col(zh=("委员会",), doc="The committee.", ref="committees")
    organisation_id: str = col(zh=("成员单位",), doc="The member unit.", ref="organisations")
    liaison_id: str | None = col(
        zh=("联络员",), doc="The unit's liaison officer.", ref="persons", default=None
    )


@attrs.frozen(kw_only=True)
class Meeting:
    """A committee meeting."""

    id: str = _id()
    committee_id: str = col(zh=("委员会",), doc="The committee that met.", ref="committees")
    date: dt.date = col(zh=("日期", "会议日期"), doc="Date of the meeting.")
    kind: MeetingKind = col(zh=("会议类型",), doc="Kind of meeting.", default=MeetingKind.PLENARY)


@attrs.frozen(kw_only=True)
class Budget:
    """Whether a government's budget for a year includes education-supervision funding (REG 5)."""

    government_id: str = col(zh=("政府",), doc="The government.", ref="organisations")
    year: int = col(zh=("年度",), doc="Calendar year.")
    supervision_funding: bool = col(zh=("督导经费纳入预算",), doc="Supervision funding is in the budget.")
    amount: float | None = col(
        zh=("金额",), doc="Amount in yuan, if known.", default=None, validator=_non_negative
    )


@attrs.frozen(kw_only=True)
class UpwardReport:
    """A supervision body's yearly report to the body one level up (GX 二(二); WH (四); REG 23)."""

    id: str = _id()
    body_id: str = col(zh=("报告单位",), doc="The reporting supervision body.", ref="organisations")
    recipient_id: str = col(zh=("接收单位",), doc="The body one level up.", ref="organisations")
    year: int = col(zh=("年度",), doc="The year reported on.")
    items: tuple[ReportItem, ...] = col(
        zh=("报告内容",), doc="What was reported, separated by ';'.", default=()
    )
    date: dt.date | None = col(zh=("报送日期",), doc="Date sent.", default=None)


# --- schools, zones, inspectors -----------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Zone:
    """A responsibility zone (责任区) of a county, with schools and responsibility inspectors."""

    id: str = _id()
    name: str = col(zh=("名称", "责任区名称"), doc="Name of the zone.")
    division_id: str = col(zh=("所在区划",), doc="The county-level division.", ref="divisions")
    body_id: str | None = col(
        zh=("督导机构",), doc="The supervision body managing the zone.", ref="organisations", default=None
    )


@attrs.frozen(kw_only=True)
class School:
    """A school, kindergarten or off-campus training institution."""

    id: str = _id()
    name: str = col(zh=("学校名称", "名称"), doc="Name.")
    stage: SchoolStage = col(zh=("学校类型", "学段"), doc="Stage or kind of institution.")
    ownership: Ownership = col(zh=("办学性质",), doc="Public or private.", default=Ownership.PUBLIC)
    division_id: str = col(
        zh=("所在区县",), doc="The county-level division the school belongs to.", ref="divisions"
    )
    township_id: str | None = col(
        zh=("所在乡镇",), doc="Township, if recorded.", ref="divisions", default=None
    )
    zone_id: str | None = col(zh=("责任区",), doc="Responsibility zone.", ref="zones", default=None)
    administered_by: str | None = col(
        zh=("主管部门",),
        doc="The body administering the school (its competent education authority).",
        ref="organisations",
        default=None,
    )
    student_count: int | None = col(
        zh=("学生数", "在校生数"), doc="Number of students.", default=None, validator=_non_negative
    )
    legal_person: bool | None = col(
        zh=("独立法人",), doc="Whether the school is a legal person.", default=None
    )
    head_id: str | None = col(zh=("校长",), doc="The head (校（园）长).", ref="persons", default=None)
    head_term_start: dt.date | None = col(zh=("校长任期开始",), doc="Start of the head's term.", default=None)
    head_term_end: dt.date | None = col(zh=("校长任期结束",), doc="End of the head's term.", default=None)


@attrs.frozen(kw_only=True)
class Inspector:
    """A 督学, chief inspector, supervision assistant or school visitor."""

    id: str = _id()
    name: str = col(zh=("姓名",), doc="Name.")
    kind: InspectorKind = col(zh=("类别", "督学类别"), doc="Rank.", default=InspectorKind.INSPECTOR)
    employment: Employment = col(zh=("专兼职",), doc="Full-time or part-time.")
    responsibility: bool = col(
        zh=("责任督学",),
        doc="Whether the inspector serves as a responsibility inspector (责任督学).",
        default=False,
    )
    appointed_by: str = col(zh=("聘任单位",), doc="The appointing body.", ref="organisations")
    division_id: str = col(zh=("所在区划",), doc="The division where the inspector works.", ref="divisions")
    appointed_on: dt.date | None = col(zh=("聘任日期",), doc="First appointment.", default=None)
    term_start: dt.date | None = col(zh=("本届任期开始",), doc="Start of the current term.", default=None)
    term_end: dt.date | None = col(zh=("本届任期结束",), doc="End of the current term.", default=None)
    consecutive_terms: int | None = col(
        zh=("连任届数",),
        doc="Consecutive terms including the current one.",
        default=None,
        validator=_non_negative,
    )
    degree: Degree | None = col(zh=("学历",), doc="Highest degree.", default=None)
    education_years: int | None = col(
        zh=("教育工作年限",), doc="Years of work in education.", default=None, validator=_non_negative
    )
    retired_on: dt.date | None = col(zh=("退休日期",), doc="Retirement date, for retirees.", default=None)
    dismissed_on: dt.date | None = col(zh=("解聘日期",), doc="Dismissal date.", default=None)
    dismissal_announced: bool | None = col(
        zh=("解聘已公告",), doc="Whether a dismissal was announced.", default=None
    )
    person_id: str | None = col(
        zh=("人员",), doc="The same person in the persons table, if any.", ref="persons", default=None
    )

    def active_on(self, day: dt.date) -> bool:
        """Return whether the inspector is appointed and not dismissed on ``day``."""
        if self.appointed_on is not None and day < self.appointed_on:
            return False
        return not (self.dismissed_on is not None and day >= self.dismissed_on)


@attrs.frozen(kw_only=True)
class NearRelative:
    """A near-relative relation between an inspector and a person (REG 10: recusal)."""

    inspector_id: str = col(zh=("督学",), doc="The inspector.", ref="inspectors")
    person_id: str = col(zh=("近亲属",), doc="The near relative.", ref="persons")
    relation: str | None = col(zh=("关系",), doc="Relation, e.g. 配偶.", default=None)


@attrs.frozen(kw_only=True)
class Training:
    """A training an inspector attended."""

    id: str = _id()
    inspector_id: str = col(zh=("督学",), doc="The inspector.", ref="inspectors")
    date: dt.date = col(zh=("日期", "培训日期"), doc="Date (the last day for multi-day trainings).")
    hours: float = col(zh=("学时",), doc="Hours of training.", validator=_non_negative)
    kind: TrainingKind = col(zh=("培训类型",), doc="Kind of training.", default=TrainingKind.CENTRALISED)


@attrs.frozen(kw_only=True)
class Assessment:
    """An inspector's yearly assessment (考核)."""

    id: str = _id()
    inspector_id: str = col(zh=("督学",), doc="The inspector.", ref="inspectors")
    year: int = col(zh=("年度",), doc="Year assessed.")
    result: AssessmentResult = col(zh=("结果", "考核结果"), doc="Result.")


@attrs.frozen(kw_only=True)
class Assignment:
    """A responsibility inspector's assignment to a school (挂牌督导)."""

    id: str = _id()
    inspector_id: str = col(zh=("责任督学", "督学"), doc="The inspector.", ref="inspectors")
    school_id: str = col(zh=("学校",), doc="The school.", ref="schools")
    start: dt.date | None = col(zh=("开始日期",), doc="Start of the assignment.", default=None)
    end: dt.date | None = col(zh=("结束日期",), doc="End of the assignment (empty: ongoing).", default=None)
    contact_posted: bool | None = col(
        zh=("挂牌公示",), doc="Name, photo, contact and items are posted at the school (PLQ 1).", default=None
    )

    def active_on(self, day: dt.date) -> bool:
        """Return whether the assignment holds on ``day``."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen(kw_only=True)
class Visit:
    """A regular-supervision visit (经常性督导) by a responsibility inspector."""

    id: str = _id()
    inspector_id: str = col(zh=("督学",), doc="The visiting inspector.", ref="inspectors")
    school_id: str = col(zh=("学校",), doc="The school visited.", ref="schools")
    date: dt.date = col(zh=("日期", "督导日期"), doc="Date of the visit.")
    announcement: Announcement = col(
        zh=("方式",), doc="Announced or unannounced.", default=Announcement.ANNOUNCED
    )


# --- supervisions and what follows --------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Supervision:
    """A supervision (督导): of a government, a department or a school."""

    id: str = _id()
    title: str | None = col(zh=("名称",), doc="Title.", default=None)
    function: SupervisionFunction = col(zh=("职能",), doc="督政, 督学 or 评估监测.")
    type: SupervisionType = col(zh=("督导类型",), doc="Type.")
    body_id: str = col(zh=("实施机构",), doc="The supervision body conducting it.", ref="organisations")
    subject_kind: SubjectKind = col(zh=("对象类型",), doc="organisation or school.")
    subject_id: str = col(zh=("督导对象",), doc="The supervised unit.", ref_kind="subject_kind")
    start: dt.date = col(zh=("开始日期",), doc="First day.")
    end: dt.date | None = col(zh=("结束日期",), doc="Last day (empty: same as start).", default=None)
    announcement: Announcement = col(
        zh=("通知方式",), doc="Announced or 暗访.", default=Announcement.ANNOUNCED
    )
    channel: Channel = col(zh=("形式",), doc="On site, online or hybrid.", default=Channel.OFFLINE)
    presence: Presence = col(zh=("驻点",), doc="Visiting or resident.", default=Presence.VISITING)
    notice_on: dt.date | None = col(zh=("书面通知日期",), doc="Date of the written notice.", default=None)
    report_on: dt.date | None = col(zh=("报告日期",), doc="Date of the supervision report.", default=None)
    report_published: bool | None = col(zh=("报告已公开",), doc="Report published.", default=None)
    report_filed: bool | None = col(
        zh=("报告已报上级",), doc="Report filed with the upper body.", default=None
    )
    feedback_on: dt.date | None = col(zh=("反馈日期",), doc="Date findings were fed back.", default=None)
    feedback_itemised: bool | None = col(
        zh=("逐项反馈",), doc="Fed back item by item with a rectification decision.", default=None
    )
    feedback_meeting: bool | None = col(zh=("反馈会议",), doc="Feedback given at a meeting.", default=None)
    meeting_invitees: tuple[str, ...] = col(
        zh=("反馈会议邀请单位",),
        doc="Organisations invited to the feedback meeting, ';'-separated.",
        ref="organisations",
        default=(),
    )

    @property
    def last_day(self) -> dt.date:
        """Return the last day (the start when no end is recorded)."""
        return self.end or self.start


@attrs.frozen(kw_only=True)
class TeamMember:
    """An inspector on a supervision team."""

    supervision_id: str = col(zh=("督导",), doc="The supervision.", ref="supervisions")
    inspector_id: str = col(zh=("督学",), doc="The inspector.", ref="inspectors")
    role: TeamRole = col(zh=("角色",), doc="Leader or member.", default=TeamRole.MEMBER)


@attrs.frozen(kw_only=True)
class Problem:
    """A problem found by a supervision (问题清单的一项)."""

    id: str = _id()
    supervision_id: str = col(zh=("督导",), doc="The supervision that found it.", ref="supervisions")
    found_on: dt.date = col(zh=("发现日期",), doc="Date found.")
    description: str = col(zh=("问题描述",), doc="What was found.", default="")
    category: ProblemCategory = col(zh=("问题类别",), doc="Category.", default=ProblemCategory.GENERAL)
    competent_id: str | None = col(
        zh=("主管部门",), doc="The supervised unit's competent department.", ref="organisations", default=None
    )
    referred_to: str | None = col(
        zh=("移交单位",),
        doc="Enforcement or prosecution authority referred to.",
        ref="organisations",
        default=None,
    )
    referred_on: dt.date | None = col(zh=("移交日期",), doc="Date of referral.", default=None)


@attrs.frozen(kw_only=True)
class RectificationEvent:
    """One dated step of a problem's rectification lifecycle."""

    id: str = _id()
    problem_id: str = col(zh=("问题",), doc="The problem.", ref="problems")
    step: LifecycleStep = col(zh=("环节",), doc="Lifecycle step.")
    date: dt.date = col(zh=("日期",), doc="Date of the step.")
    deadline: dt.date | None = col(
        zh=("整改期限",), doc="Deadline set (feedback and urging notices).", default=None
    )
    outcome: LookBackOutcome | None = col(zh=("回头看结果",), doc="Outcome of a look-back.", default=None)
    liable_id: str | None = col(
        zh=("责任部门",),
        doc="Department held liable when rectification failed.",
        ref="organisations",
        default=None,
    )
    liability: LiabilityKind | None = col(zh=("责任类型",), doc="Kind of liability.", default=None)
    published: bool | None = col(zh=("已公开",), doc="For reports: rectification published.", default=None)
    document_no: str | None = col(zh=("文号",), doc="Number of the notice (督办单 …).", default=None)


@attrs.frozen(kw_only=True)
class Interview:
    """A 约谈 of a unit's responsible person."""

    id: str = _id()
    date: dt.date = col(zh=("日期", "约谈日期"), doc="Date.")
    body_id: str = col(zh=("约谈机构",), doc="The convening body.", ref="organisations")
    subject_kind: SubjectKind = col(
        zh=("对象类型",), doc="organisation or school.", default=SubjectKind.ORGANISATION
    )
    subject_id: str = col(zh=("被约谈单位",), doc="The unit.", ref_kind="subject_kind")
    person_id: str | None = col(zh=("被约谈人",), doc="The person interviewed.", ref="persons", default=None)
    triggers: tuple[InterviewTrigger, ...] = col(zh=("约谈情形",), doc="Triggers, ';'-separated.", default=())
    problem_id: str | None = col(zh=("问题",), doc="The problem it concerns.", ref="problems", default=None)
    record_filed: bool | None = col(
        zh=("约谈记录已报送",),
        doc="Written record filed with the local party committee, government and upper department.",
        default=None,
    )
    co_convened_with: tuple[str, ...] = col(
        zh=("联合约谈单位",), doc="Co-conveners, ';'-separated.", ref="organisations", default=()
    )


@attrs.frozen(kw_only=True)
class Circular:
    """A 通报 about a unit."""

    id: str = _id()
    date: dt.date = col(zh=("日期", "通报日期"), doc="Date.")
    body_id: str = col(zh=("通报机构",), doc="The issuing body.", ref="organisations")
    subject_kind: SubjectKind = col(
        zh=("对象类型",), doc="organisation or school.", default=SubjectKind.ORGANISATION
    )
    subject_id: str = col(zh=("被通报单位",), doc="The unit.", ref_kind="subject_kind")
    triggers: tuple[CircularTrigger, ...] = col(zh=("通报情形",), doc="Triggers, ';'-separated.", default=())
    problem_id: str | None = col(zh=("问题",), doc="The problem it concerns.", ref="problems", default=None)
    names_leadership: bool = col(
        zh=("涉及领导班子",),
        doc="Whether the unit's leadership is named (ineligibility window).",
        default=True,
    )


@attrs.frozen(kw_only=True)
class AccountabilityDecision:
    """An accountability (问责) decision with one measure against one object."""

    id: str = _id()
    object_class: ObjectClass = col(zh=("问责对象类别",), doc="unit, person or private-school person.")
    subject_kind: SubjectKind = col(zh=("对象类型",), doc="organisation, school or person.")
    subject_id: str = col(zh=("问责对象",), doc="The object held accountable.", ref_kind="subject_kind")
    measure: AccountabilityMeasure = col(zh=("问责方式",), doc="The measure.")
    decided_on: dt.date = col(zh=("决定日期",), doc="Date of the decision.")
    decided_by: str | None = col(
        zh=("决定单位",), doc="Deciding organisation.", ref="organisations", default=None
    )
    supervision_id: str | None = col(
        zh=("督导",), doc="The supervision behind it.", ref="supervisions", default=None
    )
    triggers: tuple[AccountabilityTrigger, ...] = col(
        zh=("问责情形",), doc="Triggers, ';'-separated.", default=()
    )
    investigation_formed_on: dt.date | None = col(
        zh=("调查组成立日期",), doc="Investigation team formed.", default=None
    )
    published: bool | None = col(zh=("已公开",), doc="Result published.", default=None)
    aggravated: bool | None = col(
        zh=("从重处理",), doc="Handled as aggravated (a second accountability within 365 days).", default=None
    )
    licence_revoked: bool | None = col(
        zh=("吊销办学许可证",),
        doc="For a private school or training institution: its licence was revoked.",
        default=None,
    )
    licensing_notified: bool | None = col(
        zh=("已通报审批部门",), doc="The licensing authority was notified of the revocation.", default=None
    )
    review_applied_on: dt.date | None = col(zh=("申请复核日期",), doc="Review applied for.", default=None)
    review_decided_on: dt.date | None = col(zh=("复核决定日期",), doc="Review decided.", default=None)
    appeal_applied_on: dt.date | None = col(zh=("申诉日期",), doc="Appeal lodged.", default=None)
    appeal_decided_on: dt.date | None = col(zh=("申诉决定日期",), doc="Appeal decided.", default=None)
    corrected_on: dt.date | None = col(zh=("纠正日期",), doc="Decision corrected after appeal.", default=None)


@attrs.frozen(kw_only=True)
class Commendation:
    """A commendation, award, promotion or favoured treatment of a unit or person."""

    id: str = _id()
    subject_kind: SubjectKind = col(zh=("对象类型",), doc="organisation, school or person.")
    subject_id: str = col(zh=("对象",), doc="Who was commended or promoted.", ref_kind="subject_kind")
    kind: CommendationKind = col(zh=("类型",), doc="Kind of decision.")
    date: dt.date = col(zh=("日期",), doc="Date.")
    granted_by: str | None = col(
        zh=("授予单位",), doc="Granting organisation.", ref="organisations", default=None
    )
    evaluation_id: str | None = col(
        zh=("依据评价",), doc="The evaluation it rests on.", ref="duty_evaluations", default=None
    )


@attrs.frozen(kw_only=True)
class DutyEvaluation:
    """A yearly evaluation of a government's performance of its education duties (履行教育职责评价)."""

    id: str = _id()
    year: int = col(zh=("年度",), doc="Year evaluated.")
    evaluator_id: str = col(zh=("评价机构",), doc="The evaluating body.", ref="organisations")
    evaluatee_id: str = col(
        zh=("被评价单位",), doc="The government or department evaluated.", ref="organisations"
    )
    result: EvaluationResult | None = col(zh=("结果",), doc="Result, once known.", default=None)
    date: dt.date | None = col(zh=("日期",), doc="Date of the result.", default=None)
