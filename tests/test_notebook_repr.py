"""The notebook renderers: escaped, deterministic, complete enough to read a result without printing it."""

from __future__ import annotations

import datetime as dt
import html
import re
from html.parser import HTMLParser

import pytest

from edusupervision import (
    Citation,
    Dataset,
    DatasetInfo,
    Finding,
    Outcome,
    Report,
    Severity,
    consequences,
    sample_dataset,
    validate,
)
from edusupervision._notebook import (
    consequences_html,
    coverage_html,
    dataset_html,
    diff_html,
    finding_html,
    graph_html,
    plan_html,
    profile_html,
    profile_text,
    report_html,
    to_pandas,
)
from edusupervision._rules._model import Ref
from edusupervision.planning import coverage, plan_cycle
from edusupervision.profiles import get_profile, override, resolve
from edusupervision.responsibility import build_graph, parse_clauses

HOSTILE = '<script>alert("x")</script>&'


class _Checker(HTMLParser):
    """Collect the tags; balanced nesting is checked for the elements the renderers open."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag not in ("br",):
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"closing {tag} with nothing open"
        assert self.stack.pop() == tag, f"mis-nested </{tag}>"


def _check(page: str) -> set[str]:
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == [], f"unclosed: {checker.stack}"
    assert "script" not in checker.tags
    assert "<style" not in page
    assert " id=" not in page
    return checker.tags


def _finding(text: str) -> Finding:
    return Finding(
        rule="inspector.training_hours",
        title_zh=text,
        title_en=text,
        severity=Severity.ERROR,
        outcome=Outcome.VIOLATION,
        subject=Ref("inspector", "insp-<1>"),
        subject_name=text,
        responsible=Ref("organisation", "org-1"),
        responsible_name=text,
        message_zh=text,
        message_en=text,
        citations=(Citation("ACC"),),
        evidence={"note": text},
        origin="national",
        location={"table": "inspectors", "row": 3, "file": text},
    )


def test_every_data_value_is_escaped() -> None:
    finding = _finding(HOSTILE)
    report = Report(
        profile="national", as_of=dt.date(2024, 1, 1), dataset=HOSTILE, findings=(finding,), rules=()
    )
    dataset = Dataset(info=DatasetInfo(name=HOSTILE, description=HOSTILE))
    for page in (finding_html(finding), report_html(report), dataset_html(dataset)):
        assert "<script>" not in page
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;" in page
        assert "insp-&lt;1&gt;" in page or page == dataset_html(dataset)
        _check(page)


def test_a_scenario_note_is_escaped_in_the_profile() -> None:
    scenario = get_profile("national").derive("s<1>", override("inspector.ratio", R=4, note=HOSTILE))
    page = profile_html(scenario)
    assert "<script>" not in page
    assert "s&lt;1&gt;" in page
    assert "R=4" in page
    _check(page)


def test_the_report_shows_summary_rules_findings_and_a_cut() -> None:
    report = validate(sample_dataset())
    page = report_html(report, limit=5)
    tags = _check(page)
    assert {"table", "details", "code"} <= tags
    assert "24 error" in page
    assert "inspector.training_hours" in page
    assert "20 more" in page
    assert page.count("<tr>") == 5 + 1 + len({f.rule for f in report.findings}) + 1
    empty = Report(profile="national", as_of=dt.date(2024, 1, 1), dataset="empty", findings=(), rules=())
    assert "no findings" in report_html(empty)


def test_english_messages_on_request() -> None:
    report = validate(sample_dataset())
    finding = report.by_rule("inspector.training_hours")[0]
    page = finding_html(finding, lang="en")
    assert html.escape(finding.message_en) in page
    assert html.escape(finding.title_en) in page
    assert html.escape(finding.message_zh) in finding_html(finding)


def test_renderers_are_deterministic() -> None:
    ds = sample_dataset()
    pages = [
        dataset_html(ds),
        report_html(validate(ds, profile="guangxi")),
        profile_html(resolve("zibo")),
        consequences_html(consequences(ds, profile="guangxi")),
    ]
    again = [
        dataset_html(sample_dataset()),
        report_html(validate(sample_dataset(), profile="guangxi")),
        profile_html(resolve("zibo")),
        consequences_html(consequences(sample_dataset(), profile="guangxi")),
    ]
    assert pages == again
    for page in pages:
        _check(page)


def test_dataset_lists_non_empty_tables_with_their_chinese_names() -> None:
    page = dataset_html(sample_dataset())
    assert re.search(r"<code>schools</code></td><td[^>]*>学校</td><td[^>]*>60<", page)
    assert "2024-12-31" in page


def test_profiles_plain_and_resolved() -> None:
    assert profile_text(get_profile("guangxi")).startswith("<Profile guangxi ← national: ")
    assert "rules" in profile_text(resolve("guangxi"))
    page = profile_html(resolve("guangxi"))
    assert "national → guangxi" in page
    assert "<code>inspector.ratio</code>" in page
    assert "GX" in profile_html(get_profile("guangxi"))


def test_consequences_show_status_and_missing() -> None:
    result = consequences(sample_dataset(), profile="guangxi")
    page = consequences_html(result)
    _check(page)
    assert "missing" in page
    assert "督办" in page
    assert page.count("<tr>") == len(result.measures) + 1


def test_diff_lists_what_a_scenario_changes() -> None:
    ds = sample_dataset()
    scenario = get_profile("national").derive("n-1to4", override("inspector.ratio", R=4))
    page = diff_html(validate(ds).diff(validate(ds, profile=scenario)))
    _check(page)
    assert "1 added" in page
    assert "inspector.ratio" in page


def test_plan_coverage_and_graph_are_duck_typed() -> None:
    ds = sample_dataset()
    plan = plan_cycle(ds, start=dt.date(2025, 1, 1))
    page = plan_html(plan, limit=3)
    _check(page)
    assert "feasible" in page
    assert "青山县" in page
    assert f"{len(plan.supervisions) - 3} more" in page
    assert "58/59" in coverage_html(coverage(ds))
    graph = build_graph(ds, parse_clauses("（责任单位：县教育局、县财政局）"))
    page = graph_html(graph)
    _check(page)
    assert "<code>T1</code>" in page
    assert "青山县教育局" in page


def test_to_pandas_gives_the_next_table() -> None:
    pytest.importorskip("pandas")
    ds = sample_dataset()
    schools = to_pandas(ds, "schools")
    assert len(schools) == 60
    assert schools.loc[0, "stage"] == "kindergarten"
    assert list(to_pandas(consequences(ds, profile="guangxi")).columns)[:3] == [
        "triggered_on",
        "measure",
        "measure_code",
    ]
    assert len(to_pandas(get_profile("zibo"))) == len(resolve("zibo").rules)
    with pytest.raises(ValueError, match="name a table"):
        to_pandas(ds)
    with pytest.raises(TypeError, match="no table"):
        to_pandas(object())
