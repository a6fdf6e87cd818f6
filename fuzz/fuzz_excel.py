"""Fuzz target: the Excel readers (.xlsx through openpyxl, .xls through xlrd), then validation.

The first byte picks how the workbook is made from the rest:

0. the bytes are the ``.xlsx`` file (damaged archives, not-a-zip);
1. a small valid template workbook with one of its parts (sheet XML, shared strings, workbook, content types …)
   replaced by the bytes (damaged XML inside a sound archive);
2. a workbook written with openpyxl whose sheet names, headers and cells are drawn from the bytes (odd values
   in a well-formed file: numbers for dates, dates for text, merged headers, a long sheet);
3. the bytes are an ``.xls`` file (BIFF).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from _common import expected, fuzz, instrumented, scratch

with instrumented("edusupervision", "openpyxl", "xlrd", active=__name__ == "__main__"):
    import openpyxl

    from edusupervision import TABLES, Limits, read, validate

_SCRATCH = scratch("fuzz-excel-")
_LIMITS = Limits(max_file_bytes=1 << 20, max_unpacked_bytes=8 << 20, max_rows=200)
_HEADERS = (
    "id",
    "name",
    "stage",
    "division_id",
    "kind",
    "parent_id",
    "学校名称",
    "所在区县",
    "日期",
    "",
    "x",
)


def _template() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "divisions"
    sheet.append(["id", "name", "kind", "parent_id"])
    sheet.append(["d1", "青山县", "county", None])
    schools = book.create_sheet("学校")
    schools.append(["id", "学校名称", "学段", "所在区县", "学生数"])
    schools.append(["s1", "青山一小", "primary", "d1", 420])
    info = book.create_sheet("info")
    info.append(["key", "value"])
    info.append(["name", "青山县"])
    info.append(["reference_date", dt.date(2024, 9, 1)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_TEMPLATE = _template()
_PARTS = tuple(sorted(zipfile.ZipFile(io.BytesIO(_TEMPLATE)).namelist()))


def _patched(part: int, body: bytes) -> bytes:
    """Return the template with part number ``part`` replaced by ``body``."""
    target = _PARTS[part % len(_PARTS)]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_TEMPLATE)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in _PARTS:
            dst.writestr(name, body if name == target else src.read(name))
    return out.getvalue()


def _cell(chunk: bytes) -> object:
    """Return a cell value of the kind the chunk's first byte names."""
    kind, rest = (chunk[0] % 6, chunk[1:]) if chunk else (0, b"")
    number = int.from_bytes(rest[:4], "little", signed=True)
    if kind == 1:
        return number
    if kind == 2:
        return number / 7
    if kind == 3:
        return dt.date(2000, 1, 1) + dt.timedelta(days=number % 20_000)
    if kind == 4:
        return bool(number & 1)
    if kind == 5:
        return None
    text = rest.decode("utf-8", "replace")
    return "".join(c for c in text if c.isprintable())  # openpyxl refuses control characters itself


def _built(body: bytes) -> bytes:
    """Return a workbook written with openpyxl from the bytes: chunks separated by NUL bytes."""
    chunks = body.split(b"\0")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = TABLES[(chunks[0][:1] or b"\0")[0] % len(TABLES)].name
    width = 1 + len(chunks[0]) % 6
    sheet.append([_HEADERS[b % len(_HEADERS)] for b in chunks[0][1 : 1 + width]] or ["id"])
    cells = [_cell(c) for c in chunks[1:]]
    for start in range(0, len(cells), width):
        sheet.append(cells[start : start + width])
    if len(chunks[0]) > 7 and chunks[0][7] % 3 == 0:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def workbook(data: bytes) -> tuple[str, bytes]:
    """Return the file suffix and content the bytes stand for."""
    mode, body = (data[0] % 4, data[1:]) if data else (0, b"")
    if mode == 1:
        return ".xlsx", _patched(body[0] if body else 0, body[1:])
    if mode == 2:
        return ".xlsx", _built(body)
    if mode == 3:
        return ".xls", body
    return ".xlsx", body


def check(data: bytes) -> None:
    """Read the workbook leniently and validate what was read."""
    suffix, content = workbook(data)
    path = _SCRATCH / f"book{suffix}"
    path.write_bytes(content)
    try:
        result = read(path, limits=_LIMITS)
        validate(result.dataset, problems=result.problems).to_json()
    except expected():
        return


if __name__ == "__main__":
    fuzz(check, tolerate=("xlsx-third-party-exception", "xls-third-party-exception"))
