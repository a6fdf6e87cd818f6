"""The ``edusupervision`` command line.

Exit codes: 0 success (no finding of severity ``error``), 1 findings of severity ``error``, 2 bad input or usage.
Bad input never shows a traceback: the message names the file, table, row and column.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from edusupervision._cli_outputs import REPORT_FORMATS, write_report
from edusupervision._cli_outputs import register as register_outputs
from edusupervision._cli_plan import register as register_plan
from edusupervision._cli_responsibility import register as register_responsibility
from edusupervision._cli_synth import register as register_synth
from edusupervision._engine._consequences import consequences
from edusupervision._engine._validate import validate
from edusupervision._errors import DataError, DataProblem, EduSupervisionError
from edusupervision._io._formats import save
from edusupervision._io._read import DEFAULT_LIMITS, Limits, load, load_mapping, read
from edusupervision._profiles._model import Profile, resolve
from edusupervision._profiles._registry import get_profile, load_profile, profile_names
from edusupervision._sample import sample_dataset

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from edusupervision._domain._dataset import Dataset
    from edusupervision._engine._report import Lang, Report

__all__ = ["main"]

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class _UsageError(EduSupervisionError, ValueError):
    """A command-line argument that cannot be used."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"not a date (YYYY-MM-DD): {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = f"not a positive whole number: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _profile(text: str) -> Profile:
    if text in profile_names():
        return get_profile(text)
    path = Path(text)
    if path.suffix.casefold() in (".toml", ".json") and path.is_file():
        return load_profile(path)
    msg = f"unknown profile {text!r}: use one of {', '.join(profile_names())} or a .toml/.json profile file"
    raise _UsageError(msg)


def _limits(args: argparse.Namespace) -> Limits:
    """Return the reading limits, raised where the command line says so."""
    changes: dict[str, int] = {}
    if args.max_file_mb is not None:
        changes["max_file_bytes"] = args.max_file_mb * 2**20
        changes["max_unpacked_bytes"] = max(DEFAULT_LIMITS.max_unpacked_bytes, 2 * args.max_file_mb * 2**20)
    if args.max_rows is not None:
        changes["max_rows"] = args.max_rows
    return attrs.evolve(DEFAULT_LIMITS, **changes)


def _dataset(args: argparse.Namespace) -> Dataset:
    if args.dataset is None:
        return sample_dataset()
    mapping = load_mapping(args.mapping) if args.mapping else None
    return load(args.dataset, encoding=args.encoding, mapping=mapping, limits=_limits(args))


def _write(text: str, out: TextIO) -> None:
    out.write(text if text.endswith("\n") else text + "\n")


def _rich_report(report: Report, lang: Lang, *, limit: int | None = None) -> None:
    from rich.console import Console  # noqa: PLC0415 - rich only when printing to a terminal
    from rich.table import Table  # noqa: PLC0415 - see above

    console = Console()
    s = report.summary
    console.print(
        f"[bold]{report.dataset}[/] · profile [cyan]{report.profile}[/] · as of {report.as_of} · "
        f"[red]{s['error']} error[/] · [yellow]{s['warning']} warning[/] · {s['info']} info · "
        f"{s['compliant']} compliant checks over {s['rules']} rules"
    )
    table = Table(show_lines=False)
    for column in ("severity", "rule", "subject", "message", "responsible", "citations"):
        table.add_column(column, overflow="fold")
    colour = {"error": "red", "warning": "yellow", "info": "blue"}
    for f in report.findings[:limit]:
        table.add_row(
            f"[{colour[f.severity.value]}]{f.severity.value}[/]",
            f.rule,
            f"{f.subject.kind} {f.subject.id}",
            f.message(lang),
            f.responsible_name or (f.responsible.id if f.responsible else "—"),
            "; ".join(str(c) for c in f.citations),
        )
    console.print(table)


def _cmd_validate(args: argparse.Namespace) -> int:
    if args.columnar and args.dataset is not None:
        from edusupervision._columnar import validate_columnar  # noqa: PLC0415 - polars only when asked

        report = validate_columnar(args.dataset, profile=args.profile, as_of=args.as_of)
    else:
        dataset, problems = _read_for_validation(args)
        report = validate(dataset, profile=args.profile, as_of=args.as_of, problems=problems)
    limit = args.max_findings
    lang: Lang = "zh" if args.lang == "zh" else "en"
    if args.format == "text" and args.out is None and sys.stdout.isatty():
        _rich_report(report, lang, limit=limit)
    else:
        write_report(report, args.format, args.out, lang, limit)
    if limit is not None and limit < len(report.findings):
        _write(f"… {len(report.findings) - limit} more finding(s) not shown (--max-findings)", sys.stderr)
    return EXIT_OK if args.exit_zero else report.exit_code


@contextlib.contextmanager
def _progress(label: str) -> Iterator[None]:
    """Show a spinner while a file is read, on a terminal only (silent in pipelines)."""
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console  # noqa: PLC0415 - rich only on a terminal

    with Console(stderr=True).status(label):
        yield


def _rules_json(profile: Profile) -> list[dict[str, Any]]:
    from edusupervision._engine._report import jsonable  # noqa: PLC0415 - keeps the import list short

    out = []
    for eff in resolve(profile).rules.values():
        applied = eff.at(None)
        assert applied is not None
        out.append(
            {
                "id": eff.id,
                "title": {"zh": eff.rule.title_zh, "en": eff.rule.title_en},
                "section": eff.rule.section,
                "text": eff.rule.text,
                "severity": applied.severity.value,
                "modality": applied.modality.value,
                "parameters": jsonable(dict(applied.params)),
                "parameter_origins": eff.param_origins(),
                "citations": [c.to_dict() for c in applied.citations],
                "origin": eff.origin,
                "effective": eff.effective.isoformat(),
                "layers": [
                    {
                        "profile": layer.profile,
                        "kind": layer.change.kind.value,
                        "effective": layer.effective.isoformat(),
                        "note": layer.change.note,
                        "citations": [str(c) for c in layer.change.citations],
                    }
                    for layer in eff.layers
                ],
            }
        )
    return out


def _read_for_validation(args: argparse.Namespace) -> tuple[Dataset, tuple[DataProblem, ...]]:
    """Read the dataset to validate: leniently (problems become findings), or strictly with --fail-fast."""
    if args.dataset is None:
        return sample_dataset(), ()
    if args.fail_fast:
        try:
            return _dataset(args), ()
        except DataError as exc:
            raise DataError(exc.problems[:1], summary="stopped at the first problem (--fail-fast)") from None
    mapping = load_mapping(args.mapping) if args.mapping else None
    with _progress(f"reading {args.dataset}"):
        result = read(args.dataset, encoding=args.encoding, mapping=mapping, limits=_limits(args))
    return result.dataset, result.problems


def _cmd_consequences(args: argparse.Namespace) -> int:
    dataset = _dataset(args)
    result = consequences(dataset, profile=args.profile, as_of=args.as_of)
    if args.format == "json":
        _write(result.to_json(), sys.stdout)
    else:
        _write(result.to_text("zh" if args.lang == "zh" else "en"), sys.stdout)
    return EXIT_OK


def _cmd_rules(args: argparse.Namespace) -> int:
    rules = _rules_json(args.profile)
    if args.format == "json":
        _write(json.dumps(rules, ensure_ascii=False, indent=2), sys.stdout)
        return EXIT_OK
    for r in rules:
        params = ", ".join(f"{k}={v}" for k, v in r["parameters"].items())
        cites = "; ".join(f"{c['document']} {c['clause']}".strip() for c in r["citations"])
        _write(
            f"{r['id']:34} {r['severity']:7} {r['modality']:8} [{r['origin']}] {r['title']['zh']} · "
            f"{r['title']['en']}\n{'':34} {params or '—'} · {cites}",
            sys.stdout,
        )
    return EXIT_OK


def _cmd_profiles(args: argparse.Namespace) -> int:
    rows: list[dict[str, Any]] = []
    for name in profile_names():
        p = get_profile(name)
        parent = p.parent if isinstance(p.parent, str) or p.parent is None else p.parent.name
        rows.append(
            {
                "name": name,
                "parent": parent,
                "title": {"zh": p.title_zh, "en": p.title_en},
                "division_code": p.division_code,
                "hierarchy": p.hierarchy,
                "rules": len(resolve(name).rules),
                "description": p.description,
            }
        )
    if args.format == "json":
        _write(json.dumps(rows, ensure_ascii=False, indent=2), sys.stdout)
    else:
        for r in rows:
            _write(
                f"{r['name']:12} {r['title']['zh']} ({r['title']['en']}) · parent {r['parent'] or '—'} · "
                f"{r['rules']} rules · {r['hierarchy']}",
                sys.stdout,
            )
    return EXIT_OK


def _cmd_sample(args: argparse.Namespace) -> int:
    target = save(sample_dataset(), args.out, format=args.format, encoding=args.encoding)
    _write(f"wrote the sample dataset to {target}", sys.stderr)
    return EXIT_OK


def _cmd_summary(args: argparse.Namespace) -> int:
    dataset = _dataset(args)
    _write(f"{dataset.info.name} (reference date {dataset.info.reference_date})", sys.stdout)
    for name, records in dataset:
        if records:
            _write(f"  {name:26} {len(records):>8}", sys.stdout)
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="edusupervision",
        description="China's education supervision (教育督导) rules as code: validate data against a profile.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def dataset_args(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "dataset",
            nargs="?",
            help="a folder of CSV tables, a .json file, or an Excel workbook (.xlsx, .xls) with one sheet per "
            "table (default: the bundled sample)",
        )
        p.add_argument("--encoding", help="the files' encoding (default: UTF-8, else GB18030)")
        p.add_argument(
            "--mapping", help="a TOML/JSON file mapping your column headers to the format's columns"
        )
        p.add_argument(
            "--max-file-mb", type=_positive, metavar="MB", help="refuse larger files (default 512)"
        )
        p.add_argument(
            "--max-rows", type=_positive, metavar="N", help="refuse tables with more rows (default 5e6)"
        )

    p = sub.add_parser("validate", help="check a dataset against a profile's rules")
    dataset_args(p)
    p.add_argument(
        "--profile",
        type=_profile_arg,
        default="national",
        help=f"{', '.join(profile_names())} or a .toml/.json profile file (default: national)",
    )
    p.add_argument("--as-of", type=_date, help="the date to judge at (default: the dataset's reference date)")
    p.add_argument("--format", choices=REPORT_FORMATS, default="text")
    p.add_argument(
        "--out", metavar="FILE", help="write the report to FILE (required for xlsx; default: standard output)"
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default: zh)")
    p.add_argument(
        "--exit-zero",
        action="store_true",
        help="exit 0 even when there are error findings (bad input still exits 2)",
    )
    p.add_argument(
        "--fail-fast",
        action="store_true",
        help="stop at the first problem in the data (exit 2) instead of reporting every one",
    )
    p.add_argument("--max-findings", type=_positive, metavar="N", help="show at most N findings")
    p.add_argument(
        "--columnar",
        action="store_true",
        help="validate a large CSV folder with the bulk rules as polars queries (needs edusupervision[bulk])",
    )
    p.set_defaults(run=_cmd_validate)

    p = sub.add_parser("consequences", help="list the measures (约谈, 通报, 问责, 表彰 …) the rules call for")
    dataset_args(p)
    p.add_argument("--profile", type=_profile_arg, default="national")
    p.add_argument("--as-of", type=_date, help="the date to judge at (default: the dataset's reference date)")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--lang", choices=("zh", "en"), default="zh")
    p.set_defaults(run=_cmd_consequences)

    p = sub.add_parser("rules", help="list a profile's effective rules")
    p.add_argument("--profile", type=_profile_arg, default="national")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=_cmd_rules)

    p = sub.add_parser("profiles", help="list the built-in profiles")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=_cmd_profiles)

    p = sub.add_parser("sample", help="write the bundled sample dataset")
    p.add_argument("--out", required=True, help="a folder (CSV), a .json file or an .xlsx workbook")
    p.add_argument("--format", choices=("csv", "json", "xlsx"), help="default: from the suffix, else csv")
    p.add_argument(
        "--encoding", default="utf-8", help="CSV encoding (default utf-8; gb18030 for some offices)"
    )
    p.set_defaults(run=_cmd_sample)

    p = sub.add_parser("summary", help="count the records of a dataset")
    dataset_args(p)
    p.set_defaults(run=_cmd_summary)

    register_outputs(sub)
    register_responsibility(sub)
    register_plan(sub)
    register_synth(sub)
    return parser


def _profile_arg(text: str) -> Profile:
    try:
        return _profile(text)
    except EduSupervisionError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except BrokenPipeError:  # the reader went away (| head): nothing more to say
        sys.stderr.close()
        return EXIT_OK
    except (EduSupervisionError, OSError) as exc:
        _write(f"edusupervision {args.command}: {exc}", sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
