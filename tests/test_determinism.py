"""Determinism and concurrency: the same input gives byte-identical JSON across runs, hash seeds and threads."""

from __future__ import annotations

import concurrent.futures
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from edusupervision import consequences, sample_dataset, save, validate
from edusupervision.profiles import get_profile, override, profile_names

if TYPE_CHECKING:
    from pathlib import Path

HASH_SEEDS = ("0", "1", "4242")


def cli_output(args: list[str], hash_seed: str) -> bytes:
    """Run the command line in a fresh interpreter with the given PYTHONHASHSEED; return its stdout."""
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    done = subprocess.run(  # noqa: S603 - the current interpreter running this library
        [sys.executable, "-m", "edusupervision", *args],
        capture_output=True,
        env=env,
        check=False,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr.decode(errors="replace")
    assert done.stdout
    return done.stdout


@pytest.fixture(scope="module")
def csv_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return save(sample_dataset(), tmp_path_factory.mktemp("determinism") / "sample-csv")


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["validate", "--format", "json"], id="validate-sample"),
        pytest.param(
            ["validate", "{csv}", "--format", "json", "--profile", "guangxi"], id="validate-csv-copy"
        ),
        pytest.param(
            ["consequences", "{csv}", "--format", "json", "--profile", "zibo"], id="consequences-csv-copy"
        ),
    ],
)
def test_json_output_is_byte_identical_across_hash_seeds(args: list[str], csv_copy: Path) -> None:
    argv = [a.format(csv=csv_copy) for a in args]
    outputs = {seed: cli_output(argv, seed) for seed in HASH_SEEDS}
    assert len(set(outputs.values())) == 1, "output depends on PYTHONHASHSEED"


def test_the_csv_copy_reports_like_the_sample(csv_copy: Path) -> None:
    """Reading the CSV copy gives the same findings as the in-memory sample (modulo file locations)."""
    from edusupervision import load  # noqa: PLC0415 - only here

    direct = validate(sample_dataset(), profile="national")
    loaded = validate(load(csv_copy), profile="national")
    assert [(f.rule, f.subject, f.outcome) for f in direct.findings] == [
        (f.rule, f.subject, f.outcome) for f in loaded.findings
    ]


SCENARIO = get_profile("national").derive(
    "national-1to4", override("inspector.ratio", R=4, note="what if 1:4?")
)


@pytest.mark.parametrize("profile", [*profile_names(), SCENARIO], ids=[*profile_names(), "derived"])
def test_validating_from_many_threads_on_shared_profiles_gives_the_same_report(profile: object) -> None:
    dataset = sample_dataset()
    chosen = profile if isinstance(profile, str) else SCENARIO
    baseline = validate(dataset, profile=chosen).to_json()
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        reports = list(pool.map(lambda _: validate(dataset, profile=chosen).to_json(), range(24)))
    assert all(r == baseline for r in reports)


def test_mixed_profiles_in_parallel_match_sequential_runs() -> None:
    dataset = sample_dataset()
    work = [name for name in profile_names() for _ in range(4)]
    sequential = {name: validate(dataset, profile=name).to_json() for name in profile_names()}
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(work)) as pool:
        results = list(pool.map(lambda name: (name, validate(dataset, profile=name).to_json()), work))
    assert all(report == sequential[name] for name, report in results)


def test_consequences_from_many_threads_are_the_same() -> None:
    dataset = sample_dataset()
    baseline = {name: consequences(dataset, profile=name).to_json() for name in profile_names()}
    work = [name for name in profile_names() for _ in range(4)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda name: (name, consequences(dataset, profile=name).to_json()), work))
    assert all(out == baseline[name] for name, out in results)


def test_repeated_runs_in_one_process_are_identical() -> None:
    dataset = sample_dataset()
    first = validate(dataset, profile="guangxi").to_json()
    assert all(validate(dataset, profile="guangxi").to_json() == first for _ in range(3))
    assert sample_dataset() == dataset
