"""The lazy registry of built-in profiles (after python-holidays' ``registry.py``): name → module."""

from __future__ import annotations

import importlib
import json
import tomllib
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

from edusupervision._errors import ProfileError, UnknownProfileError
from edusupervision._profiles._model import Change, ChangeKind, Profile, ResolvedProfile, resolve_with
from edusupervision._rules._model import Modality, Severity

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["PROFILES", "get_profile", "load_profile", "profile_from_dict", "profile_names", "resolve_named"]

#: profile name → module defining ``PROFILE``; modules are imported on first use.
PROFILES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "national": "edusupervision._profiles.national",
        "guangxi": "edusupervision._profiles.guangxi",
        "chongqing": "edusupervision._profiles.chongqing",
        "zibo": "edusupervision._profiles.zibo",
        "weihai-etdz": "edusupervision._profiles.weihai_etdz",
    }
)


def profile_names() -> tuple[str, ...]:
    """Return the names of the built-in profiles."""
    return tuple(PROFILES)


@cache
def get_profile(name: str) -> Profile:
    """Return the built-in profile ``name`` (importing its module on first use)."""
    module_name = PROFILES.get(name)
    if module_name is None:
        raise UnknownProfileError(name, tuple(PROFILES))
    profile: Profile = importlib.import_module(module_name).PROFILE
    if profile.name != name:
        msg = f"module {module_name} defines profile {profile.name!r}, registered as {name!r}"
        raise ProfileError(msg)
    return profile


@cache
def resolve_named(name: str) -> ResolvedProfile:
    """Return the resolved built-in profile ``name`` (cached: profiles are immutable)."""
    return resolve_with(get_profile(name), get_profile)


_PROFILE_KEYS: Final = frozenset(
    {"name", "parent", "title", "title_zh", "title_en", "description", "changes"}
)


def _change(raw: object, where: str) -> Change:
    if not isinstance(raw, dict):
        msg = f"{where}: a change must be a table/object"
        raise ProfileError(msg)
    known = {"kind", "rule", "params", "modality", "severity", "cite", "note", "effective"}
    extra = sorted(set(raw) - known)
    if extra or "rule" not in raw:
        msg = f"{where}: expected keys {sorted(known)} with 'rule' required; unexpected: {extra}"
        raise ProfileError(msg)
    try:
        return Change(
            kind=ChangeKind.parse(str(raw.get("kind", "override"))),
            rule_id=str(raw["rule"]),
            params=dict(raw.get("params", {})),
            modality=Modality.parse(raw["modality"]) if "modality" in raw else None,
            severity=Severity.parse(raw["severity"]) if "severity" in raw else None,
            citations=str(raw.get("cite", "")),
            note=raw.get("note"),
            effective=raw.get("effective"),
        )
    except (ValueError, TypeError, LookupError) as exc:
        msg = f"{where}: {exc}"
        raise ProfileError(msg) from None


def profile_from_dict(data: Mapping[str, Any], *, source: str = "profile") -> Profile:
    """Build a user profile from a mapping (the parsed TOML/JSON form), deriving from a named parent.

    Examples
    --------
    >>> p = profile_from_dict({"name": "gx-1to4", "parent": "guangxi",
    ...     "changes": [{"kind": "override", "rule": "inspector.ratio", "params": {"R": 4}}]})
    >>> p.parent, p.changes[0].params["R"]
    ('guangxi', 4)

    """
    if "name" not in data:
        msg = f"{source}: a profile needs a 'name'"
        raise ProfileError(msg)
    unexpected = sorted(set(data) - _PROFILE_KEYS)
    if unexpected:
        msg = f"{source}: unexpected key(s) {', '.join(map(repr, unexpected))}; a profile has {sorted(_PROFILE_KEYS)}"
        raise ProfileError(msg)
    parent = data.get("parent", "national")
    if parent is not None:
        get_profile(str(parent))
    changes = data.get("changes", [])
    if not isinstance(changes, list):
        msg = f"{source}: 'changes' must be a list"
        raise ProfileError(msg)
    return Profile(
        name=str(data["name"]),
        parent=parent,
        title_zh=str(data.get("title_zh", "")),
        title_en=str(data.get("title_en", data.get("title", ""))),
        description=str(data.get("description", "")),
        changes=tuple(_change(c, f"{source}: change {i + 1}") for i, c in enumerate(changes)),
    )


def load_profile(path: str | Path) -> Profile:
    """Load a user profile from a ``.toml`` or ``.json`` file."""
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8")
        data = json.loads(text) if source.suffix.casefold() == ".json" else tomllib.loads(text)
    except (
        OSError,
        UnicodeDecodeError,
        json.JSONDecodeError,
        tomllib.TOMLDecodeError,
        RecursionError,
    ) as exc:
        msg = f"{source}: cannot read profile: {exc}"
        raise ProfileError(msg) from None
    if not isinstance(data, dict):
        msg = f"{source}: a profile file holds one table/object"
        raise ProfileError(msg)
    return profile_from_dict(data, source=str(source))
