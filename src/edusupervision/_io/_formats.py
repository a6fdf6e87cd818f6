"""The interchange format on disk: a folder of CSV tables with ``datapackage.json``, or one JSON document."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import os
import tempfile
import types
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, Union, get_args, get_origin

import attrs

from edusupervision._domain._dataset import TABLES, Dataset, DatasetInfo, TableSpec
from edusupervision._domain._enums import LabelledEnum
from edusupervision._domain._model import column_types
from edusupervision._io._codec import json_converter, text_converter

if TYPE_CHECKING:
    import io
    from collections.abc import Iterable, Iterator

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "INFO_SHEET",
    "atomic_write",
    "datapackage_descriptor",
    "dataset_from_json",
    "dataset_to_json",
    "save",
]

FORMAT_NAME: Final = "edusupervision-dataset"
FORMAT_VERSION: Final = 1
#: The sheet of a workbook holding the dataset info as key/value rows.
INFO_SHEET: Final = "info"
Format = Literal["csv", "json", "xlsx"]


# --- column metadata ----------------------------------------------------------------------------


def _header_map(spec: TableSpec) -> dict[str, str]:
    """Map every accepted header (code or Chinese alias, normalised) to the field name."""
    out: dict[str, str] = {}
    for field in attrs.fields(spec.record_type):
        for alias in (field.name, *field.metadata.get("zh", ())):
            out.setdefault(_norm_header(alias), field.name)
    return out


def _norm_header(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold().replace(" ", "_")


def _base_type(tp: Any) -> tuple[Any, bool, bool]:
    """Return (scalar type, optional, list) for a field type."""
    optional = False
    if get_origin(tp) in (Union, types.UnionType):
        args = [a for a in get_args(tp) if a is not type(None)]
        optional = len(args) < len(get_args(tp))
        tp = args[0]
    if get_origin(tp) is tuple:
        return get_args(tp)[0], optional, True
    return tp, optional, False


def _frictionless_type(tp: Any) -> str:
    if tp is bool:
        return "boolean"
    if tp is int:
        return "integer"
    if tp is float:
        return "number"
    if tp is dt.date:
        return "date"
    return "string"


def datapackage_descriptor(info: DatasetInfo | None = None) -> dict[str, Any]:
    """Return the Frictionless Data Package descriptor of the format, generated from the domain model.

    The dataset's :class:`DatasetInfo` is kept under the custom key ``edusupervision``.
    """
    resources: list[dict[str, Any]] = []
    for spec in TABLES:
        fields: list[dict[str, Any]] = []
        foreign: list[dict[str, Any]] = []
        types_ = column_types(spec.record_type)
        for field in attrs.fields(spec.record_type):
            scalar, optional, many = _base_type(types_[field.name])
            entry: dict[str, Any] = {
                "name": field.name,
                "type": "string" if many else _frictionless_type(scalar),
                "title": (field.metadata.get("zh") or (field.name,))[0],
                "description": field.metadata.get("doc", ""),
            }
            constraints: dict[str, Any] = {}
            if field.default is attrs.NOTHING:
                constraints["required"] = True
            if isinstance(scalar, type) and issubclass(scalar, LabelledEnum) and not many:
                constraints["enum"] = [m.value for m in scalar]
            if constraints:
                entry["constraints"] = constraints
            if many:
                entry["description"] += " Items separated by ';'."
            fields.append(entry)
            if "ref" in field.metadata and not many:
                foreign.append(
                    {"fields": field.name, "reference": {"resource": field.metadata["ref"], "fields": "id"}}
                )
            del optional
        schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
        if spec.key is not None:
            schema["primaryKey"] = spec.key
        if foreign:
            schema["foreignKeys"] = foreign
        resources.append(
            {
                "name": spec.name,
                "title": spec.zh,
                "description": spec.doc,
                "path": f"{spec.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    descriptor: dict[str, Any] = {
        "profile": "tabular-data-package",
        "name": FORMAT_NAME,
        "title": "edusupervision dataset (教育督导数据集)",
        "resources": resources,
    }
    if info is not None:
        descriptor["edusupervision"] = {"version": FORMAT_VERSION, "info": json_converter().unstructure(info)}
    return descriptor


# --- JSON ---------------------------------------------------------------------------------------


def dataset_to_json(dataset: Dataset) -> dict[str, Any]:
    """Return the JSON document of a dataset (every table, empty ones included, in format order)."""
    conv = json_converter()
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "info": conv.unstructure(dataset.info),
        "tables": {name: [conv.unstructure(r) for r in records] for name, records in dataset},
    }


def dataset_from_json(document: object, *, file: str | None = None) -> Dataset:
    """Build a dataset from its JSON document; raise :class:`DataError` listing every problem."""
    from edusupervision._io._read import dataset_from_document  # noqa: PLC0415 - reading imports this module

    return dataset_from_document(document, file=file).dataset


# --- writing ------------------------------------------------------------------------------------


@contextlib.contextmanager
def atomic_write(
    path: Path, *, encoding: str = "utf-8", newline: str | None = None
) -> Iterator[io.TextIOWrapper]:
    """Write ``path`` through a temporary file renamed into place, so a failed write leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as handle:
            yield handle
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _csv_rows(records: Iterable[Any], spec: TableSpec) -> Iterator[list[str]]:
    conv = text_converter()
    names = [f.name for f in attrs.fields(spec.record_type)]
    yield names
    for record in records:
        cells = conv.unstructure(record)
        yield [cells[n] for n in names]


def _save_xlsx(dataset: Dataset, target: Path) -> None:
    import openpyxl  # noqa: PLC0415 - only when a workbook is written

    book = openpyxl.Workbook()
    book.remove(book.active) if book.active is not None else None
    info = book.create_sheet(INFO_SHEET)
    info.append(["key", "value"])
    for key, value in json_converter().unstructure(dataset.info).items():
        info.append([key, "" if value is None else str(value)])
    for spec in TABLES:
        sheet = book.create_sheet(spec.name)
        for row in _csv_rows(dataset.table(spec.name), spec):
            sheet.append(row)
    for sheet in book.worksheets:
        for cells in sheet.iter_rows():
            for cell in cells:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # text stays text: a value starting with '=' is not a formula
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".xlsx", dir=target.parent)
    os.close(fd)
    try:
        book.save(tmp)
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save(
    dataset: Dataset,
    path: str | os.PathLike[str],
    *,
    format: Format | None = None,  # noqa: A002 - the natural keyword for users
    encoding: str = "utf-8",
) -> Path:
    """Write a dataset as a CSV folder (with ``datapackage.json``), a JSON document or an Excel workbook.

    ``format`` defaults from the suffix: ``.json`` → json, ``.xlsx`` → xlsx, else a CSV folder. ``encoding``
    applies to CSV files (``gb18030`` for offices whose tools expect it). Every file is written atomically.
    Reading what was written gives an equal dataset. Excel cells are written as text, so nothing is reinterpreted.
    """
    target = Path(path)
    suffix = target.suffix.casefold()
    chosen = format or ("json" if suffix == ".json" else "xlsx" if suffix == ".xlsx" else "csv")
    target.parent.mkdir(parents=True, exist_ok=True)
    if chosen == "json":
        with atomic_write(target) as handle:
            json.dump(dataset_to_json(dataset), handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        return target
    if chosen == "xlsx":
        _save_xlsx(dataset, target)
        return target
    target.mkdir(parents=True, exist_ok=True)
    for spec in TABLES:
        with atomic_write(target / f"{spec.name}.csv", newline="", encoding=encoding) as handle:
            csv.writer(handle, lineterminator="\r\n").writerows(_csv_rows(dataset.table(spec.name), spec))
    with atomic_write(target / "datapackage.json") as handle:
        descriptor = datapackage_descriptor(dataset.info)
        for resource in descriptor["resources"]:
            resource["encoding"] = encoding
        json.dump(descriptor, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return target
