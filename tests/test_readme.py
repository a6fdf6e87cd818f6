"""The README's Python example runs as written, and its two commands are what CI runs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

README = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")


def test_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    match = re.search(r"## In Python\n\n```python\n(.*?)```", README, re.DOTALL)
    assert match is not None
    exec(compile(match.group(1), "README.md", "exec"), {})  # noqa: S102 - running the project's own README example
    out = capsys.readouterr().out
    assert "inspector.training_hours" in out
    assert "+ inspector.ratio div-qingshan" in out  # the 1:4 scenario adds a ratio finding
    assert "who must act:" in out


def test_readme_opens_with_the_two_ci_commands() -> None:
    main = README.index("<!-- ci:main -->")
    tests = README.index("<!-- ci:tests -->")
    assert main < tests < README.index("## In Python")
    ci = (Path(__file__).parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert "ci:$1" in ci
    assert "for job in main tests" in ci
