"""Plots for notebooks: coverage over time, plans as a calendar, inspector load, findings, the responsibility graph.

matplotlib is optional (``pip install 'edusupervision[notebook]'``): it is imported inside each function, and
the core never needs it. Every function takes the library's own objects and an optional ``ax`` (a new figure
is made when it is None) and returns the Axes, so plots compose with the rest of a notebook::

    import matplotlib.pyplot as plt
    from edusupervision import plotting, sample_dataset, validate

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4))
    plotting.findings_by_rule(validate(sample_dataset()), ax=left)
    plotting.inspector_load(sample_dataset(), profile="guangxi", ax=right)

Labels show Chinese names when matplotlib has a font with Chinese glyphs (Noto Sans CJK, Source Han Sans,
WenQuanYi, SimHei, Microsoft YaHei, PingFang …) and record ids otherwise, so a plot never shows empty boxes.
"""

from __future__ import annotations

import functools
import importlib
import math
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any, Final

from edusupervision._calendar import MonthEndPolicy, add_months
from edusupervision._engine._validate import MissingAsOfError
from edusupervision._profiles._model import resolve
from edusupervision._rules._model import Context, Outcome, Severity

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

    from edusupervision._domain._dataset import Dataset
    from edusupervision._engine._consequences import Consequences
    from edusupervision._engine._report import Report
    from edusupervision._profiles._model import Profile

__all__ = [
    "consequences_by_kind",
    "coverage_over_time",
    "findings_by_responsible",
    "findings_by_rule",
    "inspector_load",
    "plan_calendar",
    "responsibility_graph",
]

_SEVERITY_COLOURS: Final = {"error": "#b00020", "warning": "#e0a030", "info": "#1f5fa8"}
_STATUS_COLOURS: Final = {"done": "#2e7d32", "pending": "#e0a030", "missing": "#b00020"}
_CJK_FONTS: Final = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "SimHei",
    "Microsoft YaHei",
    "PingFang SC",
    "Heiti SC",
    "Droid Sans Fallback",
)


def _pyplot() -> Any:
    """Return ``matplotlib.pyplot``, or raise an ImportError naming the extra to install."""
    try:
        return importlib.import_module("matplotlib.pyplot")  # optional dependency, loaded only to plot
    except ImportError as exc:
        msg = (
            "edusupervision.plotting needs matplotlib, an optional dependency: "
            "pip install 'edusupervision[notebook]'"
        )
        raise ImportError(msg) from exc


@functools.cache
def _cjk_font() -> str | None:
    """Return the name of an installed font with Chinese glyphs, or None."""
    font_manager = importlib.import_module("matplotlib.font_manager")
    installed = {f.name for f in font_manager.fontManager.ttflist}
    return next((name for name in _CJK_FONTS if name in installed), None)


def _label(name: str | None, ident: str) -> str:
    """Return ``name`` when it can be drawn (ASCII, or a Chinese font is installed), else ``ident``."""
    if not name:
        return ident
    if name.isascii() or _cjk_font() is not None:
        return name
    return ident


def _axes(ax: Any, size: tuple[float, float]) -> Any:
    """Return ``ax``, or the axes of a new figure of ``size`` inches (fonts set for Chinese when available)."""
    plt = _pyplot()
    font = _cjk_font()
    if font is not None:
        families = plt.rcParams["font.sans-serif"]
        if font not in families:
            plt.rcParams["font.sans-serif"] = [font, *families]
    if ax is None:
        _fig, ax = plt.subplots(figsize=size)
    return ax


def _month_points(start: dt.date, end: dt.date, step: int) -> list[dt.date]:
    points: list[dt.date] = []
    k = 0
    while True:
        day = add_months(start, k * step, policy=MonthEndPolicy.CLAMP)
        if day > end:
            break
        points.append(day)
        k += 1
    if not points or points[-1] != end:
        points.append(end)
    return points


def coverage_over_time(
    dataset: Dataset,
    *,
    profile: str | Profile = "national",
    start: dt.date | None = None,
    end: dt.date | None = None,
    step_months: int = 3,
    plan: Any = None,
    ax: Any = None,
) -> Any:
    """Plot the share of schools covered in the current cycle, per county, on dates from ``start`` to ``end``.

    With a ``plan`` (from ``plan_cycle``) the plan is carried out first (``plan.apply(dataset)``) and the
    dates default to the plan's span, so the plot shows whether the plan keeps every county covered. Without
    one, the dates default to the five years up to the dataset's reference date. The jurisdiction's total
    is drawn dashed when there is more than one county.
    """
    from edusupervision.planning import coverage  # noqa: PLC0415 - planning is loaded only when plotting it

    if step_months < 1:
        msg = f"step_months must be at least 1, got {step_months}"
        raise ValueError(msg)
    data = dataset if plan is None else plan.apply(dataset)
    last = end or (plan.end if plan is not None else dataset.info.reference_date)
    if last is None:
        msg = f"dataset {dataset.info.name!r} has no reference_date: pass end"
        raise MissingAsOfError(msg)
    first = start or (plan.start if plan is not None else add_months(last, -60, policy=MonthEndPolicy.CLAMP))
    days = _month_points(first, last, step_months)
    series: dict[str, list[float]] = defaultdict(list)
    total: list[float] = []
    names: dict[str, str] = {}
    total_name = ""
    for day in days:
        result = coverage(data, profile=profile, as_of=day)
        total.append(result.total.share * 100)
        total_name = _label(result.total.name, result.total.division_id)
        for j in result.jurisdictions[:-1]:
            series[j.division_id].append(j.share * 100)
            names[j.division_id] = _label(j.name, j.division_id)
    ax = _axes(ax, (9, 4))
    for division in sorted(series):
        ax.plot(days, series[division], marker="o", markersize=3, label=names[division])
    if len(series) != 1:
        ax.plot(days, total, linestyle="--", color="black", label=f"{total_name} (total)")
    ax.set_ylim(0, 105)
    ax.set_ylabel("schools covered in the current cycle (%)")
    ax.set_title("Comprehensive supervision coverage")
    ax.grid(visible=True, alpha=0.3)
    ax.legend(loc="lower left", fontsize=8)
    return ax


def plan_calendar(plan: Any, *, by: str = "school", limit: int = 40, ax: Any = None) -> Any:
    """Draw a plan as a Gantt chart: one row per school (or inspector), a bar per window, a dot per visit.

    ``by="school"``: each row is a school; the pale bar is the window its supervision had to fall in (from
    ``window_start`` to ``due``), the dot the planned day (red: a catch-up, the school was already due).
    ``by="inspector"``: each row is an inspector, with a dot on each day they sit on a team. Rows are ordered
    by their first planned day; the first ``limit`` are drawn.
    """
    if by not in ("school", "inspector"):
        msg = f"by must be 'school' or 'inspector', got {by!r}"
        raise ValueError(msg)
    mdates = importlib.import_module("matplotlib.dates") if plan.supervisions else None
    ax = _axes(ax, (10, max(3.0, min(limit, 40) * 0.22 + 1)))
    rows: dict[str, list[Any]] = defaultdict(list)
    for item in plan.supervisions:
        keys = [item.school_id] if by == "school" else list(item.team)
        for key in keys:
            rows[key].append(item)
    order = sorted(rows, key=lambda k: (min(i.date for i in rows[k]), k))[:limit]
    for y, key in enumerate(order):
        for item in rows[key]:
            if by == "school":
                width = (item.due - item.window_start).days + 1
                ax.barh(y, width, left=item.window_start, height=0.5, color="#cfd8e3", edgecolor="none")
            colour = (
                "#b00020" if item.catch_up else ("#1f5fa8" if item.type.value == "term_end" else "#2e7d32")
            )
            ax.plot([item.date], [y], marker="o", markersize=4, color=colour, linestyle="none")
    for cycle in plan.cycles:
        ax.axvline(cycle.start, color="#999", linewidth=0.8, linestyle=":")
    ax.set_yticks(range(len(order)), order, fontsize=7)
    ax.invert_yaxis()
    if mdates is not None:
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m"))
    shown = f" (first {len(order)} of {len(rows)})" if len(rows) > len(order) else ""
    ax.set_title(f"Plan {plan.start.isoformat()} – {plan.end.isoformat()} by {by}{shown}")
    ax.set_xlabel("green: comprehensive · blue: term-end · red: catch-up · bars: windows")
    return ax


def inspector_load(
    dataset: Dataset,
    *,
    profile: str | Profile = "national",
    as_of: dt.date | None = None,
    ax: Any = None,
) -> Any:
    """Plot schools per counted inspector in each county against the profile's ratio (``inspector.ratio``).

    A bar above the dashed line at ``R`` is a county short of inspectors: the rule would find it in violation.
    Which inspectors count (responsibility, all, full-time) is the profile's ``counts`` parameter.
    """
    day = as_of or dataset.info.reference_date
    if day is None:
        msg = f"dataset {dataset.info.name!r} has no reference_date: pass as_of"
        raise MissingAsOfError(msg)
    resolved = resolve(profile)
    eff = resolved.rules.get("inspector.ratio")
    applied = eff.at(day) if eff is not None else None
    if eff is None or applied is None:
        msg = f"profile {resolved.name!r} has no rule inspector.ratio on {day.isoformat()}"
        raise ValueError(msg)
    context = Context(dataset=dataset, as_of=day, params=applied.params, profile=resolved.name)
    results = [r for r in eff.rule.check(context) if r.outcome in (Outcome.COMPLIANT, Outcome.VIOLATION)]
    results.sort(key=lambda r: r.subject.id)
    labels = []
    loads = []
    colours = []
    ratio = float(applied.params["R"])
    for r in results:
        division = dataset.get("divisions", r.subject.id)
        labels.append(_label(getattr(division, "name", None), r.subject.id))
        schools, inspectors = int(r.evidence["schools"]), int(r.evidence["inspectors"])
        loads.append(schools / inspectors if inspectors else math.inf)
        colours.append("#b00020" if r.outcome is Outcome.VIOLATION else "#2e7d32")
    ax = _axes(ax, (max(4.0, 1.2 * len(labels) + 2), 4))
    finite = [x for x in loads if math.isfinite(x)]
    top = max([ratio, *finite]) * 1.2
    bars = ax.bar(labels, [x if math.isfinite(x) else top for x in loads], color=colours)
    for bar, r, load in zip(bars, results, loads, strict=True):
        text = f"{r.evidence['schools']}/{r.evidence['inspectors']}" + (
            "" if math.isfinite(load) else " (none)"
        )
        ax.annotate(
            text, (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center", va="bottom", fontsize=8
        )
    ax.axhline(ratio, color="black", linestyle="--", linewidth=1, label=f"1:{applied.params['R']:g}")
    ax.set_ylim(0, top * 1.1)
    ax.set_ylabel(f"schools per counted inspector ({applied.params['counts']})")
    ax.set_title(f"Inspector load against the ratio · {resolved.name} · {day.isoformat()}")
    ax.legend(loc="upper right", fontsize=8)
    return ax


def _stacked(
    ax: Any, labels: Sequence[str], counts: dict[str, Counter[str]], colours: dict[str, str]
) -> None:
    left = [0] * len(labels)
    for key, colour in colours.items():
        widths = [counts[label].get(key, 0) for label in labels]
        if any(widths):
            ax.barh(list(labels), widths, left=left, color=colour, label=key)
            left = [a + b for a, b in zip(left, widths, strict=True)]
    ax.invert_yaxis()
    ax.xaxis.set_major_locator(importlib.import_module("matplotlib.ticker").MaxNLocator(integer=True))
    ax.legend(loc="lower right", fontsize=8)


def findings_by_rule(report: Report, *, ax: Any = None) -> Any:
    """Plot the number of findings per rule, stacked by severity, most frequent first."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for f in report.findings:
        counts[f.rule][f.severity.value] += 1
    labels = sorted(counts, key=lambda r: (-sum(counts[r].values()), r))
    ax = _axes(ax, (8, max(2.5, 0.28 * len(labels) + 1)))
    _stacked(ax, labels, counts, {s.value: _SEVERITY_COLOURS[s.value] for s in Severity})
    ax.tick_params(axis="y", labelsize=8)
    ax.set_xlabel("findings")
    ax.set_title(f"Findings by rule · {report.profile} · {report.as_of.isoformat()}")
    return ax


def findings_by_responsible(report: Report, *, top: int = 15, ax: Any = None) -> Any:
    """Plot the number of findings per responsible unit (who must act), stacked by severity; ``top`` units."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for f in report.findings:
        key = f.responsible.id if f.responsible else "(none)"
        names[key] = _label(f.responsible_name, key)
        counts[names[key]][f.severity.value] += 1
    labels = sorted(counts, key=lambda r: (-sum(counts[r].values()), r))[:top]
    ax = _axes(ax, (8, max(2.5, 0.35 * len(labels) + 1)))
    _stacked(ax, labels, counts, {s.value: _SEVERITY_COLOURS[s.value] for s in Severity})
    ax.set_xlabel("findings")
    ax.set_title(f"Findings by responsible unit · {report.profile} · {report.as_of.isoformat()}")
    return ax


def consequences_by_kind(result: Consequences, *, ax: Any = None) -> Any:
    """Plot the measures the rules call for, per kind, stacked by status (done, pending, missing)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    order: dict[str, int] = {}
    for c in result.measures:
        kind = c.measure.measure
        label = kind.en
        order[label] = list(type(kind)).index(kind)
        counts[label][c.status] += 1
    labels = sorted(counts, key=lambda k: order[k])
    ax = _axes(ax, (8, max(2.5, 0.35 * len(labels) + 1)))
    _stacked(ax, labels, counts, _STATUS_COLOURS)
    ax.set_xlabel("measures")
    ax.set_title(f"Measures called for · {result.profile} · {result.as_of.isoformat()}")
    return ax


def responsibility_graph(graph: Any, *, nodes: Sequence[str] | None = None, ax: Any = None) -> Any:
    """Draw a responsibility graph (from ``edusupervision.responsibility.build_graph``): tasks and their units.

    Delegates to :func:`edusupervision.responsibility.draw`; ``nodes`` restricts the drawing to those nodes.
    Without a font for Chinese, nodes are labelled with their record ids (``zb-edu``, ``ZB-3``).
    """
    from edusupervision._responsibility._graph import draw  # noqa: PLC0415 - networkx graph code, loaded on use

    ax = _axes(ax, (10, 8))
    ax = draw(graph, ax, nodes=nodes)
    if _cjk_font() is None:  # no font can draw the names: label the nodes with their record ids instead
        ids = {str(d.get("name", n))[:12]: str(d.get("id", n)) for n, d in graph.nodes(data=True)}
        for text in ax.texts:
            label = text.get_text()
            if not label.isascii():
                text.set_text(ids.get(label, label))
    return ax
