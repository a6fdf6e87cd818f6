"""Invariants as property tests over the public strategies (``edusupervision.strategies``).

- the hierarchy is a tree and every school has exactly one county;
- a finding's responsible unit (and its subject) exists in the dataset;
- the consequences engine never proposes a measure outside the class of the object it is proposed against;
- nothing lost: the Excel form of load → save → load is the identity (CSV and JSON are in
  ``test_strategies_properties.py``).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from edusupervision import (
    TABLES,
    Dataset,
    DatasetInfo,
    Division,
    DivisionKind,
    Level,
    MeasureKind,
    ObjectClass,
    consequences,
    dataset_to_json,
    load,
    sample_dataset,
    save,
    validate,
)
from edusupervision import strategies as es
from edusupervision.profiles import profile_names

if TYPE_CHECKING:
    import io

TABLE_OF_KIND = {spec.name.removesuffix("s"): spec.name for spec in TABLES} | {"division": "divisions"}
UNITS = frozenset({"organisation", "school", "division"})

# --- the hierarchy ----------------------------------------------------------------------------------------------


def assert_tree(ds: Dataset) -> None:
    ids = {d.id for d in ds.divisions}
    roots = [d for d in ds.divisions if d.parent_id is None]
    assert len(roots) == (1 if ds.divisions else 0)
    assert all(d.parent_id in ids for d in ds.divisions if d.parent_id is not None)
    parent = {d.id: d.parent_id for d in ds.divisions}
    for start in ids:  # every chain of parents reaches the root without a cycle
        seen: set[str] = set()
        node: str | None = start
        while node is not None:
            assert node not in seen, f"cycle through {node}"
            seen.add(node)
            node = parent[node]


def assert_one_county_per_school(ds: Dataset) -> None:
    kinds = {d.id: d for d in ds.divisions}
    for school in ds.schools:
        county = ds.county_of_school(school.id)
        assert county.kind.level is Level.COUNTY
        if school.township_id is not None:  # its township lies in that county, and in no other
            counties = [a for a in ds.ancestors(school.township_id) if a.kind.level is Level.COUNTY]
            assert [c.id for c in counties] == [county.id]
        assert kinds[school.division_id] is county


@settings(max_examples=100, deadline=None)
@given(es.datasets(min_schools=1))
def test_hierarchy_is_a_tree_and_every_school_has_one_county(ds: Dataset) -> None:
    assert_tree(ds)
    assert_one_county_per_school(ds)


def test_the_sample_keeps_the_hierarchy_invariants() -> None:
    ds = sample_dataset()
    assert_tree(ds)
    assert_one_county_per_school(ds)


# --- findings point at records that exist -------------------------------------------------------------------------


def exists(ds: Dataset, kind: str, key: str) -> bool:
    table = TABLE_OF_KIND.get(kind)
    return table is not None and ds.has(table, key)


@settings(max_examples=60, deadline=None)
@given(es.datasets(min_schools=1), st.sampled_from(profile_names()))
def test_a_findings_responsible_unit_exists_in_the_dataset(ds: Dataset, profile: str) -> None:
    report = validate(ds, profile=profile)
    for finding in report.findings:
        if finding.responsible is not None:
            assert exists(ds, finding.responsible.kind, finding.responsible.id), (
                finding.rule,
                finding.responsible,
            )
            assert finding.responsible.kind in UNITS | {"person"}


# --- consequences stay inside the object's class ------------------------------------------------------------------

#: The kinds of object each measure can be called against (ACC, 国教督〔2021〕2号; RECT for 督办/回头看/移交).
OBJECTS: dict[MeasureKind, frozenset[str]] = {
    MeasureKind.URGING: frozenset({"problem"}),
    MeasureKind.LOOK_BACK: frozenset({"problem"}),
    MeasureKind.REFERRAL: frozenset({"problem"}),
    MeasureKind.INTERVIEW: UNITS,  # 约谈 a unit (its leaders attend)
    MeasureKind.CIRCULAR: UNITS,  # 督导通报 is a unit measure
    MeasureKind.COMMENDATION: UNITS,
    MeasureKind.ACCOUNTABILITY: UNITS,  # called per unit; the decisions name the persons
    MeasureKind.INELIGIBILITY: frozenset({"person"}),  # 不得评优提拔 applies to persons only
    MeasureKind.AGGRAVATED: UNITS | {"person"},  # follows the decisions' own subjects
}
#: The measure, in ACC's own words, that a unit-level call stands for: ACC allows it against a unit.
UNIT_MEASURES_IN_ACC = {MeasureKind.INTERVIEW: "约谈", MeasureKind.CIRCULAR: "督导通报"}
ACC_UNIT = {"公开批评", "约谈", "督导通报", "资源调整", "行政处罚"}


def assert_measures_in_class(ds: Dataset, profile: str) -> None:
    result = consequences(ds, profile=profile)
    decisions = {d.id: d for d in ds.accountability_decisions}
    for called in result.measures:
        m = called.measure
        assert m.subject.kind in OBJECTS[m.measure], (m.measure, m.subject)
        assert exists(ds, m.subject.kind, m.subject.id), m.subject
        if m.subject.kind in UNITS and m.measure in UNIT_MEASURES_IN_ACC:
            assert UNIT_MEASURES_IN_ACC[m.measure] in ACC_UNIT
        if m.measure is MeasureKind.AGGRAVATED:  # against the object of the decision, as its class says
            decision = decisions[str(m.evidence["decision"])]
            assert (decision.object_class is ObjectClass.UNIT) == (m.subject.kind != "person")


@settings(max_examples=60, deadline=None)
@given(es.datasets(min_schools=1), st.sampled_from(profile_names()))
def test_consequences_never_leave_the_objects_class(ds: Dataset, profile: str) -> None:
    assert_measures_in_class(ds, profile)


def test_the_samples_consequences_stay_in_class() -> None:
    for profile in profile_names():
        assert_measures_in_class(sample_dataset(), profile)


# --- nothing lost: the Excel form ---------------------------------------------------------------------------------


def has_formula_text(ds: Dataset) -> bool:
    """Return whether a text cell starts with '=' (openpyxl writes it as a formula: the open bug below)."""
    return any(
        isinstance(value, str) and value.startswith("=")
        for _, records in ds
        for record in records
        for value in attrs.asdict(record, recurse=False).values()
    ) or any(isinstance(v, str) and v.startswith("=") for v in attrs.asdict(ds.info).values())


@settings(max_examples=15, deadline=None)
@given(es.datasets())
def test_load_save_load_is_the_identity_for_excel(ds: Dataset) -> None:
    assume(not has_formula_text(ds))  # remove when test_excel_keeps_text_starting_with_equals passes
    with tempfile.TemporaryDirectory() as tmp:  # one folder per example (Hypothesis reuses tmp_path)
        first = load(save(ds, Path(tmp) / "first.xlsx"))
        assert first == ds
        second = load(save(first, Path(tmp) / "second.xlsx"))
        assert dataset_to_json(second) == dataset_to_json(ds)


def test_excel_keeps_text_starting_with_equals(tmp_path: Path) -> None:
    ds = Dataset(
        info=DatasetInfo(name="x"), divisions=[Division(id="d1", name="=1+1", kind=DivisionKind.COUNTY)]
    )
    assert load(save(ds, tmp_path / "out.xlsx")) == ds


def test_the_sample_round_trips_through_excel(tmp_path: Path) -> None:
    ds = sample_dataset()
    assert load(save(ds, tmp_path / "sample.xlsx")) == ds


def test_a_failed_write_leaves_no_output_and_no_temporary_file(tmp_path: Path) -> None:
    """save() writes through a temporary file renamed into place: a failure leaves the old file untouched."""
    target = tmp_path / "out.json"
    target.write_text("previous", encoding="utf-8")

    def half_written(_document: object, handle: io.TextIOBase, **_options: object) -> None:
        handle.write('{"format": "edusupervision-dataset", "tab')
        raise OSError("disk full")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("edusupervision._io._formats.json.dump", half_written)
        with pytest.raises(OSError, match="disk full"):
            save(sample_dataset(), target)
    assert target.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json"]
