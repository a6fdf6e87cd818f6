"""The catalog: every rule of the rulebook, by id."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Final

from edusupervision._errors import UnknownRuleError
from edusupervision._rules import _followup, _governments, _inspectors, _institutions, _schools

if TYPE_CHECKING:
    from collections.abc import Mapping

    from edusupervision._rules._model import Rule

__all__ = ["RULES", "get_rule"]

RULES: Final[Mapping[str, Rule]] = MappingProxyType(
    {
        r.id: r
        for r in (
            *_institutions.RULES,
            *_inspectors.RULES,
            *_schools.RULES,
            *_governments.RULES,
            *_followup.RULES,
        )
    }
)


def get_rule(rule_id: str) -> Rule:
    """Return the rule ``rule_id``; raise :class:`UnknownRuleError` (a ``LookupError``) naming close ids."""
    try:
        return RULES[rule_id]
    except KeyError:
        prefix = rule_id.split(".", 1)[0]
        close = [r for r in RULES if r.startswith(prefix)] or list(RULES)
        msg = f"unknown rule {rule_id!r}; rules like it: {', '.join(close)}"
        raise UnknownRuleError(msg) from None
