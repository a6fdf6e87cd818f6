"""The ``edusupervision responsibility`` command: parse responsibility clauses, resolve them against a dataset.

``edusupervision responsibility parse [FILE|-] --format json`` prints ``{"clauses": [...]}``, one
:meth:`Clause.to_dict` per list in document order. ``edusupervision responsibility resolve DATASET
[--text FILE] --format json`` prints ``{"dataset", "root_division_id", "clauses": [...], "problems": [...]}``:
each clause with its ``task_id``, ``resolved`` organisations (id, name, role, unit, via, path) and
``problems``; the top-level ``problems`` add the graph checks (supervision cycles).

Exit codes follow the main command: 0 success, 1 problems of severity error, 2 bad input (raised as
:class:`~edusupervision.EduSupervisionError` or :class:`OSError`; the main command prints them).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edusupervision._errors import EduSupervisionError
from edusupervision._io._read import load
from edusupervision._responsibility._parser import parse_clauses
from edusupervision._rules._model import Severity

if TYPE_CHECKING:
    import argparse

    from edusupervision._responsibility._resolve import ResolutionProblem

__all__ = ["ResponsibilityInputError", "register"]

_EXIT_OK, _EXIT_FINDINGS = 0, 1


class ResponsibilityInputError(EduSupervisionError, ValueError):
    """A text or option the responsibility command cannot use."""


def _decode(raw: bytes, *, encoding: str | None, source: str) -> str:
    candidates = (encoding,) if encoding else ("utf-8-sig", "gb18030")
    for candidate in candidates:
        try:
            return raw.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    tried = " or ".join(candidates)
    msg = f"{source}: cannot decode the text as {tried}; state the encoding with --encoding"
    raise ResponsibilityInputError(msg)


def _read_text(name: str, encoding: str | None) -> str:
    if name == "-":
        stream: Any = sys.stdin
        raw = stream.buffer.read() if hasattr(stream, "buffer") else stream.read().encode("utf-8")
        return _decode(raw, encoding=encoding, source="standard input")
    path = Path(name)
    if path.is_dir():
        msg = f"{name}: is a folder, not a text file"
        raise ResponsibilityInputError(msg)
    return _decode(path.read_bytes(), encoding=encoding, source=name)


def _print(document: object) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _print_problems(problems: tuple[ResolutionProblem, ...]) -> None:
    for p in problems:
        sys.stdout.write(f"  {p.severity.value:7} {p.code}: {p.message}\n")


def _cmd_parse(args: argparse.Namespace) -> int:
    clauses = parse_clauses(_read_text(args.file, args.encoding))
    if args.format == "json":
        _print({"clauses": [c.to_dict() for c in clauses]})
        return _EXIT_OK
    for n, clause in enumerate(clauses, start=1):
        others = "、".join(clause.co_responsible) or "—"
        lead = clause.lead or "、".join(clause.leads) or "—"
        sys.stdout.write(f"{n:>3}. lead {lead} · with {others}\n")
    return _EXIT_OK


def _cmd_resolve(args: argparse.Namespace) -> int:
    # networkx and the resolver load only for this command (they would slow every other command's start)
    from edusupervision._responsibility._graph import build_graph, graph_problems  # noqa: PLC0415
    from edusupervision._responsibility._resolve import Jurisdiction, resolve  # noqa: PLC0415

    dataset = load(args.dataset, encoding=args.encoding)
    try:
        jurisdiction = Jurisdiction.from_dataset(dataset, args.root)
    except ValueError as exc:
        raise ResponsibilityInputError(str(exc)) from None
    clauses = parse_clauses(_read_text(args.text, args.encoding)) if args.text else ()
    include_zones = {"text": None, "yes": True, "no": False}[args.include_zones]
    resolution = resolve(jurisdiction, clauses, task_prefix=args.task_prefix, include_zones=include_zones)
    graph = build_graph(dataset, jurisdiction=jurisdiction, root_division_id=jurisdiction.root_id)
    problems = (*resolution.problems, *graph_problems(graph))
    if args.format == "json":
        document = resolution.to_dict()
        document["problems"] = [p.to_dict() for p in problems]
        _print(document)
    else:
        sys.stdout.write(
            f"{dataset.info.name}: {len(resolution.tasks)} clause(s), {len(problems)} problem(s)\n"
        )
        for task in resolution.tasks:
            names = "、".join(dict.fromkeys(u.name for u in task.units)) or "—"
            sys.stdout.write(f"{task.task_id}: {names}\n")
        _print_problems(problems)
    return _EXIT_FINDINGS if any(p.severity is Severity.ERROR for p in problems) else _EXIT_OK


def register(subparsers: Any) -> None:
    """Add the ``responsibility`` command (``parse``, ``resolve``) to the main command's subparsers.

    Parameters
    ----------
    subparsers:
        The object ``ArgumentParser.add_subparsers()`` returned; sub-commands set ``run`` to their handler.

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="edusupervision")
    >>> register(parser.add_subparsers(dest="command", required=True))
    >>> args = parser.parse_args(["responsibility", "parse", "-"])
    >>> args.file, args.format, args.run.__name__
    ('-', 'json', '_cmd_parse')

    """
    command = subparsers.add_parser(
        "responsibility", help="parse responsibility clauses (责任单位) and resolve them against a dataset"
    )
    sub = command.add_subparsers(dest="responsibility_command", required=True, metavar="SUBCOMMAND")

    p = sub.add_parser("parse", help="print the responsibility clauses of a text, in document order")
    p.add_argument("file", nargs="?", default="-", help="a text file, or - for standard input (default)")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument("--encoding", help="the text's encoding (default: UTF-8, else GB18030)")
    p.set_defaults(run=_cmd_parse)

    p = sub.add_parser("resolve", help="resolve clauses to a dataset's organisations and check them")
    p.add_argument("dataset", help="a folder of CSV tables or a .json file")
    p.add_argument("--text", help="a text whose clauses to resolve (- for standard input)")
    p.add_argument("--format", choices=("json", "text"), default="json")
    p.add_argument("--encoding", help="the files' encoding (default: UTF-8, else GB18030)")
    p.add_argument("--task-prefix", default="T", help="prefix of task ids (default: T, giving T1, T2 …)")
    p.add_argument("--root", help="the division the text was issued at (default: the dataset's own)")
    p.add_argument(
        "--include-zones",
        choices=("text", "yes", "no"),
        default="text",
        help="count functional zones as 区县: as the text's scope notes say (default), always, or never",
    )
    p.set_defaults(run=_cmd_resolve)
