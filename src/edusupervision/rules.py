"""The rulebook as data: rules, citations, source documents, and the vocabulary of outcomes."""

from __future__ import annotations

from edusupervision._rules._catalog import RULES, get_rule
from edusupervision._rules._model import (
    Check,
    Citation,
    Context,
    Modality,
    Outcome,
    Param,
    Ref,
    Result,
    Rule,
    Severity,
)
from edusupervision._rules._sources import DOCUMENTS, QUOTES, Document, DocumentLevel, document, quote

__all__ = [
    "DOCUMENTS",
    "QUOTES",
    "RULES",
    "Check",
    "Citation",
    "Context",
    "Document",
    "DocumentLevel",
    "Modality",
    "Outcome",
    "Param",
    "Ref",
    "Result",
    "Rule",
    "Severity",
    "document",
    "get_rule",
    "quote",
]
