"""Profiles: the registry, layering (ADD / OVERRIDE / DISABLE), citations, dating, user profiles and errors."""

from __future__ import annotations

import datetime as dt
import importlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edusupervision import sample_dataset, validate
from edusupervision._errors import EduSupervisionError, ProfileError, UnknownProfileError, UnknownRuleError
from edusupervision.profiles import (
    PROFILES,
    Change,
    ChangeKind,
    Profile,
    add,
    disable,
    get_profile,
    load_profile,
    override,
    profile_from_dict,
    profile_names,
    resolve,
)
from edusupervision.rules import RULES

if TYPE_CHECKING:
    from edusupervision import Finding

D = dt.date
PROFILES_DIR = Path(__file__).parents[1] / "src" / "edusupervision" / "_profiles"
RULEBOOK = Path(__file__).parents[1].parent / "shared" / "domain" / "RULEBOOK.md"
NAMES = tuple(PROFILES)
GX_IN_FORCE = D(2020, 5, 14)


def parent_name(profile: Profile) -> str | None:
    parent = profile.parent
    return parent if parent is None or isinstance(parent, str) else parent.name


# --- the registry ---------------------------------------------------------------------------------------------------


def test_the_five_rulebook_profiles_are_registered() -> None:
    assert set(NAMES) == {"national", "guangxi", "chongqing", "zibo", "weihai-etdz"}
    assert profile_names() == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_registered_name_imports_to_a_module_defining_that_profile(name: str) -> None:
    module = importlib.import_module(PROFILES[name])
    assert isinstance(module.PROFILE, Profile)
    assert module.PROFILE.name == name
    assert get_profile(name) is module.PROFILE


def test_every_profile_module_is_registered() -> None:
    modules = {
        f"edusupervision._profiles.{p.stem}" for p in PROFILES_DIR.glob("*.py") if not p.stem.startswith("_")
    }
    assert modules, f"no profile modules found in {PROFILES_DIR}"
    assert modules == set(PROFILES.values())


@pytest.mark.parametrize(
    ("name", "parent", "code"),
    [
        ("national", None, "100000"),
        ("guangxi", "national", "450000"),
        ("chongqing", "national", "500000"),
        ("zibo", "national", "370300"),
        ("weihai-etdz", "national", None),
    ],
)
def test_parents_and_division_codes_follow_the_rulebook(
    name: str, parent: str | None, code: str | None
) -> None:
    profile = get_profile(name)
    assert parent_name(profile) == parent
    assert profile.division_code == code


# --- layering -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_effective_rules_are_parents_plus_adds_minus_disables(name: str) -> None:
    profile = get_profile(name)
    parent = parent_name(profile)
    inherited = set(resolve(parent).rules) if parent is not None else set()
    adds = {c.rule_id for c in profile.changes if c.kind is ChangeKind.ADD}
    disables = {c.rule_id for c in profile.changes if c.kind is ChangeKind.DISABLE}
    resolved = resolve(name)
    assert set(resolved.rules) == (inherited | adds) - disables
    for rule_id, eff in resolved.rules.items():
        expected_origin = name if rule_id in adds else resolve(parent).rules[rule_id].origin  # type: ignore[arg-type]
        assert eff.origin == expected_origin
    assert list(resolved.rules) == [r for r in RULES if r in resolved.rules]  # catalog order


@pytest.mark.parametrize("name", NAMES)
def test_overrides_take_the_profiles_values(name: str) -> None:
    resolved = resolve(name)
    for change in get_profile(name).changes:
        if change.kind is ChangeKind.DISABLE:
            continue
        eff = resolved.rules[change.rule_id]
        for param, value in change.params.items():
            assert eff.params[param] == value, (name, change.rule_id, param)
            assert eff.param_origins()[param] == name
        applied = eff.at(None)
        assert applied is not None
        if change.modality is not None:
            assert applied.modality is change.modality
        if change.severity is not None:
            assert applied.severity is change.severity


@pytest.mark.parametrize(
    ("name", "rule", "param", "value"),
    [
        ("guangxi", "committee.leadership", "deputies", 2),
        ("guangxi", "inspector.ratio", "counts", "all"),
        ("chongqing", "inspector.ratio", "counts", "full_time"),
        ("chongqing", "government.onsite_sample", "onsite", 8),
        ("chongqing", "committee.exists", "levels", ("provincial",)),
        ("zibo", "committee.exists", "levels", ("prefecture", "county")),
        ("zibo", "inspector.training_hours", "H", 40),
        ("weihai-etdz", "committee.annual_plenary", "minimum", 1),
        ("weihai-etdz", "inspector.full_time_share", "S", 0.30),
        ("weihai-etdz", "inspector.retiree_recency", "Y", 3),
        ("national", "inspector.ratio", "R", 5),
        ("guangxi", "government.regional_round", "rounds", 1),
    ],
)
def test_rulebook_parameters(name: str, rule: str, param: str, value: object) -> None:
    assert resolve(name).rules[rule].params[param] == value


@pytest.mark.parametrize("name", NAMES)
def test_every_effective_rule_has_a_citation(name: str) -> None:
    for rule_id, eff in resolve(name).rules.items():
        for when in (None, eff.effective):
            applied = eff.at(when)
            assert applied is not None, (name, rule_id)
            assert applied.citations, f"{name}: {rule_id} has no citation (as of {when})"


@pytest.mark.parametrize("name", NAMES)
def test_every_change_of_a_built_in_profile_cites_something(name: str) -> None:
    # An ADD may rely on the catalog rule's own (national) citations; every other change cites its source.
    for change in get_profile(name).changes:
        own = bool(change.citations)
        inherited = change.kind is ChangeKind.ADD and bool(RULES[change.rule_id].citations)
        assert own or inherited, f"{name}: {change.kind.value} {change.rule_id} cites nothing"


def _rulebook_ids() -> list[str]:
    if not RULEBOOK.is_file():
        pytest.skip(f"{RULEBOOK} is not available (the shared domain folder is not mounted)")
    text = RULEBOOK.read_text(encoding="utf-8")
    wanted = ("Committees", "Inspectors", "Responsibility zones", "Supervision of governments", "Targets")
    ids: list[str] = []
    for section in re.split(r"^### ", text, flags=re.MULTILINE)[1:]:
        if section.startswith(wanted):
            ids += re.findall(r"^\|\s*`([a-z_]+\.[a-z0-9_]+)`\s*\|", section, flags=re.MULTILINE)
    return ids


def test_every_rulebook_rule_of_the_checked_sections_is_in_some_profile() -> None:
    ids = _rulebook_ids()
    assert len(ids) >= 30, f"parsed only {len(ids)} rule ids from {RULEBOOK}"
    in_profiles = set().union(*(resolve(n).rules for n in NAMES))
    assert [i for i in ids if i not in in_profiles] == []
    assert [i for i in ids if i not in RULES] == []


# --- dated parameters -----------------------------------------------------------------------------------------------


def test_guangxi_before_its_in_force_date_applies_national_parameters() -> None:
    gx, national = resolve("guangxi"), resolve("national")
    before = GX_IN_FORCE - dt.timedelta(days=1)
    overridden = {c.rule_id for c in get_profile("guangxi").changes if c.kind is ChangeKind.OVERRIDE}
    assert overridden
    for rule_id in overridden:
        # equal parameters, modality, severity and citations (None when national's own source is later)
        assert gx.rules[rule_id].at(before) == national.rules[rule_id].at(before), rule_id
        (layer,) = [layer for layer in gx.rules[rule_id].layers if layer.profile == "guangxi"]
        assert layer.effective >= GX_IN_FORCE  # never before GX, nor before the rule itself
        after = gx.rules[rule_id].at(layer.effective)
        assert after is not None
        assert "GX" in {c.document for c in after.citations}
    for eff in gx.rules.values():
        if eff.origin == "guangxi":
            assert eff.at(before) is None
            assert eff.effective == GX_IN_FORCE


def _comparable(f: Finding) -> tuple[Any, ...]:
    evidence = None if f.outcome.value == "not_applicable" else dict(f.evidence)
    return (f.rule, f.subject.kind, f.subject.id, f.outcome, f.severity, evidence, f.citations)


def test_validating_guangxi_before_gx_behaves_as_national() -> None:
    ds = sample_dataset()
    # only 5 responsibility inspectors: national (counting them) finds a shortfall; guangxi (counting all) does not
    ds = ds.evolve(inspectors=[attrs.evolve(i, responsibility=n < 5) for n, i in enumerate(ds.inspectors)])
    before = GX_IN_FORCE - dt.timedelta(days=1)
    gx, national = (
        validate(ds, profile="guangxi", as_of=before),
        validate(ds, profile="national", as_of=before),
    )
    added = {r for r, eff in resolve("guangxi").rules.items() if eff.origin == "guangxi"}
    assert sorted(_comparable(f) for f in gx.findings if f.rule not in added) == sorted(
        _comparable(f) for f in national.findings
    )
    ratio = gx.by_rule("inspector.ratio")
    assert [(f.outcome.value, f.severity.value, f.evidence["counts"]) for f in ratio] == [
        ("violation", "warning", "responsibility")
    ]
    for rule_id in added:
        (f,) = gx.by_rule(rule_id)
        assert (f.outcome.value, f.severity.value) == ("not_applicable", "info")
        assert GX_IN_FORCE.isoformat() in str(f.evidence["reason"])
    after = validate(ds, profile="guangxi", as_of=GX_IN_FORCE, rules=["inspector.ratio"])
    assert after.findings == ()


# --- user profiles --------------------------------------------------------------------------------------------------


def test_profile_from_dict() -> None:
    profile = profile_from_dict(
        {
            "name": "gx-1to4",
            "parent": "guangxi",
            "title_en": "Guangxi at 1:4",
            "changes": [
                {
                    "kind": "override",
                    "rule": "inspector.ratio",
                    "params": {"R": 4},
                    "cite": "GX 三(一)",
                    "note": "what if 1:4?",
                }
            ],
        }
    )
    resolved = resolve(profile)
    assert resolved.chain == ("national", "guangxi", "gx-1to4")
    eff = resolved.rules["inspector.ratio"]
    assert eff.params["R"] == 4
    assert eff.params["counts"] == "all"  # inherited from guangxi
    assert eff.param_origins()["R"] == "gx-1to4"
    assert eff.origin == "national"
    assert set(resolved.rules) == set(resolve("guangxi").rules)


def test_profile_from_dict_defaults_to_national_parent() -> None:
    profile = profile_from_dict({"name": "plain"})
    assert resolve(profile).chain == ("national", "plain")
    assert set(resolve(profile).rules) == set(resolve("national").rules)


def test_load_profile_from_toml(tmp_path: Path) -> None:
    path = tmp_path / "scenario.toml"
    path.write_text(
        'name = "wh-two-plenaries"\nparent = "weihai-etdz"\n\n'
        '[[changes]]\nkind = "override"\nrule = "committee.annual_plenary"\nparams = { minimum = 2 }\n'
        'cite = "WH (四)"\n\n'
        '[[changes]]\nkind = "add"\nrule = "government.regional_round"\nparams = { rounds = 3 }\n'
        'cite = "GX 二(二)"\neffective = 2023-01-01\n\n'
        '[[changes]]\nkind = "disable"\nrule = "zone.size"\n',
        encoding="utf-8",
    )
    resolved = resolve(load_profile(path))
    assert resolved.chain == ("national", "weihai-etdz", "wh-two-plenaries")
    assert resolved.rules["committee.annual_plenary"].params["minimum"] == 2
    regional = resolved.rules["government.regional_round"]
    assert (regional.params["rounds"], regional.origin, regional.effective) == (
        3,
        "wh-two-plenaries",
        D(2023, 1, 1),
    )
    assert "zone.size" not in resolved.rules
    assert "zone.size" in resolved.disabled
    assert set(resolved.rules) == (set(resolve("weihai-etdz").rules) | {"government.regional_round"}) - {
        "zone.size"
    }


def test_load_profile_from_json(tmp_path: Path) -> None:
    path = tmp_path / "scenario.json"
    path.write_text(
        json.dumps(
            {
                "name": "j",
                "parent": "zibo",
                "changes": [{"rule": "inspector.training_hours", "params": {"H": 48}, "cite": "ZB 11"}],
            }
        ),
        encoding="utf-8",
    )
    assert resolve(load_profile(path)).rules["inspector.training_hours"].params["H"] == 48


def test_derive() -> None:
    guangxi = get_profile("guangxi")
    scenario = guangxi.derive(
        "gx-strict",
        override("committee.leadership", deputies=3, cite="GX 二(一)"),
        add("committee.annual_plenary", minimum=2, cite="WH (四)"),
    )
    assert scenario.parent is guangxi
    assert scenario.division_code == guangxi.division_code
    resolved = resolve(scenario)
    assert resolved.chain == ("national", "guangxi", "gx-strict")
    assert resolved.rules["committee.leadership"].params["deputies"] == 3
    assert resolved.rules["committee.annual_plenary"].origin == "gx-strict"
    assert resolve("guangxi").rules["committee.leadership"].params["deputies"] == 2  # the parent is untouched


def test_scenario_ratio_1_to_4_changes_findings() -> None:
    ds = sample_dataset()
    baseline = validate(ds, profile="national", rules=["inspector.ratio"])
    scenario = get_profile("national").derive("n-1to4", override("inspector.ratio", R=4, note="what if 1:4?"))
    changed = validate(ds, profile=scenario, rules=["inspector.ratio"])
    diff = baseline.diff(changed)
    assert diff
    assert [f.rule for f in diff.added] + [b.rule for _, b in diff.changed] == ["inspector.ratio"]
    (finding,) = changed.by_rule("inspector.ratio")
    assert finding.evidence["R"] == 4
    assert finding.evidence["required"] == -(-int(finding.evidence["schools"]) // 4)
    assert baseline.diff(baseline).to_text() == "no change"


# --- errors ---------------------------------------------------------------------------------------------------------


def test_unknown_parent() -> None:
    with pytest.raises(UnknownProfileError) as excinfo:
        profile_from_dict({"name": "x", "parent": "atlantis"})
    assert isinstance(excinfo.value, LookupError)
    assert "atlantis" in str(excinfo.value)
    with pytest.raises(LookupError):
        resolve(Profile(name="x", parent="atlantis"))
    with pytest.raises(UnknownProfileError):
        resolve("atlantis")


def test_unknown_rule() -> None:
    with pytest.raises(UnknownRuleError) as excinfo:
        resolve(get_profile("national").derive("x", override("inspector.ratioo", R=4)))
    assert isinstance(excinfo.value, LookupError)
    assert "inspector.ratio" in str(excinfo.value)  # names close ids


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (override("inspector.ratio", Q=4), "Q"),  # unknown parameter
        (override("committee.office_host", cite="GX 二(一)"), "committee.office_host"),  # not in the parent
        (disable("committee.liaison"), "committee.liaison"),  # not in the parent
        (add("committee.office_host"), "citation"),  # no citation anywhere
        (add("inspector.ratio", cite="PLQ 1"), "already"),  # the parent already has it
    ],
)
def test_invalid_changes_raise_profile_error(change: Change, words: str) -> None:
    with pytest.raises(ProfileError, match=re.escape(words)) as excinfo:
        resolve(get_profile("national").derive("bad", change))
    assert isinstance(excinfo.value, ValueError)
    assert isinstance(excinfo.value, EduSupervisionError)


@pytest.mark.parametrize(
    "data",
    [
        {"title": "no name"},
        {"name": "x", "changes": {"rule": "inspector.ratio"}},
        {"name": "x", "changes": [{"params": {"R": 4}}]},
        {"name": "x", "changes": [{"rule": "inspector.ratio", "colour": "red"}]},
        {"name": "x", "changes": [{"rule": "inspector.ratio", "kind": "replace"}]},
        {"name": "x", "changes": [{"rule": "inspector.ratio", "cite": "NOPE 1"}]},
    ],
)
def test_malformed_profile_data(data: dict[str, Any]) -> None:
    with pytest.raises(ProfileError):
        profile_from_dict(data)


@pytest.mark.parametrize(
    ("name", "text"), [("bad.toml", "name = \n"), ("bad.json", "{not json"), ("list.json", "[1, 2]")]
)
def test_unreadable_profile_file(tmp_path: Path, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ProfileError, match=re.escape(name)):
        load_profile(path)


def test_missing_profile_file(tmp_path: Path) -> None:
    with pytest.raises(ProfileError):
        load_profile(tmp_path / "absent.toml")


def test_self_inheritance_is_refused() -> None:
    looped = Profile(name="national", parent="national")
    with pytest.raises(ProfileError):
        resolve(looped)


# --- property: user layers over national ----------------------------------------------------------------------------

NATIONAL_RULES = frozenset(resolve("national").rules)
ADDABLE = tuple(r for r in RULES if r not in NATIONAL_RULES)


def numeric_params(rule_id: str) -> tuple[str, ...]:
    return tuple(
        name
        for name, p in RULES[rule_id].params.items()
        if isinstance(p.default, int | float) and not isinstance(p.default, bool)
    )


OVERRIDABLE = tuple(r for r in NATIONAL_RULES if numeric_params(r))


def value_for(default: object) -> st.SearchStrategy[Any]:
    if isinstance(default, float):
        return st.floats(min_value=0.01, max_value=1.0, allow_nan=False)
    return st.integers(min_value=1, max_value=100)


@st.composite
def user_layer(draw: st.DrawFn) -> tuple[list[Change], dict[tuple[str, str], Any], set[str]]:
    changes: list[Change] = []
    expected: dict[tuple[str, str], Any] = {}
    added = draw(st.lists(st.sampled_from(ADDABLE), unique=True))
    overridden = draw(st.lists(st.sampled_from(sorted(OVERRIDABLE)), unique=True))
    for rule_id, kind in [(r, add) for r in added] + [(r, override) for r in overridden]:
        names = (
            draw(st.lists(st.sampled_from(numeric_params(rule_id)), unique=True))
            if numeric_params(rule_id)
            else []
        )
        params = {n: draw(value_for(RULES[rule_id].params[n].default)) for n in names}
        expected.update({(rule_id, n): v for n, v in params.items()})
        changes.append(kind(rule_id, cite="REG 4", **params))
    return changes, expected, set(added)


@settings(max_examples=75, deadline=None)
@given(layer=user_layer())
def test_user_layer_over_national(layer: tuple[list[Change], dict[tuple[str, str], Any], set[str]]) -> None:
    changes, expected, added = layer
    resolved = resolve(get_profile("national").derive("prop", *changes))
    assert set(resolved.rules) == NATIONAL_RULES | added
    for rule_id in added:
        assert resolved.rules[rule_id].origin == "prop"
    for (rule_id, name), value in expected.items():
        assert resolved.rules[rule_id].params[name] == value
    national = resolve("national")
    for rule_id in NATIONAL_RULES:
        for name, value in national.rules[rule_id].params.items():
            if (rule_id, name) not in expected:
                assert resolved.rules[rule_id].params[name] == value
