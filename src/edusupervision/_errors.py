"""The library's exceptions: one root, each subclass also inheriting the matching builtin.

Non-compliance is never an exception: rules return findings. Exceptions are for misuse of the API and for input
that cannot be read. Modelled on ``attr.exceptions``: every class co-inherits the builtin a caller would naturally
catch (``ValueError``, ``KeyError``, ``LookupError`` …), so ``except ValueError`` keeps working for code that does
not know this library.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

__all__ = [
    "DataError",
    "DataProblem",
    "EduSupervisionError",
    "IllegalTransitionError",
    "ProfileError",
    "UnknownProfileError",
    "UnknownRuleError",
]


class EduSupervisionError(Exception):
    """Root of every exception this library raises on purpose."""


@attrs.frozen(kw_only=True)
class DataProblem:
    """One located problem in input data: where it is and what is wrong.

    Attributes
    ----------
    code:
        A stable code, like a rule id (``format.missing_column``, ``format.dangling_reference`` …).
    message:
        What is wrong, in English.
    file, table, row, column:
        Where. ``row`` counts data rows from 1 (the header is not a row); ``None`` when not known.
    value:
        The offending value as text, when there is one.

    """

    code: str
    message: str
    table: str | None = None
    row: int | None = None
    column: str | None = None
    file: str | None = None
    value: str | None = None
    sheet: str | None = None

    def where(self) -> str:
        """Return the location as ``file, table 'schools', row 12, column 'stage'``."""
        parts: list[str] = []
        if self.file is not None:
            parts.append(self.file)
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet!r}")
        if self.table is not None:
            parts.append(f"table {self.table!r}")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column!r}")
        return ", ".join(parts) if parts else "(dataset)"

    def __str__(self) -> str:
        value = f" (value {self.value!r})" if self.value is not None else ""
        return f"{self.where()}: {self.message}{value} [{self.code}]"


class DataError(EduSupervisionError, ValueError):
    """Input data cannot be used: lists **every** problem found, each with its location.

    Attributes
    ----------
    problems:
        The located problems, in the order they were found (file, table, row).

    """

    def __init__(self, problems: Iterable[DataProblem], *, summary: str | None = None) -> None:
        self.problems: tuple[DataProblem, ...] = tuple(problems)
        head = summary or f"{len(self.problems)} problem(s) in the dataset"
        lines = [head + ":"] + [f"  - {p}" for p in self.problems[:200]]
        if len(self.problems) > 200:
            lines.append(f"  … and {len(self.problems) - 200} more")
        super().__init__("\n".join(lines))


class IllegalTransitionError(EduSupervisionError, ValueError):
    """A lifecycle step that the rules do not allow (e.g. closing an unverified problem)."""


class ProfileError(EduSupervisionError, ValueError):
    """A profile definition is invalid (unknown parent, unknown rule, bad parameter)."""


class UnknownProfileError(EduSupervisionError, LookupError):
    """No profile of that name is registered."""

    def __init__(self, name: str, known: Sequence[str]) -> None:
        self.name = name
        super().__init__(f"unknown profile {name!r}; known profiles: {', '.join(known)}")


class UnknownRuleError(EduSupervisionError, LookupError):
    """No rule of that id exists."""
