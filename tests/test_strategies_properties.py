"""Property tests of the public Hypothesis strategies, and of the library against what they generate."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from edusupervision import (
    TABLES,
    DataError,
    Dataset,
    DatasetInfo,
    Division,
    DivisionKind,
    Level,
    SubjectKind,
    dataset_from_json,
    dataset_to_json,
    load,
    save,
    validate,
)
from edusupervision import strategies as es
from edusupervision.profiles import profile_names
from edusupervision.rules import RULES

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from hypothesis.strategies import SearchStrategy

# A reference slot: (table, 0-based position, column) holding an id that must resolve.
Slot = tuple[str, int, str]


def rebuild(ds: Dataset, **tables: Any) -> Dataset:
    """Construct a fresh dataset from the tables of ``ds`` (with some replaced): integrity is re-checked."""
    return Dataset(info=ds.info, **{**dict(iter(ds)), **tables})


def reference_slots(ds: Dataset) -> Iterator[Slot]:
    """Yield every filled reference of the dataset (plain, list-valued and polymorphic)."""
    for spec in TABLES:
        columns = [
            f.name for f in attrs.fields(spec.record_type) if "ref" in f.metadata or "ref_kind" in f.metadata
        ]
        for pos, record in enumerate(ds.table(spec.name)):
            for column in columns:
                if getattr(record, column) not in (None, ()):
                    yield spec.name, pos, column


def break_reference(tables: dict[str, list[Any]], slot: Slot, bad_id: str) -> None:
    """Point the reference at ``slot`` to ``bad_id`` (a list-valued reference becomes just ``(bad_id,)``)."""
    table, pos, column = slot
    record = tables[table][pos]
    value: object = (bad_id,) if isinstance(getattr(record, column), tuple) else bad_id
    tables[table][pos] = attrs.evolve(record, **{column: value})


def unused_id(ds: Dataset) -> str:
    """Return an id present in no table of ``ds``."""
    taken = {getattr(r, "id", None) for _, records in ds for r in records}
    candidate = "缺失-missing"
    while candidate in taken:
        candidate += "-x"
    return candidate


# --- the strategies generate what they promise ------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(es.datasets())
def test_generated_datasets_are_valid(ds: Dataset) -> None:
    again = rebuild(ds)  # raises DataError on any integrity problem
    assert again == ds
    assert ds.info.reference_date is not None
    assert ds.info.root_division_id is not None
    root = ds.get("divisions", ds.info.root_division_id)
    assert root.parent_id is None or root.kind.level is Level.COUNTY
    for school in ds.schools:
        assert ds.county_of_school(school.id).kind.level is Level.COUNTY
    for name, records in ds:
        for record in records:
            kind = getattr(record, "subject_kind", None)
            if isinstance(kind, SubjectKind):
                assert ds.subject(kind, record.subject_id) is not None, (name, record)
    for division in ds.divisions:
        if division.kind.level is not Level.TOWNSHIP:
            assert ds.government_of(division.id) is not None
            assert ds.body_of(division.id) is not None


@settings(max_examples=300, deadline=None)
@given(es.hierarchies(min_counties=0, max_counties=6, max_townships_per_county=3))
def test_hierarchies_are_valid_trees(tree: tuple[Division, ...]) -> None:
    ds = Dataset(info=DatasetInfo(name="tree"), divisions=tree)
    assert [d.parent_id for d in tree].count(None) == 1
    assert tree[0].parent_id is None
    counties = [d for d in tree if d.kind.level is Level.COUNTY]
    assert len(counties) <= 6
    for division in tree:
        parent = ds.superior_division(division.id)
        if parent is not None:
            assert parent.kind.level.rank < division.kind.level.rank
            if parent.kind is DivisionKind.MUNICIPALITY:
                assert division.kind.level is Level.COUNTY
        assert (division.zone_kind is not None) == (division.kind is DivisionKind.FUNCTIONAL_ZONE)
        if division.kind.level is Level.TOWNSHIP:
            assert parent is not None
            assert parent.kind.level is Level.COUNTY


@settings(max_examples=50, deadline=None)
@given(st.data(), st.integers(0, 4), st.integers(0, 4))
def test_size_arguments_are_respected(data: st.DataObject, low: int, extra: int) -> None:
    ds = data.draw(
        es.datasets(min_schools=low, max_schools=low + extra, min_inspectors=low, max_inspectors=low)
    )
    assert low <= len(ds.schools) <= low + extra
    assert len(ds.inspectors) == low
    tree = data.draw(es.hierarchies(min_counties=low, max_counties=low + extra))
    assert low <= sum(d.kind.level is Level.COUNTY for d in tree) <= low + extra


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_dates_stay_within_bounds(data: st.DataObject) -> None:
    low = data.draw(st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)))
    high = data.draw(st.dates(low, dt.date(2200, 12, 31)))
    ds = data.draw(es.datasets(min_date=low, max_date=high, max_schools=3))
    assert ds.info.reference_date is not None
    assert low <= ds.info.reference_date <= high
    for _, records in ds:
        for record in records:
            for value in attrs.asdict(record, recurse=False).values():
                if isinstance(value, dt.date):
                    assert low <= value <= high


RECORD_STRATEGIES: dict[str, Callable[[], SearchStrategy[Any]]] = {
    "divisions": es.divisions,
    "organisations": es.organisations,
    "persons": es.persons,
    "committees": es.committees,
    "committee_members": es.committee_members,
    "meetings": es.meetings,
    "budgets": es.budgets,
    "upward_reports": es.upward_reports,
    "zones": es.zones,
    "schools": es.schools,
    "inspectors": es.inspectors,
    "near_relatives": es.near_relatives,
    "trainings": es.trainings,
    "assessments": es.assessments,
    "assignments": es.assignments,
    "visits": es.visits,
    "supervisions": es.supervisions,
    "team_members": es.team_members,
    "problems": es.problems,
    "rectification_events": es.rectification_events,
    "interviews": es.interviews,
    "circulars": es.circulars,
    "accountability_decisions": es.accountability_decisions,
    "commendations": es.commendations,
    "duty_evaluations": es.duty_evaluations,
}


def test_there_is_one_record_strategy_per_table() -> None:
    assert set(RECORD_STRATEGIES) == {spec.name for spec in TABLES}
    assert set(RECORD_STRATEGIES) <= set(es.__all__)


@pytest.mark.parametrize("table", sorted(RECORD_STRATEGIES))
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_record_strategies_pass_validators(table: str, data: st.DataObject) -> None:
    record = data.draw(RECORD_STRATEGIES[table]())
    spec = next(s for s in TABLES if s.name == table)
    assert isinstance(record, spec.record_type)
    attrs.validate(record)


@settings(max_examples=100, deadline=None)
@given(
    es.schools(
        division_ids=st.just("370303"), zone_ids=st.nothing(), person_ids=st.sampled_from(["p1", "p2"])
    )
)
def test_record_strategies_take_id_pools(school: Any) -> None:
    assert school.division_id == "370303"
    assert school.zone_id is None
    assert school.head_id in (None, "p1", "p2")


def test_generated_text_includes_chinese_full_width_and_empty_optionals() -> None:
    def chinese(ds: Dataset) -> bool:
        return any("\u4e00" <= ch <= "\u9fff" for s in ds.schools for ch in s.name)

    def full_width(ds: Dataset) -> bool:
        return any("\uff01" <= ch <= "\uff5e" for d in ds.divisions for ch in d.name)

    def empty_optionals(ds: Dataset) -> bool:
        return any(s.township_id is None and s.head_id is None for s in ds.schools)

    for predicate in (chinese, full_width, empty_optionals):
        # generate only: the first example found is enough, and shrinking whole datasets is slow
        quick = settings(database=None, phases=[Phase.generate], max_examples=300)
        assert predicate(find(es.datasets(min_schools=1), predicate, settings=quick))


# --- round trips ----------------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(es.datasets(), st.sampled_from(["csv", "json"]))
def test_load_save_load_is_the_identity(ds: Dataset, fmt: str) -> None:
    # a temporary directory per example: Hypothesis reuses function-scoped fixtures such as tmp_path
    with tempfile.TemporaryDirectory() as tmp:
        suffix = ".json" if fmt == "json" else ""
        first_path = save(ds, Path(tmp) / f"first{suffix}", format="json" if fmt == "json" else "csv")
        first = load(first_path)
        assert first == ds
        second = load(save(first, Path(tmp) / f"second{suffix}", format="json" if fmt == "json" else "csv"))
        assert second == first
        assert dataset_to_json(second) == dataset_to_json(ds)


@settings(max_examples=150, deadline=None)
@given(es.datasets())
def test_json_document_round_trip_in_memory(ds: Dataset) -> None:
    assert dataset_from_json(dataset_to_json(ds)) == ds


def test_csv_round_trip_keeps_a_carriage_return() -> None:
    ds = Dataset(
        info=DatasetInfo(name="demo"),
        divisions=[Division(id="d1", name="青山\r县", kind=DivisionKind.COUNTY)],
    )
    with tempfile.TemporaryDirectory() as tmp:
        assert load(save(ds, Path(tmp) / "out", format="csv")) == ds


# --- integrity errors name every offender ---------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(es.datasets(), st.data())
def test_one_broken_reference_is_reported_where_it_is(ds: Dataset, data: st.DataObject) -> None:
    slot = data.draw(st.sampled_from(sorted(reference_slots(ds))))
    tables = {name: list(records) for name, records in ds}
    break_reference(tables, slot, unused_id(ds))
    with pytest.raises(DataError) as caught:
        rebuild(ds, **tables)
    table, pos, column = slot
    found = {(p.table, p.row, p.column) for p in caught.value.problems}
    assert found == {(table, pos + 1, column)}
    assert {p.code for p in caught.value.problems} == {"format.dangling_reference"}


@settings(max_examples=150, deadline=None)
@given(es.datasets(), st.data())
def test_two_broken_references_are_both_reported(ds: Dataset, data: st.DataObject) -> None:
    slots = data.draw(
        st.lists(st.sampled_from(sorted(reference_slots(ds))), min_size=2, max_size=2, unique=True)
    )
    tables = {name: list(records) for name, records in ds}
    bad = unused_id(ds)
    for slot in slots:
        break_reference(tables, slot, bad)
    with pytest.raises(DataError) as caught:
        rebuild(ds, **tables)
    found = {(p.table, p.row, p.column) for p in caught.value.problems}
    assert found == {(table, pos + 1, column) for table, pos, column in slots}


# --- validation over generated datasets -----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(es.datasets(), st.sampled_from(profile_names()))
def test_validate_is_deterministic_and_cites_known_rules(ds: Dataset, profile: str) -> None:
    first = validate(ds, profile=profile)
    second = validate(ds, profile=profile)
    assert first.to_json() == second.to_json()
    organisations = {o.id for o in ds.organisations}
    for finding in first.findings:
        assert finding.rule in RULES
        assert len(finding.citations) >= 1
        if finding.responsible is not None and finding.responsible.kind == "organisation":
            assert finding.responsible.id in organisations


# --- argument validation --------------------------------------------------------------------------------------------

INVALID: dict[str, Callable[[], SearchStrategy[Any]]] = {
    "min_schools > max_schools": lambda: es.datasets(min_schools=3, max_schools=2),
    "negative min_schools": lambda: es.datasets(min_schools=-1),
    "negative max_inspectors": lambda: es.datasets(max_inspectors=-1),
    "min_counties > max_counties": lambda: es.datasets(min_counties=4, max_counties=3),
    "schools but no county": lambda: es.datasets(min_schools=1, min_counties=0, max_counties=0),
    "non-integer size": lambda: es.datasets(max_schools=2.5),  # type: ignore[arg-type] # the wrong type on purpose
    "inverted dates": lambda: es.datasets(min_date=dt.date(2001, 1, 1), max_date=dt.date(2000, 1, 1)),
    "datetime bound": lambda: es.datasets(min_date=dt.datetime(2000, 1, 1, tzinfo=dt.UTC)),
    "hierarchy sizes": lambda: es.hierarchies(min_counties=2, max_counties=1),
    "negative townships": lambda: es.hierarchies(max_townships_per_county=-1),
    "value instead of strategy": lambda: es.schools(division_ids="370303"),  # type: ignore[arg-type] # on purpose
}


@pytest.mark.parametrize("make", INVALID.values(), ids=list(INVALID))
def test_impossible_arguments_raise_invalid_argument_lazily(make: Callable[[], SearchStrategy[Any]]) -> None:
    strategy = make()  # creating the strategy never raises, as with Hypothesis's own strategies
    with pytest.raises(InvalidArgument):
        strategy.validate()


def test_defaults_adjust_to_large_minimums() -> None:
    es.datasets(min_schools=20, min_counties=5, min_inspectors=9).validate()
    es.hierarchies(min_counties=10).validate()
