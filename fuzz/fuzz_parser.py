"""Fuzz target: the responsibility-clause parser, ``parse_clauses`` (documented as total on any ``str``).

The input bytes are decoded as UTF-8 (undecodable bytes become lone surrogates) or, when the first byte is odd,
as UTF-16 (any code point). Besides not raising, each clause must keep its documented contract: ``raw`` is
``text[start:end]``, offsets are in order, and ``resolved_units`` runs parallel to ``units``.
"""

from __future__ import annotations

import json

from _common import fuzz, instrumented

with instrumented("edusupervision", active=__name__ == "__main__"):
    from edusupervision._responsibility._parser import parse_clauses


def decode(data: bytes) -> str:
    """Return the text the bytes stand for (any ``str``, lone surrogates included)."""
    if data[:1] and data[0] % 2:
        body = data[1:]
        return body[: len(body) // 2 * 2].decode("utf-16-le", "surrogatepass")
    return data[1:].decode("utf-8", "surrogateescape")


def check(data: bytes) -> None:
    """Parse the text and check every clause's contract; never raises except on a bug."""
    text = decode(data)
    previous = 0
    for clause in parse_clauses(text):
        assert 0 <= clause.start <= clause.end <= len(text), (clause.start, clause.end, len(text))
        assert clause.raw == text[clause.start : clause.end]
        assert clause.start >= previous, "clauses come in document order"
        previous = clause.start
        assert len(clause.resolved_units) == len(clause.units)
        json.dumps(clause.to_dict(), ensure_ascii=False)


if __name__ == "__main__":
    fuzz(check)
