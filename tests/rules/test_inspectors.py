"""Rules of the RULEBOOK section "Inspectors (督学队伍)", checked through ``validate`` on small datasets.

Every rule gets a compliant case (no finding for the subject, and the rule did evaluate it) and a violating
case (the finding's rule, subject, outcome, severity, responsible unit, evidence and citations), under a
profile where the rule applies. The datasets are built here from scratch: a county (the jurisdiction) under
a city, with each level's government, education authority and supervision body.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest

from edusupervision import (
    Assessment,
    AssessmentResult,
    Assignment,
    Dataset,
    DatasetInfo,
    Degree,
    Division,
    DivisionKind,
    Employment,
    Finding,
    Inspector,
    NearRelative,
    Organisation,
    OrgKind,
    Outcome,
    Person,
    Position,
    School,
    SchoolStage,
    Severity,
    SubjectKind,
    Supervision,
    SupervisionFunction,
    SupervisionType,
    TeamMember,
    Training,
    TrainingKind,
    Visit,
)
from edusupervision.profiles import get_profile, override
from rule_checks import assert_compliant, assert_not_evaluated, findings, run, the_finding
from rule_checks import cited_clauses as cited

if TYPE_CHECKING:
    from collections.abc import Sequence

AS_OF = dt.date(2024, 12, 31)
CITY = "div-city"
COUNTY = "div-county"
GOV = "org-gov"
BODY = "org-body"
APPOINTER = "org-city-gov"  # appoints the county's inspectors: distinct from the county government and body

DIVISIONS = (
    Division(id=CITY, name="云州市", kind=DivisionKind.PREFECTURE_CITY),
    Division(id=COUNTY, name="青山县", kind=DivisionKind.COUNTY, parent_id=CITY),
)
ORGANISATIONS = (
    Organisation(id=APPOINTER, name="云州市人民政府", kind=OrgKind.GOVERNMENT, division_id=CITY),
    Organisation(
        id="org-city-edu",
        name="云州市教育局",
        kind=OrgKind.EDUCATION_AUTHORITY,
        division_id=CITY,
        parent_id=APPOINTER,
    ),
    Organisation(
        id="org-city-body",
        name="云州市人民政府教育督导室",
        kind=OrgKind.SUPERVISION_BODY,
        division_id=CITY,
        parent_id=APPOINTER,
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


# ----------------------------------------------------------------------------------------------------------
# Builders and assertions


def dataset(**tables: Sequence[Any]) -> Dataset:
    base = Dataset(
        info=DatasetInfo(name="test", reference_date=AS_OF, root_division_id=COUNTY),
        divisions=DIVISIONS,
        organisations=ORGANISATIONS,
    )
    return base.evolve(**tables)


def school(sid: str, stage: SchoolStage = SchoolStage.PRIMARY, **fields: Any) -> School:
    return School(id=sid, name=f"学校{sid}", stage=stage, division_id=COUNTY, **fields)


def schools(n: int, stage: SchoolStage = SchoolStage.PRIMARY) -> list[School]:
    return [school(f"s{k:02d}", stage) for k in range(1, n + 1)]


def inspector(
    iid: str, employment: Employment = Employment.FULL_TIME, responsibility: bool = True, **fields: Any
) -> Inspector:
    values: dict[str, Any] = {
        "name": f"督学{iid}",
        "appointed_by": APPOINTER,
        "division_id": COUNTY,
        "appointed_on": dt.date(2018, 9, 1),
        "degree": Degree.BACHELOR,
        "education_years": 15,
    }
    values.update(fields)
    return Inspector(id=iid, employment=employment, responsibility=responsibility, **values)


def training(
    iid: str,
    day: dt.date,
    hours: float,
    kind: TrainingKind = TrainingKind.CENTRALISED,
    tid: str | None = None,
) -> Training:
    return Training(
        id=tid or f"t-{iid}-{day.isoformat()}-{kind.value}",
        inspector_id=iid,
        date=day,
        hours=hours,
        kind=kind,
    )


def school_supervision(
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


def documents(finding: Finding) -> set[str]:
    return {c.document for c in finding.citations}


def assert_violation(finding: Finding, severity: Severity, responsible: str | None) -> None:
    assert finding.outcome is Outcome.VIOLATION
    assert finding.severity is severity
    assert (finding.responsible.id if finding.responsible else None) == responsible


# ----------------------------------------------------------------------------------------------------------
# inspector.ratio: counted inspectors >= ceil(schools / R), three counting modes


def _ratio_dataset(*inspectors: Inspector, n_schools: int = 11) -> Dataset:
    extra = [school("s-training", SchoolStage.OFF_CAMPUS_TRAINING), school("s-college", SchoolStage.HIGHER)]
    return dataset(schools=[*schools(n_schools), *extra], inspectors=inspectors)


def _part_timers(n: int, responsibility: bool = False) -> list[Inspector]:
    return [inspector(f"pt{k}", Employment.PART_TIME, responsibility) for k in range(n)]


def test_ratio_national_counts_responsibility_inspectors_exactly_at_ceiling() -> None:
    # 11 schools at 1:5 need ceil(11/5) = 3 responsibility inspectors; off-campus and higher do not count.
    ds = _ratio_dataset(*(inspector(f"r{k}", Employment.PART_TIME, True) for k in range(3)))
    assert_compliant(run(ds, "inspector.ratio"), "inspector.ratio", COUNTY)


def test_ratio_national_one_short_is_a_warning() -> None:
    ds = _ratio_dataset(*(inspector(f"r{k}", Employment.FULL_TIME, True) for k in range(2)), *_part_timers(5))
    f = the_finding(run(ds, "inspector.ratio"), "inspector.ratio", COUNTY)
    assert_violation(f, Severity.WARNING, GOV)
    assert f.subject.kind == "division"
    assert f.evidence["schools"] == 11
    assert f.evidence["inspectors"] == 2
    assert f.evidence["required"] == 3
    assert f.evidence["R"] == 5
    assert f.evidence["counts"] == "responsibility"
    assert f.evidence["shortfall"] == 1
    assert "PLQ 1" in cited(f)


def test_ratio_national_does_not_count_dismissed_or_not_yet_appointed_inspectors() -> None:
    ds = _ratio_dataset(
        inspector("r1"),
        inspector("r2"),
        inspector("gone", dismissed_on=dt.date(2024, 6, 1)),
        inspector("later", appointed_on=dt.date(2025, 3, 1)),
    )
    f = the_finding(run(ds, "inspector.ratio"), "inspector.ratio", COUNTY)
    assert f.evidence["inspectors"] == 2


def test_ratio_guangxi_counts_all_inspectors_as_an_error() -> None:
    ok = _ratio_dataset(*_part_timers(3))
    assert_compliant(run(ok, "inspector.ratio", "guangxi"), "inspector.ratio", COUNTY)
    short = _ratio_dataset(*_part_timers(2))
    f = the_finding(run(short, "inspector.ratio", "guangxi"), "inspector.ratio", COUNTY)
    assert_violation(f, Severity.ERROR, GOV)
    assert (f.evidence["inspectors"], f.evidence["required"], f.evidence["counts"]) == (2, 3, "all")
    assert "GX 三(一)" in cited(f)


def test_ratio_chongqing_counts_full_time_inspectors_as_a_warning() -> None:
    ok = _ratio_dataset(
        *(inspector(f"ft{k}", Employment.FULL_TIME, False) for k in range(3)),
        *_part_timers(5, responsibility=True),
    )
    assert_compliant(run(ok, "inspector.ratio", "chongqing"), "inspector.ratio", COUNTY)
    short = _ratio_dataset(
        *(inspector(f"ft{k}", Employment.FULL_TIME, True) for k in range(2)),
        *_part_timers(5, responsibility=True),
    )
    f = the_finding(run(short, "inspector.ratio", "chongqing"), "inspector.ratio", COUNTY)
    assert_violation(f, Severity.WARNING, GOV)
    assert (f.evidence["inspectors"], f.evidence["required"], f.evidence["counts"]) == (2, 3, "full_time")
    assert "CQ 12" in cited(f)


# ----------------------------------------------------------------------------------------------------------
# inspector.large_school: not applicable until a threshold is set


GX_LARGE = get_profile("guangxi").derive("gx-large", override("inspector.large_school", threshold=2000))
CQ_LARGE = get_profile("chongqing").derive("cq-large", override("inspector.large_school", threshold=2000))


@pytest.mark.parametrize("profile", ["guangxi", "chongqing"])
def test_large_school_not_applicable_without_threshold(profile: str) -> None:
    ds = dataset(schools=[school("big", student_count=5000)])
    report = run(ds, "inspector.large_school", profile)
    [f] = report.by_rule("inspector.large_school")
    assert f.outcome is Outcome.NOT_APPLICABLE
    assert f.severity is Severity.INFO
    assert f.subject.id == COUNTY
    assert "threshold" in f.message_en


def test_large_school_at_threshold_without_dedicated_inspector_violates() -> None:
    ds = dataset(
        schools=[school("big", student_count=2000), school("small", student_count=300)],
        inspectors=[inspector("i1")],
        assignments=[
            Assignment(id="a1", inspector_id="i1", school_id="big"),
            Assignment(id="a2", inspector_id="i1", school_id="small"),
        ],
    )
    report = run(ds, "inspector.large_school", GX_LARGE)
    f = the_finding(report, "inspector.large_school", "big")
    assert_violation(f, Severity.INFO, BODY)  # guangxi: 可 (MAY)
    assert f.evidence["students"] == 2000
    assert f.evidence["threshold"] == 2000
    assert list(f.evidence["dedicated"]) == []
    assert "GX 三(一)" in cited(f)
    assert findings(report, "inspector.large_school", "small") == []


def test_large_school_with_dedicated_inspector_complies() -> None:
    ds = dataset(
        schools=[school("big", student_count=2400), school("under", student_count=1999)],
        inspectors=[inspector("i1"), inspector("i2")],
        assignments=[
            Assignment(id="a1", inspector_id="i1", school_id="big"),
            Assignment(id="a2", inspector_id="i2", school_id="under"),
        ],
    )
    report = run(ds, "inspector.large_school", GX_LARGE)
    assert_compliant(report, "inspector.large_school", "big")  # "under" is below the threshold: not covered


def test_large_school_chongqing_is_a_warning_and_missing_size_undeterminable() -> None:
    ds = dataset(schools=[school("big", student_count=3000), school("unknown")])
    report = run(ds, "inspector.large_school", CQ_LARGE)
    f = the_finding(report, "inspector.large_school", "big")
    assert_violation(f, Severity.WARNING, BODY)  # chongqing: 原则上 (DEFAULT)
    assert "CQ 12" in cited(f)
    u = the_finding(report, "inspector.large_school", "unknown")
    assert u.outcome is Outcome.UNDETERMINABLE
    assert list(u.evidence["missing"]) == ["schools.student_count"]


# ----------------------------------------------------------------------------------------------------------
# inspector.full_time_share: minimum share (weihai-etdz), non-decreasing (guangxi, zibo)


def _staff(
    full: int, part: int, appointed: dt.date = dt.date(2018, 9, 1), prefix: str = ""
) -> list[Inspector]:
    return [
        inspector(f"{prefix}ft{k}", Employment.FULL_TIME, appointed_on=appointed) for k in range(full)
    ] + [inspector(f"{prefix}pt{k}", Employment.PART_TIME, appointed_on=appointed) for k in range(part)]


def test_full_time_share_weihai_exactly_thirty_percent_complies() -> None:
    ds = dataset(inspectors=_staff(3, 7))
    assert_compliant(run(ds, "inspector.full_time_share", "weihai-etdz"), "inspector.full_time_share", BODY)


def test_full_time_share_weihai_below_thirty_percent_is_an_error() -> None:
    ds = dataset(inspectors=_staff(3, 8))
    f = the_finding(run(ds, "inspector.full_time_share", "weihai-etdz"), "inspector.full_time_share", BODY)
    assert_violation(f, Severity.ERROR, GOV)
    assert f.evidence["share"] == pytest.approx(3 / 11, abs=1e-4)
    assert f.evidence["minimum"] == pytest.approx(0.30)
    assert list(f.evidence["failed"]) == ["below_minimum"]
    assert (f.evidence["full_time"], f.evidence["inspectors"]) == (3, 11)
    assert "WH (六)" in cited(f)


@pytest.mark.parametrize(("profile", "citation"), [("guangxi", "GX 三(一)"), ("zibo", "ZB 10")])
def test_full_time_share_decrease_year_on_year_is_a_warning(profile: str, citation: str) -> None:
    # A year before as_of: 3 of 9 full-time; now a part-timer hired in 2024 makes it 3 of 10.
    ds = dataset(
        inspectors=[*_staff(3, 6), inspector("new", Employment.PART_TIME, appointed_on=dt.date(2024, 6, 1))]
    )
    f = the_finding(run(ds, "inspector.full_time_share", profile), "inspector.full_time_share", BODY)
    assert_violation(f, Severity.WARNING, GOV)
    assert f.evidence["share"] == pytest.approx(0.3)
    assert f.evidence["previous_share"] == pytest.approx(1 / 3, abs=1e-4)
    assert list(f.evidence["failed"]) == ["decreased"]
    assert citation in cited(f)


@pytest.mark.parametrize("profile", ["guangxi", "zibo"])
def test_full_time_share_not_falling_complies(profile: str) -> None:
    ds = dataset(
        inspectors=[*_staff(3, 6), inspector("new", Employment.FULL_TIME, appointed_on=dt.date(2024, 6, 1))]
    )
    assert_compliant(run(ds, "inspector.full_time_share", profile), "inspector.full_time_share", BODY)


# ----------------------------------------------------------------------------------------------------------
# inspector.training_hours: >= 40 h of centralised training in the last complete calendar year


def test_training_hours_exactly_forty_complies() -> None:
    ds = dataset(
        inspectors=[inspector("i1")],
        trainings=[training("i1", dt.date(2024, 4, 12), 24.0), training("i1", dt.date(2024, 12, 31), 16.0)],
    )
    assert_compliant(run(ds, "inspector.training_hours"), "inspector.training_hours", "i1")


def test_training_hours_thirty_nine_and_a_half_violates() -> None:
    ds = dataset(
        inspectors=[inspector("i1")],
        trainings=[training("i1", dt.date(2024, 1, 1), 24.0), training("i1", dt.date(2024, 10, 18), 15.5)],
    )
    f = the_finding(run(ds, "inspector.training_hours"), "inspector.training_hours", "i1")
    assert_violation(f, Severity.ERROR, APPOINTER)
    assert f.subject.kind == "inspector"
    assert f.evidence["year"] == 2024
    assert f.evidence["hours"] == pytest.approx(39.5)
    assert f.evidence["required"] == 40
    assert "INSP 21" in cited(f)


def test_training_hours_counts_only_centralised_training_in_the_evaluated_year() -> None:
    ds = dataset(
        inspectors=[inspector("i1")],
        trainings=[
            training("i1", dt.date(2024, 5, 10), 32.0),
            training("i1", dt.date(2023, 12, 31), 10.0),  # previous year
            training("i1", dt.date(2025, 1, 1), 10.0),  # next year
            training("i1", dt.date(2024, 6, 1), 8.0, TrainingKind.PRE_JOB),
            training("i1", dt.date(2024, 7, 1), 8.0, TrainingKind.OTHER),
        ],
    )
    f = the_finding(run(ds, "inspector.training_hours"), "inspector.training_hours", "i1")
    assert f.evidence["hours"] == pytest.approx(32.0)


def test_training_hours_mid_year_evaluates_the_previous_calendar_year() -> None:
    ds = dataset(
        inspectors=[inspector("i1")],
        trainings=[training("i1", dt.date(2024, 3, 1), 40.0), training("i1", dt.date(2025, 3, 1), 8.0)],
    )
    report = run(ds, "inspector.training_hours", as_of=dt.date(2025, 6, 30))
    assert_compliant(report, "inspector.training_hours", "i1")


def test_training_hours_zibo_cites_its_clause() -> None:
    ds = dataset(inspectors=[inspector("i1")], trainings=[training("i1", dt.date(2024, 3, 1), 20.0)])
    f = the_finding(run(ds, "inspector.training_hours", "zibo"), "inspector.training_hours", "i1")
    assert_violation(f, Severity.ERROR, APPOINTER)
    assert {"INSP 21", "ZB 11"} <= cited(f)


# ----------------------------------------------------------------------------------------------------------
# inspector.pre_job_training: completed before the first supervision or visit


def _duty_dataset(*trainings: Training) -> Dataset:
    return dataset(
        schools=[school("s1")],
        inspectors=[inspector("new", appointed_on=dt.date(2024, 3, 1))],
        supervisions=[school_supervision("sv1", "s1", dt.date(2024, 6, 10))],
        team_members=[TeamMember(supervision_id="sv1", inspector_id="new")],
        visits=[Visit(id="v1", inspector_id="new", school_id="s1", date=dt.date(2024, 4, 10))],
        trainings=trainings,
    )


def test_pre_job_training_before_first_duty_complies() -> None:
    ds = _duty_dataset(training("new", dt.date(2024, 3, 20), 16.0, TrainingKind.PRE_JOB))
    assert_compliant(run(ds, "inspector.pre_job_training"), "inspector.pre_job_training", "new")


def test_pre_job_training_after_first_visit_violates() -> None:
    ds = _duty_dataset(
        training("new", dt.date(2024, 5, 20), 16.0, TrainingKind.PRE_JOB),
        training("new", dt.date(2024, 3, 20), 40.0),
    )  # centralised training is not pre-job
    f = the_finding(run(ds, "inspector.pre_job_training"), "inspector.pre_job_training", "new")
    assert_violation(f, Severity.ERROR, APPOINTER)
    assert f.evidence["first_duty"] == dt.date(2024, 4, 10)
    assert f.evidence["pre_job_training"] == dt.date(2024, 5, 20)
    assert "INSP" in documents(f)


def test_pre_job_training_missing_violates() -> None:
    f = the_finding(run(_duty_dataset(), "inspector.pre_job_training"), "inspector.pre_job_training", "new")
    assert f.outcome is Outcome.VIOLATION
    assert f.evidence["pre_job_training"] is None


# ----------------------------------------------------------------------------------------------------------
# inspector.retiree_recency (weihai-etdz): hired <= 3 years after retiring


def test_retiree_hired_exactly_three_years_after_retiring_complies() -> None:
    ds = dataset(
        inspectors=[inspector("ret", retired_on=dt.date(2020, 7, 31), appointed_on=dt.date(2023, 7, 31))]
    )
    assert_compliant(run(ds, "inspector.retiree_recency", "weihai-etdz"), "inspector.retiree_recency", "ret")


def test_retiree_hired_one_day_later_violates() -> None:
    ds = dataset(
        inspectors=[inspector("ret", retired_on=dt.date(2020, 7, 31), appointed_on=dt.date(2023, 8, 1))]
    )
    f = the_finding(run(ds, "inspector.retiree_recency", "weihai-etdz"), "inspector.retiree_recency", "ret")
    assert_violation(f, Severity.ERROR, APPOINTER)
    assert f.evidence["retired_on"] == dt.date(2020, 7, 31)
    assert f.evidence["appointed_on"] == dt.date(2023, 8, 1)
    assert f.evidence["years_limit"] == 3
    assert "WH (六)" in cited(f)


def test_retiree_rule_ignores_inspectors_appointed_before_retiring() -> None:
    ds = dataset(
        inspectors=[
            inspector("i1", retired_on=dt.date(2023, 7, 31), appointed_on=dt.date(2015, 9, 1)),
            inspector("i2"),
        ]
    )
    assert_not_evaluated(run(ds, "inspector.retiree_recency", "weihai-etdz"), "inspector.retiree_recency")


# ----------------------------------------------------------------------------------------------------------
# inspector.part_time_term: 3-year terms, at most 3 consecutive


def _part_timer(**fields: Any) -> Inspector:
    values: dict[str, Any] = {
        "term_start": dt.date(2022, 9, 1),
        "term_end": dt.date(2025, 8, 31),
        "consecutive_terms": 3,
    }
    values.update(fields)
    return inspector("pt", Employment.PART_TIME, **values)


@pytest.mark.parametrize("term_end", [dt.date(2025, 8, 31), dt.date(2025, 9, 1)])
def test_part_time_term_of_three_years_and_three_terms_complies(term_end: dt.date) -> None:
    # 2025-09-01 is three years from 2022-09-01 counted as the Civil Code counts (start day not counted).
    ds = dataset(inspectors=[_part_timer(term_end=term_end)])
    assert_compliant(run(ds, "inspector.part_time_term"), "inspector.part_time_term", "pt")


def test_part_time_term_longer_than_three_years_violates() -> None:
    ds = dataset(inspectors=[_part_timer(term_end=dt.date(2025, 9, 2))])
    f = the_finding(run(ds, "inspector.part_time_term"), "inspector.part_time_term", "pt")
    assert_violation(f, Severity.ERROR, APPOINTER)
    assert list(f.evidence["failed"]) == ["term_too_long"]
    assert (f.evidence["term_years"], f.evidence["max_consecutive"]) == (3, 3)
    assert {"REG 6", "INSP"} <= cited(f)


def test_part_time_fourth_consecutive_term_violates() -> None:
    ds = dataset(inspectors=[_part_timer(consecutive_terms=4)])
    f = the_finding(run(ds, "inspector.part_time_term"), "inspector.part_time_term", "pt")
    assert_violation(f, Severity.ERROR, APPOINTER)
    assert list(f.evidence["failed"]) == ["too_many_terms"]
    assert f.evidence["consecutive_terms"] == 4


def test_part_time_term_rule_skips_full_time_inspectors() -> None:
    ds = dataset(
        inspectors=[
            inspector("ft", consecutive_terms=6, term_start=dt.date(2010, 1, 1), term_end=dt.date(2030, 1, 1))
        ]
    )
    assert_not_evaluated(run(ds, "inspector.part_time_term"), "inspector.part_time_term")


def test_part_time_term_missing_dates_is_undeterminable() -> None:
    ds = dataset(inspectors=[_part_timer(term_end=None)])
    f = the_finding(run(ds, "inspector.part_time_term"), "inspector.part_time_term", "pt")
    assert f.outcome is Outcome.UNDETERMINABLE
    assert f.severity is Severity.WARNING
    assert list(f.evidence["missing"]) == ["inspectors.term_end"]


# ----------------------------------------------------------------------------------------------------------
# inspector.qualification: bachelor or higher, >= 10 years in education


@pytest.mark.parametrize(("degree", "years"), [(Degree.BACHELOR, 10), (Degree.DOCTORATE, 30)])
def test_qualification_met_complies(degree: Degree, years: int) -> None:
    ds = dataset(inspectors=[inspector("i1", degree=degree, education_years=years)])
    assert_compliant(run(ds, "inspector.qualification"), "inspector.qualification", "i1")


@pytest.mark.parametrize(
    ("degree", "years", "failed"),
    [
        (Degree.MASTER, 9, ["years"]),
        (Degree.BELOW_BACHELOR, 20, ["degree"]),
        (Degree.BELOW_BACHELOR, 3, ["degree", "years"]),
    ],
)
def test_qualification_not_met_violates(degree: Degree, years: int, failed: list[str]) -> None:
    ds = dataset(inspectors=[inspector("i1", degree=degree, education_years=years)])
    f = the_finding(run(ds, "inspector.qualification"), "inspector.qualification", "i1")
    assert_violation(f, Severity.ERROR, APPOINTER)
    assert list(f.evidence["failed"]) == failed
    assert (f.evidence["degree"], f.evidence["education_years"]) == (degree.value, years)
    assert (f.evidence["required_degree"], f.evidence["required_years"]) == ("bachelor", 10)
    assert "REG 7" in cited(f)


def test_qualification_missing_degree_is_undeterminable_as_a_warning() -> None:
    ds = dataset(inspectors=[inspector("i1", degree=None)])
    f = the_finding(run(ds, "inspector.qualification"), "inspector.qualification", "i1")
    assert f.outcome is Outcome.UNDETERMINABLE
    assert f.severity is Severity.WARNING  # a MUST rule's undeterminable outcome is a warning
    assert f.responsible is not None
    assert f.responsible.id == APPOINTER
    assert list(f.evidence["missing"]) == ["inspectors.degree"]
    assert "REG 7" in cited(f)


# ----------------------------------------------------------------------------------------------------------
# inspector.recusal: no near relative of the unit's main leader on the team


def _recusal_dataset(relative_of: str, members: tuple[str, ...] = ("i1", "i2", "i3")) -> Dataset:
    return dataset(
        persons=[
            Person(id="p-head", name="校长", position=Position.SCHOOL_HEAD),
            Person(id="p-town-head", name="镇长", organisation_id="org-town", position=Position.MAIN_LEADER),
        ],
        organisations=[
            *ORGANISATIONS,
            Organisation(
                id="org-town", name="城关镇人民政府", kind=OrgKind.GOVERNMENT, division_id="div-town"
            ),
        ],
        divisions=[
            *DIVISIONS,
            Division(id="div-town", name="城关镇", kind=DivisionKind.TOWN, parent_id=COUNTY),
        ],
        schools=[school("s1", head_id="p-head")],
        inspectors=[inspector(i) for i in ("i1", "i2", "i3", "i4")],
        near_relatives=[
            NearRelative(inspector_id=relative_of, person_id="p-head", relation="配偶"),
            NearRelative(inspector_id=relative_of, person_id="p-town-head", relation="兄弟"),
        ],
        supervisions=[
            school_supervision("sv-school", "s1", dt.date(2024, 5, 6)),
            Supervision(
                id="sv-town",
                function=SupervisionFunction.GOVERNMENT,
                type=SupervisionType.SPECIAL,
                body_id=BODY,
                subject_kind=SubjectKind.ORGANISATION,
                subject_id="org-town",
                start=dt.date(2024, 6, 3),
            ),
        ],
        team_members=[
            TeamMember(supervision_id=s, inspector_id=m) for s in ("sv-school", "sv-town") for m in members
        ],
    )


def test_recusal_complies_when_the_relative_is_not_on_the_team() -> None:
    report = run(_recusal_dataset("i4"), "inspector.recusal")
    assert_compliant(report, "inspector.recusal", "sv-school", evaluated=2)
    assert findings(report, "inspector.recusal", "sv-town") == []


def test_recusal_violated_by_the_school_heads_spouse_on_the_team() -> None:
    report = run(_recusal_dataset("i2"), "inspector.recusal")
    f = the_finding(report, "inspector.recusal", "sv-school")
    assert_violation(f, Severity.ERROR, BODY)
    assert f.subject.kind == "supervision"
    assert list(f.evidence["conflicted_inspectors"]) == ["i2"]
    assert f.evidence["unit"] == "s1"
    assert "REG 10" in cited(f)
    town = the_finding(report, "inspector.recusal", "sv-town")  # the main leader of a supervised government
    assert list(town.evidence["conflicted_inspectors"]) == ["i2"]


# ----------------------------------------------------------------------------------------------------------
# inspector.assessment: unqualified -> dismissed (guangxi); dismissal announced (zibo)


def _assessed(result: AssessmentResult, **fields: Any) -> Dataset:
    return dataset(
        inspectors=[inspector("i1", **fields)],
        assessments=[Assessment(id="as1", inspector_id="i1", year=2023, result=result)],
    )


def test_assessment_guangxi_unqualified_and_dismissed_complies() -> None:
    ds = _assessed(AssessmentResult.UNQUALIFIED, dismissed_on=dt.date(2024, 3, 1))
    assert_compliant(run(ds, "inspector.assessment", "guangxi"), "inspector.assessment", "i1")


def test_assessment_guangxi_unqualified_not_dismissed_violates() -> None:
    ds = _assessed(AssessmentResult.UNQUALIFIED)
    f = the_finding(run(ds, "inspector.assessment", "guangxi"), "inspector.assessment", "i1")
    assert_violation(f, Severity.ERROR, APPOINTER)
    assert (f.evidence["year"], f.evidence["result"], f.evidence["dismissed_on"]) == (
        2023,
        "unqualified",
        None,
    )
    assert "GX 三(一)" in cited(f)


def test_assessment_guangxi_qualified_is_not_covered() -> None:
    ds = _assessed(AssessmentResult.BASICALLY_QUALIFIED)
    assert_not_evaluated(run(ds, "inspector.assessment", "guangxi"), "inspector.assessment")


def test_assessment_guangxi_dismissal_after_as_of_does_not_count() -> None:
    ds = _assessed(AssessmentResult.UNQUALIFIED, dismissed_on=dt.date(2025, 3, 1))
    f = the_finding(run(ds, "inspector.assessment", "guangxi"), "inspector.assessment", "i1")
    assert f.outcome is Outcome.VIOLATION


def test_assessment_zibo_announced_dismissal_complies() -> None:
    ds = _assessed(AssessmentResult.UNQUALIFIED, dismissed_on=dt.date(2024, 3, 1), dismissal_announced=True)
    assert_compliant(run(ds, "inspector.assessment", "zibo"), "inspector.assessment", "i1")


def test_assessment_zibo_unannounced_dismissal_violates() -> None:
    ds = _assessed(AssessmentResult.UNQUALIFIED, dismissed_on=dt.date(2024, 3, 1), dismissal_announced=False)
    f = the_finding(run(ds, "inspector.assessment", "zibo"), "inspector.assessment", "i1")
    assert_violation(f, Severity.ERROR, APPOINTER)
    assert f.evidence["announced"] is False
    assert f.evidence["dismissed_on"] == dt.date(2024, 3, 1)
    assert "ZB 11" in cited(f)


def test_assessment_zibo_unknown_announcement_is_undeterminable() -> None:
    ds = _assessed(AssessmentResult.UNQUALIFIED, dismissed_on=dt.date(2024, 3, 1))
    f = the_finding(run(ds, "inspector.assessment", "zibo"), "inspector.assessment", "i1")
    assert f.outcome is Outcome.UNDETERMINABLE
    assert f.severity is Severity.WARNING
    assert list(f.evidence["missing"]) == ["inspectors.dismissal_announced"]


# ----------------------------------------------------------------------------------------------------------
# inspector.public_contact: the responsibility inspector's details are posted at the school


def _posting(posted: bool | None, end: dt.date | None = None) -> Dataset:
    return dataset(
        schools=[school("s1")],
        inspectors=[inspector("i1")],
        assignments=[
            Assignment(
                id="a1",
                inspector_id="i1",
                school_id="s1",
                start=dt.date(2021, 9, 1),
                end=end,
                contact_posted=posted,
            )
        ],
    )


def test_public_contact_posted_complies() -> None:
    assert_compliant(run(_posting(True), "inspector.public_contact"), "inspector.public_contact", "a1")


@pytest.mark.parametrize(
    ("profile", "citations"), [("national", {"PLQ 1"}), ("weihai-etdz", {"PLQ 1", "WH (七)"})]
)
def test_public_contact_not_posted_violates(profile: str, citations: set[str]) -> None:
    f = the_finding(
        run(_posting(False), "inspector.public_contact", profile), "inspector.public_contact", "a1"
    )
    assert_violation(f, Severity.ERROR, BODY)
    assert f.subject.kind == "assignment"
    assert f.evidence["inspector"] == "i1"
    assert citations <= cited(f)


def test_public_contact_unknown_is_undeterminable() -> None:
    f = the_finding(run(_posting(None), "inspector.public_contact"), "inspector.public_contact", "a1")
    assert f.outcome is Outcome.UNDETERMINABLE
    assert f.severity is Severity.WARNING
    assert f.responsible is not None
    assert f.responsible.id == BODY
    assert list(f.evidence["missing"]) == ["assignments.contact_posted"]


def test_public_contact_ignores_ended_assignments() -> None:
    report = run(_posting(False, end=dt.date(2024, 8, 31)), "inspector.public_contact")
    assert_not_evaluated(report, "inspector.public_contact")
