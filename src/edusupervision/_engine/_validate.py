"""``validate``: apply a profile's effective rules to a dataset as of a date."""

from __future__ import annotations

import datetime as dt
import string
from typing import TYPE_CHECKING, Any

from edusupervision._engine._format_findings import format_finding
from edusupervision._engine._report import Finding, Report, RuleSummary, merge_counts
from edusupervision._errors import EduSupervisionError
from edusupervision._profiles._model import EffectiveRule, Profile, resolve
from edusupervision._rules._helpers import root_division
from edusupervision._rules._model import Context, Outcome, Ref, Result, Severity

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from edusupervision._domain._dataset import Dataset
    from edusupervision._errors import DataProblem

__all__ = ["MissingAsOfError", "name_of", "validate"]

_TABLE_OF_KIND = {
    "school": "schools",
    "inspector": "inspectors",
    "organisation": "organisations",
    "committee": "committees",
    "division": "divisions",
    "zone": "zones",
    "supervision": "supervisions",
    "assignment": "assignments",
    "problem": "problems",
    "person": "persons",
}


class MissingAsOfError(EduSupervisionError, ValueError):
    """No ``as_of`` was given and the dataset states no reference date."""


class _Fill(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _text(value: Any, lang: str) -> str:
    if value is None:
        return "—" if lang == "zh" else "none"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return ("、" if lang == "zh" else ", ").join(_text(v, lang) for v in value) or (
            "无" if lang == "zh" else "none"
        )
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def name_of(ds: Dataset, ref: Ref | None) -> str | None:
    if ref is None:
        return None
    if ref.kind == "committee_member":
        _committee_id, _, org_id = ref.id.partition("/")
        org = ds.find("organisations", org_id)
        return None if org is None else str(org.name)
    table = _TABLE_OF_KIND.get(ref.kind)
    record = ds.find(table, ref.id) if table else None
    name = getattr(record, "name", None) or getattr(record, "title", None)
    return None if name is None else str(name)


def _location(ds: Dataset, result: Result) -> dict[str, Any] | None:
    table = result.table or _TABLE_OF_KIND.get(result.subject.kind)
    if table is None:
        return None
    position = result.position if result.position is not None else ds.position(table, result.subject.id)
    if position is None:
        return None
    loc = ds.location(table, position)
    if loc is None:
        return {"table": table, "row": position + 1}
    out: dict[str, Any] = {"table": table, "row": loc.row}
    if loc.file is not None:
        out["file"] = loc.file
    if loc.sheet is not None:
        out["sheet"] = loc.sheet
    return out


def _message(
    template: str, result: Result, subject_name: str | None, lang: str, params: Mapping[str, Any]
) -> str:
    if result.outcome is Outcome.UNDETERMINABLE:
        missing = _text(list(result.missing), lang)
        return (
            f"无法判定：缺少数据（{missing}）。"
            if lang == "zh"
            else f"Cannot determine: data missing ({missing})."
        )
    if result.outcome is Outcome.NOT_APPLICABLE:
        reason = _text(result.evidence.get("reason"), lang)
        return f"不适用：{reason}。" if lang == "zh" else f"Not applicable: {reason}."
    fill = _Fill({k: _text(v, lang) for k, v in params.items()})
    fill.update({k: _text(v, lang) for k, v in result.evidence.items()})
    fill["subject_name"] = subject_name or result.subject.id
    return string.Formatter().vformat(template, (), fill)


def _severity(base: Severity, outcome: Outcome) -> Severity:
    if outcome is Outcome.NOT_APPLICABLE:
        return Severity.INFO
    if outcome is Outcome.UNDETERMINABLE and base is Severity.ERROR:
        return Severity.WARNING
    return base


def _rule_results(
    eff: EffectiveRule, ds: Dataset, as_of: dt.date, profile: str, evaluate: Any
) -> tuple[list[Result], Severity, Any]:
    applied = eff.at(as_of)
    root = root_division(ds)
    subject = Ref("division", root.id) if root is not None else Ref("dataset", ds.info.name)
    if applied is None:
        reason = f"in force from {eff.effective.isoformat()}"
        return (
            [Result(subject=subject, outcome=Outcome.NOT_APPLICABLE, evidence={"reason": reason})],
            eff.rule.default_severity,
            None,
        )
    unset = [p for p in eff.rule.requires if applied.params.get(p) is None]
    if unset:
        reason = f"parameter {', '.join(unset)} is not set"
        return (
            [Result(subject=subject, outcome=Outcome.NOT_APPLICABLE, evidence={"reason": reason})],
            applied.severity,
            applied,
        )
    ctx = Context(dataset=ds, as_of=as_of, params=applied.params, profile=profile, evaluate=evaluate)
    return list(eff.rule.check(ctx)), applied.severity, applied


def validate(
    dataset: Dataset,
    *,
    profile: str | Profile = "national",
    as_of: dt.date | None = None,
    rules: Iterable[str] | None = None,
    problems: Iterable[DataProblem] = (),
) -> Report:
    """Validate ``dataset`` under ``profile`` as of a date; return a :class:`Report` of cited findings.

    ``as_of`` defaults to the dataset's own reference date, never to the clock; with neither, this raises
    :class:`MissingAsOfError`. ``rules`` limits evaluation to some rule ids. ``problems`` (from
    :func:`~edusupervision.read`) are reported as format findings beside the rule findings. Non-compliance is
    reported as findings, never raised.

    Examples
    --------
    >>> from edusupervision import sample_dataset
    >>> report = validate(sample_dataset(), profile="national")
    >>> report.as_of.isoformat(), report.exit_code
    ('2024-12-31', 1)
    >>> [f.subject.id for f in report.by_rule("inspector.training_hours")]
    ['insp-07']

    """
    day = as_of or dataset.info.reference_date
    if day is None:
        msg = f"dataset {dataset.info.name!r} has no reference_date: pass as_of"
        raise MissingAsOfError(msg)
    resolved = resolve(profile)
    wanted = set(resolved.rules) if rules is None else set(rules)
    unknown = wanted - set(resolved.rules)
    if unknown:
        msg = f"rule(s) not in profile {resolved.name!r}: {', '.join(sorted(unknown))}"
        raise EduSupervisionError(msg)
    cache: dict[str, list[Result]] = {}

    def evaluate(rule_id: str) -> Sequence[Result]:
        eff = resolved.rules.get(rule_id)
        if eff is None:
            return []
        if rule_id not in cache:
            cache[rule_id] = _rule_results(eff, dataset, day, resolved.name, evaluate)[0]
        return cache[rule_id]

    findings: list[Finding] = [format_finding(p) for p in problems]
    summaries: list[RuleSummary] = []
    for rule_id, eff in resolved.rules.items():
        if rule_id not in wanted:
            continue
        results, severity, applied = _rule_results(eff, dataset, day, resolved.name, evaluate)
        cache[rule_id] = results
        citations = applied.citations if applied is not None else eff.origin_citations
        params = applied.params if applied is not None else {}
        summaries.append(
            RuleSummary(
                rule=rule_id,
                severity=severity,
                origin=eff.origin,
                counts=merge_counts(r.outcome for r in results),
            )
        )
        for result in results:
            if result.outcome is Outcome.COMPLIANT:
                continue
            subject_name = name_of(dataset, result.subject)
            templates = eff.rule.variants.get(
                str(result.evidence.get("case")), (eff.rule.message_zh, eff.rule.message_en)
            )
            findings.append(
                Finding(
                    rule=rule_id,
                    title_zh=eff.rule.title_zh,
                    title_en=eff.rule.title_en,
                    severity=_severity(severity, result.outcome),
                    outcome=result.outcome,
                    subject=result.subject,
                    subject_name=subject_name,
                    responsible=result.responsible,
                    responsible_name=name_of(dataset, result.responsible),
                    message_zh=_message(templates[0], result, subject_name, "zh", params),
                    message_en=_message(templates[1], result, subject_name, "en", params),
                    citations=citations or eff.rule.citations,
                    evidence={
                        **result.evidence,
                        **({"missing": list(result.missing)} if result.missing else {}),
                    },
                    origin=eff.origin,
                    location=_location(dataset, result),
                )
            )
    return Report(
        profile=resolved.name, as_of=day, dataset=dataset.info.name, findings=findings, rules=summaries
    )
