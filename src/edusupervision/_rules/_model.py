"""What a rule is: modality, severity, outcome, citations, dated parameters, and the check contract.

A rule is data plus a small pure check. The check receives a :class:`Context` (the dataset, ``as_of`` and
the rule's effective parameters) and yields one :class:`Result` per subject it covers, compliant or not;
the engine turns results into findings with severity, bilingual message, citations and location.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Final

import attrs

from edusupervision._domain._dataset import Dataset
from edusupervision._domain._enums import LabelledEnum
from edusupervision._frozen import frozen_map
from edusupervision._rules._sources import Document, document, parse_citation, quote

__all__ = [
    "Check",
    "Citation",
    "Context",
    "Derive",
    "Measure",
    "MeasureKind",
    "Modality",
    "Outcome",
    "Param",
    "Ref",
    "Result",
    "Rule",
    "Severity",
    "cite",
]


class Severity(LabelledEnum):
    """How much a finding matters: ``error`` (MUST), ``warning`` (DEFAULT, soft limits), ``info`` (MAY/EXPLORE)."""

    ERROR = ("error", "错误", "error")
    WARNING = ("warning", "警告", "warning")
    INFO = ("info", "提示", "info")

    @property
    def rank(self) -> int:
        """Return 0 for error, 1 for warning, 2 for info (sorting puts errors first)."""
        return list(Severity).index(self)


class Modality(LabelledEnum):
    """Strength of obligation, from the modal words of the source (须/原则上/可/探索/到…年)."""

    MUST = ("MUST", "须", "must")
    DEFAULT = ("DEFAULT", "原则上", "as a rule")
    MAY = ("MAY", "可", "may")
    EXPLORE = ("EXPLORE", "探索", "explore")
    TARGET = ("TARGET", "到…年", "target by a date")

    @property
    def default_severity(self) -> Severity:
        """Return the severity a rule of this modality has unless the rulebook says otherwise."""
        if self in (Modality.MUST, Modality.TARGET):
            return Severity.ERROR
        if self is Modality.DEFAULT:
            return Severity.WARNING
        return Severity.INFO


class Outcome(LabelledEnum):
    """Outcome of applying a rule to a subject."""

    COMPLIANT = ("compliant", "符合", "compliant")
    VIOLATION = ("violation", "违反", "violation")
    UNDETERMINABLE = ("undeterminable", "无法判定", "undeterminable")
    NOT_APPLICABLE = ("not_applicable", "不适用", "not applicable")


@attrs.frozen
class Citation:
    """A citation: a document's short name and a clause (``Citation("GX", "二(一)")``).

    Examples
    --------
    >>> c = Citation("ACC")
    >>> c.document_info.number, str(c)
    ('国教督〔2021〕2号', 'ACC')

    """

    document: str
    clause: str = ""

    def __attrs_post_init__(self) -> None:
        """Check the document exists (raises ``UnknownDocumentError``, a ``LookupError``)."""
        document(self.document)

    @property
    def document_info(self) -> Document:
        """Return the cited document."""
        return document(self.document)

    @property
    def quote(self) -> str | None:
        """Return the Chinese words of the clause, when the project holds them."""
        return quote(self.document, self.clause)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: document short name, title, number, clause, quote, url."""
        info = self.document_info
        return {
            "document": self.document,
            "title": info.title,
            "number": info.number,
            "clause": self.clause,
            "quote": self.quote,
            "url": info.url,
        }

    def __str__(self) -> str:
        """Return ``GX 二(一)``."""
        return f"{self.document} {self.clause}".strip()


def cite(text: str) -> tuple[Citation, ...]:
    """Return the citations of a rulebook sources cell: ``cite("GX 二(一); REG 4")``."""
    return tuple(Citation(short, clause) for short, clause in parse_citation(text))


#: Largest value of a parameter in a unit of time, unless it says otherwise (a century): date arithmetic stays sane.
_UNIT_MAXIMUM: Final = {"years": 100, "months": 1200, "days": 36500}


@attrs.frozen(kw_only=True)
class Param:
    """A rule parameter: its default, what it means, its unit, and what values it takes.

    ``types`` defaults to the type of ``default`` (an int default also takes no bool; a float one takes ints).
    ``choices`` names the vocabulary of a code or of every item of a tuple of codes. ``None`` is always
    accepted: it means "not set" (the rule then does not apply, or that part of it is not required).

    Examples
    --------
    >>> Param(default=5, doc="schools").problem("four")
    "expected int, got str ('four')"

    """

    default: Any
    doc: str
    unit: str | None = None
    types: tuple[type, ...] | None = None
    choices: type[LabelledEnum] | tuple[str, ...] | None = None
    minimum: float | None = None
    """Smallest value (numbers default to 0: every number here is a count, a length or a share)."""
    maximum: float | None = None

    def _types(self) -> tuple[type, ...] | None:
        if self.types is not None:
            return self.types
        if self.default is None:
            return None
        if isinstance(self.default, float):
            return (float, int)
        return (type(self.default),)

    def problem(self, value: Any) -> str | None:
        """Return what is wrong with ``value`` for this parameter, or None."""
        if value is None:
            return None
        types = self._types()
        if types is not None and (
            not isinstance(value, types) or (isinstance(value, bool) and bool not in types)
        ):
            return (
                f"expected {' or '.join(t.__name__ for t in types)}, got {type(value).__name__} ({value!r})"
            )
        if isinstance(value, int | float) and not isinstance(value, bool):
            low = self.minimum if self.minimum is not None else 0
            high = self.maximum if self.maximum is not None else _UNIT_MAXIMUM.get(self.unit or "")
            if value < low or (high is not None and value > high):
                bound = f" and at most {high:g}" if high is not None else ""
                return f"must be at least {low:g}{bound}, got {value!r}"
        if self.choices is None:
            return None
        items = value if isinstance(value, tuple) else (value,)
        allowed = (
            tuple(m.value for m in self.choices) if isinstance(self.choices, type) else tuple(self.choices)
        )
        wrong = [item for item in items if item not in allowed]
        return f"{', '.join(map(repr, wrong))} not among {', '.join(allowed)}" if wrong else None


@attrs.frozen
class Ref:
    """A reference to a subject or responsible unit: its kind (table-like name) and id."""

    kind: str
    id: str

    def to_dict(self) -> dict[str, str]:
        """Return ``{"kind": …, "id": …}``."""
        return {"kind": self.kind, "id": self.id}


@attrs.frozen(kw_only=True)
class Result:
    """What a check says about one subject."""

    subject: Ref
    outcome: Outcome
    responsible: Ref | None = None
    evidence: Mapping[str, Any] = attrs.field(factory=dict, converter=frozen_map)
    missing: tuple[str, ...] = ()
    table: str | None = None
    position: int | None = None


@attrs.frozen(kw_only=True)
class Context:
    """What a check may look at: the dataset, the date, and the rule's effective parameters."""

    dataset: Dataset
    as_of: dt.date
    params: Mapping[str, Any]
    profile: str
    evaluate: Callable[[str], Sequence[Result]] | None = attrs.field(default=None, eq=False, repr=False)

    def __getitem__(self, name: str) -> Any:
        """Return parameter ``name``."""
        return self.params[name]


Check = Callable[[Context], Iterable[Result]]


class MeasureKind(LabelledEnum):
    """What the rules call for after a supervision (the consequences engine's vocabulary)."""

    URGING = ("urging", "督办", "urging notice")
    LOOK_BACK = ("look_back", "回头看", "look-back check")
    INTERVIEW = ("interview", "约谈", "interview")
    CIRCULAR = ("circular", "通报", "circular")
    INELIGIBILITY = ("ineligibility", "不得评优提拔", "ineligible for awards and promotion")
    ACCOUNTABILITY = ("accountability", "问责", "accountability")
    AGGRAVATED = ("aggravated", "从重处理", "aggravated handling")
    REFERRAL = ("referral", "移交", "referral to enforcement")
    COMMENDATION = ("commendation", "表彰", "commendation and favoured treatment")


@attrs.frozen(kw_only=True)
class Measure:
    """A measure the rules call for: who, why, from when, by when, and the records that carry it out."""

    measure: MeasureKind
    subject: Ref
    reasons: tuple[str, ...]
    triggered_on: dt.date
    due: dt.date | None = None
    until: dt.date | None = None
    evidence: Mapping[str, Any] = attrs.field(factory=dict, converter=frozen_map)
    recorded: tuple[str, ...] = ()

    def status(self, as_of: dt.date) -> str:
        """Return ``done`` (a record carries it out), ``pending`` (not yet due) or ``missing`` (overdue)."""
        if self.recorded:
            return "done"
        return "pending" if self.due is None or self.due >= as_of else "missing"


Derive = Callable[[Context], Iterable[Measure]]

_MESSAGE_KEYS: Final = ("zh", "en")


@attrs.frozen(kw_only=True)
class Rule:
    """A rule of the rulebook: metadata, parameters, message templates, and its check.

    ``citations`` are the national sources; a profile that adds or changes the rule adds its own. ``message``
    holds the violation templates (``{placeholders}`` filled from the evidence and subject).
    """

    id: str
    title_zh: str
    title_en: str
    section: str
    text: str
    modality: Modality
    check: Check = attrs.field(eq=False, repr=False)
    subject: str
    responsible: str
    message_zh: str
    message_en: str
    severity: Severity | None = None
    params: Mapping[str, Param] = attrs.field(factory=dict, converter=frozen_map)
    citations: tuple[Citation, ...] = ()
    requires: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()
    """The dataset tables the check reads (documented per table in ``docs/format.md``)."""
    variants: Mapping[str, tuple[str, str]] = attrs.field(factory=dict, converter=frozen_map)
    """Alternative (zh, en) message templates, chosen by a result's ``evidence["case"]``."""
    derive: Derive | None = attrs.field(default=None, eq=False, repr=False)
    """For consequence rules: the measures the rule calls for (see :func:`edusupervision.consequences`)."""
    """Parameters that must be set (not None) for the rule to apply; otherwise it is not applicable."""

    @property
    def default_severity(self) -> Severity:
        """Return the severity stated for the rule, or its modality's default."""
        return self.severity or self.modality.default_severity

    def effective_from(self, citations: Iterable[Citation]) -> dt.date:
        """Return the first day the rule may fire: the earliest in-force date among normative citations."""
        dates = [c.document_info.in_force_on for c in citations if c.document_info.normative]
        return min(dates) if dates else dt.date.min
