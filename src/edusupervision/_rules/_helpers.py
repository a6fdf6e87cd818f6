"""Shared lookups for checks: the jurisdiction in scope, responsible units, evaluation periods.

Everything here is linear in the size of the dataset (grouping with dicts): no check compares every pair of
records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, TypeVar

from edusupervision._calendar import MonthEndPolicy, add_months
from edusupervision._domain._enums import Level
from edusupervision._rules._model import Ref

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from edusupervision._domain._dataset import Dataset
    from edusupervision._domain._model import Division, Organisation

__all__ = [
    "division_ref",
    "due_year",
    "group_by",
    "jurisdiction",
    "last_complete_year",
    "levels_of",
    "org_ref",
    "responsible_body",
    "root_division",
    "superior_body",
]

K = TypeVar("K")
V = TypeVar("V")


def group_by(items: Iterable[V], key: Callable[[V], K]) -> dict[K, list[V]]:
    """Group items by key, keeping their order."""
    out: defaultdict[K, list[V]] = defaultdict(list)
    for item in items:
        out[key(item)].append(item)
    return dict(out)


def root_division(ds: Dataset) -> Division | None:
    """Return the jurisdiction's own division: ``info.root_division_id``, else the root of the tree."""
    if ds.info.root_division_id is not None:
        found: Division | None = ds.find("divisions", ds.info.root_division_id)
        return found
    return next((d for d in ds.divisions if d.parent_id is None), None)


def jurisdiction(ds: Dataset) -> tuple[Division, ...]:
    """Return the divisions the dataset is about: its root and everything below (ancestors are context)."""
    root = root_division(ds)
    if root is None:
        return ()
    return (root, *ds.descendants(root.id))


def division_ref(division: Division) -> Ref:
    """Return a reference to a division."""
    return Ref("division", division.id)


def org_ref(org: Organisation) -> Ref:
    """Return a reference to an organisation."""
    return Ref("organisation", org.id)


def responsible_body(ds: Dataset, division_id: str) -> Ref | None:
    """Return the supervision body of a division, else its government, else None."""
    org = ds.body_of(division_id) or ds.government_of(division_id)
    return None if org is None else org_ref(org)


def superior_body(ds: Dataset, division_id: str) -> Organisation | None:
    """Return the supervision body of the division directly above, if recorded."""
    parent = ds.superior_division(division_id)
    return None if parent is None else ds.body_of(parent.id)


def last_complete_year(as_of: dt.date) -> int:
    """Return the last calendar year that is complete on ``as_of`` (the year itself on 31 December)."""
    return as_of.year if (as_of.month, as_of.day) == (12, 31) else as_of.year - 1


def due_year(as_of: dt.date, *, grace_months: int) -> int:
    """Return the latest year Y whose yearly duty is due on ``as_of``: 31 Dec of Y plus ``grace_months``."""
    year = as_of.year
    while add_months(dt.date(year, 12, 31), grace_months, policy=MonthEndPolicy.CLAMP) > as_of:
        year -= 1
    return year


def levels_of(names: Iterable[str]) -> frozenset[Level]:
    """Return the levels named by a parameter (codes like ``county``)."""
    return frozenset(Level.parse(n) for n in names)
