"""The ``schema`` and ``template`` commands, and the report writer behind ``validate --format … --out FILE``.

``edusupervision schema --format datapackage|jsonschema [--out FILE]`` prints (or writes) the interchange
format as a Frictionless Data Package descriptor or as a JSON Schema (draft 2020-12), both generated from the
domain model. ``edusupervision template --out FILE.xlsx`` writes the empty bilingual workbook offices fill in.

Errors are raised as :class:`~edusupervision.EduSupervisionError` or :class:`OSError`; the main command
prints them and exits 2.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from edusupervision._errors import EduSupervisionError
from edusupervision._io._formats import atomic_write, datapackage_descriptor
from edusupervision._io._outputs import report_csv, report_html, write_report_xlsx
from edusupervision._io._schema import json_schema
from edusupervision._io._template import write_template

if TYPE_CHECKING:
    import argparse

    from edusupervision._engine._report import Lang, Report

__all__ = ["REPORT_FORMATS", "OutputUsageError", "register", "write_report"]

#: The report formats :func:`write_report` writes.
REPORT_FORMATS: Final = ("text", "json", "csv", "html", "xlsx")
_EXIT_OK: Final = 0


class OutputUsageError(EduSupervisionError, ValueError):
    """An output option that cannot be used (e.g. a workbook without ``--out``)."""


def _emit(text: str, out: str | None, *, encoding: str = "utf-8") -> None:
    """Print ``text`` to standard output, or write it atomically to ``out``."""
    text = text if text.endswith("\n") else text + "\n"
    if out is None:
        sys.stdout.write(text)
        return
    with atomic_write(Path(out), encoding=encoding, newline="") as handle:
        handle.write(text)
    sys.stderr.write(f"wrote {out}\n")


def write_report(report: Report, fmt: str, out: str | None, lang: Lang, limit: int | None) -> None:
    """Write a report as ``text``, ``json``, ``csv``, ``html`` or ``xlsx``, to ``out`` or (not xlsx) stdout.

    A CSV file written to ``out`` starts with a UTF-8 byte order mark, so that Excel opens the Chinese text
    correctly; on standard output it does not. ``limit`` keeps the first findings (the summaries count all).
    Files are written atomically. Raises :class:`OutputUsageError` for an unknown format or an ``xlsx``
    without ``out``.

    Examples
    --------
    >>> from edusupervision import sample_dataset, validate
    >>> write_report(validate(sample_dataset()), "csv", None, "en", 1)  # doctest: +ELLIPSIS
    rule,severity,outcome,subject_kind,subject_id,...
    accountability.aggravated,error,violation,...

    """
    if fmt == "text":
        _emit(report.to_text(lang, limit=limit), out)
    elif fmt == "json":
        _emit(report.to_json(limit=limit), out)
    elif fmt == "csv":
        _emit(report_csv(report, lang, limit=limit), out, encoding="utf-8-sig")
    elif fmt == "html":
        _emit(report_html(report, lang, limit=limit), out)
    elif fmt == "xlsx":
        if out is None:
            msg = "--format xlsx writes a workbook: name it with --out FILE.xlsx"
            raise OutputUsageError(msg)
        write_report_xlsx(report, out, lang, limit=limit)
        sys.stderr.write(f"wrote {out}\n")
    else:
        msg = f"unknown report format {fmt!r}; use one of {', '.join(REPORT_FORMATS)}"
        raise OutputUsageError(msg)


def _cmd_schema(args: argparse.Namespace) -> int:
    document: dict[str, Any] = json_schema() if args.format == "jsonschema" else datapackage_descriptor()
    _emit(json.dumps(document, ensure_ascii=False, indent=2), args.out)
    return _EXIT_OK


def _cmd_template(args: argparse.Namespace) -> int:
    target = Path(args.out)
    if target.suffix.casefold() != ".xlsx":
        msg = f"the template is an Excel workbook: name it FILE.xlsx, not {args.out!r}"
        raise OutputUsageError(msg)
    write_template(target)
    sys.stderr.write(f"wrote the template to {target}\n")
    return _EXIT_OK


def register(subparsers: Any) -> None:
    """Add the ``schema`` and ``template`` commands to the main command's subparsers.

    Parameters
    ----------
    subparsers:
        The object ``ArgumentParser.add_subparsers()`` returned; each command sets ``run`` to its handler.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="edusupervision")
    >>> register(parser.add_subparsers(dest="command", required=True))
    >>> args = parser.parse_args(["schema", "--format", "jsonschema"])
    >>> args.format, args.out, args.run.__name__
    ('jsonschema', None, '_cmd_schema')

    """
    p = subparsers.add_parser(
        "schema",
        help="print the interchange format as a Frictionless Data Package descriptor or a JSON Schema",
    )
    p.add_argument(
        "--format",
        choices=("datapackage", "jsonschema"),
        default="datapackage",
        help="datapackage (the CSV folder's datapackage.json, default) or jsonschema (draft 2020-12, for the "
        "JSON form)",
    )
    p.add_argument("--out", metavar="FILE", help="write to FILE instead of standard output")
    p.set_defaults(run=_cmd_schema)

    p = subparsers.add_parser(
        "template", help="write an empty bilingual Excel workbook for offices to fill in"
    )
    p.add_argument("--out", required=True, metavar="FILE.xlsx", help="the workbook to write")
    p.set_defaults(run=_cmd_template)
