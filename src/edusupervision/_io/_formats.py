"""The interchange format on disk: a folder of CSV tables with ``datapackage.json``, or one JSON document."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import os
import tempfile
import types
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, Union, get_args, get_origin

import attrs
import cattrs

from edusupervision._domain._dataset import TABLES, Dataset, DatasetInfo, Location, TableSpec
from edusupervision._domain._enums import LabelledEnum
from edusupervision._domain._model import column_types
from edusupervision._errors import DataError, DataProblem
from edusupervision._io._codec import json_converter, structure_row, text_converter

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "atomic_write",
    "datapackage_descriptor",
    "dataset_from_json",
    "dataset_to_json",
    "load",
    "save",
]

FORMAT_NAME: Final = "edusupervision-dataset"
FORMAT_VERSION: Final = 1
Format = Literal["csv", "json"]


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


# --- structuring tables -------------------------------------------------------------------------


def _build(
    rows_by_table: Mapping[str, list[tuple[Location, Mapping[str, Any]]]],
    info: DatasetInfo,
    conv: cattrs.Converter,
    problems: list[DataProblem],
) -> Dataset:
    tables: dict[str, list[Any]] = {}
    locations: dict[str, tuple[Location, ...]] = {}
    for spec in TABLES:
        records: list[Any] = []
        locs: list[Location] = []
        for loc, row in rows_by_table.get(spec.name, []):

            def where(
                *,
                code: str,
                message: str,
                column: str | None,
                value: str | None = None,
                _loc: Location = loc,
                _table: str = spec.name,
            ) -> DataProblem:
                return DataProblem(
                    code=code,
                    message=message,
                    table=_table,
                    row=_loc.row,
                    column=column,
                    file=_loc.file,
                    value=value,
                )

            record, row_problems = structure_row(conv, spec.record_type, row, where=where)
            problems.extend(row_problems)
            if record is not None:
                records.append(record)
                locs.append(loc)
        tables[spec.name] = records
        locations[spec.name] = tuple(locs)
    try:
        dataset = Dataset(info=info, locations=locations, **tables)
    except DataError as exc:
        problems.extend(exc.problems)
        raise DataError(problems) from None
    if problems:
        raise DataError(problems)
    return dataset


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


def _info_from(raw: object, *, file: str | None, default_name: str) -> tuple[DatasetInfo, list[DataProblem]]:
    if raw is None:
        return DatasetInfo(name=default_name), []
    try:
        return json_converter().structure(raw, DatasetInfo), []
    except (cattrs.BaseValidationError, ValueError, TypeError) as exc:
        return DatasetInfo(name=default_name), [
            DataProblem(
                code="format.invalid_value", message=f"invalid dataset info: {exc}", file=file, table="info"
            )
        ]


def dataset_from_json(document: object, *, file: str | None = None) -> Dataset:
    """Build a dataset from its JSON document; raise :class:`DataError` listing every problem."""
    if not isinstance(document, dict) or not isinstance(document.get("tables"), dict):
        raise DataError(
            [
                DataProblem(
                    code="format.not_a_dataset",
                    message="expected an object with a 'tables' object",
                    file=file,
                )
            ]
        )
    info, problems = _info_from(
        document.get("info"), file=file, default_name=Path(file).stem if file else "dataset"
    )
    known = {spec.name: spec for spec in TABLES}
    rows: dict[str, list[tuple[Location, Mapping[str, Any]]]] = {}
    for name, records in document["tables"].items():
        if name not in known:
            problems.append(
                DataProblem(code="format.unknown_table", message="unknown table", table=str(name), file=file)
            )
            continue
        if not isinstance(records, list):
            problems.append(
                DataProblem(
                    code="format.not_a_table", message="expected an array of records", table=name, file=file
                )
            )
            continue
        fields = {f.name for f in attrs.fields(known[name].record_type)}
        unknown_reported: set[str] = set()
        table_rows: list[tuple[Location, Mapping[str, Any]]] = []
        for i, record in enumerate(records, start=1):
            if not isinstance(record, dict):
                problems.append(
                    DataProblem(
                        code="format.not_a_record", message="expected an object", table=name, row=i, file=file
                    )
                )
                continue
            for key in record:
                if key not in fields and key not in unknown_reported:
                    unknown_reported.add(key)
                    problems.append(
                        DataProblem(
                            code="format.unknown_column",
                            message="unknown column",
                            table=name,
                            row=i,
                            column=str(key),
                            file=file,
                        )
                    )
            table_rows.append((Location(table=name, row=i, file=file), record))
        rows[name] = table_rows
    return _build(rows, info, json_converter(), problems)


# --- CSV ----------------------------------------------------------------------------------------


def _decode(raw: bytes, *, encoding: str | None, file: str) -> str:
    if encoding is not None:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise DataError(
                [
                    DataProblem(
                        code="format.encoding", message=f"cannot decode as {encoding}: {exc}", file=file
                    )
                ]
            ) from None
    for candidate in ("utf-8-sig", "gb18030"):
        with contextlib.suppress(UnicodeDecodeError):
            return raw.decode(candidate)
    raise DataError(
        [DataProblem(code="format.encoding", message="not UTF-8 or GB18030; state the encoding", file=file)]
    )


def _read_csv_table(
    path: Path, spec: TableSpec, *, encoding: str | None, problems: list[DataProblem]
) -> list[tuple[Location, Mapping[str, Any]]]:
    file = str(path)
    text = _decode(path.read_bytes(), encoding=encoding, file=file)
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        return []
    mapping = _header_map(spec)
    columns: list[str | None] = []
    for cell in header:
        name = mapping.get(_norm_header(cell))
        if name is None and cell.strip():
            problems.append(
                DataProblem(
                    code="format.unknown_column",
                    message="unknown column",
                    table=spec.name,
                    column=cell,
                    file=file,
                )
            )
        columns.append(name)
    present = {c for c in columns if c is not None}
    missing = [
        f.name for f in attrs.fields(spec.record_type) if f.default is attrs.NOTHING and f.name not in present
    ]
    problems.extend(
        DataProblem(
            code="format.missing_column",
            message="required column is missing",
            table=spec.name,
            column=m,
            file=file,
        )
        for m in missing
    )
    if missing:
        return []
    out: list[tuple[Location, Mapping[str, Any]]] = []
    for number, cells in enumerate(reader, start=1):
        if not any(c.strip() for c in cells):
            continue  # blank (often trailing) rows carry nothing
        row = {col: cells[i] for i, col in enumerate(columns) if col is not None and i < len(cells)}
        out.append((Location(table=spec.name, row=number, file=file), row))
    return out


def _read_csv_folder(folder: Path, *, encoding: str | None) -> Dataset:
    problems: list[DataProblem] = []
    descriptor_path = folder / "datapackage.json"
    info_raw: object = None
    paths = {spec.name: folder / f"{spec.name}.csv" for spec in TABLES}
    if descriptor_path.is_file():
        descriptor = _read_json_file(descriptor_path)
        if isinstance(descriptor, dict):
            extra = descriptor.get("edusupervision")
            info_raw = extra.get("info") if isinstance(extra, dict) else None
            for resource in descriptor.get("resources", []):
                if (
                    isinstance(resource, dict)
                    and resource.get("name") in paths
                    and isinstance(resource.get("path"), str)
                ):
                    candidate = (folder / resource["path"]).resolve()
                    if folder.resolve() in candidate.parents:  # paths in data never leave the folder
                        paths[resource["name"]] = candidate
    info, info_problems = _info_from(info_raw, file=str(descriptor_path), default_name=folder.name)
    problems.extend(info_problems)
    known_files = {p.name for p in paths.values()}
    problems.extend(
        DataProblem(
            code="format.unknown_table", message="file matches no table; ignored? rename it", file=str(extra)
        )
        for extra in sorted(folder.glob("*.csv"))
        if extra.name not in known_files
    )
    rows = {
        name: _read_csv_table(path, spec, encoding=encoding, problems=problems)
        for (name, path), spec in zip(paths.items(), TABLES, strict=True)
        if path.is_file()
    }
    return _build(rows, info, text_converter(), problems)


def _read_json_file(path: Path) -> object:
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise DataError(
            [DataProblem(code="format.invalid_json", message=f"not valid JSON: {exc}", file=str(path))]
        ) from None


def load(path: str | os.PathLike[str], *, encoding: str | None = None) -> Dataset:
    """Load a dataset from a folder of CSV tables or a ``.json`` document.

    Raises :class:`~edusupervision.DataError` (a ``ValueError``) listing every problem with its file, table,
    row and column, and :class:`FileNotFoundError` when there is nothing at ``path``.
    """
    source = Path(path)
    if source.is_dir():
        return _read_csv_folder(source, encoding=encoding)
    if source.is_file() and source.suffix.casefold() == ".json":
        return dataset_from_json(_read_json_file(source), file=str(source))
    if not source.exists():
        msg = f"no dataset at {source}"
        raise FileNotFoundError(msg)
    raise DataError(
        [
            DataProblem(
                code="format.unsupported",
                message="expected a folder of CSV files or a .json file",
                file=str(source),
            )
        ]
    )


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


def save(dataset: Dataset, path: str | os.PathLike[str], *, format: Format | None = None) -> Path:  # noqa: A002 - the natural keyword for users
    """Write a dataset as a CSV folder (with ``datapackage.json``) or a JSON document; return the path.

    ``format`` defaults to ``json`` when ``path`` ends in ``.json``, else ``csv``. Every file is written
    atomically. Loading what was saved gives an equal dataset.
    """
    target = Path(path)
    chosen = format or ("json" if target.suffix.casefold() == ".json" else "csv")
    if chosen == "json":
        with atomic_write(target) as handle:
            json.dump(dataset_to_json(dataset), handle, ensure_ascii=False, indent=1)
            handle.write("\n")
        return target
    target.mkdir(parents=True, exist_ok=True)
    for spec in TABLES:
        with atomic_write(target / f"{spec.name}.csv", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(_csv_rows(dataset.table(spec.name), spec))
    with atomic_write(target / "datapackage.json") as handle:
        json.dump(datapackage_descriptor(dataset.info), handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    return target
