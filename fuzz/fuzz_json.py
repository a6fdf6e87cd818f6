"""Fuzz target: the JSON document reader (``read`` lenient, ``load`` strict), validation, and the JSON round trip.

The bytes are written as a ``.json`` file (the reader decodes them itself). A document that loads must come
back equal through ``dataset_to_json`` → ``dataset_from_json`` (nothing lost).
"""

from __future__ import annotations

from _common import expected, fuzz, instrumented, scratch

with instrumented("edusupervision", active=__name__ == "__main__"):
    from edusupervision import Limits, dataset_from_json, dataset_to_json, load, read, validate

_SCRATCH = scratch("fuzz-json-")
_LIMITS = Limits(max_file_bytes=1 << 20)


def check(data: bytes) -> None:
    """Read the document leniently and strictly; validate it; round-trip what loads."""
    path = _SCRATCH / "data.json"
    path.write_bytes(data)
    try:
        dataset = load(path, limits=_LIMITS)
    except expected():
        pass
    else:
        assert dataset_from_json(dataset_to_json(dataset)) == dataset
    try:
        result = read(path, limits=_LIMITS)
        validate(result.dataset, problems=result.problems).to_json()
    except expected():
        return


if __name__ == "__main__":
    fuzz(check)
