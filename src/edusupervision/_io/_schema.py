"""JSON Schema (draft 2020-12) of the JSON form of a dataset, generated from the domain model.

The schema describes the *canonical* document that :func:`~edusupervision.save` writes (and
:func:`~edusupervision._io._formats.dataset_to_json` returns): enum columns hold their codes, dates are ISO 8601,
list columns are arrays, absent values are ``null``. The reader is more lenient (Chinese headers and labels,
``2024年9月1日`` …); the schema is what other systems should *produce*. What a schema cannot express (ids that
must exist in the referenced table, a single root division) is checked when the dataset is loaded.

Examples
--------
>>> schema = json_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> school = schema["$defs"]["schools"]
>>> school["properties"]["student_count"]["type"], school["properties"]["stage"]["title"]
(['integer', 'null'], '学校类型')
>>> "id" in school["required"], school["additionalProperties"]
(True, False)

"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

import attrs

from edusupervision._domain._dataset import TABLES, DatasetInfo
from edusupervision._domain._enums import LabelledEnum
from edusupervision._domain._model import _non_empty, _non_negative, column_types
from edusupervision._io._codec import json_converter
from edusupervision._io._formats import FORMAT_NAME, FORMAT_VERSION, _base_type

__all__ = ["JSON_SCHEMA_DIALECT", "json_schema"]

JSON_SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
#: An ISO 8601 calendar date, as the JSON form writes it (``format: date`` is an annotation by default).
_DATE_PATTERN: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
#: Text with at least one non-blank character: the reader treats a blank cell as absent.
_NOT_BLANK: Final = r"\S"
#: The class of ``attrs.Factory(...)`` defaults (typed as a function by attrs' stubs).
_FACTORY: Final[type[Any]] = type(attrs.Factory(tuple))


def _scalar_schema(tp: Any) -> dict[str, Any]:
    """Return the schema of one value of scalar type ``tp`` (never null)."""
    if tp is bool:
        return {"type": "boolean"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is dt.date:
        return {"type": "string", "format": "date", "pattern": _DATE_PATTERN}
    if isinstance(tp, type) and issubclass(tp, LabelledEnum):
        return {"type": "string", "enum": [m.value for m in tp]}
    return {"type": "string"}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """Return ``schema`` also accepting ``null``."""
    out = {**schema, "type": [schema["type"], "null"]}
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
    return out


def _field_schema(field: attrs.Attribute[Any], tp: Any, *, required: bool) -> dict[str, Any]:
    scalar, optional, many = _base_type(tp)
    item = _scalar_schema(scalar)
    if field.validator is _non_negative:
        item["minimum"] = 0
    if required and item["type"] == "string" and "enum" not in item and "pattern" not in item:
        item["pattern"] = _NOT_BLANK  # a required text must not be blank (blank reads as absent)
    doc: str = field.metadata.get("doc", "")
    if many:
        schema: dict[str, Any] = {"type": "array", "items": item}
        doc = f"{doc} In CSV and Excel: items separated by ';'.".strip()
    else:
        schema = _nullable(item) if optional else item
    titles: tuple[str, ...] = field.metadata.get("zh", ())
    out: dict[str, Any] = {"title": titles[0] if titles else field.name}
    if doc:
        out["description"] = doc
    out.update(schema)
    if field.default is not attrs.NOTHING and not isinstance(field.default, _FACTORY):
        out["default"] = json_converter().unstructure(field.default)
    if "ref" in field.metadata:
        out["x-references"] = field.metadata["ref"]
    return out


def _record_schema(record_type: type[Any], *, title: str, description: str) -> dict[str, Any]:
    types = column_types(record_type)
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(record_type):
        is_required = field.default is attrs.NOTHING
        if is_required:
            required.append(field.name)
        properties[field.name] = _field_schema(field, types[field.name], required=is_required)
        if field.validator is _non_empty:
            properties[field.name]["minLength"] = 1
    return {
        "title": title,
        "description": description,
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a dataset's JSON document, generated from the domain model.

    The document is ``{"format", "version", "info", "tables": {table name: [records]}}``. Each table's records
    are described under ``$defs`` (keyed by table name): one property per column with its type, ``enum`` of
    codes for closed vocabularies, ``format: date`` plus a pattern for dates, the first Chinese header as
    ``title``, the column's documentation as ``description``, the default where there is one, and the table
    an id refers to as the annotation ``x-references``. Required columns are ``required``; optional ones
    accept ``null``; unknown columns are rejected (``additionalProperties: false``). Every table may be
    omitted (it is then empty). A new dict is built on each call.
    """
    tables = {
        spec.name: {"type": "array", "items": {"$ref": f"#/$defs/{spec.name}"}, "title": spec.zh}
        for spec in TABLES
    }
    defs = {
        spec.name: _record_schema(spec.record_type, title=spec.zh, description=spec.doc) for spec in TABLES
    }
    defs["info"] = _record_schema(
        DatasetInfo,
        title="数据集信息",
        description="What the dataset is: name, jurisdiction, reference date.",
    )
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"urn:{FORMAT_NAME}:{FORMAT_VERSION}",
        "title": "edusupervision dataset (教育督导数据集)",
        "description": "The JSON form of an edusupervision dataset, as `edusupervision sample --out FILE.json` "
        "writes it. References between tables are checked on loading, not by this schema.",
        "type": "object",
        "properties": {
            "format": {"const": FORMAT_NAME},
            "version": {"const": FORMAT_VERSION},
            "info": {"$ref": "#/$defs/info"},
            "tables": {
                "type": "object",
                "properties": tables,
                "additionalProperties": False,
            },
        },
        "required": ["format", "version", "tables"],
        "additionalProperties": False,
        "$defs": defs,
    }
