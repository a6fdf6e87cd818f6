"""Reading data from other systems: every form of the sample agrees; each damage yields its located finding."""

from __future__ import annotations

import csv
import json
from typing import TYPE_CHECKING

import openpyxl
import pytest

from edusupervision import DataError, load, read, sample_dataset, save, validate
from edusupervision._cli import main
from edusupervision._io._codec import parse_date

if TYPE_CHECKING:
    from pathlib import Path

SAMPLE = sample_dataset()
BASELINE = [(f.rule, f.subject.id) for f in validate(SAMPLE).findings]


def findings_of(path: Path) -> list[tuple[str, str]]:
    result = read(path)
    return [(f.rule, f.subject.id) for f in validate(result.dataset, problems=result.problems).findings]


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [("utf8", {}), ("gb18030", {"encoding": "gb18030"}), ("sample.json", {}), ("sample.xlsx", {})],
)
def test_every_form_of_the_sample_validates_to_the_same_findings(
    tmp_path: Path, name: str, kwargs: dict[str, str]
) -> None:
    target = save(SAMPLE, tmp_path / name, **kwargs)  # type: ignore[arg-type] # kwargs hold save's encoding
    assert load(target) == SAMPLE
    assert findings_of(target) == BASELINE


def test_gb18030_is_detected_without_being_stated(tmp_path: Path) -> None:
    folder = save(SAMPLE, tmp_path / "gb", encoding="gb18030")
    assert "学校" not in (folder / "schools.csv").read_text(encoding="latin-1")  # really not UTF-8 text
    assert load(folder) == SAMPLE


def rewrite(
    path: Path,
    edit: dict[tuple[int, str], str] | None = None,
    *,
    rename: dict[str, str] | None = None,
    encoding: str = "utf-8",
) -> None:
    """Rewrite one CSV table: set cells by (data row, column); rename header cells."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header = rows[0]
    for (row, column), value in (edit or {}).items():
        rows[row][header.index(column)] = value
    rows[0] = [(rename or {}).get(h, h) for h in header]
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return save(SAMPLE, tmp_path / "export")


def cli(*args: str) -> int:
    return main(["validate", *args, "--format", "json"])


def test_wrong_encoding_declared_cannot_be_read_and_exits_2(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(str(folder), "--encoding", "ascii") == 2
    err = capsys.readouterr().err
    assert "format.encoding" in err
    assert "Traceback" not in err


def test_chinese_headers_are_aliases(folder: Path) -> None:
    rewrite(
        folder / "schools.csv", rename={"name": "学校名称", "stage": "学校类型", "student_count": "在校生数"}
    )
    assert load(folder) == SAMPLE


def test_a_renamed_required_column_is_a_fatal_missing_column(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rewrite(folder / "schools.csv", rename={"name": "school_name"})
    with pytest.raises(DataError) as caught:
        read(folder)
    codes = {(p.code, p.column) for p in caught.value.problems}
    assert codes == {("format.missing_column", "name"), ("format.unknown_column", "school_name")}
    assert cli(str(folder)) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_mapping_file_maps_a_users_own_column_names(folder: Path, tmp_path: Path) -> None:
    rewrite(folder / "schools.csv", rename={"name": "school_name"})
    mapping = tmp_path / "mapping.toml"
    mapping.write_text('[schools]\nschool_name = "name"\n', encoding="utf-8")
    assert cli(str(folder), "--mapping", str(mapping), "--exit-zero") == 0
    flat = tmp_path / "flat.json"
    flat.write_text(json.dumps({"school_name": "name"}), encoding="utf-8")
    assert main(["summary", str(folder), "--mapping", str(flat)]) == 0


def test_a_date_in_chinese_format_is_normalised(folder: Path) -> None:
    rewrite(folder / "schools.csv", {(1, "head_term_start"): "2020年9月1日"})
    assert load(folder).get("schools", "sch-001").head_term_start.isoformat() == "2020-09-01"


def only_format(path: Path) -> list[tuple[str, str | None, int | None, str | None, str | None]]:
    result = read(path)
    return [(p.code, p.table, p.row, p.column, p.value) for p in result.problems]


def test_a_non_numeric_student_count_is_located_and_the_report_exits_1(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rewrite(folder / "schools.csv", {(3, "student_count"): "很多"})
    problems = only_format(folder)
    assert problems[0] == ("format.invalid_value", "schools", 3, "student_count", "很多")
    assert cli(str(folder)) == 1
    report = json.loads(capsys.readouterr().out)
    first = next(f for f in report["findings"] if f["rule"] == "format.invalid_value")
    assert first["location"] == {
        "file": str(folder / "schools.csv"),
        "table": "schools",
        "row": 3,
        "column": "student_count",
    }
    assert first["citations"][0]["document"] == "FMT"
    assert report["summary"]["format"] >= 1


def test_a_duplicated_school_id_keeps_the_first_row(folder: Path) -> None:
    rewrite(folder / "schools.csv", {(5, "id"): "sch-004"})
    problems = only_format(folder)
    assert problems[0] == ("format.duplicate_id", "schools", 5, "id", "sch-004")
    assert read(folder).dataset.get("schools", "sch-004").name == SAMPLE.get("schools", "sch-004").name


def test_an_inspector_assigned_to_an_unknown_school_is_a_dangling_reference(folder: Path) -> None:
    rewrite(folder / "assignments.csv", {(2, "school_id"): "sch-999"})
    problems = only_format(folder)
    assert problems == [("format.dangling_reference", "assignments", 2, "school_id", "sch-999")]
    result = read(folder)
    assert len(result.dataset.assignments) == len(SAMPLE.assignments) - 1


def test_full_width_ids_are_normalised(folder: Path) -> None:
    rewrite(folder / "schools.csv", {(1, "id"): "ｓｃｈ－００１"})
    assert load(folder) == SAMPLE


def test_excel_serial_dates_and_blank_trailing_rows(folder: Path) -> None:
    rewrite(folder / "schools.csv", {(1, "head_term_start"): "44075"})  # 2020-09-01 as an Excel serial
    with (folder / "schools.csv").open("a", encoding="utf-8") as handle:
        handle.write(",,,,,,,,,,,,\n\n")
    assert load(folder) == SAMPLE
    assert parse_date(45536).isoformat() == "2024-09-01"


def test_a_second_english_header_row_is_skipped_and_merged_headers_are_reported(tmp_path: Path) -> None:
    path = save(SAMPLE, tmp_path / "s.xlsx")
    book = openpyxl.load_workbook(path)
    sheet = book["zones"]
    sheet.insert_rows(2)
    for i, cell in enumerate(sheet[1], start=1):
        sheet.cell(row=2, column=i, value=cell.value)
    book.save(path)
    assert load(path) == SAMPLE
    sheet.merge_cells(start_row=1, start_column=2, end_row=1, end_column=3)
    book.save(path)
    with pytest.raises(DataError) as caught:
        read(path)
    assert "format.merged_header" in {p.code for p in caught.value.problems}


def test_fail_fast_stops_at_the_first_problem(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rewrite(folder / "schools.csv", {(3, "student_count"): "x", (4, "student_count"): "y"})
    assert cli(str(folder), "--fail-fast") == 2
    err = capsys.readouterr().err
    assert "row 3" in err
    assert "row 4" not in err


def test_max_findings_limits_what_is_shown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--format", "json", "--max-findings", "2"]) == 1
    out = json.loads(capsys.readouterr().out)
    assert len(out["findings"]) == 2
    assert out["summary"]["error"] > 2  # the summary still counts everything
