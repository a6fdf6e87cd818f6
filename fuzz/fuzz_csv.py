"""Fuzz target: the CSV folder reader (``read`` lenient, ``load`` strict), then validation of what was read.

The first byte picks the table the bytes are written as (``<table>.csv``), the second the row limit (small
limits exercise the refusal path) and whether a ``datapackage.json`` is written too: then the bytes up to the
first NUL are the descriptor and the rest is the CSV. The CSV bytes go to disk as they are (any encoding).
"""

from __future__ import annotations

import shutil
from typing import TYPE_CHECKING

from _common import expected, fuzz, instrumented, scratch

if TYPE_CHECKING:
    from pathlib import Path

with instrumented("edusupervision", active=__name__ == "__main__"):
    from edusupervision import TABLES, Limits, load, read, validate

_SCRATCH = scratch("fuzz-csv-")


def write_folder(data: bytes, folder: Path) -> Limits:
    """Write the folder the bytes describe; return the limits to read it with."""
    table = TABLES[data[0] % len(TABLES)].name if data else "schools"
    flags = data[1] if len(data) > 1 else 0
    body = data[2:]
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    if flags & 1:
        descriptor, _, body = body.partition(b"\0")
        (folder / "datapackage.json").write_bytes(descriptor)
    (folder / f"{table}.csv").write_bytes(body)
    return Limits(max_rows=1_000 if flags & 2 else 8, max_file_bytes=1 << 20)


def check(data: bytes) -> None:
    """Read the folder leniently and strictly; validate what was read."""
    folder = _SCRATCH / "data"
    limits = write_folder(data, folder)
    try:
        load(folder, limits=limits)
    except expected():
        pass
    try:
        result = read(folder, limits=limits)
        validate(result.dataset, problems=result.problems).to_json()
    except expected():
        return


if __name__ == "__main__":
    fuzz(check)
