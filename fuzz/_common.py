"""Shared machinery of the fuzz targets: what counts as an expected exception, and the atheris entry point.

Each target module defines ``check(data: bytes) -> None``: it feeds ``data`` to one public entry point and
returns when the entry point either succeeds or raises one of :func:`expected` (the library's documented
exceptions). Anything else propagates, and atheris reports it as a crash. The same ``check`` functions are
replayed over the committed corpus by ``tests/test_fuzz_regressions.py``, so the corpus is also a test suite.
"""

from __future__ import annotations

import atexit
import contextlib
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = ["KNOWN_BUGS", "expected", "fuzz", "instrumented", "known_bug", "scratch", "tolerating"]

#: Library bugs found by fuzzing and not fixed yet: name → (a library function the exception passes through,
#: the exception types, where it is raised: "third-party" (outside the library) or "any"). Each has a strict
#: xfail regression test in ``tests/test_fuzz_regressions.py``; while it is open, the targets that reach it
#: tolerate it (and only it), so that fuzzing explores past it. When the library is fixed, the xfail passes and
#: fails the suite: delete the entry then.
KNOWN_BUGS: dict[str, tuple[str, tuple[type[BaseException], ...], str]] = {}


def scratch(prefix: str) -> Path:
    """Return a new temporary folder, removed when the process exits."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def expected() -> tuple[type[BaseException], ...]:
    """Return the exceptions a public entry point may raise on bad input: the library's own, a missing path.

    Imported on call, not at module import, so that the library is first imported under :func:`instrumented`.
    """
    from edusupervision import EduSupervisionError  # noqa: PLC0415 - see above

    return (EduSupervisionError, FileNotFoundError)


@contextlib.contextmanager
def instrumented(*packages: str, active: bool) -> Iterator[None]:
    """Instrument ``packages`` for coverage feedback while they are imported, when fuzzing (``active``).

    Outside fuzzing (tests replaying the corpus) the packages are imported plainly: atheris is optional there.
    """
    if not active:
        yield
        return
    import atheris  # type: ignore[import-untyped]  # noqa: PLC0415 - atheris ships no types; only when fuzzing

    with atheris.instrument_imports(include=list(packages)):
        yield


def known_bug(exc: BaseException, among: Iterable[str] = KNOWN_BUGS) -> str | None:
    """Return the name of the open library bug (of ``among``) that ``exc`` is an instance of, or None."""
    from edusupervision import EduSupervisionError  # noqa: PLC0415 - see expected()

    if isinstance(exc, EduSupervisionError | AssertionError):
        return None
    files = []
    tb = exc.__traceback__
    while tb is not None:
        files.append((tb.tb_frame.f_code.co_filename, tb.tb_frame.f_code.co_name))
        tb = tb.tb_next
    library = str(Path(edusupervision_dir()))
    passed = {name for file, name in files if file.startswith(library)}
    third_party = bool(files) and not files[-1][0].startswith(library)
    for name in among:
        function, types, where = KNOWN_BUGS[name]
        if function in passed and isinstance(exc, types) and (where == "any" or third_party):
            return name
    return None


def edusupervision_dir() -> str:
    """Return the folder of the library's source."""
    import edusupervision  # noqa: PLC0415 - see expected()

    return str(Path(edusupervision.__file__).parent)


def tolerating(check: Callable[[bytes], None], bugs: Iterable[str]) -> Callable[[bytes], None]:
    """Return ``check`` made to pass on the open library bugs named (and only those)."""
    among = tuple(bugs)

    def tolerant(data: bytes) -> None:
        try:
            check(data)
        except Exception as exc:
            if known_bug(exc, among) is None:
                raise

    return tolerant


def fuzz(check: Callable[[bytes], None], *, tolerate: Iterable[str] = ()) -> None:
    """Run ``check`` under atheris (libFuzzer), tolerating the open bugs named in ``tolerate``.

    Command-line arguments are libFuzzer's (corpus folders, ``-max_total_time=`` …).
    """
    import atheris  # noqa: PLC0415 - only needed when fuzzing

    atheris.Setup(sys.argv, tolerating(check, tolerate))
    atheris.Fuzz()
