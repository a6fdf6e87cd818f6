"""Coverage and planning of comprehensive school supervision (综合督导), checked independently.

Coverage
--------
:func:`coverage` says, on any date, for every school in scope (schools and kindergartens of the jurisdiction):
its last comprehensive supervision (term-end supervisions count), whether it is covered in the current cycle,
its due date, whether it is overdue (exactly when ``school.comprehensive_cycle`` finds a violation) and whether
it is at risk (due within ``at_risk_months``); and per county, with a total: the share covered, the overdue
and at-risk schools, and the regular visits against the profile's rhythm (per semester; per month where the
profile says so, as ``chongqing`` does).

>>> import datetime as dt
>>> from edusupervision import sample_dataset
>>> from edusupervision.planning import coverage
>>> cov = coverage(sample_dataset(), profile="national")
>>> cov.total.schools, cov.total.covered, cov.total.overdue
(59, 58, ('sch-031',))
>>> s = cov.school("sch-001")
>>> s.last_comprehensive, s.due, s.at_risk
(datetime.date(2020, 3, 5), datetime.date(2025, 3, 4), True)

Planning
--------
:func:`plan_cycle` schedules every school's comprehensive supervision from ``start`` for ``years`` years
(default: one cycle of the profile) under a :class:`PlanPolicy`:

* each school once per cycle — fixed ``years``-long cycles from ``start`` for a rolling cycle, each due by
  the day its last supervision stops counting; every school year where the profile says so (``weihai-etdz``);
  a school already overdue at the start is caught up first;
* a head whose term ends within the plan gets a term-end supervision within ``school.principal_term_end``'s
  window — the cycle's own supervision when the windows meet;
* teams of ``team_size`` inspectors of the school's own county, never a near relative of the head, at most
  ``max_per_inspector_month`` supervisions each per month and one a day (the dataset's own count too);
* at most ``max_per_school_semester`` supervisions per school per semester (the dataset's own count too);
* only working days of open months; a load as level as the due dates allow, month by month and year by year.

When the constraints cannot all be met, the :class:`Plan` lists what is unscheduled and why, with the
verified staffing shortfall per county (``needs 5 more inspector(s) in 青山县 …``); :func:`minimum_staffing`
gives every county's verified minimum. The result is deterministic for a ``seed`` (ties between equally
loaded inspectors are broken by a seeded order).

>>> from edusupervision.planning import check_plan, plan_cycle
>>> ds = sample_dataset()
>>> plan = plan_cycle(ds, profile="national", start=dt.date(2025, 1, 1))
>>> plan.feasible, len(plan.supervisions), plan.end
(True, 68, datetime.date(2029, 12, 31))
>>> first = plan.supervisions[0]
>>> first.school_id, first.date, len(first.team)
('sch-001', datetime.date(2025, 3, 3), 3)
>>> check_plan(ds, plan)
[]
>>> yearly = plan_cycle(ds, profile="weihai-etdz", start=dt.date(2025, 1, 1))
>>> yearly.feasible, yearly.reasons[0].split(":")[0]
(False, 'needs 5 more inspector(s) in 青山县 (div-qingshan)')

Checking
--------
:func:`check_plan` re-derives every constraint from the dataset, the profile and the plan alone, sharing no
logic with the planner: team size and distinct members; each member an eligible, active inspector of the
school's county and no near relative of its head; the monthly cap and one supervision a day per inspector;
working days in open months inside the plan; at most one planned comprehensive supervision per school and
cycle (none where the dataset already has one), at least one in every complete cycle, and — for a rolling
cycle — a comprehensive supervision in the window ending on every day of the plan (a school overdue at the
start is exempt until its first planned one); the semester burden; the term-end window of every head whose
window closes within the plan, and no term-end supervision without one.

Scenarios
---------
:func:`what_if` plans a baseline and :class:`Scenario` variants (inspectors added or removed, another
inspector ratio or cycle length) and sets plan, coverage and rule findings side by side.

>>> from edusupervision.planning import Scenario, what_if
>>> cmp = what_if(ds, Scenario(name="minus-6", remove_inspectors=[f"insp-{n:02d}" for n in range(11, 17)]),
...               profile="weihai-etdz", start=dt.date(2025, 9, 1))
>>> [(r["scenario"], r["feasible"], r["shortfall"]) for r in cmp.rows()]
[('baseline', True, 0), ('minus-6', False, 2)]
"""

from __future__ import annotations

from edusupervision._planning._check import check_plan
from edusupervision._planning._coverage import Coverage, JurisdictionCoverage, SchoolCoverage, coverage
from edusupervision._planning._model import (
    DEFAULT_MAX_PER_SEMESTER,
    Plan,
    PlannedSupervision,
    PlanPolicy,
    PlanViolation,
    Staffing,
    Unscheduled,
)
from edusupervision._planning._params import CycleRules, PlanningError, cycle_rules
from edusupervision._planning._planner import add_inspectors, minimum_staffing, plan_cycle
from edusupervision._planning._scenario import PLANNING_RULES, Comparison, Scenario, ScenarioResult, what_if

__all__ = [
    "DEFAULT_MAX_PER_SEMESTER",
    "PLANNING_RULES",
    "Comparison",
    "Coverage",
    "CycleRules",
    "JurisdictionCoverage",
    "Plan",
    "PlanPolicy",
    "PlanViolation",
    "PlannedSupervision",
    "PlanningError",
    "Scenario",
    "ScenarioResult",
    "SchoolCoverage",
    "Staffing",
    "Unscheduled",
    "add_inspectors",
    "check_plan",
    "coverage",
    "cycle_rules",
    "minimum_staffing",
    "plan_cycle",
    "what_if",
]
