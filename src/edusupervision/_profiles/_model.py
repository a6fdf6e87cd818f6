"""Profiles: a jurisdiction's effective rule set, built as layers of cited, dated changes over a parent.

Modelled on OpenFisca's dated parameters: a change takes effect on the in-force date of the document it cites,
so before that date the parent's values apply, and a rule a profile adds never fires before its source.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any

import attrs

from edusupervision._domain._enums import LabelledEnum
from edusupervision._errors import ProfileError
from edusupervision._frozen import frozen_tuple
from edusupervision._rules._catalog import get_rule
from edusupervision._rules._model import Citation, Modality, Rule, Severity, cite

__all__ = [
    "Applied",
    "Change",
    "ChangeKind",
    "EffectiveRule",
    "Layer",
    "Profile",
    "ResolvedProfile",
    "add",
    "disable",
    "override",
]


class ChangeKind(LabelledEnum):
    """What a profile layer does to a rule."""

    ADD = ("add", "新增", "adds the rule")
    OVERRIDE = ("override", "调整", "changes parameters, modality or severity")
    DISABLE = ("disable", "停用", "switches the rule off")


def _freeze(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def _params(value: Mapping[str, Any]) -> Mapping[str, Any]:
    return MappingProxyType({k: _freeze(v) for k, v in value.items()})


def _citations(value: str | Sequence[Citation]) -> tuple[Citation, ...]:
    return cite(value) if isinstance(value, str) else tuple(value)


@attrs.frozen(kw_only=True)
class Change:
    """One cited change a profile makes to one rule."""

    kind: ChangeKind
    rule_id: str
    params: Mapping[str, Any] = attrs.field(factory=dict, converter=_params)
    modality: Modality | None = None
    severity: Severity | None = None
    citations: tuple[Citation, ...] = attrs.field(default=(), converter=_citations)
    note: str | None = None
    effective: dt.date | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(dt.date))
    )

    def effective_from(self) -> dt.date | None:
        """Return the stated effective date, else the latest in-force date of the normative citations."""
        if self.effective is not None:
            return self.effective
        dates = [c.document_info.in_force_on for c in self.citations if c.document_info.normative]
        return max(dates) if dates else None


def add(
    rule_id: str,
    *,
    cite: str | Sequence[Citation] = (),
    modality: Modality | None = None,
    severity: Severity | None = None,
    note: str | None = None,
    effective: dt.date | None = None,
    **params: Any,
) -> Change:
    """Return a change that adds rule ``rule_id`` with parameters, citing ``cite`` (``"GX 二(一)"``)."""
    return Change(
        kind=ChangeKind.ADD,
        rule_id=rule_id,
        params=params,
        modality=modality,
        severity=severity,
        citations=cite,
        note=note,
        effective=effective,
    )


def override(
    rule_id: str,
    *,
    cite: str | Sequence[Citation] = (),
    modality: Modality | None = None,
    severity: Severity | None = None,
    note: str | None = None,
    effective: dt.date | None = None,
    **params: Any,
) -> Change:
    """Return a change that overrides parameters (and optionally modality/severity) of an inherited rule."""
    return Change(
        kind=ChangeKind.OVERRIDE,
        rule_id=rule_id,
        params=params,
        modality=modality,
        severity=severity,
        citations=cite,
        note=note,
        effective=effective,
    )


def disable(rule_id: str, *, cite: str | Sequence[Citation] = (), note: str | None = None) -> Change:
    """Return a change that switches an inherited rule off."""
    return Change(kind=ChangeKind.DISABLE, rule_id=rule_id, citations=cite, note=note)


@attrs.frozen(kw_only=True)
class Profile:
    """A jurisdiction profile: a parent and a list of cited changes.

    Examples
    --------
    >>> scenario = Profile(name="guangxi-1to4", parent="guangxi", title_en="Guangxi at 1:4",
    ...                    changes=(override("inspector.ratio", R=4, note="what if 1:4?"),))
    >>> resolve(scenario).rules["inspector.ratio"].params["R"]
    4

    """

    name: str
    parent: str | Profile | None = None
    title_zh: str = ""
    title_en: str = ""
    division_code: str | None = None
    hierarchy: str = ""
    description: str = ""
    changes: tuple[Change, ...] = attrs.field(default=(), converter=frozen_tuple)

    def derive(self, name: str, *changes: Change, title_en: str = "", title_zh: str = "") -> Profile:
        """Return a child profile of this one with ``changes`` (how scenarios are written)."""
        return Profile(
            name=name,
            parent=self,
            title_en=title_en or f"{self.title_en} ({name})",
            title_zh=title_zh or self.title_zh,
            changes=changes,
            division_code=self.division_code,
            hierarchy=self.hierarchy,
        )

    def _repr_html_(self) -> str:
        """Return the notebook display (HTML, escaped, no scripts)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.profile_html(self)

    def __repr__(self) -> str:
        """Return a one-line summary (the profile's name, parent and number of changes)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.profile_text(self)

    def to_pandas(self) -> Any:
        """Return a pandas DataFrame (needs the optional ``pandas`` package: ``edusupervision[notebook]``)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.to_pandas(self)


@attrs.frozen(kw_only=True)
class Layer:
    """A change as applied in the resolution of a profile chain."""

    profile: str
    change: Change
    effective: dt.date


@attrs.frozen(kw_only=True)
class Applied:
    """A rule as it applies on a date: parameters, modality, severity and citations in force."""

    params: Mapping[str, Any]
    modality: Modality
    severity: Severity
    citations: tuple[Citation, ...]


@attrs.frozen(kw_only=True)
class EffectiveRule:
    """A rule in a resolved profile: the catalog rule plus the layers that added and changed it."""

    rule: Rule
    origin: str
    layers: tuple[Layer, ...]

    @property
    def id(self) -> str:
        """Return the rule id."""
        return self.rule.id

    @property
    def effective(self) -> dt.date:
        """Return the first day the rule applies in this profile."""
        return self.layers[0].effective

    def at(self, as_of: dt.date | None = None) -> Applied | None:
        """Return the rule as in force on ``as_of`` (all layers when None); None before it takes effect."""
        layers = [layer for layer in self.layers if as_of is None or layer.effective <= as_of]
        if not layers or layers[0] is not self.layers[0]:
            return None
        params = {name: p.default for name, p in self.rule.params.items()}
        modality, severity = self.rule.modality, self.rule.severity
        citations: list[Citation] = list(self.rule.citations)
        for layer in layers:
            params.update(layer.change.params)
            modality = layer.change.modality or modality
            severity = layer.change.severity or severity
            citations.extend(c for c in layer.change.citations if c not in citations)
        return Applied(
            params=MappingProxyType(params),
            modality=modality,
            severity=severity or modality.default_severity,
            citations=tuple(citations),
        )

    @property
    def origin_citations(self) -> tuple[Citation, ...]:
        """Return the citations of the rule as the layer that added it states it (before any override)."""
        first = self.layers[0].change.citations
        return (*self.rule.citations, *(c for c in first if c not in self.rule.citations))

    @property
    def latest(self) -> Applied:
        """Return the rule with every layer applied (its latest form, whatever the date)."""
        applied = self.at(None)
        assert applied is not None  # with no date every layer applies
        return applied

    @property
    def params(self) -> Mapping[str, Any]:
        """Return the parameters with every layer applied."""
        return self.latest.params

    def param_origins(self) -> dict[str, str]:
        """Return, per parameter, the profile layer that last set it (``rulebook`` for catalog defaults)."""
        origins = dict.fromkeys(self.rule.params, "rulebook")
        for layer in self.layers:
            origins.update(dict.fromkeys(layer.change.params, layer.profile))
        return origins


@attrs.frozen(kw_only=True)
class ResolvedProfile:
    """A profile with its chain resolved: the effective rules, in catalog order."""

    profile: Profile
    chain: tuple[str, ...]
    rules: Mapping[str, EffectiveRule]
    disabled: Mapping[str, Layer]

    @property
    def name(self) -> str:
        """Return the profile name."""
        return self.profile.name

    def _repr_html_(self) -> str:
        """Return the notebook display (HTML, escaped, no scripts)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.profile_html(self)

    def __repr__(self) -> str:
        """Return a one-line summary (the profile's name, parent and number of changes)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.profile_text(self)

    def to_pandas(self) -> Any:
        """Return a pandas DataFrame (needs the optional ``pandas`` package: ``edusupervision[notebook]``)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.to_pandas(self)


def _chain(profile: Profile, lookup: Any) -> list[Profile]:
    chain = [profile]
    seen = {profile.name}
    parent = profile.parent
    while parent is not None:
        node = parent if isinstance(parent, Profile) else lookup(parent)
        if node.name in seen:
            msg = f"profile {profile.name!r} inherits from itself through {node.name!r}"
            raise ProfileError(msg)
        seen.add(node.name)
        chain.append(node)
        parent = node.parent
    return list(reversed(chain))


def resolve_with(profile: Profile, lookup: Any) -> ResolvedProfile:
    """Resolve ``profile`` against its ancestors (found with ``lookup(name)``); check every change."""
    from edusupervision._rules._catalog import RULES  # noqa: PLC0415 - the order of the catalog

    layers: dict[str, list[Layer]] = {}
    origins: dict[str, str] = {}
    disabled: dict[str, Layer] = {}
    chain = _chain(profile, lookup)
    for node in chain:
        for change in node.changes:
            rule = get_rule(change.rule_id)
            unknown = sorted(set(change.params) - set(rule.params))
            wrong = [
                f"{name}: {issue}"
                for name, value in change.params.items()
                if name in rule.params and (issue := rule.params[name].problem(value)) is not None
            ]
            if wrong:
                msg = f"profile {node.name!r}: rule {rule.id!r} parameter {'; '.join(wrong)}"
                raise ProfileError(msg)
            if unknown:
                msg = (
                    f"profile {node.name!r}: rule {rule.id!r} has no parameter(s) {', '.join(unknown)}; "
                    f"its parameters: {', '.join(rule.params) or 'none'}"
                )
                raise ProfileError(msg)
            if change.kind is ChangeKind.ADD:
                if change.rule_id in layers:
                    msg = f"profile {node.name!r} adds {rule.id!r}, which {origins[rule.id]!r} already has"
                    raise ProfileError(msg)
                when = change.effective_from() or rule.effective_from(rule.citations)
                if not (rule.citations or change.citations):
                    msg = f"profile {node.name!r} adds {rule.id!r} without a citation; cite its source"
                    raise ProfileError(msg)
                layers[rule.id] = [Layer(profile=node.name, change=change, effective=when)]
                origins[rule.id] = node.name
                disabled.pop(rule.id, None)
                continue
            if change.rule_id not in layers:
                msg = (
                    f"profile {node.name!r} {change.kind.value}s {rule.id!r}, which its parent does not have"
                )
                raise ProfileError(msg)
            when = change.effective_from() or layers[rule.id][0].effective
            layer = Layer(profile=node.name, change=change, effective=max(when, layers[rule.id][0].effective))
            if change.kind is ChangeKind.DISABLE:
                del layers[rule.id]
                disabled[rule.id] = layer
            else:
                layers[rule.id].append(layer)
    rules = {
        rid: EffectiveRule(rule=RULES[rid], origin=origins[rid], layers=tuple(layers[rid]))
        for rid in RULES
        if rid in layers
    }
    return ResolvedProfile(
        profile=profile,
        chain=tuple(p.name for p in chain),
        rules=MappingProxyType(rules),
        disabled=MappingProxyType(disabled),
    )


def resolve(profile: Profile | str) -> ResolvedProfile:
    """Resolve a profile (or a registered profile's name) into its effective rules."""
    from edusupervision._profiles._registry import get_profile, resolve_named  # noqa: PLC0415 - registry imports us

    if isinstance(profile, str):
        return resolve_named(profile)
    return resolve_with(profile, get_profile)
