"""``validate_columnar``: validate a CSV folder with frame queries, building findings only for violating rows.

Three kinds of rules, by what they read:

bulk rules (:data:`~edusupervision._columnar._rules.BULK_RULES`)
    evaluated as polars queries over the lazily scanned files; compliant rows are only counted.
small rules (:data:`SMALL_TABLES`)
    rules that read only the small governance tables (divisions, organisations, persons, committees, budgets,
    reports, evaluations), plus ``government.supervision_interval``, which reads only the supervisions of
    organisations; they run unchanged on a small :class:`~edusupervision.Dataset` of those tables, and
    ``reform.target_2022`` combines their results with the bulk rules'.
everything else
    (supervision conduct, follow-up, accountability, recusal, pre-job training …) is not evaluated by this
    path: each such rule is reported once as *not applicable* with the reason, so a report never claims a
    rule it did not check. Run :func:`~edusupervision.validate` on :func:`~edusupervision.load` for those.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any, Final, Literal

import polars as pl

from edusupervision._columnar._frames import ROW, Frames, read_frames
from edusupervision._columnar._rules import BULK_RULES, COMPLIANT, Env
from edusupervision._domain._dataset import Dataset, Location, table_spec
from edusupervision._domain._enums import DivisionKind, Level, OrgKind
from edusupervision._engine._report import Finding, Report, RuleSummary, merge_counts
from edusupervision._engine._validate import MissingAsOfError, _message, _severity, name_of
from edusupervision._errors import DataError, DataProblem, EduSupervisionError
from edusupervision._io._codec import structure_row, text_converter
from edusupervision._profiles._model import resolve
from edusupervision._rules._model import Context, Outcome, Ref, Result

if TYPE_CHECKING:
    import datetime as dt
    import os
    from collections.abc import Iterable, Mapping, Sequence

    from edusupervision._profiles._model import EffectiveRule, Profile
    from edusupervision._rules._model import Severity

__all__ = ["NOT_EVALUATED", "SMALL_TABLES", "evaluated_by_columnar", "validate_columnar"]

SMALL_TABLES: Final = frozenset(
    {
        "divisions",
        "organisations",
        "persons",
        "committees",
        "committee_members",
        "meetings",
        "budgets",
        "upward_reports",
        "duty_evaluations",
    }
)
#: Small rules reading supervisions: they look only at supervisions of organisations (督政), a small subset.
_GOVERNMENT_SUPERVISION_RULES: Final = frozenset({"government.supervision_interval"})
_OUTCOMES: Final = {o.value: o for o in Outcome}
NOT_EVALUATED: Final = "not evaluated by the columnar path; run validate(load(folder)) for this rule"


class _NotEvaluatedError(Exception):
    """A rule the columnar path cannot evaluate was asked for by another rule."""


def evaluated_by_columnar(rule_id: str, reads: Iterable[str]) -> str | None:
    """Return ``bulk`` or ``small`` for the rules the columnar path evaluates, else None."""
    if rule_id in BULK_RULES:
        return "bulk"
    if rule_id in _GOVERNMENT_SUPERVISION_RULES or set(reads) <= SMALL_TABLES:
        return "small"
    return None


def _scope(divisions: pl.DataFrame, root: str | None) -> tuple[str | None, list[str]]:
    ids = divisions.get_column("id").to_list()
    parents = divisions.get_column("parent_id").to_list()
    if root is None:
        root = next((i for i, p in zip(ids, parents, strict=True) if p is None), None)
    if root is None or root not in set(ids):
        return root, []
    children: dict[str, list[str]] = {}
    for key, parent in zip(ids, parents, strict=True):
        if parent is not None:
            children.setdefault(parent, []).append(key)
    out, stack = [], [root]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(children.get(node, ()))
    return root, out


def _env(frames: Frames, as_of: dt.date) -> tuple[Env, str | None, pl.DataFrame]:
    divisions, orgs = pl.collect_all(
        [
            frames["divisions"].select("id", "parent_id", "name"),
            frames["organisations"].select("id", "name", "kind", "division_id", ROW),
        ]
    )
    root, scope = _scope(divisions, frames.info.root_division_id)
    governments = [k.value for k in OrgKind if k.is_government]
    body = (
        orgs.filter(pl.col("kind") == OrgKind.SUPERVISION_BODY.value)
        .group_by("division_id")
        .agg(body=pl.col("id").sort_by(ROW).first())
    )
    gov = (
        orgs.filter(pl.col("kind").is_in(governments))
        .group_by("division_id")
        .agg(government=pl.col("id").sort_by(ROW).first())
    )
    responsible = body.join(gov, on="division_id", how="full", coalesce=True).select(
        "division_id", responsible=pl.coalesce("body", "government")
    )
    env = Env(
        frames=frames,
        as_of=as_of,
        scope=pl.Series("scope", scope, dtype=pl.String),
        responsible=responsible.lazy(),
        government=gov.lazy(),
    )
    return env, root, orgs.select("id", "name")


def _small_dataset(frames: Frames) -> Dataset:
    """Build a dataset of the small tables (and the supervisions of organisations) through the text codec."""
    conv = text_converter()
    # Townships without organisations yield no result in any small rule (they have no government or body),
    # and only the bulk tables refer to them: leaving them out keeps the results and saves the object rules'
    # per-division scans of the organisations.
    townships = [k.value for k in DivisionKind if k.level is Level.TOWNSHIP]
    with_orgs = frames["organisations"].select("division_id")
    divisions = frames["divisions"].filter(
        ~pl.col("kind").is_in(townships)
        | pl.col("id").is_in(with_orgs.collect().get_column("division_id").implode())
    )
    wanted = {
        **{name: frames[name] for name in SMALL_TABLES},
        "divisions": divisions,
        "supervisions": frames["supervisions"].filter(pl.col("subject_kind") == "organisation"),
    }
    collected = pl.collect_all(list(wanted.values()))
    tables: dict[str, list[Any]] = {}
    locations: dict[str, tuple[Location, ...]] = {}
    problems: list[DataProblem] = []
    for (name, _), frame in zip(wanted.items(), collected, strict=True):
        spec = table_spec(name)
        records, locs = [], []
        file = frames.files[name]
        for row in frame.iter_rows(named=True):
            loc = Location(table=name, row=int(row.pop(ROW)), file=file)

            def where(
                *, code: str, message: str, column: str | None, value: str | None = None, _loc: Location = loc
            ) -> DataProblem:
                return DataProblem(
                    code=code,
                    message=message,
                    table=_loc.table,
                    row=_loc.row,
                    column=column,
                    file=_loc.file,
                    value=value,
                )

            record, row_problems = structure_row(conv, spec.record_type, row, where=where)
            problems.extend(row_problems)
            if record is not None:
                records.append(record)
                locs.append(loc)
        tables[name] = records
        locations[name] = tuple(locs)
    if problems:
        raise DataError(problems)
    return Dataset(info=frames.info, locations=locations, **tables)


def _bulk_findings(
    rule_id: str,
    eff: EffectiveRule,
    bad: pl.DataFrame,
    *,
    severity: Severity,
    params: Mapping[str, Any],
    citations: Any,
    frames: Frames,
) -> tuple[list[Finding], list[Result]]:
    spec = BULK_RULES[rule_id]
    findings: list[Finding] = []
    results: list[Result] = []
    file = frames.files[spec.table]
    columns = [c for c in spec.evidence if c in bad.columns]
    for row in bad.iter_rows(named=True):
        outcome = _OUTCOMES[row["outcome"]]
        missing = tuple(row.get("missing") or ()) if outcome is Outcome.UNDETERMINABLE else ()
        evidence = (
            {}
            if outcome is Outcome.UNDETERMINABLE
            else {c: row[c] for c in columns if not (c in spec.optional and row[c] is None)}
        )
        responsible = None if row["responsible"] is None else Ref("organisation", row["responsible"])
        result = Result(
            subject=Ref(spec.kind, row["subject"]),
            outcome=outcome,
            responsible=responsible,
            evidence=evidence,
            missing=missing,
        )
        results.append(result)
        name = row.get("subject_name")
        findings.append(
            Finding(
                rule=rule_id,
                title_zh=eff.rule.title_zh,
                title_en=eff.rule.title_en,
                severity=_severity(severity, outcome),
                outcome=outcome,
                subject=result.subject,
                subject_name=name,
                responsible=responsible,
                responsible_name=row.get("responsible_name"),
                message_zh=_message(eff.rule.message_zh, result, name, "zh", params),
                message_en=_message(eff.rule.message_en, result, name, "en", params),
                citations=citations or eff.rule.citations,
                evidence={**evidence, **({"missing": list(missing)} if missing else {})},
                origin=eff.origin,
                location={"table": spec.table, "row": row["row"], "file": file},
            )
        )
    return findings, results


def _object_findings(
    rule_id: str,
    eff: EffectiveRule,
    results: Sequence[Result],
    *,
    severity: Severity,
    params: Mapping[str, Any],
    citations: Any,
    dataset: Dataset | None,
    root: tuple[Ref, str | None, dict[str, Any] | None],
) -> list[Finding]:
    from edusupervision._engine._validate import _location  # noqa: PLC0415 - the engine's own helper

    out = []
    for result in results:
        if result.outcome is Outcome.COMPLIANT:
            continue
        name = name_of(dataset, result.subject) if dataset is not None else None
        where = _location(dataset, result) if dataset is not None else None
        if dataset is None and result.subject == root[0]:
            name, where = root[1], root[2]
        templates = eff.rule.variants.get(
            str(result.evidence.get("case")), (eff.rule.message_zh, eff.rule.message_en)
        )
        out.append(
            Finding(
                rule=rule_id,
                title_zh=eff.rule.title_zh,
                title_en=eff.rule.title_en,
                severity=_severity(severity, result.outcome),
                outcome=result.outcome,
                subject=result.subject,
                subject_name=name,
                responsible=result.responsible,
                responsible_name=name_of(dataset, result.responsible) if dataset is not None else None,
                message_zh=_message(templates[0], result, name, "zh", params),
                message_en=_message(templates[1], result, name, "en", params),
                citations=citations or eff.rule.citations,
                evidence={**result.evidence, **({"missing": list(result.missing)} if result.missing else {})},
                origin=eff.origin,
                location=where,
            )
        )
    return out


def validate_columnar(  # noqa: PLR0912, PLR0915 - the engine loop, in one place like validate()
    folder: str | os.PathLike[str],
    *,
    profile: str | Profile = "national",
    as_of: dt.date | None = None,
    rules: Iterable[str] | None = None,
    engine: Literal["auto", "in-memory", "streaming"] = "auto",
) -> Report:
    """Validate the CSV folder ``folder`` with frame queries; return a :class:`~edusupervision.Report`.

    The bulk rules' findings equal :func:`~edusupervision.validate`'s on the same data (rule, subject,
    outcome, evidence, message, location); rules the path does not evaluate are reported as not applicable
    with the reason (see the module docs). ``engine`` is polars' engine (``"streaming"`` for tables larger
    than memory).
    """
    frames = read_frames(folder)
    day = as_of or frames.info.reference_date
    if day is None:
        msg = f"dataset {frames.info.name!r} has no reference_date: pass as_of"
        raise MissingAsOfError(msg)
    resolved = resolve(profile)
    wanted = list(resolved.rules) if rules is None else [r for r in resolved.rules if r in set(rules)]
    unknown = (set(rules) if rules is not None else set()) - set(resolved.rules)
    if unknown:
        msg = f"rule(s) not in profile {resolved.name!r}: {', '.join(sorted(unknown))}"
        raise EduSupervisionError(msg)
    env, root, org_names = _env(frames, day)
    root_ref = Ref("division", root) if root is not None else Ref("dataset", frames.info.name)
    root_row = frames["divisions"].filter(pl.col("id") == root).select("name", ROW).collect()
    root_info: tuple[Ref, str | None, dict[str, Any] | None] = (
        (
            root_ref,
            root_row.item(0, "name"),
            {"table": "divisions", "row": root_row.item(0, ROW), "file": frames.files["divisions"]},
        )
        if root_row.height
        else (root_ref, None, None)
    )

    # Bulk queries: collected together, so polars shares the scans; only violating rows come back.
    plans: dict[str, tuple[Any, Any, Any]] = {}
    lazy: list[pl.LazyFrame] = []
    for rule_id in wanted:
        eff = resolved.rules[rule_id]
        applied = eff.at(day)
        if (
            rule_id not in BULK_RULES
            or applied is None
            or any(applied.params.get(p) is None for p in eff.rule.requires)
        ):
            continue
        spec = BULK_RULES[rule_id]
        query = spec.query(env, applied.params)
        names = (
            frames[spec.table].select(pl.col("id").alias("subject"), subject_name=pl.col("name"))
            if ("name" in frames[spec.table].collect_schema())
            else None
        )
        bad = query.filter(pl.col("outcome") != COMPLIANT)
        if names is not None:
            bad = bad.join(names, on="subject", how="left")
        bad = bad.join(
            org_names.lazy().rename({"id": "responsible", "name": "responsible_name"}),
            on="responsible",
            how="left",
        )
        plans[rule_id] = (eff, applied, len(lazy))
        lazy += [query.group_by("outcome").agg(n=pl.len()), bad]
    # polars releases the GIL while it collects: the small rules' Python runs meanwhile on this thread.
    pool = ThreadPoolExecutor(max_workers=1)
    pending = pool.submit(pl.collect_all, lazy, engine=engine) if lazy else None
    bulk_results: dict[str, list[Result]] = {}
    findings: list[Finding] = []
    summaries: dict[str, RuleSummary] = {}

    def finish_bulk() -> None:
        nonlocal pending
        if pending is None:
            return
        collected, pending = pending.result(), None
        pool.shutdown()
        for rule_id, (eff, applied, at) in plans.items():
            counts_frame, bad = collected[at], collected[at + 1]
            counts = dict.fromkeys((o.value for o in Outcome), 0)
            for outcome, n in counts_frame.iter_rows():
                counts[outcome] = int(n)
            rule_findings, results = _bulk_findings(
                rule_id,
                eff,
                bad,
                severity=applied.severity,
                params=applied.params,
                citations=applied.citations,
                frames=frames,
            )
            findings.extend(rule_findings)
            bulk_results[rule_id] = results
            summaries[rule_id] = RuleSummary(
                rule=rule_id, severity=applied.severity, origin=eff.origin, counts=counts
            )

    small: Dataset | None = None
    cache: dict[str, list[Result]] = {}

    def evaluate(rule_id: str) -> Sequence[Result]:
        eff = resolved.rules.get(rule_id)
        if eff is None:
            return []
        if rule_id in plans:
            finish_bulk()
            return bulk_results[rule_id]
        if rule_id not in cache:
            if evaluated_by_columnar(rule_id, eff.rule.reads) != "small" or small is None:
                raise _NotEvaluatedError(rule_id)
            applied = eff.at(day)
            if applied is None:
                return []
            ctx = Context(
                dataset=small, as_of=day, params=applied.params, profile=resolved.name, evaluate=evaluate
            )
            cache[rule_id] = list(eff.rule.check(ctx))
        return cache[rule_id]

    for rule_id in wanted:
        if rule_id in plans:
            continue
        eff = resolved.rules[rule_id]
        applied = eff.at(day)
        results: list[Result]
        severity = applied.severity if applied is not None else eff.rule.default_severity
        unset = [p for p in eff.rule.requires if applied is not None and applied.params.get(p) is None]
        if applied is None:
            reason = f"in force from {eff.effective.isoformat()}"
            results = [Result(subject=root_ref, outcome=Outcome.NOT_APPLICABLE, evidence={"reason": reason})]
        elif unset:
            reason = f"parameter {', '.join(unset)} is not set"
            results = [Result(subject=root_ref, outcome=Outcome.NOT_APPLICABLE, evidence={"reason": reason})]
        elif evaluated_by_columnar(rule_id, eff.rule.reads) == "small":
            if small is None:
                small = _small_dataset(frames)
            try:
                results = list(evaluate(rule_id))
            except _NotEvaluatedError as exc:
                reason = f"{NOT_EVALUATED} (it needs {exc.args[0]})"
                results = [
                    Result(subject=root_ref, outcome=Outcome.NOT_APPLICABLE, evidence={"reason": reason})
                ]
        else:
            results = [
                Result(subject=root_ref, outcome=Outcome.NOT_APPLICABLE, evidence={"reason": NOT_EVALUATED})
            ]
        citations = applied.citations if applied is not None else eff.origin_citations
        findings += _object_findings(
            rule_id,
            eff,
            results,
            severity=severity,
            params=applied.params if applied is not None else {},
            citations=citations,
            dataset=small,
            root=root_info,
        )
        summaries[rule_id] = RuleSummary(
            rule=rule_id,
            severity=severity,
            origin=eff.origin,
            counts=merge_counts(r.outcome for r in results),
        )
    finish_bulk()
    return Report(
        profile=resolved.name,
        as_of=day,
        dataset=frames.info.name,
        findings=findings,
        rules=[summaries[r] for r in wanted],
    )
