"""Responsibility clauses (责任单位): parse the lists of responsible units that end each task."""

from edusupervision._responsibility._parser import (
    Clause,
    LeadConvention,
    ScopeNote,
    UnitRole,
    parse_clauses,
    render_clause,
)

__all__ = ["Clause", "LeadConvention", "ScopeNote", "UnitRole", "parse_clauses", "render_clause"]
