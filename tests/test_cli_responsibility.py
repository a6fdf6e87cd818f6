"""The ``edusupervision responsibility`` command: the parse and resolve JSON contracts and the exit codes."""

from __future__ import annotations

import argparse
import io
import json
import sys
from typing import TYPE_CHECKING, Any

from edusupervision._cli import _parser, main
from edusupervision._cli_responsibility import register
from edusupervision._errors import EduSupervisionError
from edusupervision._io._formats import save
from edusupervision._sample import sample_dataset

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

CLAUSE_KEYS = {
    "raw",
    "start",
    "end",
    "units",
    "lead",
    "leads",
    "co_responsible",
    "roles",
    "collectives",
    "convention",
}
ZB_TEXT = (
    "1.规范设置教育督导机构。责任单位:市政府教育督导委员会成员单位,区县(含高新区、经济开发区、"
    "文昌湖省级旅游度假区,下同)党委、政府〕\n"
    "5.加强督导队伍建设。(责任单位:市教育局,市及区县教育督导机构)\n"
)


def _wired() -> bool:
    """Return whether the main command already has the responsibility command (the lead wires it)."""
    actions = [a for a in _parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return any("responsibility" in a.choices for a in actions)


def _run(argv: list[str]) -> int:
    if _wired():
        return main(argv)
    parser = argparse.ArgumentParser(prog="edusupervision")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except (EduSupervisionError, OSError) as exc:  # what main() does with bad input
        sys.stderr.write(f"edusupervision {args.command}: {exc}\n")
        return 2
    return code


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = _run(list(argv))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    out, err = capsys.readouterr()
    return code, out, err


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_parse_file_prints_the_clause_contract(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "zb.txt"
    text.write_text(ZB_TEXT, encoding="utf-8")
    code, out, _ = cli(capsys, "responsibility", "parse", str(text), "--format", "json")
    assert code == 0
    document: dict[str, Any] = json.loads(out)
    assert list(document) == ["clauses"]
    first, second = document["clauses"]
    assert set(first) >= CLAUSE_KEYS
    assert first["lead"] == "市政府教育督导委员会成员单位"
    assert first["roles"] == {"responsible": ["市政府教育督导委员会成员单位", "区县党委", "政府"]}
    assert first["convention"] == "first_listed_implied"
    assert second["units"] == ["市教育局", "市及区县教育督导机构"]
    assert ZB_TEXT[first["start"] : first["end"]] == first["raw"]
    assert first["start"] < second["start"]


def test_parse_reads_stdin_in_utf8_or_gb18030(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _stdin(monkeypatch, ZB_TEXT.encode("gb18030"))
    code, out, _ = cli(capsys, "responsibility", "parse", "-", "--format", "json")
    assert code == 0
    assert len(json.loads(out)["clauses"]) == 2
    _stdin(monkeypatch, "（责任单位：县教育局）".encode())
    code, out, _ = cli(capsys, "responsibility", "parse")
    assert json.loads(out)["clauses"][0]["lead"] == "县教育局"
    _stdin(monkeypatch, "没有责任单位清单的文字。".encode())
    code, out, _ = cli(capsys, "responsibility", "parse", "-", "--format", "text")
    assert (code, out) == (0, "")


def test_parse_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "responsibility", "parse", str(tmp_path / "missing.txt"))
    assert code == 2
    assert "missing.txt" in err
    code, _, err = cli(capsys, "responsibility", "parse", str(tmp_path))
    assert code == 2
    assert "is a folder" in err
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    code, _, err = cli(capsys, "responsibility", "parse", str(bad), "--encoding", "ascii")
    assert code == 2
    assert "cannot decode" in err
    code, _, _ = cli(capsys, "responsibility", "parse", "--format", "yaml")
    assert code == 2


def test_resolve_prints_each_clause_with_its_organisations(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = save(sample_dataset(), tmp_path / "sample.json")
    text = tmp_path / "t.txt"
    text.write_text(
        "（责任单位：县教育局、县财政局、乡镇人民政府）\n（责任单位：市教育局、县教育局）", encoding="utf-8"
    )
    code, out, _ = cli(
        capsys, "responsibility", "resolve", str(data), "--text", str(text), "--format", "json"
    )
    assert code == 0
    document = json.loads(out)
    assert document["root_division_id"] == "div-qingshan"
    assert document["problems"] == []
    first, second = document["clauses"]
    assert first["task_id"] == "T1"
    assert set(first) >= CLAUSE_KEYS
    resolved = {(u["organisation_id"], u["role"]) for u in first["resolved"]}
    assert ("org-qs-edu", "lead") in resolved
    assert ("org-xh-gov", "co_responsible") in resolved
    assert all(u["path"] for u in first["resolved"])
    assert second["resolved"][0]["organisation_id"] == "org-yz-edu"  # 市 is the city above the county


def test_resolve_exits_1_on_error_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = save(sample_dataset(), tmp_path / "sample.json")
    text = tmp_path / "t.txt"
    text.write_text("（责任单位：县教肓局、县财政局）", encoding="utf-8")
    code, out, _ = cli(
        capsys, "responsibility", "resolve", str(data), "--text", str(text), "--task-prefix", "X-"
    )
    assert code == 1
    (problem,) = json.loads(out)["problems"]
    assert problem["code"] == "responsibility.unknown_unit"
    assert problem["task_id"] == "X-1"
    assert problem["candidates"][0] == {"id": "org-qs-edu", "name": "青山县教育局"}
    code, out, _ = cli(
        capsys, "responsibility", "resolve", str(data), "--text", str(text), "--format", "text"
    )
    assert code == 1
    assert "responsibility.unknown_unit" in out


def test_resolve_without_text_prints_the_graph_checks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = save(sample_dataset(), tmp_path / "sample.json")
    code, out, _ = cli(capsys, "responsibility", "resolve", str(data))
    assert code == 0
    document = json.loads(out)
    assert document["clauses"] == []
    assert document["problems"] == []


def test_resolve_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(capsys, "responsibility", "resolve", str(tmp_path / "none.json"))
    assert code == 2
    assert "no dataset" in err
    data = save(sample_dataset(), tmp_path / "sample.json")
    code, _, err = cli(capsys, "responsibility", "resolve", str(data), "--root", "div-nowhere")
    assert code == 2
    assert "div-nowhere" in err
    code, _, err = cli(capsys, "responsibility", "resolve", str(data), "--text", str(tmp_path / "no.txt"))
    assert code == 2
