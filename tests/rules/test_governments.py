"""Rules on the supervision of governments (督政) and the 2022 target.

RULEBOOK sections "Supervision of governments (督政)" and "Targets".

Each rule is checked through ``validate(..., rules=[rule_id])`` under a profile where it applies: a compliant
case, a violating case asserting the specific finding, the undeterminable case where one exists, and the
boundaries (due dates, rolling windows, in-force dates). Province-rooted hierarchies are built from scratch.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from edusupervision import (
    Committee,
    Dataset,
    DatasetInfo,
    Division,
    DivisionKind,
    DutyEvaluation,
    Organisation,
    OrgKind,
    SubjectKind,
    Supervision,
    SupervisionFunction,
    SupervisionType,
    sample_dataset,
    validate,
)
from edusupervision.profiles import Profile, disable, get_profile, override, resolve
from rule_checks import assert_no_finding, cited, counts, responsible, run, the_finding

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

D = dt.date
AS_OF = D(2024, 12, 31)
SAMPLE = sample_dataset()


# --- helpers --------------------------------------------------------------------------------------------------------


def build(
    spec: Sequence[tuple[str, DivisionKind, str | None]], *, without_body: Sequence[str] = ()
) -> Dataset:
    """Build a hierarchy from (code, kind, parent code): a government and a supervision body per division."""
    divisions = [
        Division(id=f"div-{c}", name=f"{c}区划", kind=k, parent_id=None if p is None else f"div-{p}")
        for c, k, p in spec
    ]
    orgs: list[Organisation] = []
    for code, _kind, _parent in spec:
        orgs.append(
            Organisation(
                id=f"org-{code}-gov", name=f"{code}政府", kind=OrgKind.GOVERNMENT, division_id=f"div-{code}"
            )
        )
        if code not in without_body:
            orgs.append(
                Organisation(
                    id=f"org-{code}-body",
                    name=f"{code}督导室",
                    kind=OrgKind.SUPERVISION_BODY,
                    division_id=f"div-{code}",
                    parent_id=f"org-{code}-gov",
                )
            )
    return Dataset(
        info=DatasetInfo(name="built", reference_date=AS_OF), divisions=divisions, organisations=orgs
    )


CHAIN = (
    ("p", DivisionKind.PROVINCE, None),
    ("c", DivisionKind.PREFECTURE_CITY, "p"),
    ("x", DivisionKind.COUNTY, "c"),
    ("t", DivisionKind.TOWN, "x"),
)


def sup(
    sid: str, body: str, subject: str, start: dt.date, kind: SupervisionType = SupervisionType.SPECIAL
) -> Supervision:
    """A supervision by ``org-{body}-body`` of the government ``org-{subject}-gov``."""
    return Supervision(
        id=sid,
        function=SupervisionFunction.GOVERNMENT,
        type=kind,
        body_id=f"org-{body}-body",
        subject_kind=SubjectKind.ORGANISATION,
        subject_id=f"org-{subject}-gov",
        start=start,
    )


# --- government.duty_evaluation -------------------------------------------------------------------------------------

#: the sample's governments below the county's superior, and the body of each one's direct superior
SUPERIOR_BODY = {
    "org-qs-gov": "org-yz-body",
    "org-cg-gov": "org-qs-body",
    "org-dp-gov": "org-qs-body",
    "org-xh-gov": "org-qs-body",
    "org-ns-gov": "org-qs-body",
}
DOC = {"national": "OPN", "guangxi": "GX", "chongqing": "CQ", "zibo": "ZB", "weihai-etdz": "WH"}


def evaluations(
    year: int = 2023, *, skip: Sequence[str] = (), evaluator: Mapping[str, str] | None = None
) -> list[DutyEvaluation]:
    by = {**SUPERIOR_BODY, **(evaluator or {})}
    return [
        DutyEvaluation(
            id=f"eval-{year}-{gov.split('-')[1]}", year=year, evaluator_id=by[gov], evaluatee_id=gov
        )
        for gov in SUPERIOR_BODY
        if gov not in skip
    ]


def with_evaluations(evals: Sequence[DutyEvaluation]) -> Dataset:
    """Return the sample with these evaluations (and no commendations, which may rest on evaluations)."""
    return SAMPLE.evolve(duty_evaluations=evals, commendations=[])


@pytest.mark.parametrize("profile", list(DOC))
def test_duty_evaluation_compliant_when_each_evaluated_by_direct_superior(profile: str) -> None:
    report = run(with_evaluations(evaluations()), "government.duty_evaluation", profile)
    assert report.findings == ()
    assert counts(report, "government.duty_evaluation")["compliant"] == len(SUPERIOR_BODY)


@pytest.mark.parametrize("profile", list(DOC))
def test_duty_evaluation_violation_when_missing(profile: str) -> None:
    ds = with_evaluations(evaluations(skip=["org-xh-gov"]))
    report = run(ds, "government.duty_evaluation", profile)
    f = the_finding(report, "government.duty_evaluation", "org-xh-gov")
    assert (f.outcome.value, f.severity.value, f.subject.kind) == ("violation", "error", "organisation")
    assert responsible(f) == "org-qs-body"
    assert f.evidence["year"] == 2023
    assert list(f.evidence["evaluations"]) == []
    assert list(f.evidence["failed"]) == ["missing"]
    assert f.evidence["evaluator"] == "青山县人民政府教育督导室"
    assert {"OPN", DOC[profile]} <= cited(f)
    assert [g.subject.id for g in report.findings] == ["org-xh-gov"]


def test_duty_evaluation_the_sample_deliberate_violation() -> None:
    report = run(SAMPLE, "government.duty_evaluation")
    assert [f.subject.id for f in report.findings] == ["org-xh-gov"]


def test_duty_evaluation_violation_by_a_body_other_than_the_direct_superior() -> None:
    ds = with_evaluations(evaluations(evaluator={"org-xh-gov": "org-yz-body"}))
    f = the_finding(run(ds, "government.duty_evaluation"), "government.duty_evaluation", "org-xh-gov")
    assert list(f.evidence["failed"]) == ["wrong_evaluator"]
    assert list(f.evidence["evaluations"]) == ["eval-2023-xh"]


def test_duty_evaluation_of_another_year_does_not_count() -> None:
    ds = with_evaluations(
        [*evaluations(skip=["org-xh-gov"]), *[e for e in evaluations(2022) if e.evaluatee_id == "org-xh-gov"]]
    )
    f = the_finding(run(ds, "government.duty_evaluation"), "government.duty_evaluation", "org-xh-gov")
    assert list(f.evidence["failed"]) == ["missing"]


@pytest.mark.parametrize(("as_of", "judged"), [(D(2024, 6, 30), 2023), (D(2024, 6, 29), 2022)])
def test_duty_evaluation_due_six_months_after_the_year(as_of: dt.date, judged: int) -> None:
    report = run(with_evaluations(evaluations(2023)), "government.duty_evaluation", as_of=as_of)
    if judged == 2023:
        assert report.findings == ()
    else:
        assert {f.subject.id for f in report.findings} == set(SUPERIOR_BODY)
        assert {f.evidence["year"] for f in report.findings} == {2022}


def test_duty_evaluation_chongqing_municipality_evaluates_districts_directly() -> None:
    ds = build(
        [
            ("m", DivisionKind.MUNICIPALITY, None),
            ("d1", DivisionKind.DISTRICT, "m"),
            ("d2", DivisionKind.DISTRICT, "m"),
        ]
    )
    ds = ds.evolve(
        duty_evaluations=[
            DutyEvaluation(id="e1", year=2023, evaluator_id="org-m-body", evaluatee_id="org-d1-gov")
        ]
    )
    report = run(ds, "government.duty_evaluation", "chongqing")
    assert [f.subject.id for f in report.findings] == ["org-d2-gov"]
    assert responsible(report.findings[0]) == "org-m-body"
    assert counts(report, "government.duty_evaluation")["compliant"] == 1  # the root is nobody's subject


def test_duty_evaluation_not_applicable_before_opn() -> None:
    report = run(with_evaluations([]), "government.duty_evaluation", as_of=D(2020, 2, 18))
    f = the_finding(report, "government.duty_evaluation", "div-qingshan")
    assert (f.outcome.value, f.severity.value) == ("not_applicable", "info")
    assert report.violations() == ()


def test_duty_evaluation_undeterminable_without_superior_body() -> None:
    ds = build(CHAIN, without_body=["x"])
    ds = ds.evolve(
        duty_evaluations=[
            DutyEvaluation(id="e-t", year=2023, evaluator_id="org-c-body", evaluatee_id="org-t-gov")
        ]
    )
    f = the_finding(run(ds, "government.duty_evaluation"), "government.duty_evaluation", "org-t-gov")
    assert f.outcome.value == "undeterminable"
    assert f.evidence["missing"]


# --- government.supervision_interval --------------------------------------------------------------------------------

COMPLIANT_SUPS = (
    sup("s-c", "p", "c", D(2022, 5, 1)),
    sup("s-x", "c", "x", D(2023, 5, 1), SupervisionType.COMPREHENSIVE),
    sup("s-t", "x", "t", D(2024, 5, 1)),
)


def test_supervision_interval_compliant() -> None:
    report = run(build(CHAIN).evolve(supervisions=COMPLIANT_SUPS), "government.supervision_interval")
    assert report.findings == ()
    assert counts(report, "government.supervision_interval")["compliant"] == 3  # the root is nobody's subject


def test_supervision_interval_violation_never_supervised() -> None:
    ds = build(CHAIN).evolve(supervisions=COMPLIANT_SUPS[:2])
    f = the_finding(
        run(ds, "government.supervision_interval"), "government.supervision_interval", "org-t-gov"
    )
    assert (f.outcome.value, f.severity.value) == ("violation", "error")
    assert responsible(f) == "org-x-body"
    assert dict(f.evidence) == {"last": None, "since": D(2020, 1, 1), "years": 5}
    assert "REG" in cited(f)


@pytest.mark.parametrize(("start", "ok"), [(D(2020, 1, 1), True), (D(2019, 12, 31), False)])
def test_supervision_interval_five_year_window_boundary(start: dt.date, ok: bool) -> None:
    ds = build(CHAIN).evolve(supervisions=[*COMPLIANT_SUPS[:2], sup("s-t", "x", "t", start)])
    report = run(ds, "government.supervision_interval")
    if ok:
        assert report.findings == ()
    else:
        assert the_finding(report, "government.supervision_interval", "org-t-gov").evidence["last"] == start


@pytest.mark.parametrize(
    "other",
    [
        sup("s-t", "c", "t", D(2024, 5, 1)),  # by the body two levels up, not the direct superior
        sup("s-t", "x", "t", D(2024, 5, 1), SupervisionType.REGULAR),
        sup("s-t", "x", "t", D(2024, 5, 1), SupervisionType.ONSITE_CHECK),
        sup("s-t", "x", "t", D(2024, 5, 1), SupervisionType.EVALUATION),
        sup("s-t", "x", "t", D(2025, 1, 2)),  # after as_of
    ],
)
def test_supervision_interval_only_special_or_comprehensive_by_superior_counts(other: Supervision) -> None:
    ds = build(CHAIN).evolve(supervisions=[*COMPLIANT_SUPS[:2], other])
    f = the_finding(
        run(ds, "government.supervision_interval"), "government.supervision_interval", "org-t-gov"
    )
    assert f.outcome.value == "violation"


def test_supervision_interval_years_parameter() -> None:
    scenario = get_profile("national").derive("every-3", override("government.supervision_interval", years=3))
    ds = build(CHAIN).evolve(supervisions=[*COMPLIANT_SUPS[:2], sup("s-t", "x", "t", D(2021, 6, 1))])
    assert run(ds, "government.supervision_interval").findings == ()
    f = the_finding(
        run(ds, "government.supervision_interval", scenario), "government.supervision_interval", "org-t-gov"
    )
    assert f.evidence["since"] == D(2022, 1, 1)
    assert f.evidence["years"] == 3


def test_supervision_interval_sample_is_compliant() -> None:
    report = run(SAMPLE, "government.supervision_interval")
    assert report.findings == ()
    assert counts(report, "government.supervision_interval")["compliant"] == len(SUPERIOR_BODY)


def test_supervision_interval_undeterminable_without_superior_body() -> None:
    ds = build(CHAIN, without_body=["x"]).evolve(supervisions=COMPLIANT_SUPS[:2])
    f = the_finding(
        run(ds, "government.supervision_interval"), "government.supervision_interval", "org-t-gov"
    )
    assert f.outcome.value == "undeterminable"
    assert f.evidence["missing"]


# --- government.regional_round --------------------------------------------------------------------------------------

REGION = build(
    [
        ("r", DivisionKind.AUTONOMOUS_REGION, None),
        ("c1", DivisionKind.PREFECTURE_CITY, "r"),
        ("c2", DivisionKind.PREFECTURE_CITY, "r"),
        ("k", DivisionKind.COUNTY, "c1"),
    ]
)


def test_regional_round_compliant() -> None:
    ds = REGION.evolve(supervisions=[sup("s1", "r", "c1", D(2024, 4, 1), SupervisionType.COMPREHENSIVE)])
    report = run(ds, "government.regional_round", "guangxi")
    assert_no_finding(report, "government.regional_round", "org-r-body")
    assert counts(report, "government.regional_round")["compliant"] == 1


def test_regional_round_violation_none_this_year() -> None:
    ds = REGION.evolve(supervisions=[sup("s1", "r", "c1", D(2023, 4, 1), SupervisionType.COMPREHENSIVE)])
    f = the_finding(
        run(ds, "government.regional_round", "guangxi"), "government.regional_round", "org-r-body"
    )
    assert (f.outcome.value, f.severity.value, f.subject.kind) == ("violation", "error", "organisation")
    assert responsible(f) == "org-r-body"
    assert dict(f.evidence) == {"year": 2024, "comprehensive_supervisions": 0, "required": 1}
    assert "GX" in cited(f)


@pytest.mark.parametrize(
    "other",
    [
        sup("s1", "r", "c1", D(2024, 4, 1), SupervisionType.SPECIAL),
        sup("s1", "c1", "k", D(2024, 4, 1), SupervisionType.COMPREHENSIVE),
        sup("s1", "r", "c1", D(2025, 1, 1), SupervisionType.COMPREHENSIVE),
    ],
)
def test_regional_round_only_the_regions_comprehensive_supervisions_of_the_year(other: Supervision) -> None:
    f = the_finding(
        run(REGION.evolve(supervisions=[other]), "government.regional_round", "guangxi"),
        "government.regional_round",
        "org-r-body",
    )
    assert f.evidence["comprehensive_supervisions"] == 0


def test_regional_round_judges_the_last_complete_year() -> None:
    ds = REGION.evolve(supervisions=[sup("s1", "r", "c1", D(2023, 4, 1), SupervisionType.COMPREHENSIVE)])
    assert run(ds, "government.regional_round", "guangxi", as_of=D(2024, 12, 30)).findings == ()


def test_regional_round_rounds_parameter() -> None:
    scenario = get_profile("guangxi").derive("gx-2", override("government.regional_round", rounds=2))
    ds = REGION.evolve(supervisions=[sup("s1", "r", "c1", D(2024, 4, 1), SupervisionType.COMPREHENSIVE)])
    f = the_finding(run(ds, "government.regional_round", scenario), "government.regional_round", "org-r-body")
    assert (f.evidence["comprehensive_supervisions"], f.evidence["required"]) == (1, 2)


def test_regional_round_has_no_subject_below_provincial_level() -> None:
    report = run(SAMPLE, "government.regional_round", "guangxi")
    assert report.findings == ()
    assert sum(counts(report, "government.regional_round").values()) == 0


def test_regional_round_not_applicable_before_gx() -> None:
    report = run(REGION, "government.regional_round", "guangxi", as_of=D(2020, 5, 13))
    f = the_finding(report, "government.regional_round", "div-r")
    assert (f.outcome.value, f.severity.value) == ("not_applicable", "info")


def test_regional_round_only_in_guangxi() -> None:
    assert [
        p
        for p in ("national", "guangxi", "chongqing", "zibo", "weihai-etdz")
        if "government.regional_round" in resolve(p).rules
    ] == ["guangxi"]


# --- government.onsite_sample ---------------------------------------------------------------------------------------

CITY = build(
    [("m", DivisionKind.MUNICIPALITY, None), *((f"d{n}", DivisionKind.DISTRICT, "m") for n in range(1, 11))]
)


def checks(
    districts: Sequence[int],
    year: int = 2024,
    kind: SupervisionType = SupervisionType.ONSITE_CHECK,
    body: str = "m",
) -> list[Supervision]:
    return [
        sup(f"{kind.value}-{year}-{body}-{i}-{n}", body, f"d{n}", D(year, 5, 1), kind)
        for i, n in enumerate(districts)
    ]


def test_onsite_sample_compliant() -> None:
    ds = CITY.evolve(
        supervisions=[
            *checks([9, 10], 2023),
            *checks(range(1, 9)),
            *checks([9, 10], kind=SupervisionType.FOLLOW_UP),
        ]
    )
    report = run(ds, "government.onsite_sample", "chongqing")
    assert_no_finding(report, "government.onsite_sample", "org-m-body")
    assert counts(report, "government.onsite_sample")["compliant"] == 1


def test_onsite_sample_violation_too_few() -> None:
    f = the_finding(
        run(CITY.evolve(supervisions=checks(range(1, 8))), "government.onsite_sample", "chongqing"),
        "government.onsite_sample",
        "org-m-body",
    )
    assert (f.outcome.value, f.severity.value) == ("violation", "error")
    assert responsible(f) == "org-m-body"
    assert dict(f.evidence) == {
        "year": 2024,
        "checked": 7,
        "required": 8,
        "no_follow_up": [],
        "failed": ["too_few"],
    }
    assert "CQ" in cited(f)


def test_onsite_sample_counts_districts_not_visits() -> None:
    ds = CITY.evolve(supervisions=checks([1, 2, 3, 4, 5, 6, 7, 7]))
    f = the_finding(
        run(ds, "government.onsite_sample", "chongqing"), "government.onsite_sample", "org-m-body"
    )
    assert f.evidence["checked"] == 7


def test_onsite_sample_violation_no_follow_up_next_year() -> None:
    ds = CITY.evolve(
        supervisions=[
            *checks([9, 10], 2023),
            *checks(range(1, 9)),
            *checks([10], kind=SupervisionType.FOLLOW_UP),
        ]
    )
    f = the_finding(
        run(ds, "government.onsite_sample", "chongqing"), "government.onsite_sample", "org-m-body"
    )
    assert list(f.evidence["failed"]) == ["no_follow_up"]
    assert list(f.evidence["no_follow_up"]) == ["org-d9-gov"]
    assert f.evidence["checked"] == 8


@pytest.mark.parametrize(
    "follow_up",
    [
        checks([9], 2025, SupervisionType.FOLLOW_UP),
        checks([9], 2024, SupervisionType.FOLLOW_UP, body="d1"),
        checks([9], 2024, SupervisionType.SPECIAL),
    ],
)
def test_onsite_sample_follow_up_must_be_the_bodys_in_the_next_year(follow_up: list[Supervision]) -> None:
    ds = CITY.evolve(supervisions=[*checks([9], 2023), *checks(range(1, 9)), *follow_up])
    f = the_finding(
        run(ds, "government.onsite_sample", "chongqing"), "government.onsite_sample", "org-m-body"
    )
    assert list(f.evidence["no_follow_up"]) == ["org-d9-gov"]


def test_onsite_sample_both_failures() -> None:
    ds = CITY.evolve(supervisions=[*checks([9], 2023), *checks([1])])
    f = the_finding(
        run(ds, "government.onsite_sample", "chongqing"), "government.onsite_sample", "org-m-body"
    )
    assert sorted(f.evidence["failed"]) == ["no_follow_up", "too_few"]


def test_onsite_sample_has_no_subject_below_provincial_level() -> None:
    report = run(SAMPLE, "government.onsite_sample", "chongqing")
    assert report.findings == ()
    assert sum(counts(report, "government.onsite_sample").values()) == 0


def test_onsite_sample_not_applicable_before_cq() -> None:
    report = run(CITY, "government.onsite_sample", "chongqing", as_of=D(2022, 2, 18))
    assert the_finding(report, "government.onsite_sample", "div-m").outcome.value == "not_applicable"


# --- reform.target_2022 ---------------------------------------------------------------------------------------------


def structural_only(parent: str = "national") -> Profile:
    """A scenario keeping only the committee, body and chief-inspector parts of the structure."""
    base = get_profile(parent)
    return base.derive(f"{parent}-structure", disable("zone.coverage"), disable("inspector.ratio"))


SAMPLE_COMMITTEE = Committee(
    id="cmt-qs", name="青山县人民政府教育督导委员会", government_id="org-qs-gov", office_host_id="org-qs-edu"
)


@pytest.mark.parametrize("parent", ["national", "guangxi", "zibo"])
def test_target_compliant_when_structure_holds(parent: str) -> None:
    report = run(SAMPLE.evolve(committees=[SAMPLE_COMMITTEE]), "reform.target_2022", structural_only(parent))
    assert_no_finding(report, "reform.target_2022", "div-qingshan")
    assert counts(report, "reform.target_2022")["compliant"] == 1


@pytest.mark.parametrize(("parent", "doc"), [("national", "OPN"), ("guangxi", "GX"), ("zibo", "ZB")])
def test_target_violation_without_committee(parent: str, doc: str) -> None:
    ds = SAMPLE.evolve(committees=[], committee_members=[], meetings=[])
    f = the_finding(
        run(ds, "reform.target_2022", structural_only(parent)), "reform.target_2022", "div-qingshan"
    )
    assert (f.outcome.value, f.severity.value, f.subject.kind) == ("violation", "error", "division")
    assert responsible(f) == "org-qs-gov"
    assert f.evidence["target"] == D(2022, 12, 31)
    assert list(f.evidence["failing_rules"]) == ["committee.exists"]
    assert dict(f.evidence["violations"]) == {"committee.exists": 1}
    assert {"OPN", doc} <= cited(f)
    assert "committee.exists" in f.message_en


def test_target_the_sample_deliberate_violation() -> None:
    f = the_finding(run(SAMPLE, "reform.target_2022"), "reform.target_2022", "div-qingshan")
    assert "zone.coverage" in f.evidence["failing_rules"]


@pytest.mark.parametrize("parent", ["chongqing", "weihai-etdz"])
def test_target_counts_chief_inspector_where_the_profile_has_it(parent: str) -> None:
    ds = SAMPLE.evolve(committees=[SAMPLE_COMMITTEE])
    f = the_finding(
        run(ds, "reform.target_2022", structural_only(parent)), "reform.target_2022", "div-qingshan"
    )
    assert list(f.evidence["failing_rules"]) == ["body.chief_inspector"]


@pytest.mark.parametrize(("as_of", "judged"), [(D(2022, 12, 30), False), (D(2022, 12, 31), True)])
def test_target_judged_from_the_target_date(as_of: dt.date, judged: bool) -> None:
    ds = SAMPLE.evolve(committees=[], committee_members=[], meetings=[])
    report = run(ds, "reform.target_2022", structural_only(), as_of=as_of)
    assert bool(report.violations()) is judged
    assert sum(counts(report, "reform.target_2022").values()) == int(judged)


def test_target_structural_rules_parameter() -> None:
    scenario = structural_only().derive(
        "committee-only", override("reform.target_2022", structural_rules=("body.exists",))
    )
    ds = SAMPLE.evolve(committees=[], committee_members=[], meetings=[])
    assert run(ds, "reform.target_2022", scenario).findings == ()


def test_target_undeterminable_when_a_structural_rule_is() -> None:
    ds = Dataset(
        info=DatasetInfo(name="no government", reference_date=AS_OF),
        divisions=[Division(id="div-x", name="某县", kind=DivisionKind.COUNTY)],
        organisations=[
            Organisation(
                id="org-x-body", name="某县督导室", kind=OrgKind.SUPERVISION_BODY, division_id="div-x"
            )
        ],
    )
    report = run(ds, "reform.target_2022", structural_only())
    assert validate(ds, profile=structural_only(), rules=["committee.exists"]).findings[0].outcome.value == (
        "undeterminable"
    )
    f = the_finding(report, "reform.target_2022", "div-x")
    assert f.outcome.value == "undeterminable"
