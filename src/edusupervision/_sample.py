"""The bundled sample: 青山县, a synthetic county of 云州市 in 示范省, with deliberate violations.

Every name is fictional. The data describe the county as of 2024-12-31: 60 schools and institutions of every
stage, 16 inspectors, a committee, a year of regular visits, five years of comprehensive supervisions,
government supervision and evaluation, problems with their rectification, 约谈, 通报, 问责 and commendations.

The deliberate violations are listed in :data:`DELIBERATE_VIOLATIONS` (rule id → subject ids) and in
``docs/sample.md``; the test suite checks that validation finds each one and nothing else.
"""

from __future__ import annotations

import datetime as dt
import random
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from edusupervision._domain._dataset import Dataset, DatasetInfo
from edusupervision._domain._enums import (
    AccountabilityMeasure,
    AccountabilityTrigger,
    Announcement,
    AssessmentResult,
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
    ProblemCategory,
    ReportItem,
    SchoolStage,
    SubjectKind,
    SupervisionFunction,
    SupervisionType,
    TeamRole,
    TrainingKind,
)
from edusupervision._domain._model import (
    AccountabilityDecision,
    Assessment,
    Assignment,
    Budget,
    Circular,
    Commendation,
    Committee,
    CommitteeMember,
    Division,
    DutyEvaluation,
    Inspector,
    Interview,
    Meeting,
    NearRelative,
    Organisation,
    Person,
    Problem,
    RectificationEvent,
    School,
    Supervision,
    TeamMember,
    Training,
    UpwardReport,
    Visit,
    Zone,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["DELIBERATE_VIOLATIONS", "REFERENCE_DATE", "sample_dataset"]

REFERENCE_DATE: Final = dt.date(2024, 12, 31)
_D = dt.date
COUNTY: Final = "div-qingshan"

#: rule id → ids of the subjects deliberately made to violate it under the ``national`` profile.
DELIBERATE_VIOLATIONS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "inspector.training_hours": ("insp-07",),
        "inspector.pre_job_training": ("insp-16",),
        "inspector.qualification": ("insp-09",),
        "inspector.part_time_term": ("insp-11",),
        "inspector.recusal": ("sv-c-recusal",),
        "inspector.public_contact": ("asg-insp-04-sch-016",),
        "zone.coverage": ("sch-058",),
        "zone.inspector_load": ("insp-12",),
        "school.regular_visits": ("sch-005", "sch-058"),
        "school.comprehensive_cycle": ("sch-031",),
        "school.principal_term_end": ("sch-022",),
        "government.duty_evaluation": ("org-xh-gov",),
        "reform.target_2022": ("div-qingshan",),
        "supervision.team_size": ("sv-s-small-team",),
        "supervision.written_notice": ("sv-c-no-notice",),
        "supervision.report": ("sv-c-no-report",),
        "rectification.reported": ("prb-05",),
        "rectification.urging": ("prb-05",),
        "rectification.look_back": ("prb-06",),
        "interview.triggers": ("itv-03",),
        "accountability.measures": ("acc-02",),
        "accountability.investigation_window": ("acc-02",),
        "accountability.review_deadlines": ("acc-01",),
        "accountability.aggravated": ("acc-03",),
    }
)

_TOWNS = (
    ("div-chengguan", "城关镇", DivisionKind.TOWN, "cg"),
    ("div-dongping", "东坪乡", DivisionKind.TOWNSHIP, "dp"),
    ("div-xihe", "西河镇", DivisionKind.TOWN, "xh"),
    ("div-nanshan", "南山街道", DivisionKind.SUBDISTRICT, "ns"),
)

# (stage, count, name pattern); 60 institutions in all.
_STAGES = (
    (SchoolStage.KINDERGARTEN, 18, "{town}第{n}幼儿园"),
    (SchoolStage.PRIMARY, 22, "{town}第{n}小学"),
    (SchoolStage.JUNIOR_SECONDARY, 8, "{town}第{n}初级中学"),
    (SchoolStage.NINE_YEAR, 3, "{town}第{n}九年一贯制学校"),
    (SchoolStage.SENIOR_SECONDARY, 2, "青山县第{n}高级中学"),
    (SchoolStage.COMPLETE_SECONDARY, 1, "青山县第{n}完全中学"),
    (SchoolStage.SECONDARY_VOCATIONAL, 1, "青山县职业中等专业学校"),
    (SchoolStage.SPECIAL, 1, "青山县特殊教育学校"),
    (SchoolStage.KINDERGARTEN, 3, "{town}阳光第{n}幼儿园"),  # private
    (SchoolStage.OFF_CAMPUS_TRAINING, 1, "青山县启明培训学校"),  # private
)


def _hierarchy() -> tuple[list[Division], list[Organisation], list[Person]]:
    divisions = [
        Division(id="div-shifan", name="示范省", kind=DivisionKind.PROVINCE),
        Division(id="div-yunzhou", name="云州市", kind=DivisionKind.PREFECTURE_CITY, parent_id="div-shifan"),
        Division(id=COUNTY, name="青山县", kind=DivisionKind.COUNTY, parent_id="div-yunzhou"),
        *(Division(id=i, name=n, kind=k, parent_id=COUNTY) for i, n, k, _ in _TOWNS),
    ]

    def org(oid: str, name: str, kind: OrgKind, division: str, parent: str | None = None) -> Organisation:
        return Organisation(id=oid, name=name, kind=kind, division_id=division, parent_id=parent)

    orgs = [
        org("org-sf-gov", "示范省人民政府", OrgKind.GOVERNMENT, "div-shifan"),
        org("org-sf-edu", "示范省教育厅", OrgKind.EDUCATION_AUTHORITY, "div-shifan", "org-sf-gov"),
        org("org-sf-body", "示范省人民政府教育督导室", OrgKind.SUPERVISION_BODY, "div-shifan", "org-sf-gov"),
        org("org-yz-gov", "云州市人民政府", OrgKind.GOVERNMENT, "div-yunzhou"),
        org("org-yz-edu", "云州市教育局", OrgKind.EDUCATION_AUTHORITY, "div-yunzhou", "org-yz-gov"),
        org("org-yz-body", "云州市人民政府教育督导室", OrgKind.SUPERVISION_BODY, "div-yunzhou", "org-yz-gov"),
        org("org-qs-gov", "青山县人民政府", OrgKind.GOVERNMENT, COUNTY),
        org("org-qs-party", "中共青山县委员会", OrgKind.PARTY_COMMITTEE, COUNTY),
        org("org-qs-org", "中共青山县委组织部", OrgKind.ORGANISATION_DEPARTMENT, COUNTY, "org-qs-party"),
        org("org-qs-pub", "中共青山县委宣传部", OrgKind.PUBLICITY_DEPARTMENT, COUNTY, "org-qs-party"),
        org("org-qs-disc", "青山县纪委监委", OrgKind.DISCIPLINE_INSPECTION, COUNTY),
        org(
            "org-qs-est",
            "中共青山县委机构编制委员会办公室",
            OrgKind.ESTABLISHMENT_OFFICE,
            COUNTY,
            "org-qs-party",
        ),
        org("org-qs-perf", "青山县绩效考核办公室", OrgKind.PERFORMANCE_OFFICE, COUNTY, "org-qs-gov"),
        org("org-qs-edu", "青山县教育局", OrgKind.EDUCATION_AUTHORITY, COUNTY, "org-qs-gov"),
        org("org-qs-body", "青山县人民政府教育督导室", OrgKind.SUPERVISION_BODY, COUNTY, "org-qs-gov"),
        org("org-qs-fin", "青山县财政局", OrgKind.FINANCE, COUNTY, "org-qs-gov"),
        org("org-qs-hr", "青山县人力资源和社会保障局", OrgKind.HUMAN_RESOURCES, COUNTY, "org-qs-gov"),
        org("org-qs-ps", "青山县公安局", OrgKind.PUBLIC_SECURITY, COUNTY, "org-qs-gov"),
        org("org-qs-health", "青山县卫生健康局", OrgKind.DEPARTMENT, COUNTY, "org-qs-gov"),
        org("org-qs-market", "青山县市场监督管理局", OrgKind.ENFORCEMENT, COUNTY, "org-qs-gov"),
        org("org-qs-proc", "青山县人民检察院", OrgKind.PROSECUTION, COUNTY),
        *(
            org(
                f"org-{code}-gov",
                f"{name}人民政府" if kind is not DivisionKind.SUBDISTRICT else f"{name}办事处",
                OrgKind.GOVERNMENT,
                did,
                None,
            )
            for did, name, kind, code in _TOWNS
        ),
    ]
    persons = [
        Person(id="p-qs-mayor", name="林建国", organisation_id="org-qs-gov", position=Position.MAIN_LEADER),
        Person(
            id="p-qs-vice",
            name="周文华",
            organisation_id="org-qs-gov",
            position=Position.LEADER_IN_CHARGE_OF_EDUCATION,
        ),
        Person(
            id="p-qs-edu-head",
            name="陈志远",
            organisation_id="org-qs-edu",
            position=Position.HEAD_OF_EDUCATION_AUTHORITY,
        ),
        Person(
            id="p-qs-edu-deputy",
            name="吴秀兰",
            organisation_id="org-qs-edu",
            position=Position.LEADERSHIP_MEMBER,
        ),
        Person(id="p-xh-head", name="黄海涛", organisation_id="org-xh-gov", position=Position.MAIN_LEADER),
        Person(
            id="p-xh-deputy", name="郑丽娟", organisation_id="org-xh-gov", position=Position.LEADERSHIP_MEMBER
        ),
        Person(id="p-dp-head", name="孙立新", organisation_id="org-dp-gov", position=Position.MAIN_LEADER),
    ]
    return divisions, orgs, persons


def _committee(persons: list[Person]) -> tuple[list[Committee], list[CommitteeMember], list[Meeting]]:
    members = (
        "org-qs-edu",
        "org-qs-fin",
        "org-qs-hr",
        "org-qs-est",
        "org-qs-org",
        "org-qs-pub",
        "org-qs-ps",
        "org-qs-health",
        "org-qs-market",
    )
    liaisons: list[CommitteeMember] = []
    surnames = "赵钱孙李周吴郑王冯"
    for i, unit in enumerate(members):
        liaison = None
        if unit != "org-qs-market":  # the market regulator has named no liaison officer (GX/WH rule only)
            liaison = f"p-liaison-{i + 1:02d}"
            persons.append(Person(id=liaison, name=f"{surnames[i]}联络", organisation_id=unit))
        liaisons.append(CommitteeMember(committee_id="cmt-qs", organisation_id=unit, liaison_id=liaison))
    committee = Committee(
        id="cmt-qs",
        name="青山县人民政府教育督导委员会",
        government_id="org-qs-gov",
        office_host_id="org-qs-edu",
        director_id="p-qs-vice",
        deputy_ids=("p-qs-edu-head",),
        established_on=_D(2020, 9, 1),
    )
    meetings = [
        Meeting(id="mtg-2024-1", committee_id="cmt-qs", date=_D(2024, 3, 15), kind=MeetingKind.PLENARY)
    ]
    return [committee], liaisons, meetings


def _schools(rng: random.Random, persons: list[Person]) -> list[School]:
    schools: list[School] = []
    number = 0
    for stage, count, pattern in _STAGES:
        private = "阳光" in pattern or stage is SchoolStage.OFF_CAMPUS_TRAINING
        for n in range(1, count + 1):
            number += 1
            sid = f"sch-{number:03d}"
            _did, town, _kind, _code = _TOWNS[(number - 1) % len(_TOWNS)]
            head = f"p-head-{number:03d}"
            persons.append(Person(id=head, name=f"校长{number:03d}", position=Position.SCHOOL_HEAD))
            start = _D(2019 + number % 4, 9, 1)
            schools.append(
                School(
                    id=sid,
                    name=pattern.format(town=town, n=n),
                    stage=stage,
                    ownership=Ownership.PRIVATE if private else Ownership.PUBLIC,
                    division_id=COUNTY,
                    township_id=_TOWNS[(number - 1) % len(_TOWNS)][0],
                    zone_id=None
                    if stage is SchoolStage.OFF_CAMPUS_TRAINING
                    else f"zone-{(number - 1) % 4 + 1}",
                    administered_by="org-qs-edu",
                    student_count=rng.randint(80, 2400),
                    legal_person=True,
                    head_id=head,
                    head_term_start=start,
                    head_term_end=_D(start.year + 5, 8, 31),
                )
            )
    # sch-022 and sch-023: heads whose terms ended in 2023 (sch-023 got its term-end supervision, sch-022 not).
    for sid in ("sch-022", "sch-023"):
        i = int(sid[-3:]) - 1
        schools[i] = attrs.evolve(schools[i], head_term_start=_D(2018, 9, 1), head_term_end=_D(2023, 8, 31))
    # sch-058 (a private kindergarten) was opened in 2024 and never put in a zone.
    schools[57] = attrs.evolve(schools[57], zone_id=None)
    return schools


def _inspectors() -> tuple[list[Inspector], list[Training], list[Assessment], list[NearRelative]]:
    inspectors: list[Inspector] = []
    trainings: list[Training] = []
    assessments: list[Assessment] = []
    names = (
        "何国栋 马丽华 罗建平 高明 梁红 宋志强 唐雪梅 许文斌 韩冰 冯雅琴 邓卫东 曹建华 彭静 曾志勇 肖玲 田野"
    )
    for n, name in enumerate(names.split(), start=1):
        iid = f"insp-{n:02d}"
        full = n <= 4
        inspectors.append(
            Inspector(
                id=iid,
                name=name,
                kind=InspectorKind.INSPECTOR,
                employment=Employment.FULL_TIME if full else Employment.PART_TIME,
                responsibility=n <= 12,
                appointed_by="org-qs-gov",
                division_id=COUNTY,
                appointed_on=_D(2024, 3, 1) if n == 16 else _D(2018, 9, 1),
                term_start=_D(2024, 3, 1) if n == 16 else _D(2022, 9, 1),
                term_end=_D(2027, 2, 28) if n == 16 else _D(2025, 8, 31),
                consecutive_terms=4 if n == 11 else 2,
                degree=Degree.BACHELOR,
                education_years=8 if n == 9 else 15 + n,
                retired_on=_D(2014, 7, 31) if n == 14 else None,
            )
        )
        hours = (16.0, 8.0) if n == 7 else (24.0, 24.0)
        trainings += [
            Training(id=f"trn-{iid}-1", inspector_id=iid, date=_D(2024, 4, 12), hours=hours[0]),
            Training(id=f"trn-{iid}-2", inspector_id=iid, date=_D(2024, 10, 18), hours=hours[1]),
        ]
        # insp-16's pre-job training came only after the first supervision (2024-04-10)
        trainings.append(
            Training(
                id=f"trn-{iid}-pre",
                inspector_id=iid,
                date=_D(2024, 5, 20) if n == 16 else _D(2018, 8, 24),
                hours=16.0,
                kind=TrainingKind.PRE_JOB,
            )
        )
        assessments.append(
            Assessment(
                id=f"asm-{iid}-2023",
                inspector_id=iid,
                year=2023,
                result=AssessmentResult.UNQUALIFIED if n == 15 else AssessmentResult.QUALIFIED,
            )
        )
    # full-time inspectors were reappointed for a new term in 2024
    inspectors[:4] = [
        attrs.evolve(i, term_start=_D(2024, 9, 1), term_end=_D(2027, 8, 31)) for i in inspectors[:4]
    ]
    relatives = [NearRelative(inspector_id="insp-06", person_id="p-head-040", relation="配偶")]
    return inspectors, trainings, assessments, relatives


def _assignments_and_visits(schools: list[School]) -> tuple[list[Assignment], list[Visit]]:
    in_scope = [s for s in schools if s.zone_id is not None]
    assignments: list[Assignment] = []
    # insp-12 covers six schools (one above the PLQ load of five); the others at most five.
    loads = [5] * 9 + [4, 3, 6]
    cursor = 0
    for n, load in enumerate(loads, start=1):
        for school in in_scope[cursor : cursor + load]:
            aid = f"asg-insp-{n:02d}-{school.id}"
            assignments.append(
                Assignment(
                    id=aid,
                    inspector_id=f"insp-{n:02d}",
                    school_id=school.id,
                    start=_D(2021, 9, 1),
                    contact_posted=aid != "asg-insp-04-sch-016",
                )
            )
        cursor += load
    visits: list[Visit] = []
    teaching_months = (3, 4, 5, 6, 9, 10, 11, 12)
    for a in assignments:
        months = (3,) if a.school_id == "sch-005" else teaching_months
        for month in months:
            day = 8 + int(a.school_id[-3:]) % 15
            visits.append(
                Visit(
                    id=f"vis-{a.school_id}-{month:02d}",
                    inspector_id=a.inspector_id,
                    school_id=a.school_id,
                    date=_D(2024, month, day),
                    announcement=Announcement.UNANNOUNCED if month in (5, 11) else Announcement.ANNOUNCED,
                )
            )
    return assignments, visits


def _school_supervisions(schools: list[School]) -> tuple[list[Supervision], list[TeamMember]]:
    sups: list[Supervision] = []
    team: list[TeamMember] = []
    rota = [f"insp-{n:02d}" for n in range(1, 16) if n != 6]

    def add(
        sid: str,
        school: str,
        start: dt.date,
        kind: SupervisionType,
        members: tuple[str, ...],
        *,
        announcement: Announcement = Announcement.ANNOUNCED,
        notice: bool = True,
        report: bool = True,
    ) -> None:
        sups.append(
            Supervision(
                id=sid,
                function=SupervisionFunction.SCHOOL,
                type=kind,
                body_id="org-qs-body",
                subject_kind=SubjectKind.SCHOOL,
                subject_id=school,
                start=start,
                end=start + dt.timedelta(days=1),
                announcement=announcement,
                notice_on=start - dt.timedelta(days=7) if notice else None,
                report_on=start + dt.timedelta(days=20) if report else None,
                report_published=True if report else None,
                report_filed=True if report else None,
                feedback_on=start + dt.timedelta(days=10),
                feedback_itemised=True,
            )
        )
        team.extend(
            TeamMember(
                supervision_id=sid, inspector_id=m, role=TeamRole.LEADER if i == 0 else TeamRole.MEMBER
            )
            for i, m in enumerate(members)
        )

    for i, school in enumerate(schools):
        if school.stage is SchoolStage.OFF_CAMPUS_TRAINING:
            continue
        year = 2020 + i % 5
        if school.id == "sch-031":
            year = 2019  # outside the five-year cycle ending 2024-12-31
        start = _D(year, 3 + (i % 3) * 3, 5 + i % 20)
        members = tuple(rota[(i + k) % len(rota)] for k in range(3))
        sid = f"sv-c-{school.id}"
        if school.id == "sch-040":
            sid, members = "sv-c-recusal", ("insp-06", *members[:2])  # insp-06's spouse heads sch-040
        if school.id == "sch-012":
            sid = "sv-c-no-notice"
        if school.id == "sch-017":
            sid = "sv-c-no-report"
        add(
            sid,
            school.id,
            start,
            SupervisionType.COMPREHENSIVE,
            members,
            notice=school.id != "sch-012",
            report=school.id != "sch-017",
        )
    add(
        "sv-t-sch-023",
        "sch-023",
        _D(2024, 4, 10),
        SupervisionType.TERM_END,
        ("insp-16", "insp-02", "insp-03"),
    )
    add("sv-s-small-team", "sch-045", _D(2024, 5, 14), SupervisionType.SPECIAL, ("insp-01", "insp-02"))
    add(
        "sv-s-safety",
        "sch-010",
        _D(2024, 4, 22),
        SupervisionType.SPECIAL,
        ("insp-01", "insp-03", "insp-05"),
        announcement=Announcement.UNANNOUNCED,
        notice=False,
    )
    return sups, team


def _government_supervision() -> tuple[list[Supervision], list[TeamMember], list[DutyEvaluation]]:
    sups = [
        Supervision(
            id="sv-g-2022",
            title="云州市对青山县政府履行教育职责专项督导",
            function=SupervisionFunction.GOVERNMENT,
            type=SupervisionType.SPECIAL,
            body_id="org-yz-body",
            subject_kind=SubjectKind.ORGANISATION,
            subject_id="org-qs-gov",
            start=_D(2022, 10, 10),
            end=_D(2022, 10, 14),
            notice_on=_D(2022, 9, 26),
            report_on=_D(2022, 11, 20),
            report_published=True,
            report_filed=True,
            feedback_on=_D(2022, 11, 1),
            feedback_itemised=True,
            feedback_meeting=True,
            meeting_invitees=("org-qs-disc", "org-qs-org", "org-qs-perf"),
        ),
        Supervision(
            id="sv-g-xh-2024",
            title="青山县对西河镇政府履行教育职责专项督导",
            function=SupervisionFunction.GOVERNMENT,
            type=SupervisionType.SPECIAL,
            body_id="org-qs-body",
            subject_kind=SubjectKind.ORGANISATION,
            subject_id="org-xh-gov",
            start=_D(2024, 3, 18),
            end=_D(2024, 3, 20),
            notice_on=_D(2024, 3, 8),
            report_on=_D(2024, 4, 15),
            report_published=True,
            report_filed=True,
            feedback_on=_D(2024, 3, 28),
            feedback_itemised=True,
            feedback_meeting=True,
            meeting_invitees=("org-qs-disc", "org-qs-org"),
        ),
    ]
    for year, (_did, name, _kind, code) in zip(
        (2021, 2022, 2023), (_TOWNS[0], _TOWNS[1], _TOWNS[3]), strict=True
    ):
        start = _D(year, 5, 10)
        sups.append(
            Supervision(
                id=f"sv-g-{code}-{year}",
                title=f"青山县对{name}履行教育职责综合督导",
                function=SupervisionFunction.GOVERNMENT,
                type=SupervisionType.COMPREHENSIVE,
                body_id="org-qs-body",
                subject_kind=SubjectKind.ORGANISATION,
                subject_id=f"org-{code}-gov",
                start=start,
                end=start + dt.timedelta(days=2),
                notice_on=start - dt.timedelta(days=10),
                report_on=start + dt.timedelta(days=30),
                report_published=True,
                report_filed=True,
                feedback_on=start + dt.timedelta(days=12),
                feedback_itemised=True,
            )
        )
    team = [
        TeamMember(
            supervision_id=s.id,
            inspector_id=f"insp-0{n}",
            role=TeamRole.LEADER if n == 1 else TeamRole.MEMBER,
        )
        for s in sups[1:]
        for n in (1, 2, 3)
    ]
    team += [
        TeamMember(
            supervision_id="sv-g-2022",
            inspector_id=f"insp-yz-{n}",
            role=TeamRole.LEADER if n == 1 else TeamRole.MEMBER,
        )
        for n in (1, 2, 3)
    ]
    evaluations = [
        DutyEvaluation(
            id="eval-2023-qs",
            year=2023,
            evaluator_id="org-yz-body",
            evaluatee_id="org-qs-gov",
            result=EvaluationResult.GOOD,
            date=_D(2024, 3, 30),
        ),
        DutyEvaluation(
            id="eval-2023-cg",
            year=2023,
            evaluator_id="org-qs-body",
            evaluatee_id="org-cg-gov",
            result=EvaluationResult.GOOD,
            date=_D(2024, 3, 20),
        ),
        DutyEvaluation(
            id="eval-2023-dp",
            year=2023,
            evaluator_id="org-qs-body",
            evaluatee_id="org-dp-gov",
            result=EvaluationResult.EXCELLENT,
            date=_D(2024, 3, 20),
        ),
        DutyEvaluation(
            id="eval-2023-ns",
            year=2023,
            evaluator_id="org-qs-body",
            evaluatee_id="org-ns-gov",
            result=EvaluationResult.QUALIFIED,
            date=_D(2024, 3, 20),
        ),
        # 西河镇 (org-xh-gov) has no evaluation for 2023: a deliberate violation.
    ]
    return sups, team, evaluations


def _ev(
    eid: str,
    problem: str,
    step: LifecycleStep,
    date: dt.date,
    *,
    deadline: dt.date | None = None,
    published: bool | None = None,
    outcome: LookBackOutcome | None = None,
    liable_id: str | None = None,
    liability: LiabilityKind | None = None,
    document_no: str | None = None,
) -> RectificationEvent:
    return RectificationEvent(
        id=eid,
        problem_id=problem,
        step=step,
        date=date,
        deadline=deadline,
        published=published,
        outcome=outcome,
        liable_id=liable_id,
        liability=liability,
        document_no=document_no,
    )


def _follow_up() -> dict[str, list[Any]]:
    """Problems, their lifecycle and the consequences: one story per problem (see docs/sample.md)."""
    fb, rp, ur, vf, fl, lb = (
        LifecycleStep.FED_BACK,
        LifecycleStep.REPORTED,
        LifecycleStep.URGED,
        LifecycleStep.VERIFIED,
        LifecycleStep.FAILED,
        LifecycleStep.LOOK_BACK,
    )
    problems = [
        Problem(
            id="prb-01",
            supervision_id="sv-c-sch-002",
            found_on=_D(2023, 6, 9),
            description="校舍消防通道堵塞",
            category=ProblemCategory.SAFETY,
            competent_id="org-qs-edu",
        ),
        Problem(
            id="prb-02",
            supervision_id="sv-g-xh-2024",
            found_on=_D(2024, 3, 20),
            description="学前教育公用经费未按时足额拨付",
            competent_id="org-qs-edu",
        ),
        Problem(
            id="prb-03",
            supervision_id="sv-g-xh-2024",
            found_on=_D(2024, 3, 20),
            description="义务教育学校教师培训经费不足",
            competent_id="org-qs-edu",
        ),
        Problem(
            id="prb-04",
            supervision_id="sv-s-safety",
            found_on=_D(2024, 4, 23),
            description="违规收取择校费",
            category=ProblemCategory.ILLEGAL_OPERATION,
            competent_id="org-qs-edu",
            referred_to="org-qs-market",
            referred_on=_D(2024, 5, 6),
        ),
        Problem(
            id="prb-05",
            supervision_id="sv-c-sch-030",
            found_on=_D(2024, 9, 5),
            description="课后服务收费不规范",
            competent_id="org-qs-edu",
        ),
        Problem(
            id="prb-06",
            supervision_id="sv-c-sch-020",
            found_on=_D(2023, 4, 10),
            description="食堂台账不全",
            competent_id="org-qs-edu",
        ),
        Problem(
            id="prb-07",
            supervision_id="sv-c-sch-035",
            found_on=_D(2024, 12, 20),
            description="作业公示不及时",
            competent_id="org-qs-edu",
        ),
        Problem(
            id="prb-08",
            supervision_id="sv-c-sch-025",
            found_on=_D(2023, 9, 18),
            description="大班额未消除",
            competent_id="org-qs-edu",
        ),
        Problem(
            id="prb-09",
            supervision_id="sv-c-sch-045",
            found_on=_D(2024, 9, 10),
            description="体育课时不足",
            competent_id="org-qs-edu",
        ),
    ]
    events = [
        # prb-01: fed back, reported on time, verified, look-back sustained (closed)
        _ev("ev-01-1", "prb-01", fb, _D(2023, 6, 20), deadline=_D(2023, 8, 31)),
        _ev("ev-01-2", "prb-01", rp, _D(2023, 8, 25), published=True),
        _ev("ev-01-3", "prb-01", vf, _D(2023, 9, 15)),
        _ev("ev-01-4", "prb-01", lb, _D(2024, 5, 10), outcome=LookBackOutcome.SUSTAINED),
        # prb-02: deadline missed; urged within 10 days with a new deadline; reported; verified
        _ev("ev-02-1", "prb-02", fb, _D(2024, 3, 28), deadline=_D(2024, 6, 30)),
        _ev(
            "ev-02-2",
            "prb-02",
            ur,
            _D(2024, 7, 10),
            deadline=_D(2024, 8, 31),
            document_no="青督办〔2024〕3号",
        ),
        _ev("ev-02-3", "prb-02", rp, _D(2024, 8, 28), published=True),
        _ev("ev-02-4", "prb-02", vf, _D(2024, 9, 20)),
        # prb-03: reported, verification failed (joint liability), urged, reported again: awaiting verification
        _ev("ev-03-1", "prb-03", fb, _D(2024, 3, 28), deadline=_D(2024, 6, 30)),
        _ev("ev-03-2", "prb-03", rp, _D(2024, 6, 25), published=True),
        _ev("ev-03-3", "prb-03", fl, _D(2024, 7, 20), liable_id="org-qs-edu", liability=LiabilityKind.JOINT),
        _ev(
            "ev-03-4",
            "prb-03",
            ur,
            _D(2024, 7, 25),
            deadline=_D(2024, 10, 31),
            document_no="青督办〔2024〕5号",
        ),
        _ev("ev-03-5", "prb-03", rp, _D(2024, 10, 28), published=True),
        # prb-04: illegal fees: referred to the market regulator; fed back; reported; verified
        _ev("ev-04-1", "prb-04", fb, _D(2024, 5, 6), deadline=_D(2024, 7, 31)),
        _ev("ev-04-2", "prb-04", rp, _D(2024, 7, 15), published=True),
        _ev("ev-04-3", "prb-04", vf, _D(2024, 8, 20)),
        # prb-05: deadline 2024-11-15 missed, no report, no urging notice (deliberate)
        _ev("ev-05-1", "prb-05", fb, _D(2024, 9, 16), deadline=_D(2024, 11, 15)),
        # prb-06: closed 2023-06-30 and never looked back at (deliberate)
        _ev("ev-06-1", "prb-06", fb, _D(2023, 4, 20), deadline=_D(2023, 5, 31)),
        _ev("ev-06-2", "prb-06", rp, _D(2023, 5, 26), published=True),
        _ev("ev-06-3", "prb-06", vf, _D(2023, 6, 30)),
        # prb-07: found on 2024-12-20, not yet fed back (state: found)
        # prb-08: closed, relapsed at the look-back, fed back again (state: fed back)
        _ev("ev-08-1", "prb-08", fb, _D(2023, 9, 28), deadline=_D(2023, 11, 30)),
        _ev("ev-08-2", "prb-08", rp, _D(2023, 11, 20), published=True),
        _ev("ev-08-3", "prb-08", vf, _D(2023, 12, 8)),
        _ev("ev-08-4", "prb-08", lb, _D(2024, 6, 12), outcome=LookBackOutcome.RELAPSED),
        _ev("ev-08-5", "prb-08", fb, _D(2024, 6, 20), deadline=_D(2025, 1, 31)),
        # prb-09: deadline missed, urged with a new deadline in 2025 (state: urged)
        _ev("ev-09-1", "prb-09", fb, _D(2024, 9, 20), deadline=_D(2024, 11, 30)),
        _ev(
            "ev-09-2",
            "prb-09",
            ur,
            _D(2024, 12, 6),
            deadline=_D(2025, 2, 28),
            document_no="青督办〔2024〕9号",
        ),
    ]
    interviews = [
        Interview(
            id="itv-01",
            date=_D(2024, 8, 5),
            body_id="org-qs-body",
            subject_id="org-xh-gov",
            person_id="p-xh-head",
            triggers=(InterviewTrigger.RECTIFICATION_INEFFECTIVE,),
            problem_id="prb-03",
            record_filed=True,
            co_convened_with=("org-qs-disc", "org-qs-org"),
        ),
        Interview(
            id="itv-02",
            date=_D(2024, 5, 20),
            body_id="org-qs-body",
            subject_kind=SubjectKind.SCHOOL,
            subject_id="sch-010",
            person_id="p-head-010",
            triggers=(InterviewTrigger.IRREGULAR_OPERATION,),
            problem_id="prb-04",
            record_filed=True,
            co_convened_with=("org-qs-disc", "org-qs-org"),
        ),
        # itv-03: a 约谈 with no trigger recorded (deliberate)
        Interview(
            id="itv-03",
            date=_D(2024, 11, 20),
            body_id="org-qs-body",
            subject_kind=SubjectKind.SCHOOL,
            subject_id="sch-045",
            person_id="p-head-045",
            record_filed=True,
            co_convened_with=("org-qs-disc", "org-qs-org"),
        ),
    ]
    circulars = [
        Circular(
            id="ntc-01",
            date=_D(2024, 8, 12),
            body_id="org-qs-body",
            subject_id="org-xh-gov",
            triggers=(CircularTrigger.RECTIFICATION_INEFFECTIVE,),
            problem_id="prb-03",
            names_leadership=True,
        ),
    ]
    person = (ObjectClass.PERSON, SubjectKind.PERSON)
    decisions = [
        AccountabilityDecision(
            id="acc-01",
            object_class=person[0],
            subject_kind=person[1],
            subject_id="p-xh-deputy",
            measure=AccountabilityMeasure.CIRCULATED_CRITICISM,
            decided_on=_D(2024, 9, 10),
            decided_by="org-qs-gov",
            supervision_id="sv-g-xh-2024",
            triggers=(AccountabilityTrigger.TARGETS_MISSED, AccountabilityTrigger.RECTIFICATION_REFUSED),
            investigation_formed_on=_D(2024, 4, 15),
            published=True,
            aggravated=False,
            review_applied_on=_D(2024, 9, 20),
            review_decided_on=_D(2024, 10, 30),  # decided in 40 days (deliberate)
        ),
        # acc-02: a person's measure (处分) against a unit, and an investigation formed 100 days late (deliberate)
        AccountabilityDecision(
            id="acc-02",
            object_class=ObjectClass.UNIT,
            subject_kind=SubjectKind.ORGANISATION,
            subject_id="org-ns-gov",
            measure=AccountabilityMeasure.DISCIPLINARY_SANCTION,
            decided_on=_D(2023, 9, 1),
            decided_by="org-qs-gov",
            supervision_id="sv-g-ns-2023",
            triggers=(AccountabilityTrigger.OBSTRUCTION,),
            investigation_formed_on=_D(2023, 8, 20),
            published=True,
            aggravated=False,
        ),
        # acc-03: the same person again within 365 days of acc-01, not handled as aggravated (deliberate)
        AccountabilityDecision(
            id="acc-03",
            object_class=person[0],
            subject_kind=person[1],
            subject_id="p-xh-deputy",
            measure=AccountabilityMeasure.ORGANISATIONAL_HANDLING,
            decided_on=_D(2024, 12, 2),
            decided_by="org-qs-gov",
            supervision_id="sv-g-xh-2024",
            triggers=(AccountabilityTrigger.TARGETS_MISSED,),
            investigation_formed_on=_D(2024, 4, 15),
            published=True,
            aggravated=False,
        ),
        # acc-04: 启明培训学校's licence revoked after serious consequences; the licensing authority notified
        AccountabilityDecision(
            id="acc-04",
            object_class=ObjectClass.UNIT,
            subject_kind=SubjectKind.SCHOOL,
            subject_id="sch-060",
            measure=AccountabilityMeasure.ADMINISTRATIVE_PENALTY,
            decided_on=_D(2024, 6, 10),
            decided_by="org-qs-edu",
            triggers=(AccountabilityTrigger.MAJOR_ACCIDENT, AccountabilityTrigger.SERIOUS_CONSEQUENCES),
            published=True,
            aggravated=False,
            licence_revoked=True,
            licensing_notified=True,
        ),
    ]
    commendations = [
        Commendation(
            id="cmd-01",
            subject_kind=SubjectKind.ORGANISATION,
            subject_id="org-dp-gov",
            kind=CommendationKind.COMMENDATION,
            date=_D(2024, 4, 26),
            granted_by="org-qs-gov",
            evaluation_id="eval-2023-dp",
        ),
        # cmd-02: a leader of 西河镇 promoted while the 通报 of 2024-08-12 still stands (profiles with 通报 rules)
        Commendation(
            id="cmd-02",
            subject_kind=SubjectKind.PERSON,
            subject_id="p-xh-deputy",
            kind=CommendationKind.PROMOTION,
            date=_D(2024, 10, 15),
            granted_by="org-qs-org",
        ),
    ]
    return {
        "problems": problems,
        "rectification_events": events,
        "interviews": interviews,
        "circulars": circulars,
        "accountability_decisions": decisions,
        "commendations": commendations,
    }


def sample_dataset() -> Dataset:
    """Return the bundled sample dataset (青山县, as of 2024-12-31); the same every call.

    Examples
    --------
    >>> ds = sample_dataset()
    >>> len(ds.schools), len(ds.inspectors), ds.info.reference_date
    (60, 16, datetime.date(2024, 12, 31))

    """
    rng = random.Random(20240901)  # noqa: S311 - deterministic sample data, not cryptography
    divisions, orgs, persons = _hierarchy()
    committees, members, meetings = _committee(persons)
    schools = _schools(rng, persons)
    inspectors, trainings, assessments, relatives = _inspectors()
    # 云州市's inspectors, who supervised the county in 2022 (context: outside the county's jurisdiction)
    inspectors += [
        Inspector(
            id=f"insp-yz-{n}",
            name=name,
            employment=Employment.FULL_TIME,
            appointed_by="org-yz-gov",
            division_id="div-yunzhou",
            appointed_on=_D(2019, 9, 1),
            degree=Degree.MASTER,
            education_years=20,
        )
        for n, name in enumerate(("袁志明", "蒋丽", "蔡国强"), start=1)
    ]
    assignments, visits = _assignments_and_visits(schools)
    school_sups, school_team = _school_supervisions(schools)
    gov_sups, gov_team, evaluations = _government_supervision()
    follow = _follow_up()
    zones = [
        Zone(id=f"zone-{n}", name=f"青山县第{n}责任区", division_id=COUNTY, body_id="org-qs-body")
        for n in range(1, 5)
    ]
    return Dataset(
        info=DatasetInfo(
            name="青山县 sample",
            reference_date=REFERENCE_DATE,
            root_division_id=COUNTY,
            profile="national",
            description="Synthetic county of 云州市, 示范省 (all names fictional), with deliberate violations.",
        ),
        divisions=divisions,
        organisations=orgs,
        persons=persons,
        committees=committees,
        committee_members=members,
        meetings=meetings,
        budgets=[
            Budget(government_id="org-qs-gov", year=y, supervision_funding=True, amount=600000.0)
            for y in (2023, 2024)
        ],
        upward_reports=[
            UpwardReport(
                id="rep-2023",
                body_id="org-qs-body",
                recipient_id="org-yz-body",
                year=2023,
                items=(ReportItem.WORK_PLAN, ReportItem.RESULTS),
                date=_D(2024, 1, 20),
            )
        ],
        zones=zones,
        schools=schools,
        inspectors=inspectors,
        near_relatives=relatives,
        trainings=trainings,
        assessments=assessments,
        assignments=assignments,
        visits=visits,
        supervisions=school_sups + gov_sups,
        team_members=school_team + gov_team,
        duty_evaluations=evaluations,
        **follow,  # type: ignore[arg-type] # each key is a table of the matching record type
    )
