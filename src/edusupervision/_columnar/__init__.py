"""The columnar path: bulk tables as polars frames, bulk rules as frame queries (needs ``polars``)."""

from __future__ import annotations

from edusupervision._columnar._frames import Frames, read_frames, schema_of
from edusupervision._columnar._rules import BULK_RULES
from edusupervision._columnar._validate import (
    NOT_EVALUATED,
    SMALL_TABLES,
    evaluated_by_columnar,
    validate_columnar,
)

__all__ = [
    "BULK_RULES",
    "NOT_EVALUATED",
    "SMALL_TABLES",
    "Frames",
    "evaluated_by_columnar",
    "read_frames",
    "schema_of",
    "validate_columnar",
]
