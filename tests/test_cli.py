"""The command line: exit codes, the three report formats, rules/profiles listings, and bad input (exit 2)."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

import pytest

from edusupervision import sample_dataset, validate
from edusupervision._cli import main
from edusupervision._io._outputs import csv_safe as _csv_safe
from edusupervision._sample import DELIBERATE_VIOLATIONS
from edusupervision.profiles import PROFILES, resolve

if TYPE_CHECKING:
    from pathlib import Path

FINDING_KEYS = {
    "rule",
    "severity",
    "outcome",
    "subject",
    "responsible",
    "message",
    "citations",
    "evidence",
    "location",
}
RULE_KEYS = {"id", "title", "severity", "modality", "parameters", "citations", "origin"}


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line; return (exit code, stdout, stderr), counting argparse's exits too."""
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def findings_of(out: str) -> list[dict[str, Any]]:
    document = json.loads(out)
    findings: list[dict[str, Any]] = document["findings"]
    return findings


def without_file(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop the file path from locations (present only for data read from files)."""
    out = []
    for f in findings:
        location = None if f["location"] is None else {k: v for k, v in f["location"].items() if k != "file"}
        out.append({**f, "location": location})
    return out


@pytest.fixture
def sample_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    target = tmp_path / "sample"
    code, _out, err = cli(capsys, "sample", "--out", str(target))
    assert code == 0, err
    assert (target / "schools.csv").is_file()
    return target


# --- validate -------------------------------------------------------------------------------------------------------


def test_validate_sample_exits_1_and_prints_the_text_report(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "validate")
    assert code == 1
    assert err == ""
    head = out.splitlines()[0]
    assert "profile national" in head
    assert "as of 2024-12-31" in head
    for rule in DELIBERATE_VIOLATIONS:
        assert rule in out
    assert "ERROR" in out
    assert "西河镇人民政府" in out  # messages in Chinese by default


def test_validate_text_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = cli(capsys, "validate", "--lang", "en")
    assert code == 1
    assert "has no 2023 education-duty evaluation" in out


def test_validate_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = cli(capsys, "validate", "--exit-zero")
    assert code == 0
    assert "government.duty_evaluation" in out


def test_validate_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = cli(capsys, "validate", "--format", "json")
    assert code == 1
    document = json.loads(out)
    assert {"profile", "as_of", "summary", "findings"} <= set(document)
    assert (document["profile"], document["as_of"]) == ("national", "2024-12-31")
    assert document["summary"]["error"] >= len(DELIBERATE_VIOLATIONS)
    assert document["findings"]
    for f in document["findings"]:
        assert set(f) >= FINDING_KEYS
        assert {"kind", "id"} <= set(f["subject"])
        assert {"zh", "en"} <= set(f["message"])
        assert f["citations"]
        for c in f["citations"]:
            assert {"document", "clause"} <= set(c)
        assert f["severity"] in {"error", "warning", "info"}
        assert f["outcome"] in {"violation", "undeterminable", "not_applicable"}
        assert isinstance(f["evidence"], dict)
        assert f["responsible"] is None or {"kind", "id"} <= set(f["responsible"])
    expected = {(f.rule, f.subject.id) for f in validate(sample_dataset()).findings}
    assert {(f["rule"], f["subject"]["id"]) for f in document["findings"]} == expected


def test_validate_json_profile_and_as_of(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = cli(
        capsys, "validate", "--format", "json", "--profile", "guangxi", "--as-of", "2023-12-31"
    )
    assert code in (0, 1)
    document = json.loads(out)
    assert (document["profile"], document["as_of"]) == ("guangxi", "2023-12-31")


def test_validate_with_a_profile_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "n-1to4.toml"
    path.write_text(
        'name = "n-1to4"\nparent = "national"\n[[changes]]\nrule = "inspector.ratio"\nparams = { R = 4 }\n',
        encoding="utf-8",
    )
    code, out, err = cli(capsys, "validate", "--format", "json", "--profile", str(path))
    assert code == 1, err
    document = json.loads(out)
    assert document["profile"] == "n-1to4"
    (ratio,) = [f for f in document["findings"] if f["rule"] == "inspector.ratio"]
    assert ratio["evidence"]["R"] == 4


def test_validate_csv_one_row_per_finding(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = cli(capsys, "validate", "--format", "csv")
    assert code == 1
    rows = list(csv.reader(io.StringIO(out)))
    header, body = rows[0], rows[1:]
    assert {"rule", "severity", "outcome", "subject_kind", "subject_id", "message", "citations"} <= set(
        header
    )
    assert len(body) == len(validate(sample_dataset()).findings)
    assert all(len(r) == len(header) for r in body)
    by_name = [dict(zip(header, r, strict=True)) for r in body]
    assert {(r["rule"], r["subject_id"]) for r in by_name} == {
        (f.rule, f.subject.id) for f in validate(sample_dataset()).findings
    }


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("青山县", "青山县"),
        ("", ""),
        (None, ""),
        (12, "12"),
        ("a=b", "a=b"),
    ],
)
def test_csv_safe(raw: object, safe: str) -> None:
    assert _csv_safe(raw) == safe


def test_csv_cells_beginning_with_equals_are_neutralised(
    sample_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    orgs = sample_dir / "organisations.csv"
    text = orgs.read_text(encoding="utf-8")
    assert "西河镇人民政府" in text
    orgs.write_text(text.replace("西河镇人民政府", '=HYPERLINK("http://evil")'), encoding="utf-8")
    code, out, err = cli(capsys, "validate", str(sample_dir), "--format", "csv")
    assert code == 1, err
    rows = list(csv.DictReader(io.StringIO(out)))
    (row,) = [r for r in rows if r["subject_id"] == "org-xh-gov"]
    assert row["subject_name"] == '\'=HYPERLINK("http://evil")'
    assert row["message"].startswith("'=")
    assert not any(cell.startswith(("=", "+", "@")) for r in rows for cell in r.values())


def test_sample_round_trip_gives_the_same_findings(
    sample_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code_mem, out_mem, _ = cli(capsys, "validate", "--format", "json")
    code_dir, out_dir, err = cli(capsys, "validate", str(sample_dir), "--format", "json")
    assert code_mem == code_dir == 1, err
    from_dir = findings_of(out_dir)
    assert without_file(from_dir) == without_file(findings_of(out_mem))
    located = [f["location"] for f in from_dir if f["location"] is not None]
    assert located
    assert all("file" in loc and str(sample_dir) in loc["file"] for loc in located)


def test_sample_json_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "sample.json"
    assert cli(capsys, "sample", "--out", str(target))[0] == 0
    _, out_mem, _ = cli(capsys, "validate", "--format", "json")
    _, out_file, err = cli(capsys, "validate", str(target), "--format", "json")
    assert without_file(findings_of(out_file)) == without_file(findings_of(out_mem)), err


# --- rules and profiles ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", list(PROFILES))
def test_rules_json_lists_every_effective_rule(profile: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = cli(capsys, "rules", "--profile", profile, "--format", "json")
    assert code == 0
    rules = json.loads(out)
    resolved = resolve(profile)
    assert [r["id"] for r in rules] == list(resolved.rules)
    for r in rules:
        assert set(r) >= RULE_KEYS
        assert {"zh", "en"} <= set(r["title"])
        assert r["severity"] in {"error", "warning", "info"}
        assert r["citations"], r["id"]
        assert all({"document", "clause"} <= set(c) for c in r["citations"])
        assert r["origin"] == resolved.rules[r["id"]].origin
        assert isinstance(r["parameters"], dict)


def test_rules_json_shows_profile_parameters(capsys: pytest.CaptureFixture[str]) -> None:
    _code, out, _err = cli(capsys, "rules", "--profile", "guangxi", "--format", "json")
    rules = {r["id"]: r for r in json.loads(out)}
    assert rules["committee.leadership"]["parameters"]["deputies"] == 2
    assert rules["inspector.ratio"]["parameters"]["counts"] == "all"
    assert (rules["inspector.ratio"]["severity"], rules["inspector.ratio"]["modality"]) == ("error", "MUST")
    assert "GX" in {c["document"] for c in rules["committee.office_host"]["citations"]}
    assert rules["committee.office_host"]["origin"] == "guangxi"


def test_rules_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = cli(capsys, "rules", "--profile", "weihai-etdz")
    assert code == 0
    for rule_id in resolve("weihai-etdz").rules:
        assert rule_id in out


def test_profiles(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = cli(capsys, "profiles")
    assert code == 0
    for name in PROFILES:
        assert name in out
    code, out, _err = cli(capsys, "profiles", "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert [r["name"] for r in rows] == list(PROFILES)
    assert {r["name"]: r["rules"] for r in rows} == {n: len(resolve(n).rules) for n in PROFILES}


# --- bad input: exit 2, a message, no traceback ---------------------------------------------------------------------


def assert_bad_input(result: tuple[int, str, str], *words: str) -> None:
    code, _out, err = result
    assert code == 2
    assert err.strip(), "no message on stderr"
    assert "Traceback" not in err
    for word in words:
        assert word in err, f"{word!r} not in {err!r}"


def test_nonexistent_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert_bad_input(cli(capsys, "validate", str(tmp_path / "nowhere")), "nowhere")


def test_unknown_profile(capsys: pytest.CaptureFixture[str]) -> None:
    assert_bad_input(cli(capsys, "validate", "--profile", "atlantis"), "atlantis")
    assert_bad_input(cli(capsys, "rules", "--profile", "atlantis"), "atlantis")


@pytest.mark.parametrize("day", ["2024-13-01", "31/12/2024", "yesterday"])
def test_bad_as_of(day: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert_bad_input(cli(capsys, "validate", "--as-of", day), day)


def test_csv_with_non_numeric_student_count(sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = sample_dir / "schools.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    column = rows[0].index("student_count")
    rows[3][column] = "很多"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    code, out, err = cli(capsys, "validate", str(sample_dir), "--lang", "en")
    assert code == 1  # readable, with errors: the bad row is reported as a located format finding
    assert "Traceback" not in err
    for word in ("format.invalid_value", "schools.csv", "row 3", "student_count", "很多"):
        assert word in out, f"{word!r} not in the report"


def test_json_file_that_is_not_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{this is not json", encoding="utf-8")
    assert_bad_input(cli(capsys, "validate", str(path)), "broken.json")


def test_bad_profile_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        'name = "bad"\n[[changes]]\nrule = "inspector.ratio"\nparams = { Q = 4 }\n', encoding="utf-8"
    )
    assert_bad_input(cli(capsys, "validate", "--profile", str(path)), "Q")


def test_unknown_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert_bad_input(cli(capsys, "frobnicate"))
