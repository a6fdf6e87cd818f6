"""Fuzz target: the date normaliser, ``parse_date`` (text, Excel serials as numbers, five-digit text).

``parse_date`` is a value parser: it documents ``ValueError`` for a value that is not a date and ``TypeError``
for a value of the wrong type, which the readers turn into located ``format.invalid_value`` problems. Those two
are expected here; anything else (``OverflowError``, ``IndexError`` …) would escape the readers as a crash.
A parsed date must print back in ISO form and parse again to itself.
"""

from __future__ import annotations

import datetime as dt
import struct

from _common import expected, fuzz, instrumented

with instrumented("edusupervision", active=__name__ == "__main__"):
    from edusupervision._io._codec import parse_date


def value_of(data: bytes) -> object:
    """Return the value to parse: text (most inputs), an integer, or a float, chosen by the first byte."""
    mode, body = (data[0] % 8, data[1:]) if data else (0, b"")
    if mode == 6:
        return int.from_bytes(body[:256], "little", signed=True)
    if mode == 7:
        return struct.unpack("<d", body[:8].ljust(8, b"\0"))[0]
    return body.decode("utf-8", "surrogateescape")


def check(data: bytes) -> None:
    """Parse one value; a date must round-trip through its ISO form."""
    value = value_of(data)
    documented: tuple[type[BaseException], ...] = (*expected(), ValueError, TypeError)
    try:
        day = parse_date(value)
    except documented:
        return
    assert isinstance(day, dt.date)
    assert parse_date(day.isoformat()) == day


if __name__ == "__main__":
    fuzz(check, tolerate=("parse-date-overflow",))
