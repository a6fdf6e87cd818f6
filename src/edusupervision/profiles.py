"""Jurisdiction profiles: the built-in ones, and how to write your own (scenarios).

A profile is its parent's rules with cited, dated changes. Derive a scenario in a few lines::

    from edusupervision.profiles import get_profile, override
    scenario = get_profile("guangxi").derive("gx-1to4", override("inspector.ratio", R=4, note="what if 1:4?"))

or from a TOML file (see :func:`load_profile`)::

    name = "gx-1to4"
    parent = "guangxi"
    [[changes]]
    kind = "override"
    rule = "inspector.ratio"
    params = { R = 4 }
    note = "what if 1:4?"
"""

from __future__ import annotations

from edusupervision._profiles._model import (
    Applied,
    Change,
    ChangeKind,
    EffectiveRule,
    Layer,
    Profile,
    ResolvedProfile,
    add,
    disable,
    override,
    resolve,
)
from edusupervision._profiles._registry import (
    PROFILES,
    get_profile,
    load_profile,
    profile_from_dict,
    profile_names,
)

__all__ = [
    "PROFILES",
    "Applied",
    "Change",
    "ChangeKind",
    "EffectiveRule",
    "Layer",
    "Profile",
    "ResolvedProfile",
    "add",
    "disable",
    "get_profile",
    "load_profile",
    "override",
    "profile_from_dict",
    "profile_names",
    "resolve",
]
