"""Resolution of responsibility clauses (责任单位) and the responsibility graph.

Each seed's clauses are resolved against a small synthetic jurisdiction shaped like the seed's issuer: a
Zibo-like city (ZB), a Guangxi-like region (GX) and a Weihai-ETDZ-like zone (WH). The worked examples of
``docs/responsibility.md`` are generated from the same jurisdictions (``python tests/test_responsibility_graph.py``
rewrites them; a test fails when the page is stale).
"""

from __future__ import annotations

import datetime as dt
import importlib
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edusupervision import (
    Committee,
    CommitteeMember,
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
    ZoneKind,
)
from edusupervision._responsibility._graph import _bulk_load
from edusupervision._sample import sample_dataset
from edusupervision.responsibility import (
    PROBLEM_CODES,
    Clause,
    Jurisdiction,
    NodeKind,
    Role,
    build_graph,
    draw,
    explain,
    graph_problems,
    parse_clauses,
    render_clause,
    resolve,
    supervising_chain,
    supervision_cycles,
    tasks_led_by,
    tasks_shared_by,
    to_node_link,
    under_government,
    units_for_task,
    write_graphml,
)

SEEDS = Path("/work/shared/seeds")
EXPECTED_PATH = Path(__file__).parent / "data" / "responsibility" / "seeds_expected.json"
EXPECTED: dict[str, Any] = json.loads(EXPECTED_PATH.read_text(encoding="utf-8"))
DOCS_PAGE = Path(__file__).parents[1] / "docs" / "responsibility.md"
BEGIN, END = "<!-- BEGIN GENERATED EXAMPLES -->", "<!-- END GENERATED EXAMPLES -->"

ZB_SEED, GX_SEED, WH_SEED = "000_c01f73b6caa245e6.txt", "001_0fccd0e26984d927.txt", "004_f1d6459ee8c04e6f.txt"

# ----------------------------------------------------------------------------------------------------
# synthetic jurisdictions


class _Builder:
    """Collects the records of a synthetic jurisdiction."""

    def __init__(self) -> None:
        self.divisions: list[Division] = []
        self.orgs: list[Organisation] = []
        self.committees: list[Committee] = []
        self.members: list[CommitteeMember] = []

    def div(
        self, did: str, name: str, kind: DivisionKind, parent: str | None = None, zone: ZoneKind | None = None
    ) -> str:
        self.divisions.append(Division(id=did, name=name, kind=kind, parent_id=parent, zone_kind=zone))
        return did

    def org(self, oid: str, name: str, kind: OrgKind, division: str, parent: str | None = None) -> str:
        self.orgs.append(Organisation(id=oid, name=name, kind=kind, division_id=division, parent_id=parent))
        return oid

    def local(self, code: str, did: str, name: str, *, zone: bool = False) -> None:
        """Add a government (or management committee), party committee, education bureau and body."""
        if zone:
            gov = self.org(f"{code}-gov", f"{name}管理委员会", OrgKind.MANAGEMENT_COMMITTEE, did)
            self.org(f"{code}-party", f"中共{name}工作委员会", OrgKind.PARTY_WORKING_COMMITTEE, did)
        else:
            gov = self.org(f"{code}-gov", f"{name}人民政府", OrgKind.GOVERNMENT, did)
            self.org(f"{code}-party", f"中共{name}委员会", OrgKind.PARTY_COMMITTEE, did)
        self.org(f"{code}-edu", f"{name}教育局", OrgKind.EDUCATION_AUTHORITY, did, gov)
        self.org(f"{code}-body", f"{name}人民政府教育督导室", OrgKind.SUPERVISION_BODY, did, gov)

    def committee(self, cid: str, name: str, gov: str, host: str, members: tuple[str, ...]) -> None:
        self.committees.append(Committee(id=cid, name=name, government_id=gov, office_host_id=host))
        self.members.extend(CommitteeMember(committee_id=cid, organisation_id=m) for m in members)

    def dataset(self, name: str, root: str, **tables: Any) -> Dataset:
        return Dataset(
            info=DatasetInfo(name=name, root_division_id=root, reference_date=dt.date(2024, 12, 31)),
            divisions=self.divisions,
            organisations=self.orgs,
            committees=self.committees,
            committee_members=self.members,
            **tables,
        )


ZB_COUNTIES = (
    ("zd", "张店区", DivisionKind.DISTRICT),
    ("zc", "淄川区", DivisionKind.DISTRICT),
    ("ht", "桓台县", DivisionKind.COUNTY),
)
ZB_ZONES = (
    ("gx", "淄博高新技术产业开发区", ZoneKind.HIGH_TECH),
    ("jk", "淄博经济开发区", ZoneKind.ECONOMIC_DEVELOPMENT),
    ("wch", "文昌湖省级旅游度假区", ZoneKind.TOURISM_RESORT),
)


def zibo() -> Dataset:
    """Return a Zibo-like city: 淄博市 with three 区县 and three functional zones (高新区, 经济开发区, 文昌湖)."""
    b = _Builder()
    b.div("sd", "山东省", DivisionKind.PROVINCE)
    city = b.div("zb", "淄博市", DivisionKind.PREFECTURE_CITY, "sd")
    b.local("zb", city, "淄博市")
    b.org("zb-org", "中共淄博市委组织部", OrgKind.ORGANISATION_DEPARTMENT, city, "zb-party")
    b.org("zb-est", "中共淄博市委机构编制委员会办公室", OrgKind.ESTABLISHMENT_OFFICE, city, "zb-party")
    b.org("zb-fin", "淄博市财政局", OrgKind.FINANCE, city, "zb-gov")
    b.org("zb-hr", "淄博市人力资源和社会保障局", OrgKind.HUMAN_RESOURCES, city, "zb-gov")
    b.committee(
        "zb-cmt",
        "淄博市人民政府教育督导委员会",
        "zb-gov",
        "zb-edu",
        ("zb-edu", "zb-fin", "zb-hr", "zb-est", "zb-org"),
    )
    for code, name, kind in ZB_COUNTIES:
        b.div(code, name, kind, city)
        b.local(code, code, name)
    for code, name, zone in ZB_ZONES:
        b.div(code, name, DivisionKind.FUNCTIONAL_ZONE, city, zone)
        b.local(code, code, name, zone=True)
    return b.dataset("淄博市 (synthetic)", city)


GX_CITIES = (
    ("nn", "南宁市", (("qx", "青秀区", DivisionKind.DISTRICT), ("hz", "横州市", DivisionKind.COUNTY_CITY))),
    (
        "lz",
        "柳州市",
        (("lb", "柳北区", DivisionKind.DISTRICT), ("rs", "融水苗族自治县", DivisionKind.AUTONOMOUS_COUNTY)),
    ),
)


def guangxi() -> Dataset:
    """Return a Guangxi-like region: two 设区市 with two 县（市、区） each, and a zone 设区市 collectives skip."""
    b = _Builder()
    region = b.div("gx", "广西壮族自治区", DivisionKind.AUTONOMOUS_REGION)
    name = "广西壮族自治区"
    gov = b.org("gx-gov", f"{name}人民政府", OrgKind.GOVERNMENT, region)
    party = b.org("gx-party", f"中共{name}委员会", OrgKind.PARTY_COMMITTEE, region)
    b.org("gx-org", f"中共{name}委员会组织部", OrgKind.ORGANISATION_DEPARTMENT, region, party)
    b.org("gx-pub", f"中共{name}委员会宣传部", OrgKind.PUBLICITY_DEPARTMENT, region, party)
    b.org("gx-est", f"中共{name}委员会机构编制委员会办公室", OrgKind.ESTABLISHMENT_OFFICE, region, party)
    b.org("gx-disc", f"{name}纪委监委机关", OrgKind.DISCIPLINE_INSPECTION, region)
    b.org("gx-perf", f"{name}绩效考评办公室", OrgKind.PERFORMANCE_OFFICE, region, gov)
    b.org("gx-edu", f"{name}教育厅", OrgKind.EDUCATION_AUTHORITY, region, gov)
    b.org("gx-body", f"{name}人民政府教育督导室", OrgKind.SUPERVISION_BODY, region, gov)
    b.org("gx-fin", f"{name}财政厅", OrgKind.FINANCE, region, gov)
    b.org("gx-hr", f"{name}人力资源和社会保障厅", OrgKind.HUMAN_RESOURCES, region, gov)
    b.org("gx-just", f"{name}司法厅", OrgKind.DEPARTMENT, region, gov)
    b.org("gx-lac", f"{name}人大常委会法制工作委员会", OrgKind.OTHER, region)
    b.committee(
        "gx-cmt",
        f"{name}人民政府教育督导委员会",
        gov,
        "gx-edu",
        ("gx-org", "gx-pub", "gx-edu", "gx-fin", "gx-hr"),
    )
    for code, city, counties in GX_CITIES:
        b.div(code, city, DivisionKind.PREFECTURE_CITY, region)
        b.local(code, code, city)
        for ccode, county, kind in counties:
            b.div(ccode, county, kind, code)
            b.local(ccode, ccode, county)
    b.div("nngx", "南宁高新技术产业开发区", DivisionKind.FUNCTIONAL_ZONE, "nn", ZoneKind.HIGH_TECH)
    b.local("nngx", "nngx", "南宁高新技术产业开发区", zone=True)
    return b.dataset("广西壮族自治区 (synthetic)", region)


WH_TOWNS = (
    ("by", "泊于镇", DivisionKind.TOWN),
    ("qt", "桥头镇", DivisionKind.TOWN),
    ("hg", "皇冠街道", DivisionKind.SUBDISTRICT),
)


def weihai() -> Dataset:
    """Return a Weihai-ETDZ-like zone: 威海经济技术开发区 with its 镇街 and the units WH names."""
    b = _Builder()
    b.div("sd", "山东省", DivisionKind.PROVINCE)
    b.div("wh", "威海市", DivisionKind.PREFECTURE_CITY, "sd")
    b.local("wh", "wh", "威海市")
    zone = b.div(
        "etdz", "威海经济技术开发区", DivisionKind.FUNCTIONAL_ZONE, "wh", ZoneKind.ECONOMIC_DEVELOPMENT
    )
    name = "威海经济技术开发区"
    gov = b.org("etdz-gov", f"{name}管理委员会", OrgKind.MANAGEMENT_COMMITTEE, zone)
    b.org("etdz-party", f"中共{name}工作委员会", OrgKind.PARTY_WORKING_COMMITTEE, zone)
    b.org("etdz-edu", f"{name}教育分局", OrgKind.EDUCATION_AUTHORITY, zone, gov)
    b.org("etdz-body", f"{name}教育督导室", OrgKind.SUPERVISION_BODY, zone, gov)
    b.org("etdz-fin", f"{name}财政金融局", OrgKind.FINANCE, zone, gov)
    b.org("etdz-office", f"{name}党政办公室", OrgKind.DEPARTMENT, zone, gov)
    b.org("etdz-mass", f"{name}党群工作部", OrgKind.DEPARTMENT, zone, "etdz-party")
    b.org("etdz-ps", f"{name}公安分局", OrgKind.PUBLIC_SECURITY, zone, gov)
    b.committee(
        "etdz-cmt",
        f"{name}教育督导委员会",
        gov,
        "etdz-edu",
        ("etdz-edu", "etdz-fin", "etdz-office", "etdz-mass", "etdz-ps"),
    )
    for code, town, kind in WH_TOWNS:
        b.div(code, town, kind, zone)
        suffix = "办事处" if kind is DivisionKind.SUBDISTRICT else "人民政府"
        b.org(f"{code}-gov", f"{town}{suffix}", OrgKind.GOVERNMENT, code)
    return b.dataset("威海经济技术开发区 (synthetic)", zone)


JURISDICTIONS = {ZB_SEED: ("ZB-", zibo), GX_SEED: ("GX-", guangxi), WH_SEED: ("WH-", weihai)}


def _seed_clauses(seed: str) -> tuple[Clause, ...]:
    return parse_clauses((SEEDS / seed).read_text(encoding="utf-8"))


def _expected_clauses(seed: str) -> tuple[Clause, ...]:
    """Return the hand-checked lists of a seed as clauses (so these tests do not depend on the parser)."""
    out = []
    for n, entry in enumerate(e for e in EXPECTED["clauses"] if e["seed"] == seed):
        text = render_clause(entry["units"])
        parsed = parse_clauses(text)
        assert parsed, text
        out.append(
            Clause(
                raw=text,
                start=n,
                end=n + 1,
                units=tuple(entry["units"]),
                resolved_units=tuple(entry["resolved_units"]),
                lead=entry["lead"],
                leads=(entry["lead"],),
                co_responsible=tuple(u for u in entry["units"] if u != entry["lead"]),
                roles=(),
                collectives=tuple(entry["collectives"]),
                convention=parsed[0].convention,
                scope_notes=parse_clauses(
                    "（责任单位：区县（含高新区、经济开发区、文昌湖省级旅游度假区，下同）政府）"
                )[0].scope_notes
                if seed == ZB_SEED
                else (),
            )
        )
    return tuple(out)


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not available")


# ----------------------------------------------------------------------------------------------------
# the 55 seed lists


@pytest.mark.parametrize("seed", sorted(JURISDICTIONS))
def test_every_unit_of_every_seed_list_resolves(seed: str) -> None:
    prefix, make = JURISDICTIONS[seed]
    dataset = make()
    clauses = _expected_clauses(seed)
    assert len(clauses) == EXPECTED["counts"][seed]
    resolution = resolve(dataset, clauses, task_prefix=prefix)
    codes = Counter(p.code for p in resolution.problems)
    assert set(codes) <= {"responsibility.collective_lead"}, [p.message for p in resolution.problems]
    assert not resolution.has_errors
    for task in resolution.tasks:
        resolved_from = {u.unit for u in task.units}
        assert resolved_from == set(task.clause.resolved_units), task.task_id
        assert task.lead_ids, task.task_id
        for unit in task.units:
            assert dataset.has("organisations", unit.organisation_id)
            assert unit.path[0].startswith(f"task {task.task_id} lists ")


@needs_seeds
@pytest.mark.parametrize("seed", sorted(JURISDICTIONS))
def test_parsed_seed_texts_resolve_too(seed: str) -> None:
    prefix, make = JURISDICTIONS[seed]
    resolution = resolve(make(), _seed_clauses(seed), task_prefix=prefix)
    assert len(resolution.tasks) == EXPECTED["counts"][seed]
    assert not resolution.has_errors, [p.message for p in resolution.problems if p.severity.value == "error"]


@needs_seeds
def test_zibo_scope_note_brings_in_the_functional_zones() -> None:
    graph = build_graph(zibo(), _seed_clauses(ZB_SEED), task_prefix="ZB-")
    units = units_for_task(graph, "ZB-1")
    # the lead is the committee's member units (a joint lead); 区县党委、政府 include the three zones
    assert [k for k, role in units.items() if role == "lead"] == sorted(
        ["zb-edu", "zb-fin", "zb-hr", "zb-est", "zb-org"]
    )
    for code, *_ in (*ZB_COUNTIES, *ZB_ZONES):
        assert units[f"{code}-gov"] == "co_responsible"
        assert units[f"{code}-party"] == "co_responsible"
    (path,) = explain(graph, "ZB-1", "gx-gov")
    assert path == (
        "task ZB-1 lists '政府' as co-responsible (配合/责任)",
        "'政府' is read as '区县政府' (prefix inherited from the unit before it)",
        "'区县政府' stands for the 人民政府 of every county-level division of 淄博市",
        (
            "the scope note 区县（含高新区、经济开发区、文昌湖省级旅游度假区） counts the functional zone "
            "淄博高新技术产业开发区 [gx] (高新技术产业开发区)"
        ),
        "淄博高新技术产业开发区管理委员会 [gx-gov] is its 管理委员会",
    )
    (path,) = explain(graph, "ZB-2", "zb-est")
    assert path == (
        "task ZB-2 lists '市委编办' as lead (牵头)",
        "the prefix '市' refers to 淄博市 [zb] (prefecture level)",
        "中共淄博市委机构编制委员会办公室 [zb-est] is called '委编办' there",
    )
    collective_leads = [p for p in graph_problems(graph) if p.code == "responsibility.collective_lead"]
    assert collective_leads[0].task_id == "ZB-1"
    assert collective_leads[0].severity.value == "info"


@needs_seeds
def test_zibo_body_collective_takes_the_city_and_every_county_body() -> None:
    graph = build_graph(zibo(), _seed_clauses(ZB_SEED), task_prefix="ZB-")
    bodies = {k for k in units_for_task(graph, "ZB-5") if k.endswith("-body")}
    assert bodies == {f"{c}-body" for c in ("zb", *(c for c, *_ in ZB_COUNTIES), *(c for c, *_ in ZB_ZONES))}
    (path,) = explain(graph, "ZB-5", "zb-body")
    assert path[1:] == (
        "'市及区县教育督导机构' stands for the 教育督导机构 of every prefecture and county-level division of 淄博市",
        "淄博市 [zb] is a 设区市 (prefecture level)",
        "淄博市人民政府教育督导室 [zb-body] is its 教育督导机构",
    )
    assert tasks_led_by(graph, "zb-edu")[:3] == ("ZB-1", "ZB-3", "ZB-4")
    assert "ZB-2" in tasks_shared_by(graph, "zb-edu")


def test_include_zones_option_overrides_the_scope_note() -> None:
    (clause,) = parse_clauses("（责任单位：市教育局，区县（含高新区，下同）政府）")
    with_note = resolve(zibo(), [clause]).tasks[0].organisation_ids
    assert "gx-gov" in with_note
    assert "jk-gov" not in with_note  # the note names only 高新区
    never = resolve(zibo(), [clause], include_zones=False).tasks[0].organisation_ids
    assert not {"gx-gov", "jk-gov", "wch-gov"} & set(never)
    (plain,) = parse_clauses("（责任单位：市教育局、区县政府）")
    assert "wch-gov" not in resolve(zibo(), [plain]).tasks[0].organisation_ids
    always = resolve(zibo(), [plain], include_zones=True).tasks[0]
    assert {"gx-gov", "jk-gov", "wch-gov"} <= set(always.organisation_ids)
    zone_path = next(u.path for u in always.units if u.organisation_id == "wch-gov")
    assert (
        "include_zones=True counts the functional zone 文昌湖省级旅游度假区 [wch] (旅游度假区)" in zone_path
    )


@needs_seeds
def test_guangxi_members_and_the_prefecture_county_collective() -> None:
    graph = build_graph(guangxi(), _seed_clauses(GX_SEED), task_prefix="GX-")
    units = units_for_task(graph, "GX-1")
    assert next(iter(units.items())) == ("gx-edu", "lead")  # the committee office is at the 教育厅
    office_path, member_path = explain(graph, "GX-1", "gx-edu")  # the leading route first
    assert member_path[0] == "task GX-1 lists '各成员单位' as co-responsible (配合/责任)"
    assert office_path[1:] == (
        "the prefix '自治区' refers to 广西壮族自治区 [gx] (provincial level)",
        "'自治区人民政府教育督导委员会办公室' is the office of a committee",
        "广西壮族自治区人民政府教育督导委员会 [gx-cmt] is the supervision committee of 广西壮族自治区 [gx]",
        "its office (办公室) is at 广西壮族自治区教育厅 [gx-edu]",
    )
    member_path = explain(graph, "GX-1", "gx-pub")[0]
    assert member_path[1] == (
        "'各成员单位' stands for the member units (成员单位) of a committee named earlier in the list "
        "(自治区人民政府教育督导委员会办公室)"
    )
    governments = {k for k in units if k.endswith("-gov")}
    assert governments == {"nn-gov", "lz-gov", "qx-gov", "hz-gov", "lb-gov", "rs-gov"}  # no zone, no region
    last = units_for_task(graph, "GX-20")
    assert {"nn-party", "nn-gov", "rs-party", "rs-gov"} <= set(last)
    assert "gx-gov" not in last
    assert units_for_task(graph, "GX-8")["gx-perf"] == "co_responsible"
    assert units_for_task(graph, "GX-16")["gx-lac"] == "co_responsible"


@needs_seeds
def test_weihai_units_have_no_prefix_and_mean_the_zone_itself() -> None:
    graph = build_graph(weihai(), _seed_clauses(WH_SEED), task_prefix="WH-")
    assert units_for_task(graph, "WH-3") == {
        "etdz-fin": "lead",
        "etdz-edu": "co_responsible",
        "etdz-office": "co_responsible",
    }
    (path,) = explain(graph, "WH-3", "etdz-fin")
    assert path == (
        "task WH-3 lists '财政金融局' as lead (牵头)",
        "without a jurisdiction prefix the name refers to 威海经济技术开发区 [etdz], the jurisdiction itself",
        "威海经济技术开发区财政金融局 [etdz-fin] is called '财政金融局' there",
    )
    assert set(units_for_task(graph, "WH-1")) == {
        "etdz-edu",
        "etdz-fin",
        "etdz-office",
        "etdz-mass",
        "etdz-ps",
    }
    assert units_for_task(graph, "WH-17") == {
        "etdz-edu": "lead",
        "etdz-fin": "co_responsible",
        "etdz-mass": "co_responsible",
        "etdz-office": "co_responsible",
        "etdz-ps": "co_responsible",
    }
    assert tasks_led_by(graph, "etdz-mass") == ("WH-1", "WH-2", "WH-7", "WH-12", "WH-14", "WH-15", "WH-18")


# ----------------------------------------------------------------------------------------------------
# jurisdiction prefixes


def test_a_county_dataset_reads_city_and_county_prefixes_relative_to_itself() -> None:
    j = Jurisdiction.from_dataset(sample_dataset())
    assert [u.organisation_id for u in j.resolve_unit("市教育局")] == ["org-yz-edu"]
    assert [u.organisation_id for u in j.resolve_unit("县教育局")] == ["org-qs-edu"]
    assert [u.organisation_id for u in j.resolve_unit("省教育厅")] == ["org-sf-edu"]
    assert [u.organisation_id for u in j.resolve_unit("自治区教育厅")] == ["org-sf-edu"]
    assert [u.organisation_id for u in j.resolve_unit("县委组织部")] == ["org-qs-org"]
    assert [u.organisation_id for u in j.resolve_unit("县委编办")] == ["org-qs-est"]
    assert [u.organisation_id for u in j.resolve_unit("青山县人力资源和社会保障局")] == ["org-qs-hr"]
    assert [u.organisation_id for u in j.resolve_unit("县人力资源社会保障局")] == ["org-qs-hr"]
    assert [u.organisation_id for u in j.resolve_unit("县政府教育督导委员会办公室")] == ["org-qs-edu"]
    bodies = [u.organisation_id for u in j.resolve_unit("市及区县教育督导机构", collective=True)]
    assert bodies == ["org-yz-body", "org-qs-body"]
    members = {u.organisation_id for u in j.resolve_unit("县政府教育督导委员会成员单位")}
    assert len(members) == 9
    zb = Jurisdiction.from_dataset(zibo())
    assert zb.at("zd").resolve_unit("区教育局")[0].organisation_id == "zd-edu"
    (county,) = zb.resolve_unit("桓台县教育局")  # a full name names its own division, not the root
    assert county.organisation_id == "ht-edu"
    assert county.path == ("'桓台县' is 桓台县 [ht] itself", "桓台县教育局 [ht-edu] is called '教育局' there")
    assert [u.organisation_id for u in zb.resolve_unit("张店区政府")] == ["zd-gov"]
    assert [u.organisation_id for u in zb.resolve_unit("中共张店区委")] == ["zd-party"]
    assert zb.resolve_unit("桓台县人力资源社会保障局") == ()  # not recorded: no fallback to the city's bureau


def test_brackets_and_full_width_forms_are_normalised() -> None:
    j = Jurisdiction.from_dataset(guangxi())
    narrow = {u.organisation_id for u in j.resolve_unit("设区市、县(市、区)人民政府", collective=True)}
    wide = {u.organisation_id for u in j.resolve_unit("设区市、县（市、区）人民政府", collective=True)}
    assert narrow == wide
    assert len(wide) == 6
    assert [u.organisation_id for u in j.resolve_unit("自治区 教育厅")] == ["gx-edu"]


# ----------------------------------------------------------------------------------------------------
# every check has a case


def _codes(text: str, dataset: Dataset | None = None) -> list[str]:
    return [p.code for p in resolve(dataset or zibo(), parse_clauses(text)).problems]


def test_no_lead() -> None:
    (problem,) = resolve(zibo(), parse_clauses("（配合单位：市财政局、市教育局）")).problems
    assert problem.code == "responsibility.no_lead"
    assert problem.severity.value == "error"
    assert problem.task_id == "T1"


def test_several_leads() -> None:
    result = resolve(zibo(), parse_clauses("（牵头单位：市教育局、市财政局；配合单位：市委组织部）"))
    assert [p.code for p in result.problems] == ["responsibility.several_leads"]
    assert result.tasks[0].lead_ids == ("zb-edu", "zb-fin")
    assert result.problems[0].severity.value == "warning"


def test_collective_lead_is_reported_not_failed() -> None:
    result = resolve(zibo(), parse_clauses("（责任单位：市政府教育督导委员会成员单位、区县政府）"))
    assert [p.code for p in result.problems] == ["responsibility.collective_lead"]
    assert not result.has_errors
    assert len(result.tasks[0].lead_ids) == 5


def test_empty_collective() -> None:
    (problem,) = resolve(zibo(), parse_clauses("（责任单位：市教育局、镇街政府）")).problems
    assert problem.code == "responsibility.empty_collective"
    assert problem.severity.value == "error"
    assert "no 人民政府 is recorded at the township level" in problem.message
    no_committee = zibo().evolve(committees=[], committee_members=[])
    assert _codes("（责任单位：市教育局、市政府教育督导委员会成员单位）", no_committee) == [
        "responsibility.empty_collective"
    ]
    (vague,) = resolve(zibo(), parse_clauses("（责任单位：市教育局、有关部门）")).problems
    assert vague.code == "responsibility.empty_collective"
    assert vague.severity.value == "warning"


def test_unknown_unit_suggests_the_closest_organisations() -> None:
    (problem,) = resolve(zibo(), parse_clauses("（责任单位：市财政局、市教肓局）")).problems
    assert problem.code == "responsibility.unknown_unit"
    assert problem.severity.value == "error"
    assert problem.unit == "市教肓局"
    assert problem.candidates[0] == ("zb-edu", "淄博市教育局")
    assert "closest: 淄博市教育局" in problem.message
    (unheard,) = resolve(zibo(), parse_clauses("（责任单位：市教育局、市卫生健康委）")).problems
    assert unheard.code == "responsibility.unknown_unit"
    (above,) = resolve(zibo(), parse_clauses("（责任单位：市教育局、省教育厅）")).problems
    assert "no organisation of 山东省 is called '教育厅'" in above.message
    (nowhere,) = resolve(zibo(), parse_clauses("（责任单位：镇教育办、市教育局）")).problems
    assert "the prefix '镇' names no division seen from here" in nowhere.message
    assert resolve(zibo(), parse_clauses("（责任单位：市教育局、市财政厅）")).problems == ()  # by kind


def _cyclic() -> Dataset:
    base = zibo()
    supervision = Supervision(
        id="sv-1",
        function=SupervisionFunction.GOVERNMENT,
        type=SupervisionType.SPECIAL,
        body_id="zd-body",
        subject_kind=SubjectKind.ORGANISATION,
        subject_id="zb-gov",
        start=dt.date(2024, 5, 1),
    )
    evaluations = [
        DutyEvaluation(id="ev-1", year=2023, evaluator_id="zb-body", evaluatee_id="zd-gov"),
        DutyEvaluation(id="ev-2", year=2023, evaluator_id="zb-gov", evaluatee_id="zb-body"),
        DutyEvaluation(id="ev-3", year=2023, evaluator_id="zd-gov", evaluatee_id="zd-body"),
    ]
    return base.evolve(supervisions=[supervision], duty_evaluations=evaluations)


def test_supervision_cycle() -> None:
    graph = build_graph(_cyclic())
    (problem,) = supervision_cycles(graph)
    assert problem.code == "responsibility.supervision_cycle"
    assert problem.organisation_ids == ("zb-body", "zd-gov", "zd-body", "zb-gov")
    assert (
        "淄博市人民政府教育督导室 → 张店区人民政府 → 张店区人民政府教育督导室 → 淄博市人民政府 → 淄博市"
        in (problem.message)
    )
    assert graph_problems(graph) == (problem,)
    assert supervision_cycles(build_graph(sample_dataset())) == ()


def test_every_problem_code_has_a_case_above() -> None:
    source = Path(__file__).read_text(encoding="utf-8")
    for code in PROBLEM_CODES:
        assert source.count(f'"{code}"') >= 1, code


# ----------------------------------------------------------------------------------------------------
# queries, export


def test_queries_on_the_sample() -> None:
    text = "（责任单位：县教育局、县财政局、乡镇人民政府）（牵头单位：县财政局；配合单位：县教育局）"
    graph = build_graph(sample_dataset(), parse_clauses(text))
    assert tasks_led_by(graph, "org-qs-edu") == ("T1",)
    assert tasks_shared_by(graph, "org-qs-edu") == ("T2",)
    assert tasks_led_by(graph, "org-qs-fin") == ("T2",)
    assert units_for_task(graph, "T1")["org-ns-gov"] == "co_responsible"
    assert explain(graph, "T1", "org-sf-gov") == ()
    assert supervising_chain(graph, "sch-010") == ("org-qs-body", "org-yz-body", "org-sf-body")
    orgs = under_government(graph, "org-yz-gov")
    assert "org-qs-edu" in orgs
    assert "org-cg-gov" in orgs
    assert "org-yz-gov" not in orgs
    assert "org-sf-edu" not in orgs
    with pytest.raises(ValueError, match="not a government"):
        under_government(graph, "org-qs-edu")
    with pytest.raises(KeyError, match="no org 'nobody'"):
        tasks_led_by(graph, "nobody")
    with pytest.raises(KeyError, match="no task 'T9'"):
        units_for_task(graph, "T9")
    assert under_government(graph, "org-sf-gov", kind=NodeKind.SCHOOL) == tuple(
        sorted(s.id for s in sample_dataset().schools)
    )


def test_bulk_loading_equals_networkx_own_methods() -> None:
    nodes: list[tuple[str, dict[str, Any]]] = [
        ("a", {"kind": "org"}),
        ("b", {"kind": "org"}),
        ("a", {"name": "A"}),
    ]
    edges: list[tuple[str, str, dict[str, Any]]] = [
        ("a", "b", {"kind": "x"}),
        ("a", "b", {"kind": "y"}),
        ("b", "a", {}),
        ("c", "c", {"k": 1}),
    ]
    graph = nx.MultiDiGraph()
    _bulk_load(graph, [(n, dict(d)) for n, d in nodes], [(u, v, dict(d)) for u, v, d in edges])
    other = nx.MultiDiGraph()
    other.add_nodes_from(nodes)
    other.add_edges_from(edges)
    assert nx.utils.graphs_equal(graph, other)
    assert sorted(graph.edges(keys=True, data="kind")) == sorted(other.edges(keys=True, data="kind"))
    assert (
        graph.add_edge("a", "b") == other.add_edge("a", "b") == 2
    )  # the graph stays an ordinary MultiDiGraph
    assert list(graph.predecessors("b")) == list(other.predecessors("b"))


def test_graph_edges_carry_the_documented_kinds() -> None:
    graph = build_graph(zibo(), parse_clauses("（责任单位：市政府教育督导委员会成员单位、区县政府）"))
    kinds = Counter(k for _u, _v, k in graph.edges(data="kind"))
    assert kinds["member_of"] == 5
    assert kinds["includes"] == 5 + 3  # members; 区县政府 without zones
    assert kinds["lead"] == 1 + 5  # the collective, then each member
    assert {"part_of", "located_in", "committee_of", "office_at", "co_responsible"} <= set(kinds)
    assert graph.nodes["collective:T1/1"]["name"] == "市政府教育督导委员会成员单位"
    assert graph.nodes["division:gx"]["body"] == "gx-body"
    assert graph.nodes["division:gx"]["parent"] == "zb"


def test_node_link_and_graphml_round_trip(tmp_path: Path) -> None:
    graph = build_graph(_cyclic(), parse_clauses("（责任单位：市教育局、区县政府）"))
    data = to_node_link(graph)
    text = json.dumps(data, ensure_ascii=False)
    back = json.loads(text)
    assert back["graph"]["problems"][0]["code"] == "responsibility.supervision_cycle"
    edge = next(e for e in back["edges"] if e["source"] == "task:T1" and e["target"] == "org:zb-edu")
    assert edge["kind"] == "lead"
    assert edge["path"][0] == "task T1 lists '市教育局' as lead (牵头)"
    rebuilt = nx.node_link_graph(data, edges="edges")
    assert rebuilt.number_of_edges() == graph.number_of_edges()
    target = tmp_path / "graph.graphml"
    write_graphml(graph, target)
    read = nx.read_graphml(target)
    assert read.number_of_nodes() == graph.number_of_nodes()
    assert json.loads(read.nodes["task:T1"]["leads"]) == ["市教育局"]


def test_draw_needs_matplotlib() -> None:
    graph = build_graph(sample_dataset())
    try:
        mpl: Any = importlib.import_module(
            "matplotlib"
        )  # only to learn whether the optional dependency is there
    except ImportError:
        with pytest.raises(ImportError, match="pip install matplotlib"):
            draw(graph)
    else:  # pragma: no cover - depends on the environment
        mpl.use("Agg")
        assert draw(graph) is not None


# ----------------------------------------------------------------------------------------------------
# property: every resolved unit exists in the dataset

_NAMES = (
    "市教育局",
    "市财政局",
    "市委编办",
    "市委组织部",
    "市人力资源社会保障局",
    "市政府教育督导委员会办公室",
    "市政府教育督导委员会成员单位",
    "各成员单位",
    "区县政府",
    "区县党委",
    "各区县政府",
    "市及区县教育督导机构",
    "区教育局",
    "县教育局",
    "省教育厅",
    "镇街政府",
    "有关部门",
    "市卫生健康委",
    "张店区人民政府",
    "高新区管委会",
    "市公安局",
)


@settings(max_examples=60, deadline=None)
@given(
    names=st.lists(
        st.one_of(
            st.sampled_from(_NAMES), st.text(alphabet="市区县局委厅办政府教育财政", min_size=2, max_size=6)
        ),
        min_size=1,
        max_size=6,
    ),
    include_zones=st.sampled_from([None, True, False]),
)
def test_every_resolved_unit_exists_in_the_dataset(names: list[str], include_zones: bool | None) -> None:
    dataset = zibo()
    clauses = parse_clauses(render_clause(names))
    graph = build_graph(dataset, clauses, include_zones=include_zones)
    for task in resolve(dataset, clauses, include_zones=include_zones).tasks:
        for unit in task.units:
            assert dataset.has("organisations", unit.organisation_id)
            assert unit.role in (Role.LEAD, Role.CO_RESPONSIBLE)
            assert unit.path
    for task_node, target, kind in graph.edges(data="kind"):
        if kind in ("lead", "co_responsible") and target.startswith("org:"):
            assert dataset.has("organisations", graph.nodes[target]["id"]), (task_node, target)
            assert graph.nodes[target]["kind"] == "org"


# ----------------------------------------------------------------------------------------------------
# the docs page


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def docs_examples() -> str:
    """Return the generated part of docs/responsibility.md: every seed list resolved, with worked examples."""
    lines: list[str] = []
    examples = {ZB_SEED: (1, 2, 5, 17), GX_SEED: (1, 11, 20), WH_SEED: (3, 17)}
    for seed in (ZB_SEED, GX_SEED, WH_SEED):
        prefix, make = JURISDICTIONS[seed]
        dataset = make()
        clauses = _seed_clauses(seed)
        graph = build_graph(dataset, clauses, task_prefix=prefix)
        resolution = resolve(dataset, clauses, task_prefix=prefix)
        root = dataset.get("divisions", dataset.info.root_division_id or "")
        lines += [f"### {prefix.rstrip('-')} ({seed}) against {dataset.info.name}", ""]
        lines += [
            (
                f"Jurisdiction root: {root.name} ({root.kind.zh}); {len(dataset.organisations)} organisations, "
                f"{len(dataset.divisions)} divisions."
            ),
            "",
            "| task | units (resolved) | lead → organisations | organisations | problems |",
            "|---|---|---|---|---|",
        ]
        for task in resolution.tasks:
            leads = "、".join(dataset.get("organisations", o).name for o in task.lead_ids[:2])
            leads += f" (+{len(task.lead_ids) - 2})" if len(task.lead_ids) > 2 else ""
            problems = ", ".join(p.code.removeprefix("responsibility.") for p in task.problems) or "—"
            lines.append(
                f"| {task.task_id} | {_md_escape('、'.join(task.clause.resolved_units))} | {leads} "
                f"| {len(task.organisation_ids)} | {problems} |"
            )
        lines.append("")
        for n in examples[seed]:
            task_id = f"{prefix}{n}"
            task = resolution.tasks[n - 1]
            lines += [f"**{task_id}** `{_md_escape(task.clause.raw.strip())}`", ""]
            shown: list[str] = []
            for org_id, role in units_for_task(graph, task_id).items():
                if len(shown) >= 3:
                    break
                path = explain(graph, task_id, org_id)[0]
                name = dataset.get("organisations", org_id).name
                shown.append(org_id)
                lines.append(f"- {name} (`{org_id}`, {role}):")
                lines.extend(f"  {k}. {step}" for k, step in enumerate(path, start=1))
            rest = len(units_for_task(graph, task_id)) - len(shown)
            if rest > 0:
                lines.append(f"- … and {rest} more")
            lines.append("")
    lines += ["### The ZB seed against the bundled sample (青山县, a county of 云州市)", ""]
    lines += [
        (
            "The same text read from a county dataset: 市 names 云州市 above it, 区县 the county itself. "
            "Units the sample does not record are reported with the closest candidates."
        ),
        "",
        "| problem | count | example |",
        "|---|---|---|",
    ]
    sample_problems = resolve(sample_dataset(), _seed_clauses(ZB_SEED), task_prefix="ZB-").problems
    for code, count in sorted(Counter(p.code for p in sample_problems).items()):
        example = next(p for p in sample_problems if p.code == code)
        lines.append(f"| `{code}` | {count} | {_md_escape(example.message)} |")
    lines.append("")
    return "\n".join(lines)


@needs_seeds
def test_docs_page_examples_are_current() -> None:
    page = DOCS_PAGE.read_text(encoding="utf-8")
    generated = page[page.index(BEGIN) + len(BEGIN) : page.index(END)].strip("\n")
    assert generated == docs_examples().strip("\n"), "run: python tests/test_responsibility_graph.py"


def _write_docs() -> None:
    page = DOCS_PAGE.read_text(encoding="utf-8")
    head, _, rest = page.partition(BEGIN)
    _, _, tail = rest.partition(END)
    DOCS_PAGE.write_text(f"{head}{BEGIN}\n\n{docs_examples().strip()}\n\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    _write_docs()
    sys.exit(0)
