"""Synthetic jurisdictions at any scale, with a manifest of injected violations (``edusupervision synth``)."""

from __future__ import annotations

from edusupervision._synth._generate import DEFAULT_AS_OF, DERIVED_RULES, INJECTED_RULES, synthesize
from edusupervision._synth._shape import SCALES, Scale, Shape, shape_for

__all__ = [
    "DEFAULT_AS_OF",
    "DERIVED_RULES",
    "INJECTED_RULES",
    "SCALES",
    "Scale",
    "Shape",
    "shape_for",
    "synthesize",
]
