"""``weihai-etdz``: 威海经济技术开发区 (a county-level functional zone), 实施意见 (c. 2021–22).

References
----------
- 《威海经济技术开发区深化新时代教育督导体制机制改革的实施意见》, undated (seed ``004``); taken as in force
  from 2022-01-01 (see the document's note in ``docs/sources.md``).

Hierarchy: zone (county level, governed by a 管委会 and 党工委) → 镇街. GB/T 2260 has no code for the zone:
its parent 威海市 is 371000 and the zone is administered within it, so the profile carries no code of its own.
"""

from __future__ import annotations

from edusupervision._profiles._model import Profile, add, override
from edusupervision._rules._model import Modality

PROFILE = Profile(
    name="weihai-etdz",
    parent="national",
    title_zh="威海经济技术开发区",
    title_en="Weihai Economic and Technological Development Zone",
    division_code=None,
    hierarchy="zone (county level) → 镇街",
    description="≥30 % full-time inspectors; retirees hired within 3 years; a plenary a year; every school "
    "supervised comprehensively each 学年.",
    changes=(
        override("committee.exists", levels=("county",), cite="WH (三)"),
        add("committee.office_host", cite="WH (三)"),
        add("committee.leadership", cite="WH (三)"),
        add("committee.liaison", cite="WH (四)"),
        add("committee.annual_plenary", minimum=1, cite="WH (四)"),
        add("body.chief_inspector", levels=("county",), cite="WH (六)"),
        override(
            "body.report_upward",
            items=("work_plan", "results", "annual_report", "staff_changes"),
            cite="WH (四)",
        ),
        override("body.funding", cite="WH (五)"),
        add("inspector.full_time_share", S=0.30, cite="WH (六)"),
        add("inspector.retiree_recency", Y=3, cite="WH (六)"),
        override("inspector.training_hours", cite="WH (八)"),
        override("inspector.pre_job_training", cite="WH (八)"),
        override("inspector.public_contact", cite="WH (七)"),
        override(
            "school.comprehensive_cycle",
            per_school_year=True,
            modality=Modality.DEFAULT,
            cite="WH (十)",
            note="原则上，每学年要对所属学校办学情况开展一次综合督导。",
        ),
        add(
            "school.visit_burden",
            cite="WH (十二)",
            note="No number is set: not applicable until a profile sets M.",
        ),
        override("government.duty_evaluation", cite="WH (九)"),
        override("reform.target_2022", cite="WH (二)"),
        override("feedback.given", cite="WH (十四)"),
        add("rectification.published", cite="WH (十五)"),
        override("rectification.look_back", cite="WH (十五)"),
        override("rectification.competent_liability", kind="joint", cite="WH (十五)"),
        override(
            "interview.triggers",
            triggers=(
                "policy_not_implemented",
                "duties_not_performed",
                "irregular_operation",
                "quality_falling_seriously",
                "safety_problems",
                "refusing_supervision",
            ),
            cite="WH (十六)",
            note="Six triggers: no 'priority tasks late'; 'quality falling seriously'.",
        ),
        add(
            "interview.record",
            co_conveners=(),
            cite="WH (十六)",
            note="记录内容按规定备案; no co-conveners named.",
        ),
        add("circular.triggers", cite="WH (十六)"),
        add("circular.leadership_ineligible", cite="WH (十六)"),
        override(
            "accountability.triggers",
            require="serious_consequences",
            cite="WH (十八)",
            note="Only where serious consequences followed (造成严重后果的).",
        ),
        add("accountability.published", cite="WH (十八)"),
        add("accountability.referral", cite="WH (十八)"),
        add("accountability.private_school", cite="WH (十八)"),
        add("incentive.commendation", cite="WH (十七)"),
    ),
)
