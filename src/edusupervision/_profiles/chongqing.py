"""``chongqing``: 重庆市, 2022年教育督导工作要点 渝府教督发〔2022〕2号 (2022-02-19).

References
----------
- 重庆市人民政府教育督导室《2022年教育督导工作要点》 渝府教督发〔2022〕2号, 2022-02-19 (seed ``002``).

Hierarchy: municipality → district/county (区县, no prefecture tier). The seed is the 2022 annual work plan;
its rules are taken to continue until a later plan changes them (a documented choice).
"""

from __future__ import annotations

from edusupervision._profiles._model import Profile, add, override
from edusupervision._profiles.national import INTERVIEW_TRIGGERS
from edusupervision._rules._model import Modality, Severity

PROFILE = Profile(
    name="chongqing",
    parent="national",
    title_zh="重庆市",
    title_en="Chongqing Municipality",
    division_code="500000",
    hierarchy="municipality → district/county (no prefecture tier)",
    description="Monthly zone visits to compulsory schools; 1:5 counting full-time inspectors (原则上); "
    "8 on-site district checks a year.",
    changes=(
        override("committee.exists", levels=("provincial",), cite="CQ 1"),
        add("body.chief_inspector", levels=("provincial", "county"), cite="CQ 2"),
        override(
            "inspector.ratio",
            counts="full_time",
            modality=Modality.DEFAULT,
            severity=Severity.WARNING,
            cite="CQ 12",
            note="原则上按与学校数1:5的比例配备专职督学.",
        ),
        add("inspector.large_school", modality=Modality.DEFAULT, cite="CQ 12"),
        override("school.regular_visits", per_month=1, cite="CQ 8", note="责任督学每月至少到校督导1次."),
        override("school.principal_term_end", cite="CQ 9"),
        override("government.duty_evaluation", cite="CQ 3, 4"),
        add("government.onsite_sample", onsite=8, cite="CQ 4"),
        override("reform.target_2022", cite="CQ 2"),
        override(
            "interview.triggers",
            triggers=(
                *INTERVIEW_TRIGGERS,
                "responsibility_unassigned",
                "measures_inadequate",
                "frequent_problems",
            ),
            cite="CQ 8",
            note="双减 adds: 对责任不落实、措施不到位、问题多发的地区进行约谈 (the national triggers still apply).",
        ),
        override("rectification.look_back", cite="CQ 4"),
    ),
)
