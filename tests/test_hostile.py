"""Hostile and damaged inputs, through the command line: exit code 2 and one paragraph naming the problem.

The small inputs live in ``tests/hostile/`` (see its README); the big ones (a sparse 2 GB CSV, a zip bomb) are
made at test time in ``tmp_path`` and never committed. Inputs that still show a traceback are library bugs,
fixed, and kept as regression tests.
"""

from __future__ import annotations

import csv
import gc
import io
import re
import struct
import tracemalloc
import zlib
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest

from edusupervision import Dataset, sample_dataset, save
from edusupervision._cli import main

HOSTILE = Path(__file__).parent / "hostile"
EXIT_BAD_INPUT = 2


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[object, str, str]:
    """Run the command line; return (exit code, stdout, stderr). argparse's usage errors exit via SystemExit."""
    try:
        code: object = main(argv)
    except SystemExit as exc:
        code = exc.code
    finally:
        gc.collect()  # a file a failed read left open is reported here, in this test, not in a later one
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(argv: list[str], capsys: pytest.CaptureFixture[str], *naming: str) -> str:
    """Assert exit 2 with one paragraph on stderr (no traceback) naming the problem; return the message."""
    code, _out, err = run(argv, capsys)
    assert "Traceback" not in err
    assert code == EXIT_BAD_INPUT, err
    message = err.strip()
    assert message
    assert "\n\n" not in message, "one paragraph"
    for words in naming:
        assert words in message, message
    return message


# (input under tests/hostile/, extra arguments, what the message must name)
CASES = [
    pytest.param("bad-encoding", [], ["format.encoding", "schools.csv"], id="csv-undecodable"),
    pytest.param("missing-column", [], ["format.missing_column", "stage"], id="csv-missing-column"),
    pytest.param("nul-bytes", [], ["format.missing_column"], id="csv-nul-bytes"),
    pytest.param(
        "bad-values", ["--fail-fast"], ["format.invalid_value", "head_term_start"], id="csv-bad-date"
    ),
    pytest.param(
        "dangling-reference", ["--fail-fast"], ["format.dangling_reference", "d-missing"], id="csv-dangling"
    ),
    pytest.param("duplicate-ids", ["--fail-fast"], ["format.duplicate_id", "row 2"], id="csv-duplicate-id"),
    pytest.param(
        "bad-descriptor", [], ["format.invalid_json", "datapackage.json"], id="csv-broken-descriptor"
    ),
    pytest.param("truncated.json", [], ["format.invalid_json"], id="json-truncated"),
    pytest.param("deep.json", [], ["format.invalid_json", "recursion"], id="json-deeply-nested"),
    pytest.param("not-a-dataset.json", [], ["format.not_a_dataset"], id="json-not-a-dataset"),
    pytest.param("tables-not-arrays.json", [], ["format.not_a_table"], id="json-table-not-array"),
    pytest.param("utf16.json", [], ["format.invalid_json"], id="json-utf16"),
    pytest.param("not-a-zip.xlsx", [], ["format.unreadable", "not a zip"], id="xlsx-not-a-zip"),
    pytest.param("truncated.xlsx", [], ["format.unreadable"], id="xlsx-truncated"),
    pytest.param("damaged-sheet.xlsx", [], ["format.unreadable"], id="xlsx-damaged-sheet"),
    pytest.param("damaged.xls", [], ["format.unreadable"], id="xls-damaged"),
    pytest.param("dataset.txt", [], ["format.unsupported"], id="unsupported-suffix"),
    pytest.param("no-such-file.json", [], ["no dataset at"], id="missing-path"),
    pytest.param(
        "duplicate-ids", ["--mapping", "bad-mapping.toml"], ["format.bad_mapping"], id="bad-mapping"
    ),
]


@pytest.mark.parametrize(("name", "extra", "naming"), CASES)
@pytest.mark.parametrize("command", ["validate", "summary"])
def test_damaged_dataset_is_refused(
    command: str, name: str, extra: list[str], naming: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    if command == "summary":  # summary reads strictly: --fail-fast is validate's
        extra = [a for a in extra if a != "--fail-fast"]
    extra = [str(HOSTILE / a) if a.endswith(".toml") else a for a in extra]
    assert_refused([command, str(HOSTILE / name), *extra], capsys, *naming)


PROFILES = [
    pytest.param("bad-profile.toml", ["cannot read profile"], id="toml-syntax"),
    pytest.param("unknown-parent.toml", ["unknown profile 'atlantis'"], id="unknown-parent"),
    pytest.param("wrong-parameter-type.toml", ["inspector.ratio"], id="wrong-parameter-type"),
]


@pytest.mark.parametrize(("name", "naming"), PROFILES)
def test_damaged_profile_is_refused(name: str, naming: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert_refused(["validate", "--profile", str(HOSTILE / name)], capsys, *naming)


# --- big inputs, made at test time ------------------------------------------------------------------------------


def test_a_2gb_csv_is_refused_without_being_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    with (folder / "schools.csv").open("wb") as handle:  # sparse: takes no disk space
        handle.write(b"id,name,stage,division_id\n")
        handle.truncate(2 * 2**30)
    tracemalloc.start()
    try:
        assert_refused(["validate", str(folder)], capsys, "format.too_large", "max_file_bytes")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20, "the file was refused before it was read"


def test_a_2gb_json_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "export.json"
    with path.open("wb") as handle:
        handle.write(b'{"tables": {}, "pad": "')
        handle.truncate(2 * 2**30)
    assert_refused(["summary", str(path)], capsys, "format.too_large")


def _zip_member(name: str, payload: bytes | None, zeros: int = 0) -> tuple[bytes, bytes, int]:
    """Return (local header + data, central directory entry without offset, size) of one deflated member.

    ``zeros`` bytes of zeros are deflated as one repeated block: a gigabyte costs milliseconds and kilobytes.
    """
    raw_name = name.encode()
    if payload is not None:
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        data = packer.compress(payload) + packer.flush()
        crc, size = zlib.crc32(payload), len(payload)
    else:
        chunk = b"\0" * 2**20
        packer = zlib.compressobj(6, zlib.DEFLATED, -15)
        block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)  # byte-aligned, history reset
        count = zeros // len(chunk)
        data = block * count + zlib.compressobj(6, zlib.DEFLATED, -15).flush()  # the final, empty block
        crc = 0
        for _ in range(count):
            crc = zlib.crc32(chunk, crc)
        size = count * len(chunk)
    fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0, crc, len(data), size)
    local = b"PK\x03\x04" + fields + struct.pack("<HH", len(raw_name), 0) + raw_name + data
    central = (
        b"PK\x01\x02"
        + struct.pack("<H", 20)
        + fields
        + struct.pack("<HHHHHII", len(raw_name), 0, 0, 0, 0, 0, 0)
    )
    return local, central + raw_name, size


def zip_bomb(path: Path, unpacked: int) -> None:
    """Write an .xlsx (a sound workbook) whose first sheet is replaced by ``unpacked`` bytes of zeros."""
    book = openpyxl.Workbook()
    buffer = io.BytesIO()
    book.save(buffer)
    import zipfile  # noqa: PLC0415 - only to list the template's parts

    with zipfile.ZipFile(buffer) as template:
        parts = {n: template.read(n) for n in template.namelist()}
    body, directory = b"", b""
    for name, payload in parts.items():
        bomb = name == "xl/worksheets/sheet1.xml"
        local, central, _ = _zip_member(name, None if bomb else payload, zeros=unpacked)
        offset = len(body)
        body += local
        directory += central[:42] + struct.pack("<I", offset) + central[46:]  # the local header's offset
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, len(parts), len(parts), len(directory), len(body), 0)
    path.write_bytes(body + directory + end)


def test_a_zip_bomb_workbook_is_refused_before_unpacking(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bomb.xlsx"
    zip_bomb(path, unpacked=1100 * 2**20)
    assert path.stat().st_size < 2 * 2**20
    tracemalloc.start()
    try:
        assert_refused(["validate", str(path)], capsys, "format.too_large", "unpacks to")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 * 2**20


def test_the_zip_bomb_builder_makes_a_real_archive(tmp_path: Path) -> None:
    import zipfile  # noqa: PLC0415 - the standard library's reading of our hand-made archive

    path = tmp_path / "small-bomb.xlsx"
    zip_bomb(path, unpacked=3 * 2**20)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None  # every CRC checks out
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size == 3 * 2**20


def _rows_csv(folder: Path, rows: int, pad: int = 0) -> None:
    folder.mkdir()
    lines = ["id,name,kind,parent_id", "d0,云州市,prefecture_city,"]
    lines += [f"d{i},{'县' * pad}{i},county,d0" for i in range(1, rows)]
    (folder / "divisions.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_the_row_limit_refuses_and_can_be_raised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "rows"
    _rows_csv(folder, 30)
    assert_refused(["summary", str(folder), "--max-rows", "10"], capsys, "format.too_large", "--max-rows")
    code, out, err = run(["summary", str(folder), "--max-rows", "30"], capsys)
    assert code == 0, err
    assert "divisions" in out


def test_the_size_limit_refuses_and_can_be_raised(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "size"
    _rows_csv(folder, 800, pad=1000)  # about 2.4 MB
    assert_refused(
        ["summary", str(folder), "--max-file-mb", "1"], capsys, "format.too_large", "max_file_bytes"
    )
    code, _out, err = run(["summary", str(folder), "--max-file-mb", "3"], capsys)
    assert code == 0, err


def test_the_size_message_names_the_real_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "size"
    _rows_csv(folder, 800, pad=1000)
    assert_refused(["summary", str(folder), "--max-file-mb", "1"], capsys, "--max-file-mb")


# --- XML attacks inside a workbook --------------------------------------------------------------------------------

_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">' for i in range(1, 10))
    + "]>"
)


def _workbook_with_sheet_xml(path: Path, sheet_xml: str) -> None:
    import zipfile  # noqa: PLC0415 - rewriting one part of a workbook

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "divisions"
    buffer = io.BytesIO()
    book.save(buffer)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as dst:
        for name in src.namelist():
            dst.writestr(name, sheet_xml if name == "xl/worksheets/sheet1.xml" else src.read(name))


def test_billion_laughs_in_a_sheet_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "laughs.xlsx"
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    _workbook_with_sheet_xml(
        path,
        _LAUGHS + f'<worksheet xmlns="{ns}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;'
        "</t></is></c></row></sheetData></worksheet>",
    )
    assert_refused(["validate", str(path)], capsys, "format.unreadable")


def test_an_external_entity_in_a_sheet_is_never_resolved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-42", encoding="utf-8")
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    path = tmp_path / "xxe.xlsx"
    _workbook_with_sheet_xml(
        path,
        f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file://{secret}">]><worksheet xmlns="{ns}">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>',
    )
    try:
        code, out, err = run(["validate", str(path), "--format", "json"], capsys)
    except Exception:  # noqa: BLE001 - the open xlsx bug may raise; what matters here is the secret
        code, out, err = None, *capsys.readouterr()
    assert code != 0
    assert "TOP-SECRET-42" not in out + err


# --- paths in data, formula injection ------------------------------------------------------------------------------


def test_paths_given_in_data_are_never_opened(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "divisions.csv").write_text("id,name,kind\nd-outside,外部县,county\n", encoding="utf-8")
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "divisions.csv").write_text("id,name,kind\nd1,青山县,county\n", encoding="utf-8")
    (folder / "datapackage.json").write_text(
        '{"resources": [{"name": "divisions", "path": "../outside/divisions.csv"},'
        f' {{"name": "schools", "path": "{outside / "divisions.csv"}"}}]}}',
        encoding="utf-8",
    )
    code, out, err = run(["summary", str(folder)], capsys)
    assert code == 0, err
    assert "divisions" in out
    assert "schools" not in out  # the absolute path was not opened as the schools table
    from edusupervision import load  # noqa: PLC0415 - the same through the API

    assert [d.id for d in load(folder).divisions] == ["d1"]


FORMULAS = ('=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1")


def test_csv_findings_neutralise_formulas(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sample = sample_dataset()
    renamed = {
        "organisations": [
            attrs.evolve(o, name=FORMULAS[i % len(FORMULAS)] + o.name)
            for i, o in enumerate(sample.organisations)
        ],
        "schools": [
            attrs.evolve(s, name=FORMULAS[i % len(FORMULAS)] + s.name) for i, s in enumerate(sample.schools)
        ],
    }
    tables: dict[str, Any] = {**dict(iter(sample)), **renamed}
    hostile = Dataset(info=sample.info, **tables)
    path = save(hostile, tmp_path / "hostile.json")
    code, out, err = run(["validate", str(path), "--format", "csv", "--exit-zero"], capsys)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    cells = [cell for row in rows[1:] for cell in row]
    assert any(cell.startswith("'=HYPERLINK") for cell in cells), "the hostile names reached the report"
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]


# --- no code execution from data ---------------------------------------------------------------------------------

FORBIDDEN = re.compile(
    r"\b(eval|exec)\s*\(|\bpickle\b|\bmarshal\.loads?\b|\byaml\.(unsafe_)?load\s*\(|\bshelve\b"
)


def test_the_library_source_never_evaluates_or_unpickles() -> None:
    """No eval, exec, pickle, marshal, shelve or yaml.load in src/ (tests/ may use exec: the README test does)."""
    src = Path(__file__).parent.parent / "src"
    found = [
        f"{path.relative_to(src)}:{number}: {line.strip()}"
        for path in sorted(src.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if FORBIDDEN.search(line)
    ]
    assert not found


def test_the_forbidden_pattern_catches_what_it_should() -> None:
    for line in (
        "eval(x)",
        "exec (code)",
        "import pickle",
        "yaml.load(f)",
        "yaml.unsafe_load(f)",
        "marshal.loads(b)",
    ):
        assert FORBIDDEN.search(line), line
    for line in ("evaluate(rule)", "ctx.evaluate(x)", "executor.submit()", "yaml.safe_load(f)"):
        assert not FORBIDDEN.search(line), line
