"""The examples: the embedding example runs as written; the notebooks are stored clean (no outputs)."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from collections.abc import Callable

EXAMPLES = Path(__file__).parents[1] / "examples"


def test_embed_app_reports_findings_and_refuses_a_broken_edit(capsys: pytest.CaptureFixture[str]) -> None:
    namespace = runpy.run_path(str(EXAMPLES / "embed_app.py"), run_name="embed_app")
    main: Callable[[], int] = namespace["main"]
    assert main() == 0
    out = capsys.readouterr().out
    assert "as saved: error: school.comprehensive_cycle" in out
    assert "term end moved to 2023-08-31: error: school.principal_term_end" in out
    assert "moved to an unknown county: refused:" in out
    assert "div-nowhere" in out


def test_the_form_validates_only_the_rules_an_edit_can_change() -> None:
    namespace = runpy.run_path(str(EXAMPLES / "embed_app.py"), run_name="embed_app")
    form = namespace["SchoolForm"](namespace["sample_dataset"](), "sch-001", profile="guangxi")
    assert "school.comprehensive_cycle" in form.rules
    assert "inspector.training_hours" not in form.rules
    assert all(f.subject.id in ("sch-001", "div-qingshan") for f in form.findings())


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebooks_are_stored_without_outputs(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
    assert code
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    assert notebook["cells"][0]["cell_type"] == "markdown"
