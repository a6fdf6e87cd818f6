"""The documents the rulebook cites, and the words of the clauses it cites.

Every rule carries citations: a document's short name (``REG``, ``GX`` …) and a clause in that document.
This module holds the documents (:data:`DOCUMENTS`: number, issuer, dates, evidence grade), the Chinese text
of each cited clause (:data:`QUOTES`), and :func:`parse_citation`, which reads the rulebook's "sources" cells.

Clause keys are normalised one way throughout:

- ZB numbers its clauses "1." … "17." straight through: key ``"1"``; a section heading: ``"一"``.
- GX numbers (n) under 二、 and again under 三、: keys ``"二(一)"``, ``"三(一)"``; a section: ``"一"``.
- CQ numbers items "1." … "20.": key ``"12"``.
- WH numbers (一) … (二十) straight through: key ``"(三)"``.
- BZ is a news report cited by paragraph heading: key ``""``, the whole report.
- National texts: the article number, ``"4"``; ``""`` for the whole document.

Parentheses are always ASCII. A quote is verbatim: seed quotes are copied from the seed text (PDF line
breaks joined, the publisher's punctuation and damage kept), national quotes from the project's reference
notes. Where a quote skips text, the gap is marked with :data:`QUOTE_ELISION` (``……``), so each piece between
the marks is a verbatim run of the source.

Examples
--------
>>> parse_citation("GX 二(一); WH (三); REG 4")
(('GX', '二(一)'), ('WH', '(三)'), ('REG', '4'))
>>> document("ACC").number
'国教督〔2021〕2号'
>>> quote("WH", "(十)")
'原则上，每学年要对所属学校办学情况开展一次综合督导。'

"""

from __future__ import annotations

import enum
import re
import types
from datetime import date
from typing import TYPE_CHECKING, Final, Self

import attrs

from edusupervision._errors import EduSupervisionError

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

__all__ = [
    "DOCUMENTS",
    "QUOTES",
    "QUOTE_ELISION",
    "CitationError",
    "Document",
    "DocumentLevel",
    "UnknownDocumentError",
    "document",
    "parse_citation",
    "quote",
]

QUOTE_ELISION: Final = "……"
"""Marks text left out of a quote; each piece between the marks is verbatim."""


class UnknownDocumentError(EduSupervisionError, LookupError):
    """No document of that short name is known.

    Attributes
    ----------
    short:
        The short name asked for.
    known:
        The short names that are known, in :data:`DOCUMENTS` order.

    """

    def __init__(self, short: str, known: Sequence[str]) -> None:
        self.short = short
        self.known: tuple[str, ...] = tuple(known)
        super().__init__(f"unknown document {short!r}; known documents: {', '.join(self.known)}")


class CitationError(EduSupervisionError, ValueError):
    """A citation text cannot be read as ``SHORT clause[, clause…]; SHORT …``."""


class DocumentLevel(enum.Enum):
    """The level of government (or of publisher) a document comes from.

    ``value`` is the English code; ``zh`` and ``en`` are the labels.

    Examples
    --------
    >>> DocumentLevel.PREFECTURE.zh, DocumentLevel.PREFECTURE.en
    ('地市级', 'prefecture')

    """

    _value_: str
    zh: str
    en: str

    def __new__(cls, value: str, zh: str, en: str) -> Self:
        obj = object.__new__(cls)
        obj._value_ = value
        obj.zh = zh
        obj.en = en
        return obj

    NATIONAL = ("national", "国家", "national")
    PROVINCIAL = ("provincial", "省级", "provincial")
    PREFECTURE = ("prefecture", "地市级", "prefecture")
    COUNTY = ("county", "县级", "county")

    @property
    def label(self) -> str:
        """Return the bilingual label, Chinese first: ``省级 (provincial)``."""
        return f"{self.zh} ({self.en})"


@attrs.frozen(kw_only=True)
class Document:
    """A document the rules cite: a national text or one of the five seeds.

    Attributes
    ----------
    short:
        The short name used in citations (``REG``, ``GX`` …).
    title:
        The Chinese title in 《》.
    title_en:
        An English rendering of the title.
    number:
        The document number (文号), e.g. ``国教督〔2021〕2号``; ``None`` where the document has none or it is
        not known.
    issuer:
        The issuing body or bodies, in Chinese.
    issued_on:
        The date the document bears (成文/发布日期); ``None`` when not known.
    in_force_on:
        The first day on which rules citing this document may fire. Where the text gives no in-force date,
        this is a choice, explained in ``note``.
    level:
        The level the document comes from.
    normative:
        Whether the text lays down rules (``False`` for the Bazhong news report: figures for examples only).
    url:
        Where the project's reference notes read the text (often a third-party mirror, not the official site);
        ``None`` when no address is recorded.
    grade:
        The evidence grade from ``reference/national-framework.md``: ``READ-FULL``, ``READ-EXCERPT``,
        ``READ-QUOTED`` or ``INFERRED``. Seeds are ``READ-FULL``: the project holds their whole text.
    note:
        Provenance, damage, and the reasoning behind any chosen date.

    """

    short: str
    title: str
    title_en: str
    number: str | None
    issuer: str
    issued_on: date | None
    in_force_on: date
    level: DocumentLevel
    normative: bool
    url: str | None
    grade: str | None
    note: str | None


_NATIONAL = DocumentLevel.NATIONAL

_DOCUMENT_LIST: Final = (
    Document(
        short="REG",
        title="《教育督导条例》",
        title_en="Regulations on Education Supervision",
        number="国务院令第624号",
        issuer="国务院",
        issued_on=date(2012, 9, 9),
        in_force_on=date(2012, 10, 1),
        level=_NATIONAL,
        normative=True,
        url="http://dxfbaby.com/zsbk/yebk/410281.html",
        grade="READ-FULL",
        note=(
            "State Council Order 624; 5 chapters, 27 articles. The URL is a mirror of Arts 1-7; the full "
            "text was read from LawRefBook/Laws, 行政法规/教育督导条例.md."
        ),
    ),
    Document(
        short="OPN",
        title="《关于深化新时代教育督导体制机制改革的意见》",
        title_en=(
            "Opinions on Deepening the Reform of the Education Supervision System and Mechanisms in the "
            "New Era"
        ),
        number="厅字〔2020〕1号",
        issuer="中共中央办公厅、国务院办公厅",
        issued_on=None,
        in_force_on=date(2020, 2, 19),
        level=_NATIONAL,
        normative=True,
        url="https://jwc.njucm.edu.cn/2021/0917/c3911a86930/page.htm",
        grade="READ-EXCERPT",
        note=(
            "Signing date not recorded; Xinhua published the text on 2020-02-19. Central opinions of this "
            "kind take effect on release and name no other date, so rules citing it fire from publication. "
            "Only the opening was read; most content is known through GX, which restates it (the numbers are "
            "INFERRED). WH cites it as 厅字〔2021〕1号 and ZB as 厅字〔20201号: both misprints."
        ),
    ),
    Document(
        short="INSP",
        title="《督学管理暂行办法》",
        title_en="Interim Measures for the Administration of Inspectors",
        number="教督〔2016〕2号",
        issuer="教育部",
        issued_on=date(2016, 7, 29),
        in_force_on=date(2016, 7, 29),
        level=_NATIONAL,
        normative=True,
        url="https://edu.163.com/16/0810/10/BU3P8KOT00297VHS.html",
        grade="READ-EXCERPT",
        note=(
            "7 chapters, 31 articles. Arts 1-6, 19 and the start of 21 read; the rest known from MOE news "
            "and Q&A (READ-QUOTED). No separate in-force date is recorded: taken as the issuing date."
        ),
    ),
    Document(
        short="PLQ",
        title="《中小学校责任督学挂牌督导办法》",
        title_en=(
            "Measures for Posted Supervision by Responsibility Inspectors of Primary and Secondary Schools"
        ),
        number=None,
        issuer="国务院教育督导委员会办公室",
        issued_on=None,
        in_force_on=date(2013, 9, 30),
        level=_NATIONAL,
        normative=True,
        url="http://m.6065bob.com/fagui/20346.html",
        grade="READ-EXCERPT",
        note=(
            "Issued September 2013; day and number not recorded. In force from 2013-09-30, the last day of "
            "the month of issue, so no rule fires before the document certainly existed. Arts 1-6 (start) "
            "read; the monthly-visit rule is known only through a Dongying restatement."
        ),
    ),
    Document(
        short="ZONE",
        title="《教育部关于加强督学责任区建设的意见》",
        title_en="Opinions of the Ministry of Education on Strengthening Inspector Responsibility Zones",
        number="教督〔2012〕7号",
        issuer="教育部",
        issued_on=None,
        in_force_on=date(2012, 12, 31),
        level=_NATIONAL,
        normative=True,
        url="http://soolun.net/periodical/a2d65c649980ba98830f2d91d1efdd40.html",
        grade="READ-QUOTED",
        note=(
            "The rulebook's '2012 zone guidance' (zones of at most 20 schools). Only the year is known: in "
            "force from 2012-12-31, the last day of that year, so no rule fires before the document "
            "certainly existed."
        ),
    ),
    Document(
        short="FMT",
        title="《edusupervision 数据交换格式》",
        title_en="The edusupervision dataset format, version 1 (docs/format.md)",
        number=None,
        issuer="edusupervision",
        issued_on=None,
        in_force_on=date(2012, 10, 1),
        level=_NATIONAL,
        normative=False,
        url=None,
        grade=None,
        note=(
            "Not a regulation: the project's interchange format, cited by format findings (a value of the wrong "
            "type, a missing column, a dangling reference); the clause is the table."
        ),
    ),
    Document(
        short="ACC",
        title="《教育督导问责办法》",
        title_en="Measures for Education Supervision Accountability",
        number="国教督〔2021〕2号",
        issuer="国务院教育督导委员会",
        issued_on=date(2021, 7, 20),
        in_force_on=date(2021, 9, 1),
        level=_NATIONAL,
        normative=True,
        url="http://jizihe.com/page/2021/1114/9104083.shtml",
        grade="READ-QUOTED",
        note=(
            "Arts 1-3 read (READ-EXCERPT, at the URL); the rest known from the Xinhua report and the "
            "official Q&A. Article numbers beyond 3 are not verified, so the rules cite the whole document."
        ),
    ),
    Document(
        short="PRN",
        title="《关于开展中小学幼儿园校(园)长任期结束综合督导评估工作的意见》",
        title_en=(
            "Opinions on Term-End Comprehensive Supervision and Evaluation of Primary and Secondary School "
            "and Kindergarten Heads"
        ),
        number=None,
        issuer="教育部",
        issued_on=None,
        in_force_on=date(2022, 2, 16),
        level=_NATIONAL,
        normative=True,
        url="http://jiaoyuzhoukan.com/epaper/itemid-21751.shtml",
        grade="READ-QUOTED",
        note=(
            "Announced 2022-02-16 (sometimes dated 2021); number and signing date not verified. In force "
            "from the announcement: the earliest date the text was certainly public. Pilots from 2022 (CQ 9)."
        ),
    ),
    Document(
        short="ZB",
        title="《淄博市深化新时代教育督导体制机制改革的实施意见》",
        title_en=(
            "Zibo Implementing Opinions on Deepening the Reform of the Education Supervision System and "
            "Mechanisms in the New Era"
        ),
        number=None,
        issuer="中共淄博市委办公室、淄博市人民政府办公室",
        issued_on=date(2021, 10, 29),
        in_force_on=date(2021, 10, 29),
        level=DocumentLevel.PREFECTURE,
        normative=True,
        url=None,
        grade="READ-FULL",
        note=(
            "Seed 000. Dated 2021年10月29 (the 日 is lost); no document number printed. Takes effect on "
            "issue. OCR damage: brackets and separators in the responsibility lists, §15 has lost a negation."
        ),
    ),
    Document(
        short="GX",
        title="《关于深化新时代教育督导体制机制改革的实施意见》",
        title_en=(
            "Guangxi Implementing Opinions on Deepening the Reform of the Education Supervision System and "
            "Mechanisms in the New Era"
        ),
        number="厅发〔2020〕26号",
        issuer="中共广西壮族自治区委员会办公厅、广西壮族自治区人民政府办公厅",
        issued_on=date(2020, 5, 14),
        in_force_on=date(2020, 5, 14),
        level=DocumentLevel.PROVINCIAL,
        normative=True,
        url=None,
        grade="READ-FULL",
        note="Seed 001. 此件公开发布. Takes effect on issue.",
    ),
    Document(
        short="CQ",
        title="《2022年教育督导工作要点》",
        title_en="Chongqing: Key Points of Education Supervision Work in 2022",
        number="渝府教督发〔2022〕2号",
        issuer="重庆市人民政府教育督导室",
        issued_on=date(2022, 2, 19),
        in_force_on=date(2022, 2, 19),
        level=DocumentLevel.PROVINCIAL,
        normative=True,
        url=None,
        grade="READ-FULL",
        note=(
            "Seed 002: the annual work plan for 2022 (此件不公开), printed by 重庆市教育委员会办公室 on "
            "2022-02-22; the seed copy is a repost on www.cqew.com.cn dated 2022-03-17. Takes effect on "
            "issue."
        ),
    ),
    Document(
        short="BZ",
        title="《唱好“三部曲”，巴中教育督导再上新台阶》",
        title_en="Bazhong news report: Singing the 'Trilogy' Well, Education Supervision Reaches a New Level",
        number=None,
        issuer="人民周刊网（彭红菊）",
        issued_on=date(2021, 2, 2),
        in_force_on=date(2021, 2, 2),
        level=DocumentLevel.PREFECTURE,
        normative=False,
        url=None,
        grade="READ-FULL",
        note=(
            "Seed 003: a news report (人民周刊网, www.peopleweekly.cn) on Bazhong's 2020 work. Not "
            "normative: its figures feed examples, never invariants. The date is the publication date."
        ),
    ),
    Document(
        short="WH",
        title="《威海经济技术开发区深化新时代教育督导体制机制改革的实施意见》",
        title_en=(
            "Weihai ETDZ Implementing Opinions on Deepening the Reform of the Education Supervision System "
            "and Mechanisms in the New Era"
        ),
        number=None,
        issuer="威海经济技术开发区",
        issued_on=None,
        in_force_on=date(2022, 1, 1),
        level=DocumentLevel.COUNTY,
        normative=True,
        url=None,
        grade="READ-FULL",
        note=(
            "Seed 004: undated and unnumbered; the issuing office is not printed (the zone's 党工委/管委 by "
            "context). It implements Weihai's 室字〔2021〕21号, and its guiding thought cites the "
            "十九届六中全会, which closed on 2021-11-11, so it was issued after that day; its target year is "
            "2022. In force from 2022-01-01: the first full calendar year after the earliest possible issue, "
            "so its yearly duties (plenary, training hours) are assessed from 2022 and never over a "
            "part-year before it existed."
        ),
    ),
)

DOCUMENTS: Final[Mapping[str, Document]] = types.MappingProxyType({d.short: d for d in _DOCUMENT_LIST})
"""Every citable document by short name: national texts first, then the seeds (ZB, GX, CQ, BZ, WH)."""


def document(short: str) -> Document:
    """Return the document of that short name.

    Raises
    ------
    UnknownDocumentError
        No document has that short name; the message lists the known ones.

    Examples
    --------
    >>> document("REG").in_force_on
    datetime.date(2012, 10, 1)

    """
    try:
        return DOCUMENTS[short]
    except KeyError:
        raise UnknownDocumentError(short, tuple(DOCUMENTS)) from None


# Citations the rulebook writes in words rather than as SHORT clause.
_ALIASES: Final[Mapping[str, str]] = types.MappingProxyType({"2012 zone guidance": "ZONE"})
_SHORT_RE: Final = re.compile(r"(?P<short>[A-Z]{2,})(?:\s+(?P<clause>\S.*))?")
_REMARK_RE: Final = re.compile(r"\s*[(（]\s*see\b[^)）]*[)）]\s*$", re.IGNORECASE)
_CLAUSE_PREFIX_RE: Final = re.compile(r"^(?:§|art\.?|article|item)\s*", re.IGNORECASE)
_FULLWIDTH: Final = str.maketrans({"（": "(", "）": ")", "§": ""})


def _normalise_clause(raw: str) -> str:
    """Return the canonical clause key: ASCII parentheses, no spaces, no ``§``/``Art``, no trailing dot."""
    text = _CLAUSE_PREFIX_RE.sub("", raw.strip())
    return re.sub(r"\s+", "", text.translate(_FULLWIDTH)).rstrip(".．、")


def parse_citation(text: str) -> tuple[tuple[str, str], ...]:
    """Read a sources cell such as ``"GX 二(一); WH (三); REG 4"`` into ``(short, clause)`` pairs.

    Documents are separated by ``;``. After a short name, several clauses may follow, separated by ``,`` or
    ``、`` (``"CQ 3, 4"``); a bare short name cites the whole document (clause ``""``), and a comma-separated
    item that is itself a short name starts a new document (``"REG, OPN"``). Clause keys are normalised (see
    the module docstring); trailing remarks like ``(see reference)`` are dropped; the alias
    ``2012 zone guidance`` means ``ZONE``. Pairs come back in order, without repeats. The short names are
    not checked against :data:`DOCUMENTS` (use :func:`document` for that). An empty cell or ``—`` gives
    ``()``.

    Raises
    ------
    CitationError
        A part does not start with a short name (two or more capital letters) or a known alias.

    Examples
    --------
    >>> parse_citation("CQ 3, 4; ZB §1; GX 三（一）")
    (('CQ', '3'), ('CQ', '4'), ('ZB', '1'), ('GX', '三(一)'))
    >>> parse_citation("2012 zone guidance (see reference)")
    (('ZONE', ''),)

    """
    pairs: list[tuple[str, str]] = []
    for part in re.split(r"[;；]", text):
        cleaned = _REMARK_RE.sub("", part).strip()
        if cleaned in {"", "—", "-"}:
            continue
        alias = _ALIASES.get(cleaned.casefold())
        if alias is not None:
            pairs.append((alias, ""))
            continue
        short: str | None = None
        for item in re.split(r"[,，、]", cleaned):
            token = item.strip()
            match = _SHORT_RE.fullmatch(token)
            if match is not None:
                short = match["short"]
                pairs.append((short, _normalise_clause(match["clause"] or "")))
            elif short is not None and token:
                pairs.append((short, _normalise_clause(token)))
            else:
                raise CitationError(
                    f"cannot read citation {part.strip()!r} in {text!r}: expected 'SHORT clause'"
                )
    return tuple(dict.fromkeys(pairs))


def quote(short: str, clause: str = "") -> str | None:
    """Return the Chinese words of a cited clause, or ``None`` when the project has no verbatim quote of it.

    ``clause`` is normalised as in :func:`parse_citation` (``"二（一）"`` finds ``"二(一)"``).

    Raises
    ------
    UnknownDocumentError
        No document has that short name.

    Examples
    --------
    >>> quote("CQ", "12")
    '指导各区县原则上按与学校数1:5的比例配备专职督学,部分学生数较多的学校按1:1的比例配备。'
    >>> quote("REG", "14") is None
    True

    """
    document(short)
    return QUOTES.get((short, _normalise_clause(clause)))


QUOTES: Final[Mapping[tuple[str, str], str]] = types.MappingProxyType(
    {
        # National texts: only what reference/national-framework.md quotes in Chinese. Its notes paraphrase
        # the rest in English, so REG's articles, ACC, PRN and ZONE have no quote here.
        ("OPN", ""): "全面覆盖、运转高效、结果权威、问责有力",
        ("INSP", ""): "续聘一般不得超过3届",
        ("INSP", "21"): "累计不少于40学时",
        ("PLQ", "1"): "1人负责5所左右",
        # Seeds: copied from the seed texts (line breaks joined; the publishers' punctuation and damage kept).
        ("ZB", "一"): (
            "到2022年基本建成科学完善、运转高效、结果权威、问责有力的教育督导体制机制,"
            "推动淄博教育高品质发展。"
        ),
        ("ZB", "1"): (
            "按照国家、省有关文件精神,及时充实调整教育督导委员会强化教育督导委员会对教育督导工作的统筹指"
            "导作用。"
        ),
        ("ZB", "2"): ("依照规定配备总督学,严格落实总督学统筹负责教育督导工作要求。"),
        ("ZB", "4"): (
            "高效实施政府履行教育职责评价根据省评价指标完善我市指标体系,区县政府及市、"
            "区县有关部门履行教育职责情况进行督导。……区县教育督导委员会强化对区县政府部门、"
            "镇政府街道办事处)履行教育职责的督导。"
        ),
        ("ZB", "5"): (
            "稳步开展中小学、幼儿园校长任期结束履职情况综合督导。……控制督导频次,避免给学校和教师增加负担。"
        ),
        ("ZB", "9"): ("各级政府将教育督导工作经费纳入本级财政预算,由教育督导机构统筹使用"),
        ("ZB", "10"): (
            "按照规定比例规范聘任各类督学,适时增补调整,确保专职督学满足工作需要,并逐步提高配备比例。"
        ),
        ("ZB", "11"): (
            "对不服从工作安排、履行职责不到位或存在重大失职行为的督学,"
            "根据情节轻重给予批评教育直至解聘并向社会公告。将督学培训纳入教育管理干部年度培训计划,"
            "确保每年集中培训时间累积不少于40学时"
        ),
        ("ZB", "13"): (
            "坚持问题导向,即时向被督导单位反馈问题、提出整改意见,定期形成督导报告并主动向社会公开,"
            "接受社会监督。"
        ),
        ("ZB", "14"): (
            "对整改不到位、不及时的,要发函督办,限期整改。……建立问题整改“回头看”机制,准确掌握整改情况,"
            "确保问题得到有效解决,防止问题反弹。被督导单位应及时向教育督导机构报告整改结果并向社会公布整"
            "改情况。被督导单位的主管部门要督促指导被督导单位落实整改意见,并对整改工作负领导责任。"
        ),
        ("ZB", "15"): (
            "将教育督导结果作为重要推报依据,在政策支持、资源配置和领导干部考核、任免、"
            "奖惩中注重参考教育督导结果及整改情况。对整改不力、推诿扯皮、"
            "不作为或完成整改任务的被督导单位,教育督导机构将相关情况通报其所在地党委和政府及其主管部门,"
            "建议其领导班子成员不得评优评先、提拔使用或者转任重要职务。"
        ),
        ("GX", "一"): ("到 2022 年，基本建成全面覆盖、运转高效、结果权威、问责有力的教育督导体制机制。"),
        ("GX", "二(一)"): (
            "自治区、市、县三级人民政府设立教育督导委员会。自治区人民政府教育督导委员会主任由自治区人民政"
            "府分管教育工作的副主席担任，副主任由自治区人民政府协助分管教育工作的副秘书长和自治区教育厅厅"
            "长担任，成员由自治区党委组织部、宣传部，……等部门和单位有关负责同志组成，"
            "办公室设在自治区教育厅，承担日常工作。自治区教育厅设立总督学、副总督学，负责具体工作落实。"
        ),
        ("GX", "二(二)"): (
            "自治区教育督导机构每年组织1次综合督导，根据需要开展专项督导，……"
            "下级教育督导机构的年度工作计划、重大事项和督导结果须向上一级教育督导机构报告。……"
            "全区各级教育督导委员会成员单位要实行联络员制度，安排联络员负责具体联系教育督导工作。"
        ),
        ("GX", "二(三)"): (
            "完善市、县两级人民政府履行教育职责评价办法，建立分级评价机制。"
            "自治区教育督导机构对本级人民政府有关部门和设区市人民政府履行教育职责情况进行评价，"
            "设区市教育督导机构对本级人民政府有关部门和辖区县级人民政府履行教育职责情况进行评价，"
        ),
        ("GX", "二(四)"): (
            "全区各级教育督导机构以5年为一个周期，按职责权限对本行政区域内所辖学校进行一轮综合督导。"
            "加强对民办学校办学行为全方位督导。加快推进督学责任区建设，市、"
            "县两级教育督导机构要科学划分本区域内督学责任区，合理配备责任督学，实现中小学、"
            "幼儿园责任督学挂牌督导全覆盖。"
        ),
        ("GX", "二(七)"): (
            "全区各级教育督导机构开展督导工作，均要形成督导报告，并以适当方式向社会公开，接受人民群众监督。"
        ),
        ("GX", "二(八)"): (
            "全区各级教育督导机构要及时以召开反馈会议或下发书面反馈通知的形式向被督导单位反馈督导结果，"
            "逐项反馈存在的问题，下达整改决定，提出整改要求。"
            "以召开会议形式反馈的要邀请当地纪检监察机关和党委组织部、绩效办等部门和单位的相关负责人参加。"
        ),
        ("GX", "二(九)"): (
            "全区各级教育督导机构要根据督导结果，督促被督导单位及时整改督导发现的问题，"
            "被督导单位要在规定期限内将整改情况及时报告督导机构。对整改不到位、不及时的，"
            "督导机构要向被督导单位发送督办单，要求其限期整改。被督导单位的主管部门要承担监督责任，"
            "督促指导被督导单位落实整改意见，整改不力的要负连带责任。"
        ),
        ("GX", "二(十)"): (
            "对本行政区域内被督导事项建立“回头看”机制，对上级和本级教育督导机构督导发现问题的整改情况及时"
            "进行复查。复查要注重通过暗访、走访和实地查看等方式进行，"
        ),
        ("GX", "二(十一)"): (
            "全区各级人民政府要对教育督导结果优秀的被督导单位及有关负责人进行表彰，在政策支持、资源配置、"
            "资金分配等方面予以倾斜。组织人事部门在领导干部考核、任免、"
            "奖惩中要注意了解教育督导结果及整改情况。"
        ),
        ("GX", "二(十二)"): (
            "对贯彻落实党的教育方针和党中央、国务院以及自治区党委、政府教育决策部署不坚决不彻底，"
            "履行教育职责不到位，教育攻坚任务完成严重滞后，办学行为不规范，教育教学质量下降，"
            "安全问题较多，督导发现问题整改不力或拒不接受教育督导的被督导单位，"
            "由教育督导机构会同同级纪检监察机关、党委组织部门对被督导单位相关负责人进行约谈，"
            "必要时约谈主要负责人。……作出书面记录并报送被督导单位所在地党委和政府以及上级主管部门备案，"
        ),
        ("GX", "二(十三)"): (
            "对教育督导发现的问题整改不力、推诿扯皮、不作为或没有完成整改落实任务的被督导单位，"
            "由教育督导机构将教育督导结果、工作表现和整改情况通报其所在地党委和政府以及上级主管部门，"
            "建议其领导班子成员不得评优评先、提拔使用或者转任重要职务。"
        ),
        ("GX", "二(十四)"): (
            "对年度目标任务未完成、履行教育职责评价不合格，阻挠、干扰和不配合教育督导工作的被督导单位，"
            "按照有关规定予以约谈、通报并对相关负责人进行问责；对教育群体性事件多发高发、……威胁恐吓、"
            "打击报复教育督导人员的被督导单位，根据情节轻重，按照有关规定严肃追究相关单位负责人的责任。"
            "督学在督导过程中发现违法办学、侵犯受教育者和教师及学校合法权益、教师师德失范等违法行为的，"
            "移交相关执法部门调查处理；……问责和处理结果要及时向社会公布。"
        ),
        ("GX", "三(一)"): (
            "各地督学按与学校数 1：5 的比例配备，部分学生数量较多的学校可按 1：1 的比例配备。……"
            "逐步扩大专职督学比例。……新聘督学必须接受岗前培训。……对考核不合格的，按规定取消任命或解聘。"
        ),
        ("GX", "三(三)"): ("全区各级人民政府应将教育督导工作经费纳入本级财政预算，由教育督导机构统筹使用。"),
        ("CQ", "2"): (
            "指导区县比照设立区县教委总督学、副总督学,规范政府教育督导室设置,加强评估监测机构建设。……"
            "确保到2022年底基本建成全面覆盖、运转高效、结果权威、问责有力的教育督导体制机制。"
        ),
        ("CQ", "3"): (
            "根据国务院教育督导委员会办公室安排部署,对照年度重点评价内容,"
            "协调市级相关部门开展市政府2021年履行教育职责情况自查自评工作,完成自评报告及印证材料报送工作,"
            "做好迎接国家对市政府履行教育职责评价实地督查准备。"
        ),
        ("CQ", "4"): (
            "研究制定2022年对区县政府履行教育职责评价实施方案,……全面开展网络监测评价,"
            "重点对8个区县开展实地督查。……对2021年接受实地督查的区县,适时组织开展“回头看”,"
            "对照问题清单及整改措施核查整改落实情况。"
        ),
        ("CQ", "8"): (
            "对责任不落实、措施不到位、问题多发的地区进行约谈,……把双减督导作为责任督学日常督导重点内容,"
            "以区县为主实现对义务教育学校督导全覆盖,责任督学每月至少到校督导1次。"
        ),
        ("CQ", "9"): (
            "启动中小学校(幼儿园)校(园)长任期结束综合督导工作。……积极稳妥开展试点工作,"
            "推动建立中小学幼儿园校(园)长任期结束综合督导评估工作机制"
        ),
        ("CQ", "12"): (
            "指导各区县原则上按与学校数1:5的比例配备专职督学,部分学生数较多的学校按1:1的比例配备。"
        ),
        ("BZ", ""): (
            "2020年分别就规范办学行为、重点项目推进、惠民政策落实、教育专项治理等工作,"
            "下发督办通知及工作提示函共39份,督促整改落实事项18件。"
        ),
        ("WH", "(二)"): (
            "到 2022 年，基本建成机构健全、职责明确、队伍专业、标准科学、运行高效、结果权威、"
            "问责有力的教育督导体制机制。"
        ),
        ("WH", "(三)"): (
            "成立新一届教育督导委员会，……区党工委管委分管教育的领导同志任区教育督导委员会主任，"
            "党政办公室分管宣传工作负责同志和教育分局主要负责同志任副主任。办公室设在教育分局。"
        ),
        ("WH", "(四)"): (
            "按时向市级教育督导机构报告教育督导委员会年度工作计划、年度工作报告、重大事项和督导结果，"
            "以及人员调整变化情况。充分发挥教育督导委员会成员单位作用，每年至少召开 1 次全体会议。……"
            "各成员单位要加强沟通协作，安排专人负责教育督导工作。"
        ),
        ("WH", "(五)"): ("将教育督导工作经费纳入区级财政预算，由教育督导机构统筹使用。"),
        ("WH", "(六)"): (
            "管委任命总督学，……可适量选聘退休时间不超过 3 年的专业人员加入督学队伍，……"
            "按国家规定比例配备督学，其中专职督学占比不低于 30%并逐步提高，"
        ),
        ("WH", "(七)"): ("公开挂牌督学的联系方式，接受社会监督。"),
        ("WH", "(八)"): (
            "督学每年参加集中培训时间累计不少于 40学时，纳入干部和教师继续教育学时管理，"
            "新任督学应参加岗前培训。"
        ),
        ("WH", "(九)"): (
            "建立区教育督导委员会成员单位履行教育职责年度自评和督导评估制度，"
            "压实执行党和国家教育政策的主体责任，"
        ),
        ("WH", "(十)"): ("原则上，每学年要对所属学校办学情况开展一次综合督导。"),
        ("WH", "(十二)"): (
            "加强教育督导工作统筹管理，科学制定督导计划，合理控制督导频次，不增加学校和教师负担，"
            "不干扰正常教学秩序。"
        ),
        ("WH", "(十四)"): (
            "教育督导机构要注重发现问题、诊断问题、督促整改，及时向被督导单位反馈督导结果及存在的问题，"
            "提出整改要求和工作要求。"
        ),
        ("WH", "(十五)"): (
            "教育督导机构要建立对整改问题的“回头看”机制，通过跟踪监测、随机抽查等方式跟踪推进整改，"
            "确保问题得到有效解决，防止反弹，并及时报告整改结果，向社会公布整改情况。"
            "被督导单位的主管部门要指导督促被督导单位落实整改意见，整改不力的要负连带责任。"
        ),
        ("WH", "(十六)"): (
            "规范约谈程序，记录内容按规定备案，作为绩效考核的重要依据。"
            "对贯彻落实党和国家教育方针及决策部署不到位，履行教育职责问题突出，办学行为不规范，"
            "教育教学质量下滑严重，安全问题较多或不配合、不接受教育督导的，"
            "教育督导机构要严肃约谈相关负责人员；……教育督导机构发现被督导单位未按要求落实整改任务、"
            "推进问题整改不力的，及时将有关情况通报党工委管委以及上级部门，"
            "提出其领导班子成员不得评优评先、提拔使用或转任重要职务的建议。"
        ),
        ("WH", "(十七)"): (
            "区党工委管委应对教育督导结果优秀的被督导单位及有关负责人给予表扬，并在政策支持、资源配置、"
            "干部考核任用等方面予以优先考虑。"
        ),
        ("WH", "(十八)"): (
            "对履职评价不合格、整改不力，阻挠、干扰和不配合教育督导工作，……造成严重后果的被督导单位，"
            "根据情节轻重，严肃追究相关单位负责人的责任，违法行为移交执法部门调查处理，"
            "涉嫌犯罪的依法追究刑事责任。对于民办学校和教育培训机构存在此类情况的，根据情节轻重，"
            "教育主管部门依法督促学校撤换相关负责人，情节严重的，要依法吊销办学许可证，"
            "并及时通报审批主管部门。问责和处理结果要及时向社会公布。"
        ),
    }
)
"""The Chinese words of each cited clause, by ``(short, clause)``; see the module docstring for the keys."""
