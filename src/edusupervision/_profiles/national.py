"""``national``: the national framework (REG, OPN, INSP, PLQ, ACC, PRN).

References
----------
- 《教育督导条例》, State Council Order 624 (in force 2012-10-01).
- 中办 国办《关于深化新时代教育督导体制机制改革的意见》 厅字〔2020〕1号.
- 《督学管理暂行办法》 教督〔2016〕2号; 《中小学校责任督学挂牌督导办法》 2013.
- 《教育督导问责办法》 国教督〔2021〕2号; 任期结束综合督导评估意见 (2022).

Only rules a national text states are here; a rule only the seeds state belongs to their profiles.
"""

from __future__ import annotations

from edusupervision._profiles._model import Profile, add

#: The triggers of a 约谈 under ACC (and OPN), restated word for word by GX 二(十二).
INTERVIEW_TRIGGERS = (
    "policy_not_implemented",
    "duties_not_performed",
    "priority_tasks_late",
    "irregular_operation",
    "quality_falling",
    "safety_problems",
    "rectification_ineffective",
    "refusing_supervision",
)

_INFERRED = (
    "OPN requires feedback, 督办 and 回头看 (建立督导结果报告、反馈、整改、复查、激励、约谈、通报、问责制度); "
    "its wording "
    "is known through GX, which restates it (reference grade INFERRED)."
)

PROFILE = Profile(
    name="national",
    title_zh="全国",
    title_en="National framework",
    division_code="100000",
    hierarchy="province → prefecture → county → township",
    description="The national texts: REG, OPN, INSP, PLQ, ACC, PRN.",
    changes=(
        add("committee.exists"),
        add("body.exists"),
        add("body.report_upward"),
        add("body.funding"),
        add("inspector.ratio"),
        add("inspector.training_hours"),
        add("inspector.pre_job_training"),
        add("inspector.part_time_term"),
        add("inspector.qualification"),
        add("inspector.recusal"),
        add("inspector.public_contact"),
        add("zone.coverage"),
        add("zone.size"),
        add("zone.inspector_load"),
        add("school.regular_visits"),
        add("school.comprehensive_cycle"),
        add("school.principal_term_end"),
        add("government.duty_evaluation"),
        add("government.supervision_interval"),
        add("reform.target_2022"),
        add("supervision.team_size"),
        add("supervision.written_notice"),
        add("supervision.report"),
        add("feedback.given", cite="OPN", note=_INFERRED),
        add("rectification.deadline"),
        add("rectification.reported"),
        add("rectification.urging", cite="OPN", note=_INFERRED),
        add("rectification.verified"),
        add("rectification.look_back", cite="OPN", note=_INFERRED),
        add("rectification.competent_liability"),
        add("interview.triggers", triggers=INTERVIEW_TRIGGERS),
        add("accountability.triggers"),
        add("accountability.measures"),
        add("accountability.aggravated"),
        add("accountability.investigation_window"),
        add("accountability.review_deadlines"),
    ),
)
