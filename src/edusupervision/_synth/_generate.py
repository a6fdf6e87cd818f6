"""A deterministic generator of realistic synthetic jurisdictions, written straight to the CSV interchange format.

Everything above the township level (a few thousand divisions and their organisations) is built row by row;
every bulk table (schools, inspectors, assignments, visits, trainings, supervisions, team members, problems,
rectification events) is built with numpy and polars column operations, so the national scale (about
500,000 schools and 6 million visits) generates in well under a minute.

The data are compliant with every rule of the ``national`` profile except for violations injected on
purpose, at a stated rate, into the bulk rules (:data:`INJECTED_RULES`). ``manifest.json`` lists, per rule,
the subject ids that validation must find in violation; rules whose violation follows from injected ones
(``reform.target_2022``) are listed too and named under ``derived``.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
import numpy as np
import polars as pl

from edusupervision._calendar import MonthEndPolicy, add_months, rolling_window
from edusupervision._domain._dataset import TABLES, DatasetInfo
from edusupervision._io._formats import datapackage_descriptor
from edusupervision._rules._helpers import due_year, last_complete_year
from edusupervision._rules._schools import last_complete_semester
from edusupervision._synth._shape import PROVINCES, Shape, shape_for

if TYPE_CHECKING:
    import os

    from numpy.typing import NDArray

    from edusupervision._synth._shape import Scale

__all__ = ["DEFAULT_AS_OF", "INJECTED_RULES", "synthesize"]

DEFAULT_AS_OF: Final = dt.date(2024, 12, 31)
#: The rules into which violations are injected, each at the stated rate of its candidate subjects.
INJECTED_RULES: Final = (
    "inspector.ratio",
    "inspector.training_hours",
    "inspector.qualification",
    "inspector.part_time_term",
    "inspector.public_contact",
    "zone.coverage",
    "zone.size",
    "zone.inspector_load",
    "school.regular_visits",
    "school.comprehensive_cycle",
)
#: Rules whose violations follow from injected ones: rule → the injected rules it depends on.
DERIVED_RULES: Final = {"reform.target_2022": ("inspector.ratio", "zone.coverage")}
_TARGET_2022: Final = dt.date(2022, 12, 31)

_EPOCH: Final = dt.date(1970, 1, 1)
_ZONE_MAX: Final = 20
_LOAD_MAX: Final = 5
_STAGES: Final = (
    ("kindergarten", 0.50, "幼儿园"),
    ("primary", 0.285, "小学"),
    ("junior_secondary", 0.10, "初级中学"),
    ("nine_year", 0.035, "九年一贯制学校"),
    ("senior_secondary", 0.028, "高级中学"),
    ("complete_secondary", 0.012, "完全中学"),
    ("twelve_year", 0.004, "十二年一贯制学校"),
    ("secondary_vocational", 0.015, "中等职业学校"),
    ("special", 0.005, "特殊教育学校"),
    ("off_campus_training", 0.016, "培训学校"),
)
#: Stages usually administered by the prefecture's education bureau rather than the county's.
_UPPER_ADMINISTERED: Final = frozenset({"senior_secondary", "complete_secondary", "secondary_vocational"})
_CHARS: Final = "青山明水安平和兴华东西南北长宁德清河川林江源泉阳光新城丰泰永昌福康临海云岭松柏桂"
_COUNTY_KINDS: Final = (
    ("county", 0.45, "县"),
    ("district", 0.35, "区"),
    ("county_city", 0.13, "市"),
    ("autonomous_county", 0.04, "自治县"),
    ("functional_zone", 0.03, "高新区"),
)
_ZONE_KINDS: Final = ("high_tech", "economic_development", "tourism_resort")
_TOWNSHIP_KINDS: Final = (("town", 0.55, "镇"), ("township", 0.30, "乡"), ("subdistrict", 0.15, "街道"))


def _days(day: dt.date) -> int:
    return (day - _EPOCH).days


def _date_col(values: NDArray[np.int64] | pl.Series | pl.Expr, name: str) -> pl.Expr | pl.Series:
    if isinstance(values, np.ndarray):
        return pl.Series(name, values, dtype=pl.Int32).cast(pl.Date)
    return values.cast(pl.Int32).cast(pl.Date).alias(name)


def _ids(prefix: str, n: int, width: int) -> pl.Series:
    """Return ``n`` ids ``prefix0000001`` … (zero-padded to ``width`` digits)."""
    return pl.select(
        pl.concat_str(pl.lit(prefix), pl.int_range(1, n + 1, dtype=pl.Int64).cast(pl.Utf8).str.zfill(width))
    ).to_series()


def _name(rng: np.random.Generator, length: int = 2) -> str:
    return "".join(_CHARS[i] for i in rng.integers(0, len(_CHARS), length))


def _pick(rng: np.random.Generator, pool: NDArray[Any], rate: float) -> NDArray[Any]:
    """Return a sorted sample of ``pool``: ``rate`` of it, at least one when the rate is positive."""
    if rate <= 0 or len(pool) == 0:
        return pool[:0]
    k = min(len(pool), max(1, round(rate * len(pool))))
    return np.sort(rng.choice(pool, size=k, replace=False))


@attrs.define
class _Divisions:
    """The hierarchy above the townships, row by row (a few thousand rows at national scale)."""

    rows: list[dict[str, Any]] = attrs.field(factory=list)

    def add(self, **row: Any) -> str:
        self.rows.append(row)
        return str(row["id"])


@attrs.frozen
class _Tree:
    divisions: list[dict[str, Any]]
    root: str
    in_scope: frozenset[str]
    counties: list[dict[str, Any]]
    parent: dict[str, str | None]


def _tree(shape: Shape, rng: np.random.Generator) -> _Tree:
    divs = _Divisions()
    country = divs.add(id="100000", name="中华人民共和国", kind="country", parent_id=None, code="100000")
    provinces = list(PROVINCES)
    if shape.root != "national":
        candidates = [p for p in provinces if p[2] != "municipality"]
        provinces = [candidates[int(rng.integers(0, len(candidates)))]]
    municipalities = [p for p in provinces if p[2] == "municipality"]
    others = [p for p in provinces if p[2] != "municipality"]
    # Counties: municipalities take their national share; the rest go to prefectures.
    muni_counties = [max(2, round(shape.counties * 16 / 2844)) for _ in municipalities]
    # Every prefecture gets at least one county: the rest is at least the number of prefectures.
    rest = max(shape.prefectures if others else 0, shape.counties - sum(muni_counties))
    n_pref = max(len(others), min(shape.prefectures, rest)) if others else 0
    pref_per_prov: NDArray[np.int64] = (
        rng.multinomial(n_pref - len(others), np.full(len(others), 1 / len(others))) + 1
        if others
        else np.zeros(0, dtype=np.int64)
    )
    counties_per_pref: NDArray[np.int64] = (
        rng.multinomial(rest - n_pref, np.full(n_pref, 1 / n_pref)) + 1
        if n_pref
        else np.zeros(0, dtype=np.int64)
    )
    kinds = [k for k, _, _ in _COUNTY_KINDS]
    weights = np.array([w for _, w, _ in _COUNTY_KINDS])
    counties: list[dict[str, Any]] = []

    def add_counties(parent: str, prefix: str, n: int, *, municipal: bool) -> None:
        for c in range(1, n + 1):
            kind = "district" if municipal else kinds[int(rng.choice(len(kinds), p=weights))]
            suffix = {k: s for k, _, s in _COUNTY_KINDS}[kind]
            code = f"{prefix}{c:02d}" if c < 100 else f"{prefix}{c:03d}"
            row = divs.add(
                id=code,
                name=_name(rng) + suffix,
                kind=kind,
                parent_id=parent,
                code=code,
                zone_kind=_ZONE_KINDS[int(rng.integers(0, 3))] if kind == "functional_zone" else None,
            )
            counties.append(divs.rows[-1])
            del row

    for (code, name, kind), n in zip(municipalities, muni_counties, strict=True):
        pid = divs.add(id=f"{code}0000", name=name, kind=kind, parent_id=country, code=f"{code}0000")
        add_counties(pid, f"{code}01", n, municipal=True)
    k = 0
    for (code, name, kind), n_p in zip(others, pref_per_prov, strict=True):
        pid = divs.add(id=f"{code}0000", name=name, kind=kind, parent_id=country, code=f"{code}0000")
        for p in range(1, int(n_p) + 1):
            pkind = "autonomous_prefecture" if rng.random() < 0.09 else "prefecture_city"
            pcode = f"{code}{p:02d}00"
            pref = divs.add(
                id=pcode,
                name=_name(rng) + ("州" if pkind == "autonomous_prefecture" else "市"),
                kind=pkind,
                parent_id=pid,
                code=pcode,
            )
            add_counties(pref, f"{code}{p:02d}", int(counties_per_pref[k]), municipal=False)
            k += 1
    if shape.root == "county":
        counties = counties[:1]
        keep = {counties[0]["id"], counties[0]["parent_id"]}
        keep |= {r["parent_id"] for r in divs.rows if r["id"] in keep}
        keep |= {r["parent_id"] for r in divs.rows if r["id"] in keep}
        divs.rows = [r for r in divs.rows if r["id"] in keep]
    parent = {r["id"]: r["parent_id"] for r in divs.rows}
    root = {"national": country, "province": divs.rows[1]["id"], "county": counties[0]["id"]}[shape.root]
    below: dict[str | None, list[str]] = {}
    for r in divs.rows:
        below.setdefault(r["parent_id"], []).append(r["id"])
    scope: set[str] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        scope.add(node)
        stack.extend(below.get(node, []))
    for r in divs.rows:
        r.setdefault("zone_kind", None)
    return _Tree(divisions=divs.rows, root=root, in_scope=frozenset(scope), counties=counties, parent=parent)


def _level_of(kind: str) -> int:
    if kind == "country":
        return 0
    if kind in ("province", "autonomous_region", "municipality"):
        return 1
    if kind in ("prefecture_city", "autonomous_prefecture"):
        return 2
    return 3


def _write(folder: Path, table: str, frame: pl.DataFrame) -> int:
    spec = next(s for s in TABLES if s.name == table)
    names = [f.name for f in attrs.fields(spec.record_type)]
    columns = [
        frame.get_column(n) if n in frame.columns else pl.Series(n, [None] * frame.height, dtype=pl.Utf8)
        for n in names
    ]
    pl.DataFrame(columns).write_csv(folder / f"{table}.csv", date_format="%Y-%m-%d", null_value="")
    return frame.height


def synthesize(  # noqa: PLR0915 - one generator, read top to bottom, table by table
    out: str | os.PathLike[str],
    *,
    scale: Scale | None = None,
    schools: int | None = None,
    seed: int = 0,
    violation_rate: float = 0.01,
    as_of: dt.date = DEFAULT_AS_OF,
) -> dict[str, Any]:
    """Write a synthetic jurisdiction to the CSV folder ``out`` and return its manifest.

    ``scale`` is ``national``, ``province`` or ``county``; ``schools`` sets the number of schools (and, without
    ``scale``, the root level). The same arguments always give the same files. ``violation_rate`` is the share
    of each injected rule's candidate subjects made to violate it (at least one each when positive). The
    manifest (also written as ``manifest.json``) maps every rule expected to report violations under the
    ``national`` profile as of ``as_of`` to the sorted subject ids.
    """
    if not 0 <= violation_rate <= 1:
        msg = f"violation_rate must be between 0 and 1, got {violation_rate}"
        raise ValueError(msg)
    shape = shape_for(scale, schools)
    rng = np.random.default_rng(seed)
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    tree = _tree(shape, rng)
    today = _days(as_of)
    window = rolling_window(as_of, years=5)
    semester = last_complete_semester(as_of)
    training_year = last_complete_year(as_of)
    counts: dict[str, int] = {}
    injected: dict[str, list[str]] = {}

    # --- townships (vectorised) ------------------------------------------------------------------------
    county_ids = np.array([c["id"] for c in tree.counties])
    n_counties = len(county_ids)
    n_town = rng.integers(8, 21, n_counties)
    town_county = np.repeat(np.arange(n_counties), n_town)
    town_local = np.arange(len(town_county)) - np.repeat(np.cumsum(n_town) - n_town, n_town) + 1
    town_offset = np.cumsum(n_town) - n_town
    tk = rng.choice(len(_TOWNSHIP_KINDS), size=len(town_county), p=[w for _, w, _ in _TOWNSHIP_KINDS])
    towns = pl.DataFrame(
        {
            "id": pl.Series(county_ids[town_county]) + pl.Series(town_local).cast(pl.Utf8).str.zfill(3),
            "kind": pl.Series(np.array([k for k, _, _ in _TOWNSHIP_KINDS])[tk]),
            "parent_id": pl.Series(county_ids[town_county]),
            "suffix": pl.Series(np.array([s for _, _, s in _TOWNSHIP_KINDS])[tk]),
            "stem": pl.Series(np.array(list(_CHARS))[rng.integers(0, len(_CHARS), len(town_county))]),
        }
    ).with_columns(
        name=pl.concat_str("stem", pl.col("id").str.slice(-3).str.strip_chars_start("0"), "suffix"),
        code=pl.col("id"),
    )
    upper = pl.DataFrame(
        tree.divisions,
        schema={
            "id": pl.Utf8,
            "name": pl.Utf8,
            "kind": pl.Utf8,
            "parent_id": pl.Utf8,
            "code": pl.Utf8,
            "zone_kind": pl.Utf8,
        },
    )
    counts["divisions"] = _write(
        folder, "divisions", pl.concat([upper, towns.select(upper.columns[:5])], how="diagonal")
    )

    # --- organisations, persons, committees, budgets, reports, evaluations (per division) --------------
    orgs: list[dict[str, Any]] = []
    persons: list[dict[str, Any]] = []
    committees: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    meetings: list[dict[str, Any]] = []
    budgets: list[dict[str, Any]] = []
    reports: list[dict[str, Any]] = []
    evaluations: list[dict[str, Any]] = []
    report_year = due_year(as_of, grace_months=3)
    eval_year = due_year(as_of, grace_months=6)
    for d in tree.divisions:
        did, name, level = d["id"], d["name"], _level_of(d["kind"])
        fz = d["kind"] == "functional_zone"
        gov_kind = "management_committee" if fz else "government"
        edu_name = (
            "教育部"
            if level == 0
            else name + ("教育厅" if level == 1 and d["kind"] != "municipality" else "教育局")
        )
        orgs += [
            {
                "id": f"{did}-gov",
                "name": name + ("管理委员会" if fz else "人民政府"),
                "kind": gov_kind,
                "division_id": did,
            },
            {
                "id": f"{did}-edu",
                "name": edu_name,
                "kind": "education_authority",
                "division_id": did,
                "parent_id": f"{did}-gov",
            },
            {
                "id": f"{did}-body",
                "name": name + "人民政府教育督导室",
                "kind": "supervision_body",
                "division_id": did,
                "parent_id": f"{did}-gov",
            },
        ]
        surname = _name(rng, 1)
        persons += [
            {
                "id": f"{did}-p1",
                "name": surname + "主任",
                "organisation_id": f"{did}-gov",
                "position": "main_leader",
            },
            {
                "id": f"{did}-p2",
                "name": surname + "副职",
                "organisation_id": f"{did}-gov",
                "position": "leader_in_charge_of_education",
            },
            {
                "id": f"{did}-p3",
                "name": _name(rng, 1) + "局长",
                "organisation_id": f"{did}-edu",
                "position": "head_of_education_authority",
            },
            {
                "id": f"{did}-p4",
                "name": _name(rng, 1) + "联络员",
                "organisation_id": f"{did}-edu",
                "position": "staff",
            },
        ]
        committees.append(
            {
                "id": f"{did}-c",
                "name": name + "人民政府教育督导委员会",
                "government_id": f"{did}-gov",
                "office_host_id": f"{did}-edu",
                "director_id": f"{did}-p2",
                "deputy_ids": f"{did}-p3",
                "established_on": dt.date(2016 + int(rng.integers(0, 4)), 3, 1),
            }
        )
        members.append(
            {"committee_id": f"{did}-c", "organisation_id": f"{did}-edu", "liaison_id": f"{did}-p4"}
        )
        meetings.append(
            {
                "id": f"{did}-m{training_year}",
                "committee_id": f"{did}-c",
                "date": dt.date(training_year, 3 + int(rng.integers(0, 9)), 10),
                "kind": "plenary",
            }
        )
        budgets.append(
            {
                "government_id": f"{did}-gov",
                "year": as_of.year,
                "supervision_funding": True,
                "amount": float(rng.integers(20, 2000) * 1000),
            }
        )
        up = tree.parent[did]
        if did in tree.in_scope and up is not None:
            reports.append(
                {
                    "id": f"{did}-r{report_year}",
                    "body_id": f"{did}-body",
                    "recipient_id": f"{up}-body",
                    "year": report_year,
                    "items": "work_plan;results;annual_report",
                    "date": dt.date(report_year + 1, 1, 20),
                }
            )
            evaluations.append(
                {
                    "id": f"{did}-e{eval_year}",
                    "year": eval_year,
                    "evaluator_id": f"{up}-body",
                    "evaluatee_id": f"{did}-gov",
                    "result": ("good", "excellent", "qualified")[int(rng.integers(0, 3))],
                    "date": dt.date(eval_year + 1, 4, 30),
                }
            )
    date_schema = {
        "established_on": pl.Date,
        "date": pl.Date,
        "year": pl.Int64,
        "amount": pl.Float64,
        "supervision_funding": pl.Boolean,
    }

    def frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
        keys: dict[str, None] = {}
        for r in rows:
            keys.update(dict.fromkeys(r))
        return pl.DataFrame(rows, schema={k: date_schema.get(k, pl.Utf8) for k in keys})

    counts["organisations"] = _write(folder, "organisations", frame(orgs))
    counts["persons"] = _write(folder, "persons", frame(persons))
    counts["committees"] = _write(folder, "committees", frame(committees))
    counts["committee_members"] = _write(folder, "committee_members", frame(members))
    counts["meetings"] = _write(folder, "meetings", frame(meetings))
    counts["budgets"] = _write(folder, "budgets", frame(budgets))
    counts["upward_reports"] = _write(folder, "upward_reports", frame(reports))
    counts["duty_evaluations"] = _write(folder, "duty_evaluations", frame(evaluations))

    # --- schools (vectorised) --------------------------------------------------------------------------
    n_schools = shape.schools
    if n_counties == 1:
        per_county = np.array([n_schools])
    else:
        floor = min(5, n_schools // n_counties)
        w = rng.lognormal(0.0, 0.5, n_counties)
        per_county = rng.multinomial(n_schools - floor * n_counties, w / w.sum()) + floor
    school_county = np.repeat(np.arange(n_counties), per_county)
    stage_idx = rng.choice(len(_STAGES), size=n_schools, p=[p for _, p, _ in _STAGES])
    stage_names = np.array([s for s, _, _ in _STAGES])
    stage_labels = np.array([z for _, _, z in _STAGES])
    stage = stage_names[stage_idx]
    private_p = np.where(stage == "kindergarten", 0.45, np.where(stage == "off_campus_training", 1.0, 0.08))
    private = rng.random(n_schools) < private_p
    base_students = np.select(
        [stage == "kindergarten", stage == "primary", stage == "off_campus_training"], [180, 650, 120], 1100
    )
    students = np.maximum(15, (base_students * rng.lognormal(0, 0.6, n_schools)).astype(np.int64))
    town = town_offset[school_county] + (rng.random(n_schools) * n_town[school_county]).astype(np.int64)
    county_prefecture = _prefecture_of(tree, county_ids)
    upper_admin = np.isin(stage, list(_UPPER_ADMINISTERED)) & (rng.random(n_schools) < 0.5)
    admin_div = np.where(upper_admin, county_prefecture[school_county], county_ids[school_county])
    in_scope = stage != "off_campus_training"
    sch = pl.DataFrame(
        {
            "id": _ids("s", n_schools, 7),
            "county": pl.Series(school_county, dtype=pl.Int32),
            "division_id": pl.Series(county_ids[school_county]),
            "stage": pl.Series(stage),
            "label": pl.Series(stage_labels[stage_idx]),
            "ownership": pl.Series(np.where(private, "private", "public")),
            "township_id": towns.get_column("id").gather(pl.Series(town)),
            "town_name": towns.get_column("name").gather(pl.Series(town)),
            "administered_by": pl.Series(admin_div) + "-edu",
            "admin_body": pl.Series(admin_div) + "-body",
            "student_count": pl.Series(students),
            "legal_person": pl.Series(~private | (rng.random(n_schools) < 0.9)),
            "in_scope": pl.Series(in_scope),
        }
    ).with_row_index("row")
    sch = sch.with_columns(
        pos=pl.when("in_scope").then(pl.col("in_scope").cum_sum().over("county") - 1),
    ).with_columns(
        block=pl.col("pos") // _LOAD_MAX,
        zone_local=pl.col("pos") // _ZONE_MAX,
        name=pl.concat_str("town_name", pl.col("row").mod(97).cast(pl.Utf8), "label").str.replace(
            r"^(.*?)(\d+)(.*)$", "${1}第${2}${3}"
        ),
    )
    # Blocks of five in-scope schools share one responsibility inspector; zones are blocks of twenty.
    blocks = (
        sch.filter("in_scope")
        .group_by("county", "block")
        .agg(size=pl.len(), first=pl.col("row").min())
        .sort("county", "block")
        .with_row_index("b")
    )
    zones = (
        sch.filter("in_scope")
        .group_by("county", "zone_local")
        .agg(size=pl.len())
        .sort("county", "zone_local")
        .with_row_index("z")
        .with_columns(zone_id=pl.concat_str(pl.lit("z"), pl.col("z").add(1).cast(pl.Utf8).str.zfill(6)))
    )
    sch = (
        sch.join(blocks.select("county", "block", "b"), on=["county", "block"], how="left")
        .join(zones.select("county", "zone_local", "zone_id"), on=["county", "zone_local"], how="left")
        .sort("row")
    )

    # zone.size: merge the next zone of the same county into a chosen one.
    nxt = zones.with_columns(next_county=pl.col("county").shift(-1), next_z=pl.col("z").shift(-1))
    # Even zones only, so a merged-away zone is never a merge target itself.
    size_pool = (
        nxt.filter((pl.col("next_county") == pl.col("county")) & (pl.col("z") % 2 == 0))
        .get_column("z")
        .to_numpy()
    )
    size_bad = _pick(rng, size_pool, violation_rate)
    merged = (
        pl.DataFrame({"z": pl.Series(size_bad + 1, dtype=pl.UInt32)})
        .join(zones.select("z", "zone_id"), on="z")
        .rename({"zone_id": "gone"})
        .with_columns(into=pl.concat_str(pl.lit("z"), pl.col("z").cast(pl.Utf8).str.zfill(6)))
    )
    sch = (
        sch.join(merged.select("gone", "into"), left_on="zone_id", right_on="gone", how="left")
        .with_columns(zone_id=pl.coalesce("into", "zone_id"))
        .drop("into")
    )
    county_frame = pl.DataFrame(
        {"county": pl.Series(np.arange(n_counties), dtype=pl.Int32), "division_id": pl.Series(county_ids)}
    )
    zone_rows = (
        zones.filter(~pl.col("zone_id").is_in(merged.get_column("gone").implode()))
        .join(county_frame, on="county")
        .sort("z")
        .select(
            id="zone_id",
            name=pl.concat_str(
                pl.col("division_id").str.slice(-2),
                pl.lit("第"),
                pl.col("zone_local").add(1).cast(pl.Utf8),
                pl.lit("责任区"),
            ),
            division_id="division_id",
            body_id=pl.col("division_id") + "-body",
        )
    )
    counts["zones"] = _write(folder, "zones", zone_rows)

    # zone.coverage: some schools are left out of every zone.
    scope_rows = sch.filter("in_scope").get_column("row").to_numpy()
    cover_bad = _pick(rng, scope_rows, violation_rate)
    sch = sch.with_columns(zone_id=pl.when(pl.col("row").is_in(cover_bad)).then(None).otherwise("zone_id"))
    injected["zone.coverage"] = sch.filter(pl.col("row").is_in(cover_bad)).get_column("id").to_list()
    # A merged zone whose few extra schools all lost their zone may be back within the limit: count them.
    injected["zone.size"] = (
        sch.filter(pl.col("zone_id").is_not_null())
        .group_by("zone_id")
        .agg(n=pl.len())
        .filter(pl.col("n") > _ZONE_MAX)
        .get_column("zone_id")
        .to_list()
    )
    counts["schools"] = _write(folder, "schools", sch)

    # --- inspectors (vectorised) -----------------------------------------------------------------------
    n_blocks = blocks.height
    blocks_per_county = np.bincount(blocks.get_column("county").to_numpy(), minlength=n_counties)
    extras_per_county = np.maximum(3, np.round(0.5 * blocks_per_county).astype(np.int64))
    upper_divs = [d for d in tree.divisions if _level_of(d["kind"]) < 3]
    upper_sizes = np.array([(40, 25, 12)[_level_of(d["kind"])] for d in upper_divs], dtype=np.int64)
    insp_div = np.concatenate(
        [
            county_ids[blocks.get_column("county").to_numpy()],
            np.repeat(county_ids, extras_per_county),
            np.repeat(np.array([d["id"] for d in upper_divs]), upper_sizes),
        ]
    )
    n_insp = len(insp_div)
    responsibility = np.zeros(n_insp, dtype=bool)
    responsibility[:n_blocks] = True
    extra_start = (
        np.concatenate([[0], np.cumsum(np.concatenate([extras_per_county, upper_sizes]))[:-1]]) + n_blocks
    )
    chief = np.zeros(n_insp, dtype=bool)
    chief[extra_start] = True
    full_time = chief | (rng.random(n_insp) < 0.3)
    kind = np.where(chief, "chief", "inspector").astype(object)
    appointed = rng.integers(_days(dt.date(2010, 1, 1)), _days(dt.date(2018, 12, 1)), n_insp)
    term_start = rng.integers(_days(dt.date(2022, 1, 1)), _days(dt.date(2024, 7, 1)), n_insp)
    term_end = term_start + 3 * 365 - 2
    terms = rng.integers(1, 4, n_insp)
    degree = np.array(["bachelor", "master", "doctorate"], dtype=object)[
        rng.choice(3, size=n_insp, p=[0.7, 0.26, 0.04])
    ]
    edu_years = rng.integers(10, 36, n_insp)
    retiree = (rng.random(n_insp) < 0.1) & ~full_time
    retired_on = np.where(retiree, appointed - rng.integers(30, 900, n_insp), -1)
    insp_scope = np.isin(insp_div, list(tree.in_scope))
    # inspector.ratio: in chosen counties one responsibility inspector is an education supervision assistant
    # (教育督导员): still covering its schools, but not counted as a 督学.
    first_block = blocks.group_by("county").agg(b=pl.col("b").min()).sort("county")
    ratio_counties = _pick(rng, first_block.get_column("county").to_numpy(), violation_rate)
    ratio_insp = first_block.filter(pl.col("county").is_in(ratio_counties)).get_column("b").to_numpy()
    kind[ratio_insp] = "supervisor"
    injected["inspector.ratio"] = sorted(county_ids[ratio_counties].tolist())
    counted = insp_scope & (kind != "supervisor")
    pool = np.flatnonzero(counted)
    qual_bad = _pick(rng, pool, violation_rate)
    qual_years = rng.random(len(qual_bad)) < 0.5
    degree[qual_bad[~qual_years]] = "below_bachelor"
    edu_years[qual_bad[qual_years]] = rng.integers(3, 10, int(qual_years.sum()))
    term_bad = _pick(rng, np.flatnonzero(counted & ~full_time), violation_rate)
    too_long = rng.random(len(term_bad)) < 0.5
    term_end[term_bad[too_long]] += 365
    terms[term_bad[~too_long]] = 4
    hours_bad = _pick(rng, pool, violation_rate)
    insp_ids = _ids("i", n_insp, 6)
    ids_np = insp_ids.to_numpy()
    injected["inspector.qualification"] = ids_np[qual_bad].tolist()
    injected["inspector.part_time_term"] = ids_np[term_bad].tolist()
    injected["inspector.training_hours"] = ids_np[hours_bad].tolist()
    part = ~full_time
    inspectors = pl.DataFrame(
        {
            "id": insp_ids,
            "name": pl.Series(np.array(list(_CHARS))[rng.integers(0, len(_CHARS), n_insp)])
            + "督学"
            + insp_ids.str.slice(-3),
            "kind": pl.Series(kind),
            "employment": pl.Series(np.where(full_time, "full_time", "part_time")),
            "responsibility": pl.Series(responsibility),
            "appointed_by": pl.Series(insp_div) + "-body",
            "division_id": pl.Series(insp_div),
            "appointed_on": _date_col(appointed, "appointed_on"),
            "term_start": _date_col(np.where(part, term_start, 0), "term_start"),
            "term_end": _date_col(np.where(part, term_end, 0), "term_end"),
            "consecutive_terms": pl.Series(terms),
            "degree": pl.Series(degree),
            "education_years": pl.Series(edu_years),
            "retired_on": _date_col(retired_on, "retired_on"),
        }
    ).with_columns(
        term_start=pl.when(pl.lit(pl.Series(part))).then("term_start"),
        term_end=pl.when(pl.lit(pl.Series(part))).then("term_end"),
        consecutive_terms=pl.when(pl.lit(pl.Series(part))).then("consecutive_terms"),
        retired_on=pl.when(pl.lit(pl.Series(retiree))).then("retired_on"),
    )
    counts["inspectors"] = _write(folder, "inspectors", inspectors)

    # --- trainings: pre-job before appointment, two centralised sessions in the last complete year --------
    year_start, year_len = _days(dt.date(training_year, 1, 1)), (366 if training_year % 4 == 0 else 365)
    second = rng.choice(np.array([16.0, 24.0, 32.0]), n_insp)
    second[hours_bad] = 8.0
    idx = np.arange(n_insp)
    trainings = pl.DataFrame(
        {
            "inspector_id": pl.concat([insp_ids, insp_ids, insp_ids]),
            "date": _date_col(
                np.concatenate(
                    [
                        appointed - 10,
                        year_start + rng.integers(0, year_len, n_insp),
                        year_start + rng.integers(0, year_len, n_insp),
                    ]
                ),
                "date",
            ),
            "hours": pl.Series(np.concatenate([np.full(n_insp, 40.0), np.full(n_insp, 24.0), second])),
            "kind": pl.Series(["pre_job"] * n_insp + ["centralised"] * (2 * n_insp)),
            "order": pl.Series(np.concatenate([idx, idx, idx])),
        }
    ).sort("order", "date", maintain_order=True)
    trainings = trainings.with_columns(id=_ids("t", trainings.height, 7))
    counts["trainings"] = _write(folder, "trainings", trainings)

    # --- assignments -----------------------------------------------------------------------------------
    in_sch = sch.filter("in_scope")
    n_in = in_sch.height
    assign = in_sch.select(
        inspector_id=insp_ids.gather(in_sch.get_column("b")),
        school_id="id",
        start=_date_col(rng.integers(_days(dt.date(2020, 9, 1)), _days(dt.date(2023, 9, 2)), n_in), "start"),
        contact_posted=pl.lit(value=True),
    )
    contact_bad = _pick(rng, np.arange(n_in), violation_rate)
    assign = assign.with_row_index("k").with_columns(contact_posted=~pl.col("k").is_in(contact_bad))
    # zone.inspector_load: an inspector with a full block also takes the first school of the next block.
    bn = blocks.with_columns(next_county=pl.col("county").shift(-1), next_first=pl.col("first").shift(-1))
    load_pool = bn.filter((pl.col("size") == _LOAD_MAX) & (pl.col("next_county") == pl.col("county")))
    load_bad = _pick(rng, load_pool.get_column("b").to_numpy(), violation_rate)
    extra = load_pool.filter(pl.col("b").is_in(load_bad))
    extra_rows = pl.DataFrame(
        {
            "inspector_id": insp_ids.gather(extra.get_column("b")),
            "school_id": sch.get_column("id").gather(extra.get_column("next_first")),
            "start": _date_col(np.full(extra.height, _days(dt.date(2023, 9, 1))), "start"),
            "contact_posted": pl.Series([True] * extra.height),
        }
    )
    assign = pl.concat([assign.drop("k"), extra_rows], how="vertical_relaxed")
    assign = assign.with_columns(id=_ids("a", assign.height, 7))
    injected["inspector.public_contact"] = assign.get_column("id").gather(pl.Series(contact_bad)).to_list()
    injected["zone.inspector_load"] = ids_np[load_bad].tolist()
    counts["assignments"] = _write(folder, "assignments", assign)

    # --- visits: one a month over the twelve months up to as_of, by the school's inspector -------------
    first_month = dt.date(as_of.year, as_of.month, 1)
    month_starts = np.array(
        [_days(add_months(first_month, -k, policy=MonthEndPolicy.CLAMP)) for k in range(11, -1, -1)]
    )
    vis_school = np.repeat(np.arange(n_in), 12)
    vis_date = np.tile(month_starts, n_in) + rng.integers(0, 28, n_in * 12)
    vis_date = np.minimum(vis_date, today)
    visit_bad = _pick(rng, np.arange(n_in), violation_rate)
    in_sem = (vis_date >= _days(semester.start)) & (vis_date <= _days(semester.end))
    keep = ~(np.isin(vis_school, visit_bad) & in_sem)
    vis_school, vis_date = vis_school[keep], vis_date[keep]
    in_ids = in_sch.get_column("id")
    in_insp = insp_ids.gather(in_sch.get_column("b"))
    visits = pl.DataFrame(
        {
            "id": _ids("v", len(vis_school), 9),
            "inspector_id": in_insp.gather(pl.Series(vis_school)),
            "school_id": in_ids.gather(pl.Series(vis_school)),
            "date": _date_col(vis_date, "date"),
            "announcement": pl.Series(
                np.where(rng.random(len(vis_school)) < 0.2, "unannounced", "announced")
            ),
        }
    )
    injected["school.regular_visits"] = in_ids.gather(pl.Series(visit_bad)).to_list()
    counts["visits"] = _write(folder, "visits", visits)

    # --- supervisions: one comprehensive supervision per school in the cycle, and one per government ----
    lo, hi = _days(window.start), today - 100
    sup_start = rng.integers(lo, max(lo + 1, hi), n_in)
    cycle_bad = _pick(rng, np.arange(n_in), violation_rate)
    sup_start[cycle_bad] = lo - rng.integers(150, 400, len(cycle_bad))
    injected["school.comprehensive_cycle"] = in_ids.gather(pl.Series(cycle_bad)).to_list()
    sup_end = sup_start + rng.integers(0, 3, n_in)
    school_sup = pl.DataFrame(
        {
            "title": in_sch.get_column("name") + "综合督导",
            "function": pl.Series(["school"] * n_in),
            "type": pl.Series(["comprehensive"] * n_in),
            "body_id": in_sch.get_column("admin_body"),
            "subject_kind": pl.Series(["school"] * n_in),
            "subject_id": in_ids,
            "start": sup_start,
            "end": sup_end,
            "county": in_sch.get_column("county"),
        }
    )
    # Team: three consecutive inspectors of the county's own (non-responsibility) pool.
    ex_off = np.concatenate([[0], np.cumsum(extras_per_county)[:-1]]) + n_blocks
    cty = in_sch.get_column("county").to_numpy()
    r = (rng.random(n_in) * extras_per_county[cty]).astype(np.int64)
    team_idx = [ex_off[cty] + (r + j) % extras_per_county[cty] for j in range(3)]
    gov_rows: list[dict[str, Any]] = []
    gov_team: list[list[int]] = []
    upper_off = dict(
        zip(
            [d["id"] for d in upper_divs],
            np.concatenate([[0], np.cumsum(upper_sizes)[:-1]]) + n_blocks + int(extras_per_county.sum()),
            strict=True,
        )
    )
    upper_size = dict(zip([d["id"] for d in upper_divs], upper_sizes, strict=True))
    for d in tree.divisions:
        up = tree.parent[d["id"]]
        if d["id"] not in tree.in_scope or up is None:
            continue
        start = int(rng.integers(lo, hi))
        gov_rows.append(
            {
                "title": d["name"] + "履行教育职责督导",
                "function": "government",
                "type": "comprehensive",
                "body_id": f"{up}-body",
                "subject_kind": "organisation",
                "subject_id": f"{d['id']}-gov",
                "start": start,
                "end": start + 2,
                "county": -1,
            }
        )
        base, size = int(upper_off[up]), int(upper_size[up])
        k0 = int(rng.integers(0, size))
        gov_team.append([base + (k0 + j) % size for j in range(3)])
    gov_sup = pl.DataFrame(
        gov_rows,
        schema={
            "title": pl.Utf8,
            "function": pl.Utf8,
            "type": pl.Utf8,
            "body_id": pl.Utf8,
            "subject_kind": pl.Utf8,
            "subject_id": pl.Utf8,
            "start": pl.Int64,
            "end": pl.Int64,
            "county": pl.Int32,
        },
    )
    sups = pl.concat([school_sup.with_columns(pl.col("start", "end").cast(pl.Int64)), gov_sup])
    n_sup = sups.height
    sup_ids = _ids("sup", n_sup, 7)
    sups = (
        sups.with_columns(
            id=sup_ids,
            notice_on=_date_col(pl.col("start") - 7, "notice_on"),
            report_on=_date_col(pl.col("end") + 20, "report_on"),
            report_published=pl.lit(value=True),
            report_filed=pl.lit(value=True),
            feedback_on=_date_col(pl.col("end") + 10, "feedback_on"),
            feedback_itemised=pl.lit(value=True),
            feedback_meeting=pl.lit(value=False),
            announcement=pl.lit("announced"),
            channel=pl.lit("offline"),
            presence=pl.lit("visiting"),
            start_d=_date_col(pl.col("start"), "start"),
            end_d=_date_col(pl.col("end"), "end"),
        )
        .drop("start", "end")
        .rename({"start_d": "start", "end_d": "end"})
    )
    counts["supervisions"] = _write(folder, "supervisions", sups)
    gov_team_np = np.array(gov_team, dtype=np.int64).reshape(-1, 3)
    team_all = np.concatenate(
        [np.stack(team_idx, axis=1), gov_team_np], axis=0
    )  # one row of three per supervision
    team = pl.DataFrame(
        {
            "supervision_id": pl.Series(np.repeat(sup_ids.to_numpy(), 3)),
            "inspector_id": insp_ids.gather(pl.Series(team_all.reshape(-1))),
            "role": pl.Series(np.tile(np.array(["leader", "member", "member"]), n_sup)),
        }
    )
    counts["team_members"] = _write(folder, "team_members", team)

    # --- problems and their lifecycle: fed back, reported, verified, looked back at ---------------------
    has = rng.random(n_in) < 0.2
    n_prob_per = np.where(has, rng.integers(1, 3, n_in), 0)
    p_sup = np.repeat(np.arange(n_in), n_prob_per)
    found = sup_end[p_sup]
    n_prob = len(p_sup)
    prob_ids = _ids("p", n_prob, 7)
    problems = pl.DataFrame(
        {
            "id": prob_ids,
            "supervision_id": sup_ids.gather(pl.Series(p_sup)),
            "found_on": _date_col(found, "found_on"),
            "description": pl.Series(
                np.array(
                    ["课后服务管理不规范", "校舍维护台账不全", "作业管理制度落实不到位", "食堂管理制度不健全"]
                )[rng.integers(0, 4, n_prob)]
            ),
            "category": pl.Series(["general"] * n_prob),
            "competent_id": pl.Series(county_ids[cty[p_sup]]) + "-edu",
        }
    )
    counts["problems"] = _write(folder, "problems", problems)
    fed = found + rng.integers(1, 20, n_prob)
    deadline = found + 60 + rng.integers(0, 30, n_prob)
    reported = fed + rng.integers(20, 40, n_prob)
    verified = reported + rng.integers(3, 15, n_prob)
    look = verified + rng.integers(90, 300, n_prob)
    steps = [
        ("fed_back", fed, deadline),
        ("reported", reported, None),
        ("verified", verified, None),
        ("look_back", look, None),
    ]
    events = (
        pl.concat(
            [
                pl.DataFrame(
                    {
                        "problem_id": prob_ids,
                        "step": pl.Series([step] * n_prob),
                        "date": pl.Series(when, dtype=pl.Int64),
                        "deadline": pl.Series(dl if dl is not None else np.zeros(n_prob), dtype=pl.Int64),
                        "has_deadline": pl.Series([dl is not None] * n_prob),
                        "outcome": pl.Series(
                            ["sustained" if step == "look_back" else None] * n_prob, dtype=pl.Utf8
                        ),
                        "p": pl.Series(np.arange(n_prob)),
                        "s": pl.Series([i] * n_prob, dtype=pl.Int64),
                    }
                )
                for i, (step, when, dl) in enumerate(steps)
            ]
        )
        .filter(pl.col("date") <= today)
        .sort("p", "s")
    )
    events = events.with_columns(
        id=_ids("e", events.height, 8),
        date=_date_col(pl.col("date"), "date"),
        deadline=pl.when("has_deadline").then(_date_col(pl.col("deadline"), "deadline")),
        document_no=pl.when(pl.col("step") == "fed_back").then(
            pl.lit("督改〔") + pl.col("p").cast(pl.Utf8) + "〕"
        ),
    )
    counts["rectification_events"] = _write(folder, "rectification_events", events)
    for table in (
        "near_relatives",
        "assessments",
        "interviews",
        "circulars",
        "accountability_decisions",
        "commendations",
    ):
        counts[table] = _write(folder, table, pl.DataFrame())

    # --- datapackage.json and manifest.json ------------------------------------------------------------------
    root_name = next(d["name"] for d in tree.divisions if d["id"] == tree.root)
    info = DatasetInfo(
        name=f"{root_name} synthetic (seed {seed})",
        reference_date=as_of,
        root_division_id=tree.root,
        profile="national",
        description=f"edusupervision synth: {shape.schools} schools, scale {shape.root}, seed {seed}, "
        f"violation rate {violation_rate}",
    )
    (folder / "datapackage.json").write_text(
        json.dumps(datapackage_descriptor(info), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    violations = {rule: sorted(ids) for rule, ids in sorted(injected.items()) if ids}
    derived = {}
    if as_of >= _TARGET_2022:
        for rule, sources in DERIVED_RULES.items():
            if any(violations.get(s) for s in sources):
                derived[rule] = [tree.root]
    manifest: dict[str, Any] = {
        "generator": "edusupervision synth",
        "seed": seed,
        "scale": shape.root,
        "schools": shape.schools,
        "violation_rate": violation_rate,
        "as_of": as_of.isoformat(),
        "profile": "national",
        "root_division_id": tree.root,
        "injected_rules": list(INJECTED_RULES),
        "derived": sorted(derived),
        "violations": {**violations, **derived},
        "rows": counts,
    }
    (folder / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return manifest


def _prefecture_of(tree: _Tree, county_ids: NDArray[Any]) -> NDArray[Any]:
    """Return, per county, its prefecture, or the county itself under a municipality."""
    kinds = {d["id"]: d["kind"] for d in tree.divisions}
    return np.array(
        [p if (p := tree.parent[c]) is not None and _level_of(kinds[p]) == 2 else c for c in county_ids]
    )
