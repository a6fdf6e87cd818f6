"""The dataset aggregate: a jurisdiction's records, indexed by id, checked for integrity on construction."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final, TypeVar, cast

import attrs

from edusupervision._domain._enums import DivisionKind, Level, OrgKind, SubjectKind
from edusupervision._domain._model import (
    AccountabilityDecision,
    Assessment,
    Assignment,
    Budget,
    Circular,
    Commendation,
    Committee,
    CommitteeMember,
    Division,
    DutyEvaluation,
    Inspector,
    Interview,
    Meeting,
    NearRelative,
    Organisation,
    Person,
    Problem,
    RectificationEvent,
    School,
    Supervision,
    TeamMember,
    Training,
    UpwardReport,
    Visit,
    Zone,
)
from edusupervision._errors import DataError, DataProblem
from edusupervision._frozen import frozen_map, frozen_tuple

__all__ = ["TABLES", "Dataset", "DatasetInfo", "Location", "TableSpec", "references", "table_spec"]

R = TypeVar("R")


@attrs.frozen(kw_only=True)
class TableSpec:
    """A table of the interchange format: its name, record class, labels and key."""

    name: str
    record_type: type[Any]
    zh: str
    doc: str
    key: str | None = "id"


TABLES: Final[tuple[TableSpec, ...]] = (
    TableSpec(name="divisions", record_type=Division, zh="行政区划", doc="The administrative hierarchy."),
    TableSpec(
        name="organisations", record_type=Organisation, zh="单位", doc="Governments, organs, departments."
    ),
    TableSpec(name="persons", record_type=Person, zh="人员", doc="Leaders, heads, liaison officers."),
    TableSpec(name="committees", record_type=Committee, zh="教育督导委员会", doc="Supervision committees."),
    TableSpec(
        name="committee_members", record_type=CommitteeMember, zh="成员单位", doc="Member units.", key=None
    ),
    TableSpec(name="meetings", record_type=Meeting, zh="会议", doc="Committee meetings."),
    TableSpec(
        name="budgets", record_type=Budget, zh="经费预算", doc="Supervision funding per year.", key=None
    ),
    TableSpec(
        name="upward_reports", record_type=UpwardReport, zh="向上级报告", doc="Reports to the body above."
    ),
    TableSpec(name="zones", record_type=Zone, zh="责任区", doc="Responsibility zones."),
    TableSpec(name="schools", record_type=School, zh="学校", doc="Schools and kindergartens."),
    TableSpec(name="inspectors", record_type=Inspector, zh="督学", doc="Inspectors."),
    TableSpec(name="near_relatives", record_type=NearRelative, zh="近亲属", doc="For recusal.", key=None),
    TableSpec(name="trainings", record_type=Training, zh="培训", doc="Inspector trainings."),
    TableSpec(name="assessments", record_type=Assessment, zh="考核", doc="Inspector assessments."),
    TableSpec(name="assignments", record_type=Assignment, zh="挂牌督导", doc="Responsibility assignments."),
    TableSpec(name="visits", record_type=Visit, zh="经常性督导", doc="Regular visits."),
    TableSpec(name="supervisions", record_type=Supervision, zh="督导", doc="Supervisions."),
    TableSpec(
        name="team_members", record_type=TeamMember, zh="督导组成员", doc="Supervision teams.", key=None
    ),
    TableSpec(name="problems", record_type=Problem, zh="问题", doc="Problems found."),
    TableSpec(
        name="rectification_events", record_type=RectificationEvent, zh="整改环节", doc="Lifecycle steps."
    ),
    TableSpec(name="interviews", record_type=Interview, zh="约谈", doc="约谈."),
    TableSpec(name="circulars", record_type=Circular, zh="通报", doc="通报."),
    TableSpec(
        name="accountability_decisions", record_type=AccountabilityDecision, zh="问责", doc="Accountability."
    ),
    TableSpec(
        name="commendations", record_type=Commendation, zh="表彰奖励", doc="Commendations, promotions."
    ),
    TableSpec(name="duty_evaluations", record_type=DutyEvaluation, zh="履职评价", doc="Duty evaluations."),
)

_SPECS: Final = MappingProxyType({spec.name: spec for spec in TABLES})


def table_spec(name: str) -> TableSpec:
    """Return the spec of table ``name``; raise :class:`KeyError` naming the known tables."""
    try:
        return _SPECS[name]
    except KeyError:
        msg = f"unknown table {name!r}; tables: {', '.join(_SPECS)}"
        raise KeyError(msg) from None


@attrs.frozen(kw_only=True)
class Location:
    """Where a record came from: file (and sheet) and data row (counted from 1, header excluded)."""

    table: str
    row: int
    file: str | None = None
    sheet: str | None = None


@attrs.frozen(kw_only=True)
class DatasetInfo:
    """What the dataset is: its name, jurisdiction root, and the date it describes."""

    name: str = attrs.field(metadata={"doc": "Name of the dataset."})
    reference_date: dt.date | None = attrs.field(
        default=None, metadata={"doc": "The date the data describes; the default as_of of validation."}
    )
    root_division_id: str | None = attrs.field(
        default=None, metadata={"doc": "The jurisdiction's own division (the root of its tree)."}
    )
    profile: str | None = attrs.field(default=None, metadata={"doc": "The profile the data is meant for."})
    description: str | None = attrs.field(default=None, metadata={"doc": "Free text."})


def references(record: Any) -> Iterator[tuple[str, str, str]]:
    """Yield (column, referenced id, target table) for every reference a record makes."""
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if "ref" in field.metadata:
            for key in value if isinstance(value, tuple) else (value,):
                if key is not None:
                    yield field.name, key, field.metadata["ref"]
        elif "ref_kind" in field.metadata:
            yield field.name, value, getattr(record, field.metadata["ref_kind"]).table


@attrs.frozen(kw_only=True, repr=False)
class Dataset:
    """A jurisdiction's records, one tuple per table, indexed by id and checked on construction.

    Construction raises :class:`~edusupervision.DataError` listing **every** duplicate id, dangling reference
    and hierarchy defect, each with its table, row and column.

    Examples
    --------
    >>> from edusupervision import Dataset, DatasetInfo, Division, DivisionKind
    >>> ds = Dataset(info=DatasetInfo(name="demo"), divisions=[
    ...     Division(id="370300", name="淄博市", kind=DivisionKind.PREFECTURE_CITY),
    ...     Division(id="370303", name="张店区", kind=DivisionKind.DISTRICT, parent_id="370300")])
    >>> ds.get("divisions", "370303").name
    '张店区'
    >>> [d.name for d in ds.ancestors("370303")]
    ['淄博市']

    """

    info: DatasetInfo
    divisions: tuple[Division, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Division}
    )
    organisations: tuple[Organisation, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Organisation}
    )
    persons: tuple[Person, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Person}
    )
    committees: tuple[Committee, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Committee}
    )
    committee_members: tuple[CommitteeMember, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": CommitteeMember}
    )
    meetings: tuple[Meeting, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Meeting}
    )
    budgets: tuple[Budget, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Budget}
    )
    upward_reports: tuple[UpwardReport, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": UpwardReport}
    )
    zones: tuple[Zone, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Zone}
    )
    schools: tuple[School, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": School}
    )
    inspectors: tuple[Inspector, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Inspector}
    )
    near_relatives: tuple[NearRelative, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": NearRelative}
    )
    trainings: tuple[Training, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Training}
    )
    assessments: tuple[Assessment, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Assessment}
    )
    assignments: tuple[Assignment, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Assignment}
    )
    visits: tuple[Visit, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Visit}
    )
    supervisions: tuple[Supervision, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Supervision}
    )
    team_members: tuple[TeamMember, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": TeamMember}
    )
    problems: tuple[Problem, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Problem}
    )
    rectification_events: tuple[RectificationEvent, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": RectificationEvent}
    )
    interviews: tuple[Interview, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Interview}
    )
    circulars: tuple[Circular, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Circular}
    )
    accountability_decisions: tuple[AccountabilityDecision, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": AccountabilityDecision}
    )
    commendations: tuple[Commendation, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": Commendation}
    )
    duty_evaluations: tuple[DutyEvaluation, ...] = attrs.field(
        factory=tuple, converter=frozen_tuple, metadata={"record_type": DutyEvaluation}
    )
    locations: Mapping[str, tuple[Location, ...]] = attrs.field(
        factory=dict, converter=frozen_map, eq=False, metadata={"internal": True}
    )
    _index: Mapping[str, Mapping[str, int]] = attrs.field(init=False, eq=False, metadata={"internal": True})
    _children: Mapping[str, tuple[str, ...]] = attrs.field(init=False, eq=False, metadata={"internal": True})
    _orgs_by_division: Mapping[str, tuple[Organisation, ...]] = attrs.field(
        init=False, eq=False, metadata={"internal": True}
    )

    def __attrs_post_init__(self) -> None:
        """Index every keyed table and check integrity; raise :class:`DataError` listing every problem."""
        problems: list[DataProblem] = []
        index: dict[str, Mapping[str, int]] = {}
        for spec in TABLES:
            if spec.key is None:
                continue
            ids: dict[str, int] = {}
            for pos, record in enumerate(self.table(spec.name)):
                key = getattr(record, spec.key)
                if key in ids:
                    problems.append(
                        self._problem(
                            "format.duplicate_id", spec.name, pos, spec.key, f"duplicate id {key!r}", key
                        )
                    )
                else:
                    ids[key] = pos
            index[spec.name] = MappingProxyType(ids)
        object.__setattr__(self, "_index", MappingProxyType(index))
        children: defaultdict[str, list[str]] = defaultdict(list)
        for division in self.divisions:
            if division.parent_id is not None:
                children[division.parent_id].append(division.id)
        object.__setattr__(self, "_children", MappingProxyType({k: tuple(v) for k, v in children.items()}))
        orgs: defaultdict[str, list[Organisation]] = defaultdict(list)
        for org in self.organisations:
            orgs[org.division_id].append(org)
        object.__setattr__(
            self, "_orgs_by_division", MappingProxyType({k: tuple(v) for k, v in orgs.items()})
        )
        problems.extend(self._check_references())
        problems.extend(self._check_hierarchy())
        if problems:
            raise DataError(
                problems, summary=f"dataset {self.info.name!r} has {len(problems)} integrity problem(s)"
            )

    # --- access ----------------------------------------------------------------------------------

    def table(self, name: str) -> tuple[Any, ...]:
        """Return the records of table ``name``."""
        table_spec(name)
        return cast("tuple[Any, ...]", getattr(self, name))

    def get(self, table: str, key: str) -> Any:
        """Return the record of ``table`` with id ``key``; raise :class:`KeyError` when absent."""
        pos = self._index[table].get(key)
        if pos is None:
            msg = f"no record {key!r} in table {table!r}"
            raise KeyError(msg)
        return self.table(table)[pos]

    def find(self, table: str, key: str | None) -> Any | None:
        """Return the record of ``table`` with id ``key``, or None."""
        if key is None:
            return None
        pos = self._index[table].get(key)
        return None if pos is None else self.table(table)[pos]

    def has(self, table: str, key: str) -> bool:
        """Return whether ``table`` has a record with id ``key``."""
        return key in self._index[table]

    def position(self, table: str, key: str) -> int | None:
        """Return the position of the record ``key`` in ``table`` (0-based), or None."""
        return self._index[table].get(key)

    def location(self, table: str, position: int) -> Location | None:
        """Return where the record at ``position`` of ``table`` was read from, when it came from a file."""
        rows = self.locations.get(table)
        if rows is None or position >= len(rows):
            return None
        return rows[position]

    def location_of(self, table: str, key: str) -> Location | None:
        """Return where record ``key`` of ``table`` was read from, or None."""
        pos = self.position(table, key)
        return None if pos is None else self.location(table, pos)

    def subject(self, kind: SubjectKind, key: str) -> Any | None:
        """Return the record a polymorphic reference points at, or None."""
        return self.find(kind.table, key)

    # --- hierarchy -------------------------------------------------------------------------------

    def children(self, division_id: str) -> tuple[Division, ...]:
        """Return the divisions directly under ``division_id``, in table order."""
        return tuple(self.get("divisions", c) for c in self._children.get(division_id, ()))

    def ancestors(self, division_id: str) -> tuple[Division, ...]:
        """Return the divisions above ``division_id``, nearest first."""
        out: list[Division] = []
        current = self.get("divisions", division_id).parent_id
        while current is not None and len(out) <= len(self.divisions):
            division = self.get("divisions", current)
            out.append(division)
            current = division.parent_id
        return tuple(out)

    def descendants(self, division_id: str) -> tuple[Division, ...]:
        """Return every division below ``division_id``, depth first in table order."""
        out: list[Division] = []
        stack = list(reversed(self._children.get(division_id, ())))
        while stack:
            key = stack.pop()
            out.append(self.get("divisions", key))
            stack.extend(reversed(self._children.get(key, ())))
        return tuple(out)

    def organisations_in(self, division_id: str, kind: OrgKind | None = None) -> tuple[Organisation, ...]:
        """Return the organisations of a division, optionally of one kind, in table order."""
        here = self._orgs_by_division.get(division_id, ())
        return here if kind is None else tuple(o for o in here if o.kind is kind)

    def government_of(self, division_id: str) -> Organisation | None:
        """Return the government (or a zone's management committee) of a division, if recorded."""
        return next((o for o in self.organisations_in(division_id) if o.kind.is_government), None)

    def body_of(self, division_id: str) -> Organisation | None:
        """Return the supervision body of a division, if recorded."""
        return next(iter(self.organisations_in(division_id, OrgKind.SUPERVISION_BODY)), None)

    def education_authority_of(self, division_id: str) -> Organisation | None:
        """Return the education authority of a division, if recorded."""
        return next(iter(self.organisations_in(division_id, OrgKind.EDUCATION_AUTHORITY)), None)

    def superior_division(self, division_id: str) -> Division | None:
        """Return the division directly above, or None for the root."""
        parent = self.get("divisions", division_id).parent_id
        return None if parent is None else self.get("divisions", parent)

    def county_of_school(self, school_id: str) -> Division:
        """Return the county-level division of a school (every school has exactly one)."""
        school: Any = self.get("schools", school_id)
        return cast("Division", self.get("divisions", school.division_id))

    def __iter__(self) -> Iterator[tuple[str, tuple[Any, ...]]]:
        """Iterate over ``(table name, records)`` in format order."""
        for spec in TABLES:
            yield spec.name, self.table(spec.name)

    def __len__(self) -> int:
        """Return the total number of records."""
        return sum(len(records) for _, records in self)

    def __repr__(self) -> str:
        """Return a compact summary: name, reference date and the non-empty tables' sizes."""
        sizes = ", ".join(f"{name}={len(records)}" for name, records in self if records)
        return f"<Dataset {self.info.name!r} as of {self.info.reference_date} ({sizes})>"

    def evolve(self, **tables: Sequence[Any]) -> Dataset:
        """Return a copy with some tables replaced (locations of replaced tables are dropped)."""
        locations = {k: v for k, v in self.locations.items() if k not in tables}
        changes: dict[str, Any] = {**tables, "locations": locations}
        return attrs.evolve(self, **changes)

    # --- integrity -------------------------------------------------------------------------------

    def _problem(  # noqa: PLR0917 - a private constructor of located problems, called positionally
        self, code: str, table: str, pos: int, column: str | None, message: str, value: str | None
    ) -> DataProblem:
        loc = self.location(table, pos)
        return DataProblem(
            code=code,
            message=message,
            table=table,
            row=loc.row if loc is not None else pos + 1,
            column=column,
            file=loc.file if loc is not None else None,
            value=value,
        )

    def _check_references(self) -> list[DataProblem]:
        return [
            self._problem(
                "format.dangling_reference",
                spec.name,
                pos,
                column,
                f"refers to {key!r}, which is not in table {target!r}",
                key,
            )
            for spec in TABLES
            for pos, record in enumerate(self.table(spec.name))
            for column, key, target in references(record)
            if key not in self._index[target]
        ]

    def _check_hierarchy(self) -> list[DataProblem]:
        problems: list[DataProblem] = []
        index = self._index["divisions"]
        roots = [d for d in self.divisions if d.parent_id is None]
        if self.divisions and len(roots) != 1:
            names = ", ".join(repr(d.id) for d in roots) or "none"
            problems.append(
                DataProblem(
                    code="format.hierarchy",
                    table="divisions",
                    column="parent_id",
                    message=f"the hierarchy must have exactly one root (a division without parent); found {names}",
                )
            )
        for pos, division in enumerate(self.divisions):
            parent = self.find("divisions", division.parent_id) if division.parent_id in index else None
            if parent is not None and parent.kind.level.rank >= division.kind.level.rank:
                problems.append(
                    self._problem(
                        "format.hierarchy",
                        "divisions",
                        pos,
                        "parent_id",
                        f"a {division.kind.level.en} division cannot sit under a {parent.kind.level.en} one",
                        division.parent_id,
                    )
                )
            if division.kind is DivisionKind.FUNCTIONAL_ZONE and division.zone_kind is None:
                problems.append(
                    self._problem(
                        "format.missing_value",
                        "divisions",
                        pos,
                        "zone_kind",
                        "a functional zone needs its zone_kind",
                        None,
                    )
                )
        # Levels strictly increase downwards, so a parent chain cannot cycle unless levels are equal (reported).
        for pos, school in enumerate(self.schools):
            county: Division | None = self.find("divisions", school.division_id)
            if county is not None and county.kind.level is not Level.COUNTY:
                problems.append(
                    self._problem(
                        "format.hierarchy",
                        "schools",
                        pos,
                        "division_id",
                        f"a school belongs to a county-level division, not to a {county.kind.level.en} one",
                        school.division_id,
                    )
                )
        return problems

    def _repr_html_(self) -> str:
        """Return the notebook display (HTML, escaped, no scripts)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.dataset_html(self)

    def to_pandas(self, table: str) -> Any:
        """Return a pandas DataFrame (needs the optional ``pandas`` package: ``edusupervision[notebook]``)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.to_pandas(self, table)
