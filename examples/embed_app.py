"""Embedding edusupervision in an application: re-validate one school's record as it is edited.

A records app (a form over the ``schools`` table) keeps the county's dataset in memory. Each time an officer
edits a school, the app rebuilds the dataset with the edited record, validates only the rules that read the
``schools`` table, and shows the findings about that school: what is wrong, who must act, which clause says
so. Plain Python, no notebook; run it with ``python examples/embed_app.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import attrs

from edusupervision import DataError, Dataset, School, sample_dataset, validate
from edusupervision.profiles import resolve

if TYPE_CHECKING:
    from edusupervision import Finding


class SchoolForm:
    """The back end of a form editing one school of a dataset, validating as the record changes."""

    def __init__(self, dataset: Dataset, school_id: str, *, profile: str = "national") -> None:
        """Open the form on ``school_id`` of ``dataset``, judged under ``profile``."""
        self.dataset = dataset
        self.school_id = school_id
        self.profile = profile
        self.rules = tuple(rid for rid, eff in resolve(profile).rules.items() if "schools" in eff.rule.reads)
        """The profile's rules that read the ``schools`` table: those an edit can change the outcome of."""

    @property
    def record(self) -> School:
        """Return the school as currently saved."""
        school: School = self.dataset.get("schools", self.school_id)
        return school

    def findings(self) -> list[Finding]:
        """Return the findings about this school (and the county's, which an edit may change)."""
        report = validate(self.dataset, profile=self.profile, rules=self.rules)
        return [f for f in report.findings if f.subject.id in (self.school_id, self.record.division_id)]

    def edit(self, **changes: Any) -> list[str]:
        """Apply ``changes`` to the school; return the problems (an edit that breaks the data is refused)."""
        edited = attrs.evolve(self.record, **changes)
        schools = [edited if s.id == self.school_id else s for s in self.dataset.schools]
        try:
            self.dataset = attrs.evolve(self.dataset, schools=schools)
        except DataError as exc:
            return [f"refused: {p.message}" for p in exc.problems]
        return [
            f"{f.severity.value}: {f.rule}: {f.message('en')} (who: {f.responsible_name})"
            for f in self.findings()
        ]


def main() -> int:
    """Replay an editing session on a school of the bundled sample; print what the form would show."""
    form = SchoolForm(sample_dataset(), "sch-031")
    school = form.record
    print(f"editing {school.id} {school.name} (head's term ends {school.head_term_end})")
    for line in form.edit() or ["no findings"]:
        print("  as saved:", line)
    for line in form.edit(head_term_end=dt.date(2023, 8, 31)) or ["no findings"]:
        print("  term end moved to 2023-08-31:", line)
    for line in form.edit(division_id="div-nowhere") or ["no findings"]:
        print("  moved to an unknown county:", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
