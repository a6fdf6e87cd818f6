"""Helpers shared by the rule tests (tests/rules/): run one rule, pick its finding, read its counts.

They check as they go: a rule is run only under a profile that has it, a finding's messages have every
placeholder filled, a finding cites something, and a replaced record exists.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from edusupervision import validate
from edusupervision.profiles import resolve

if TYPE_CHECKING:
    from collections.abc import Sequence

    from edusupervision import Dataset, Finding, Report
    from edusupervision.profiles import Profile

AS_OF = dt.date(2024, 12, 31)


def run(ds: Dataset, rule: str, profile: str | Profile = "national", as_of: dt.date | None = None) -> Report:
    """Validate ``ds`` with the one rule, under a profile that has it."""
    assert rule in resolve(profile).rules, f"{rule} does not apply under {profile}"
    return validate(ds, profile=profile, as_of=as_of or AS_OF, rules=[rule])


def findings(report: Report, rule: str, subject_id: str) -> list[Finding]:
    """Return the findings of ``rule`` about ``subject_id``."""
    return [f for f in report.by_rule(rule) if f.subject.id == subject_id]


def the_finding(report: Report, rule: str, subject_id: str) -> Finding:
    """Return the one finding of ``rule`` about ``subject_id``, its messages filled."""
    found = findings(report, rule, subject_id)
    assert len(found) == 1, f"expected one {rule} finding for {subject_id}, got {report.findings}"
    (finding,) = found
    assert finding.rule == rule
    for message in (finding.message_zh, finding.message_en):  # every placeholder filled
        assert message
        assert "{" not in message, message
    return finding


def assert_no_finding(report: Report, rule: str, subject_id: str) -> None:
    assert findings(report, rule, subject_id) == []


def counts(report: Report, rule: str) -> dict[str, int]:
    """Return the outcome counts of ``rule`` (it must have been evaluated once)."""
    (summary,) = [r for r in report.rules if r.rule == rule]
    return dict(summary.counts)


def assert_compliant(report: Report, rule: str, subject_id: str, evaluated: int = 1) -> None:
    """No finding for ``subject_id``, and the rule evaluated ``evaluated`` subjects, all compliant."""
    assert_no_finding(report, rule, subject_id)
    assert counts(report, rule) == {
        "compliant": evaluated,
        "violation": 0,
        "undeterminable": 0,
        "not_applicable": 0,
    }


def assert_not_evaluated(report: Report, rule: str) -> None:
    assert report.by_rule(rule) == ()
    assert sum(counts(report, rule).values()) == 0


def cited(finding: Finding) -> set[str]:
    """Return the documents a finding cites (``GX``, ``REG`` …); it must cite something."""
    assert finding.citations, f"{finding!r} has no citation"
    return {c.document for c in finding.citations}


def cited_clauses(finding: Finding) -> set[str]:
    """Return the citations as ``GX 二(一)``; the finding must cite something."""
    assert finding.citations, f"{finding!r} has no citation"
    return {str(c) for c in finding.citations}


def responsible(finding: Finding) -> str | None:
    return None if finding.responsible is None else finding.responsible.id


def evolve(record: Any, **changes: Any) -> Any:
    return attrs.evolve(record, **changes)


def replace(records: Sequence[Any], rid: str, **changes: Any) -> list[Any]:
    """Return ``records`` with the one of id ``rid`` evolved (it must exist)."""
    assert any(r.id == rid for r in records), f"no record {rid!r}"
    return [evolve(r, **changes) if r.id == rid else r for r in records]
