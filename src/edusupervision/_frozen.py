"""Typed converters for attrs fields: immutable views of mappings and sequences.

attrs converters typed as plain functions (not generic builtins) let mypy's attrs plugin type ``__init__``.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

__all__ = ["frozen_map", "frozen_tuple"]


def frozen_map(value: Mapping[str, Any]) -> Mapping[str, Any]:
    """Return a read-only copy of ``value``."""
    return MappingProxyType(dict(value))


def frozen_tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Return ``value`` as a tuple."""
    return tuple(value)
