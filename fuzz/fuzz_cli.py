"""Fuzz target: the command line, ``edusupervision._cli.main(argv)``.

The bytes are split on NUL into arguments. An argument ``@N`` stands for fixture number ``N`` (the sample as
JSON, as a CSV folder and as a workbook, a profile file, damaged files …), so that paths that exist are reached.
The run happens inside a scratch folder and absolute or parent paths are made relative to it, so ``sample
--out`` never writes outside it. The contract: ``main`` returns 0, 1 or 2, or argparse exits with 0 or 2 (usage),
and nothing on standard error is a traceback.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
from pathlib import Path

from _common import fuzz, instrumented, scratch

with instrumented("edusupervision", active=__name__ == "__main__"):
    from edusupervision import sample_dataset, save
    from edusupervision._cli import main

_SCRATCH = scratch("fuzz-cli-")


def _fixtures(root: Path) -> tuple[str, ...]:
    sample = sample_dataset()
    save(sample, root / "sample.json")
    save(sample, root / "sample-csv")
    (root / "profile.toml").write_text(
        'name = "p"\nparent = "guangxi"\n[[changes]]\nrule = "inspector.ratio"\nparams = { R = 4 }\n',
        encoding="utf-8",
    )
    (root / "bad.json").write_bytes(b'{"tables": {"schools": [{"id": 1}]}')
    (root / "mapping.toml").write_text('[schools]\n"学校" = "name"\n', encoding="utf-8")
    (root / "empty").mkdir()
    (root / "text.txt").write_text("（责任单位：县教育局、县财政局）", encoding="utf-8")
    return (
        "sample.json",
        "sample-csv",
        "profile.toml",
        "bad.json",
        "mapping.toml",
        "empty",
        "text.txt",
        "missing",
    )


_FIXTURES = _fixtures(_SCRATCH)


def _is_out(option: str) -> bool:
    """Return whether an argument is ``--out`` or an abbreviation argparse accepts (``--o``, ``--ou``)."""
    return len(option) >= 3 and "--out".startswith(option)


def argv_of(data: bytes) -> list[str]:
    """Return the arguments the bytes stand for (fixtures substituted, paths kept inside the scratch folder).

    What ``sample --out`` writes goes under ``out/``, which is emptied after each run, so fixtures stay intact.
    """
    out: list[str] = []
    for raw in data.split(b"\0"):
        text = raw.decode("utf-8", "surrogateescape")
        if text[:1] == "@" and text[1:].isdigit() and len(text) < 6:
            text = _FIXTURES[int(text[1:]) % len(_FIXTURES)]
        text = text.lstrip("/").replace("..", "_")
        option, equals, value = text.partition("=")
        if equals and _is_out(option):
            text = f"{option}=out/{value}"
        elif out and _is_out(out[-1]):
            text = f"out/{text}"
        out.append(text)
    return out


def check(data: bytes) -> None:
    """Run the command line once; check the exit code and that no traceback was printed."""
    argv = argv_of(data)
    stdout, stderr = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(_SCRATCH)
    try:
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            code: object = main(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        code = exc.code
    finally:
        os.chdir(here)
        shutil.rmtree(_SCRATCH / "out", ignore_errors=True)
    assert code in (0, 1, 2, None), (argv, code)
    assert "Traceback" not in stderr.getvalue(), (argv, stderr.getvalue())


if __name__ == "__main__":
    fuzz(
        check, tolerate=("xlsx-third-party-exception", "xls-third-party-exception", "profile-parameter-type")
    )
