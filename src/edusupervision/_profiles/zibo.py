"""``zibo``: 淄博市, 深化新时代教育督导体制机制改革的实施意见 (2021-10-29).

References
----------
- 中共淄博市委办公室 淄博市人民政府办公室《关于深化新时代教育督导体制机制改革的实施意见》, 2021-10-29
  (seed ``000``).

Hierarchy: city → 区县 (including 高新区, 经济开发区, 文昌湖省级旅游度假区) → town. The first-listed
responsible unit leads (implied).
"""

from __future__ import annotations

from edusupervision._profiles._model import Profile, add, override
from edusupervision._rules._model import Severity

PROFILE = Profile(
    name="zibo",
    parent="national",
    title_zh="淄博市",
    title_en="Zibo, Shandong",
    division_code="370300",
    hierarchy="city → 区县 (incl. 高新区, 经济开发区, 文昌湖旅游度假区) → town",
    description="40 h training; committees at city and county level; first-listed unit leads (implied).",
    changes=(
        override("committee.exists", levels=("prefecture", "county"), cite="ZB 1"),
        add("body.chief_inspector", levels=("prefecture",), cite="ZB 2"),
        override("body.funding", cite="ZB 9"),
        override("inspector.training_hours", H=40, cite="ZB 11"),
        add("inspector.full_time_share", non_decreasing=True, severity=Severity.WARNING, cite="ZB 10"),
        add("inspector.assessment", announce_dismissal=True, cite="ZB 11"),
        add(
            "school.visit_burden",
            cite="ZB 5",
            note="No number is set: not applicable until a profile sets M.",
        ),
        override("school.principal_term_end", cite="ZB 5"),
        override("government.duty_evaluation", cite="ZB 4"),
        override("reform.target_2022", cite="ZB 一"),
        override("supervision.report", cite="ZB 13"),
        override("feedback.given", cite="ZB 13"),
        override("rectification.urging", cite="ZB 14", note="发函督办."),
        override("rectification.verified", cite="ZB 14"),
        add("rectification.published", cite="ZB 14"),
        override("rectification.look_back", cite="ZB 14"),
        override("rectification.competent_liability", kind="leadership", cite="ZB 14"),
        add("circular.triggers", cite="ZB 15"),
        add("circular.leadership_ineligible", cite="ZB 15"),
        add("incentive.commendation", cite="ZB 15"),
    ),
)
