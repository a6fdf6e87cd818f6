"""Tests for the cited documents, their quotes, and the reading of the rulebook's sources columns."""

from __future__ import annotations

import re
import types
from datetime import date
from pathlib import Path

import pytest

from edusupervision._errors import EduSupervisionError
from edusupervision._rules._sources import (
    DOCUMENTS,
    QUOTE_ELISION,
    QUOTES,
    CitationError,
    Document,
    DocumentLevel,
    UnknownDocumentError,
    document,
    parse_citation,
    quote,
)

SHARED = Path(__file__).parents[1].parent / "shared"
RULEBOOK = SHARED / "domain" / "RULEBOOK.md"
SEEDS = SHARED / "seeds"
NATIONAL_FRAMEWORK = SHARED / "reference" / "national-framework.md"
SEED_SHORTS = ("ZB", "GX", "CQ", "BZ", "WH")


def _squash(text: str) -> str:
    """Drop all whitespace, so PDF line breaks and layout spaces do not matter."""
    return re.sub(r"\s+", "", text)


def _read_or_skip(path: Path) -> str:
    if not path.is_file():
        pytest.skip(f"{path} is not available (the read-only shared sources are not mounted here)")
    return path.read_text(encoding="utf-8")


def _table_cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _rulebook_sources_cells(text: str) -> list[tuple[str, str]]:
    """Return (rule id, sources cell) for every row of every table whose last column is "sources"."""
    rows: list[tuple[str, str]] = []
    in_table = False
    for line in text.splitlines():
        if not line.startswith("|"):
            in_table = False
            continue
        cells = _table_cells(line)
        if cells[-1] == "sources":
            in_table = True
        elif in_table and not set(cells[0]) <= set("-: "):
            rows.append((cells[0].strip("`"), cells[-1]))
    return rows


@pytest.fixture(scope="module")
def rulebook_pairs() -> dict[tuple[str, str], list[str]]:
    """Map every (short, clause) the rulebook cites to the rule ids that cite it."""
    cells = _rulebook_sources_cells(_read_or_skip(RULEBOOK))
    assert len(cells) > 50, "the RULEBOOK's rule tables were not found"
    pairs: dict[tuple[str, str], list[str]] = {}
    for rule_id, cell in cells:
        for pair in parse_citation(cell):
            pairs.setdefault(pair, []).append(rule_id)
    return pairs


@pytest.fixture(scope="module")
def seed_texts() -> dict[str, str]:
    """Map each seed's short name to its text, using seeds/INDEX.md (``| `file` | Name (SHORT) | …``)."""
    index = _read_or_skip(SEEDS / "INDEX.md")
    texts: dict[str, str] = {}
    for match in re.finditer(r"^\| `(?P<file>[^`]+)` \| [^|(]*\((?P<short>[A-Z]+)\)", index, re.MULTILINE):
        texts[match["short"]] = (SEEDS / match["file"]).read_text(encoding="utf-8")
    assert sorted(texts) == sorted(SEED_SHORTS)
    return texts


# --- documents ---------------------------------------------------------------------------------------------


def test_documents_is_read_only_and_keyed_by_short() -> None:
    assert isinstance(DOCUMENTS, types.MappingProxyType)
    for short, doc in DOCUMENTS.items():
        assert isinstance(doc, Document)
        assert doc.short == short
        assert doc.title.startswith("《")
        assert doc.title.endswith("》")


def test_documents_national_first_then_seeds() -> None:
    shorts = list(DOCUMENTS)
    national = [s for s in shorts if DOCUMENTS[s].level is DocumentLevel.NATIONAL]
    assert shorts[: len(national)] == national
    assert shorts[len(national) :] == list(SEED_SHORTS)
    assert {"REG", "OPN", "INSP", "PLQ", "ACC", "PRN"} <= set(national)


@pytest.mark.parametrize("doc", DOCUMENTS.values(), ids=list(DOCUMENTS))
def test_document_dates(doc: Document) -> None:
    assert isinstance(doc.in_force_on, date)
    if doc.issued_on is not None:
        assert doc.issued_on <= doc.in_force_on
    if doc.issued_on is None or doc.issued_on != doc.in_force_on:
        # a chosen or separate in-force date is explained
        assert doc.note


def test_known_dates_and_numbers() -> None:
    assert document("REG").in_force_on == date(2012, 10, 1)
    assert document("ACC").issued_on == date(2021, 7, 20)
    assert document("ACC").in_force_on == date(2021, 9, 1)
    assert document("GX").number == "厅发〔2020〕26号"
    assert document("CQ").number == "渝府教督发〔2022〕2号"
    assert document("OPN").number == "厅字〔2020〕1号"
    # WH is undated; it cites the 十九届六中全会 (closed 2021-11-11), so it cannot be in force before that
    assert document("WH").issued_on is None
    assert document("WH").in_force_on > date(2021, 11, 11)


def test_only_the_news_report_and_the_format_spec_are_not_normative() -> None:
    assert sorted(s for s, d in DOCUMENTS.items() if not d.normative) == ["BZ", "FMT"]


def test_levels() -> None:
    assert document("GX").level is DocumentLevel.PROVINCIAL
    assert document("CQ").level is DocumentLevel.PROVINCIAL
    assert document("ZB").level is DocumentLevel.PREFECTURE
    assert document("WH").level is DocumentLevel.COUNTY
    assert DocumentLevel.COUNTY.label == "县级 (county)"
    assert [level.value for level in DocumentLevel] == ["national", "provincial", "prefecture", "county"]


def test_unknown_document() -> None:
    with pytest.raises(UnknownDocumentError, match=r"'XX'.*REG, OPN") as info:
        document("XX")
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, EduSupervisionError)
    assert info.value.known == tuple(DOCUMENTS)


# --- parse_citation ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("GX 二(一); WH (三); REG 4", (("GX", "二(一)"), ("WH", "(三)"), ("REG", "4"))),
        ("CQ 3, 4", (("CQ", "3"), ("CQ", "4"))),
        ("OPN; ZB 1", (("OPN", ""), ("ZB", "1"))),
        ("GX 三（一）；ZB §10", (("GX", "三(一)"), ("ZB", "10"))),
        ("REG Art 14; CQ item 8", (("REG", "14"), ("CQ", "8"))),
        ("REG, OPN, INSP", (("REG", ""), ("OPN", ""), ("INSP", ""))),
        ("2012 zone guidance (see reference)", (("ZONE", ""),)),
        ("ZB 一; GX 一", (("ZB", "一"), ("GX", "一"))),
        ("REG 4; REG 4", (("REG", "4"),)),
        ("", ()),
        ("—", ()),
    ],
)
def test_parse_citation(text: str, expected: tuple[tuple[str, str], ...]) -> None:
    assert parse_citation(text) == expected


@pytest.mark.parametrize("text", ["二(一)", "see the seeds", "gx 二(一)"])
def test_parse_citation_rejects(text: str) -> None:
    with pytest.raises(CitationError):
        parse_citation(text)


# --- the rulebook ------------------------------------------------------------------------------------------


def test_rulebook_citations_name_known_documents(rulebook_pairs: dict[tuple[str, str], list[str]]) -> None:
    unknown = {pair: rules for pair, rules in rulebook_pairs.items() if pair[0] not in DOCUMENTS}
    assert not unknown, f"citations of unknown documents: {unknown}"


def test_rulebook_seed_citations_all_quoted(rulebook_pairs: dict[tuple[str, str], list[str]]) -> None:
    missing = {
        pair: rules for pair, rules in rulebook_pairs.items() if pair[0] in SEED_SHORTS and pair not in QUOTES
    }
    assert not missing, f"seed clauses cited without a quote: {missing}"


def test_rulebook_unquoted_citations_are_national(
    rulebook_pairs: dict[tuple[str, str], list[str]], capsys: pytest.CaptureFixture[str]
) -> None:
    order = list(DOCUMENTS)
    unquoted = sorted(
        (pair for pair in rulebook_pairs if pair not in QUOTES),
        key=lambda pair: (order.index(pair[0]) if pair[0] in order else len(order), pair[1].zfill(4)),
    )
    with capsys.disabled():
        print(f"\n{len(unquoted)} cited clause(s) without a quote (allowed for national texts):")
        for short, clause in unquoted:
            print(f"  {short} {clause or '(whole document)'}: {', '.join(rulebook_pairs[(short, clause)])}")
    assert all(DOCUMENTS[short].level is DocumentLevel.NATIONAL for short, _ in unquoted)


def test_every_quote_is_cited_by_the_rulebook(rulebook_pairs: dict[tuple[str, str], list[str]]) -> None:
    assert set(QUOTES) <= set(rulebook_pairs)


# --- quotes ------------------------------------------------------------------------------------------------


def test_quote_keys_are_normalised() -> None:
    for short, clause in QUOTES:
        assert short in DOCUMENTS
        assert parse_citation(f"{short} {clause}".strip()) == ((short, clause),)


def test_quotes_are_trimmed() -> None:
    for key, text in QUOTES.items():
        assert 0 < len(text) <= 220, key
        assert text == text.strip(), key
        assert all(piece for piece in text.split(QUOTE_ELISION)), key


def test_seed_quotes_are_verbatim(seed_texts: dict[str, str]) -> None:
    for (short, clause), text in QUOTES.items():
        if short not in seed_texts:
            continue
        source = _squash(seed_texts[short])
        position = 0
        for piece in text.split(QUOTE_ELISION):
            found = source.find(_squash(piece), position)
            assert found >= 0, f"{short} {clause}: not verbatim in the seed (or out of order): {piece!r}"
            position = found + len(_squash(piece))


def test_national_quotes_are_verbatim_in_the_reference() -> None:
    reference = _squash(_read_or_skip(NATIONAL_FRAMEWORK))
    for (short, clause), text in QUOTES.items():
        if short in SEED_SHORTS:
            continue
        for piece in text.split(QUOTE_ELISION):
            assert _squash(piece) in reference, f"{short} {clause}: not quoted in national-framework.md"


def test_quote_lookup() -> None:
    assert quote("GX", "三（一）") == QUOTES[("GX", "三(一)")]
    assert quote("ZB", "§14") == QUOTES[("ZB", "14")]
    assert quote("BZ") == QUOTES[("BZ", "")]
    assert quote("REG", "14") is None
    with pytest.raises(UnknownDocumentError):
        quote("XX", "1")
