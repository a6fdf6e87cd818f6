"""Generate the documentation pages that must not drift from the code: one page per rule, and two tables.

Used at build time by ``docs/hooks.py`` (an MkDocs hook); also runnable on its own to look at the output:
``python docs/gen_rule_pages.py OUT_DIR`` writes every generated page under ``OUT_DIR``.

* ``rules/index.md`` and ``rules/<rule id>.md``: each rule's text, subject and responsible unit, parameters per
  profile (with the layer that set them), citations with the words of the clause, and an example finding
  taken from validating the bundled sample under a profile where the rule fires (or, for consequence rules,
  an example measure).
* :func:`profiles_table`: the profiles side by side, one row per rule (for ``explanation/profiles.md``).
* :func:`enum_glossary`: every coded value of the format in Chinese, English and code (for the glossary).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edusupervision import (
    Channel,
    Degree,
    DivisionKind,
    Employment,
    InspectorKind,
    LabelledEnum,
    Level,
    LifecycleStep,
    MeasureKind,
    Modality,
    OrgKind,
    Outcome,
    ProblemCategory,
    ProblemState,
    SchoolStage,
    Severity,
    SupervisionFunction,
    SupervisionType,
    consequences,
    sample_dataset,
    validate,
)
from edusupervision._engine._report import jsonable
from edusupervision.profiles import profile_names, resolve
from edusupervision.rules import RULES

if TYPE_CHECKING:
    from edusupervision import CalledMeasure, Finding
    from edusupervision.profiles import ResolvedProfile

__all__ = ["enum_glossary", "pages", "profiles_table", "rule_page"]

HEADER = "<!-- Generated at build time by docs/gen_rule_pages.py from the rulebook: edit the code. -->\n\n"
GLOSSARY_ENUMS: tuple[type[LabelledEnum], ...] = (
    Level,
    DivisionKind,
    OrgKind,
    SchoolStage,
    InspectorKind,
    Employment,
    Degree,
    SupervisionFunction,
    SupervisionType,
    Channel,
    ProblemCategory,
    LifecycleStep,
    ProblemState,
    MeasureKind,
    Modality,
    Severity,
    Outcome,
)


def _value(value: Any) -> str:
    data = jsonable(value)
    if data is None:
        return "—"
    if isinstance(data, list):
        return "[" + ", ".join(str(v) for v in data) + "]"
    return str(data)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


class _Examples:
    """The sample validated (and its consequences derived) once per profile, for example findings."""

    def __init__(self) -> None:
        dataset = sample_dataset()
        self.names = profile_names()
        self.resolved: dict[str, ResolvedProfile] = {name: resolve(name) for name in self.names}
        self.findings: dict[str, tuple[str, Finding]] = {}
        self.measures: dict[str, tuple[str, CalledMeasure]] = {}
        for name in self.names:
            for finding in validate(dataset, profile=name).findings:
                self.findings.setdefault(finding.rule, (name, finding))
            for called in consequences(dataset, profile=name).measures:
                self.measures.setdefault(called.rule, (name, called))


def _finding_block(profile: str, f: Finding) -> list[str]:
    who = f.responsible_name or (f.responsible.id if f.responsible else "—")
    lines = [
        (
            f"Validating the bundled sample ([青山县](../sample.md)) under `{profile}` gives, for "
            f"{f.subject.kind} `{f.subject.id}`{' ' + f.subject_name if f.subject_name else ''}:\n"
        ),
        "```text",
        f"{f.severity.value.upper()} {f.rule} · {f.subject.kind} {f.subject.id}",
        f"  zh: {f.message_zh}",
        f"  en: {f.message_en}",
        f"  who must act: {who}",
        f"  citations: {'; '.join(str(c) for c in f.citations)}",
    ]
    if f.evidence:
        lines.append(f"  evidence: {'; '.join(f'{k}={_value(v)}' for k, v in f.evidence.items())}")
    lines += ["```", ""]
    return lines


def _measure_block(profile: str, c: CalledMeasure) -> list[str]:
    m = c.measure
    return [
        (
            f"The rule calls for this measure on the bundled sample under `{profile}` "
            "(see [consequences](../sample.md)):\n"
        ),
        "```text",
        f"{m.measure.zh} ({m.measure.en}) · {m.subject.kind} {m.subject.id} {c.subject_name or ''}".rstrip(),
        f"  triggered on {m.triggered_on.isoformat()}"
        + (f", due {m.due.isoformat()}" if m.due else "")
        + (f", until {m.until.isoformat()}" if m.until else "")
        + f" · status: {c.status}",
        f"  reasons: {'; '.join(m.reasons)}",
        f"  citations: {'; '.join(str(x) for x in c.citations)}",
        "```",
        "",
    ]


def rule_page(rule_id: str, examples: _Examples) -> str:
    """Return the page of one rule."""
    rule = RULES[rule_id]
    lines = [
        HEADER + f"# `{rule.id}`\n",
        f"**{rule.title_zh}** · {rule.title_en}\n",
        f"{rule.text}\n",
        "| | |",
        "|---|---|",
        f"| section | {_cell(rule.section)} |",
        f"| modality | `{rule.modality.value}` ({rule.modality.zh}, {rule.modality.en}) |",
        f"| default severity | `{rule.default_severity.value}` |",
        f"| subject → who must act | {_cell(rule.subject)} → {_cell(rule.responsible)} |",
        f"| reads | {', '.join(f'[`{t}`](../format.md)' for t in rule.reads) or '—'} |",
        f"| needs parameters set | {', '.join(f'`{p}`' for p in rule.requires) or '—'} |",
        "",
        "## Per profile\n",
        "| profile | applies | modality | severity | parameters | set by | citations |",
        "|---|---|---|---|---|---|---|",
    ]
    quotes: dict[str, str] = {}
    for name in examples.names:
        eff = examples.resolved[name].rules.get(rule.id)
        if eff is None:
            disabled = examples.resolved[name].disabled.get(rule.id)
            why = f"no (disabled by `{disabled.profile}`)" if disabled else "no"
            lines.append(f"| `{name}` | {why} | | | | | |")
            continue
        applied = eff.latest
        origins = eff.param_origins()
        params = "; ".join(f"{k}={_value(v)}" for k, v in applied.params.items()) or "—"
        set_by = ", ".join(sorted({o for k, o in origins.items() if k in applied.params})) or eff.origin
        lines.append(
            f"| `{name}` | from {eff.effective.isoformat()} | {applied.modality.value} | "
            f"{applied.severity.value} | {_cell(params)} | {set_by} | "
            f"{_cell('; '.join(str(c) for c in applied.citations))} |"
        )
        for c in applied.citations:
            if c.quote:
                quotes.setdefault(str(c), c.quote)
    lines.append("")
    if rule.params:
        lines += ["## Parameters\n", "| name | meaning | unit | default |", "|---|---|---|---|"]
        lines += [
            f"| `{k}` | {_cell(p.doc)} | {p.unit or ''} | {_cell(_value(p.default))} |"
            for k, p in rule.params.items()
        ]
        lines.append("")
        lines.append(
            'Change one in a scenario with `override("' + rule.id + '", ' + next(iter(rule.params)) + "=…)` "
            "(see [write a profile](../howto/write-profile.md)).\n"
        )
    lines.append("## Sources\n")
    cited = {
        str(c): c
        for name in examples.names
        for eff in [examples.resolved[name].rules.get(rule.id)]
        if eff is not None
        for c in eff.latest.citations
    }
    for key, c in cited.items():
        info = c.document_info
        lines.append(f"- **{key}**: {info.title}{' (' + info.number + ')' if info.number else ''}")
        if key in quotes:
            lines.append(f"\n    > {quotes[key]}\n")
    if not cited:
        lines.append("No citation yet.")
    lines.append("")
    lines.append("## Example\n")
    if rule.id in examples.findings:
        lines += _finding_block(*examples.findings[rule.id])
    if rule.id in examples.measures:
        lines += _measure_block(*examples.measures[rule.id])
    if rule.id not in examples.findings and rule.id not in examples.measures:
        lines.append(
            "The bundled sample complies with this rule under every profile, so there is no example finding; "
            "the rule's tests in `tests/rules/` build the cases that break it.\n"
        )
    return "\n".join(lines)


def rules_index(examples: _Examples) -> str:
    """Return ``rules/index.md``: every rule by section, with the profiles it applies in."""
    lines = [
        HEADER + "# Rule pages\n",
        (
            "One page per rule of the rulebook, generated from the code at build time. The single-page overview "
            "is [the rules](../rules.md).\n"
        ),
    ]
    section = ""
    for rule in RULES.values():
        if rule.section != section:
            section = rule.section
            lines += ["", f"## {section}\n", "| rule | title | modality | applies in |", "|---|---|---|---|"]
        where = [n for n in examples.names if rule.id in examples.resolved[n].rules]
        lines.append(
            f"| [`{rule.id}`]({rule.id}.md) | {rule.title_zh} · {_cell(rule.title_en)} | {rule.modality.value} | "
            f"{', '.join(where) or '—'} |"
        )
    lines.append("")
    return "\n".join(lines)


def profiles_table() -> str:
    """Return the profiles side by side: one row per rule, a cell per profile (parameters, or — when absent)."""
    names = profile_names()
    resolved = {name: resolve(name) for name in names}
    lines = [
        "| rule | " + " | ".join(f"`{n}`" for n in names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for rule in RULES.values():
        cells = []
        for name in names:
            eff = resolved[name].rules.get(rule.id)
            if eff is None:
                cells.append("—")
                continue
            applied = eff.latest
            params = "; ".join(f"{k}={_value(v)}" for k, v in applied.params.items())
            mark = "✓" if applied.severity is rule.default_severity else f"✓ ({applied.severity.value})"
            cells.append(_cell(f"{mark} {params}".strip()))
        lines.append(f"| [`{rule.id}`](../rules/{rule.id}.md) | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def enum_glossary() -> str:
    """Return every coded vocabulary of the library as 中文 / English / code tables."""
    lines: list[str] = []
    for enum in GLOSSARY_ENUMS:
        doc = (enum.__doc__ or "").strip().splitlines()[0]
        lines += [f"### `{enum.__name__}`\n", f"{doc}\n", "| 中文 | English | code |", "|---|---|---|"]
        lines += [f"| {m.zh} | {_cell(m.en)} | `{m.value}` |" for m in enum]
        lines.append("")
    return "\n".join(lines)


def pages() -> dict[str, str]:
    """Return every generated page, by its path under ``docs/``."""
    examples = _Examples()
    out = {"rules/index.md": rules_index(examples)}
    for rule_id in RULES:
        out[f"rules/{rule_id}.md"] = rule_page(rule_id, examples)
    return out


def main(argv: list[str] | None = None) -> int:
    """Write the generated pages under the folder named by the first argument."""
    folder = Path((argv or sys.argv[1:] or ["site-generated"])[0])
    for path, text in pages().items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
