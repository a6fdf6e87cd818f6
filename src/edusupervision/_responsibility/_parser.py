r"""Parse responsibility clauses (责任单位) out of Chinese policy text.

Implementation documents end each task with the units responsible for it::

    ……避免给学校和教师增加负担。(责任单位:市教育局,市及区县教育督导机构)

:func:`parse_clauses` finds every such list in a text (a whole document or one paragraph) and returns
one :class:`Clause` per list, in document order, with offsets into the *original* string.

How the text is read
--------------------
1. A normalised view drops whitespace, ``*`` (markdown debris) and page-furniture lines
   (``— 12 —``, ``-3-``, ``第3页``) but remembers, for every kept character, its original offset and
   whether a line break preceded it. Keywords broken by a line (``责\n\n任单位``) and names broken
   by a page (``教育分\n\n局``) are therefore whole.
2. A list starts at a role keyword followed by a colon (责任单位：, 牵头单位：, 配合单位：,
   参与单位：, 责任部门： …), or at a verb form ``X牵头，Y配合``. A keyword preceded by
   各/有关/相关 (an addressee line) starts nothing.
3. A list ends at its closing bracket (any style: OCR mixes 〔 with 】), at 。, or at the end of
   the line when the bracket is missing. A list continues onto the next line only if that line is
   not a heading and holds nothing but unit names up to a closing bracket. A stray tail line that
   closes with a bracket (GX 二(十)) is joined.
4. The body is split on top-level separators (、，,；;): a separator inside brackets
   (县（市、区）) never splits. ``设区市、县（市、区）人民政府`` is one collective (a bare
   jurisdiction before 、 joins the next name). Names printed without separators
   (市委编办市委组织部市教育局) are split with a lexicon of unit-name endings, only where the
   remainder starts like a new unit (市…, 各…, 区县…) and ends like one.

Elliptical names
----------------
``units`` keeps names as written (``财政厅``). ``resolved_units`` applies the prefix inherited
from the previous unit in the same list (``自治区教育厅、财政厅`` → ``自治区财政厅``;
``区县党委、政府`` → ``区县政府``): a name with no jurisdiction of its own inherits the previous
name's jurisdiction (or its party-committee prefix, for a …部 after 自治区党委组织部). Leads and
collectives are reported in the as-written form.
"""

from __future__ import annotations

import enum
import re
import types
from typing import TYPE_CHECKING, Final

import attrs

from edusupervision._responsibility import _lexicon as lx

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

__all__ = [
    "Clause",
    "LeadConvention",
    "ScopeNote",
    "UnitRole",
    "parse_clauses",
    "render_clause",
]


class UnitRole(enum.Enum):
    """A role a clause gives a unit (单位角色). ``value`` is English; :attr:`label_zh` is the Chinese word."""

    LEAD = "lead"
    COOPERATING = "cooperating"
    PARTICIPATING = "participating"
    ASSISTING = "assisting"
    RESPONSIBLE = "responsible"

    @property
    def label_zh(self) -> str:
        """Return the Chinese label (牵头, 配合, 参与, 协办, 责任)."""
        return _ROLE_LABELS_ZH[self]


_ROLE_LABELS_ZH: Final[Mapping[UnitRole, str]] = types.MappingProxyType(
    {
        UnitRole.LEAD: "牵头",
        UnitRole.COOPERATING: "配合",
        UnitRole.PARTICIPATING: "参与",
        UnitRole.ASSISTING: "协办",
        UnitRole.RESPONSIBLE: "责任",
    }
)


class LeadConvention(enum.Enum):
    """How a clause's lead (牵头单位) is known (牵头单位确定方式)."""

    #: Stated: "排在首位的为牵头单位" (GX), in this or an earlier list.
    FIRST_LISTED_STATED = "first_listed_stated"
    #: Stated: "第一单位为牵头单位" (WH), in this or an earlier list.
    FIRST_UNIT_STATED = "first_unit_stated"
    #: Not stated; the first-listed unit is taken to lead (ZB).
    FIRST_LISTED_IMPLIED = "first_listed_implied"
    #: The text names the roles: 牵头单位：…, or "X牵头，Y配合".
    EXPLICIT_ROLES = "explicit_roles"

    @property
    def label_zh(self) -> str:
        """Return the Chinese wording of the convention."""
        return _CONVENTION_LABELS_ZH[self]


_CONVENTION_LABELS_ZH: Final[Mapping[LeadConvention, str]] = types.MappingProxyType(
    {
        LeadConvention.FIRST_LISTED_STATED: "排在首位的为牵头单位",
        LeadConvention.FIRST_UNIT_STATED: "第一单位为牵头单位",
        LeadConvention.FIRST_LISTED_IMPLIED: "排在首位的为牵头单位（推定）",
        LeadConvention.EXPLICIT_ROLES: "明示牵头、配合单位",
    }
)

#: Role keywords that open a list (must be followed by a colon), with the role they give.
_KEYWORD_ROLES: Final[Mapping[str, UnitRole]] = types.MappingProxyType(
    {
        "责任单位": UnitRole.RESPONSIBLE,
        "责任部门": UnitRole.RESPONSIBLE,
        "主责单位": UnitRole.RESPONSIBLE,
        "主责部门": UnitRole.RESPONSIBLE,
        "牵头单位": UnitRole.LEAD,
        "牵头部门": UnitRole.LEAD,
        "配合单位": UnitRole.COOPERATING,
        "配合部门": UnitRole.COOPERATING,
        "参与单位": UnitRole.PARTICIPATING,
        "参与部门": UnitRole.PARTICIPATING,
        "协办单位": UnitRole.ASSISTING,
        "协助单位": UnitRole.ASSISTING,
    }
)
_KEYWORD_RE: Final = re.compile("(?P<kw>" + "|".join(_KEYWORD_ROLES) + ")[：:]")
_ADDRESSEE_BEFORE: Final = ("各", "有关", "相关", "其他", "所有")
_INLINE_MARKERS: Final[tuple[tuple[str, UnitRole], ...]] = tuple(
    (marker, UnitRole(value)) for marker, value in lx.INLINE_ROLE_MARKERS
)
_OPEN_ENDED_RE: Final = re.compile(r"等(?:有关部门|相关部门|部门|单位)?$")
_STRIP_CHARS: Final = "。.:：、，,；;“”\"'‘’·•"
_MAX_LIST_CHARS: Final = 600
_MAX_LINE_CHARS: Final = 160
_MAX_CONTINUATION_LINES: Final = 4
_STOPS: Final = frozenset("。、，,；;")
_MAX_VERB_SIDE: Final = 120
_MAX_BROKEN_NAME: Final = 20
_MAX_RUN_CHARS: Final = 80
_MAX_VERB_UNITS_CHARS: Final = 60


@attrs.frozen(kw_only=True)
class ScopeNote:
    """A note that changes what a word means from here on (范围说明, "…，下同").

    Attributes
    ----------
    term:
        The word the note qualifies (``区县``).
    note:
        The note without brackets and 下同 (``含高新区、经济开发区、文昌湖省级旅游度假区``).
    start, end:
        Offsets of the bracketed note in the original input.

    """

    term: str
    note: str
    start: int
    end: int

    def to_dict(self) -> dict[str, object]:
        """Return the note as a JSON-ready dict."""
        return {"term": self.term, "note": self.note, "start": self.start, "end": self.end}


@attrs.frozen(kw_only=True)
class Clause:
    """One responsibility list (责任单位清单) found in a text.

    Attributes
    ----------
    raw:
        The list as it stands in the input (``input[start:end]``), damage included.
    start, end:
        Offsets into the original input string.
    units:
        Units in order, as written (layout noise and scope notes removed).
    resolved_units:
        ``units`` with inherited prefixes applied to elliptical names (财政厅 → 自治区财政厅); same length.
    lead:
        The single lead, or ``None`` when the clause names none or several (see ``leads``).
    leads:
        Every lead (one under a first-listed convention; several when 牵头单位 lists several).
    co_responsible:
        The units that are not leads, in order.
    roles:
        Roles the text names, as ``(role, units)`` pairs in order of appearance.
    collectives:
        Units that stand for many (各成员单位, 区县政府, 设区市、县（市、区）人民政府 …), as written.
    convention:
        How the lead is known; ``None`` when no lead can be known (only 配合单位 named).
    scope_notes:
        Scope notes active at this clause (made here or earlier in the text), latest per term.
    open_ended:
        The list ends in 等 (and others).

    """

    raw: str
    start: int
    end: int
    units: tuple[str, ...]
    resolved_units: tuple[str, ...]
    lead: str | None
    leads: tuple[str, ...]
    co_responsible: tuple[str, ...]
    roles: tuple[tuple[UnitRole, tuple[str, ...]], ...]
    collectives: tuple[str, ...]
    convention: LeadConvention | None
    scope_notes: tuple[ScopeNote, ...] = ()
    open_ended: bool = False

    @property
    def role_map(self) -> Mapping[UnitRole, tuple[str, ...]]:
        """Return ``roles`` as a read-only mapping."""
        return types.MappingProxyType(dict(self.roles))

    @property
    def lead_is_collective(self) -> bool:
        """Return whether a lead stands for many units (a joint lead: ZB 市政府教育督导委员会成员单位)."""
        return any(lead in self.collectives for lead in self.leads)

    @property
    def introduced_scope_notes(self) -> tuple[ScopeNote, ...]:
        """Return the scope notes written inside this clause."""
        return tuple(n for n in self.scope_notes if self.start <= n.start and n.end <= self.end)

    def to_dict(self) -> dict[str, object]:
        """Return the JSON contract of a clause (plain dicts, lists and strings)."""
        return {
            "raw": self.raw,
            "start": self.start,
            "end": self.end,
            "units": list(self.units),
            "lead": self.lead,
            "leads": list(self.leads),
            "co_responsible": list(self.co_responsible),
            "roles": {role.value: list(units) for role, units in self.roles},
            "collectives": list(self.collectives),
            "convention": None if self.convention is None else self.convention.value,
            "resolved_units": list(self.resolved_units),
            "scope_notes": [n.to_dict() for n in self.scope_notes],
            "open_ended": self.open_ended,
        }


# ----------------------------------------------------------------------------------------------
# normalised view


@attrs.frozen
class _View:
    """The input without whitespace, ``*`` and page furniture, mapped back to original offsets."""

    text: str
    pos: tuple[int, ...]
    brk: tuple[bool, ...]  # a line break precedes this character
    in_statement: frozenset[int]  # indices inside a lead statement (排在首位的为牵头单位，下同)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Return original offsets for the view range ``[start, end)`` (end > start)."""
        return self.pos[start], self.pos[end - 1] + 1

    def without_statements(self, start: int, end: int) -> str:
        """Return ``text[start:end]`` with lead statements left out."""
        return "".join(self.text[k] for k in range(start, end) if k not in self.in_statement)

    def next_break(self, i: int) -> int:
        """Return the index of the first character after ``i`` that starts a new line, or ``len(text)``."""
        for j in range(i + 1, len(self.text)):
            if self.brk[j]:
                return j
        return len(self.text)


_DROPPED_CHARS: Final = frozenset("*\u200b\u200c\u200d\ufeff\u00ad")


def _build_view(source: str) -> _View:
    chars: list[str] = []
    pos: list[int] = []
    brk: list[bool] = []
    pending_break = False
    offset = 0
    for line in source.splitlines(keepends=True):
        content = line.splitlines()[0] if line.splitlines() else ""
        if lx.LINE_FURNITURE_RE.match(content):
            pending_break = True
            offset += len(line)
            continue
        for k, ch in enumerate(content):
            if ch.isspace() or ch in _DROPPED_CHARS:
                continue
            chars.append(ch)
            pos.append(offset + k)
            brk.append(pending_break)
            pending_break = False
        if len(content) < len(line):
            pending_break = True
        offset += len(line)
    text = "".join(chars)
    in_statement = frozenset(
        k
        for pattern in (lx.FIRST_LISTED_STATEMENT_RE, lx.FIRST_UNIT_STATEMENT_RE)
        for m in pattern.finditer(text)
        for k in range(m.start(), m.end())
    )
    return _View(text=text, pos=tuple(pos), brk=tuple(brk), in_statement=in_statement)


# ----------------------------------------------------------------------------------------------
# fragments and units


def _matched_brackets(text: str) -> tuple[frozenset[int], frozenset[int]]:
    """Return (indices of matched brackets, indices of unmatched closers)."""
    stack: list[int] = []
    matched: set[int] = set()
    stray: set[int] = set()
    for i, ch in enumerate(text):
        if ch in lx.OPENERS:
            stack.append(i)
        elif ch in lx.CLOSERS:
            if stack:
                matched.add(stack.pop())
                matched.add(i)
            else:
                stray.add(i)
    return frozenset(matched), frozenset(stray)


def _split_top(text: str) -> list[tuple[str, str]]:
    """Split on separators outside brackets; return ``(fragment, separator_before)`` pairs.

    Stray closers are dropped; unmatched openers are kept as text but do not nest.
    """
    matched, stray = _matched_brackets(text)
    parts: list[tuple[str, str]] = []
    buf: list[str] = []
    sep_before = ""
    depth = 0
    for i, ch in enumerate(text):
        if i in stray:
            continue
        if i in matched:
            depth += 1 if ch in lx.OPENERS else -1
        elif depth == 0 and (ch in lx.SEPARATORS or ch == "。"):
            parts.append(("".join(buf), sep_before))
            buf = []
            sep_before = ch
            continue
        buf.append(ch)
    parts.append(("".join(buf), sep_before))
    return [(frag, sep) for frag, sep in parts if frag.strip(_STRIP_CHARS)]


def _clean(fragment: str) -> str:
    text = lx.INLINE_FURNITURE_RE.sub("", fragment).strip(_STRIP_CHARS)
    # brackets left dangling at either end (an opener whose closer was lost, a stray closer)
    while text and (text[-1] in lx.OPENERS or text[0] in lx.CLOSERS):
        text = text[:-1] if text[-1] in lx.OPENERS else text[1:]
        text = text.strip(_STRIP_CHARS)
    if text and text[0] in lx.OPENERS and not _matched_brackets(text)[0]:
        text = text[1:].strip(_STRIP_CHARS)
    if text and text[-1] in lx.CLOSERS and not _matched_brackets(text)[0]:
        text = text[:-1].strip(_STRIP_CHARS)
    return text


def _has_ending(text: str) -> bool:
    return text.endswith(lx.UNIT_ENDINGS)


def _plausible(text: str, *, min_len: int = 2) -> bool:
    """Return whether ``text`` looks like a unit name (or half of a compound collective)."""
    text = _strip_marker(_clean(text))[0]
    text = _OPEN_ENDED_RE.sub("", text)
    if not min_len <= len(text) <= 40 or "。" in text or any(ch.isdigit() for ch in text):
        return False
    return (
        _has_ending(text)
        or bool(lx.BARE_JURISDICTION_RE.match(text))
        or (text.startswith("各") and len(text) >= 3)
    )


def _strip_marker(text: str) -> tuple[str, UnitRole | None]:
    for marker, role in _INLINE_MARKERS:
        if text.endswith(marker) and len(text) > len(marker):
            return text[: -len(marker)].strip(_STRIP_CHARS), role
    return text, None


def _split_run(text: str) -> list[str]:
    """Split names printed without separators (市委编办市委组织部市教育局) using the ending lexicon."""
    if len(text) > _MAX_RUN_CHARS:
        return [text]
    for k in range(2, len(text) - 1):
        head, rest = text[:k], text[k:]
        if not _has_ending(head) or not _has_ending(rest):
            continue
        if sum(ch in lx.OPENERS for ch in head) != sum(ch in lx.CLOSERS for ch in head):
            continue  # never split inside brackets: 市财政(地税)局
        if head[-1] + rest[0] in lx.UNSPLITTABLE_PAIRS:
            continue  # never split a compound level word: 各乡镇政府, 镇街
        if rest.startswith(lx.SPLIT_STARTS) or (
            head.endswith("党委") and rest in {"政府", "人民政府"}  # 区县党委政府 → 区县党委 | 政府
        ):
            return [head, *_split_run(rest)]
    return [text]


@attrs.frozen
class _Unit:
    name: str
    role: UnitRole | None  # an inline marker (市教育局牵头) or None
    open_ended: bool
    marker_bracketed: bool = False


def _units_from_body(body: str) -> list[_Unit]:
    """Turn a list body (keyword and brackets already gone) into units."""
    body = lx.SCOPE_NOTE_RE.sub(lambda m: m.group("term"), body)
    frags = [(_clean(frag), sep) for frag, sep in _split_top(body)]
    frags = [(frag, sep) for frag, sep in frags if frag and frag != "下同"]
    merged: list[str] = []
    i = 0
    while i < len(frags):
        frag = frags[i][0]
        while lx.BARE_JURISDICTION_RE.match(frag) and i + 1 < len(frags) and frags[i + 1][1] == "、":
            i += 1
            frag = f"{frag}、{frags[i][0]}"
        merged.append(frag)
        i += 1
    units: list[_Unit] = []
    for frag in merged:
        name, role = _strip_marker(frag)
        open_ended = bool(_OPEN_ENDED_RE.search(name)) and len(name) > 1
        if open_ended:
            name = _OPEN_ENDED_RE.sub("", name)
        pieces = _split_run(name)
        units.extend(_Unit(p, None, open_ended=False) for p in pieces[:-1])
        bracketed = role is not None and frag.rstrip(_STRIP_CHARS)[-1:] in lx.CLOSERS
        units.append(_Unit(pieces[-1], role, open_ended=open_ended, marker_bracketed=bracketed))
    return [u for u in units if u.name]


# ----------------------------------------------------------------------------------------------
# elliptical names and collectives


def _jurisdiction_of(name: str) -> tuple[str, str]:
    """Return (jurisdiction prefix, party-committee prefix) of a name, each possibly empty."""
    for prefix in lx.JURISDICTION_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            for party in (f"{prefix}党委", f"{prefix}委"):
                if name.startswith(party) and len(name) > len(party):
                    return prefix, party
            return prefix, ""
    return "", ""


def _is_elliptical(name: str) -> bool:
    if name.startswith(lx.NON_ELLIPTICAL_PREFIXES):
        return False
    return not any(ch in lx.JURISDICTION_CHARS for ch in name)


def _resolve(units: Sequence[str]) -> tuple[str, ...]:
    resolved: list[str] = []
    for name in units:
        full = name
        if resolved and _is_elliptical(name):
            jurisdiction, party = _jurisdiction_of(resolved[-1])
            if party and name.endswith("部") and not name.endswith("分部"):
                full = party + name
            elif jurisdiction:
                full = jurisdiction + name
        resolved.append(full)
    return tuple(resolved)


def _is_collective(resolved_name: str) -> bool:
    return resolved_name.startswith("各") or any(m in resolved_name for m in lx.COLLECTIVE_MARKERS)


# ----------------------------------------------------------------------------------------------
# scanning


@attrs.frozen
class _Found:
    """A list located in the view, before units are assigned."""

    start: int  # view index of the first character (opener or keyword)
    end: int  # view index after the last character
    segments: tuple[tuple[UnitRole | None, str], ...]  # (keyword role, body text)


def _statement_at(text: str, i: int) -> re.Match[str] | None:
    return lx.FIRST_LISTED_STATEMENT_RE.match(text, i) or lx.FIRST_UNIT_STATEMENT_RE.match(text, i)


def _strip_statements(text: str) -> str:
    text = lx.FIRST_LISTED_STATEMENT_RE.sub("", text)
    return lx.FIRST_UNIT_STATEMENT_RE.sub("", text)


def _fragments_fit(head: str, *, prev: str, open_end: bool = False) -> bool:
    """Return whether a continuation line's text holds nothing but unit names.

    The first fragment may be the rest of a name broken by the line (教育分|局, 人民政|府) when the
    previous line did not end at a separator; with ``open_end`` (the list goes on past this line) the
    last fragment may be the start of a broken name.
    """
    head = _KEYWORD_RE.sub("", _strip_statements(head))
    if open_end:  # a bracket left open at the line end belongs to the (broken) last name
        matched, _ = _matched_brackets(head)
        head = head[
            : min((k for k, ch in enumerate(head) if ch in lx.OPENERS and k not in matched), default=None)
        ]
    frags = [frag for frag, _ in _split_top(head)]
    if open_end and frags:
        last = frags.pop()
        if len(last) > _MAX_BROKEN_NAME or "。" in last:
            return False
    if not frags:
        return True
    first, *others = frags
    broken_name = (
        prev not in lx.SEPARATORS
        and prev not in "：:"
        and len(first) <= _MAX_BROKEN_NAME
        and "。" not in first
    )
    return (broken_name or _plausible(first, min_len=1)) and all(_plausible(f) for f in others)


def _closer_in_line(text: str, start: int, end: int, nesting: int) -> int | None:
    """Return the offset (from ``start``) of the closer that ends the list within ``text[start:end]``.

    Returns -1 if a 。 ends the list first (unless a lead statement follows it), None if neither occurs.
    """
    depth = nesting
    for k in range(start, end):
        ch = text[k]
        if ch in lx.OPENERS:
            depth += 1
        elif ch in lx.CLOSERS:
            if depth == 0:
                return k - start
            depth -= 1
        elif ch == "。" and depth == 0 and not _statement_at(text, k + 1):
            return -1
    return None


def _line_continues(view: _View, i: int, *, nesting: int, bracketed: bool, prev: str) -> bool:
    """Decide whether the line starting at view index ``i`` continues the list being read.

    In a bracketed list the closing bracket must come within a few lines, with nothing but unit names
    before it; otherwise (a bracket lost to OCR) the list ends at the line end. An unbracketed list
    continues only after a trailing separator.
    """
    text = view.text
    for _ in range(_MAX_CONTINUATION_LINES):
        line_end = view.next_break(i)
        line = text[i:line_end]
        if _KEYWORD_RE.match(line):  # 牵头单位：A；\n配合单位：B — the reader decides segment or new list
            return prev in lx.SEPARATORS
        if not line or lx.HEADING_RE.match(line) or len(line) > _MAX_LINE_CHARS:
            return False
        if not bracketed:
            head = re.split(r"[。）)〕】\]]", view.without_statements(i, line_end), maxsplit=1)[0]
            return prev in lx.SEPARATORS and _fragments_fit(head, prev=prev)
        cut = _closer_in_line(text, i, line_end, nesting)
        head = view.without_statements(i, line_end if cut is None or cut < 0 else i + cut)
        if cut == -1 or not _fragments_fit(head, prev=prev, open_end=cut is None):
            return False
        if cut is not None:
            return True
        nesting += sum(ch in lx.OPENERS for ch in line) - sum(ch in lx.CLOSERS for ch in line)
        i, prev = line_end, line[-1]
    return False


@attrs.define
class _ListReader:
    """Reads one keyword list forward from its keyword (state local to one call)."""

    view: _View
    match: re.Match[str]
    bracketed: bool
    seg_role: UnitRole
    seg_start: int
    seen_roles: set[UnitRole] = attrs.Factory(set)
    segments: list[tuple[UnitRole | None, str]] = attrs.Factory(list)
    statements: list[tuple[int, int]] = attrs.Factory(list)

    def after_stop(self, i: int) -> int | None:
        """At a position after 。 or a separator: return where to resume, or None to end the list here.

        Returns ``i`` itself when nothing special starts here.
        """
        text = self.view.text
        statement = _statement_at(text, i)
        if statement:
            self.statements.append((statement.start(), statement.end()))
            return statement.end()
        keyword = _KEYWORD_RE.match(text, i)
        if keyword:
            role = _KEYWORD_ROLES[keyword.group("kw")]
            if role in self.seen_roles:  # a second list of the same kind: a new clause starts here
                return None
            self.seen_roles.add(role)
            self.segments.append((self.seg_role, _body(text, self.seg_start, i, self.statements)))
            self.seg_role, self.seg_start = role, keyword.end()
            return keyword.end()
        return None if text[i - 1] == "。" else i

    def read(self) -> tuple[int, int | None]:
        """Return (end, index of the closing bracket or None)."""
        view, text = self.view, self.view.text
        base = 1 if self.bracketed else 0
        depth = base
        i = self.match.end()
        while i < len(text):
            if depth <= base and i > self.match.end() and text[i - 1] in _STOPS:
                resume = self.after_stop(i)
                if resume is None:
                    return (i - 1 if text[i - 1] == "。" else i), None
                if resume != i:
                    i = resume
                    continue
            if view.brk[i] and not _line_continues(
                view, i, nesting=depth - base, bracketed=self.bracketed or depth > base, prev=text[i - 1]
            ):
                return i, None
            if text[i] in lx.CLOSERS:
                if depth == base:
                    return i + 1, i
                depth = max(depth - 1, 0)
            elif text[i] in lx.OPENERS:
                depth += 1
            if i - self.match.end() > _MAX_LIST_CHARS:
                return i, None
            i += 1
        return len(text), None


def _scan_keyword(view: _View, match: re.Match[str]) -> _Found | None:
    text = view.text
    kstart = match.start()
    if any(text.endswith(a, 0, kstart) for a in _ADDRESSEE_BEFORE):
        return None
    bracketed = kstart > 0 and text[kstart - 1] in lx.OPENERS
    role = _KEYWORD_ROLES[match.group("kw")]
    reader = _ListReader(
        view=view, match=match, bracketed=bracketed, seg_role=role, seg_start=match.end(), seen_roles={role}
    )
    end, closed_at = reader.read()
    body_end = closed_at if closed_at is not None else end
    segments = [
        *reader.segments,
        (reader.seg_role, _body(text, reader.seg_start, body_end, reader.statements)),
    ]
    if closed_at is not None:
        tail = _tail(view, closed_at)
        if tail is not None:
            tail_body, end = tail
            last_role, last_body = segments[-1]
            segments[-1] = (last_role, _join_tail(last_body, tail_body))
    start = kstart - 1 if bracketed else kstart
    return _Found(start=start, end=end, segments=tuple(segments)) if end > start else None


def _body(text: str, start: int, end: int, statements: Iterable[tuple[int, int]]) -> str:
    keep = [True] * max(0, end - start)
    for s, e in statements:
        for k in range(max(s, start), min(e, end)):
            keep[k - start] = False
    return "".join(ch for ch, kept in zip(text[start:end], keep, strict=True) if kept)


def _tail(view: _View, closed_at: int) -> tuple[str, int] | None:
    """Return (body, end) of a stray tail line closing a list that closed early (GX 二(十)), if any."""
    text = view.text
    k = closed_at + 1
    if k >= len(text) or not view.brk[k]:
        return None
    line_end = view.next_break(k)
    line = text[k:line_end]
    if (
        len(line) > _MAX_LINE_CHARS
        or line[-1] not in lx.CLOSERS
        or "。" in line
        or lx.HEADING_RE.match(line)
        or _KEYWORD_RE.search(line)
        or sum(ch in lx.CLOSERS for ch in line) <= sum(ch in lx.OPENERS for ch in line)
    ):
        return None
    frags = [frag for frag, _ in _split_top(line[:-1])]
    rest = frags if frags and _plausible(frags[0]) else frags[1:]
    if not rest or not all(_plausible(f) for f in rest):
        return None
    return line[:-1], line_end


def _join_tail(body: str, tail: str) -> str:
    """Join a tail line to a list body; a leading fragment repeating the end of the body is dropped."""
    frags = _split_top(tail)
    last = _split_top(body)
    if frags and not _plausible(frags[0][0]):
        first = _clean(frags[0][0])
        if last and _clean(last[-1][0]).endswith(first):
            return body + tail[tail.index(frags[0][0]) + len(frags[0][0]) :]
        return body + tail
    return f"{body}，{tail}"


def _verb_left(view: _View, p: int) -> int:
    """Return the start of the units before 牵头 at ``p`` (scanning back to a boundary)."""
    text = view.text
    j = p - 1
    depth = 0
    while j >= 0 and p - j <= _MAX_VERB_SIDE:
        ch = text[j]
        if view.brk[j + 1] and j + 1 < p:
            break
        if ch in lx.CLOSERS:
            depth += 1
        elif ch in lx.OPENERS:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in "。；;：:，,":
            break
        j -= 1
    return j + 1


def _verb_right(view: _View, p: int) -> int:
    """Return the end of the role groups after 牵头 at ``p`` (a boundary or closing bracket)."""
    text = view.text
    r = p + 2
    depth = 0
    while r < len(text) and r - p <= _MAX_VERB_SIDE:
        ch = text[r]
        if (r > p + 2 and view.brk[r]) or (depth == 0 and (ch in "。；;" or ch in lx.CLOSERS)):
            break
        if ch in lx.OPENERS:
            depth += 1
        elif ch in lx.CLOSERS:
            depth -= 1
        r += 1
    return r


def _verb_clause(view: _View, p: int) -> _Found | None:
    """Read a verb-form clause around 牵头 at ``p``: (由)X牵头，Y配合 or （X牵头）."""
    text = view.text
    left_start = _verb_left(view, p)
    r = _verb_right(view, p)
    left = text[left_start:p]
    left = left[left.rindex("由") + 1 :] if "由" in left else left
    right = text[p + 2 : r].strip(_STRIP_CHARS)
    if len(left) > _MAX_VERB_UNITS_CHARS or not (
        right.endswith(tuple(word for word, _ in lx.VERB_ROLE_WORDS))
        or (not right and text[r : r + 1] in lx.CLOSERS)
    ):
        return None
    enclosed = (
        left_start > 0 and text[left_start - 1] in lx.OPENERS and r < len(text) and text[r] in lx.CLOSERS
    )
    leads = [u.name for u in _units_from_body(left)]
    if not leads or not all(_plausible(u) for u in leads) or not (right or enclosed):
        return None
    segments: list[tuple[UnitRole | None, str]] = [(UnitRole.LEAD, left)]
    if right:
        others = _units_from_body(right)
        if not others or others[-1].role is None or not all(_plausible(u.name) for u in others):
            return None
        segments.append((None, right))
    if enclosed:
        return _Found(start=left_start - 1, end=r + 1, segments=tuple(segments))
    return _Found(start=left_start, end=r, segments=tuple(segments))


def _scan_verbs(view: _View, taken: Sequence[tuple[int, int]]) -> list[_Found]:
    """Find verb-form clauses outside the keyword lists already found."""
    text = view.text
    found: list[_Found] = []
    for match in re.finditer("牵头", text):
        p = match.start()
        if any(s <= p < e for s, e in taken) or text.startswith(("单位", "部门"), p + 2):
            continue
        if p > 0 and text[p - 1] == "为":  # 排在首位的为牵头单位 is a statement, not a role
            continue
        clause = _verb_clause(view, p)
        if clause is not None:
            found.append(clause)
    return found


# ----------------------------------------------------------------------------------------------
# assembling clauses


def _scope_notes(view: _View) -> list[tuple[int, ScopeNote]]:
    notes: list[tuple[int, ScopeNote]] = []
    for m in lx.SCOPE_NOTE_RE.finditer(view.text):
        term = m.group("term")
        for candidate in ("区县", "县（市、区）", "县(市、区)", "县区", "乡镇", "镇街", "市", "县", "区"):
            if term.endswith(candidate):
                term = candidate
                break
        start, end = view.span(m.end("term"), m.end())
        notes.append((m.end(), ScopeNote(term=term, note=m.group("note"), start=start, end=end)))
    return notes


def _conventions(view: _View) -> list[tuple[int, LeadConvention]]:
    marks = [
        (m.start(), LeadConvention.FIRST_LISTED_STATED)
        for m in lx.FIRST_LISTED_STATEMENT_RE.finditer(view.text)
    ]
    marks += [
        (m.start(), LeadConvention.FIRST_UNIT_STATED) for m in lx.FIRST_UNIT_STATEMENT_RE.finditer(view.text)
    ]
    return sorted(marks)


def _assemble(
    found: _Found,
    view: _View,
    source: str,
    conventions: Sequence[tuple[int, LeadConvention]],
    notes: Sequence[tuple[int, ScopeNote]],
) -> Clause | None:
    names: list[str] = []
    role_units: dict[UnitRole, list[str]] = {}
    open_ended = False
    for seg_role, body in found.segments:
        pending: list[str] = []
        for unit in _units_from_body(body):
            names.append(unit.name)
            pending.append(unit.name)
            open_ended = open_ended or unit.open_ended
            if unit.role is not None and unit.marker_bracketed:  # 市教育局（牵头）: this unit only
                pending.pop()
                role_units.setdefault(unit.role, []).append(unit.name)
            elif unit.role is not None:  # 市财政局、市公安局配合: the whole group since the last marker
                role_units.setdefault(unit.role, []).extend(pending)
                pending = []
        if pending and seg_role is not None:
            role_units.setdefault(seg_role, []).extend(pending)
    if not names or 2 * sum(_plausible(u) for u in names) < len(names):
        return None
    resolved = _resolve(names)
    if UnitRole.LEAD in role_units:
        leads = tuple(role_units[UnitRole.LEAD])
        convention: LeadConvention | None = LeadConvention.EXPLICIT_ROLES
    elif UnitRole.RESPONSIBLE in role_units:
        leads = (role_units[UnitRole.RESPONSIBLE][0],)
        stated = [c for at, c in conventions if at < found.end]
        convention = stated[-1] if stated else LeadConvention.FIRST_LISTED_IMPLIED
    else:
        leads = ()
        convention = None
    active: dict[str, ScopeNote] = {}
    for at, note in notes:
        if at <= found.end:
            active[note.term] = note
    start, end = view.span(found.start, found.end)
    return Clause(
        raw=source[start:end],
        start=start,
        end=end,
        units=tuple(names),
        resolved_units=resolved,
        lead=leads[0] if len(leads) == 1 else None,
        leads=leads,
        co_responsible=tuple(u for u in names if u not in leads),
        roles=tuple((role, tuple(units)) for role, units in role_units.items()),
        collectives=tuple(u for u, r in zip(names, resolved, strict=True) if _is_collective(r)),
        convention=convention,
        scope_notes=tuple(sorted(active.values(), key=lambda n: n.start)),
        open_ended=open_ended,
    )


def parse_clauses(text: str) -> tuple[Clause, ...]:
    """Find every responsibility list (责任单位) in ``text``, in document order.

    Parameters
    ----------
    text:
        A whole document or a paragraph, damage and all.

    Returns
    -------
    tuple[Clause, ...]
        One clause per list; ``()`` when there is none. Parsing never raises on a ``str``.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str``.

    Examples
    --------
    >>> text = "加强经费保障。〔责任单位：自治区教育厅、财政厅，设区市、县（市、区）人民政府〕"
    >>> (clause,) = parse_clauses(text)
    >>> clause.units
    ('自治区教育厅', '财政厅', '设区市、县（市、区）人民政府')
    >>> clause.lead, clause.resolved_units[1]
    ('自治区教育厅', '自治区财政厅')
    >>> clause.collectives
    ('设区市、县（市、区）人民政府',)
    >>> parse_clauses("各县（市、区）人民政府，市政府各部门，各有关单位：")
    ()

    """
    if not isinstance(text, str):
        raise TypeError(f"parse_clauses() expects str, got {type(text).__name__}")
    view = _build_view(text)
    found: list[_Found] = []
    taken_end = -1
    for match in _KEYWORD_RE.finditer(view.text):
        if match.start() < taken_end:
            continue
        item = _scan_keyword(view, match)
        if item is not None:
            found.append(item)
            taken_end = item.end
    found += _scan_verbs(view, [(f.start, f.end) for f in found])
    found.sort(key=lambda f: f.start)
    conventions = _conventions(view)
    notes = _scope_notes(view)
    clauses = (_assemble(f, view, text, conventions, notes) for f in found)
    return tuple(c for c in clauses if c is not None)


def render_clause(
    units: Sequence[str], *, lead_convention: LeadConvention = LeadConvention.FIRST_LISTED_IMPLIED
) -> str:
    """Render units back to document text, first unit leading.

    Parameters
    ----------
    units:
        Units in order; the first leads.
    lead_convention:
        How the lead is shown: ``FIRST_LISTED_IMPLIED`` (plain list), ``FIRST_LISTED_STATED`` (GX style, with
        排在首位的为牵头单位), ``FIRST_UNIT_STATED`` (WH style) or ``EXPLICIT_ROLES``
        (牵头单位：…；配合单位：…).

    Returns
    -------
    str
        The bracketed list, e.g. ``（责任单位：市教育局、市财政局）``.

    Raises
    ------
    ValueError
        If ``units`` is empty.

    Examples
    --------
    >>> render_clause(["市教育局", "市财政局"])
    '（责任单位：市教育局、市财政局）'
    >>> render_clause(["市教育局", "市财政局"], lead_convention=LeadConvention.EXPLICIT_ROLES)
    '（牵头单位：市教育局；配合单位：市财政局）'

    """
    if not units:
        raise ValueError("render_clause() needs at least one unit")
    listed = "、".join(units)
    match lead_convention:
        case LeadConvention.FIRST_LISTED_STATED:
            return f"〔责任单位：{listed}。排在首位的为牵头单位，下同〕"
        case LeadConvention.FIRST_UNIT_STATED:
            return f"（责任单位：{listed}，第一单位为牵头单位，下同）"
        case LeadConvention.EXPLICIT_ROLES:
            others = "、".join(units[1:])
            return f"（牵头单位：{units[0]}；配合单位：{others}）" if others else f"（牵头单位：{units[0]}）"
        case _:
            return f"（责任单位：{listed}）"
