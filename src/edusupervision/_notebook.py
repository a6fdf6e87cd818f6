"""Rich display in notebooks: HTML (and compact text) renderings of the library's objects, and data frames.

Every renderer is a pure function of its argument: the same object gives byte-identical HTML. The HTML uses
inline CSS only (no ``<style>`` block, no JavaScript, no ids), so it displays the same in JupyterLab, VS Code,
GitHub's notebook viewer and exported HTML, and every value taken from data is escaped with :func:`html.escape`.
Long lists are cut at ``limit`` rows with a note saying how to get them all (``to_pandas()``, ``to_text()``).

The classes delegate to these functions (``Report._repr_html_`` returns :func:`report_html` …); plans, coverage
and responsibility graphs are accepted duck-typed, so this module imports nothing optional.

Examples
--------
>>> from edusupervision import sample_dataset, validate
>>> page = report_html(validate(sample_dataset()), limit=3)
>>> page.startswith("<div") and "22 more" in page
True

"""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING, Any, Final, Literal

from edusupervision._domain._dataset import TABLES
from edusupervision._engine._report import jsonable
from edusupervision._profiles._model import Profile, ResolvedProfile

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from edusupervision._domain._dataset import Dataset
    from edusupervision._engine._consequences import Consequences
    from edusupervision._engine._report import Finding, Report, ReportDiff

__all__ = [
    "consequences_html",
    "coverage_html",
    "dataset_html",
    "diff_html",
    "finding_html",
    "frame",
    "graph_html",
    "plan_html",
    "profile_html",
    "profile_text",
    "report_html",
    "resolved_profile_records",
    "to_pandas",
]

Lang = Literal["zh", "en"]

_BOX: Final = (
    "font-family:system-ui,-apple-system,'Segoe UI','Noto Sans CJK SC','PingFang SC',sans-serif;"
    "font-size:13px;line-height:1.4;max-width:100%;overflow-x:auto"
)
_TABLE: Final = "border-collapse:collapse;margin:4px 0;font-size:12px"
_TH: Final = "text-align:left;padding:2px 8px;border-bottom:1px solid #888;font-weight:600;white-space:nowrap"
_TD: Final = "text-align:left;padding:2px 8px;border-bottom:1px solid #ddd;vertical-align:top"
_MUTED: Final = "color:#666"
_SEVERITY_COLOURS: Final = {"error": "#b00020", "warning": "#a05a00", "info": "#1f5fa8"}
_STATUS_COLOURS: Final = {"missing": "#b00020", "pending": "#a05a00", "done": "#2e7d32"}
_TABLE_ZH: Final = {spec.name: spec.zh for spec in TABLES}


def _e(value: Any) -> str:
    """Return ``value`` as escaped text; None as an em dash."""
    if value is None:
        return "—"
    return html.escape(str(value), quote=True)


def _value(value: Any) -> str:
    """Return a parameter value as compact text (dates ISO, enums by code, lists comma-joined)."""
    data = jsonable(value)
    if data is None:
        return "—"
    if isinstance(data, list):
        return ", ".join(str(v) for v in data)
    return str(data)


def _params(params: Mapping[str, Any]) -> str:
    return "; ".join(f"{k}={_value(v)}" for k, v in params.items()) or "—"


def _badge(text: str, colour: str) -> str:
    return (
        f'<span style="display:inline-block;padding:0 6px;border-radius:3px;color:#fff;'
        f'background:{colour};font-size:11px;font-weight:600">{_e(text)}</span>'
    )


def _severity(value: str, label: str | None = None) -> str:
    return _badge(value if label is None else label, _SEVERITY_COLOURS.get(value, "#555"))


def _code(text: Any) -> str:
    return f"<code>{_e(text)}</code>"


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Return an HTML table; ``headers`` are escaped here, cells must already be HTML."""
    head = "".join(f'<th style="{_TH}">{_e(h)}</th>' for h in headers)
    body = "".join(
        "<tr>" + "".join(f'<td style="{_TD}">{cell}</td>' for cell in row) + "</tr>" for row in rows
    )
    return f'<table style="{_TABLE}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _box(title: str, *parts: str) -> str:
    """Return the outer box: a bold title line (already HTML) and the parts."""
    return (
        f'<div style="{_BOX}"><div style="font-weight:600;margin:2px 0">{title}</div>{"".join(parts)}</div>'
    )


def _line(text: str) -> str:
    return f'<div style="margin:2px 0">{text}</div>'


def _more(shown: int, total: int, how: str) -> str:
    if total <= shown:
        return ""
    return _line(f'<span style="{_MUTED}">… {total - shown} more; {_e(how)}</span>')


def _details(summary: str, body: str) -> str:
    """Return a collapsed section (plain HTML ``<details>``: no script needed)."""
    return f'<details><summary style="cursor:pointer">{summary}</summary>{body}</details>'


def _counts(counts: Mapping[str, int]) -> str:
    return ", ".join(f"{_e(k)} {n}" for k, n in counts.items()) or "—"


# --- datasets ---------------------------------------------------------------------------------------------


def dataset_html(dataset: Dataset) -> str:
    """Return a dataset as HTML: its info, and the number of records per non-empty table."""
    info = dataset.info
    facts = [
        ("reference date 基准日", info.reference_date.isoformat() if info.reference_date else None),
        ("jurisdiction 辖区", info.root_division_id),
        ("profile 适用规则", info.profile),
        ("description 说明", info.description),
    ]
    lines = "".join(
        _line(f'<span style="{_MUTED}">{_e(k)}:</span> {_e(v)}') for k, v in facts if v is not None
    )
    rows = [
        (_code(name), _e(_TABLE_ZH.get(name, "")), str(len(records))) for name, records in dataset if records
    ]
    empty = [name for name, records in dataset if not records]
    note = _line(f'<span style="{_MUTED}">empty: {_e(", ".join(empty))}</span>') if empty else ""
    return _box(
        f"Dataset {_e(info.name)}",
        lines,
        _table(("table", "表", "records"), rows),
        note,
    )


# --- findings and reports ---------------------------------------------------------------------------------


def _who(finding: Finding) -> str:
    if finding.responsible_name:
        return _e(finding.responsible_name)
    return _e(finding.responsible.id) if finding.responsible else "—"


def _subject(finding: Finding) -> str:
    name = f" {_e(finding.subject_name)}" if finding.subject_name else ""
    return f"{_e(finding.subject.kind)} {_code(finding.subject.id)}{name}"


def finding_html(finding: Finding, *, lang: Lang = "zh") -> str:
    """Return one finding as HTML: what is wrong, who must act, which clause says so, and the evidence."""
    title = finding.title_zh if lang == "zh" else finding.title_en
    citations = "<br>".join(
        f"{_e(c)}" + (f' <span style="{_MUTED}">「{_e(c.quote)}」</span>' if c.quote else "")
        for c in finding.citations
    )
    evidence = _params(finding.evidence) if finding.evidence else "—"
    where = "—"
    if finding.location:
        loc = finding.location
        where = _e(f"{loc.get('file') or loc.get('table')}:{loc.get('row')}")
    rows = [
        ("subject 对象", _subject(finding)),
        ("message 说明", _e(finding.message(lang))),
        ("who must act 责任主体", _who(finding)),
        ("outcome 结果", _e(finding.outcome.value)),
        ("citations 依据", citations or "—"),
        ("evidence 证据", _e(evidence)),
        ("row 位置", where),
    ]
    body = _table(("", ""), [(f'<span style="{_MUTED}">{_e(k)}</span>', v) for k, v in rows])
    return _box(f"{_severity(finding.severity.value)} {_code(finding.rule)} {_e(title)}", body)


def report_html(report: Report, *, lang: Lang = "zh", limit: int = 50) -> str:
    """Return a report as HTML: a summary line, counts by rule, and the first ``limit`` findings."""
    s = report.summary
    checks = s["compliant"] + s["violation"] + s["undeterminable"] + s["not_applicable"]
    head = _line(
        " ".join(_severity(k, f"{s[k]} {k}") for k in ("error", "warning", "info"))
        + f' <span style="{_MUTED}">· {s["compliant"]} compliant of {checks} checks over {s["rules"]} rules'
        + (f" · {s['format']} format findings" if s["format"] else "")
        + "</span>"
    )
    by_rule = Counter(f.rule for f in report.findings)
    rule_rows = [(_code(rule), str(n)) for rule, n in sorted(by_rule.items())]
    shown = report.findings[:limit]
    rows = [
        (
            _severity(f.severity.value),
            _code(f.rule),
            _subject(f),
            _e(f.message(lang)),
            _who(f),
            _e("; ".join(str(c) for c in f.citations)),
        )
        for f in shown
    ]
    parts = [head]
    if rule_rows:
        parts.append(
            _details(f"findings by rule ({len(rule_rows)} rules)", _table(("rule", "findings"), rule_rows))
        )
        parts.append(_table(("severity", "rule", "subject", "message", "who must act", "citations"), rows))
        parts.append(
            _more(len(shown), len(report.findings), "report.to_pandas() or report.to_text() has them all")
        )
    else:
        parts.append(_line("no findings 未发现问题"))
    title = f"Report {_e(report.dataset)} · profile {_code(report.profile)} · as of {_e(report.as_of.isoformat())}"
    return _box(title, *parts)


def diff_html(diff: ReportDiff, *, lang: Lang = "zh", limit: int = 50) -> str:
    """Return what changed between two reports as HTML: added, removed and changed findings."""
    rows: list[tuple[str, ...]] = []
    rows += [("+", _code(f.rule), _subject(f), _e(f.message(lang))) for f in diff.added]
    rows += [("−", _code(f.rule), _subject(f), _e(f.message(lang))) for f in diff.removed]
    rows += [
        (
            "~",
            _code(b.rule),
            _subject(b),
            _e(
                f"{a.severity.value}/{a.outcome.value} → {b.severity.value}/{b.outcome.value}: {b.message(lang)}"
            ),
        )
        for a, b in diff.changed
    ]
    title = f"Changes: {len(diff.added)} added, {len(diff.removed)} removed, {len(diff.changed)} changed"
    if not rows:
        return _box(_e(title), _line("no change"))
    return _box(
        _e(title),
        _table(("", "rule", "subject", "what"), rows[:limit]),
        _more(min(limit, len(rows)), len(rows), "diff.to_text() has them all"),
    )


# --- profiles ---------------------------------------------------------------------------------------------


def _parent_name(profile: Profile) -> str | None:
    parent = profile.parent
    return parent.name if isinstance(parent, Profile) else parent


def profile_text(profile: Profile | ResolvedProfile) -> str:
    """Return a one-line text form: ``<Profile guangxi ← national: 23 changes>``."""
    if isinstance(profile, ResolvedProfile):
        return (
            f"<ResolvedProfile {' ← '.join(reversed(profile.chain))}: {len(profile.rules)} rules, "
            f"{len(profile.disabled)} disabled>"
        )
    parent = _parent_name(profile)
    return f"<Profile {profile.name}{' ← ' + parent if parent else ''}: {len(profile.changes)} changes>"


def _from(change: Any) -> str:
    day = change.effective_from()
    return day.isoformat() if day else "with the rule"


def _changes_table(profile: Profile) -> str:
    rows = [
        (
            _e(c.kind.value),
            _code(c.rule_id),
            _e(_params(c.params)),
            _e(
                " ".join(x for x in (c.modality and c.modality.value, c.severity and c.severity.value) if x)
                or "—"
            ),
            _e("; ".join(str(x) for x in c.citations) or "—"),
            _e(_from(c)),
            _e(c.note or ""),
        )
        for c in profile.changes
    ]
    return _table(("change", "rule", "parameters", "modality/severity", "citations", "from", "note"), rows)


def resolved_profile_records(resolved: ResolvedProfile) -> list[dict[str, Any]]:
    """Return one flat dict per effective rule: id, titles, modality, severity, parameters, origin, citations."""
    out = []
    for rule_id, eff in resolved.rules.items():
        applied = eff.latest
        out.append(
            {
                "rule": rule_id,
                "title_zh": eff.rule.title_zh,
                "title_en": eff.rule.title_en,
                "section": eff.rule.section,
                "modality": applied.modality.value,
                "severity": applied.severity.value,
                "params": _params(applied.params),
                "origin": eff.origin,
                "effective": eff.effective.isoformat(),
                "citations": "; ".join(str(c) for c in applied.citations),
            }
        )
    return out


def profile_html(profile: Profile | ResolvedProfile) -> str:
    """Return a profile as HTML: title, parent chain and its changes (a resolved one: its effective rules)."""
    if isinstance(profile, ResolvedProfile):
        records = resolved_profile_records(profile)
        rows = [
            (
                _code(r["rule"]),
                _e(r["title_zh"]),
                _e(r["modality"]),
                _severity(r["severity"]),
                _e(r["params"]),
                _e(r["origin"]),
                _e(r["effective"]),
                _e(r["citations"]),
            )
            for r in records
        ]
        disabled = ", ".join(f"{_code(rid)} ({_e(layer.profile)})" for rid, layer in profile.disabled.items())
        parts = [
            _line(f'<span style="{_MUTED}">chain:</span> {_e(" → ".join(profile.chain))}'),
            _line(f"{len(records)} effective rules" + (f"; disabled: {disabled}" if disabled else "")),
            _details(
                "effective rules",
                _table(
                    (
                        "rule",
                        "规则",
                        "modality",
                        "severity",
                        "parameters",
                        "from layer",
                        "applies from",
                        "citations",
                    ),
                    rows,
                ),
            ),
        ]
        p = profile.profile
        return _box(f"Resolved profile {_code(p.name)} {_e(p.title_zh)} {_e(p.title_en)}", *parts)
    facts = [
        ("parent", _parent_name(profile)),
        ("division code", profile.division_code),
        ("hierarchy", profile.hierarchy or None),
        ("description", profile.description or None),
    ]
    lines = "".join(
        _line(f'<span style="{_MUTED}">{_e(k)}:</span> {_e(v)}') for k, v in facts if v is not None
    )
    changes = _changes_table(profile) if profile.changes else _line("no changes")
    return _box(
        f"Profile {_code(profile.name)} {_e(profile.title_zh)} {_e(profile.title_en)}",
        lines,
        _line(f"{len(profile.changes)} changes to its parent's rules"),
        changes,
    )


# --- consequences -----------------------------------------------------------------------------------------


def consequences_html(result: Consequences, *, lang: Lang = "zh", limit: int = 50) -> str:
    """Return the measures the rules call for as HTML: counts by kind, then one row per measure."""
    missing = result.counts(status="missing")
    head = _line(
        f"{_counts(result.counts())}"
        + (
            f' · <span style="color:{_STATUS_COLOURS["missing"]}">missing: {_counts(missing)}</span>'
            if missing
            else ""
        )
    )
    rows = []
    for c in result.measures[:limit]:
        m = c.measure
        label = m.measure.zh if lang == "zh" else m.measure.en
        dates = m.triggered_on.isoformat() + (f" → due {m.due.isoformat()}" if m.due else "")
        if m.until:
            dates += f" · until {m.until.isoformat()}"
        rows.append(
            (
                _e(label),
                f"{_e(m.subject.kind)} {_code(m.subject.id)} {_e(c.subject_name or '')}",
                _badge(c.status, _STATUS_COLOURS.get(c.status, "#555")),
                _e(dates),
                _e("; ".join(m.reasons)),
                _code(c.rule),
                _e("; ".join(str(x) for x in c.citations)),
            )
        )
    title = (
        f"Consequences {_e(result.dataset)} · profile {_code(result.profile)} · "
        f"as of {_e(result.as_of.isoformat())}"
    )
    if not rows:
        return _box(title, _line("no measure called for"))
    return _box(
        title,
        head,
        _table(("measure", "subject", "status", "triggered", "reasons", "rule", "citations"), rows),
        _more(len(rows), len(result.measures), "result.to_text() has them all"),
    )


# --- plans, coverage, responsibility graphs (duck-typed) --------------------------------------------------


def plan_html(plan: Any, *, limit: int = 30) -> str:
    """Return a cycle plan as HTML: feasibility, staffing per county, reasons, and the first supervisions."""
    s = plan.summary()
    ok = _badge("feasible", "#2e7d32") if s["feasible"] else _badge("not feasible", "#b00020")
    head = _line(
        f"{ok} {s['supervisions']} supervisions ({s['term_end']} term-end) · "
        f"{s['unscheduled']} unscheduled · {s['inspectors_used']} inspectors, "
        f"{s['inspector_load']['min']}–{s['inspector_load']['max']} each · "
        f"per year: {_counts(s['per_year'])}"
    )
    staffing = _table(
        ("county", "schools", "supervisions", "available", "minimum", "shortfall"),
        [
            (
                f"{_e(st.name)} {_code(st.division_id)}",
                str(st.schools),
                str(st.supervisions),
                str(st.available),
                f"{st.minimum}{'' if st.verified else ' (bound)'}",
                str(st.shortfall),
            )
            for st in plan.staffing
        ],
    )
    reasons = "".join(_line(f"⚠ {_e(r)}") for r in plan.reasons)
    rows = [
        (
            _e(p.date.isoformat()),
            _code(p.school_id),
            _e(p.type.value),
            str(p.cycle),
            _e(f"{p.window_start.isoformat()} – {p.due.isoformat()}"),
            _e(", ".join(p.team)),
            "catch-up" if p.catch_up else "",
        )
        for p in plan.supervisions[:limit]
    ]
    title = (
        f"Plan {_e(plan.dataset)} · profile {_code(plan.profile)} · "
        f"{_e(plan.start.isoformat())} – {_e(plan.end.isoformat())}"
    )
    return _box(
        title,
        head,
        staffing,
        reasons,
        _details(
            f"supervisions (first {min(limit, len(plan.supervisions))})",
            _table(("date", "school", "type", "cycle", "window", "team (leader first)", ""), rows),
        ),
        _more(len(rows), len(plan.supervisions), "plan.to_records() has them all"),
    )


def coverage_html(result: Any) -> str:
    """Return comprehensive-supervision coverage as HTML: one row per county and the total."""
    rows = [
        (
            f"{_e(j.name)} {_code(j.division_id)}",
            f"{j.covered}/{j.schools}",
            _e(f"{j.share:.0%}"),
            _e(", ".join(j.overdue) or "—"),
            str(len(j.at_risk)),
            _e(f"{j.visits} in {j.semester}"),
        )
        for j in result.jurisdictions
    ]
    return _box(
        f"Coverage {_e(result.dataset)} · profile {_code(result.profile)} · {_e(result.cycle)} · "
        f"as of {_e(result.as_of.isoformat())}",
        _table(
            (
                "county",
                "covered",
                "share",
                "overdue",
                f"due ≤ {result.at_risk_months} months",
                "regular visits",
            ),
            rows,
        ),
    )


def graph_html(graph: Any, *, limit: int = 40) -> str:
    """Return a responsibility graph as HTML: nodes and edges by kind, and each task's units by role."""
    nodes = Counter(str(kind) for _n, kind in graph.nodes(data="kind"))
    edges = Counter(str(kind) for _u, _v, kind in graph.edges(data="kind"))
    tasks = sorted(n for n, kind in graph.nodes(data="kind") if kind == "task")
    rows = []
    for task in tasks[:limit]:
        lead: list[str] = []
        co: list[str] = []
        for _u, v, kind in sorted(graph.out_edges(task, data="kind"), key=lambda e: str(e[1])):
            name = str(graph.nodes[v].get("name", v))
            if kind == "lead":
                lead.append(name)
            elif kind == "co_responsible":
                co.append(name)
        data = graph.nodes[task]
        rows.append(
            (
                _code(data.get("id", task)),
                _e(str(data.get("name", ""))[:80]),
                _e("、".join(dict.fromkeys(lead)) or "—"),
                _e("、".join(dict.fromkeys(co)) or "—"),
            )
        )
    problems = graph.graph.get("problems", ())
    parts = [
        _line(f'<span style="{_MUTED}">nodes:</span> {_counts(dict(sorted(nodes.items())))}'),
        _line(f'<span style="{_MUTED}">edges:</span> {_counts(dict(sorted(edges.items())))}'),
        _line(f"{len(problems)} resolution problems" if problems else "no resolution problems"),
    ]
    if rows:
        parts.append(_table(("task", "text", "lead 牵头", "co-responsible 配合"), rows))
        parts.append(_more(len(rows), len(tasks), "units_for_task() answers for each"))
    return _box(
        f"Responsibility graph · {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges", *parts
    )


# --- data frames ------------------------------------------------------------------------------------------


def frame(records: Sequence[Mapping[str, Any]], columns: Sequence[str] | None = None) -> Any:
    """Return ``records`` as a pandas DataFrame; pandas is optional (``pip install 'edusupervision[notebook]'``)."""
    try:
        import pandas as pd  # noqa: PLC0415 - optional dependency, imported on use
    except ImportError as exc:
        msg = "to_pandas() needs pandas: pip install 'edusupervision[notebook]'"
        raise ImportError(msg) from exc
    return pd.DataFrame.from_records([dict(r) for r in records], columns=list(columns) if columns else None)


def _record_row(record: Any) -> dict[str, Any]:
    import attrs  # noqa: PLC0415 - only the dataset branch needs it

    return {f.name: jsonable(getattr(record, f.name)) for f in attrs.fields(type(record))}


def to_pandas(obj: Any, table: str | None = None, *, lang: Lang = "zh") -> Any:
    """Return the table a notebook user wants next as a DataFrame.

    A :class:`~edusupervision.Dataset` gives one of its tables (``table="schools"``; dates ISO, enums by code,
    lists as lists); a report its findings; consequences their measures; a resolved profile its effective
    rules; a plan its supervisions; a coverage its schools.
    """
    from edusupervision._domain._dataset import Dataset, table_spec  # noqa: PLC0415 - avoid an import cycle
    from edusupervision._engine._consequences import Consequences  # noqa: PLC0415 - avoid an import cycle
    from edusupervision._engine._report import Report  # noqa: PLC0415 - avoid an import cycle

    if isinstance(obj, Dataset):
        if table is None:
            msg = f"name a table: to_pandas(dataset, 'schools'); tables: {', '.join(s.name for s in TABLES)}"
            raise ValueError(msg)
        spec = table_spec(table)
        import attrs  # noqa: PLC0415 - only the dataset branch needs it

        columns = [f.name for f in attrs.fields(spec.record_type)]
        return frame([_record_row(r) for r in getattr(obj, table)], columns)
    if isinstance(obj, Report):
        return frame(obj.to_records(lang))
    if isinstance(obj, Consequences):
        return frame([_flat_measure(m) for m in obj.to_dict()["measures"]])
    if isinstance(obj, Profile):
        from edusupervision._profiles._model import resolve  # noqa: PLC0415 - avoid an import cycle

        obj = resolve(obj)
    if isinstance(obj, ResolvedProfile):
        return frame(resolved_profile_records(obj))
    if hasattr(obj, "to_records"):
        return frame(obj.to_records())
    if hasattr(obj, "schools") and hasattr(obj, "jurisdictions"):
        return frame([s.to_dict() for s in obj.schools])
    msg = f"no table for {type(obj).__name__}"
    raise TypeError(msg)


def _flat_measure(m: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "triggered_on": m["triggered_on"],
        "measure": m["measure"],
        "measure_code": m["measure_code"],
        "subject_kind": m["subject"]["kind"],
        "subject_id": m["subject"]["id"],
        "subject_name": m["subject"]["name"],
        "status": m["status"],
        "due": m["due"],
        "until": m["until"],
        "reasons": "; ".join(m["reasons"]),
        "rule": m["rule"],
        "citations": "; ".join(f"{c['document']} {c['clause']}".strip() for c in m["citations"]),
        "recorded": "; ".join(m["recorded"]),
    }
