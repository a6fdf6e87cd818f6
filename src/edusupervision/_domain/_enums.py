"""Closed vocabularies of education supervision, each member with a Chinese and an English label.

Every enum's ``value`` is the canonical English snake_case code used in files; ``zh`` and ``en`` are the labels.
:meth:`LabelledEnum.parse` accepts the code, either label, or a registered alias, so Chinese exports read as-is.
"""

from __future__ import annotations

import enum
from typing import Self

__all__ = [
    "AccountabilityMeasure",
    "AccountabilityTrigger",
    "Announcement",
    "AssessmentResult",
    "Channel",
    "CircularTrigger",
    "CommendationKind",
    "Degree",
    "DivisionKind",
    "Employment",
    "EvaluationResult",
    "InspectorKind",
    "InterviewTrigger",
    "LabelledEnum",
    "Level",
    "LiabilityKind",
    "LifecycleStep",
    "LookBackOutcome",
    "MeetingKind",
    "ObjectClass",
    "OrgKind",
    "Ownership",
    "Position",
    "Presence",
    "ProblemCategory",
    "ReportItem",
    "SchoolStage",
    "SubjectKind",
    "SupervisionFunction",
    "SupervisionType",
    "TeamRole",
    "TrainingKind",
    "ZoneKind",
]


class LabelledEnum(enum.Enum):
    """An enum whose members carry a code (``value``), a Chinese label ``zh`` and an English label ``en``.

    Examples
    --------
    >>> Level.COUNTY.zh, Level.COUNTY.en, Level.COUNTY.value
    ('县级', 'county', 'county')
    >>> Level.parse("县级") is Level.parse("county") is Level.COUNTY
    True

    """

    _value_: str
    zh: str
    en: str

    def __new__(cls, value: str, zh: str, en: str) -> Self:
        obj = object.__new__(cls)
        obj._value_ = value
        obj.zh = zh
        obj.en = en
        return obj

    @property
    def label(self) -> str:
        """Return the bilingual label, Chinese first: ``县级 (county)``."""
        return f"{self.zh} ({self.en})"

    @classmethod
    def aliases(cls) -> dict[str, str]:
        """Extra spellings accepted by :meth:`parse` (override per enum); maps alias → code."""
        return {}

    @classmethod
    def parse(cls, text: str) -> Self:
        """Return the member whose code, Chinese label, English label or alias is ``text``.

        Matching ignores surrounding white space and, for codes and English labels, case and hyphens.
        Raises :class:`ValueError` listing the accepted codes when nothing matches.
        """
        key = text.strip()
        folded = key.casefold().replace("-", "_").replace(" ", "_")
        alias = cls.aliases().get(key) or cls.aliases().get(folded)
        for member in cls:
            if key in (member.value, member.zh) or folded in (
                member.value,
                member.en.casefold().replace("-", "_").replace(" ", "_"),
            ):
                return member
            if alias is not None and alias == member.value:
                return member
        accepted = ", ".join(f"{m.value} ({m.zh})" for m in cls)
        msg = f"{text!r} is not a {cls.__name__}; accepted: {accepted}"
        raise ValueError(msg)


class Level(LabelledEnum):
    """Administrative level of a division or organisation."""

    NATIONAL = ("national", "国家", "national")
    PROVINCIAL = ("provincial", "省级", "provincial")
    PREFECTURE = ("prefecture", "地市级", "prefecture")
    COUNTY = ("county", "县级", "county")
    TOWNSHIP = ("township", "乡镇级", "township")

    @property
    def rank(self) -> int:
        """Return 0 for national down to 4 for township."""
        return list(Level).index(self)


class DivisionKind(LabelledEnum):
    """Kind of administrative division; each belongs to one :class:`Level`."""

    COUNTRY = ("country", "国家", "country")
    PROVINCE = ("province", "省", "province")
    AUTONOMOUS_REGION = ("autonomous_region", "自治区", "autonomous region")
    MUNICIPALITY = ("municipality", "直辖市", "province-level municipality")
    PREFECTURE_CITY = ("prefecture_city", "设区市", "prefecture-level city")
    AUTONOMOUS_PREFECTURE = ("autonomous_prefecture", "自治州", "autonomous prefecture")
    COUNTY = ("county", "县", "county")
    AUTONOMOUS_COUNTY = ("autonomous_county", "自治县", "autonomous county")
    COUNTY_CITY = ("county_city", "县级市", "county-level city")
    DISTRICT = ("district", "市辖区", "urban district")
    FUNCTIONAL_ZONE = ("functional_zone", "功能区", "county-level functional zone")
    TOWN = ("town", "镇", "town")
    TOWNSHIP = ("township", "乡", "township")
    SUBDISTRICT = ("subdistrict", "街道", "subdistrict")

    @property
    def level(self) -> Level:
        """Return the administrative level of this kind of division."""
        return _DIVISION_LEVELS[self.value]


_DIVISION_LEVELS = {
    "country": Level.NATIONAL,
    "province": Level.PROVINCIAL,
    "autonomous_region": Level.PROVINCIAL,
    "municipality": Level.PROVINCIAL,
    "prefecture_city": Level.PREFECTURE,
    "autonomous_prefecture": Level.PREFECTURE,
    "county": Level.COUNTY,
    "autonomous_county": Level.COUNTY,
    "county_city": Level.COUNTY,
    "district": Level.COUNTY,
    "functional_zone": Level.COUNTY,
    "town": Level.TOWNSHIP,
    "township": Level.TOWNSHIP,
    "subdistrict": Level.TOWNSHIP,
}


class ZoneKind(LabelledEnum):
    """Kind of county-level functional zone (功能区), governed by a 管委会 and a 党工委."""

    HIGH_TECH = ("high_tech", "高新技术产业开发区", "high-tech zone")
    ECONOMIC_DEVELOPMENT = (
        "economic_development",
        "经济技术开发区",
        "economic and technological development zone",
    )
    TOURISM_RESORT = ("tourism_resort", "旅游度假区", "tourism resort")


class OrgKind(LabelledEnum):
    """Kind of organisation."""

    GOVERNMENT = ("government", "人民政府", "people's government")
    MANAGEMENT_COMMITTEE = ("management_committee", "管理委员会", "management committee (管委会) of a zone")
    PARTY_COMMITTEE = ("party_committee", "党委", "party committee")
    PARTY_WORKING_COMMITTEE = ("party_working_committee", "党工委", "party working committee of a zone")
    ORGANISATION_DEPARTMENT = ("organisation_department", "党委组织部", "party organisation department")
    PUBLICITY_DEPARTMENT = ("publicity_department", "党委宣传部", "party publicity department")
    DISCIPLINE_INSPECTION = (
        "discipline_inspection",
        "纪委监委",
        "discipline inspection and supervision commission",
    )
    ESTABLISHMENT_OFFICE = ("establishment_office", "党委编办", "institutional establishment office")
    PERFORMANCE_OFFICE = ("performance_office", "绩效办", "performance management office")
    EDUCATION_AUTHORITY = ("education_authority", "教育行政部门", "education authority")
    SUPERVISION_BODY = ("supervision_body", "教育督导机构", "education supervision body")
    FINANCE = ("finance", "财政部门", "finance department")
    HUMAN_RESOURCES = (
        "human_resources",
        "人力资源社会保障部门",
        "human resources and social security department",
    )
    PUBLIC_SECURITY = ("public_security", "公安部门", "public security department")
    ENFORCEMENT = ("enforcement", "执法部门", "law enforcement authority")
    PROSECUTION = ("prosecution", "检察机关", "procuratorate")
    DEPARTMENT = ("department", "政府部门", "other government department")
    OTHER = ("other", "其他单位", "other organisation")

    @property
    def is_government(self) -> bool:
        """Return True for people's governments and zone management committees (their equivalent)."""
        return self in (OrgKind.GOVERNMENT, OrgKind.MANAGEMENT_COMMITTEE)

    @classmethod
    def aliases(cls) -> dict[str, str]:
        return {
            "政府": "government",
            "管委会": "management_committee",
            "教育局": "education_authority",
            "教育厅": "education_authority",
            "教委": "education_authority",
            "督导室": "supervision_body",
            "组织部": "organisation_department",
            "编办": "establishment_office",
            "纪委": "discipline_inspection",
        }


class Position(LabelledEnum):
    """A person's position, as far as the rules need it."""

    MAIN_LEADER = ("main_leader", "主要负责人", "main leader")
    LEADER_IN_CHARGE_OF_EDUCATION = (
        "leader_in_charge_of_education",
        "分管教育负责人",
        "leader in charge of education",
    )
    HEAD_OF_EDUCATION_AUTHORITY = (
        "head_of_education_authority",
        "教育行政部门主要负责人",
        "head of the education authority",
    )
    LEADERSHIP_MEMBER = ("leadership_member", "领导班子成员", "member of the leadership")
    SCHOOL_HEAD = ("school_head", "校（园）长", "school head")
    STAFF = ("staff", "工作人员", "staff member")


class SchoolStage(LabelledEnum):
    """Stage (学段) or kind of a supervised institution."""

    KINDERGARTEN = ("kindergarten", "幼儿园", "kindergarten")
    PRIMARY = ("primary", "小学", "primary school")
    JUNIOR_SECONDARY = ("junior_secondary", "初级中学", "junior secondary school")
    SENIOR_SECONDARY = ("senior_secondary", "普通高中", "senior secondary school")
    COMPLETE_SECONDARY = ("complete_secondary", "完全中学", "complete secondary school")
    NINE_YEAR = ("nine_year", "九年一贯制学校", "nine-year school")
    TWELVE_YEAR = ("twelve_year", "十二年一贯制学校", "twelve-year school")
    SECONDARY_VOCATIONAL = ("secondary_vocational", "中等职业学校", "secondary vocational school")
    SPECIAL = ("special", "特殊教育学校", "special education school")
    HIGHER_VOCATIONAL = ("higher_vocational", "高等职业院校", "higher vocational college")
    HIGHER = ("higher", "高等学校", "higher education institution")
    OFF_CAMPUS_TRAINING = ("off_campus_training", "校外培训机构", "off-campus training institution")

    @property
    def is_compulsory(self) -> bool:
        """Return True where the school provides compulsory education (义务教育).

        Special education schools count: they serve mostly the compulsory stages.
        """
        return self in (
            SchoolStage.PRIMARY,
            SchoolStage.JUNIOR_SECONDARY,
            SchoolStage.COMPLETE_SECONDARY,
            SchoolStage.NINE_YEAR,
            SchoolStage.TWELVE_YEAR,
            SchoolStage.SPECIAL,
        )

    @property
    def is_school_or_kindergarten(self) -> bool:
        """Return True for 中小学校和幼儿园 (REG 13; PLQ 1), the scope of responsibility zones.

        Secondary vocational schools count (PLQ: 中小学校含中等职业学校); colleges and off-campus training
        institutions do not.
        """
        return self not in (
            SchoolStage.HIGHER_VOCATIONAL,
            SchoolStage.HIGHER,
            SchoolStage.OFF_CAMPUS_TRAINING,
        )

    @classmethod
    def aliases(cls) -> dict[str, str]:
        return {
            "初中": "junior_secondary",
            "高中": "senior_secondary",
            "职高": "secondary_vocational",
            "中职": "secondary_vocational",
            "特教学校": "special",
            "培训机构": "off_campus_training",
        }


class Ownership(LabelledEnum):
    """Public (公办) or private (民办)."""

    PUBLIC = ("public", "公办", "public")
    PRIVATE = ("private", "民办", "private")


class InspectorKind(LabelledEnum):
    """Rank of an inspector. Only chief, deputy chief and 督学 count as inspectors for ratios."""

    CHIEF = ("chief", "总督学", "chief inspector")
    DEPUTY_CHIEF = ("deputy_chief", "副总督学", "deputy chief inspector")
    INSPECTOR = ("inspector", "督学", "inspector")
    SUPERVISOR = ("supervisor", "教育督导员", "education supervision assistant")
    SCHOOL_VISITOR = ("school_visitor", "学校视导员", "school internal visitor")

    @property
    def is_inspector(self) -> bool:
        """Return True for ranks that are 督学 (counted in staffing ratios)."""
        return self in (InspectorKind.CHIEF, InspectorKind.DEPUTY_CHIEF, InspectorKind.INSPECTOR)


class Employment(LabelledEnum):
    """Full-time (专职) or part-time (兼职)."""

    FULL_TIME = ("full_time", "专职", "full-time")
    PART_TIME = ("part_time", "兼职", "part-time")


class Degree(LabelledEnum):
    """Highest degree."""

    BELOW_BACHELOR = ("below_bachelor", "本科以下", "below bachelor")
    BACHELOR = ("bachelor", "本科", "bachelor")
    MASTER = ("master", "硕士", "master")
    DOCTORATE = ("doctorate", "博士", "doctorate")


class TrainingKind(LabelledEnum):
    """Kind of inspector training."""

    CENTRALISED = ("centralised", "集中培训", "centralised training")
    PRE_JOB = ("pre_job", "岗前培训", "pre-job training")
    OTHER = ("other", "其他培训", "other training")


class AssessmentResult(LabelledEnum):
    """Result of an inspector's assessment (考核)."""

    EXCELLENT = ("excellent", "优秀", "excellent")
    QUALIFIED = ("qualified", "合格", "qualified")
    BASICALLY_QUALIFIED = ("basically_qualified", "基本合格", "basically qualified")
    UNQUALIFIED = ("unqualified", "不合格", "unqualified")


class SupervisionFunction(LabelledEnum):
    """The three functions of education supervision."""

    GOVERNMENT = ("government", "督政", "supervision of governments")
    SCHOOL = ("school", "督学", "supervision of schools")
    EVALUATION_MONITORING = ("evaluation_monitoring", "评估监测", "evaluation and monitoring")


class SupervisionType(LabelledEnum):
    """Type of a supervision."""

    COMPREHENSIVE = ("comprehensive", "综合督导", "comprehensive supervision")
    SPECIAL = ("special", "专项督导", "special supervision")
    REGULAR = ("regular", "经常性督导", "regular supervision")
    TERM_END = ("term_end", "任期结束综合督导", "term-end comprehensive supervision of a head")
    ONSITE_CHECK = ("onsite_check", "实地督查", "on-site check")
    FOLLOW_UP = ("follow_up", "回头看", "follow-up check")
    EVALUATION = ("evaluation", "督导评估", "evaluation")
    MONITORING = ("monitoring", "质量监测", "quality monitoring")

    @property
    def needs_team(self) -> bool:
        """Return True for special and comprehensive supervisions (REG 16, 17): team of ≥ 3, written notice."""
        return self in (SupervisionType.COMPREHENSIVE, SupervisionType.SPECIAL, SupervisionType.TERM_END)

    @property
    def is_comprehensive(self) -> bool:
        """Return True when the supervision counts as comprehensive for cycle rules."""
        return self in (SupervisionType.COMPREHENSIVE, SupervisionType.TERM_END)


class Announcement(LabelledEnum):
    """Announced, or unannounced (暗访: 不发通知、不打招呼)."""

    ANNOUNCED = ("announced", "事先通知", "announced")
    UNANNOUNCED = ("unannounced", "暗访", "unannounced")


class Channel(LabelledEnum):
    """Where a supervision happens."""

    OFFLINE = ("offline", "线下", "on site")
    ONLINE = ("online", "线上", "online")
    HYBRID = ("hybrid", "线上线下结合", "hybrid")


class Presence(LabelledEnum):
    """Visiting, or resident (驻校/蹲点)."""

    VISITING = ("visiting", "巡视", "visiting")
    RESIDENT = ("resident", "驻点", "resident")


class TeamRole(LabelledEnum):
    """Role on a supervision team."""

    LEADER = ("leader", "组长", "team leader")
    MEMBER = ("member", "成员", "member")


class SubjectKind(LabelledEnum):
    """What a polymorphic reference points at (the table it names)."""

    ORGANISATION = ("organisation", "单位", "organisation")
    SCHOOL = ("school", "学校", "school")
    PERSON = ("person", "人员", "person")
    INSPECTOR = ("inspector", "督学", "inspector")

    @property
    def table(self) -> str:
        """Return the dataset table holding this kind of subject."""
        return {
            "organisation": "organisations",
            "school": "schools",
            "person": "persons",
            "inspector": "inspectors",
        }[self.value]


class ProblemCategory(LabelledEnum):
    """Category of a problem found; some categories call for referral (ACC; GX 二(十四))."""

    GENERAL = ("general", "一般问题", "general")
    SAFETY = ("safety", "安全隐患", "safety hazard")
    ILLEGAL_OPERATION = ("illegal_operation", "违法违规办学", "illegal school operation")
    RIGHTS_INFRINGEMENT = ("rights_infringement", "侵犯合法权益", "infringement of rights")
    TEACHER_MISCONDUCT = ("teacher_misconduct", "师德失范", "teacher misconduct")
    SUSPECTED_CRIME = ("suspected_crime", "涉嫌犯罪", "suspected crime")

    @property
    def needs_referral(self) -> bool:
        """Return True where the problem must be referred to enforcement or prosecution."""
        return self is not ProblemCategory.GENERAL and self is not ProblemCategory.SAFETY


class LifecycleStep(LabelledEnum):
    """A step in a problem's rectification lifecycle."""

    FED_BACK = ("fed_back", "反馈", "fed back with a deadline")
    REPORTED = ("reported", "整改报告", "rectification reported")
    URGED = ("urged", "督办", "urging notice")
    VERIFIED = ("verified", "核查销号", "verified and closed")
    FAILED = ("failed", "整改不到位", "rectification failed")
    LOOK_BACK = ("look_back", "回头看", "look-back check")


class LookBackOutcome(LabelledEnum):
    """Outcome of a look-back check."""

    SUSTAINED = ("sustained", "整改成果巩固", "rectification sustained")
    RELAPSED = ("relapsed", "问题反弹", "problem relapsed")


class LiabilityKind(LabelledEnum):
    """Liability of a competent department when rectification fails."""

    JOINT = ("joint", "连带责任", "joint liability")
    LEADERSHIP = ("leadership", "领导责任", "leadership liability")


class InterviewTrigger(LabelledEnum):
    """Circumstances that call for a 约谈 (GX 二(十二); WH (十六); CQ 8)."""

    POLICY_NOT_IMPLEMENTED = ("policy_not_implemented", "贯彻落实教育方针政策不力", "policy not carried out")
    DUTIES_NOT_PERFORMED = ("duties_not_performed", "履行教育职责不到位", "duties not performed")
    PRIORITY_TASKS_LATE = ("priority_tasks_late", "重点任务推进严重滞后", "priority tasks seriously late")
    IRREGULAR_OPERATION = ("irregular_operation", "办学行为不规范", "irregular operation")
    QUALITY_FALLING = ("quality_falling", "教育教学质量下降", "quality falling")
    QUALITY_FALLING_SERIOUSLY = (
        "quality_falling_seriously",
        "教育教学质量严重下降",
        "quality falling seriously",
    )
    SAFETY_PROBLEMS = ("safety_problems", "安全问题较多", "many safety problems")
    RECTIFICATION_INEFFECTIVE = ("rectification_ineffective", "整改不力", "rectification ineffective")
    REFUSING_SUPERVISION = ("refusing_supervision", "拒绝或干扰督导", "refusing or obstructing supervision")
    RESPONSIBILITY_UNASSIGNED = (
        "responsibility_unassigned",
        "双减责任未落实",
        "双减 responsibility unassigned",
    )
    MEASURES_INADEQUATE = ("measures_inadequate", "双减措施不到位", "双减 measures inadequate")
    FREQUENT_PROBLEMS = ("frequent_problems", "问题频发", "frequent problems")


class CircularTrigger(LabelledEnum):
    """Circumstances that call for a 通报 (GX 二(十三); ZB 15; WH (十六))."""

    RECTIFICATION_INEFFECTIVE = ("rectification_ineffective", "整改不力", "rectification ineffective")
    SHIRKING = ("shirking", "推诿扯皮", "shirking")
    INACTION = ("inaction", "不作为", "inaction")
    RECTIFICATION_INCOMPLETE = ("rectification_incomplete", "未完成整改", "rectification not completed")


class AccountabilityTrigger(LabelledEnum):
    """Circumstances that call for accountability (ACC; GX 二(十四); WH (十八))."""

    TARGETS_MISSED = ("targets_missed", "未完成教育目标任务", "education targets missed")
    FAILED_DUTY_EVALUATION = ("failed_duty_evaluation", "履职评价不合格", "failed duty evaluation")
    OBSTRUCTION = ("obstruction", "拒绝、阻挠督导", "obstructing supervision")
    FALSIFICATION = ("falsification", "弄虚作假", "falsified information")
    RECTIFICATION_REFUSED = (
        "rectification_refused",
        "整改不力或拒不整改",
        "rectification refused or ineffective",
    )
    MASS_INCIDENT = ("mass_incident", "群体性事件", "mass incident")
    MAJOR_ACCIDENT = ("major_accident", "失职渎职导致重大事故", "major accident by dereliction")
    RETALIATION = ("retaliation", "打击报复督学", "retaliation against inspectors")
    SERIOUS_CONSEQUENCES = ("serious_consequences", "造成严重后果", "serious consequences followed")


class ObjectClass(LabelledEnum):
    """Class of an accountability object; each class has its own measures (ACC)."""

    UNIT = ("unit", "被督导单位", "unit")
    PERSON = ("person", "相关责任人", "person")
    PRIVATE_SCHOOL_PERSON = ("private_school_person", "民办学校相关责任人", "person at a private school")


class AccountabilityMeasure(LabelledEnum):
    """Accountability measures of 国教督〔2021〕2号; see :func:`measure_allowed`."""

    PUBLIC_CRITICISM = ("public_criticism", "公开批评", "public criticism")
    INTERVIEW = ("interview", "约谈", "interview (约谈)")
    SUPERVISION_CIRCULAR = ("supervision_circular", "督导通报", "supervision circular")
    RESOURCE_ADJUSTMENT = ("resource_adjustment", "资源调整", "adjustment of resources")
    ADMINISTRATIVE_PENALTY = ("administrative_penalty", "行政处罚", "administrative penalty")
    ORDERED_SELF_EXAMINATION = ("ordered_self_examination", "责令检查", "ordered self-examination")
    CIRCULATED_CRITICISM = ("circulated_criticism", "通报批评", "circulated criticism")
    ORGANISATIONAL_HANDLING = ("organisational_handling", "组织处理", "organisational handling")
    DISCIPLINARY_SANCTION = ("disciplinary_sanction", "处分", "disciplinary sanction")
    REFERRAL = ("referral", "移交", "referral to the competent authority")
    CONFISCATION = ("confiscation", "罚没违法所得", "confiscation of illegal gains")
    OCCUPATIONAL_BAN = ("occupational_ban", "从业禁止", "occupational ban")
    CREDIT_RECORD = ("credit_record", "纳入诚信记录", "entry in the credit record")


class CommendationKind(LabelledEnum):
    """Kind of favourable decision about a unit or person."""

    COMMENDATION = ("commendation", "表彰", "commendation")
    AWARD = ("award", "评优评先", "award")
    PROMOTION = ("promotion", "提拔任用", "promotion")
    KEY_POST = ("key_post", "重要岗位任用", "appointment to a key post")
    FAVOURED_TREATMENT = ("favoured_treatment", "政策资源倾斜", "favoured treatment in policy and funding")


class EvaluationResult(LabelledEnum):
    """Result of a government's education-duty evaluation."""

    EXCELLENT = ("excellent", "优秀", "excellent")
    GOOD = ("good", "良好", "good")
    QUALIFIED = ("qualified", "合格", "qualified")
    UNQUALIFIED = ("unqualified", "不合格", "unqualified")


class MeetingKind(LabelledEnum):
    """Kind of committee meeting."""

    PLENARY = ("plenary", "全体会议", "plenary meeting")
    DIRECTORS = ("directors", "主任办公会议", "directors' meeting")
    LIAISON = ("liaison", "联络员会议", "liaison officers' meeting")
    OTHER = ("other", "其他会议", "other meeting")


class ReportItem(LabelledEnum):
    """What a supervision body reports to the body above it (GX 二(二); WH (四))."""

    WORK_PLAN = ("work_plan", "工作计划", "work plan")
    RESULTS = ("results", "督导结果", "supervision results")
    ANNUAL_REPORT = ("annual_report", "年度报告", "annual report")
    STAFF_CHANGES = ("staff_changes", "人员变动", "staff changes")
