"""Tests for the responsibility-clause parser (责任单位)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edusupervision._responsibility import (
    Clause,
    LeadConvention,
    ScopeNote,
    UnitRole,
    parse_clauses,
    render_clause,
)

SEEDS = Path("/work/shared/seeds")
EXPECTED_PATH = Path(__file__).parent / "data" / "responsibility" / "seeds_expected.json"
EXPECTED: dict[str, Any] = json.loads(EXPECTED_PATH.read_text(encoding="utf-8"))
ROLE_WORDS = ("责任单位", "牵头", "配合", "参与", "协办", "协助", "责任部门")

needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed documents not available")


def _parse_seed(name: str) -> tuple[Clause, ...]:
    return parse_clauses((SEEDS / name).read_text(encoding="utf-8"))


def _only(text: str) -> Clause:
    clauses = parse_clauses(text)
    assert len(clauses) == 1, [c.to_dict() for c in clauses]
    return clauses[0]


# ----------------------------------------------------------------------------------------------------
# the seeds


@needs_seeds
def test_seed_lists_match_hand_checked_expectations() -> None:
    expected_by_seed: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in EXPECTED["clauses"]:
        expected_by_seed[entry["seed"]].append(entry)
    total = sum(len(v) for v in expected_by_seed.values())
    assert total == 55
    misses: list[str] = []
    for seed, entries in expected_by_seed.items():
        clauses = _parse_seed(seed)
        for entry in entries:
            index = entry["ordinal"] - 1
            got = clauses[index].to_dict() if index < len(clauses) else None
            fields = ("units", "lead", "collectives", "resolved_units", "convention")
            if got is None or any(got[f] != entry[f] for f in fields):
                misses.append(f"{seed} #{entry['ordinal']} {entry['section']}: expected {entry}, got {got}")
    exact = total - len(misses)
    print(f"responsibility lists parsed exactly: {exact}/{total}")
    for miss in misses:
        print("MISS", miss)
    assert exact / total >= 0.95, misses


@needs_seeds
@pytest.mark.parametrize(("seed", "count"), sorted(EXPECTED["counts"].items()))
def test_seed_clause_counts_and_no_false_positives(seed: str, count: int) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    clauses = parse_clauses(text)
    assert len(clauses) == count
    for clause in clauses:
        assert text[clause.start : clause.end] == clause.raw
        squeezed = "".join(clause.raw.split())
        assert any(word in squeezed for word in ROLE_WORDS), clause.raw
    starts = [c.start for c in clauses]
    assert starts == sorted(starts)


@needs_seeds
def test_seed_conventions_and_scope_notes() -> None:
    zibo = _parse_seed("000_c01f73b6caa245e6.txt")
    assert zibo[0].lead_is_collective
    (note,) = zibo[0].introduced_scope_notes
    assert note.term == "区县"
    assert note.note == "含高新区、经济开发区、文昌湖省级旅游度假区"
    # carried to every later clause, introduced in none of them
    assert all(c.scope_notes == (note,) and not c.introduced_scope_notes for c in zibo[1:])
    weihai = _parse_seed("004_f1d6459ee8c04e6f.txt")
    assert [c.convention for c in weihai[:3]] == [
        LeadConvention.FIRST_LISTED_IMPLIED,
        LeadConvention.FIRST_LISTED_IMPLIED,
        LeadConvention.FIRST_UNIT_STATED,
    ]
    guangxi = _parse_seed("001_0fccd0e26984d927.txt")
    assert {c.convention for c in guangxi} == {LeadConvention.FIRST_LISTED_STATED}


@needs_seeds
def test_seed_false_positive_mentions_yield_nothing() -> None:
    text = (SEEDS / "004_f1d6459ee8c04e6f.txt").read_text(encoding="utf-8")
    at = text.index("区内责任单位及其")
    assert not any(c.start <= at < c.end for c in parse_clauses(text))
    assert parse_clauses("各区县(自治县)教委(教育局、公共服务局)、政府教育督导室,各直属单位:") == ()


# ----------------------------------------------------------------------------------------------------
# brackets, separators, layout damage


@pytest.mark.parametrize(
    ("opener", "closer"),
    [("（", "）"), ("(", ")"), ("〔", "〕"), ("【", "】"), ("[", "]"), ("〔", "】"), ("(", "〕")],
)
def test_every_bracket_style(opener: str, closer: str) -> None:
    text = f"做好督导工作。{opener}责任单位：市教育局、市财政局{closer}下一句不是清单。"
    clause = _only(text)
    assert clause.units == ("市教育局", "市财政局")
    assert clause.raw == f"{opener}责任单位：市教育局、市财政局{closer}"


@pytest.mark.parametrize(
    "text",
    [
        "做好督导工作。责任单位:市教育局,市财政局\n\n下一段。",  # no brackets (ZB §3)
        "做好督导工作。(责任单位:市教育局,市财政局\n\n3.下一项。",  # no closer (ZB §2)
        "做好督导工作。责任单位:市教育局,市财政局〕\n\n下一段。",  # stray closer, no opener (ZB §1)
        "做好督导工作。责任单位：市教育局；市财政局",  # semicolons, end of text
    ],
)
def test_missing_brackets(text: str) -> None:
    clause = _only(text)
    assert clause.units == ("市教育局", "市财政局")
    assert clause.lead == "市教育局"


def test_missing_separators_split_with_lexicon() -> None:
    clause = _only("(责任单位:市委编办市委组织部市教育局,区县党委政府,市及区县教育督导机构\n")
    assert clause.units == ("市委编办", "市委组织部", "市教育局", "区县党委", "政府", "市及区县教育督导机构")
    assert clause.resolved_units[4] == "区县政府"
    clause = _only("(责任单位:市政府教育督导委员会成员单位各区县政府,市及区县教育督导机构")
    assert clause.units == ("市政府教育督导委员会成员单位", "各区县政府", "市及区县教育督导机构")


def test_lexicon_keeps_whole_names_whole() -> None:
    clause = _only(
        "（责任单位：市教育局、市政府教育督导委员会办公室、市人力资源社会保障局、自治区人大常委会法工委）"
    )
    assert clause.units == (
        "市教育局",
        "市政府教育督导委员会办公室",
        "市人力资源社会保障局",
        "自治区人大常委会法工委",
    )


def test_line_break_inside_keyword_and_names() -> None:
    clause = _only(
        "引导学校遵循教育规律。（责\n\n任单位：教育分局、党群\n\n工作部）\n\n（十二）优化教育督导方式。"
    )
    assert clause.units == ("教育分局", "党群工作部")
    assert clause.raw.startswith("（责\n\n任单位")


@pytest.mark.parametrize("furniture", ["— 12 —", "-3-", "- 3 -", "第 4 页", "17"])
def test_page_furniture_inside_list(furniture: str) -> None:
    clause = _only(f"落实整改。（责任单位：教育督导委员会\n\n{furniture}\n\n办公室、各成员单位）")
    assert clause.units == ("教育督导委员会办公室", "各成员单位")


def test_inline_page_furniture() -> None:
    assert _only("（责任单位：市教育局、— 12 —市财政局）").units == ("市教育局", "市财政局")


def test_markdown_debris_and_stray_closer() -> None:
    text = (
        "**〔责任单位：自治区人民政府教育督导委员会办公室、各成员单位，设区市、**\n\n"
        "县（市、区）人民政府】\n\n（八）规范反馈制度。"
    )
    clause = _only(text)
    assert clause.units == (
        "自治区人民政府教育督导委员会办公室",
        "各成员单位",
        "设区市、县（市、区）人民政府",
    )
    assert clause.raw.endswith("】")


def test_stray_tail_line_is_joined() -> None:
    text = (
        "确保问题得到有效解决。**〔责任单位：自治区人民政府教育督导委员会办公室、各成员单位〕**\n\n"
        "位，设区市、县（市、区）人民政府】\n\n（十一）完善激励制度。"
    )
    clause = _only(text)
    assert clause.units == (
        "自治区人民政府教育督导委员会办公室",
        "各成员单位",
        "设区市、县（市、区）人民政府",
    )
    assert clause.raw.endswith("人民政府】")


def test_nested_parentheses_do_not_split_names() -> None:
    clause = _only("（责任单位：市财政(地税)局、县（市、区）人民政府、设区市、县（市、区）党委和人民政府）")
    assert clause.units == ("市财政(地税)局", "县（市、区）人民政府", "设区市、县（市、区）党委和人民政府")
    assert clause.collectives == ("县（市、区）人民政府", "设区市、县（市、区）党委和人民政府")


def test_elliptical_names_inherit_prefix() -> None:
    clause = _only(
        "〔责任单位：自治区人力资源社会保障厅、财政厅、教育厅，自治区党委组织部、宣传部，设区市、县（市、区）人民政府〕"
    )
    assert clause.units[:3] == ("自治区人力资源社会保障厅", "财政厅", "教育厅")
    assert clause.resolved_units == (
        "自治区人力资源社会保障厅",
        "自治区财政厅",
        "自治区教育厅",
        "自治区党委组织部",
        "自治区党委宣传部",
        "设区市、县（市、区）人民政府",
    )
    assert clause.lead == "自治区人力资源社会保障厅"


def test_scope_note_is_recorded_and_carried() -> None:
    text = (
        "1.任务一。责任单位:市政府教育督导委员会成员单位,区县(含高新区、经济开发区,下同)党委、政府〕\n\n"
        "2.任务二。(责任单位:市教育局,区县政府\n"
    )
    first, second = parse_clauses(text)
    assert first.units == ("市政府教育督导委员会成员单位", "区县党委", "政府")
    assert first.resolved_units[2] == "区县政府"
    assert first.introduced_scope_notes == first.scope_notes
    assert isinstance(first.scope_notes[0], ScopeNote)
    assert text[first.scope_notes[0].start : first.scope_notes[0].end] == "(含高新区、经济开发区,下同)"
    assert second.scope_notes == first.scope_notes
    assert second.introduced_scope_notes == ()


# ----------------------------------------------------------------------------------------------------
# roles and conventions


def test_verb_roles() -> None:
    clause = _only("建立联动机制（市教育局牵头，市财政局、市公安局配合）。")
    assert clause.lead == "市教育局"
    assert clause.co_responsible == ("市财政局", "市公安局")
    assert clause.role_map == {UnitRole.LEAD: ("市教育局",), UnitRole.COOPERATING: ("市财政局", "市公安局")}
    assert clause.convention is LeadConvention.EXPLICIT_ROLES
    assert _only("由市教育局牵头，市财政局配合。").units == ("市教育局", "市财政局")


def test_keyword_roles() -> None:
    clause = _only("（牵头单位：市教育局；配合单位：市财政局、市人力资源社会保障局）")
    assert clause.lead == "市教育局"
    assert clause.leads == ("市教育局",)
    assert clause.role_map[UnitRole.COOPERATING] == ("市财政局", "市人力资源社会保障局")
    assert clause.to_dict()["roles"] == {
        "lead": ["市教育局"],
        "cooperating": ["市财政局", "市人力资源社会保障局"],
    }


def test_several_leads_and_no_lead() -> None:
    clause = _only("牵头单位：市教育局、市财政局；参与单位：市公安局。")
    assert clause.lead is None
    assert clause.leads == ("市教育局", "市财政局")
    assert clause.co_responsible == ("市公安局",)
    clause = _only("（配合单位：市财政局）")
    assert (clause.lead, clause.leads, clause.convention) == (None, (), None)


def test_inline_lead_marker() -> None:
    clause = _only("（责任单位：市财政局、市教育局（牵头））")
    assert clause.lead == "市教育局"
    assert clause.units == ("市财政局", "市教育局")


def test_statement_applies_to_later_lists() -> None:
    text = (
        "（责任单位：教育督导委员会成员单位）\n"
        "（责任单位：财政金融局、党政办公室、教育分局，第一单位为牵头单位，下同）\n"
        "（责任单位：教育分局、党群工作部）\n"
    )
    conventions = [c.convention for c in parse_clauses(text)]
    assert conventions == [
        LeadConvention.FIRST_LISTED_IMPLIED,
        LeadConvention.FIRST_UNIT_STATED,
        LeadConvention.FIRST_UNIT_STATED,
    ]
    assert [c.units for c in parse_clauses(text)][1] == ("财政金融局", "党政办公室", "教育分局")


def test_enum_labels() -> None:
    assert UnitRole.LEAD.label_zh == "牵头"
    assert UnitRole.COOPERATING.label_zh == "配合"
    assert LeadConvention.FIRST_LISTED_STATED.label_zh == "排在首位的为牵头单位"


# ----------------------------------------------------------------------------------------------------
# non-lists


@pytest.mark.parametrize(
    "text",
    [
        "各县（市、区）人民政府，市政府各部门，各有关单位：",
        "各责任单位：请按要求报送材料。",
        "| 序号 | 任务 | 责任单位 | 完成时限 |",
        "成员单位为市教育局、市财政局等。",
        "落实情况作为对区内责任单位及其主要负责人考核的重要依据。",
        "16.配合开展第四轮职业院校督导评估。配合有关处室开展抽检。",
        "对责任不落实、措施不到位的地区进行约谈。",
        "",
    ],
)
def test_non_lists_yield_no_clause(text: str) -> None:
    assert parse_clauses(text) == ()


def test_non_str_raises_type_error() -> None:
    with pytest.raises(TypeError):
        parse_clauses(b"\xe8\xb4\xa3\xe4\xbb\xbb")  # type: ignore[arg-type]  # deliberately wrong type


def test_to_dict_contract() -> None:
    data = _only("（责任单位：市教育局、各区县政府）").to_dict()
    assert {"raw", "start", "end", "units", "lead", "leads", "co_responsible", "roles", "collectives"} <= set(
        data
    )
    assert data["convention"] == "first_listed_implied"
    assert data["collectives"] == ["各区县政府"]
    json.dumps(data, ensure_ascii=False)


def test_render_needs_units() -> None:
    with pytest.raises(ValueError, match="at least one unit"):
        render_clause([])


# ----------------------------------------------------------------------------------------------------
# properties

UNIT_POOL = (
    "市教育局",
    "市财政局",
    "市人力资源社会保障局",
    "市委组织部",
    "市委编办",
    "市财政(地税)局",
    "县（市、区）人民政府",
    "设区市、县（市、区）人民政府",
    "市政府教育督导委员会成员单位",
    "市政府教育督导委员会办公室",
    "市及区县教育督导机构",
    "各区县政府",
    "各成员单位",
    "自治区教育厅",
    "自治区党委编办",
    "自治区人大常委会法工委",
    "自治区纪委监委机关",
    "教育分局",
    "党群工作部",
    "财政金融局",
    "公安分局",
    "市教育质量监测中心",
)
unit_lists = st.lists(st.sampled_from(UNIT_POOL), min_size=1, max_size=6, unique=True)
conventions = st.sampled_from(list(LeadConvention))
noise = st.sampled_from(["\n", "\n\n", "\n\n— 7 —\n\n", "**", "\n-3-\n", " "])


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_never_raises_on_arbitrary_text(text: str) -> None:
    for clause in parse_clauses(text):
        assert text[clause.start : clause.end] == clause.raw


@settings(max_examples=300)
@given(
    st.lists(
        st.sampled_from(
            [
                "责任单位",
                "：",
                ":",
                "（",
                "）",
                "(",
                ")",
                "〔",
                "〕",
                "【",
                "】",
                "、",
                "，",
                "；",
                "\n",
                "**",
                "市教育局",
                "县（市、区）",
                "牵头",
                "配合",
                "。",
                "各",
                "单位",
                "政府",
                "下同",
                "含",
            ]
        ),
        max_size=40,
    )
)
def test_never_raises_on_keyword_soup(parts: list[str]) -> None:
    text = "".join(parts)
    for clause in parse_clauses(text):
        assert text[clause.start : clause.end] == clause.raw
        assert clause.units


@settings(max_examples=300)
@given(unit_lists, conventions)
def test_render_parse_round_trip(units: list[str], convention: LeadConvention) -> None:
    text = f"加强督导工作。{render_clause(units, lead_convention=convention)}\n\n（二）下一项任务。"
    clause = _only(text)
    assert clause.units == tuple(units)
    assert clause.lead == units[0]
    assert clause.co_responsible == tuple(units[1:])
    expected = (
        LeadConvention.FIRST_LISTED_IMPLIED
        if convention is LeadConvention.FIRST_LISTED_IMPLIED
        else convention
    )
    assert clause.convention is expected


@settings(max_examples=300)
@given(unit_lists, conventions, st.data())
def test_layout_noise_does_not_change_units(
    units: list[str], convention: LeadConvention, data: st.DataObject
) -> None:
    rendered = render_clause(units, lead_convention=convention)
    at = data.draw(st.integers(min_value=1, max_value=len(rendered) - 1))
    damaged = rendered[:at] + data.draw(noise) + rendered[at:]
    clause = _only(f"加强督导工作。{damaged}\n\n（二）下一项任务。")
    assert clause.units == tuple(units)
    assert clause.lead == units[0]
