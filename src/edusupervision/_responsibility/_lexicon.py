"""Closed vocabularies used by the responsibility-clause parser (责任单位解析词表).

Everything here is an immutable constant: tuples (ordered, longest first where order matters), frozensets
and compiled regular expressions. Nothing is mutated at run time.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = [
    "BARE_JURISDICTION_RE",
    "CLOSERS",
    "COLLECTIVE_MARKERS",
    "FIRST_LISTED_STATEMENT_RE",
    "FIRST_UNIT_STATEMENT_RE",
    "HEADING_RE",
    "INLINE_FURNITURE_RE",
    "INLINE_ROLE_MARKERS",
    "JURISDICTION_CHARS",
    "JURISDICTION_PREFIXES",
    "LINE_FURNITURE_RE",
    "NON_ELLIPTICAL_PREFIXES",
    "OPENERS",
    "SCOPE_NOTE_RE",
    "SEPARATORS",
    "SPLIT_STARTS",
    "UNIT_ENDINGS",
    "UNSPLITTABLE_PAIRS",
    "VERB_ROLE_WORDS",
]

#: Opening brackets of every style the seeds use (full-width, ASCII, tortoise-shell, lenticular).
OPENERS: Final = frozenset("（(〔【[［｛{")
#: Closing brackets. OCR mixes styles (GX opens with 〔 and closes with 】), so any closer ends a list.
CLOSERS: Final = frozenset("）)〕】]］｝}")
#: Separators between units (顿号, commas, semicolons; full-width and ASCII).
SEPARATORS: Final = frozenset("、，,；;")

#: How a unit name ends (组织名称后缀), longest first. Used to recognise a plausible unit and to split
#: names printed without separators (市委编办市委组织部市教育局).
UNIT_ENDINGS: Final[tuple[str, ...]] = (
    "街道办事处",
    "人民政府",
    "常委会",
    "办公室",
    "办事处",
    "委员会",
    "成员单位",
    "检察院",
    "法工委",
    "幼儿园",
    "政府",
    "党委",
    "党组",
    "工委",
    "管委",
    "编办",
    "机构",
    "机关",
    "单位",
    "部门",
    "中心",
    "分局",
    "学校",
    "学院",
    "大学",
    "支部",
    "人大",
    "政协",
    "公司",
    "局",
    "厅",
    "委",
    "办",
    "部",
    "院",
    "会",
    "室",
    "处",
    "科",
    "所",
    "站",
    "队",
    "署",
    "馆",
    "校",
    "园",
    "团",
    "联",
    "社",
    "司",
    "组",
    "庭",
    "街",
    "镇",
    "乡",
)

#: Where a run-together name may be split: the remainder must start like a new unit (ZB 市委编办|市委组织部).
SPLIT_STARTS: Final[tuple[str, ...]] = (
    "设区市",
    "自治区",
    "自治州",
    "区县",
    "街道",
    "各",
    "省",
    "市",
    "县",
    "镇",
    "乡",
)

#: Two characters that make one level word (乡镇, 镇街), which a run-together name is never split between.
UNSPLITTABLE_PAIRS: Final = frozenset({"乡镇", "镇街", "镇乡"})

#: Jurisdiction prefixes an elliptical name can inherit, longest first
#: (GX 自治区教育厅、财政厅 → 自治区财政厅).
JURISDICTION_PREFIXES: Final[tuple[str, ...]] = (
    "设区市、县（市、区）",
    "设区市、县(市、区)",
    "各县（市、区）",
    "各县(市、区)",
    "县（市、区）",
    "县(市、区)",
    "各区县",
    "自治区",
    "自治州",
    "区县",
    "省",
    "市",
    "县",
    "区",
)
#: Characters that show a name carries its own jurisdiction (so it is not elliptical).
JURISDICTION_CHARS: Final = frozenset("省市县区州盟旗")
#: Names starting with these are never elliptical (collectives and national bodies).
NON_ELLIPTICAL_PREFIXES: Final[tuple[str, ...]] = (
    "各",
    "乡镇",
    "镇",
    "街道",
    "全",
    "本级",
    "中共",
    "中央",
    "国家",
    "国务院",
    "教育部",
)

#: A collective (集合主体) stands for many units.
COLLECTIVE_MARKERS: Final[tuple[str, ...]] = (
    "成员单位",
    "区县",
    "县（市、区）",
    "县(市、区)",
    "设区市",
    "各级",
    "有关部门",
    "相关部门",
    "有关单位",
    "相关单位",
    "镇街",
    "乡镇",
    "街道办事处",
)

#: Verbs that name a role after a unit (X牵头，Y配合), with the role value they mean.
VERB_ROLE_WORDS: Final[tuple[tuple[str, str], ...]] = (
    ("牵头", "lead"),
    ("配合", "cooperating"),
    ("参与", "participating"),
    ("协助", "assisting"),
    ("协办", "assisting"),
    ("协同", "cooperating"),
)
#: Inline markers after a unit inside a list: 市教育局（牵头）, 市教育局牵头.
INLINE_ROLE_MARKERS: Final[tuple[tuple[str, str], ...]] = (
    tuple((f"{o}{w}{c}", r) for w, r in VERB_ROLE_WORDS for o, c in (("（", "）"), ("(", ")")))
    + VERB_ROLE_WORDS
)

#: A bare jurisdiction fragment that is half of a compound collective (设区市、县（市、区）人民政府).
BARE_JURISDICTION_RE: Final = re.compile(r"^各?(?:设区的?市|地级市|市|县|区|州|盟|旗)$")

#: "排在首位的为牵头单位" and its variants (GX): the first listed unit leads.
FIRST_LISTED_STATEMENT_RE: Final = re.compile(
    r"(?:排在首位|排在第一位|排名第一|排名首位|排第一位|排第一|列第一位|列在首位|列首位|位列第一)"
    r"的?(?:单位|部门)?为牵头(?:单位|部门)(?:[，,]下同)?"
)
#: "第一单位为牵头单位" and its variants (WH).
FIRST_UNIT_STATEMENT_RE: Final = re.compile(
    r"第一(?:个)?(?:责任)?(?:单位|部门)为牵头(?:单位|部门)(?:[，,]下同)?"
)

#: A scope note attached to a jurisdiction word: 区县(含高新区、经济开发区、文昌湖省级旅游度假区,下同).
SCOPE_NOTE_RE: Final = re.compile(
    r"(?P<term>[\u4e00-\u9fff]{1,8}?)[（(](?P<note>[含包括][^（）()]{1,80}?)[，,、]?下同[）)]"
)

#: A line that is only page furniture: — 12 —, -3-, 第3页, 第 3 页 共 10 页, a bare page number.
LINE_FURNITURE_RE: Final = re.compile(
    r"^[ \t\u3000\xa0]*(?:[-—–－~]{1,3}[ \t\u3000\xa0]*\d{1,4}[ \t\u3000\xa0]*[-—–－~]{1,3}"
    r"|第[ \t\u3000\xa0]*\d{1,4}[ \t\u3000\xa0]*页"
    r"(?:[ \t\u3000\xa0]*共[ \t\u3000\xa0]*\d{1,4}[ \t\u3000\xa0]*页)?"
    r"|\d{1,3})[ \t\u3000\xa0]*$"
)
#: Page furniture that survived inside a list once whitespace is gone (—12—).
INLINE_FURNITURE_RE: Final = re.compile(r"[-—–－~]{1,3}\d{1,4}[-—–－~]{1,3}")

#: The start of a new numbered item or section (so a list without its closing bracket ends before it).
HEADING_RE: Final = re.compile(
    r"^(?:[（(][一二三四五六七八九十百零〇\d]{1,4}[）)]"
    r"|[一二三四五六七八九十百]{1,3}[、.．]"
    r"|\d{1,3}[.．、](?!\d)"
    r"|第[一二三四五六七八九十百\d]{1,4}[章节条部])"
)
