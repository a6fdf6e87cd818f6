"""Schemas out (JSON Schema, Data Package), the fill-in template, and report outputs (CSV, Excel, HTML)."""

from __future__ import annotations

import argparse
import copy
import csv
import datetime as dt
import html
import io
import json
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import attrs
import frictionless
import jsonschema  # type: ignore[import-untyped, unused-ignore] # no stubs until types-jsonschema is a dev dependency
import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from edusupervision import TABLES, DatasetInfo, LabelledEnum, load, read, sample_dataset, save, validate
from edusupervision._cli_outputs import OutputUsageError, register, write_report
from edusupervision._domain._model import column_types
from edusupervision._engine._report import Finding, Report
from edusupervision._io._formats import INFO_SHEET, _base_type, datapackage_descriptor, dataset_to_json
from edusupervision._io._outputs import RECORD_COLUMNS, csv_safe, report_csv, report_html, write_report_xlsx
from edusupervision._io._read import _header_map, _norm
from edusupervision._io._schema import json_schema
from edusupervision._io._template import README_SHEET, template_header, write_template
from edusupervision._rules._model import Citation, Outcome, Ref, Severity

if TYPE_CHECKING:
    from pathlib import Path

SAMPLE = sample_dataset()
REPORT = validate(SAMPLE)
HOSTILE = '=HYPERLINK("http://evil.example","x") <script>alert(\'x\')</script> & more'


def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(
        json_schema(), format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def crafted_report() -> Report:
    """The sample's report plus a finding whose texts attack spreadsheets and HTML."""
    hostile = Finding(
        rule="zz.crafted",
        title_zh="<b>注入</b>",
        title_en="+injected",
        severity=Severity.ERROR,
        outcome=Outcome.VIOLATION,
        subject=Ref("school", "@sch-x"),
        subject_name="-1+1",
        responsible=Ref("organisation", "org-evil"),
        responsible_name="=cmd|' /C calc'!A0",
        message_zh=HOSTILE,
        message_en=HOSTILE,
        citations=(Citation("ACC"),),
        evidence={},
        origin="national",
        location={"file": "\tx.csv", "table": "schools", "row": 2},
    )
    return attrs.evolve(REPORT, findings=(*REPORT.findings, hostile))


# --- JSON Schema ---------------------------------------------------------------------------------------


def test_json_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())
    assert json_schema() == json_schema()  # a fresh, equal document every call


def test_json_schema_validates_the_json_form_of_the_sample() -> None:
    errors = list(validator().iter_errors(dataset_to_json(SAMPLE)))
    assert errors == []


def test_json_schema_validates_what_save_writes(tmp_path: Path) -> None:
    path = save(SAMPLE, tmp_path / "sample.json")
    validator().validate(json.loads(path.read_text(encoding="utf-8")))


def broken(edit: str) -> dict[str, Any]:
    document = copy.deepcopy(dataset_to_json(SAMPLE))
    school = document["tables"]["schools"][0]
    if edit == "enum":
        school["stage"] = "primary_school"
    elif edit == "missing":
        del school["name"]
    elif edit == "extra":
        school["principal"] = "张三"
    elif edit == "date":
        school["head_term_start"] = "2024/9/1"
    elif edit == "negative":
        school["student_count"] = -3
    elif edit == "type":
        school["student_count"] = "很多"
    elif edit == "blank_id":
        school["id"] = ""
    elif edit == "table":
        document["tables"]["pupils"] = []
    elif edit == "format":
        document["format"] = "something-else"
    return document


@pytest.mark.parametrize(
    ("edit", "keyword"),
    [
        ("enum", "enum"),
        ("missing", "required"),
        ("extra", "additionalProperties"),
        ("date", "pattern"),
        ("negative", "minimum"),
        ("type", "type"),
        ("blank_id", "minLength"),
        ("table", "additionalProperties"),
        ("format", "const"),
    ],
)
def test_json_schema_rejects_a_broken_copy(edit: str, keyword: str) -> None:
    errors = list(validator().iter_errors(broken(edit)))
    assert errors
    assert keyword in {e.validator for e in errors}


def test_json_schema_agrees_with_the_data_package_on_types_and_required_columns() -> None:
    schema = json_schema()
    for resource in datapackage_descriptor()["resources"]:
        record = schema["$defs"][resource["name"]]
        for field in resource["schema"]["fields"]:
            prop = record["properties"][field["name"]]
            assert prop["title"] == field["title"]
            assert (field["name"] in record["required"]) == field.get("constraints", {}).get(
                "required", False
            )
            if "enum" in field.get("constraints", {}):
                assert [v for v in prop["enum"] if v is not None] == field["constraints"]["enum"]
        assert set(record["properties"]) == {f["name"] for f in resource["schema"]["fields"]}


# --- Data Package -------------------------------------------------------------------------------------


def test_data_package_descriptor_validates_the_csv_form_of_the_sample(tmp_path: Path) -> None:
    folder = save(SAMPLE, tmp_path / "sample")
    report = frictionless.validate(folder / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_data_package_descriptor_rejects_a_non_numeric_student_count(tmp_path: Path) -> None:
    folder = save(SAMPLE, tmp_path / "sample")
    path = folder / "schools.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[2][rows[0].index("student_count")] = "很多"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    report = frictionless.validate(folder / "datapackage.json")
    assert not report.valid
    invalid = [task for task in report.tasks if not task.valid]
    assert [task.name for task in invalid] == ["schools"]
    assert invalid[0].flatten(["rowNumber", "fieldName", "type"]) == [[3, "student_count", "type-error"]]


# --- template -------------------------------------------------------------------------------------------


def template_cell(value: Any) -> Any:
    """Return a value as an office would type it: Chinese labels, 是/否, real dates and numbers."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, LabelledEnum):
        return value.zh
    if isinstance(value, tuple):
        return ";".join(str(template_cell(v)) for v in value)
    return value


def fill_template(path: Path, target: Path) -> None:
    book = openpyxl.load_workbook(path)
    info = book[INFO_SHEET]
    values = attrs.asdict(SAMPLE.info)
    for row in info.iter_rows(min_row=2):
        row[1].value = values[str(row[0].value)]
    for spec in TABLES:
        sheet = book[spec.zh]
        for record in SAMPLE.table(spec.name):
            sheet.append([template_cell(getattr(record, f.name)) for f in attrs.fields(spec.record_type)])
    book.save(target)


def test_a_filled_template_reads_back_as_the_sample(tmp_path: Path) -> None:
    template = write_template(tmp_path / "template.xlsx")
    fill_template(template, tmp_path / "filled.xlsx")
    assert load(tmp_path / "filled.xlsx") == SAMPLE
    result = read(tmp_path / "filled.xlsx")
    assert [p.code for p in result.problems] == []  # the README sheet holds instructions and is skipped
    assert [(f.rule, f.subject.id) for f in validate(result.dataset).findings] == [
        (f.rule, f.subject.id) for f in REPORT.findings
    ]


def test_an_empty_template_with_a_name_reads_as_an_empty_dataset(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_template(tmp_path / "template.xlsx"))
    book[INFO_SHEET]["B2"] = "青山县"
    book.save(tmp_path / "named.xlsx")
    dataset = load(tmp_path / "named.xlsx")
    assert dataset.info == DatasetInfo(name="青山县")
    assert len(dataset) == 0


def test_template_sheets_headers_notes_and_lists(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_template(tmp_path / "template.xlsx"))
    assert book.sheetnames == [README_SHEET, INFO_SHEET, *(spec.zh for spec in TABLES)]
    for spec in TABLES:
        sheet = book[spec.zh]
        fields = attrs.fields(spec.record_type)
        types = column_types(spec.record_type)
        assert sheet.freeze_panes == "A3"
        assert [c.value for c in sheet[1]] == [template_header(spec, f) for f in fields]
        assert [c.value for c in sheet[2]] == [f.name for f in fields]
        known = _header_map(spec, None)
        lists = {str(dv.sqref).split(":")[0]: dv.formula1 for dv in sheet.data_validations.dataValidation}
        for index, (cell, field) in enumerate(zip(sheet[1], fields, strict=True), start=1):
            assert known[_norm(str(cell.value))] == field.name  # the reader maps it back
            assert cell.comment is not None
            assert field.name in cell.comment.text
            scalar, _optional, many = _base_type(types[field.name])
            address = f"{get_column_letter(index)}3"
            if scalar is bool:
                assert lists[address] == '"是,否"'
            elif isinstance(scalar, type) and issubclass(scalar, LabelledEnum) and not many:
                assert lists[address] == '"' + ",".join(m.zh for m in scalar) + '"'
            else:
                assert address not in lists


def test_template_info_sheet_documents_every_info_key(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_template(tmp_path / "template.xlsx"))
    rows = list(book[INFO_SHEET].iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == [f.name for f in attrs.fields(DatasetInfo)]
    assert all(r[1] is None and r[2] and r[3] for r in rows)


def test_template_is_written_atomically(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "template.xlsx"
    write_template(target)
    write_template(target)  # overwrites in place
    assert sorted(p.name for p in target.parent.iterdir()) == ["template.xlsx"]


# --- CSV ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "safe"),
    [("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\tx", "'\tx"), ("\rx", "'\rx")],
)
def test_csv_safe_neutralises_formula_starts(raw: str, safe: str) -> None:
    assert csv_safe(raw) == safe


def test_report_csv_has_the_record_columns_and_one_row_per_finding() -> None:
    rows = list(csv.reader(io.StringIO(report_csv(REPORT, "en"))))
    assert tuple(rows[0]) == RECORD_COLUMNS == tuple(REPORT.to_records()[0])
    assert len(rows) == 1 + len(REPORT.findings)
    assert [r[0] for r in rows[1:]] == [f.rule for f in REPORT.findings]
    assert len(list(csv.reader(io.StringIO(report_csv(REPORT, "zh", limit=3))))) == 4


def test_report_csv_of_no_findings_has_the_header() -> None:
    empty = attrs.evolve(REPORT, findings=())
    assert report_csv(empty).splitlines() == [",".join(RECORD_COLUMNS)]


def test_report_csv_neutralises_formula_cells() -> None:
    rows = list(csv.DictReader(io.StringIO(report_csv(crafted_report(), "zh"))))
    crafted = next(r for r in rows if r["rule"] == "zz.crafted")
    assert crafted["message"] == "'" + HOSTILE
    assert crafted["responsible_name"].startswith("'=")
    assert crafted["subject_id"] == "'@sch-x"
    assert crafted["subject_name"] == "'-1+1"
    assert crafted["file"] == "'\tx.csv"
    for row in rows:
        assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for value in row.values())


# --- Excel -------------------------------------------------------------------------------------------------


def test_report_xlsx_has_the_expected_sheets_and_no_formula(tmp_path: Path) -> None:
    path = write_report_xlsx(crafted_report(), tmp_path / "report.xlsx", "zh")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["汇总 Summary", "问题清单 Findings"]
    values = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
                values.append(cell.value)
    texts = [v for v in values if isinstance(v, str)]
    assert not [t for t in texts if t.startswith("=")]
    assert "'" + HOSTILE in texts


def test_report_xlsx_groups_findings_by_responsible_unit(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_report_xlsx(REPORT, tmp_path / "report.xlsx", "en"))
    sheet = book["问题清单 Findings"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    subtotals = [r for r in rows if str(r[2]).startswith("小计 subtotal")]
    details = [r for r in rows if not str(r[2]).startswith("小计 subtotal")]
    assert len(details) == len(REPORT.findings)
    assert sorted(str(r[3]) for r in details) == sorted(f.rule for f in REPORT.findings)
    units = {(f.responsible.id if f.responsible else "") for f in REPORT.findings}
    assert {r[0] for r in subtotals} == units
    assert sum(int(str(r[2]).rsplit(" ", 1)[1]) for r in subtotals) == len(REPORT.findings)
    current = None
    for row in rows:  # each finding sits under its own unit's subtotal row
        if row in subtotals:
            current = row[0]
        else:
            assert row[0] == current


# --- HTML ------------------------------------------------------------------------------------------------


class _Checker(HTMLParser):
    """Collect tags, checking that every non-void element is closed in order."""

    VOID = frozenset({"meta", "br", "hr", "img", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.hrefs.extend(v for k, v in attrs if k == "href" and v)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> without an open element"
        assert self.stack.pop() == tag, f"</{tag}> closes another element"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(text: str) -> _Checker:
    checker = _Checker()
    checker.feed(text)
    checker.close()
    assert checker.stack == [], f"unclosed: {checker.stack}"
    return checker


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_html_is_well_formed_self_contained_and_complete(lang: str) -> None:
    report = crafted_report()
    page = report_html(report, "zh" if lang == "zh" else "en")
    checker = parse_html(page)
    assert "script" not in checker.tags
    assert not {"link", "img", "iframe", "object"} & set(checker.tags)
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    text = "".join(checker.text)
    for finding in report.findings:
        assert finding.rule in text
    assert HOSTILE in text  # shown as text, after unescaping
    assert "摘要 · Summary" in text
    assert all(h.startswith(("http://", "https://", "#unit-")) for h in checker.hrefs)
    assert page == report_html(report, "zh" if lang == "zh" else "en")  # deterministic


def test_report_html_links_citations_and_quotes_clauses() -> None:
    page = report_html(REPORT)
    urls = {c.document_info.url for f in REPORT.findings for c in f.citations if c.document_info.url}
    assert urls
    for url in urls:
        assert f'href="{url}"' in page
    quotes = {c.quote for f in REPORT.findings for c in f.citations if c.quote}
    for quote in quotes:
        assert f"<blockquote>{html.escape(quote)}</blockquote>" in page


def test_report_html_with_a_limit_says_so() -> None:
    page = report_html(REPORT, "en", limit=2)
    parse_html(page)
    assert f"Showing the first 2 of {len(REPORT.findings)} findings." in page


# --- command line ------------------------------------------------------------------------------------------


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="edusupervision")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(list(argv))
    code: int = args.run(args)
    return code


def test_schema_command_prints_either_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert run("schema") == 0
    assert json.loads(capsys.readouterr().out) == datapackage_descriptor()
    assert run("schema", "--format", "jsonschema") == 0
    assert json.loads(capsys.readouterr().out) == json_schema()


def test_schema_command_writes_a_file(tmp_path: Path) -> None:
    assert run("schema", "--format", "jsonschema", "--out", str(tmp_path / "schema.json")) == 0
    assert json.loads((tmp_path / "schema.json").read_text(encoding="utf-8")) == json_schema()


def test_template_command(tmp_path: Path) -> None:
    assert run("template", "--out", str(tmp_path / "t.xlsx")) == 0
    assert openpyxl.load_workbook(tmp_path / "t.xlsx").sheetnames[0] == README_SHEET
    with pytest.raises(OutputUsageError, match=r"FILE\.xlsx"):
        run("template", "--out", str(tmp_path / "t.csv"))


def test_write_report_to_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_report(REPORT, "csv", str(tmp_path / "r.csv"), "zh", None)
    raw = (tmp_path / "r.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())  # so that Excel reads the Chinese text as UTF-8
    assert raw.decode("utf-8-sig") == report_csv(REPORT, "zh")
    write_report(REPORT, "html", str(tmp_path / "r.html"), "en", 5)
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == report_html(REPORT, "en", limit=5)
    write_report(REPORT, "xlsx", str(tmp_path / "r.xlsx"), "zh", None)
    assert openpyxl.load_workbook(tmp_path / "r.xlsx").sheetnames == ["汇总 Summary", "问题清单 Findings"]
    write_report(REPORT, "json", str(tmp_path / "r.json"), "zh", None)
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8")) == REPORT.to_dict()
    write_report(REPORT, "text", str(tmp_path / "r.txt"), "en", None)
    assert (tmp_path / "r.txt").read_text(encoding="utf-8") == REPORT.to_text("en") + "\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.csv", "r.html", "r.json", "r.txt", "r.xlsx"]
    capsys.readouterr()


def test_write_report_needs_a_file_for_a_workbook() -> None:
    with pytest.raises(OutputUsageError, match="--out"):
        write_report(REPORT, "xlsx", None, "zh", None)
    with pytest.raises(OutputUsageError, match="unknown report format"):
        write_report(REPORT, "pdf", None, "zh", None)


def test_dates_in_the_template_info_sheet_are_formatted(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_template(tmp_path / "template.xlsx"))
    sheet = book[INFO_SHEET]
    row = next(r for r in sheet.iter_rows(min_row=2) if r[0].value == "reference_date")
    assert row[1].number_format == "yyyy-mm-dd"
    assert isinstance(SAMPLE.info.reference_date, dt.date)
