"""``consequences``: which measures the profile's rules call for, per unit and person, with reasons and sources."""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, Any

import attrs

from edusupervision._engine._report import jsonable
from edusupervision._engine._validate import MissingAsOfError, name_of
from edusupervision._frozen import frozen_tuple
from edusupervision._profiles._model import Profile, resolve
from edusupervision._rules._model import Citation, Context, Measure, MeasureKind

if TYPE_CHECKING:
    from collections.abc import Iterable

    from edusupervision._domain._dataset import Dataset

__all__ = ["CalledMeasure", "Consequences", "consequences"]


@attrs.frozen(kw_only=True)
class CalledMeasure:
    """A measure a rule calls for, with the rule, its citations, and whether the records carry it out."""

    rule: str
    measure: Measure
    citations: tuple[Citation, ...]
    status: str
    subject_name: str | None = None

    def sort_key(self) -> tuple[dt.date, str, str, str, str]:
        """Return the order of the output: date triggered, measure, subject, rule."""
        m = self.measure
        return (m.triggered_on, m.measure.value, m.subject.kind, m.subject.id, self.rule)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract of one measure."""
        m = self.measure
        return {
            "measure": m.measure.zh,
            "measure_code": m.measure.value,
            "measure_en": m.measure.en,
            "subject": {**m.subject.to_dict(), "name": self.subject_name},
            "reasons": list(m.reasons),
            "evidence": jsonable(m.evidence),
            "citations": [c.to_dict() for c in self.citations],
            "triggered_on": m.triggered_on.isoformat(),
            "due": None if m.due is None else m.due.isoformat(),
            "until": None if m.until is None else m.until.isoformat(),
            "status": self.status,
            "recorded": list(m.recorded),
            "rule": self.rule,
        }


def _sorted(items: Iterable[CalledMeasure]) -> tuple[CalledMeasure, ...]:
    return tuple(sorted(items, key=CalledMeasure.sort_key))


@attrs.frozen(kw_only=True)
class Consequences:
    """The measures a profile's rules call for on a dataset as of a date."""

    profile: str
    as_of: dt.date
    dataset: str
    measures: tuple[CalledMeasure, ...] = attrs.field(converter=_sorted)

    def kinds(self) -> tuple[MeasureKind, ...]:
        """Return the kinds of measure called for, in vocabulary order."""
        present = {m.measure.measure for m in self.measures}
        return tuple(k for k in MeasureKind if k in present)

    def counts(self, *, status: str | None = None) -> dict[str, int]:
        """Return the number of measures per kind (Chinese label), optionally of one status."""
        out: dict[str, int] = {}
        for m in self.measures:
            if status is None or m.status == status:
                out[m.measure.measure.zh] = out.get(m.measure.measure.zh, 0) + 1
        return out

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON contract: ``{"profile", "as_of", "summary", "measures": [...]}``."""
        return {
            "profile": self.profile,
            "as_of": self.as_of.isoformat(),
            "dataset": self.dataset,
            "summary": {"by_measure": self.counts(), "missing": self.counts(status="missing")},
            "measures": [m.to_dict() for m in self.measures],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """Return the JSON text (byte-identical for the same input)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_text(self, lang: str = "zh") -> str:
        """Return one line per measure."""
        lines = [
            f"{self.dataset} · profile {self.profile} · as of {self.as_of.isoformat()} · "
            + ", ".join(f"{k} {n}" for k, n in self.counts().items())
        ]
        for c in self.measures:
            m = c.measure
            label = m.measure.zh if lang == "zh" else m.measure.en
            due = f" due {m.due.isoformat()}" if m.due else ""
            until = f" until {m.until.isoformat()}" if m.until else ""
            lines.append(
                f"{m.triggered_on.isoformat()} {label:10} {m.subject.kind} {m.subject.id} "
                f"{c.subject_name or ''} [{c.status}]{due}{until} · {'; '.join(m.reasons)} · "
                f"{c.rule} · {'; '.join(str(x) for x in c.citations)}"
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        """Return a compact summary."""
        return f"<Consequences {self.profile} as of {self.as_of}: {self.counts()}>"

    def _repr_html_(self) -> str:
        """Return the notebook display (HTML, escaped, no scripts)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.consequences_html(self)

    def to_pandas(self) -> Any:
        """Return a pandas DataFrame (needs the optional ``pandas`` package: ``edusupervision[notebook]``)."""
        from edusupervision import _notebook  # noqa: PLC0415 - presentation, loaded on first display

        return _notebook.to_pandas(self)


def consequences(
    dataset: Dataset, *, profile: str | Profile = "national", as_of: dt.date | None = None
) -> Consequences:
    """Return the measures the profile's rules call for, each with reasons, evidence, citations and status.

    A measure is ``done`` when a record carries it out, ``pending`` when not yet due, ``missing`` when overdue.
    ``as_of`` defaults to the dataset's reference date, never to the clock.

    Examples
    --------
    >>> from edusupervision import sample_dataset
    >>> result = consequences(sample_dataset(), profile="guangxi")
    >>> sorted(result.counts())[:3]
    ['不得评优提拔', '回头看', '督办']

    """
    day = as_of or dataset.info.reference_date
    if day is None:
        msg = f"dataset {dataset.info.name!r} has no reference_date: pass as_of"
        raise MissingAsOfError(msg)
    resolved = resolve(profile)
    called: list[CalledMeasure] = []
    for rule_id, eff in resolved.rules.items():
        applied = eff.at(day)
        if eff.rule.derive is None or applied is None:
            continue
        ctx = Context(dataset=dataset, as_of=day, params=applied.params, profile=resolved.name)
        called.extend(
            CalledMeasure(
                rule=rule_id,
                measure=m,
                citations=applied.citations,
                status=m.status(day),
                subject_name=name_of(dataset, m.subject),
            )
            for m in eff.rule.derive(ctx)
        )
    return Consequences(
        profile=resolved.name, as_of=day, dataset=dataset.info.name, measures=frozen_tuple(called)
    )
