"""The generated reference pages in docs/ match the code (regenerate: python -m edusupervision._docs docs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from edusupervision import datapackage_descriptor
from edusupervision._docs import PAGES

DOCS = Path(__file__).parents[1] / "docs"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_generated_page_is_current(name: str) -> None:
    committed = (DOCS / name).read_text(encoding="utf-8")
    assert committed == PAGES[name](), f"docs/{name} is stale: run python -m edusupervision._docs docs"


def test_format_page_documents_every_column_with_its_chinese_alias() -> None:
    page = PAGES["format.md"]()
    assert "| `student_count` | 学生数、在校生数 | integer or empty | no |" in page
    assert "| `stage` | 学校类型、学段 | code: `kindergarten` 幼儿园" in page
    assert "Read by: `inspector.training_hours`" in page  # trainings


def test_descriptor_types_come_from_the_model() -> None:
    resources = {r["name"]: r for r in datapackage_descriptor()["resources"]}
    fields = {f["name"]: f for f in resources["schools"]["schema"]["fields"]}
    assert fields["student_count"]["type"] == "integer"
    assert fields["head_term_end"]["type"] == "date"
    assert fields["legal_person"]["type"] == "boolean"
    assert fields["stage"]["constraints"]["enum"][0] == "kindergarten"
    assert fields["id"]["constraints"] == {"required": True}
    assert {"fields": "division_id", "reference": {"resource": "divisions", "fields": "id"}} in resources[
        "schools"
    ]["schema"]["foreignKeys"]
