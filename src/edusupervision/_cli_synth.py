"""The ``edusupervision synth`` command: write a synthetic jurisdiction and its manifest of violations.

``edusupervision synth --out DIR [--scale national|province|county | --schools N] [--seed S]
[--violation-rate R]`` writes the CSV folder (with ``datapackage.json`` and ``manifest.json``) and prints
one summary line per table to standard error. The generator needs ``numpy`` and ``polars``; they are
imported only when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

__all__ = ["register"]


def _rate(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 1:
        msg = f"not a rate between 0 and 1: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = f"not a positive whole number: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _run(args: argparse.Namespace) -> int:
    from edusupervision._synth import synthesize  # noqa: PLC0415 - numpy and polars load only for this command

    manifest = synthesize(
        args.out, scale=args.scale, schools=args.schools, seed=args.seed, violation_rate=args.violation_rate
    )
    rows = ", ".join(f"{table}={n}" for table, n in manifest["rows"].items() if n)
    injected = sum(len(ids) for ids in manifest["violations"].values())
    sys.stderr.write(
        f"wrote a {manifest['scale']}-rooted synthetic jurisdiction (seed {manifest['seed']}) to {args.out}: "
        f"{rows}; {injected} violation(s) listed in manifest.json\n"
    )
    return 0


def register(subparsers: Any) -> None:
    """Add the ``synth`` command to the main command's subparsers (it sets ``run`` to its handler)."""
    p = subparsers.add_parser(
        "synth", help="write a synthetic jurisdiction with a manifest of injected violations"
    )
    p.add_argument(
        "--out", required=True, help="folder to write (CSV files, datapackage.json, manifest.json)"
    )
    size = p.add_mutually_exclusive_group()
    size.add_argument(
        "--scale", choices=("national", "province", "county"), help="a named scale (default county)"
    )
    size.add_argument("--schools", type=_count, help="number of schools (the root level follows from it)")
    p.add_argument("--seed", type=int, default=0, help="random seed: the same seed gives the same files")
    p.add_argument(
        "--violation-rate",
        type=_rate,
        default=0.01,
        help="share of each injected rule's subjects made to violate it (default 0.01; at least one each)",
    )
    p.set_defaults(run=_run)
