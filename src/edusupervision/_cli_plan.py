"""The ``plan`` and ``coverage`` commands of the command line (registered by :mod:`edusupervision._cli`).

``plan`` exits 0 with a feasible plan, 1 when the constraints cannot all be met (the reasons go to stderr and
into the summary), and bad input raises :class:`~edusupervision.EduSupervisionError` (the main CLI's exit 2).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from edusupervision._errors import EduSupervisionError
from edusupervision._planning._coverage import coverage
from edusupervision._planning._model import PlanPolicy
from edusupervision._planning._planner import plan_cycle
from edusupervision._profiles._registry import get_profile, load_profile, profile_names

if TYPE_CHECKING:
    from edusupervision._domain._dataset import Dataset
    from edusupervision._profiles._model import Profile

__all__ = ["register"]

EXIT_OK, EXIT_INFEASIBLE = 0, 1


class PlanUsageError(EduSupervisionError, ValueError):
    """A ``plan`` or ``coverage`` argument that cannot be used."""


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"not a date (YYYY-MM-DD): {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _months(text: str) -> frozenset[int]:
    try:
        return frozenset(int(m) for m in text.split(",") if m.strip())
    except ValueError:
        msg = f"not a comma-separated list of month numbers: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None


def _profile(text: str) -> Profile:
    if text in profile_names():
        return get_profile(text)
    path = Path(text)
    if path.suffix.casefold() in (".toml", ".json") and path.is_file():
        return load_profile(path)
    msg = f"unknown profile {text!r}: use one of {', '.join(profile_names())} or a .toml/.json profile file"
    raise PlanUsageError(msg)


def _dataset(path: str | None, encoding: str | None) -> Dataset:
    import edusupervision  # noqa: PLC0415 - the package's loader, imported when the command runs

    return edusupervision.sample_dataset() if path is None else edusupervision.load(path, encoding=encoding)


def _csv_safe(value: Any) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(records: list[dict[str, Any]], columns: list[str]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_csv_safe(r[c]) for c in columns] for r in records)
    return buffer.getvalue()


def _policy(args: argparse.Namespace) -> PlanPolicy:
    changes: dict[str, Any] = {}
    if args.max_per_month is not None:
        changes["max_per_inspector_month"] = args.max_per_month
    if args.team_size is not None:
        changes["team_size"] = args.team_size
    if args.max_per_semester is not None:
        changes["max_per_school_semester"] = args.max_per_semester
    if args.closed_months is not None:
        changes["closed_months"] = args.closed_months
    return PlanPolicy(**changes)


_PLAN_COLUMNS = (
    "school_id",
    "division_id",
    "date",
    "team",
    "type",
    "cycle",
    "window_start",
    "due",
    "catch_up",
)


def _cmd_plan(args: argparse.Namespace) -> int:
    dataset = _dataset(args.dataset, args.encoding)
    plan = plan_cycle(
        dataset,
        profile=args.profile,
        start=args.start,
        years=args.years,
        policy=_policy(args),
        seed=args.seed,
    )
    if args.format == "json":
        sys.stdout.write(plan.to_json() + "\n")
    elif args.format == "csv":
        sys.stdout.write(_csv(plan.to_records(), list(_PLAN_COLUMNS)))
    else:
        s = plan.summary()
        sys.stdout.write(
            f"{s['dataset']} · {s['profile']} · {s['start']} – {s['end']} · {s['supervisions']} supervisions · "
            f"{'feasible' if plan.feasible else 'INFEASIBLE'}\n"
        )
        for item in plan.supervisions:
            sys.stdout.write(
                f"{item.date}  {item.school_id:12} {item.type.value:13} {', '.join(item.team)}\n"
            )
    for reason in plan.reasons:
        sys.stderr.write(f"edusupervision plan: {reason}\n")
    return EXIT_OK if plan.feasible else EXIT_INFEASIBLE


def _cmd_coverage(args: argparse.Namespace) -> int:
    dataset = _dataset(args.dataset, args.encoding)
    result = coverage(dataset, profile=args.profile, as_of=args.as_of, at_risk_months=args.at_risk_months)
    if args.format == "json":
        sys.stdout.write(result.to_json() + "\n")
    elif args.format == "csv":
        records = [s.to_dict() for s in result.schools]
        sys.stdout.write(_csv(records, list(records[0]) if records else ["school_id"]))
    else:
        sys.stdout.write(result.to_text() + "\n")
    return EXIT_OK


def _profile_arg(text: str) -> Profile:
    try:
        return _profile(text)
    except EduSupervisionError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``plan`` and ``coverage`` commands to the CLI's subparsers."""
    p = subparsers.add_parser("plan", help="plan every school's comprehensive supervision over a cycle")
    p.add_argument("dataset", nargs="?", help="a folder of CSV tables or a .json file (default: the sample)")
    p.add_argument("--encoding", help="the files' encoding (default: UTF-8, else GB18030)")
    p.add_argument("--start", type=_date, required=True, help="the plan's first day (YYYY-MM-DD)")
    p.add_argument("--years", type=int, help="length in years (default: one cycle of the profile)")
    p.add_argument("--profile", type=_profile_arg, default="national", help="(default: national)")
    p.add_argument("--format", choices=("json", "csv", "text"), default="json")
    p.add_argument("--seed", type=int, default=0, help="tie-breaking seed (default 0)")
    p.add_argument("--max-per-month", type=int, help="supervisions per inspector per month (default 2)")
    p.add_argument("--team-size", type=int, help="inspectors per team (default: the profile's, 3)")
    p.add_argument("--max-per-semester", type=int, help="supervisions per school per semester (default 1)")
    p.add_argument("--closed-months", type=_months, help="months without supervisions (default 1,2,7,8)")
    p.set_defaults(run=_cmd_plan)

    p = subparsers.add_parser("coverage", help="comprehensive-supervision coverage on a date")
    p.add_argument("dataset", nargs="?", help="a folder of CSV tables or a .json file (default: the sample)")
    p.add_argument("--encoding", help="the files' encoding (default: UTF-8, else GB18030)")
    p.add_argument("--as-of", type=_date, help="the date (default: the dataset's reference date)")
    p.add_argument("--profile", type=_profile_arg, default="national", help="(default: national)")
    p.add_argument("--at-risk-months", type=int, default=6, help="horizon of 'at risk' (default 6)")
    p.add_argument("--format", choices=("json", "csv", "text"), default="text")
    p.set_defaults(run=_cmd_coverage)
