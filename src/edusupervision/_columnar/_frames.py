"""Lazy polars frames over a CSV folder of the interchange format, with explicit schemas from the domain model."""

from __future__ import annotations

import datetime as dt
import json
import types
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union, get_args, get_origin

import attrs
import polars as pl

from edusupervision._domain._dataset import TABLES, DatasetInfo
from edusupervision._domain._model import column_types
from edusupervision._io._codec import json_converter

if TYPE_CHECKING:
    import os

__all__ = ["ROW", "Frames", "read_frames", "schema_of"]

#: The column every frame carries: the record's data row in its file, counted from 1 (as the reader counts).
ROW = "_row"


def _dtype(tp: Any) -> pl.DataType:
    if get_origin(tp) in (Union, types.UnionType):
        tp = next(a for a in get_args(tp) if a is not type(None))
    if tp is bool:
        return pl.Boolean()
    if tp is int:
        return pl.Int64()
    if tp is float:
        return pl.Float64()
    if tp is dt.date:
        return pl.Date()
    return pl.String()  # text, enum codes, and ';'-joined lists


def schema_of(table: str) -> dict[str, pl.DataType]:
    """Return the polars schema of a table: one column per attrs field, typed from the field's annotation."""
    spec = next(s for s in TABLES if s.name == table)
    types_ = column_types(spec.record_type)
    return {f.name: _dtype(types_[f.name]) for f in attrs.fields(spec.record_type)}


@attrs.frozen(kw_only=True)
class Frames:
    """Every table of a CSV folder as a lazy frame (empty when the file is absent), with where it came from."""

    folder: Path
    info: DatasetInfo
    tables: Mapping[str, pl.LazyFrame]
    files: Mapping[str, str]

    def __getitem__(self, table: str) -> pl.LazyFrame:
        """Return the lazy frame of ``table``."""
        return self.tables[table]


def read_frames(folder: str | os.PathLike[str]) -> Frames:
    """Scan the CSV files of a dataset folder lazily, each with the explicit schema of its table.

    The folder must use the canonical column names (as :func:`~edusupervision.save` and ``edusupervision synth``
    write them); Chinese headers, encodings other than UTF-8 and lenient cell spellings are the object
    reader's business (:func:`~edusupervision.load`). Every frame gets a ``_row`` column: the data row number.
    """
    root = Path(folder)
    descriptor_path = root / "datapackage.json"
    info = DatasetInfo(name=root.name)
    paths = {spec.name: root / f"{spec.name}.csv" for spec in TABLES}
    files = {name: str(path) for name, path in paths.items()}
    if descriptor_path.is_file():
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
        raw_info = (descriptor.get("edusupervision") or {}).get("info")
        if isinstance(raw_info, dict):
            info = json_converter().structure(raw_info, DatasetInfo)
        for resource in descriptor.get("resources", []):
            if resource.get("name") in paths and isinstance(resource.get("path"), str):
                candidate = (root / resource["path"]).resolve()
                if root.resolve() in candidate.parents:
                    paths[resource["name"]] = candidate
                    files[resource["name"]] = str(candidate)
    tables: dict[str, pl.LazyFrame] = {}
    for spec in TABLES:
        schema = schema_of(spec.name)
        path = paths[spec.name]
        if path.is_file() and path.stat().st_size > 0:
            frame = pl.scan_csv(path, schema=schema, try_parse_dates=False).with_row_index(ROW, offset=1)
        else:
            frame = pl.LazyFrame(schema={ROW: pl.UInt32, **schema})
        tables[spec.name] = frame
    return Frames(folder=root, info=info, tables=tables, files=files)
