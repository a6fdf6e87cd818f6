"""Resolve the units of responsibility clauses (责任单位) to a dataset's organisations.

A :class:`Jurisdiction` is a dataset seen from one division (its root, by default the dataset's own
division). It reads a unit name the way a document issued at that division means it:

- **Single units** are matched by name. A jurisdiction prefix names a level relative to the root:
  ``自治区``/``省`` the provincial division above (or at) the root, ``市`` the nearest city (设区市, 直辖市 or
  县级市) at or above it, ``县``/``区`` the county-level division, no prefix the root itself. So in a county
  dataset ``市教育局`` is the city's bureau and ``县教育局`` the county's own. The rest of the name is compared
  with each organisation's name less its division's name (``淄博市教育局`` → ``教育局``), after normalising
  brackets, full-width forms and common abbreviations (人民政府 = 政府, 人力资源和社会保障 = 人力资源社会保障,
  机构编制委员会办公室 = 编办). Failing that, an organisation *kind* named by the rest (编办, 组织部, 财政 …)
  matches when the division has exactly one organisation of that kind. ``…教育督导委员会办公室`` is the
  office of that government's committee (:attr:`Committee.office_host_id`).
- **Collectives** (the parser's :attr:`Clause.collectives`) are expanded: ``…成员单位`` to the member units of
  the committee named in the unit or earlier in the list (else the root's committee); ``区县政府``,
  ``设区市、县（市、区）人民政府``, ``市及区县教育督导机构``, ``各乡镇政府`` … to the organisations of that kind in
  every division of those levels within the jurisdiction (or, for a level above the root, the division above
  it). County-level functional zones (功能区) count only when a scope note says so (ZB
  ``区县（含高新区、经济开发区、文昌湖省级旅游度假区，下同）`` includes zones of those kinds), or when
  ``include_zones=True``; ``include_zones=False`` leaves them out whatever the text says.

Every resolved organisation carries its explanation path: the steps from the clause to the organisation.
"""

from __future__ import annotations

import contextlib
import difflib
import enum
import gc
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from edusupervision._domain._enums import DivisionKind, Level, OrgKind, ZoneKind
from edusupervision._domain._model import Committee, Division, Organisation
from edusupervision._responsibility._parser import Clause
from edusupervision._rules._model import Severity

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from edusupervision._domain._dataset import Dataset
    from edusupervision._responsibility._parser import ScopeNote

__all__ = [
    "PROBLEM_CODES",
    "Jurisdiction",
    "Resolution",
    "ResolutionProblem",
    "ResolvedUnit",
    "Role",
    "TaskResolution",
    "normalise_name",
    "resolve",
]


class Role(enum.Enum):
    """The part a resolved organisation plays in a task."""

    LEAD = "lead"
    CO_RESPONSIBLE = "co_responsible"


#: Every problem code resolution reports, with its severity.
PROBLEM_CODES: Final[Mapping[str, Severity]] = MappingProxyType(
    {
        "responsibility.no_lead": Severity.ERROR,
        "responsibility.several_leads": Severity.WARNING,
        "responsibility.collective_lead": Severity.INFO,
        "responsibility.empty_collective": Severity.ERROR,
        "responsibility.unknown_unit": Severity.ERROR,
        "responsibility.supervision_cycle": Severity.ERROR,
    }
)


@attrs.frozen(kw_only=True)
class ResolutionProblem:
    """Something resolution found wrong or worth knowing.

    Attributes
    ----------
    code:
        One of :data:`PROBLEM_CODES` (``responsibility.unknown_unit`` …).
    severity:
        ``error``, ``warning`` or ``info``; ``collective_lead`` is info (a joint lead is not an error),
        and an empty open collective (有关部门) is a warning.
    message:
        What is wrong, in English with the Chinese names.
    task_id:
        The task concerned, if any.
    unit:
        The unit name concerned, if any.
    candidates:
        For ``unknown_unit``: the closest organisations as ``(id, name)``, best first.
    organisation_ids:
        For ``supervision_cycle``: the organisations around the cycle.

    """

    code: str
    severity: Severity
    message: str
    task_id: str | None = None
    unit: str | None = None
    candidates: tuple[tuple[str, str], ...] = ()
    organisation_ids: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Return the problem as a JSON-ready dict."""
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "task_id": self.task_id,
            "unit": self.unit,
            "candidates": [{"id": i, "name": n} for i, n in self.candidates],
            "organisation_ids": list(self.organisation_ids),
        }


@attrs.frozen(kw_only=True)
class ResolvedUnit:
    """One concrete organisation responsible for a task, with why.

    Attributes
    ----------
    organisation_id, name:
        The organisation.
    role:
        Lead or co-responsible.
    unit:
        The unit of the clause it comes from, as resolved (``区县政府`` for a written ``政府``).
    via:
        The collective it was expanded from, or ``None`` for a unit named singly.
    path:
        The explanation: one sentence per step from the clause to the organisation.

    """

    organisation_id: str
    name: str
    role: Role
    unit: str
    via: str | None
    path: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """Return the unit as a JSON-ready dict."""
        return {
            "organisation_id": self.organisation_id,
            "name": self.name,
            "role": self.role.value,
            "unit": self.unit,
            "via": self.via,
            "path": list(self.path),
        }


@attrs.frozen(kw_only=True)
class TaskResolution:
    """A clause (task) with the organisations it makes responsible and the problems found."""

    task_id: str
    clause: Clause
    units: tuple[ResolvedUnit, ...]
    problems: tuple[ResolutionProblem, ...]

    @property
    def lead_ids(self) -> tuple[str, ...]:
        """Return the ids of the leading organisations, in order, without repeats."""
        return tuple(dict.fromkeys(u.organisation_id for u in self.units if u.role is Role.LEAD))

    @property
    def organisation_ids(self) -> tuple[str, ...]:
        """Return the ids of every responsible organisation, in order, without repeats."""
        return tuple(dict.fromkeys(u.organisation_id for u in self.units))

    def to_dict(self) -> dict[str, object]:
        """Return the clause's contract dict with ``task_id``, ``resolved`` and ``problems`` added."""
        return {
            "task_id": self.task_id,
            **self.clause.to_dict(),
            "resolved": [u.to_dict() for u in self.units],
            "problems": [p.to_dict() for p in self.problems],
        }


@attrs.frozen(kw_only=True)
class Resolution:
    """The clauses of a text resolved against a jurisdiction."""

    dataset: str
    root_division_id: str | None
    tasks: tuple[TaskResolution, ...]
    problems: tuple[ResolutionProblem, ...]

    @property
    def has_errors(self) -> bool:
        """Return whether any problem has severity error."""
        return any(p.severity is Severity.ERROR for p in self.problems)

    def to_dict(self) -> dict[str, object]:
        """Return the resolution as a JSON-ready dict (``clauses`` in document order)."""
        return {
            "dataset": self.dataset,
            "root_division_id": self.root_division_id,
            "clauses": [t.to_dict() for t in self.tasks],
            "problems": [p.to_dict() for p in self.problems],
        }


# ----------------------------------------------------------------------------------------------
# names

_SYNONYMS: Final[tuple[tuple[str, str], ...]] = (
    ("中国共产党", "中共"),
    ("人民政府", "政府"),
    ("人力资源和社会保障", "人力资源社会保障"),
    ("机构编制委员会办公室", "编办"),
    ("纪律检查委员会", "纪委"),
    ("监察委员会", "监委"),
    ("法制工作委员会", "法工委"),
    ("管理委员会", "管委会"),
    ("党工作委员会", "党工委"),
)
_DROP: Final = frozenset(" \t\r\n\u3000*\u200b")


def normalise_name(name: str) -> str:
    """Return ``name`` in a comparable form: NFKC (full-width → ASCII brackets), no spaces or ``*``.

    Examples
    --------
    >>> normalise_name("县（市、区） 人民政府")
    '县(市、区)人民政府'

    """
    text = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in text if ch not in _DROP)


def _canonical(name: str) -> str:
    """Return the comparison key of a normalised name (abbreviations expanded the same way on both sides)."""
    key = name
    for long, short in _SYNONYMS:
        key = key.replace(long, short)
    key = key.removeprefix("中共")
    if key.startswith("党委") and len(key) > 2:
        key = "委" + key[2:]
    elif key.startswith("委员会") and len(key) > 3:
        key = "委" + key[3:]
    return key


#: Remainder keywords naming an organisation kind, checked in order.
_KIND_WORDS: Final[tuple[tuple[str, OrgKind], ...]] = (
    ("编办", OrgKind.ESTABLISHMENT_OFFICE),
    ("组织部", OrgKind.ORGANISATION_DEPARTMENT),
    ("宣传部", OrgKind.PUBLICITY_DEPARTMENT),
    ("纪委", OrgKind.DISCIPLINE_INSPECTION),
    ("监委", OrgKind.DISCIPLINE_INSPECTION),
    ("绩效", OrgKind.PERFORMANCE_OFFICE),
    ("督导机构", OrgKind.SUPERVISION_BODY),
    ("督导室", OrgKind.SUPERVISION_BODY),
    ("督导部门", OrgKind.SUPERVISION_BODY),
    ("督导办", OrgKind.SUPERVISION_BODY),
    ("教育行政部门", OrgKind.EDUCATION_AUTHORITY),
    ("教育部门", OrgKind.EDUCATION_AUTHORITY),
    ("教育局", OrgKind.EDUCATION_AUTHORITY),
    ("教育厅", OrgKind.EDUCATION_AUTHORITY),
    ("教育分局", OrgKind.EDUCATION_AUTHORITY),
    ("教委", OrgKind.EDUCATION_AUTHORITY),
    ("财政", OrgKind.FINANCE),
    ("人力资源社会保障", OrgKind.HUMAN_RESOURCES),
    ("人社", OrgKind.HUMAN_RESOURCES),
    ("公安", OrgKind.PUBLIC_SECURITY),
    ("检察", OrgKind.PROSECUTION),
    ("党工委", OrgKind.PARTY_WORKING_COMMITTEE),
    ("管委会", OrgKind.MANAGEMENT_COMMITTEE),
)
#: Kinds that stand in for each other in a functional zone (its 管委会 acts as its government).
_EQUIVALENT_KINDS: Final[Mapping[OrgKind, frozenset[OrgKind]]] = MappingProxyType(
    {
        OrgKind.GOVERNMENT: frozenset({OrgKind.GOVERNMENT, OrgKind.MANAGEMENT_COMMITTEE}),
        OrgKind.MANAGEMENT_COMMITTEE: frozenset({OrgKind.GOVERNMENT, OrgKind.MANAGEMENT_COMMITTEE}),
        OrgKind.PARTY_COMMITTEE: frozenset({OrgKind.PARTY_COMMITTEE, OrgKind.PARTY_WORKING_COMMITTEE}),
        OrgKind.PARTY_WORKING_COMMITTEE: frozenset(
            {OrgKind.PARTY_COMMITTEE, OrgKind.PARTY_WORKING_COMMITTEE}
        ),
    }
)


def _kind_of(remainder: str) -> OrgKind | None:
    """Return the organisation kind a name's remainder names (``委编办`` → establishment office)."""
    if remainder in {"政府", "政府机关"}:
        return OrgKind.GOVERNMENT
    if remainder in {"党委", "委"}:
        return OrgKind.PARTY_COMMITTEE
    for word, kind in _KIND_WORDS:
        if word in remainder:
            return kind
    return None


_CITY_KINDS: Final = frozenset(
    {DivisionKind.PREFECTURE_CITY, DivisionKind.MUNICIPALITY, DivisionKind.COUNTY_CITY}
)
#: Single-unit prefixes (longest first) → how to find the division they name.
_PREFIXES: Final[tuple[tuple[str, str], ...]] = (
    ("自治区", "provincial"),
    ("自治州", "prefecture"),
    ("设区市", "prefecture"),
    ("街道", "township"),
    ("省", "provincial"),
    ("市", "city"),
    ("州", "prefecture"),
    ("盟", "prefecture"),
    ("县", "county"),
    ("区", "county"),
    ("旗", "county"),
    ("镇", "township"),
    ("乡", "township"),
)
_LEVEL_OF_WORD: Final[Mapping[str, Level]] = MappingProxyType(
    {
        "provincial": Level.PROVINCIAL,
        "prefecture": Level.PREFECTURE,
        "county": Level.COUNTY,
        "township": Level.TOWNSHIP,
    }
)

#: Collective jurisdiction prefixes (normalised, longest first) → the levels they cover.
_COLLECTIVE_LEVELS: Final[tuple[tuple[str, tuple[Level, ...]], ...]] = (
    ("设区市、县(市、区)", (Level.PREFECTURE, Level.COUNTY)),
    ("设区的市、县(市、区)", (Level.PREFECTURE, Level.COUNTY)),
    ("市、县(市、区)", (Level.PREFECTURE, Level.COUNTY)),
    ("市及区县", (Level.PREFECTURE, Level.COUNTY)),
    ("市、区县", (Level.PREFECTURE, Level.COUNTY)),
    ("市区县", (Level.PREFECTURE, Level.COUNTY)),
    ("县(市、区)", (Level.COUNTY,)),
    ("县(市、区、)", (Level.COUNTY,)),
    ("县(区)", (Level.COUNTY,)),
    ("区(县)", (Level.COUNTY,)),
    ("区县", (Level.COUNTY,)),
    ("县区", (Level.COUNTY,)),
    ("县市区", (Level.COUNTY,)),
    ("镇(街道)", (Level.TOWNSHIP,)),
    ("乡镇(街道)", (Level.TOWNSHIP,)),
    ("乡镇", (Level.TOWNSHIP,)),
    ("镇街", (Level.TOWNSHIP,)),
    ("镇、街道", (Level.TOWNSHIP,)),
    ("街道", (Level.TOWNSHIP,)),
    ("设区市", (Level.PREFECTURE,)),
    ("各级", (Level.PROVINCIAL, Level.PREFECTURE, Level.COUNTY, Level.TOWNSHIP)),
)
_OPEN_COLLECTIVE_WORDS: Final = ("有关", "相关", "各部门", "其他")
_ZONE_WORDS: Final[tuple[tuple[str, ZoneKind | None], ...]] = (
    ("高新", ZoneKind.HIGH_TECH),
    ("开发区", ZoneKind.ECONOMIC_DEVELOPMENT),
    ("经开区", ZoneKind.ECONOMIC_DEVELOPMENT),
    ("度假区", ZoneKind.TOURISM_RESORT),
    ("功能区", None),  # every kind
)
_LEVEL_ZH: Final[Mapping[Level, str]] = MappingProxyType(
    {
        Level.NATIONAL: "national",
        Level.PROVINCIAL: "provincial",
        Level.PREFECTURE: "prefecture",
        Level.COUNTY: "county",
        Level.TOWNSHIP: "township",
    }
)
_MAX_CANDIDATES: Final = 3


def _zone_kinds(note: str) -> frozenset[ZoneKind]:
    kinds: set[ZoneKind] = set()
    for word, kind in _ZONE_WORDS:
        if word in note:
            kinds.update(ZoneKind if kind is None else (kind,))
    return frozenset(kinds)


_NAME_SUFFIXES: Final = ("壮族自治区", "自治区", "自治州", "省", "市", "县", "区", "旗", "盟")
_MIN_SHORT_NAME: Final = 2
_LEVEL_CHARS: Final = frozenset(
    "省市县区州盟旗镇乡"
)  # a short name starting so would shadow a prefix (市中区 → 市中)
_MAX_DIVISION_NAME: Final = 16
_RANK: Final[Mapping[Level, int]] = MappingProxyType({level: rank for rank, level in enumerate(Level)})


def _division_names(name: str) -> tuple[str, ...]:
    """Return the names a division goes by in unit names: its full name and, if long enough, its short one."""
    full = normalise_name(name)
    for suffix in _NAME_SUFFIXES:
        short = full.removesuffix(suffix)
        if short != full and len(short) >= _MIN_SHORT_NAME and short[0] not in _LEVEL_CHARS:
            return (full, short)
    return (full,)


def _collective_levels(body: str) -> tuple[tuple[Level, ...], str]:
    """Return (levels, remainder) of a collective name without 各: 区县政府 → ((county,), 政府)."""
    for prefix, covered in _COLLECTIVE_LEVELS:
        if body.startswith(prefix):
            return covered, body[len(prefix) :]
    return (), body


def _collective_kinds(remainder: str) -> list[OrgKind] | str:
    """Return the kinds a collective's remainder names (党委和人民政府 → two), or the part that names none."""
    parts = [p for p in remainder.replace("及", "和").replace("、", "和").split("和") if p]
    kinds: list[OrgKind] = []
    for part in parts or ["政府"]:  # a bare 各区县 / 镇街 names the divisions' governments
        kind = _kind_of(_canonical(part))
        if kind is None:
            return part
        kinds.append(kind)
    return kinds


# ----------------------------------------------------------------------------------------------
# the index


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while bulk-building (indexes, graphs) (restored after, as it was).

    Building creates a few hundred thousand dicts and no cycles; the collector's generational passes over the
    growing heap would otherwise take half the build time of a national hierarchy.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@attrs.frozen
class _Index:
    """Look-up tables over a dataset's hierarchy, built in one pass (read-only afterwards)."""

    divisions: Mapping[str, Division]
    children: Mapping[str, tuple[str, ...]]
    orgs: Mapping[str, Organisation]
    orgs_in: Mapping[str, tuple[Organisation, ...]]
    division_names: Mapping[str, tuple[str, ...]]
    committees: Mapping[str, Committee]
    committees_of_division: Mapping[str, tuple[str, ...]]
    members: Mapping[str, tuple[str, ...]]
    tree_root: str | None

    @classmethod
    def build(cls, dataset: Dataset) -> _Index:
        divisions = {d.id: d for d in dataset.divisions}
        children: dict[str, list[str]] = {}
        for d in dataset.divisions:
            if d.parent_id is not None:
                children.setdefault(d.parent_id, []).append(d.id)
        orgs = {o.id: o for o in dataset.organisations}
        orgs_in: dict[str, list[Organisation]] = {}
        for o in dataset.organisations:
            orgs_in.setdefault(o.division_id, []).append(o)
        division_names: dict[str, list[str]] = {}
        for d in dataset.divisions:
            for name in _division_names(d.name):
                division_names.setdefault(name, []).append(d.id)
        committees_of_division: dict[str, list[str]] = {}
        for c in dataset.committees:
            gov = orgs.get(c.government_id)
            if gov is not None:
                committees_of_division.setdefault(gov.division_id, []).append(c.id)
        members: dict[str, list[str]] = {}
        for m in dataset.committee_members:
            members.setdefault(m.committee_id, []).append(m.organisation_id)
        root = next((d.id for d in dataset.divisions if d.parent_id is None), None)
        return cls(
            divisions=MappingProxyType(divisions),
            children=MappingProxyType({k: tuple(v) for k, v in children.items()}),
            orgs=MappingProxyType(orgs),
            orgs_in=MappingProxyType({k: tuple(v) for k, v in orgs_in.items()}),
            division_names=MappingProxyType({k: tuple(v) for k, v in division_names.items()}),
            committees=MappingProxyType({c.id: c for c in dataset.committees}),
            committees_of_division=MappingProxyType({k: tuple(v) for k, v in committees_of_division.items()}),
            members=MappingProxyType({k: tuple(v) for k, v in members.items()}),
            tree_root=root,
        )


@attrs.frozen
class _Found:
    """Organisations a unit resolved to (each with its path), or a problem."""

    orgs: tuple[tuple[str, tuple[str, ...]], ...] = ()
    problem: ResolutionProblem | None = None


def _org_label(org: Organisation) -> str:
    return f"{org.name} [{org.id}]"


def _div_label(div: Division) -> str:
    return f"{div.name} [{div.id}]"


@attrs.frozen
class Jurisdiction:
    """A dataset seen from one division: reads unit names as a document issued there means them.

    Build with :meth:`from_dataset`; :meth:`at` gives the same dataset seen from another division
    (sharing the index, so it is cheap).

    Examples
    --------
    >>> from edusupervision._sample import sample_dataset
    >>> j = Jurisdiction.from_dataset(sample_dataset())
    >>> j.root.name
    '青山县'
    >>> [u.organisation_id for u in j.resolve_unit("市教育局")]
    ['org-yz-edu']
    >>> [u.organisation_id for u in j.resolve_unit("乡镇人民政府", collective=True)]
    ['org-cg-gov', 'org-dp-gov', 'org-xh-gov', 'org-ns-gov']

    """

    index: _Index
    root_id: str
    dataset_name: str = ""

    @classmethod
    def from_dataset(cls, dataset: Dataset, root_division_id: str | None = None) -> Jurisdiction:
        """Return the dataset seen from ``root_division_id`` (default: the dataset's own division).

        Raises
        ------
        ValueError
            If the dataset has no divisions, or the root is not one of them.

        """
        with collector_paused():
            index = _Index.build(dataset)
        root = root_division_id or dataset.info.root_division_id or index.tree_root
        if root is None or root not in index.divisions:
            msg = f"no division {root!r} in dataset {dataset.info.name!r} to resolve responsibility from"
            raise ValueError(msg)
        return cls(index=index, root_id=root, dataset_name=dataset.info.name)

    def at(self, division_id: str) -> Jurisdiction:
        """Return the same dataset seen from ``division_id``; raise :class:`KeyError` if unknown."""
        if division_id not in self.index.divisions:
            msg = f"no division {division_id!r}"
            raise KeyError(msg)
        return attrs.evolve(self, root_id=division_id)

    @property
    def root(self) -> Division:
        """Return the root division."""
        return self.index.divisions[self.root_id]

    # --- divisions ----------------------------------------------------------------------------

    def _self_and_ancestors(self) -> Iterable[Division]:
        current: str | None = self.root_id
        seen = 0
        while current is not None and seen <= len(self.index.divisions):
            division = self.index.divisions[current]
            yield division
            current = division.parent_id
            seen += 1

    def _division_for_prefix(self, word: str) -> Division | None:
        """Return the division a single-unit prefix names, seen from the root."""
        if word == "city":
            return next((d for d in self._self_and_ancestors() if d.kind in _CITY_KINDS), None)
        level = _LEVEL_OF_WORD[word]
        return next((d for d in self._self_and_ancestors() if d.kind.level is level), None)

    def _divisions_at(self, level: Level) -> list[Division]:
        """Return the divisions of ``level`` in the jurisdiction (the root's subtree, root included).

        When the root sits below ``level``, return the division above it at that level.
        """
        root = self.root
        if _RANK[root.kind.level] > _RANK[level]:
            above = next((d for d in self._self_and_ancestors() if d.kind.level is level), None)
            return [] if above is None else [above]
        out: list[Division] = []
        stack = [self.root_id]
        while stack:
            key = stack.pop()
            division = self.index.divisions[key]
            own = division.kind.level
            if own is level:
                out.append(division)
            if _RANK[own] < _RANK[level]:
                stack.extend(reversed(self.index.children.get(key, ())))
        return out

    def _orgs_of_kind(self, division_id: str, kind: OrgKind) -> list[Organisation]:
        kinds = _EQUIVALENT_KINDS.get(kind, frozenset({kind}))
        return [o for o in self.index.orgs_in.get(division_id, ()) if o.kind in kinds]

    # --- single units ---------------------------------------------------------------------------

    def _named_division(self, name: str) -> tuple[str, Division] | None:
        """Return (name, division) when ``name`` starts with a division's name (longest first; 淄博市…, 张店…)."""
        for length in range(min(len(name) - 1, _MAX_DIVISION_NAME), 1, -1):
            ids = self.index.division_names.get(name[:length])
            if ids:
                related = {d.id for d in self._self_and_ancestors()}
                best = next((i for i in ids if i in related), None) or next(
                    (i for i in ids if self._is_below_root(i)), ids[0]
                )
                return name[:length], self.index.divisions[best]
        return None

    def _is_below_root(self, division_id: str) -> bool:
        current = self.index.divisions[division_id].parent_id
        for _ in range(len(_RANK)):
            if current is None:
                return False
            if current == self.root_id:
                return True
            current = self.index.divisions[current].parent_id
        return False

    def _split_prefix(self, name: str) -> tuple[str, Division | None, str]:
        """Return (prefix, division it names, remainder); no prefix names the root."""
        name = name.removeprefix("中国共产党").removeprefix("中共")
        named = self._named_division(name)
        if named is not None:
            return named[0], named[1], name[len(named[0]) :]
        for prefix, word in _PREFIXES:
            if name.startswith(prefix) and len(name) > len(prefix):
                return prefix, self._division_for_prefix(word), name[len(prefix) :]
        return "", self.root, name

    def _local_key(self, org: Organisation) -> str:
        """Return an organisation's name less its division's name, as a comparison key."""
        name = normalise_name(org.name).removeprefix("中共").removeprefix("中国共产党")
        division = self.index.divisions.get(org.division_id)
        if division is not None:
            full = normalise_name(division.name)
            short = full
            for suffix in ("壮族自治区", "自治区", "省", "市", "县", "区"):
                if full.endswith(suffix) and len(full) > len(suffix):
                    short = full[: -len(suffix)]
                    break
            for head in (full, short):
                if name.startswith(head) and len(name) > len(head):
                    name = name[len(head) :]
                    break
        return _canonical(name)

    def _committee_in(self, division: Division) -> Committee | None:
        ids = self.index.committees_of_division.get(division.id, ())
        committees = [self.index.committees[c] for c in ids]
        preferred = [c for c in committees if "督导" in c.name] or committees
        return preferred[0] if preferred else None

    def _committee_office(self, name: str, division: Division | None) -> _Found | None:
        if division is None:
            return None
        committee = self._committee_in(division)
        if committee is None:
            return None
        host = self.index.orgs.get(committee.office_host_id or "")
        steps = [f"{committee.name} [{committee.id}] is the supervision committee of {_div_label(division)}"]
        if host is None:  # no host recorded: the supervision body usually keeps the office
            bodies = self._orgs_of_kind(division.id, OrgKind.SUPERVISION_BODY)
            if len(bodies) != 1:
                return None
            host = bodies[0]
            steps.append(
                f"no office host is recorded; {_org_label(host)}, its supervision body, keeps the office"
            )
        else:
            steps.append(f"its office (办公室) is at {_org_label(host)}")
        return _Found(orgs=((host.id, (f"{name!r} is the office of a committee", *steps)),))

    def _match_single(self, name: str) -> _Found:
        norm = normalise_name(name)
        prefix, division, remainder = self._split_prefix(norm)
        if division is None:
            return _Found(
                problem=self._unknown(name, f"the prefix {prefix!r} names no division seen from here")
            )
        where = (
            f"{prefix!r} is {_div_label(division)} itself"
            if prefix and normalise_name(division.name).startswith(prefix) and len(prefix) > 1
            else f"the prefix {prefix!r} refers to {_div_label(division)} ({_LEVEL_ZH[division.kind.level]} level)"
            if prefix
            else f"without a jurisdiction prefix the name refers to {_div_label(division)}, the jurisdiction itself"
        )
        rkey = _canonical(remainder)
        local = self.index.orgs_in.get(division.id, ())
        named = [o for o in local if self._local_key(o) == rkey]
        if len(named) == 1:
            org = named[0]
            return _Found(orgs=((org.id, (where, f"{_org_label(org)} is called {remainder!r} there")),))
        if "督导委员会办公室" in remainder or remainder.endswith("督委办"):
            office = self._committee_office(name, division)
            if office is not None:
                return _Found(orgs=tuple((oid, (where, *steps)) for oid, steps in office.orgs))
        kind = _kind_of(rkey)
        if kind is not None and not named:
            of_kind = self._orgs_of_kind(division.id, kind)
            if len(of_kind) == 1:
                org = of_kind[0]
                step = f"{_org_label(org)} is the only {kind.zh} ({kind.en}) of {division.name}"
                return _Found(orgs=((org.id, (where, step)),))
            named = of_kind
        why = (
            f"{len(named)} organisations of {division.name} fit"
            if named
            else f"no organisation of {division.name} is called {remainder!r}"
        )
        return _Found(problem=self._unknown(name, why, prefer=named, near=division.id))

    def _unknown(
        self, name: str, why: str, prefer: Sequence[Organisation] = (), near: str | None = None
    ) -> ResolutionProblem:
        """Return an ``unknown_unit`` problem with the closest organisations (those of ``near`` first)."""
        key = _canonical(normalise_name(name))
        root = self.root.name
        scored: dict[str, float] = {o.id: 2.0 for o in prefer}
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(key)
        for oid, org in self.index.orgs.items():
            if oid in scored:
                continue
            for candidate in {self._local_key(org), _canonical(normalise_name(org.name))}:
                matcher.set_seq1(candidate)
                if matcher.real_quick_ratio() < 0.5 or matcher.quick_ratio() < 0.5:
                    continue
                ratio = matcher.ratio()
                if ratio >= 0.5:
                    bonus = 0.25 if org.division_id == near else 0.0
                    scored[oid] = max(scored.get(oid, 0.0), ratio + bonus)
        best = sorted(scored, key=lambda oid: (-scored[oid], oid))[:_MAX_CANDIDATES]
        candidates = tuple((oid, self.index.orgs[oid].name) for oid in best)
        listed = "; closest: " + ", ".join(n for _, n in candidates) if candidates else ""
        return ResolutionProblem(
            code="responsibility.unknown_unit",
            severity=PROBLEM_CODES["responsibility.unknown_unit"],
            message=f"{name!r} matches no organisation seen from {root}: {why}{listed}",
            unit=name,
            candidates=candidates,
        )

    # --- collectives ----------------------------------------------------------------------------

    def _members(self, name: str, head: str, context: Sequence[str]) -> _Found:
        """Expand ``…成员单位`` to the member units of the committee named or implied."""
        committee_name = head.removeprefix("各")
        source = "named in the unit"
        if "委员会" not in committee_name:
            earlier = [normalise_name(u) for u in context if "委员会" in u]
            if earlier:
                committee_name = earlier[-1][: earlier[-1].index("委员会") + 3]
                source = f"named earlier in the list ({earlier[-1]})"
            else:
                committee_name, source = "", "implied (the jurisdiction's own committee)"
        if committee_name:
            _prefix, division, _rest = self._split_prefix(committee_name)
        else:
            division = self.root
        committee = None if division is None else self._committee_in(division)
        if committee is None or division is None:
            where = "the jurisdiction" if division is None else division.name
            return _Found(problem=self._empty(name, f"no supervision committee is recorded for {where}"))
        members = self.index.members.get(committee.id, ())
        if not members:
            return _Found(problem=self._empty(name, f"{committee.name} has no member units recorded"))
        head_steps = (
            f"{name!r} stands for the member units (成员单位) of a committee {source}",
            f"{committee.name} [{committee.id}] is the supervision committee of {_div_label(division)}",
        )
        return _Found(
            orgs=tuple(
                (
                    oid,
                    (*head_steps, f"{_org_label(self.index.orgs[oid])} is a member unit of {committee.name}"),
                )
                for oid in members
                if oid in self.index.orgs
            )
        )

    def _empty(self, name: str, why: str, *, open_ended: bool = False) -> ResolutionProblem:
        return ResolutionProblem(
            code="responsibility.empty_collective",
            severity=Severity.WARNING if open_ended else PROBLEM_CODES["responsibility.empty_collective"],
            message=f"the collective {name!r} resolves to no organisation: {why}",
            unit=name,
        )

    def _zone_rule(
        self, name: str, notes: Sequence[ScopeNote], *, include_zones: bool | None
    ) -> tuple[frozenset[ZoneKind], str]:
        """Return the zone kinds that count as county-level here, and the reason."""
        if include_zones is not None:
            kinds = frozenset(ZoneKind) if include_zones else frozenset()
            return kinds, f"include_zones={include_zones}"
        for note in notes:
            if normalise_name(note.term) in name:
                kinds = _zone_kinds(note.note)
                if kinds:
                    return kinds, f"the scope note {note.term}（{note.note}）"
        return frozenset(), "no scope note includes functional zones"

    def _expand_levels(self, name: str, notes: Sequence[ScopeNote], *, include_zones: bool | None) -> _Found:
        norm = normalise_name(name)
        body = norm.removeprefix("各")
        levels, remainder = _collective_levels(body)
        open_ended = any(w in norm for w in _OPEN_COLLECTIVE_WORDS)
        if not levels:
            prefix, division, rest = self._split_prefix(body)
            if prefix and division is not None and any(rest.startswith(p) for p, _ in _COLLECTIVE_LEVELS):
                # 县乡镇人民政府: the townships of the county the prefix names
                inner = self.at(division.id)._expand_levels(rest, notes, include_zones=include_zones)
                where = f"the prefix {prefix!r} refers to {_div_label(division)}"
                return attrs.evolve(inner, orgs=tuple((oid, (where, *steps)) for oid, steps in inner.orgs))
            why = "it names no level of division (区县, 设区市, 乡镇 …) nor a committee"
            return _Found(problem=self._empty(name, why, open_ended=open_ended))
        kinds = _collective_kinds(remainder)
        if isinstance(kinds, str):
            why = f"{kinds!r} names no kind of organisation"
            return _Found(problem=self._empty(name, why, open_ended=open_ended))
        zone_kinds, zone_reason = self._zone_rule(norm, notes, include_zones=include_zones)
        levels_text = " and ".join(_LEVEL_ZH[lv] for lv in levels)
        kinds_text = "、".join(k.zh for k in kinds)
        head = (
            f"{name!r} stands for the {kinds_text} of every {levels_text}-level division of {self.root.name}"
        )
        found = [
            (org.id, (head, *steps, f"{_org_label(org)} is its {org.kind.zh}"))
            for level in levels
            for division, steps in self._level_divisions(level, zone_kinds, zone_reason)
            for kind in kinds
            for org in self._orgs_of_kind(division.id, kind)
        ]
        if not found:
            why = f"no {kinds_text} is recorded at the {levels_text} level"
            return _Found(problem=self._empty(name, why, open_ended=open_ended))
        return _Found(orgs=tuple(found))

    def _level_divisions(
        self, level: Level, zone_kinds: frozenset[ZoneKind], zone_reason: str
    ) -> list[tuple[Division, tuple[str, ...]]]:
        """Return the divisions of ``level`` a collective covers, each with the step that says why."""
        out: list[tuple[Division, tuple[str, ...]]] = []
        for division in self._divisions_at(level):
            if division.kind is DivisionKind.FUNCTIONAL_ZONE:
                if division.zone_kind not in zone_kinds or division.zone_kind is None:
                    continue
                step = f"{zone_reason} counts the functional zone {_div_label(division)} ({division.zone_kind.zh})"
            elif division.id == self.root_id or _RANK[self.root.kind.level] < _RANK[level]:
                step = f"{_div_label(division)} is a {division.kind.zh} ({_LEVEL_ZH[level]} level)"
            else:
                step = f"{_div_label(division)} is the {division.kind.zh} above {self.root.name}"
            out.append((division, (step,)))
        return out

    def _expand(
        self, name: str, context: Sequence[str], notes: Sequence[ScopeNote], *, include_zones: bool | None
    ) -> _Found:
        norm = normalise_name(name)
        if "成员单位" in norm:
            return self._members(name, norm[: norm.index("成员单位")], context)
        return self._expand_levels(name, notes, include_zones=include_zones)

    # --- public ---------------------------------------------------------------------------------

    def resolve_unit(
        self,
        name: str,
        *,
        collective: bool | None = None,
        context: Sequence[str] = (),
        scope_notes: Sequence[ScopeNote] = (),
        include_zones: bool | None = None,
        role: Role = Role.CO_RESPONSIBLE,
    ) -> tuple[ResolvedUnit, ...]:
        """Return the organisations one unit name stands for (``()`` when none; see :meth:`explain_unit`).

        Parameters
        ----------
        name:
            A unit name, elliptical prefixes already applied (the parser's ``resolved_units``).
        collective:
            Whether the name stands for many; ``None`` guesses from the name (成员单位, 区县, 各… ).
        context:
            The units listed before it (to find the committee of ``各成员单位``).
        scope_notes:
            Scope notes active at the clause (ZB 区县（含高新区…）).
        include_zones:
            Count functional zones as county-level divisions: ``None`` as the scope notes say.
        role:
            The role recorded on the result.

        """
        units, _problem = self._resolve_one(
            name,
            collective=collective,
            context=context,
            scope_notes=scope_notes,
            include_zones=include_zones,
            role=role,
        )
        return units

    def _resolve_one(
        self,
        name: str,
        *,
        collective: bool | None,
        context: Sequence[str],
        scope_notes: Sequence[ScopeNote],
        include_zones: bool | None,
        role: Role,
        lead_in: Sequence[str] = (),
    ) -> tuple[tuple[ResolvedUnit, ...], ResolutionProblem | None]:
        if collective is None:
            norm = normalise_name(name)
            collective = (
                norm.startswith("各")
                or any(m in norm for m, _ in _COLLECTIVE_LEVELS if m not in {"街道"})
                or "成员单位" in norm
            )
        found = (
            self._expand(name, context, scope_notes, include_zones=include_zones)
            if collective
            else self._match_single(name)
        )
        via = name if collective else None
        units = tuple(
            ResolvedUnit(
                organisation_id=oid,
                name=self.index.orgs[oid].name,
                role=role,
                unit=name,
                via=via,
                path=(*lead_in, *steps),
            )
            for oid, steps in found.orgs
        )
        return units, found.problem


# ----------------------------------------------------------------------------------------------
# clauses


def _role_text(role: Role) -> str:
    return "lead (牵头)" if role is Role.LEAD else "co-responsible (配合/责任)"


def _resolve_clause(
    jurisdiction: Jurisdiction, task_id: str, clause: Clause, *, include_zones: bool | None
) -> TaskResolution:
    units: list[ResolvedUnit] = []
    problems: list[ResolutionProblem] = []
    if not clause.leads:
        problems.append(
            ResolutionProblem(
                code="responsibility.no_lead",
                severity=PROBLEM_CODES["responsibility.no_lead"],
                message=f"task {task_id} names no lead (牵头单位): {clause.raw.strip()}",
                task_id=task_id,
            )
        )
    elif len(clause.leads) > 1:
        problems.append(
            ResolutionProblem(
                code="responsibility.several_leads",
                severity=PROBLEM_CODES["responsibility.several_leads"],
                message=f"task {task_id} names {len(clause.leads)} leads: {'、'.join(clause.leads)}",
                task_id=task_id,
            )
        )
    problems.extend(
        ResolutionProblem(
            code="responsibility.collective_lead",
            severity=PROBLEM_CODES["responsibility.collective_lead"],
            message=f"task {task_id} is led jointly by the collective {lead!r} (each unit it stands for leads)",
            task_id=task_id,
            unit=lead,
        )
        for lead in clause.leads
        if lead in clause.collectives
    )
    for k, (written, resolved) in enumerate(zip(clause.units, clause.resolved_units, strict=True)):
        role = Role.LEAD if written in clause.leads else Role.CO_RESPONSIBLE
        lead_in = [f"task {task_id} lists {written!r} as {_role_text(role)}"]
        if resolved != written:
            lead_in.append(f"{written!r} is read as {resolved!r} (prefix inherited from the unit before it)")
        found, problem = jurisdiction._resolve_one(
            resolved,
            collective=written in clause.collectives,
            context=clause.resolved_units[:k],
            scope_notes=clause.scope_notes,
            include_zones=include_zones,
            role=role,
            lead_in=lead_in,
        )
        units.extend(found)
        if problem is not None:
            problems.append(
                attrs.evolve(problem, task_id=task_id, message=f"task {task_id}: {problem.message}")
            )
    return TaskResolution(task_id=task_id, clause=clause, units=tuple(units), problems=tuple(problems))


def resolve(
    source: Dataset | Jurisdiction,
    clauses: Iterable[Clause] = (),
    *,
    task_prefix: str = "T",
    include_zones: bool | None = None,
    root_division_id: str | None = None,
) -> Resolution:
    """Resolve every clause's units to concrete organisations of a dataset.

    Parameters
    ----------
    source:
        A dataset (seen from its own division, or ``root_division_id``) or a :class:`Jurisdiction`.
    clauses:
        Clauses from :func:`~edusupervision.responsibility.parse_clauses`; task ids are
        ``f"{task_prefix}{n}"`` counting from 1 in the order given.
    task_prefix:
        Prefix of the task ids.
    include_zones:
        Whether county-level collectives (区县政府 …) include functional zones: ``None`` (default) as the
        text's scope notes say, ``True`` always, ``False`` never.
    root_division_id:
        For a dataset: the division the text was issued at.

    Returns
    -------
    Resolution
        One :class:`TaskResolution` per clause, and every problem found.

    Examples
    --------
    >>> from edusupervision._sample import sample_dataset
    >>> from edusupervision._responsibility._parser import parse_clauses
    >>> clauses = parse_clauses("（责任单位：县教育局、县财政局、乡镇人民政府）")
    >>> result = resolve(sample_dataset(), clauses)
    >>> result.tasks[0].lead_ids
    ('org-qs-edu',)
    >>> len(result.tasks[0].organisation_ids), result.problems
    (6, ())

    """
    jurisdiction = (
        source
        if isinstance(source, Jurisdiction)
        else Jurisdiction.from_dataset(source, root_division_id=root_division_id)
    )
    tasks = tuple(
        _resolve_clause(jurisdiction, f"{task_prefix}{n}", clause, include_zones=include_zones)
        for n, clause in enumerate(clauses, start=1)
    )
    return Resolution(
        dataset=jurisdiction.dataset_name,
        root_division_id=jurisdiction.root_id,
        tasks=tasks,
        problems=tuple(p for t in tasks for p in t.problems),
    )
