"""Rules on committees and supervision bodies (RULEBOOK "Committees and supervision bodies (机构)").

Every rule is checked through ``validate(..., rules=[rule_id])`` under a profile where it applies, with a
compliant case (no finding for the subject, and the subject counted as compliant), a violating case (the
finding's rule, subject, outcome, severity, responsible unit, evidence and citations), the undeterminable
case where the rule can yield one, and the boundaries that matter.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import pytest

from edusupervision import (
    Budget,
    Committee,
    CommitteeMember,
    Dataset,
    DatasetInfo,
    Division,
    DivisionKind,
    Employment,
    Inspector,
    InspectorKind,
    Meeting,
    MeetingKind,
    Organisation,
    OrgKind,
    Person,
    Position,
    ReportItem,
    UpwardReport,
    sample_dataset,
)
from edusupervision.profiles import get_profile, override, resolve
from rule_checks import assert_no_finding, cited, counts, evolve, replace, run, the_finding

if TYPE_CHECKING:
    from collections.abc import Sequence

D = dt.date
AS_OF = D(2024, 12, 31)
SAMPLE = sample_dataset()


# --- helpers --------------------------------------------------------------------------------------------------------


def committee(**changes: Any) -> Committee:
    base = Committee(
        id="cmt-qs",
        name="青山县人民政府教育督导委员会",
        government_id="org-qs-gov",
        office_host_id="org-qs-edu",
        director_id="p-qs-vice",
        deputy_ids=("p-qs-edu-head",),
        established_on=D(2020, 9, 1),
    )
    result: Committee = evolve(base, **changes)
    return result


def with_committee(ds: Dataset = SAMPLE, **changes: Any) -> Dataset:
    """Return the sample with its one committee set explicitly (so the test states what it relies on)."""
    return ds.evolve(committees=[committee(**changes)])


def tree(*, levels: Sequence[tuple[str, DivisionKind]], committees: bool = True) -> Dataset:
    """Build a one-branch hierarchy: a government (and a body) per division, and optionally a committee each."""
    divisions: list[Division] = []
    orgs: list[Organisation] = []
    cmts: list[Committee] = []
    parent: str | None = None
    for code, kind in levels:
        divisions.append(Division(id=f"div-{code}", name=f"{code}区划", kind=kind, parent_id=parent))
        orgs += [
            Organisation(
                id=f"org-{code}-gov", name=f"{code}政府", kind=OrgKind.GOVERNMENT, division_id=f"div-{code}"
            ),
            Organisation(
                id=f"org-{code}-body",
                name=f"{code}督导室",
                kind=OrgKind.SUPERVISION_BODY,
                division_id=f"div-{code}",
                parent_id=f"org-{code}-gov",
            ),
        ]
        if committees:
            cmts.append(
                Committee(id=f"cmt-{code}", name=f"{code}督导委员会", government_id=f"org-{code}-gov")
            )
        parent = f"div-{code}"
    return Dataset(
        info=DatasetInfo(name="tree", reference_date=AS_OF),
        divisions=divisions,
        organisations=orgs,
        committees=cmts,
    )


PROVINCE_TREE = (
    ("p", DivisionKind.PROVINCE),
    ("c", DivisionKind.PREFECTURE_CITY),
    ("x", DivisionKind.COUNTY),
    ("t", DivisionKind.TOWN),
)


# --- committee.exists -----------------------------------------------------------------------------------------------


def test_committee_exists_compliant_with_exactly_one() -> None:
    report = run(with_committee(), "committee.exists")
    assert_no_finding(report, "committee.exists", "org-qs-gov")
    assert counts(report, "committee.exists")["compliant"] == 1


@pytest.mark.parametrize(
    ("profile", "docs"),
    [
        ("national", {"OPN"}),
        ("guangxi", {"OPN", "GX"}),
        ("zibo", {"OPN", "ZB"}),
        ("weihai-etdz", {"OPN", "WH"}),
    ],
)
def test_committee_exists_violation_when_none(profile: str, docs: set[str]) -> None:
    ds = SAMPLE.evolve(committees=[], committee_members=[], meetings=[])
    f = the_finding(run(ds, "committee.exists", profile), "committee.exists", "org-qs-gov")
    assert (f.outcome.value, f.severity.value, f.subject.kind) == ("violation", "error", "organisation")
    assert f.responsible is not None
    assert f.responsible.id == "org-qs-gov"
    assert f.evidence["count"] == 0
    assert list(f.evidence["committees"]) == []
    assert docs <= cited(f)
    assert "0" in f.message_en


def test_committee_exists_violation_when_two() -> None:
    second = committee(id="cmt-qs-2", name="青山县教育督导委员会（重复）")
    ds = SAMPLE.evolve(committees=[committee(), second])
    f = the_finding(run(ds, "committee.exists"), "committee.exists", "org-qs-gov")
    assert f.outcome.value == "violation"
    assert f.evidence["count"] == 2
    assert sorted(f.evidence["committees"]) == ["cmt-qs", "cmt-qs-2"]


def test_committee_of_another_government_does_not_count() -> None:
    ds = SAMPLE.evolve(committees=[committee(government_id="org-xh-gov")])
    f = the_finding(run(ds, "committee.exists"), "committee.exists", "org-qs-gov")
    assert f.evidence["count"] == 0


def test_committee_exists_undeterminable_without_government() -> None:
    ds = Dataset(
        info=DatasetInfo(name="no government", reference_date=AS_OF),
        divisions=[Division(id="div-x", name="某县", kind=DivisionKind.COUNTY)],
    )
    f = the_finding(run(ds, "committee.exists"), "committee.exists", "div-x")
    assert f.outcome.value == "undeterminable"
    assert f.subject.kind == "division"
    assert f.severity.value == "warning"  # an error rule that cannot be decided is a warning
    assert any("div-x" in m for m in f.evidence["missing"])
    assert "OPN" in cited(f)


@pytest.mark.parametrize(
    ("profile", "checked"),
    [
        ("national", {"org-p-gov", "org-c-gov", "org-x-gov"}),
        ("guangxi", {"org-p-gov", "org-c-gov", "org-x-gov"}),
        ("chongqing", {"org-p-gov"}),
        ("zibo", {"org-c-gov", "org-x-gov"}),
        ("weihai-etdz", {"org-x-gov"}),
    ],
)
def test_committee_exists_levels_per_profile(profile: str, checked: set[str]) -> None:
    without = tree(levels=PROVINCE_TREE, committees=False)
    report = run(without, "committee.exists", profile)
    assert {f.subject.id for f in report.by_rule("committee.exists")} == checked
    assert all(f.outcome.value == "violation" for f in report.findings)
    compliant = run(tree(levels=PROVINCE_TREE), "committee.exists", profile)
    assert compliant.findings == ()
    assert counts(compliant, "committee.exists")["compliant"] == len(checked)


def test_committee_exists_not_applicable_before_opn() -> None:
    report = run(with_committee(), "committee.exists", as_of=D(2020, 2, 18))
    f = the_finding(report, "committee.exists", "div-qingshan")
    assert (f.outcome.value, f.severity.value) == ("not_applicable", "info")
    assert "2020-02-19" in str(f.evidence["reason"])
    assert (
        counts(
            run(with_committee(established_on=D(2020, 1, 1)), "committee.exists", as_of=D(2020, 2, 19)),
            "committee.exists",
        )["compliant"]
        == 1
    )


def test_committee_established_after_as_of_does_not_exist_yet() -> None:
    report = run(with_committee(established_on=D(2021, 6, 1)), "committee.exists", as_of=D(2020, 12, 31))
    f = the_finding(report, "committee.exists", "org-qs-gov")
    assert f.outcome.value == "violation"
    assert f.evidence["count"] == 0


# --- committee.office_host ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("profile", ["guangxi", "weihai-etdz"])
def test_office_host_compliant_in_same_level_education_authority(profile: str) -> None:
    report = run(with_committee(), "committee.office_host", profile)
    assert_no_finding(report, "committee.office_host", "cmt-qs")
    assert counts(report, "committee.office_host")["compliant"] == 1


@pytest.mark.parametrize(("profile", "doc"), [("guangxi", "GX"), ("weihai-etdz", "WH")])
def test_office_host_violation_in_finance_bureau(profile: str, doc: str) -> None:
    report = run(with_committee(office_host_id="org-qs-fin"), "committee.office_host", profile)
    f = the_finding(report, "committee.office_host", "cmt-qs")
    assert (f.outcome.value, f.severity.value, f.subject.kind) == ("violation", "error", "committee")
    assert f.responsible is not None
    assert f.responsible.id == "org-qs-gov"
    assert f.evidence["host_kind"] == "finance"
    assert f.evidence["same_level"] is True
    assert doc in cited(f)
    assert "青山县财政局" in f.message_zh


def test_office_host_violation_in_upper_level_education_authority() -> None:
    report = run(with_committee(office_host_id="org-yz-edu"), "committee.office_host", "guangxi")
    f = the_finding(report, "committee.office_host", "cmt-qs")
    assert f.outcome.value == "violation"
    assert f.evidence["host_kind"] == "education_authority"
    assert f.evidence["same_level"] is False


def test_office_host_undeterminable_when_not_recorded() -> None:
    report = run(with_committee(office_host_id=None), "committee.office_host", "guangxi")
    f = the_finding(report, "committee.office_host", "cmt-qs")
    assert (f.outcome.value, f.severity.value) == ("undeterminable", "warning")
    assert list(f.evidence["missing"]) == ["committees.office_host_id"]
    assert f.responsible is not None
    assert f.responsible.id == "org-qs-gov"


def test_office_host_not_applicable_before_gx() -> None:
    report = run(
        with_committee(office_host_id="org-qs-fin"), "committee.office_host", "guangxi", as_of=D(2020, 5, 13)
    )
    f = the_finding(report, "committee.office_host", "div-qingshan")
    assert (f.outcome.value, f.severity.value) == ("not_applicable", "info")
    assert report.violations() == ()


# --- committee.leadership -------------------------------------------------------------------------------------------


def test_leadership_compliant_guangxi_with_two_deputies() -> None:
    ds = with_committee(deputy_ids=("p-qs-edu-head", "p-qs-edu-deputy"))
    report = run(ds, "committee.leadership", "guangxi")
    assert_no_finding(report, "committee.leadership", "cmt-qs")
    assert counts(report, "committee.leadership")["compliant"] == 1


def test_leadership_compliant_weihai_any_number_of_deputies() -> None:
    report = run(with_committee(), "committee.leadership", "weihai-etdz")
    assert_no_finding(report, "committee.leadership", "cmt-qs")
    assert counts(report, "committee.leadership")["compliant"] == 1


def test_leadership_violation_guangxi_one_deputy() -> None:
    f = the_finding(
        run(with_committee(), "committee.leadership", "guangxi"), "committee.leadership", "cmt-qs"
    )
    assert (f.outcome.value, f.severity.value) == ("violation", "error")
    assert f.responsible is not None
    assert f.responsible.id == "org-qs-gov"
    assert f.evidence["deputies"] == 1
    assert f.evidence["deputies_required"] == 2
    assert list(f.evidence["failed"]) == ["deputy_count"]
    assert "GX" in cited(f)


def test_leadership_violation_guangxi_three_deputies() -> None:
    ds = with_committee(deputy_ids=("p-qs-edu-head", "p-qs-edu-deputy", "p-qs-mayor"))
    f = the_finding(run(ds, "committee.leadership", "guangxi"), "committee.leadership", "cmt-qs")
    assert f.evidence["deputies"] == 3
    assert list(f.evidence["failed"]) == ["deputy_count"]


def test_leadership_violation_director_is_main_leader() -> None:
    ds = with_committee(director_id="p-qs-mayor")
    f = the_finding(run(ds, "committee.leadership", "weihai-etdz"), "committee.leadership", "cmt-qs")
    assert f.outcome.value == "violation"
    assert list(f.evidence["failed"]) == ["director"]
    assert f.evidence["director_position"] == "main_leader"
    assert "WH" in cited(f)


def test_leadership_violation_director_of_another_government() -> None:
    other = Person(
        id="p-xh-vice",
        name="某镇分管",
        organisation_id="org-xh-gov",
        position=Position.LEADER_IN_CHARGE_OF_EDUCATION,
    )
    ds = with_committee(SAMPLE.evolve(persons=[*SAMPLE.persons, other]), director_id="p-xh-vice")
    f = the_finding(run(ds, "committee.leadership", "weihai-etdz"), "committee.leadership", "cmt-qs")
    assert list(f.evidence["failed"]) == ["director"]


def test_leadership_violation_education_head_not_a_deputy() -> None:
    ds = with_committee(deputy_ids=("p-qs-edu-deputy",))
    f = the_finding(run(ds, "committee.leadership", "weihai-etdz"), "committee.leadership", "cmt-qs")
    assert list(f.evidence["failed"]) == ["education_head"]
    assert f.evidence["education_head_is_deputy"] is False


def test_leadership_violation_upper_level_education_head_does_not_count() -> None:
    head = Person(
        id="p-yz-edu-head",
        name="市教育局长",
        organisation_id="org-yz-edu",
        position=Position.HEAD_OF_EDUCATION_AUTHORITY,
    )
    ds = with_committee(SAMPLE.evolve(persons=[*SAMPLE.persons, head]), deputy_ids=("p-yz-edu-head",))
    f = the_finding(run(ds, "committee.leadership", "weihai-etdz"), "committee.leadership", "cmt-qs")
    assert list(f.evidence["failed"]) == ["education_head"]


def test_leadership_undeterminable_without_director() -> None:
    f = the_finding(
        run(with_committee(director_id=None), "committee.leadership", "guangxi"),
        "committee.leadership",
        "cmt-qs",
    )
    assert (f.outcome.value, f.severity.value) == ("undeterminable", "warning")
    assert list(f.evidence["missing"]) == ["committees.director_id"]


def test_leadership_deputies_parameter_overridable() -> None:
    scenario = get_profile("guangxi").derive(
        "gx-1-deputy", override("committee.leadership", deputies=1, cite="GX 二(一)")
    )
    report = run(with_committee(), "committee.leadership", scenario)
    assert_no_finding(report, "committee.leadership", "cmt-qs")


# --- committee.member_level -----------------------------------------------------------------------------------------


def test_member_level_compliant_same_level_units() -> None:
    ds = with_committee()
    report = run(ds, "committee.member_level", "guangxi")
    assert report.by_rule("committee.member_level") == ()
    assert counts(report, "committee.member_level")["compliant"] == len(ds.committee_members)


def test_member_level_violation_upper_level_unit() -> None:
    members = [
        *SAMPLE.committee_members,
        CommitteeMember(committee_id="cmt-qs", organisation_id="org-yz-edu", liaison_id="p-qs-edu-deputy"),
    ]
    ds = with_committee(SAMPLE.evolve(committee_members=members))
    f = the_finding(
        run(ds, "committee.member_level", "guangxi"), "committee.member_level", "cmt-qs/org-yz-edu"
    )
    assert (f.outcome.value, f.severity.value, f.subject.kind) == ("violation", "error", "committee_member")
    assert f.responsible is not None
    assert f.responsible.id == "org-qs-edu"  # the committee office
    assert f.evidence["member_division"] == "div-yunzhou"
    assert f.evidence["committee_division"] == "div-qingshan"
    assert f.location == {"table": "committee_members", "row": len(members)}
    assert "GX" in cited(f)
    assert "云州市教育局" in f.message_zh


def test_member_level_responsible_falls_back_to_government_without_office() -> None:
    members = [CommitteeMember(committee_id="cmt-qs", organisation_id="org-yz-edu")]
    ds = with_committee(SAMPLE.evolve(committee_members=members), office_host_id=None)
    f = the_finding(
        run(ds, "committee.member_level", "guangxi"), "committee.member_level", "cmt-qs/org-yz-edu"
    )
    assert f.responsible is not None
    assert f.responsible.id == "org-qs-gov"


# --- committee.liaison ----------------------------------------------------------------------------------------------


def _members(*, market_liaison: str | None) -> list[CommitteeMember]:
    return [
        CommitteeMember(committee_id="cmt-qs", organisation_id="org-qs-edu", liaison_id="p-qs-edu-deputy"),
        CommitteeMember(committee_id="cmt-qs", organisation_id="org-qs-market", liaison_id=market_liaison),
    ]


@pytest.mark.parametrize("profile", ["guangxi", "weihai-etdz"])
def test_liaison_compliant_when_every_unit_names_one(profile: str) -> None:
    ds = with_committee(SAMPLE.evolve(committee_members=_members(market_liaison="p-qs-edu-head")))
    report = run(ds, "committee.liaison", profile)
    assert report.by_rule("committee.liaison") == ()
    assert counts(report, "committee.liaison")["compliant"] == 2


@pytest.mark.parametrize(("profile", "doc"), [("guangxi", "GX"), ("weihai-etdz", "WH")])
def test_liaison_violation_unit_without_liaison(profile: str, doc: str) -> None:
    ds = with_committee(SAMPLE.evolve(committee_members=_members(market_liaison=None)))
    report = run(ds, "committee.liaison", profile)
    f = the_finding(report, "committee.liaison", "cmt-qs/org-qs-market")
    assert (f.outcome.value, f.severity.value) == ("violation", "error")
    assert f.responsible is not None
    assert f.responsible.id == "org-qs-market"  # the member unit itself
    assert f.evidence["liaison"] is None
    assert f.location == {"table": "committee_members", "row": 2}
    assert doc in cited(f)
    assert counts(report, "committee.liaison")["compliant"] == 1


def test_liaison_of_committee_outside_jurisdiction_is_not_checked() -> None:
    outside = Committee(id="cmt-yz", name="云州市督导委员会", government_id="org-yz-gov")
    members = [CommitteeMember(committee_id="cmt-yz", organisation_id="org-yz-edu")]
    ds = SAMPLE.evolve(committees=[committee(), outside], committee_members=members)
    report = run(ds, "committee.liaison", "guangxi")
    assert report.findings == ()
    assert sum(counts(report, "committee.liaison").values()) == 0


# --- committee.annual_plenary ---------------------------------------------------------------------------------------


def plenary(day: dt.date, kind: MeetingKind = MeetingKind.PLENARY, mid: str = "mtg-x") -> Meeting:
    return Meeting(id=mid, committee_id="cmt-qs", date=day, kind=kind)


def test_annual_plenary_compliant_one_in_year() -> None:
    ds = with_committee(SAMPLE.evolve(meetings=[plenary(D(2024, 3, 15))]))
    report = run(ds, "committee.annual_plenary", "weihai-etdz")
    assert_no_finding(report, "committee.annual_plenary", "cmt-qs")
    assert counts(report, "committee.annual_plenary")["compliant"] == 1


def test_annual_plenary_violation_none_held() -> None:
    ds = with_committee(SAMPLE.evolve(meetings=[]))
    f = the_finding(run(ds, "committee.annual_plenary", "weihai-etdz"), "committee.annual_plenary", "cmt-qs")
    assert (f.outcome.value, f.severity.value) == ("violation", "error")
    assert f.responsible is not None
    assert f.responsible.id == "org-qs-edu"  # the committee office
    assert dict(f.evidence) == {"year": 2024, "plenary_meetings": 0, "minimum": 1}
    assert "WH" in cited(f)


@pytest.mark.parametrize(
    "meeting",
    [plenary(D(2024, 3, 15), MeetingKind.DIRECTORS), plenary(D(2023, 12, 31)), plenary(D(2025, 1, 1))],
)
def test_annual_plenary_only_plenaries_of_the_year_count(meeting: Meeting) -> None:
    ds = with_committee(SAMPLE.evolve(meetings=[meeting]))
    f = the_finding(run(ds, "committee.annual_plenary", "weihai-etdz"), "committee.annual_plenary", "cmt-qs")
    assert f.evidence["plenary_meetings"] == 0


def test_annual_plenary_judges_last_complete_year() -> None:
    ds = with_committee(SAMPLE.evolve(meetings=[plenary(D(2024, 3, 15))]))
    f = the_finding(
        run(ds, "committee.annual_plenary", "weihai-etdz", as_of=D(2024, 12, 30)),
        "committee.annual_plenary",
        "cmt-qs",
    )
    assert f.evidence["year"] == 2023
    assert f.evidence["plenary_meetings"] == 0


def test_annual_plenary_skips_committee_established_after_year() -> None:
    ds = with_committee(SAMPLE.evolve(meetings=[]), established_on=D(2025, 1, 1))
    report = run(ds, "committee.annual_plenary", "weihai-etdz")
    assert report.findings == ()
    assert sum(counts(report, "committee.annual_plenary").values()) == 0


def test_annual_plenary_committee_established_on_last_day_is_judged() -> None:
    ds = with_committee(SAMPLE.evolve(meetings=[]), established_on=D(2024, 12, 31))
    f = the_finding(run(ds, "committee.annual_plenary", "weihai-etdz"), "committee.annual_plenary", "cmt-qs")
    assert f.outcome.value == "violation"


def test_annual_plenary_minimum_parameter() -> None:
    scenario = get_profile("weihai-etdz").derive("wh-2", override("committee.annual_plenary", minimum=2))
    ds = with_committee(SAMPLE.evolve(meetings=[plenary(D(2024, 3, 15))]))
    f = the_finding(run(ds, "committee.annual_plenary", scenario), "committee.annual_plenary", "cmt-qs")
    assert f.evidence["plenary_meetings"] == 1
    assert f.evidence["minimum"] == 2
    two = ds.evolve(meetings=[plenary(D(2024, 3, 15)), plenary(D(2024, 9, 1), mid="mtg-y")])
    assert run(two, "committee.annual_plenary", scenario).findings == ()


def test_annual_plenary_not_applicable_before_wh() -> None:
    ds = with_committee(SAMPLE.evolve(meetings=[]))
    report = run(ds, "committee.annual_plenary", "weihai-etdz", as_of=D(2021, 12, 31))
    f = the_finding(report, "committee.annual_plenary", "div-qingshan")
    assert f.outcome.value == "not_applicable"


# --- body.exists ----------------------------------------------------------------------------------------------------


def without_county_body(ds: Dataset = SAMPLE) -> Dataset:
    return ds.evolve(organisations=replace(ds.organisations, "org-qs-body", kind=OrgKind.OTHER))


def test_body_exists_compliant_and_townships_not_checked() -> None:
    report = run(SAMPLE, "body.exists")
    assert_no_finding(report, "body.exists", "org-qs-gov")
    # the county is checked; the four townships (which have no body) are not
    assert dict(counts(report, "body.exists")) == {
        "compliant": 1,
        "violation": 0,
        "undeterminable": 0,
        "not_applicable": 0,
    }


@pytest.mark.parametrize("profile", ["national", "guangxi", "chongqing", "zibo", "weihai-etdz"])
def test_body_exists_violation_without_body(profile: str) -> None:
    f = the_finding(run(without_county_body(), "body.exists", profile), "body.exists", "org-qs-gov")
    assert (f.outcome.value, f.severity.value, f.subject.kind) == ("violation", "error", "organisation")
    assert f.responsible is not None
    assert f.responsible.id == "org-qs-gov"
    assert f.evidence["body"] is None
    assert f.evidence["division"] == "青山县"
    assert "REG" in cited(f)
    assert "青山县" in f.message_zh


def test_body_exists_every_level_down_to_county() -> None:
    ds = tree(levels=PROVINCE_TREE)
    ds = ds.evolve(organisations=[o for o in ds.organisations if o.id != "org-c-body"])
    report = run(ds, "body.exists")
    assert [f.subject.id for f in report.findings] == ["org-c-gov"]
    assert counts(report, "body.exists")["compliant"] == 2  # province and county; the town is not checked


def test_body_exists_without_government_names_the_division() -> None:
    ds = Dataset(
        info=DatasetInfo(name="bare", reference_date=AS_OF),
        divisions=[Division(id="div-x", name="某县", kind=DivisionKind.COUNTY)],
    )
    f = the_finding(run(ds, "body.exists"), "body.exists", "div-x")
    assert f.subject.kind == "division"
    assert f.outcome.value == "violation"


# --- body.chief_inspector -------------------------------------------------------------------------------------------


def chief(iid: str = "insp-chief", **changes: Any) -> Inspector:
    base = Inspector(
        id=iid,
        name="总督学",
        kind=InspectorKind.CHIEF,
        employment=Employment.FULL_TIME,
        appointed_by="org-qs-gov",
        division_id="div-qingshan",
        appointed_on=D(2022, 3, 1),
    )
    result: Inspector = evolve(base, **changes)
    return result


def with_chiefs(*chiefs: Inspector) -> Dataset:
    others = [i for i in SAMPLE.inspectors if i.kind is not InspectorKind.CHIEF]
    return SAMPLE.evolve(inspectors=[*others, *chiefs])


@pytest.mark.parametrize("profile", ["chongqing", "weihai-etdz"])
def test_chief_inspector_compliant_with_one(profile: str) -> None:
    report = run(with_chiefs(chief()), "body.chief_inspector", profile)
    assert_no_finding(report, "body.chief_inspector", "org-qs-body")
    assert counts(report, "body.chief_inspector")["compliant"] == 1


@pytest.mark.parametrize(("profile", "doc"), [("chongqing", "CQ"), ("weihai-etdz", "WH")])
def test_chief_inspector_violation_none(profile: str, doc: str) -> None:
    f = the_finding(
        run(with_chiefs(), "body.chief_inspector", profile), "body.chief_inspector", "org-qs-body"
    )
    assert (f.outcome.value, f.severity.value, f.subject.kind) == ("violation", "error", "organisation")
    assert f.responsible is not None
    assert f.responsible.id == "org-qs-gov"
    assert f.evidence["count"] == 0
    assert doc in cited(f)


def test_chief_inspector_violation_two_at_one_level() -> None:
    report = run(with_chiefs(chief(), chief("insp-chief-2")), "body.chief_inspector", "chongqing")
    f = the_finding(report, "body.chief_inspector", "org-qs-body")
    assert f.evidence["count"] == 2
    assert sorted(f.evidence["chief_inspectors"]) == ["insp-chief", "insp-chief-2"]


@pytest.mark.parametrize(
    "inactive",
    [
        chief(dismissed_on=D(2024, 6, 30)),
        chief(appointed_on=D(2025, 1, 1)),
        chief(kind=InspectorKind.DEPUTY_CHIEF),
    ],
)
def test_chief_inspector_inactive_or_deputy_does_not_count(inactive: Inspector) -> None:
    f = the_finding(
        run(with_chiefs(inactive), "body.chief_inspector", "chongqing"), "body.chief_inspector", "org-qs-body"
    )
    assert f.evidence["count"] == 0


@pytest.mark.parametrize(
    ("profile", "checked"),
    [
        ("guangxi", {"org-p-body"}),
        ("chongqing", {"org-p-body", "org-x-body"}),
        ("zibo", {"org-c-body"}),
        ("weihai-etdz", {"org-x-body"}),
    ],
)
def test_chief_inspector_levels_per_profile(profile: str, checked: set[str]) -> None:
    report = run(tree(levels=PROVINCE_TREE), "body.chief_inspector", profile)
    assert {f.subject.id for f in report.findings} == checked
    assert all(f.outcome.value == "violation" for f in report.findings)


def test_chief_inspector_not_in_national() -> None:
    assert "body.chief_inspector" not in resolve("national").rules


def test_chief_inspector_not_applicable_before_cq() -> None:
    report = run(with_chiefs(), "body.chief_inspector", "chongqing", as_of=D(2022, 2, 18))
    f = the_finding(report, "body.chief_inspector", "div-qingshan")
    assert (f.outcome.value, f.severity.value) == ("not_applicable", "info")
    assert "2022-02-19" in str(f.evidence["reason"])


@pytest.mark.parametrize(
    ("rule", "profile", "as_of", "doc"),
    [
        ("body.chief_inspector", "chongqing", D(2022, 2, 18), "CQ"),
        ("committee.office_host", "guangxi", D(2020, 5, 13), "GX"),
        ("committee.annual_plenary", "weihai-etdz", D(2021, 12, 31), "WH"),
    ],
)
def test_not_applicable_finding_cites_the_source_that_adds_the_rule(
    rule: str, profile: str, as_of: dt.date, doc: str
) -> None:
    f = the_finding(run(with_committee(), rule, profile, as_of=as_of), rule, "div-qingshan")
    assert f.outcome.value == "not_applicable"
    assert doc in cited(f)


# --- body.report_upward ---------------------------------------------------------------------------------------------


def report_row(
    items: Sequence[ReportItem] = (ReportItem.WORK_PLAN, ReportItem.RESULTS),
    *,
    year: int = 2023,
    recipient: str = "org-yz-body",
) -> UpwardReport:
    return UpwardReport(
        id=f"rep-{year}-{recipient}",
        body_id="org-qs-body",
        recipient_id=recipient,
        year=year,
        items=tuple(items),
        date=D(year + 1, 1, 20),
    )


def test_report_upward_compliant() -> None:
    report = run(SAMPLE.evolve(upward_reports=[report_row()]), "body.report_upward")
    assert_no_finding(report, "body.report_upward", "org-qs-body")
    assert counts(report, "body.report_upward")["compliant"] == 1


def test_report_upward_violation_no_report() -> None:
    f = the_finding(
        run(SAMPLE.evolve(upward_reports=[]), "body.report_upward"), "body.report_upward", "org-qs-body"
    )
    assert (f.outcome.value, f.severity.value) == ("violation", "error")
    assert f.responsible is not None
    assert f.responsible.id == "org-qs-body"
    assert f.evidence["year"] == 2023
    assert list(f.evidence["reports"]) == []
    assert sorted(f.evidence["missing_items"]) == ["results", "work_plan"]
    assert f.evidence["recipient"] == "云州市人民政府教育督导室"
    assert "REG" in cited(f)


def test_report_upward_violation_wrong_recipient() -> None:
    ds = SAMPLE.evolve(upward_reports=[report_row(recipient="org-sf-body")])
    f = the_finding(run(ds, "body.report_upward"), "body.report_upward", "org-qs-body")
    assert list(f.evidence["reports"]) == []


def test_report_upward_violation_missing_item() -> None:
    ds = SAMPLE.evolve(upward_reports=[report_row([ReportItem.WORK_PLAN])])
    f = the_finding(run(ds, "body.report_upward"), "body.report_upward", "org-qs-body")
    assert list(f.evidence["missing_items"]) == ["results"]


def test_report_upward_weihai_requires_annual_report_and_staff_changes() -> None:
    f = the_finding(
        run(SAMPLE.evolve(upward_reports=[report_row()]), "body.report_upward", "weihai-etdz"),
        "body.report_upward",
        "org-qs-body",
    )
    assert sorted(f.evidence["missing_items"]) == ["annual_report", "staff_changes"]
    assert {"REG", "WH"} <= cited(f)
    full = report_row(list(ReportItem))
    assert run(SAMPLE.evolve(upward_reports=[full]), "body.report_upward", "weihai-etdz").findings == ()


def test_report_upward_items_may_come_in_several_reports() -> None:
    ds = SAMPLE.evolve(
        upward_reports=[
            report_row([ReportItem.WORK_PLAN]),
            evolve(report_row([ReportItem.RESULTS]), id="rep-2"),
        ]
    )
    assert run(ds, "body.report_upward").findings == ()


@pytest.mark.parametrize(("as_of", "year"), [(D(2024, 3, 31), 2023), (D(2024, 3, 30), 2022)])
def test_report_upward_due_after_first_quarter(as_of: dt.date, year: int) -> None:
    ds = SAMPLE.evolve(upward_reports=[report_row()])
    report = run(ds, "body.report_upward", as_of=as_of)
    if year == 2023:
        assert report.findings == ()
    else:
        assert the_finding(report, "body.report_upward", "org-qs-body").evidence["year"] == year


def test_report_upward_undeterminable_without_upper_body() -> None:
    ds = SAMPLE.evolve(
        upward_reports=[report_row()],
        organisations=replace(SAMPLE.organisations, "org-yz-body", kind=OrgKind.OTHER),
    )
    f = the_finding(run(ds, "body.report_upward"), "body.report_upward", "org-qs-body")
    assert (f.outcome.value, f.severity.value) == ("undeterminable", "warning")
    assert any("青山县" in m for m in f.evidence["missing"])


def test_report_upward_root_of_hierarchy_is_not_checked() -> None:
    report = run(tree(levels=PROVINCE_TREE[:1]), "body.report_upward")
    assert report.findings == ()
    assert sum(counts(report, "body.report_upward").values()) == 0


# --- body.funding ---------------------------------------------------------------------------------------------------


def budget(year: int, *, funded: bool = True) -> Budget:
    return Budget(government_id="org-qs-gov", year=year, supervision_funding=funded, amount=1.0)


def test_funding_compliant() -> None:
    report = run(SAMPLE.evolve(budgets=[budget(2024)]), "body.funding")
    assert_no_finding(report, "body.funding", "org-qs-gov")
    assert counts(report, "body.funding")["compliant"] == 1  # the townships are not checked


@pytest.mark.parametrize(
    ("profile", "doc"), [("national", "REG"), ("guangxi", "GX"), ("zibo", "ZB"), ("weihai-etdz", "WH")]
)
def test_funding_violation_not_in_budget(profile: str, doc: str) -> None:
    ds = SAMPLE.evolve(budgets=[budget(2023), budget(2024, funded=False)])
    f = the_finding(run(ds, "body.funding", profile), "body.funding", "org-qs-gov")
    assert (f.outcome.value, f.severity.value) == ("violation", "error")
    assert f.responsible is not None
    assert f.responsible.id == "org-qs-gov"
    assert dict(f.evidence) == {"year": 2024, "supervision_funding": False}
    assert {"REG", doc} <= cited(f)


def test_funding_undeterminable_without_budget_row() -> None:
    f = the_finding(run(SAMPLE.evolve(budgets=[budget(2023)]), "body.funding"), "body.funding", "org-qs-gov")
    assert (f.outcome.value, f.severity.value) == ("undeterminable", "warning")
    assert list(f.evidence["missing"]) == ["budgets: org-qs-gov 2024"]
    assert "2024" in f.message_en


def test_funding_judges_the_as_of_year() -> None:
    ds = SAMPLE.evolve(budgets=[budget(2023), budget(2024, funded=False)])
    assert run(ds, "body.funding", as_of=D(2023, 12, 31)).findings == ()
