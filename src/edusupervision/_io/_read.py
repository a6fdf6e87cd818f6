"""Reading datasets exported by other systems: CSV folders, Excel workbooks, JSON documents.

Every reader collects rows per table with their locations (file, sheet, row), then one build step structures
them. :func:`load` is strict: any problem raises :class:`~edusupervision.DataError` listing every problem.
:func:`read` is lenient: recoverable problems (a bad value, a duplicate id, a dangling reference) drop the row
concerned and come back as located :class:`~edusupervision.DataProblem` records, so that validation can report
format findings and rule findings together. Problems that leave nothing trustworthy to validate (an
undecodable file, a missing required column, a broken hierarchy) are fatal in both modes.

What is normalised (unambiguous) rather than reported: Chinese or English headers (and a user's own, through a
column mapping), UTF-8 with or without BOM and GB18030 (detected), full-width letters and digits in ids and
references, dates written ``2024-09-01``, ``2024/9/1``, ``2024年9月1日`` or as Excel serial numbers, blank rows,
and the second (English) header row of the bilingual template.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import tomllib
import unicodedata
import warnings
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
import cattrs

from edusupervision._domain._dataset import TABLES, Dataset, DatasetInfo, Location, TableSpec, references
from edusupervision._errors import DataError, DataProblem
from edusupervision._io._codec import json_converter, structure_row, text_converter

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Iterator

__all__ = ["DEFAULT_LIMITS", "FATAL", "ColumnMapping", "Limits", "ReadResult", "load", "load_mapping", "read"]

#: Problem codes after which nothing can be validated (the CLI exits 2).
FATAL: Final = frozenset(
    {
        "format.encoding",
        "format.invalid_json",
        "format.not_a_dataset",
        "format.not_a_table",
        "format.missing_column",
        "format.hierarchy",
        "format.unsupported",
        "format.unreadable",
    }
)
#: Problem codes that are warnings: the data is usable, something in it was ignored.
WARNINGS: Final = frozenset({"format.unknown_column", "format.unknown_table"})


@attrs.frozen(kw_only=True)
class Limits:
    """How much a reader accepts before refusing a file (hostile or broken exports); raise them as needed.

    Examples
    --------
    >>> Limits().max_file_bytes // 2**20, Limits(max_rows=10).max_rows
    (512, 10)

    """

    max_file_bytes: int = 512 * 2**20
    """Largest file read (CSV, JSON or workbook on disk)."""
    max_rows: int = 5_000_000
    """Most data rows in one table."""
    max_unpacked_bytes: int = 1024 * 2**20
    """Largest total uncompressed size of an .xlsx (a zip archive): refuses zip bombs before unpacking."""


DEFAULT_LIMITS: Final = Limits()

ColumnMapping = dict[str, dict[str, str]]
"""table name (or ``"*"`` for every table) → {the file's column header → our column name}."""


@attrs.frozen(kw_only=True)
class ReadResult:
    """A dataset read leniently, and the problems found on the way (each located)."""

    dataset: Dataset
    problems: tuple[DataProblem, ...]

    @property
    def ok(self) -> bool:
        """Return True when nothing was wrong."""
        return not self.problems


@attrs.frozen(kw_only=True)
class _Raw:
    rows: dict[str, list[tuple[Location, dict[str, Any]]]]
    info: object
    default_name: str
    info_file: str | None
    problems: list[DataProblem]
    converter: cattrs.Converter


# --- headers ------------------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().casefold().replace(" ", "_")


def _header_map(spec: TableSpec, mapping: ColumnMapping | None) -> dict[str, str]:
    """Map every accepted header (code, Chinese alias, or the user's mapping) to a field name."""
    out: dict[str, str] = {}
    for field in attrs.fields(spec.record_type):
        for alias in (field.name, *field.metadata.get("zh", ())):
            out.setdefault(_norm(alias), field.name)
    for scope in ("*", spec.name):
        for theirs, ours in (mapping or {}).get(scope, {}).items():
            out[_norm(theirs)] = ours
    return out


def _table_of(name: str) -> TableSpec | None:
    """Return the table a sheet or file stem names (English or Chinese name)."""
    key = _norm(name)
    return next((s for s in TABLES if key in (_norm(s.name), _norm(s.zh))), None)


def _map_columns(
    header: list[str],
    spec: TableSpec,
    mapping: ColumnMapping | None,
    where: dict[str, Any],
    problems: list[DataProblem],
) -> list[str | None] | None:
    """Return the field of each column, or None when a required column is missing (reported)."""
    known = _header_map(spec, mapping)
    fields = {f.name for f in attrs.fields(spec.record_type)}
    columns: list[str | None] = []
    for cell in header:
        name = known.get(_norm(cell)) if cell.strip() else None
        if name is not None and name not in fields:
            problems.append(
                DataProblem(
                    code="format.bad_mapping",
                    message=f"the mapping names no column {name!r}",
                    table=spec.name,
                    column=cell,
                    **where,
                )
            )
            name = None
        if name is None and cell.strip():
            problems.append(
                DataProblem(
                    code="format.unknown_column",
                    message="unknown column; ignored",
                    table=spec.name,
                    column=cell,
                    **where,
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
            **where,
        )
        for m in missing
    )
    return None if missing else columns


def _is_header_row(cells: list[str], spec: TableSpec) -> bool:
    """Return True when every non-empty cell names a column (a second, English header row)."""
    known = _header_map(spec, None)
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(_norm(c) in known for c in filled)


def _check_size(path: Path, limits: Limits) -> None:
    size = path.stat().st_size
    if size > limits.max_file_bytes:
        raise DataError(
            [
                DataProblem(
                    code="format.too_large",
                    file=str(path),
                    message=(
                        f"the file is {size:,} bytes, over the limit of {limits.max_file_bytes:,}; raise it with "
                        "Limits(max_file_bytes=...) or --max-file-mb"
                    ),
                )
            ]
        )


def _too_many_rows(spec: TableSpec, file: str, limits: Limits) -> DataError:
    return DataError(
        [
            DataProblem(
                code="format.too_large",
                table=spec.name,
                file=file,
                message=(
                    f"more than {limits.max_rows:,} rows; raise the limit with Limits(max_rows=...) or --max-rows"
                ),
            )
        ]
    )


# --- CSV -------------------------------------------------------------------------------------------------


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


def _csv_rows(  # noqa: PLR0917 - private; one call site
    path: Path,
    spec: TableSpec,
    encoding: str | None,
    mapping: ColumnMapping | None,
    problems: list[DataProblem],
    limits: Limits,
) -> list[tuple[Location, dict[str, Any]]]:
    file = str(path)
    _check_size(path, limits)
    reader = csv.reader(io.StringIO(_decode(path.read_bytes(), encoding=encoding, file=file), newline=""))
    out: list[tuple[Location, dict[str, Any]]] = []
    try:
        header = next(reader, None)
        if header is None:
            return []
        columns = _map_columns(header, spec, mapping, {"file": file}, problems)
        if columns is None:
            return []
        for number, cells in enumerate(reader, start=1):
            if number > limits.max_rows:
                raise _too_many_rows(spec, file, limits)
            if not any(c.strip() for c in cells) or (number == 1 and _is_header_row(cells, spec)):
                continue
            row = {col: cells[i] for i, col in enumerate(columns) if col is not None and i < len(cells)}
            out.append((Location(table=spec.name, row=number, file=file), row))
    except csv.Error as exc:
        problem = DataProblem(
            code="format.unreadable",
            file=file,
            table=spec.name,
            row=len(out) + 1,
            message=f"not readable as CSV: {exc}",
        )
        raise DataError([problem]) from None
    return out


def _collect_csv(folder: Path, encoding: str | None, mapping: ColumnMapping | None, limits: Limits) -> _Raw:
    problems: list[DataProblem] = []
    descriptor_path = folder / "datapackage.json"
    info: object = None
    paths = {spec.name: folder / f"{spec.name}.csv" for spec in TABLES}
    for extra in sorted(folder.glob("*.csv")):
        spec = _table_of(extra.stem)
        if spec is not None and not paths[spec.name].is_file():
            paths[spec.name] = extra  # a Chinese file name (学校.csv)
    if descriptor_path.is_file():
        descriptor = _json_file(descriptor_path, limits)
        if isinstance(descriptor, dict):
            extra_info = descriptor.get("edusupervision")
            info = extra_info.get("info") if isinstance(extra_info, dict) else None
            for resource in descriptor.get("resources", []):
                if (
                    isinstance(resource, dict)
                    and resource.get("name") in paths
                    and isinstance(resource.get("path"), str)
                ):
                    candidate = (folder / resource["path"]).resolve()
                    if folder.resolve() in candidate.parents:  # paths in data never leave the folder
                        paths[resource["name"]] = candidate
    known = {p.name for p in paths.values()}
    problems.extend(
        DataProblem(code="format.unknown_table", message="file matches no table; ignored", file=str(extra))
        for extra in sorted(folder.glob("*.csv"))
        if extra.name not in known
    )
    rows = {
        spec.name: _csv_rows(paths[spec.name], spec, encoding, mapping, problems, limits)
        for spec in TABLES
        if paths[spec.name].is_file()
    }
    return _Raw(
        rows=rows,
        info=info,
        default_name=folder.name,
        info_file=str(descriptor_path),
        problems=problems,
        converter=text_converter(),
    )


# --- JSON ------------------------------------------------------------------------------------------------


def _json_file(path: Path, limits: Limits) -> object:
    _check_size(path, limits)
    try:
        return json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise DataError(
            [DataProblem(code="format.invalid_json", message=f"not valid JSON: {exc}", file=str(path))]
        ) from None


def _collect_json(document: object, file: str | None, mapping: ColumnMapping | None) -> _Raw:
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
    problems: list[DataProblem] = []
    rows: dict[str, list[tuple[Location, dict[str, Any]]]] = {}
    for name, records in document["tables"].items():
        spec = _table_of(str(name))
        if spec is None:
            problems.append(
                DataProblem(
                    code="format.unknown_table", message="unknown table; ignored", table=str(name), file=file
                )
            )
            continue
        if not isinstance(records, list):
            problems.append(
                DataProblem(
                    code="format.not_a_table",
                    message="expected an array of records",
                    table=spec.name,
                    file=file,
                )
            )
            continue
        known = _header_map(spec, mapping)
        reported: set[str] = set()
        table_rows = []
        for i, record in enumerate(records, start=1):
            if not isinstance(record, dict):
                problems.append(
                    DataProblem(
                        code="format.invalid_value",
                        message="expected an object",
                        table=spec.name,
                        row=i,
                        file=file,
                    )
                )
                continue
            row: dict[str, Any] = {}
            for key, value in record.items():
                field = known.get(_norm(str(key)))
                if field is None:
                    if key not in reported:
                        reported.add(key)
                        problems.append(
                            DataProblem(
                                code="format.unknown_column",
                                message="unknown column; ignored",
                                table=spec.name,
                                row=i,
                                column=str(key),
                                file=file,
                            )
                        )
                    continue
                row[field] = value
            table_rows.append((Location(table=spec.name, row=i, file=file), row))
        rows[spec.name] = table_rows
    return _Raw(
        rows=rows,
        info=document.get("info"),
        default_name=Path(file).stem if file else "dataset",
        info_file=file,
        problems=problems,
        converter=json_converter(),
    )


# --- Excel -----------------------------------------------------------------------------------------------


def _cell(value: object) -> object:
    """Return a cell value as the codec reads it: text stays text, datetimes become dates."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return "" if value is None else value


def _sheet_rows(  # noqa: PLR0917 - private; the arguments are the parts of a sheet, in reading order
    name: str,
    cells: list[list[object]],
    merged: Iterable[tuple[int, int, int, int]],
    file: str,
    mapping: ColumnMapping | None,
    problems: list[DataProblem],
) -> tuple[str, list[Any]] | None:
    spec = _table_of(name)
    if spec is None:
        problems.append(
            DataProblem(
                code="format.unknown_table", message=f"sheet {name!r} matches no table; ignored", file=file
            )
        )
        return None
    where = {"file": file}
    start = next((i for i, row in enumerate(cells) if any(str(c).strip() for c in row)), None)
    if start is None:
        return spec.name, []
    header = [str(c).strip() for c in cells[start]]
    for min_row, min_col, max_row, max_col in merged:
        if min_row <= start + 1 <= max_row and max_col > min_col:
            problems.append(
                DataProblem(
                    code="format.merged_header",
                    table=spec.name,
                    file=file,
                    column=header[min_col - 1],
                    message=f"a header cell is merged across columns {min_col}–{max_col}: which column it names is "
                    "ambiguous; unmerge it",
                )
            )
    columns = _map_columns(header, spec, mapping, where, problems)
    if columns is None:
        return spec.name, []
    out = []
    for number, row in enumerate(cells[start + 1 :], start=1):
        text = [str(c) for c in row]
        if not any(t.strip() for t in text) or (number == 1 and _is_header_row(text, spec)):
            continue
        out.append(
            (
                Location(table=spec.name, row=number, file=file, sheet=name),
                {col: _cell(row[i]) for i, col in enumerate(columns) if col is not None and i < len(row)},
            )
        )
    return spec.name, out


_INFO_SHEETS: Final = frozenset({"info", "数据集信息"})
#: Sheets of the template that hold instructions, not data.
_SKIPPED_SHEETS: Final = frozenset({"readme", "填写说明"})


def _info_rows(cells: list[list[object]]) -> dict[str, object]:
    """Return the dataset info of an ``info`` sheet: key/value rows under a header."""
    return {
        str(row[0]).strip(): row[1]
        for row in cells[1:]
        if len(row) >= 2 and str(row[0]).strip() and row[1] != ""
    }


def _check_unpacked(path: Path, limits: Limits) -> None:
    """Refuse an .xlsx whose parts unpack to more than the limit (a zip bomb), before anything is unpacked."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        problem = DataProblem(
            code="format.unreadable", message=f"not a readable .xlsx workbook: {exc}", file=str(path)
        )
        raise DataError([problem]) from None
    if unpacked > limits.max_unpacked_bytes:
        problem = DataProblem(
            code="format.too_large",
            file=str(path),
            message=(
                f"the workbook unpacks to {unpacked:,} bytes, over the limit of {limits.max_unpacked_bytes:,}; "
                "raise it with Limits(max_unpacked_bytes=...)"
            ),
        )
        raise DataError([problem])


def _sheet_too_long(file: str, sheet: str, rows: int, limits: Limits) -> None:
    if rows > limits.max_rows + 2:  # the header rows do not count
        problem = DataProblem(
            code="format.too_large",
            file=file,
            sheet=sheet,
            message=(
                f"more than {limits.max_rows:,} rows; raise the limit with Limits(max_rows=...) or --max-rows"
            ),
        )
        raise DataError([problem])


Sheet = tuple[str, list[list[object]], list[tuple[int, int, int, int]]]


@contextlib.contextmanager
def _unreadable(kind: str, file: str) -> Iterator[None]:
    """Report any failure of a damaged workbook as ``format.unreadable`` (the library's own errors pass)."""
    try:
        yield
    except DataError:
        raise
    except Exception as exc:  # noqa: BLE001 - any failure of a damaged workbook is reported as unreadable
        problem = DataProblem(
            code="format.unreadable", message=f"not a readable {kind} workbook: {exc}", file=file
        )
        raise DataError([problem]) from None


def _xlsx_sheets(path: Path, limits: Limits) -> list[Sheet]:
    """Return (title, cells, merged ranges) of every sheet of an .xlsx workbook."""
    import openpyxl  # noqa: PLC0415 - only when a workbook is read

    sheets: list[Sheet] = []
    # the file is opened here so that it is closed even when openpyxl fails part-way through a damaged part
    with _unreadable(".xlsx", str(path)), path.open("rb") as handle, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a damaged workbook warns; its problems are reported instead
        book = openpyxl.load_workbook(handle, data_only=True)
        for sheet in book.worksheets:
            _sheet_too_long(str(path), sheet.title, sheet.max_row, limits)
            cells = [[_cell(c) for c in row] for row in sheet.iter_rows(values_only=True)]
            merged = [(r.min_row, r.min_col, r.max_row, r.max_col) for r in sheet.merged_cells.ranges]
            sheets.append((sheet.title, cells, merged))
        book.close()
    return sheets


def _xls_sheets(path: Path, limits: Limits) -> list[Sheet]:
    """Return (title, cells, merged ranges) of every sheet of a legacy .xls workbook."""
    import xlrd  # noqa: PLC0415 - only when a legacy workbook is read

    sheets: list[Sheet] = []
    with _unreadable(".xls", str(path)):
        book = xlrd.open_workbook(str(path))
        for sheet in book.sheets():
            _sheet_too_long(str(path), sheet.name, sheet.nrows, limits)
            cells: list[list[object]] = []
            for r in range(sheet.nrows):
                row: list[object] = []
                for c in range(sheet.ncols):
                    cell = sheet.cell(r, c)
                    value: object = cell.value
                    if cell.ctype == xlrd.XL_CELL_DATE:
                        value = xlrd.xldate.xldate_as_datetime(float(cell.value), book.datemode).date()
                    row.append(_cell(value))
                cells.append(row)
            merged = [(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in sheet.merged_cells]
            sheets.append((sheet.name, cells, merged))
    return sheets


def _collect_workbook(path: Path, mapping: ColumnMapping | None, limits: Limits) -> _Raw:
    """Collect the tables of a workbook: one sheet per table, the ``info`` sheet, instructions skipped."""
    file = str(path)
    _check_size(path, limits)
    if path.suffix.casefold() == ".xls":
        sheets = _xls_sheets(path, limits)
    else:
        _check_unpacked(path, limits)
        sheets = _xlsx_sheets(path, limits)
    problems: list[DataProblem] = []
    rows: dict[str, list[Any]] = {}
    info: dict[str, object] | None = None
    for title, cells, merged in sheets:
        if _norm(title) in _SKIPPED_SHEETS:
            continue
        if _norm(title) in _INFO_SHEETS:
            info = _info_rows(cells)
            continue
        got = _sheet_rows(title, cells, merged, file, mapping, problems)
        if got is not None:
            rows[got[0]] = got[1]
    return _Raw(
        rows=rows,
        info=info,
        default_name=path.stem,
        info_file=file,
        problems=problems,
        converter=json_converter(),
    )


# --- building --------------------------------------------------------------------------------------------


def _info(raw: _Raw) -> tuple[DatasetInfo, list[DataProblem]]:
    if raw.info is None or raw.info == {}:
        return DatasetInfo(name=raw.default_name), []
    if isinstance(raw.info, dict) and not str(raw.info.get("name") or "").strip():
        raw_info: object = {
            **raw.info,
            "name": raw.default_name,
        }  # a template left blank: name it after the file
    else:
        raw_info = raw.info
    try:
        return json_converter().structure(raw_info, DatasetInfo), []
    except Exception as exc:  # noqa: BLE001 - any structuring failure of the info is reported, not raised
        return DatasetInfo(name=raw.default_name), [
            DataProblem(
                code="format.invalid_value",
                message=f"invalid dataset info: {exc}",
                file=raw.info_file,
                table="info",
            )
        ]


def _problem(code: str, loc: Location, column: str | None, message: str, *, value: str | None) -> DataProblem:
    return DataProblem(
        code=code,
        message=message,
        table=loc.table,
        row=loc.row,
        column=column,
        file=loc.file,
        value=value,
        sheet=loc.sheet,
    )


def _structure(raw: _Raw, problems: list[DataProblem]) -> dict[str, list[tuple[Location, Any]]]:
    out: dict[str, list[tuple[Location, Any]]] = {}
    for spec in TABLES:
        records = []
        for loc, row in raw.rows.get(spec.name, []):

            def where(
                *, code: str, message: str, column: str | None, value: str | None = None, _loc: Location = loc
            ) -> DataProblem:
                return _problem(code, _loc, column, message, value=value)

            record, row_problems = structure_row(raw.converter, spec.record_type, row, where=where)
            problems.extend(row_problems)
            if record is not None:
                records.append((loc, record))
        out[spec.name] = records
    return out


def _drop_duplicates_and_dangling(
    tables: dict[str, list[tuple[Location, Any]]], problems: list[DataProblem]
) -> None:
    """Keep the first of duplicate ids; drop records whose references do not resolve, until none do."""
    for spec in TABLES:
        if spec.key is None:
            continue
        seen: set[str] = set()
        kept = []
        for loc, record in tables[spec.name]:
            key = getattr(record, spec.key)
            if key in seen:
                problems.append(
                    _problem(
                        "format.duplicate_id",
                        loc,
                        spec.key,
                        f"duplicate id {key!r}; the row is ignored",
                        value=key,
                    )
                )
                continue
            seen.add(key)
            kept.append((loc, record))
        tables[spec.name] = kept
    changed = True
    while changed:
        changed = False
        ids = {spec.name: {getattr(r, spec.key) for _, r in tables[spec.name]} for spec in TABLES if spec.key}
        for spec in TABLES:
            kept = []
            for loc, record in tables[spec.name]:
                bad = [
                    (column, key, target)
                    for column, key, target in references(record)
                    if key not in ids[target]
                ]
                if bad:
                    column, key, target = bad[0]
                    problems.append(
                        _problem(
                            "format.dangling_reference",
                            loc,
                            column,
                            f"refers to {key!r}, which is not in table {target!r} (or was "
                            "dropped); the row is ignored",
                            value=key,
                        )
                    )
                    changed = True
                    continue
                kept.append((loc, record))
            tables[spec.name] = kept


def _build(raw: _Raw, *, lenient: bool) -> ReadResult:
    problems = list(raw.problems)
    info, info_problems = _info(raw)
    problems.extend(info_problems)
    tables = _structure(raw, problems)
    fatal = [p for p in problems if p.code in FATAL]
    if fatal or (not lenient and [p for p in problems if p.code not in WARNINGS]):
        raise DataError(problems)
    if lenient:
        _drop_duplicates_and_dangling(tables, problems)
    try:
        dataset = Dataset(
            info=info,
            locations={name: tuple(loc for loc, _ in rows) for name, rows in tables.items()},
            **{name: [r for _, r in rows] for name, rows in tables.items()},
        )
    except DataError as exc:
        raise DataError([*problems, *exc.problems]) from None
    return ReadResult(dataset=dataset, problems=tuple(problems))


def _collect(path: Path, encoding: str | None, mapping: ColumnMapping | None, limits: Limits) -> _Raw:
    if path.is_dir():
        return _collect_csv(path, encoding, mapping, limits)
    suffix = path.suffix.casefold()
    if path.is_file() and suffix == ".json":
        return _collect_json(_json_file(path, limits), str(path), mapping)
    if path.is_file() and suffix in (".xlsx", ".xlsm", ".xls"):
        return _collect_workbook(path, mapping, limits)
    if not path.exists():
        msg = f"no dataset at {path}"
        raise FileNotFoundError(msg)
    raise DataError(
        [
            DataProblem(
                code="format.unsupported",
                message="expected a folder of CSV files, a .json file or an Excel workbook (.xlsx, .xls)",
                file=str(path),
            )
        ]
    )


def load(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    mapping: ColumnMapping | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Dataset:
    """Load a dataset strictly: any problem raises :class:`~edusupervision.DataError` listing every one.

    ``path`` is a folder of CSV tables (with or without ``datapackage.json``), a ``.json`` document, or an Excel
    workbook with one sheet per table. Unknown columns and tables are ignored (not errors).
    """
    return _build(_collect(Path(path), encoding, mapping, limits), lenient=False).dataset


def read(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    mapping: ColumnMapping | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ReadResult:
    """Read a dataset leniently: rows with problems are left out and reported; fatal problems still raise."""
    return _build(_collect(Path(path), encoding, mapping, limits), lenient=True)


def dataset_from_document(document: object, *, file: str | None = None, lenient: bool = False) -> ReadResult:
    """Build a dataset from its JSON document (already parsed)."""
    return _build(_collect_json(document, file, None), lenient=lenient)


def load_mapping(path: str | os.PathLike[str]) -> ColumnMapping:
    """Load a column mapping from TOML or JSON: ``{table | "*": {their header: our column}}``.

    A flat ``{their header: our column}`` applies to every table.
    """
    source = Path(path)
    try:
        text = source.read_text(encoding="utf-8-sig")
        data = json.loads(text) if source.suffix.casefold() == ".json" else tomllib.loads(text)
    except (
        OSError,
        UnicodeDecodeError,
        json.JSONDecodeError,
        tomllib.TOMLDecodeError,
        RecursionError,
    ) as exc:
        raise DataError(
            [
                DataProblem(
                    code="format.bad_mapping", message=f"cannot read the mapping: {exc}", file=str(source)
                )
            ]
        ) from None
    if not isinstance(data, dict) or not all(isinstance(k, str) for k in data):
        raise DataError(
            [
                DataProblem(
                    code="format.bad_mapping", message="a mapping is a table of tables", file=str(source)
                )
            ]
        )
    if all(isinstance(v, str) for v in data.values()):
        return {"*": {str(k): str(v) for k, v in data.items()}}
    out: ColumnMapping = {}
    for table, columns in data.items():
        if (table != "*" and _table_of(table) is None) or not isinstance(columns, dict):
            raise DataError(
                [
                    DataProblem(
                        code="format.bad_mapping",
                        message=f"unknown table {table!r} or not a table of column names",
                        file=str(source),
                    )
                ]
            )
        spec = _table_of(table)
        out[spec.name if spec else "*"] = {str(k): str(v) for k, v in columns.items()}
    return out
