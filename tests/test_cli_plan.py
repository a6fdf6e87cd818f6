"""The ``plan`` and ``coverage`` commands, on a fresh parser until the main CLI registers them."""

from __future__ import annotations

import argparse
import csv
import io
import json
from typing import TYPE_CHECKING

import pytest

from edusupervision import sample_dataset
from edusupervision._cli_plan import register
from edusupervision._errors import EduSupervisionError
from edusupervision.planning import PlannedSupervision, check_plan, plan_cycle

if TYPE_CHECKING:
    from pathlib import Path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="edusupervision")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(list(argv))
    code = args.run(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_plan_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "plan", "--start", "2025-01-01", "--format", "json")
    assert code == 0
    assert err == ""
    document = json.loads(out)
    assert set(document) == {"plan", "summary", "unscheduled"}
    first = document["plan"][0]
    assert {"school_id", "date", "team"} <= set(first)
    assert len(first["team"]) == 3
    assert document["summary"]["feasible"] is True
    assert document["summary"]["supervisions"] == len(document["plan"]) == 68
    api = plan_cycle(sample_dataset(), start=__import__("datetime").date(2025, 1, 1))
    assert document == json.loads(api.to_json())


def test_plan_csv_one_row_per_school_date_team(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "plan", "--start", "2025-09-01", "--years", "1", "--profile", "weihai-etdz", "--format", "csv"
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 59
    assert len({(r["school_id"], r["date"], r["team"]) for r in rows}) == 59
    assert all(len(r["team"].split(";")) == 3 for r in rows)
    ds = sample_dataset()
    plan = plan_cycle(ds, profile="weihai-etdz", start=__import__("datetime").date(2025, 9, 1), years=1)
    assert [PlannedSupervision.__name__]
    assert check_plan(ds, plan) == []


def test_plan_infeasible_exits_1_with_reasons(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(
        capsys, "plan", "--start", "2025-01-01", "--profile", "weihai-etdz", "--max-per-month", "1"
    )
    assert code == 1
    assert "needs" in err
    assert "more inspector(s) in 青山县" in err
    assert json.loads(out)["summary"]["reasons"]


def test_plan_policy_flags(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "plan", "--start", "2025-01-01", "--team-size", "4", "--closed-months", "1,2,7,8,12"
    )
    assert code == 0
    document = json.loads(out)
    assert all(len(p["team"]) == 4 and not p["date"].startswith("2025-12") for p in document["plan"])
    assert document["summary"]["policy"]["closed_months"] == [1, 2, 7, 8, 12]


def test_plan_bad_input_raises_library_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        run(capsys, "plan", "--start", "2025-13-01")
    with pytest.raises(EduSupervisionError):
        run(capsys, "plan", "--start", "2025-01-01", "--closed-months", "1,2,3,4,5,6,7,8,9,10,11,12")
    with pytest.raises((EduSupervisionError, OSError)):
        run(capsys, "plan", str(tmp_path / "missing.json"), "--start", "2025-01-01")


def test_coverage_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "coverage", "--format", "json")
    assert code == 0
    assert json.loads(out)["jurisdictions"][-1]["overdue"] == ["sch-031"]
    code, out, _ = run(capsys, "coverage")
    assert "58/59 covered" in out
    code, out, _ = run(capsys, "coverage", "--format", "csv", "--as-of", "2024-06-30")
    assert out.startswith("school_id,")
