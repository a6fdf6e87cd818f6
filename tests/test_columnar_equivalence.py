"""The columnar path and the object path agree: same findings for every rule the columnar path evaluates."""

from __future__ import annotations

import datetime as dt
import tempfile
from typing import TYPE_CHECKING, Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import edusupervision as es

pytest.importorskip("polars")

from edusupervision._columnar import (
    BULK_RULES,
    NOT_EVALUATED,
    evaluated_by_columnar,
    read_frames,
    schema_of,
    validate_columnar,
)
from edusupervision._rules._catalog import RULES
from edusupervision.strategies import datasets

if TYPE_CHECKING:
    from pathlib import Path


def _by_key(report: es.Report, rules: set[str]) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {f.key: f.to_dict() for f in report.findings if f.rule in rules}


def _compare(folder: Path, *, as_of: dt.date | None = None, full: bool = True) -> None:
    columnar = validate_columnar(folder, as_of=as_of)
    objects = es.validate(es.load(folder), as_of=as_of)
    evaluated = {s.rule for s in columnar.rules if evaluated_by_columnar(s.rule, RULES[s.rule].reads)}
    if full:
        assert _by_key(columnar, evaluated) == _by_key(objects, evaluated)
    else:
        keys = {(f.rule, f.subject.id, f.outcome) for f in columnar.findings if f.rule in evaluated}
        assert keys == {(f.rule, f.subject.id, f.outcome) for f in objects.findings if f.rule in evaluated}
    mine = {s.rule: dict(s.counts) for s in columnar.rules}
    theirs = {s.rule: dict(s.counts) for s in objects.rules}
    assert {r: mine[r] for r in evaluated} == {r: theirs[r] for r in evaluated}
    for finding in columnar.findings:
        if finding.rule not in evaluated:
            assert finding.outcome is es.Outcome.NOT_APPLICABLE


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(max_schools=6), st.dates(dt.date(2015, 1, 1), dt.date(2030, 12, 31)))
def test_bulk_rules_agree_on_generated_datasets(dataset: es.Dataset, as_of: dt.date) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        es.save(dataset, tmp)
        columnar = validate_columnar(tmp, as_of=as_of, rules=list(BULK_RULES))
        objects = es.validate(es.load(tmp), as_of=as_of, rules=list(BULK_RULES))
        assert {f.key: f.to_dict() for f in columnar.findings} == {
            f.key: f.to_dict() for f in objects.findings
        }
        assert [(s.rule, dict(s.counts)) for s in columnar.rules] == [
            (s.rule, dict(s.counts)) for s in objects.rules
        ]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_all_evaluated_rules_agree_on_synthetic_data(tmp_path: Path, seed: int) -> None:
    synth = pytest.importorskip("edusupervision._synth")
    synth.synthesize(tmp_path, schools=150 + 50 * seed, seed=seed, violation_rate=0.05)
    _compare(tmp_path)


def test_all_evaluated_rules_agree_on_the_sample(tmp_path: Path) -> None:
    es.save(es.sample_dataset(), tmp_path)
    _compare(tmp_path)
    _compare(tmp_path, as_of=dt.date(2024, 6, 30))


def test_rules_not_evaluated_are_reported(tmp_path: Path) -> None:
    es.save(es.sample_dataset(), tmp_path)
    report = validate_columnar(tmp_path)
    skipped = [f for f in report.findings if f.evidence.get("reason") == NOT_EVALUATED]
    assert "supervision.team_size" in {f.rule for f in skipped}
    assert all(f.outcome is es.Outcome.NOT_APPLICABLE for f in skipped)


def test_frames_have_the_model_schema(tmp_path: Path) -> None:
    es.save(es.sample_dataset(), tmp_path)
    frames = read_frames(tmp_path)
    schools = frames["schools"].collect()
    assert schools.height == len(es.sample_dataset().schools)
    assert {k: v for k, v in schools.schema.items() if k != "_row"} == schema_of("schools")
    assert frames.info.reference_date == dt.date(2024, 12, 31)
