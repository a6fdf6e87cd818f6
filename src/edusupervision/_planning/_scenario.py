"""What-if staffing for notebooks: change inspectors, the ratio or the cycle, and compare with the baseline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from edusupervision._domain._dataset import Dataset
from edusupervision._engine._report import Report, ReportDiff
from edusupervision._engine._validate import validate
from edusupervision._frozen import frozen_map
from edusupervision._planning._coverage import Coverage, coverage
from edusupervision._planning._model import Plan, PlanPolicy
from edusupervision._planning._params import PlanningError, as_day, cycle_rules, schools_in_scope
from edusupervision._planning._planner import add_inspectors, county_of, plan_cycle
from edusupervision._profiles._model import Profile, override, resolve
from edusupervision._profiles._registry import get_profile

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence


__all__ = ["PLANNING_RULES", "Comparison", "Scenario", "ScenarioResult", "what_if"]

PLANNING_RULES: Final = (
    "inspector.ratio",
    "inspector.recusal",
    "school.comprehensive_cycle",
    "school.visit_burden",
    "school.principal_term_end",
    "supervision.team_size",
)
"""The rules a scenario's findings are judged on by default: those staffing and the plan can change."""


def _ids(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Scenario:
    """A what-if: staffing and cycle changes applied to the baseline before planning.

    Attributes
    ----------
    name:
        A label for the comparison table.
    add_inspectors:
        County division id → inspectors to add (full-time, always available; see ``add_inspectors``).
    remove_inspectors:
        Inspector ids dismissed on the plan's start.
    ratio:
        Schools per inspector R: overrides ``inspector.ratio`` R in the profile, and staffs every county up to
        ``ceil(schools / R)`` eligible inspectors (never fewer than it has).
    cycle_years:
        Overrides ``school.comprehensive_cycle`` ``years`` (and turns ``per_school_year`` off).
    policy:
        A planning policy for this scenario (default: the baseline's).

    """

    name: str
    add_inspectors: Mapping[str, int] = attrs.field(factory=dict, converter=frozen_map)
    remove_inspectors: tuple[str, ...] = attrs.field(default=(), converter=_ids)
    ratio: int | None = None
    cycle_years: int | None = None
    policy: PlanPolicy | None = None

    def profile(self, base: str | Profile) -> Profile:
        """Return ``base`` with this scenario's rule changes (``base`` itself when there are none)."""
        profile = get_profile(base) if isinstance(base, str) else base
        changes = []
        if self.ratio is not None:
            changes.append(
                override("inspector.ratio", R=self.ratio, note=f"scenario {self.name}: 1:{self.ratio}")
            )
        if self.cycle_years is not None:
            changes.append(
                override(
                    "school.comprehensive_cycle",
                    years=self.cycle_years,
                    per_school_year=False,
                    note=f"scenario {self.name}: {self.cycle_years}-year cycle",
                )
            )
        return profile.derive(f"{profile.name}+{self.name}", *changes) if changes else profile

    def dataset(self, dataset: Dataset, *, start: dt.date) -> Dataset:
        """Return ``dataset`` with this scenario's staffing."""
        out = dataset
        if self.remove_inspectors:
            unknown = sorted(set(self.remove_inspectors) - {i.id for i in dataset.inspectors})
            if unknown:
                msg = f"scenario {self.name!r}: no inspector(s) {', '.join(unknown)}"
                raise PlanningError(msg)
            out = out.evolve(
                inspectors=[
                    attrs.evolve(i, dismissed_on=start) if i.id in self.remove_inspectors else i
                    for i in out.inspectors
                ]
            )
        counts: Counter[str] = Counter(dict(self.add_inspectors))
        if self.ratio is not None:
            schools = Counter(s.division_id for s in schools_in_scope(out))
            staff: Counter[str] = Counter()
            for i in out.inspectors:
                county = county_of(out, i.division_id)
                if county is not None and i.active_on(start):
                    staff[county] += 1
            for county, n in schools.items():
                counts[county] += max(0, -(-n // self.ratio) - staff[county] - counts[county])
        return add_inspectors(out, counts) if counts else out


@attrs.frozen(kw_only=True)
class ScenarioResult:
    """One scenario's plan, coverage and rule findings."""

    name: str
    dataset: Dataset
    profile: Profile | str
    plan: Plan
    coverage: Coverage
    report: Report
    diff: ReportDiff | None = None

    def row(self) -> dict[str, Any]:
        """Return the comparison-table row."""
        summary = self.report.summary
        return {
            "scenario": self.name,
            "inspectors": len(self.dataset.inspectors),
            "feasible": self.plan.feasible,
            "supervisions": len(self.plan.supervisions),
            "unscheduled": len(self.plan.unscheduled),
            "shortfall": sum(s.shortfall for s in self.plan.staffing),
            "minimum_staffing": sum(s.minimum for s in self.plan.staffing),
            "covered_share": round(self.coverage.total.share, 4),
            "overdue": len(self.coverage.total.overdue),
            "errors": summary["error"],
            "warnings": summary["warning"],
            "findings_added": None if self.diff is None else len(self.diff.added),
            "findings_removed": None if self.diff is None else len(self.diff.removed),
        }


@attrs.frozen(kw_only=True)
class Comparison:
    """The baseline and the scenarios, side by side."""

    baseline: ScenarioResult
    scenarios: tuple[ScenarioResult, ...]

    def rows(self) -> list[dict[str, Any]]:
        """Return one row per scenario, the baseline first."""
        return [self.baseline.row(), *(s.row() for s in self.scenarios)]

    def __getitem__(self, name: str) -> ScenarioResult:
        """Return the result of scenario ``name`` (``baseline`` for the baseline)."""
        for result in (self.baseline, *self.scenarios):
            if result.name == name:
                return result
        raise KeyError(name)

    def to_text(self) -> str:
        """Return the comparison as an aligned text table."""
        rows = self.rows()
        columns = list(rows[0])
        widths = {c: max(len(c), *(len(str(r[c])) for r in rows)) for c in columns}
        lines = ["  ".join(c.ljust(widths[c]) for c in columns)]
        lines += ["  ".join(str(r[c]).ljust(widths[c]) for c in columns) for r in rows]
        return "\n".join(lines)

    def to_pandas(self) -> Any:
        """Return :meth:`rows` as a pandas DataFrame (needs pandas)."""
        try:
            import pandas as pd  # noqa: PLC0415 - optional dependency, imported on use
        except ImportError as exc:
            msg = "to_pandas() needs pandas"
            raise ImportError(msg) from exc
        return pd.DataFrame.from_records(self.rows())


def _run(
    name: str,
    dataset: Dataset,
    profile: str | Profile,
    *,
    start: dt.date,
    years: int | None,
    policy: PlanPolicy | None,
    seed: int,
    as_of: dt.date | None,
    rules: Sequence[str],
) -> ScenarioResult:
    plan = plan_cycle(dataset, profile=profile, start=start, years=years, policy=policy, seed=seed)
    done = plan.apply(dataset)
    day = as_of or plan.end
    wanted = [r for r in rules if r in resolve(profile).rules]
    return ScenarioResult(
        name=name,
        dataset=dataset,
        profile=profile,
        plan=plan,
        coverage=coverage(done, profile=profile, as_of=day),
        report=validate(done, profile=profile, as_of=day, rules=wanted),
    )


def what_if(
    dataset: Dataset,
    *scenarios: Scenario,
    profile: str | Profile = "national",
    start: dt.date,
    years: int | None = None,
    policy: PlanPolicy | None = None,
    seed: int = 0,
    as_of: dt.date | None = None,
    rules: Sequence[str] = PLANNING_RULES,
) -> Comparison:
    """Plan the baseline and each scenario; measure coverage and rule findings with each plan carried out.

    Coverage and findings are taken on ``as_of`` (default: each plan's last day) on the dataset with the
    plan applied (:meth:`Plan.apply`); findings are limited to ``rules`` and diffed against the baseline.
    See :mod:`edusupervision.planning` for an example.
    """
    day = as_day(start, "start")
    cycle_rules(profile, day)  # fail early on a profile without the cycle rule
    baseline = _run(
        "baseline",
        dataset,
        profile,
        start=day,
        years=years,
        policy=policy,
        seed=seed,
        as_of=as_of,
        rules=rules,
    )
    results = []
    for scenario in scenarios:
        result = _run(
            scenario.name,
            scenario.dataset(dataset, start=day),
            scenario.profile(profile),
            start=day,
            years=years,
            policy=scenario.policy or policy,
            seed=seed,
            as_of=as_of,
            rules=rules,
        )
        results.append(attrs.evolve(result, diff=baseline.report.diff(result.report)))
    return Comparison(baseline=baseline, scenarios=tuple(results))
