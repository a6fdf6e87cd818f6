"""Rules of the RULEBOOK section "Responsibility zones and school supervision (督学)", through ``validate``.

Every rule gets a compliant case (no finding for the subject, and the rule did evaluate it) and a violating
case (rule, subject, outcome, severity, responsible unit, evidence, citations) under a profile where it
applies, with the date boundaries that decide them: the last complete semester (autumn 1 Sept - 31 Jan,
spring 1 Feb - 31 Jul), the rolling five-year window, the last complete 学年, the term-end due date.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest

from edusupervision import (
    Assignment,
    Dataset,
    DatasetInfo,
    Division,
    DivisionKind,
    Employment,
    Finding,
    Inspector,
    Organisation,
    OrgKind,
    Outcome,
    Report,
    School,
    SchoolStage,
    Severity,
    SubjectKind,
    Supervision,
    SupervisionFunction,
    SupervisionType,
    Visit,
    Zone,
)
from edusupervision.profiles import Profile, get_profile, override
from rule_checks import assert_compliant, assert_not_evaluated, findings, run, the_finding
from rule_checks import cited_clauses as cited

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

AS_OF = dt.date(2024, 12, 31)
CITY = "div-city"
COUNTY = "div-county"
GOV = "org-gov"
BODY = "org-body"

DIVISIONS = (
    Division(id=CITY, name="云州市", kind=DivisionKind.PREFECTURE_CITY),
    Division(id=COUNTY, name="青山县", kind=DivisionKind.COUNTY, parent_id=CITY),
)
ORGANISATIONS = (
    Organisation(id="org-city-gov", name="云州市人民政府", kind=OrgKind.GOVERNMENT, division_id=CITY),
    Organisation(
        id="org-city-edu",
        name="云州市教育局",
        kind=OrgKind.EDUCATION_AUTHORITY,
        division_id=CITY,
        parent_id="org-city-gov",
    ),
    Organisation(
        id="org-city-body",
        name="云州市人民政府教育督导室",
        kind=OrgKind.SUPERVISION_BODY,
        division_id=CITY,
        parent_id="org-city-gov",
    ),
    Organisation(id=GOV, name="青山县人民政府", kind=OrgKind.GOVERNMENT, division_id=COUNTY),
    Organisation(
        id="org-edu", name="青山县教育局", kind=OrgKind.EDUCATION_AUTHORITY, division_id=COUNTY, parent_id=GOV
    ),
    Organisation(
        id=BODY,
        name="青山县人民政府教育督导室",
        kind=OrgKind.SUPERVISION_BODY,
        division_id=COUNTY,
        parent_id=GOV,
    ),
)
ZONES = (Zone(id="z1", name="第1责任区", division_id=COUNTY, body_id=BODY),)


# ----------------------------------------------------------------------------------------------------------
# Builders and assertions


def dataset(**tables: Sequence[Any]) -> Dataset:
    base = Dataset(
        info=DatasetInfo(name="test", reference_date=AS_OF, root_division_id=COUNTY),
        divisions=DIVISIONS,
        organisations=ORGANISATIONS,
        zones=ZONES,
    )
    return base.evolve(**tables)


def school(sid: str, stage: SchoolStage = SchoolStage.PRIMARY, **fields: Any) -> School:
    values: dict[str, Any] = {"zone_id": "z1", "administered_by": "org-edu"}
    values.update(fields)
    return School(id=sid, name=f"学校{sid}", stage=stage, division_id=COUNTY, **values)


def inspector(iid: str, **fields: Any) -> Inspector:
    values: dict[str, Any] = {
        "name": f"督学{iid}",
        "employment": Employment.FULL_TIME,
        "responsibility": True,
        "appointed_by": GOV,
        "division_id": COUNTY,
        "appointed_on": dt.date(2018, 9, 1),
    }
    values.update(fields)
    return Inspector(id=iid, **values)


def visits(school_id: str, days: Iterable[dt.date], inspector_id: str = "i1") -> list[Visit]:
    return [
        Visit(id=f"v-{school_id}-{d.isoformat()}", inspector_id=inspector_id, school_id=school_id, date=d)
        for d in days
    ]


def supervision(
    sid: str, school_id: str, start: dt.date, kind: SupervisionType = SupervisionType.COMPREHENSIVE
) -> Supervision:
    return Supervision(
        id=sid,
        function=SupervisionFunction.SCHOOL,
        type=kind,
        body_id=BODY,
        subject_kind=SubjectKind.SCHOOL,
        subject_id=school_id,
        start=start,
    )


def assert_violation(finding: Finding, severity: Severity, responsible: str | None = BODY) -> None:
    assert finding.outcome is Outcome.VIOLATION
    assert finding.severity is severity
    assert (finding.responsible.id if finding.responsible else None) == responsible


def assert_not_applicable(report: Report, rule: str, parameter: str) -> None:
    [f] = report.by_rule(rule)
    assert f.outcome is Outcome.NOT_APPLICABLE
    assert f.severity is Severity.INFO
    assert f.subject.id == COUNTY
    assert parameter in f.message_en


# ----------------------------------------------------------------------------------------------------------
# zone.coverage: every school and kindergarten in a zone, with an active responsibility inspector


def test_coverage_school_in_a_zone_with_an_inspector_complies() -> None:
    ds = dataset(
        schools=[
            school("s1", SchoolStage.KINDERGARTEN),
            school("tr", SchoolStage.OFF_CAMPUS_TRAINING, zone_id=None),
        ],
        inspectors=[inspector("i1")],
        assignments=[Assignment(id="a1", inspector_id="i1", school_id="s1", start=dt.date(2021, 9, 1))],
    )
    assert_compliant(
        run(ds, "zone.coverage"), "zone.coverage", "s1"
    )  # the training institution is out of scope


def test_coverage_violations_name_what_is_missing() -> None:
    ds = dataset(
        schools=[
            school("no-zone", zone_id=None),
            school("ended"),
            school("dismissed"),
            school("nothing", zone_id=None),
        ],
        inspectors=[inspector("i1"), inspector("i2", dismissed_on=dt.date(2024, 7, 1))],
        assignments=[
            Assignment(id="a1", inspector_id="i1", school_id="no-zone"),
            Assignment(id="a2", inspector_id="i1", school_id="ended", end=dt.date(2024, 8, 31)),
            Assignment(id="a3", inspector_id="i2", school_id="dismissed"),
        ],
    )
    report = run(ds, "zone.coverage")
    expected = {
        "no-zone": ["no_zone"],
        "ended": ["no_inspector"],
        "dismissed": ["no_inspector"],
        "nothing": ["no_zone", "no_inspector"],
    }
    for sid, failed in expected.items():
        f = the_finding(report, "zone.coverage", sid)
        assert_violation(f, Severity.ERROR)
        assert list(f.evidence["failed"]) == failed
        assert {"REG 13", "PLQ 1"} <= cited(f)
    assert the_finding(report, "zone.coverage", "no-zone").evidence["inspectors"] == ["i1"]


def test_coverage_guangxi_cites_its_clause() -> None:
    ds = dataset(schools=[school("s1", zone_id=None)])
    f = the_finding(run(ds, "zone.coverage", "guangxi"), "zone.coverage", "s1")
    assert "GX 二(四)" in cited(f)


# ----------------------------------------------------------------------------------------------------------
# zone.size: <= 20 schools in a zone (warning)


def test_zone_of_twenty_schools_complies() -> None:
    ds = dataset(schools=[school(f"s{k:02d}") for k in range(20)])
    assert_compliant(run(ds, "zone.size"), "zone.size", "z1")


def test_zone_of_twenty_one_schools_is_a_warning() -> None:
    ds = dataset(schools=[school(f"s{k:02d}") for k in range(21)])
    f = the_finding(run(ds, "zone.size"), "zone.size", "z1")
    assert_violation(f, Severity.WARNING)
    assert f.subject.kind == "zone"
    assert (f.evidence["schools"], f.evidence["max"]) == (21, 20)
    assert "ZONE" in {c.document for c in f.citations}


# ----------------------------------------------------------------------------------------------------------
# zone.inspector_load: a responsibility inspector covers <= 5 schools (warning)


def _load(n_active: int) -> Dataset:
    return dataset(
        schools=[school(f"s{k}") for k in range(n_active + 1)],
        inspectors=[inspector("i1"), inspector("plain", responsibility=False)],
        assignments=[
            *(Assignment(id=f"a{k}", inspector_id="i1", school_id=f"s{k}") for k in range(n_active)),
            Assignment(id="old", inspector_id="i1", school_id=f"s{n_active}", end=dt.date(2024, 6, 30)),
        ],
    )


def test_inspector_load_of_five_complies() -> None:
    assert_compliant(run(_load(5), "zone.inspector_load"), "zone.inspector_load", "i1")  # "plain" not covered


def test_inspector_load_of_six_is_a_warning() -> None:
    f = the_finding(run(_load(6), "zone.inspector_load"), "zone.inspector_load", "i1")
    assert_violation(f, Severity.WARNING)
    assert f.subject.kind == "inspector"
    assert (f.evidence["schools"], f.evidence["max"]) == (6, 5)
    assert "PLQ 1" in cited(f)


# ----------------------------------------------------------------------------------------------------------
# school.regular_visits: >= 2 per semester (last complete semester); chongqing: monthly for compulsory schools


SPRING_2024 = "2023-2024学年春季学期"
AUTUMN_2024 = "2024-2025学年秋季学期"


def _visited(*days: dt.date, stage: SchoolStage = SchoolStage.PRIMARY) -> Dataset:
    return dataset(schools=[school("s1", stage)], inspectors=[inspector("i1")], visits=visits("s1", days))


def test_regular_visits_two_in_the_last_complete_semester_comply() -> None:
    ds = _visited(dt.date(2024, 2, 1), dt.date(2024, 7, 31))
    assert_compliant(run(ds, "school.regular_visits"), "school.regular_visits", "s1")


def test_regular_visits_one_in_the_last_complete_semester_violates() -> None:
    # Visits in the current (autumn) semester and before 1 Feb do not count for spring 2024.
    ds = _visited(dt.date(2024, 1, 31), dt.date(2024, 4, 10), dt.date(2024, 8, 20), dt.date(2024, 10, 9))
    f = the_finding(run(ds, "school.regular_visits"), "school.regular_visits", "s1")
    assert_violation(f, Severity.ERROR)
    assert f.evidence["semester"] == SPRING_2024
    assert (f.evidence["visits"], f.evidence["per_semester"]) == (1, 2)
    assert list(f.evidence["failed"]) == ["per_semester"]
    assert "REG 14" in cited(f)


def test_regular_visits_on_31_january_count_for_the_autumn_semester() -> None:
    ds = _visited(dt.date(2024, 10, 10), dt.date(2025, 1, 31))
    report = run(ds, "school.regular_visits", as_of=dt.date(2025, 3, 15))
    assert_compliant(report, "school.regular_visits", "s1")


def test_regular_visits_on_1_february_belong_to_the_spring_semester() -> None:
    ds = _visited(dt.date(2024, 8, 31), dt.date(2024, 10, 10), dt.date(2025, 2, 1))
    f = the_finding(
        run(ds, "school.regular_visits", as_of=dt.date(2025, 3, 15)), "school.regular_visits", "s1"
    )
    assert f.evidence["semester"] == AUTUMN_2024
    assert f.evidence["visits"] == 1


def test_regular_visits_on_the_last_day_of_a_semester_evaluate_that_semester() -> None:
    ds = _visited(dt.date(2024, 9, 2), dt.date(2025, 1, 31))
    assert_compliant(
        run(ds, "school.regular_visits", as_of=dt.date(2025, 1, 31)), "school.regular_visits", "s1"
    )


TEACHING_MONTHS_2024 = [dt.date(2024, m, 15) for m in (3, 4, 5, 6, 9, 10, 11, 12)]


def test_regular_visits_chongqing_every_teaching_month_complies() -> None:
    ds = _visited(*TEACHING_MONTHS_2024)
    assert_compliant(run(ds, "school.regular_visits", "chongqing"), "school.regular_visits", "s1")


def test_regular_visits_chongqing_compulsory_school_missing_a_month_violates() -> None:
    ds = _visited(*(d for d in TEACHING_MONTHS_2024 if d.month != 10))
    f = the_finding(run(ds, "school.regular_visits", "chongqing"), "school.regular_visits", "s1")
    assert_violation(f, Severity.ERROR)
    assert list(f.evidence["months_short"]) == ["2024-10"]
    assert f.evidence["per_month"] == 1
    assert list(f.evidence["failed"]) == ["per_month"]  # spring 2024 had 4 visits: per_semester holds
    assert {"REG 14", "CQ 8"} <= cited(f)


def test_regular_visits_chongqing_kindergarten_is_not_held_to_the_monthly_rhythm() -> None:
    ds = _visited(dt.date(2024, 3, 12), dt.date(2024, 6, 12), stage=SchoolStage.KINDERGARTEN)
    assert_compliant(run(ds, "school.regular_visits", "chongqing"), "school.regular_visits", "s1")
    national_ok = _visited(dt.date(2024, 3, 12), dt.date(2024, 6, 12))
    assert_compliant(run(national_ok, "school.regular_visits"), "school.regular_visits", "s1")
    monthly = run(national_ok, "school.regular_visits", "chongqing")  # a primary school is held to it
    assert the_finding(monthly, "school.regular_visits", "s1").evidence["failed"] == ["per_month"]


# ----------------------------------------------------------------------------------------------------------
# school.comprehensive_cycle: rolling five years (national, guangxi); every 学年 (weihai-etdz, DEFAULT)


def _supervised(*sups: Supervision, **school_fields: Any) -> Dataset:
    return dataset(schools=[school("s1", **school_fields)], supervisions=sups)


@pytest.mark.parametrize("profile", ["national", "guangxi"])
def test_comprehensive_on_the_first_day_of_the_five_year_window_complies(profile: str) -> None:
    ds = _supervised(supervision("sv1", "s1", dt.date(2020, 1, 1)))
    assert_compliant(run(ds, "school.comprehensive_cycle", profile), "school.comprehensive_cycle", "s1")


@pytest.mark.parametrize(
    ("profile", "citations"), [("national", {"REG 14"}), ("guangxi", {"REG 14", "GX 二(四)"})]
)
def test_comprehensive_the_day_before_the_window_violates(profile: str, citations: set[str]) -> None:
    ds = _supervised(supervision("sv1", "s1", dt.date(2019, 12, 31)))
    f = the_finding(run(ds, "school.comprehensive_cycle", profile), "school.comprehensive_cycle", "s1")
    assert f.outcome is Outcome.VIOLATION
    assert f.severity is Severity.ERROR
    assert f.evidence["last_comprehensive"] == dt.date(2019, 12, 31)
    assert f.evidence["window"] == "2020-01-01/2024-12-31"
    assert citations <= cited(f)


def test_comprehensive_cycle_counts_term_end_but_not_special_or_future_supervisions() -> None:
    ds = dataset(
        schools=[school("term"), school("other")],
        supervisions=[
            supervision("sv1", "term", dt.date(2022, 5, 5), SupervisionType.TERM_END),
            supervision("sv2", "other", dt.date(2023, 5, 5), SupervisionType.SPECIAL),
            supervision("sv3", "other", dt.date(2025, 1, 5)),  # after as_of
        ],
    )
    report = run(ds, "school.comprehensive_cycle")
    assert findings(report, "school.comprehensive_cycle", "term") == []
    f = the_finding(report, "school.comprehensive_cycle", "other")
    assert f.outcome is Outcome.VIOLATION
    assert f.evidence["last_comprehensive"] is None


@pytest.mark.parametrize("start", [dt.date(2023, 9, 1), dt.date(2024, 8, 31)])
def test_comprehensive_weihai_in_the_last_complete_school_year_complies(start: dt.date) -> None:
    ds = _supervised(supervision("sv1", "s1", start))
    assert_compliant(run(ds, "school.comprehensive_cycle", "weihai-etdz"), "school.comprehensive_cycle", "s1")


@pytest.mark.parametrize("start", [dt.date(2023, 8, 31), dt.date(2024, 9, 1)])
def test_comprehensive_weihai_outside_the_last_complete_school_year_is_a_warning(start: dt.date) -> None:
    ds = _supervised(supervision("sv1", "s1", start))
    f = the_finding(run(ds, "school.comprehensive_cycle", "weihai-etdz"), "school.comprehensive_cycle", "s1")
    assert f.outcome is Outcome.VIOLATION
    assert f.severity is Severity.WARNING  # 原则上 (DEFAULT)
    assert f.evidence["window"] == "2023-2024学年"
    assert f.evidence["last_comprehensive"] == start
    assert "WH (十)" in cited(f)


def test_comprehensive_weihai_on_the_last_day_of_a_school_year_evaluates_that_year() -> None:
    ds = _supervised(supervision("sv1", "s1", dt.date(2023, 10, 9)))
    report = run(ds, "school.comprehensive_cycle", "weihai-etdz", as_of=dt.date(2024, 8, 31))
    assert_compliant(report, "school.comprehensive_cycle", "s1")


def test_comprehensive_cycle_responsible_is_the_county_body_for_a_county_school() -> None:
    ds = _supervised(supervision("sv1", "s1", dt.date(2019, 6, 1)))
    f = the_finding(run(ds, "school.comprehensive_cycle"), "school.comprehensive_cycle", "s1")
    assert f.responsible is not None
    assert f.responsible.id in {BODY, "org-edu"}


def test_comprehensive_cycle_responsible_is_the_body_administering_the_school() -> None:
    ds = _supervised(supervision("sv1", "s1", dt.date(2019, 6, 1)), administered_by="org-city-edu")
    f = the_finding(run(ds, "school.comprehensive_cycle"), "school.comprehensive_cycle", "s1")
    assert f.responsible is not None
    assert f.responsible.id in {"org-city-body", "org-city-edu"}


# ----------------------------------------------------------------------------------------------------------
# school.visit_burden: <= M supervisions per semester; not applicable until M is set


ZB_BURDEN = get_profile("zibo").derive("zb-burden", override("school.visit_burden", M=2))
WH_BURDEN = get_profile("weihai-etdz").derive("wh-burden", override("school.visit_burden", M=2))


@pytest.mark.parametrize(("profile", "parameter"), [("zibo", "M"), ("weihai-etdz", "M")])
def test_visit_burden_not_applicable_until_set(profile: str, parameter: str) -> None:
    ds = _supervised(*(supervision(f"sv{k}", "s1", dt.date(2024, 3, k + 1)) for k in range(6)))
    assert_not_applicable(run(ds, "school.visit_burden", profile), "school.visit_burden", parameter)


def _burden(*extra: dt.date) -> Dataset:
    days = [dt.date(2024, 2, 1), dt.date(2024, 7, 31), dt.date(2024, 1, 31), dt.date(2024, 8, 1), *extra]
    kinds = [SupervisionType.SPECIAL, SupervisionType.COMPREHENSIVE, SupervisionType.SPECIAL]
    return _supervised(*(supervision(f"sv{k}", "s1", d, kinds[k % 3]) for k, d in enumerate(days)))


@pytest.mark.parametrize("profile", [ZB_BURDEN, WH_BURDEN])
def test_visit_burden_at_the_limit_complies(profile: Profile) -> None:
    assert_compliant(run(_burden(), "school.visit_burden", profile), "school.visit_burden", "s1")


@pytest.mark.parametrize(("profile", "citation"), [(ZB_BURDEN, "ZB 5"), (WH_BURDEN, "WH (十二)")])
def test_visit_burden_over_the_limit_violates(profile: Profile, citation: str) -> None:
    f = the_finding(
        run(_burden(dt.date(2024, 5, 5)), "school.visit_burden", profile), "school.visit_burden", "s1"
    )
    assert_violation(f, Severity.ERROR)
    assert f.evidence["semester"] == SPRING_2024
    assert (f.evidence["supervisions"], f.evidence["max"]) == (3, 2)
    assert citation in cited(f)


# ----------------------------------------------------------------------------------------------------------
# school.principal_term_end: a term-end supervision within 12 months of the head's term end


def _term(end: dt.date, *sups: Supervision) -> Dataset:
    return _supervised(*sups, head_term_start=dt.date(end.year - 5, 9, 1), head_term_end=end)


def test_term_end_not_yet_due_gives_no_finding() -> None:
    report = run(_term(dt.date(2024, 6, 30)), "school.principal_term_end")
    assert_not_evaluated(report, "school.principal_term_end")


def test_term_end_one_day_before_due_gives_no_finding() -> None:
    report = run(_term(dt.date(2023, 8, 31)), "school.principal_term_end", as_of=dt.date(2024, 8, 30))
    assert_not_evaluated(report, "school.principal_term_end")


@pytest.mark.parametrize(("profile", "citations"), [("national", {"PRN"}), ("chongqing", {"PRN", "CQ 9"})])
def test_term_end_past_due_without_supervision_violates(profile: str, citations: set[str]) -> None:
    ds = _term(
        dt.date(2023, 8, 31), supervision("sv1", "s1", dt.date(2024, 3, 1))
    )  # comprehensive, not term-end
    report = run(ds, "school.principal_term_end", profile, as_of=dt.date(2024, 9, 1))
    f = the_finding(report, "school.principal_term_end", "s1")
    assert_violation(f, Severity.ERROR)
    assert f.evidence["term_end"] == dt.date(2023, 8, 31)
    assert f.evidence["due"] == dt.date(2024, 8, 31)
    assert f.evidence["term_end_supervision"] is None
    assert citations <= cited(f)


def test_term_end_supervision_in_time_complies() -> None:
    ds = _term(dt.date(2023, 8, 31), supervision("sv1", "s1", dt.date(2023, 6, 15), SupervisionType.TERM_END))
    assert_compliant(run(ds, "school.principal_term_end"), "school.principal_term_end", "s1")


def test_term_end_before_the_2022_opinion_is_out_of_scope() -> None:
    report = run(_term(dt.date(2021, 8, 31)), "school.principal_term_end")
    assert_not_evaluated(report, "school.principal_term_end")
