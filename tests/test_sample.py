"""The bundled sample (青山县, as of 2024-12-31): its deliberate violations, and how the profiles differ on it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest

from edusupervision import (
    Finding,
    Outcome,
    Report,
    SchoolStage,
    Severity,
    SubjectKind,
    sample_dataset,
    validate,
)
from edusupervision._sample import DELIBERATE_VIOLATIONS, REFERENCE_DATE
from edusupervision.profiles import profile_names


@pytest.fixture(scope="module")
def reports() -> dict[str, Report]:
    ds = sample_dataset()
    return {name: validate(ds, profile=name) for name in profile_names()}


def by_rule(report: Report) -> dict[str, set[str]]:
    out: defaultdict[str, set[str]] = defaultdict(set)
    for f in report.findings:
        out[f.rule].add(f.subject.id)
    return dict(out)


def the_finding(report: Report, rule: str, subject: str) -> Finding:
    found = [f for f in report.findings if f.rule == rule and f.subject.id == subject]
    assert len(found) == 1, [f for f in report.findings if f.rule == rule]
    return found[0]


def cited(finding: Finding) -> set[str]:
    return {str(c) for c in finding.citations}


def responsible(finding: Finding) -> str | None:
    return finding.responsible.id if finding.responsible else None


# ----------------------------------------------------------------------------------------------------------
# national: exactly the deliberate violations


def test_sample_is_as_of_its_reference_date(reports: dict[str, Report]) -> None:
    assert sample_dataset().info.reference_date == REFERENCE_DATE == dt.date(2024, 12, 31)
    assert all(r.as_of == REFERENCE_DATE for r in reports.values())


def test_national_finds_exactly_the_deliberate_violations(reports: dict[str, Report]) -> None:
    report = reports["national"]
    assert by_rule(report) == {rule: set(ids) for rule, ids in DELIBERATE_VIOLATIONS.items()}
    assert all(f.outcome is Outcome.VIOLATION for f in report.findings)
    assert len(report.findings) == sum(len(ids) for ids in DELIBERATE_VIOLATIONS.values())


def test_national_inspector_ratio_is_exactly_met(reports: dict[str, Report]) -> None:
    # 59 schools and kindergartens (the training institution is out of scope) need ceil(59/5) = 12
    # responsibility inspectors; the sample has exactly 12.
    summary = next(r for r in reports["national"].rules if r.rule == "inspector.ratio")
    assert summary.counts["compliant"] == 1
    assert summary.counts["violation"] == 0


@pytest.mark.parametrize("profile", profile_names())
def test_every_profile_keeps_the_national_deliberate_violations(
    reports: dict[str, Report], profile: str
) -> None:
    found = {f.key[0::2] for f in reports[profile].findings}
    expected = {(rule, sid) for rule, ids in DELIBERATE_VIOLATIONS.items() for sid in ids}
    assert expected <= found


@pytest.mark.parametrize("profile", profile_names())
def test_findings_are_deterministic_and_cited(reports: dict[str, Report], profile: str) -> None:
    again = validate(sample_dataset(), profile=profile)
    assert again.to_json() == reports[profile].to_json()
    assert again.findings == reports[profile].findings
    for f in reports[profile].findings:
        assert len(f.citations) >= 1, f
        assert f.message_zh
        assert f.message_en


# ----------------------------------------------------------------------------------------------------------
# guangxi


def test_guangxi_committee_needs_two_deputies(reports: dict[str, Report]) -> None:
    f = the_finding(reports["guangxi"], "committee.leadership", "cmt-qs")
    assert (f.outcome, f.severity, responsible(f)) == (Outcome.VIOLATION, Severity.ERROR, "org-qs-gov")
    assert (f.evidence["deputies"], f.evidence["deputies_required"]) == (1, 2)
    assert "GX 二(一)" in cited(f)
    assert "committee.leadership" not in by_rule(reports["national"])


def test_guangxi_market_regulator_has_no_liaison(reports: dict[str, Report]) -> None:
    [f] = reports["guangxi"].by_rule("committee.liaison")
    assert f.subject.id == "cmt-qs/org-qs-market"
    assert (f.outcome, f.severity, responsible(f)) == (Outcome.VIOLATION, Severity.ERROR, "org-qs-market")
    assert f.evidence["liaison"] is None
    assert "GX 二(二)" in cited(f)


def test_guangxi_unqualified_inspector_not_dismissed(reports: dict[str, Report]) -> None:
    f = the_finding(reports["guangxi"], "inspector.assessment", "insp-15")
    assert (f.outcome, f.severity, responsible(f)) == (Outcome.VIOLATION, Severity.ERROR, "org-qs-gov")
    assert (f.evidence["year"], f.evidence["result"], f.evidence["dismissed_on"]) == (
        2023,
        "unqualified",
        None,
    )
    assert "GX 三(一)" in cited(f)
    assert [f.subject.id for f in reports["guangxi"].by_rule("inspector.assessment")] == ["insp-15"]


@pytest.mark.parametrize(("profile", "citation"), [("guangxi", "GX 三(一)"), ("zibo", "ZB 10")])
def test_full_time_share_decreased(reports: dict[str, Report], profile: str, citation: str) -> None:
    # 4 of 16 inspectors are full-time now; a year earlier 4 of 15 (insp-16 was appointed in March 2024).
    f = the_finding(reports[profile], "inspector.full_time_share", "org-qs-body")
    assert (f.outcome, f.severity, responsible(f)) == (Outcome.VIOLATION, Severity.WARNING, "org-qs-gov")
    assert list(f.evidence["failed"]) == ["decreased"]
    assert f.evidence["share"] == pytest.approx(0.25)
    assert f.evidence["previous_share"] == pytest.approx(4 / 15, abs=1e-4)
    assert citation in cited(f)


def test_guangxi_counts_all_inspectors_so_the_ratio_holds(reports: dict[str, Report]) -> None:
    assert reports["guangxi"].by_rule("inspector.ratio") == ()
    [na] = reports["guangxi"].by_rule("inspector.large_school")
    assert na.outcome is Outcome.NOT_APPLICABLE


# ----------------------------------------------------------------------------------------------------------
# chongqing


def test_chongqing_counts_full_time_inspectors(reports: dict[str, Report]) -> None:
    f = the_finding(reports["chongqing"], "inspector.ratio", "div-qingshan")
    assert (f.outcome, f.severity, responsible(f)) == (Outcome.VIOLATION, Severity.WARNING, "org-qs-gov")
    assert (f.evidence["schools"], f.evidence["inspectors"], f.evidence["required"]) == (59, 4, 12)
    assert f.evidence["counts"] == "full_time"
    assert "CQ 12" in cited(f)


def test_chongqing_has_no_chief_inspector_at_county_level(reports: dict[str, Report]) -> None:
    f = the_finding(reports["chongqing"], "body.chief_inspector", "org-qs-body")
    assert (f.outcome, f.severity, responsible(f)) == (Outcome.VIOLATION, Severity.ERROR, "org-qs-gov")
    assert "CQ 2" in cited(f)
    assert "body.chief_inspector" not in by_rule(reports["national"])


def test_chongqing_monthly_visits_hold_for_compulsory_schools(reports: dict[str, Report]) -> None:
    # The sample visits every school in every teaching month, except sch-005 and sch-058 (kindergartens).
    assert by_rule(reports["chongqing"])["school.regular_visits"] == {"sch-005", "sch-058"}
    for f in reports["chongqing"].by_rule("school.regular_visits"):
        assert list(f.evidence["failed"]) == ["per_semester"]


# ----------------------------------------------------------------------------------------------------------
# zibo


def test_zibo_visit_burden_not_applicable_without_m(reports: dict[str, Report]) -> None:
    [f] = reports["zibo"].by_rule("school.visit_burden")
    assert (f.outcome, f.severity) == (Outcome.NOT_APPLICABLE, Severity.INFO)


# ----------------------------------------------------------------------------------------------------------
# weihai-etdz


def test_weihai_full_time_share_below_thirty_percent(reports: dict[str, Report]) -> None:
    f = the_finding(reports["weihai-etdz"], "inspector.full_time_share", "org-qs-body")
    assert (f.outcome, f.severity, responsible(f)) == (Outcome.VIOLATION, Severity.ERROR, "org-qs-gov")
    assert f.evidence["share"] == pytest.approx(0.25)
    assert f.evidence["minimum"] == pytest.approx(0.30)
    assert "below_minimum" in f.evidence["failed"]
    assert "WH (六)" in cited(f)


def test_weihai_retiree_hired_too_late(reports: dict[str, Report]) -> None:
    [f] = reports["weihai-etdz"].by_rule("inspector.retiree_recency")
    assert f.subject.id == "insp-14"
    assert (f.outcome, f.severity, responsible(f)) == (Outcome.VIOLATION, Severity.ERROR, "org-qs-gov")
    assert (f.evidence["retired_on"], f.evidence["appointed_on"]) == (
        dt.date(2014, 7, 31),
        dt.date(2018, 9, 1),
    )
    assert "WH (六)" in cited(f)


def test_weihai_report_upward_misses_its_extra_items(reports: dict[str, Report]) -> None:
    f = the_finding(reports["weihai-etdz"], "body.report_upward", "org-qs-body")
    assert (f.outcome, f.severity) == (Outcome.VIOLATION, Severity.ERROR)
    assert set(f.evidence["missing_items"]) == {"annual_report", "staff_changes"}
    assert "WH (四)" in cited(f)
    assert "body.report_upward" not in by_rule(reports["national"])


def test_weihai_liaison_rule_applies(reports: dict[str, Report]) -> None:
    assert by_rule(reports["weihai-etdz"])["committee.liaison"] == {"cmt-qs/org-qs-market"}


def test_weihai_comprehensive_supervision_every_school_year(reports: dict[str, Report]) -> None:
    # Every school without a comprehensive (or term-end) supervision in 2023-09-01 .. 2024-08-31.
    ds = sample_dataset()
    start, end = dt.date(2023, 9, 1), dt.date(2024, 8, 31)
    supervised = {
        s.subject_id
        for s in ds.supervisions
        if s.subject_kind is SubjectKind.SCHOOL and s.type.is_comprehensive and start <= s.start <= end
    }
    expected = {
        s.id for s in ds.schools if s.stage is not SchoolStage.OFF_CAMPUS_TRAINING and s.id not in supervised
    }
    assert "sch-031" in expected
    assert {"sch-015", "sch-030", "sch-045"} <= expected  # supervised in September 2024: the next 学年
    findings = reports["weihai-etdz"].by_rule("school.comprehensive_cycle")
    assert {f.subject.id for f in findings} == expected
    for f in findings:
        assert (f.outcome, f.severity) == (Outcome.VIOLATION, Severity.WARNING)
        assert f.evidence["window"] == "2023-2024学年"
        assert "WH (十)" in cited(f)


@pytest.mark.parametrize("profile", profile_names())
def test_every_message_has_its_placeholders_filled(profile: str) -> None:
    for finding in validate(sample_dataset(), profile=profile).findings:
        for message in (finding.message_zh, finding.message_en):
            assert message
            assert "{" not in message, (finding.rule, message)
