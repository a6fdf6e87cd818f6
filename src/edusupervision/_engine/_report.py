"""Findings and reports: deterministic, comparable, exportable."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs

from edusupervision._frozen import frozen_map, frozen_tuple
from edusupervision._rules._model import Citation, Outcome, Ref, Severity

__all__ = ["Finding", "Report", "ReportDiff", "RuleSummary", "jsonable"]

Lang = Literal["zh", "en"]


def jsonable(value: Any) -> Any:
    """Return ``value`` as JSON-ready data: dates ISO, enums by code, tuples as lists, mappings as dicts."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "value") and hasattr(value, "zh"):
        return value.value
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        items = [jsonable(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return value


@attrs.frozen(kw_only=True)
class Finding:
    """A non-compliant outcome of a rule for a subject: what is wrong, who must act, which clause says so."""

    rule: str
    title_zh: str
    title_en: str
    severity: Severity
    outcome: Outcome
    subject: Ref
    subject_name: str | None
    responsible: Ref | None
    responsible_name: str | None
    message_zh: str
    message_en: str
    citations: tuple[Citation, ...]
    evidence: Mapping[str, Any] = attrs.field(converter=frozen_map)
    origin: str
    location: Mapping[str, Any] | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        """Return what identifies the finding across reports: rule, subject kind, subject id."""
        return (self.rule, self.subject.kind, self.subject.id)

    def sort_key(self) -> tuple[int, str, str, str]:
        """Return the report order: severity (errors first), rule, subject."""
        return (self.severity.rank, *self.key)

    def message(self, lang: Lang = "zh") -> str:
        """Return the message in ``zh`` or ``en``."""
        return self.message_zh if lang == "zh" else self.message_en

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract of a finding."""
        return {
            "rule": self.rule,
            "title": {"zh": self.title_zh, "en": self.title_en},
            "severity": self.severity.value,
            "outcome": self.outcome.value,
            "subject": {**self.subject.to_dict(), "name": self.subject_name},
            "responsible": None
            if self.responsible is None
            else {**self.responsible.to_dict(), "name": self.responsible_name},
            "message": {"zh": self.message_zh, "en": self.message_en},
            "citations": [c.to_dict() for c in self.citations],
            "evidence": jsonable(self.evidence),
            "origin": self.origin,
            "location": None if self.location is None else dict(self.location),
        }

    def __repr__(self) -> str:
        """Return ``<Finding error inspector.training_hours inspector:insp-07>``."""
        return f"<Finding {self.severity.value} {self.rule} {self.subject.kind}:{self.subject.id}>"

    def _repr_html_(self) -> str:
        """Return the notebook display (HTML, escaped, no scripts)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.finding_html(self)


@attrs.frozen(kw_only=True)
class RuleSummary:
    """How a rule fared: outcome counts over the subjects it covered."""

    rule: str
    severity: Severity
    origin: str
    counts: Mapping[str, int] = attrs.field(converter=frozen_map)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form."""
        return {"rule": self.rule, "severity": self.severity.value, "origin": self.origin, **self.counts}


@attrs.frozen(kw_only=True)
class ReportDiff:
    """What changed between two reports (e.g. a scenario against its baseline)."""

    added: tuple[Finding, ...]
    removed: tuple[Finding, ...]
    changed: tuple[tuple[Finding, Finding], ...]

    def __bool__(self) -> bool:
        """Return True when anything changed."""
        return bool(self.added or self.removed or self.changed)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: added, removed and changed findings."""
        return {
            "added": [f.to_dict() for f in self.added],
            "removed": [f.to_dict() for f in self.removed],
            "changed": [{"before": a.to_dict(), "after": b.to_dict()} for a, b in self.changed],
        }

    def to_text(self, lang: Lang = "en") -> str:
        """Return one line per change: ``+`` added, ``-`` removed, ``~`` changed."""
        lines = [f"+ {f.rule} {f.subject.id}: {f.message(lang)}" for f in self.added]
        lines += [f"- {f.rule} {f.subject.id}: {f.message(lang)}" for f in self.removed]
        lines += [
            f"~ {b.rule} {b.subject.id}: {a.severity.value}/{a.outcome.value} → "
            f"{b.severity.value}/{b.outcome.value}"
            for a, b in self.changed
        ]
        return "\n".join(lines) or "no change"

    def _repr_html_(self) -> str:
        """Return the notebook display (HTML, escaped, no scripts)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.diff_html(self)


def _sorted_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=Finding.sort_key))


@attrs.frozen(kw_only=True)
class Report:
    """The result of :func:`validate`: findings sorted by severity, rule and subject, plus per-rule counts."""

    profile: str
    as_of: dt.date
    dataset: str
    findings: tuple[Finding, ...] = attrs.field(converter=_sorted_findings)
    rules: tuple[RuleSummary, ...] = attrs.field(converter=frozen_tuple)

    @property
    def summary(self) -> dict[str, int]:
        """Return counts by severity and by outcome (over all evaluated subjects)."""
        by_severity = Counter(f.severity.value for f in self.findings)
        by_outcome: Counter[str] = Counter()
        for rule in self.rules:
            by_outcome.update(rule.counts)
        out = {s.value: by_severity.get(s.value, 0) for s in Severity}
        out.update({o.value: by_outcome.get(o.value, 0) for o in Outcome})
        out["format"] = sum(1 for f in self.findings if f.origin == "format")
        out["rules"] = len(self.rules)
        return out

    @property
    def exit_code(self) -> int:
        """Return 1 when any finding has severity ``error``, else 0 (the CLI's exit code)."""
        return 1 if any(f.severity is Severity.ERROR for f in self.findings) else 0

    def by_rule(self, rule: str) -> tuple[Finding, ...]:
        """Return the findings of one rule."""
        return tuple(f for f in self.findings if f.rule == rule)

    def violations(self) -> tuple[Finding, ...]:
        """Return the findings whose outcome is ``violation``."""
        return tuple(f for f in self.findings if f.outcome is Outcome.VIOLATION)

    def to_dict(self, *, limit: int | None = None) -> dict[str, Any]:
        """Return the JSON contract: profile, as_of, summary, findings (and per-rule counts).

        ``limit`` keeps the first findings only; the summary still counts them all.
        """
        return {
            "profile": self.profile,
            "as_of": self.as_of.isoformat(),
            "dataset": self.dataset,
            "summary": self.summary,
            "findings": [f.to_dict() for f in self.findings[:limit]],
            "rules": [r.to_dict() for r in self.rules],
        }

    def to_json(self, *, indent: int | None = 2, limit: int | None = None) -> str:
        """Return the report as JSON text (UTF-8, Chinese unescaped; byte-identical for the same input)."""
        return json.dumps(self.to_dict(limit=limit), ensure_ascii=False, indent=indent)

    def to_records(self, lang: Lang = "zh", *, limit: int | None = None) -> list[dict[str, Any]]:
        """Return one flat dict per finding (for CSV, spreadsheets and data frames)."""
        return [
            {
                "rule": f.rule,
                "severity": f.severity.value,
                "outcome": f.outcome.value,
                "subject_kind": f.subject.kind,
                "subject_id": f.subject.id,
                "subject_name": f.subject_name,
                "responsible_id": f.responsible.id if f.responsible else None,
                "responsible_name": f.responsible_name,
                "message": f.message(lang),
                "citations": "; ".join(str(c) for c in f.citations),
                "table": f.location.get("table") if f.location else None,
                "row": f.location.get("row") if f.location else None,
                "file": f.location.get("file") if f.location else None,
                "origin": f.origin,
            }
            for f in self.findings[:limit]
        ]

    def to_pandas(self, lang: Lang = "zh") -> Any:
        """Return the findings as a pandas DataFrame (needs the optional ``pandas`` package)."""
        try:
            import pandas as pd  # noqa: PLC0415 - optional dependency, imported on use
        except ImportError as exc:
            msg = "to_pandas() needs pandas: pip install 'edusupervision[notebook]'"
            raise ImportError(msg) from exc
        return pd.DataFrame.from_records(self.to_records(lang))

    def diff(self, other: Report) -> ReportDiff:
        """Return what ``other`` changes against this report, keyed by rule and subject."""
        mine = {f.key: f for f in self.findings}
        theirs = {f.key: f for f in other.findings}
        return ReportDiff(
            added=tuple(theirs[k] for k in sorted(theirs.keys() - mine.keys())),
            removed=tuple(mine[k] for k in sorted(mine.keys() - theirs.keys())),
            changed=tuple(
                (mine[k], theirs[k])
                for k in sorted(mine.keys() & theirs.keys())
                if (mine[k].severity, mine[k].outcome, dict(mine[k].evidence))
                != (theirs[k].severity, theirs[k].outcome, dict(theirs[k].evidence))
            ),
        )

    def to_text(self, lang: Lang = "zh", *, limit: int | None = None) -> str:
        """Return a plain-text report: a summary line and one block per finding (the first ``limit``)."""
        s = self.summary
        head = (
            f"{self.dataset} · profile {self.profile} · as of {self.as_of.isoformat()} · "
            f"{s['error']} error(s), {s['warning']} warning(s), {s['info']} info · "
            f"{s['compliant']} compliant of {sum(s[o.value] for o in Outcome)} checks over {s['rules']} rules"
        )
        lines = [head, ""]
        for f in self.findings[:limit]:
            where = ""
            if f.location:
                where = f" [{f.location.get('file') or f.location.get('table')}:{f.location.get('row')}]"
            lines.append(
                f"{f.severity.value.upper():7} {f.rule} · {f.subject.kind} {f.subject.id}"
                f"{' ' + f.subject_name if f.subject_name else ''}{where}"
            )
            lines.append(f"        {f.message(lang)}")
            who = f.responsible_name or (f.responsible.id if f.responsible else "—")
            lines.append(f"        → {who} · {'; '.join(str(c) for c in f.citations)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        """Return :meth:`to_text` in Chinese."""
        return self.to_text()

    def __repr__(self) -> str:
        """Return a compact summary."""
        s = self.summary
        return (
            f"<Report {self.profile} as of {self.as_of}: {len(self.findings)} findings "
            f"({s['error']} error, {s['warning']} warning, {s['info']} info)>"
        )

    def _repr_html_(self) -> str:
        """Return the notebook display (HTML, escaped, no scripts)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.report_html(self)


def merge_counts(items: Iterable[Outcome]) -> dict[str, int]:
    """Return outcome counts with every outcome present (zeros included)."""
    counts = Counter(o.value for o in items)
    return {o.value: counts.get(o.value, 0) for o in Outcome}
