"""The synthetic generator: deterministic, loadable, and validation finds exactly its manifest."""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from typing import TYPE_CHECKING

import pytest

import edusupervision as es

pytest.importorskip("polars")
pytest.importorskip("numpy")

from edusupervision._cli_synth import register
from edusupervision._synth import INJECTED_RULES, shape_for, synthesize

if TYPE_CHECKING:
    from pathlib import Path


def _violations(folder: Path) -> dict[str, set[str]]:
    report = es.validate(es.load(folder), profile="national")
    found: defaultdict[str, set[str]] = defaultdict(set)
    for finding in report.findings:
        assert finding.outcome is es.Outcome.VIOLATION, finding  # nothing undeterminable or not applicable
        found[finding.rule].add(finding.subject.id)
    return dict(found)


@pytest.mark.parametrize(("schools", "seed", "rate"), [(200, 1, 0.01), (90, 7, 0.1), (600, 3, 0.02)])
def test_validation_finds_exactly_the_manifest(tmp_path: Path, schools: int, seed: int, rate: float) -> None:
    manifest = synthesize(tmp_path, schools=schools, seed=seed, violation_rate=rate)
    expected = {rule: set(ids) for rule, ids in manifest["violations"].items()}
    assert set(INJECTED_RULES) <= set(expected)
    assert _violations(tmp_path) == expected
    assert json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8")) == manifest


def test_zero_rate_is_compliant(tmp_path: Path) -> None:
    manifest = synthesize(tmp_path, schools=120, seed=5, violation_rate=0.0)
    assert manifest["violations"] == {}
    assert _violations(tmp_path) == {}


def test_same_seed_same_files(tmp_path: Path) -> None:
    synthesize(tmp_path / "a", schools=150, seed=42)
    synthesize(tmp_path / "b", schools=150, seed=42)
    synthesize(tmp_path / "c", schools=150, seed=43)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "b").iterdir())
    assert all((tmp_path / "a" / n).read_bytes() == (tmp_path / "b" / n).read_bytes() for n in names)
    assert (tmp_path / "a" / "schools.csv").read_bytes() != (tmp_path / "c" / "schools.csv").read_bytes()


def test_province_shape(tmp_path: Path) -> None:
    manifest = synthesize(tmp_path, scale="province", schools=1500, seed=2)
    ds = es.load(tmp_path)
    kinds = {d.kind for d in ds.divisions}
    assert es.DivisionKind.COUNTRY in kinds
    assert {es.DivisionKind.PREFECTURE_CITY, es.DivisionKind.AUTONOMOUS_PREFECTURE} & kinds
    assert {es.DivisionKind.TOWN, es.DivisionKind.TOWNSHIP, es.DivisionKind.SUBDISTRICT} & kinds
    assert manifest["scale"] == "province"
    assert len({s.stage for s in ds.schools}) >= 8


def test_national_shape_has_municipalities_without_prefectures(tmp_path: Path) -> None:
    synthesize(tmp_path, scale="national", schools=2500, seed=4)
    ds = es.load(tmp_path)
    municipalities = [d for d in ds.divisions if d.kind is es.DivisionKind.MUNICIPALITY]
    assert len(municipalities) == 4
    assert len([d for d in ds.divisions if d.kind.level is es.Level.PROVINCIAL]) == 31
    for m in municipalities:
        assert all(c.kind.level is es.Level.COUNTY for c in ds.children(m.id))
    assert any(d.kind is es.DivisionKind.FUNCTIONAL_ZONE for d in ds.divisions)


def test_shapes() -> None:
    national = shape_for("national")
    assert (national.provinces, national.counties, national.schools) == (31, 2844, 500_000)
    assert shape_for(schools=200).root == "county"
    assert shape_for(schools=20_000).root == "province"
    assert shape_for(schools=100_000).root == "national"
    with pytest.raises(ValueError, match="positive"):
        shape_for(schools=0)


def test_rate_is_checked(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        synthesize(tmp_path, schools=50, violation_rate=1.5)


def test_cli_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["synth", "--out", str(tmp_path), "--schools", "60", "--seed", "3"])
    assert args.run(args) == 0
    assert "manifest.json" in capsys.readouterr().err
    assert (tmp_path / "manifest.json").is_file()
    with pytest.raises(SystemExit):
        parser.parse_args(["synth", "--out", str(tmp_path), "--violation-rate", "2"])
