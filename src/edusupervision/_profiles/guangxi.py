"""``guangxi``: 广西壮族自治区, 厅发〔2020〕26号 (2020-05-14).

References
----------
- 中共广西壮族自治区委员会办公厅 广西壮族自治区人民政府办公厅《关于深化新时代教育督导体制机制改革的实施意见》
  厅发〔2020〕26号, 2020-05-14 (seed ``001``).

Hierarchy: region (自治区) → city (设区市) → county (县、市、区); committees at all three levels.
"""

from __future__ import annotations

from edusupervision._profiles._model import Profile, add, override
from edusupervision._profiles.national import INTERVIEW_TRIGGERS
from edusupervision._rules._model import Modality, Severity

PROFILE = Profile(
    name="guangxi",
    parent="national",
    title_zh="广西壮族自治区",
    title_en="Guangxi Zhuang Autonomous Region",
    division_code="450000",
    hierarchy="region → city (设区市) → county (县、市、区)",
    description="Committees at 3 levels; 5-year school cycle; 1:5 counting all inspectors; 8 约谈 triggers.",
    changes=(
        override("committee.exists", levels=("provincial", "prefecture", "county"), cite="GX 二(一)"),
        add("committee.office_host", cite="GX 二(一)"),
        add("committee.leadership", deputies=2, cite="GX 二(一)"),
        add("committee.member_level", cite="GX 二(一)"),
        add("committee.liaison", cite="GX 二(二)"),
        add("body.chief_inspector", levels=("provincial",), cite="GX 二(一)"),
        override("body.report_upward", cite="GX 二(二)"),
        override("body.funding", cite="GX 三(三)"),
        override(
            "inspector.ratio",
            counts="all",
            modality=Modality.MUST,
            severity=Severity.ERROR,
            cite="GX 三(一)",
            note="Counts all inspectors, as a MUST.",
        ),
        add(
            "inspector.large_school",
            modality=Modality.MAY,
            cite="GX 三(一)",
            note="可按1:1: a MAY; no threshold is defined, so not applicable until set.",
        ),
        add("inspector.full_time_share", non_decreasing=True, severity=Severity.WARNING, cite="GX 三(一)"),
        add("inspector.assessment", dismiss_unqualified=True, cite="GX 三(一)"),
        override("zone.coverage", cite="GX 二(四)"),
        override("school.comprehensive_cycle", years=5, cite="GX 二(四)"),
        override("government.duty_evaluation", cite="GX 二(三)"),
        add("government.regional_round", rounds=1, cite="GX 二(二)"),
        override("reform.target_2022", cite="GX 一"),
        override("supervision.report", cite="GX 二(七)"),
        override("feedback.given", cite="GX 二(八)"),
        add("feedback.meeting_invitees", cite="GX 二(八)"),
        override("rectification.deadline", cite="GX 二(八)"),
        override("rectification.reported", cite="GX 二(九)"),
        override("rectification.urging", cite="GX 二(九)", note="整改不力的，下达督办单."),
        override("rectification.look_back", cite="GX 二(十)"),
        override("rectification.competent_liability", kind="joint", cite="GX 二(九)"),
        override("interview.triggers", triggers=INTERVIEW_TRIGGERS, cite="GX 二(十二)"),
        add("interview.record", cite="GX 二(十二)"),
        add("circular.triggers", cite="GX 二(十三)"),
        add("circular.leadership_ineligible", cite="GX 二(十三)"),
        override(
            "accountability.triggers",
            triggers=(
                "targets_missed",
                "failed_duty_evaluation",
                "obstruction",
                "mass_incident",
                "major_accident",
                "retaliation",
            ),
            cite="GX 二(十四)",
            note="Tier 1: targets missed, failed duty evaluation, obstruction; tier 2: mass incidents, major "
            "accident by dereliction, retaliation against inspectors.",
        ),
        add("accountability.published", cite="GX 二(十四)"),
        add("accountability.referral", cite="GX 二(十四)"),
        add("incentive.commendation", cite="GX 二(十一)"),
    ),
)
