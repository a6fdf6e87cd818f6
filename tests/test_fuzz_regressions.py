"""Every crash the fuzzers found, as a regression test; and the committed fuzz corpus replayed as a test suite.

The fuzz targets live in ``fuzz/`` (see ``docs/reliability.md``). Each target's ``check(data)`` returns when the
entry point succeeds or raises one of the library's documented exceptions; anything else is a crash. Here the
committed corpus is replayed through the same ``check`` functions (no atheris needed), and each crash found
is pinned down with its smallest input. An open library bug would be ``xfail(strict=True)``: when one is fixed its
test passes, the suite fails, and the entry must be removed here and from ``fuzz/_common.py``'s KNOWN_BUGS.
"""

from __future__ import annotations

import gc
import importlib.util
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from types import ModuleType

FUZZ = Path(__file__).parent.parent / "fuzz"
TARGETS = sorted(p.stem.removeprefix("fuzz_") for p in FUZZ.glob("fuzz_*.py"))


def target(name: str) -> Any:
    """Import the fuzz target ``name`` (a script in fuzz/, importing its sibling ``_common``)."""
    module_name = f"fuzz_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    if str(FUZZ) not in sys.path:
        sys.path.insert(0, str(FUZZ))
    spec = importlib.util.spec_from_file_location(module_name, FUZZ / f"{module_name}.py")
    assert spec is not None
    assert spec.loader is not None
    module: ModuleType = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


def common() -> Any:
    target("date")  # puts fuzz/ on the path
    return sys.modules["_common"]


def test_every_target_has_a_corpus() -> None:
    assert TARGETS == ["cli", "csv", "date", "excel", "json", "parser", "profile"]
    for name in TARGETS:
        seeds = list((FUZZ / "corpus" / name).iterdir())
        assert seeds, name
        assert all(s.stat().st_size <= 16 * 1024 for s in seeds), "seeds stay small"


@pytest.mark.parametrize("name", TARGETS)
@pytest.mark.filterwarnings(
    "ignore::UserWarning"
)  # openpyxl warns about damaged styles; not our concern here
@pytest.mark.filterwarnings(
    "ignore::pytest.PytestUnraisableExceptionWarning"
)  # the open xlsx bug leaks a file
def test_the_corpus_replays_without_new_crashes(name: str) -> None:
    """Each seed passes its target's check; a crash is allowed only if it is an open, known library bug."""
    check = target(name).check
    known = common().known_bug
    crashes = []
    for seed in sorted((FUZZ / "corpus" / name).iterdir()):
        try:
            check(seed.read_bytes())
        except Exception as exc:  # noqa: BLE001 - any other exception is what this test reports
            if known(exc) is None:
                crashes.append(f"{seed.name}: {type(exc).__name__}: {exc}")
    gc.collect()  # files the open xlsx bug leaves open are reported here, under this test's filters
    assert not crashes


# --- crashes found, with their smallest inputs ---------------------------------------------------------------------


def _patched_template(part: str, body: bytes) -> bytes:
    excel = target("excel")
    return bytes([1, excel._PARTS.index(part)]) + body


def check_collecting(name: str, data: bytes) -> None:
    """Run a target's check, then collect garbage: a file the open xlsx bug leaves open is reported here."""
    try:
        target(name).check(data)
    finally:
        gc.collect()


def test_excel_damaged_sheet_xml() -> None:
    check_collecting("excel", _patched_template("xl/worksheets/sheet1.xml", b"garbage"))


def test_excel_empty_content_types() -> None:
    check_collecting("excel", _patched_template("[Content_Types].xml", b""))


def test_excel_stylesheet_without_children() -> None:
    check_collecting("excel", _patched_template("xl/styles.xml", b"<a/>"))


def test_xls_bad_compound_document() -> None:
    check_collecting("excel", b"\3\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64)


def test_profile_parameter_of_the_wrong_type() -> None:
    profile = b'name = "p"\n[[changes]]\nrule = "inspector.ratio"\nparams = { R = "four" }\n'
    target("profile").check(b"\0" + profile)


def test_parse_date_of_a_huge_integer() -> None:
    target("date").check(b"\6" + b"\xff" * 199 + b"\x7f")  # 2**1600 - 1


def test_parse_date_huge_integer_is_reported_by_the_readers(tmp_path: Path) -> None:
    """The same value inside a dataset is a located problem, not a crash (the readers wrap it)."""
    from edusupervision import read, sample_dataset  # noqa: PLC0415 - only this test
    from edusupervision._io._formats import dataset_to_json  # noqa: PLC0415 - see above

    document = dataset_to_json(sample_dataset())
    document["tables"]["schools"][0]["head_term_start"] = 10**400
    import json  # noqa: PLC0415 - see above

    path = tmp_path / "big.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    problems = read(path).problems
    assert any(p.code == "format.invalid_value" and p.column == "head_term_start" for p in problems)


def test_no_known_bug_is_left_open() -> None:
    assert common().KNOWN_BUGS == {}  # every bug fuzzing found is fixed and pinned by a test above


def test_profile_ratio_of_zero() -> None:
    """Found by fuzzing: R = 0 divided by zero in inspector.ratio; now a ProfileError (R ≥ 1)."""
    profile = b'name = "p"\nparent = "guangxi"\n[[changes]]\nrule = "inspector.ratio"\nparams = { R = 0 }\n'
    target("profile").check(b"\0" + profile)


def test_profile_effective_that_is_not_a_date() -> None:
    """Found by fuzzing: ``effective = 2024#01-01`` is the integer 2024 in TOML; now a ProfileError."""
    profile = (
        b'name = "p"\nparent = "guangxi"\n[[changes]]\nkind = "override"\nrule = "inspector.ratio"\n'
        b'params = { R = 5 }\ncite = "ZB 1"\neffective = 2024#01-01\n'
    )
    target("profile").check(b"\0" + profile)
    target("profile").check(b"\0" + profile.replace(b"parent", b"papent"))  # an unknown key is refused too
