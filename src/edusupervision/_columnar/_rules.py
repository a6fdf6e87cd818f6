"""The bulk rules as frame queries: one query per rule, one output row per subject the rule covers.

Each query returns the subject id, the outcome code, the responsible organisation, the subject's data row
and the evidence columns; :mod:`edusupervision._columnar._validate` builds findings for the non-compliant
rows only. The semantics are those of the object checks in :mod:`edusupervision._rules` (the equivalence is
a property test: ``tests/test_columnar_equivalence.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any, Final

import attrs
import polars as pl

from edusupervision._calendar import SchoolYear, rolling_window
from edusupervision._columnar._frames import ROW, Frames
from edusupervision._domain._enums import Degree, DivisionKind, InspectorKind, Level, OrgKind, SchoolStage
from edusupervision._rules._helpers import last_complete_year
from edusupervision._rules._schools import _month_starts, last_complete_semester

__all__ = ["BULK_RULES", "BulkRule", "Env"]

COMPLIANT, VIOLATION, UNDETERMINABLE = "compliant", "violation", "undeterminable"
_SCHOOL_STAGES: Final = [s.value for s in SchoolStage if s.is_school_or_kindergarten]
_COMPULSORY: Final = [s.value for s in SchoolStage if s.is_compulsory]
_INSPECTOR_KINDS: Final = [k.value for k in InspectorKind if k.is_inspector]
_COUNTY_KINDS: Final = [k.value for k in DivisionKind if k.level is Level.COUNTY]
_GOVERNMENT_KINDS: Final = [k.value for k in OrgKind if k.is_government]
_DEGREE_RANK: Final = {d.value: i for i, d in enumerate(Degree)}


@attrs.frozen(kw_only=True)
class Env:
    """What every query needs: the frames, the date, the jurisdiction, and who is responsible where."""

    frames: Frames
    as_of: dt.date
    scope: pl.Series
    """Ids of the divisions of the jurisdiction (root and descendants)."""
    responsible: pl.LazyFrame
    """``division_id`` → ``responsible`` (the division's supervision body, else its government)."""
    government: pl.LazyFrame
    """``division_id`` → ``government``."""


def _active(day: dt.date) -> pl.Expr:
    """Return ``Inspector.active_on(day)`` as an expression."""
    return (pl.col("appointed_on").is_null() | (pl.col("appointed_on") <= day)) & (
        pl.col("dismissed_on").is_null() | (pl.col("dismissed_on") > day)
    )


def _assignment_active(day: dt.date) -> pl.Expr:
    return (pl.col("start").is_null() | (pl.col("start") <= day)) & (
        pl.col("end").is_null() | (pl.col("end") >= day)
    )


def _in_scope(env: Env, column: str = "division_id") -> pl.Expr:
    return pl.col(column).is_in(env.scope.implode())


def _inspectors_in_scope(env: Env, day: dt.date) -> pl.LazyFrame:
    return env.frames["inspectors"].filter(
        _in_scope(env) & pl.col("kind").is_in(_INSPECTOR_KINDS) & _active(day)
    )


def _with_responsible(frame: pl.LazyFrame, env: Env, on: str) -> pl.LazyFrame:
    return frame.join(env.responsible, left_on=on, right_on="division_id", how="left", maintain_order="left")


def _schools_in_scope(env: Env) -> pl.LazyFrame:
    return env.frames["schools"].filter(_in_scope(env) & pl.col("stage").is_in(_SCHOOL_STAGES))


def _outcome(ok: pl.Expr) -> pl.Expr:
    return pl.when(ok).then(pl.lit(COMPLIANT)).otherwise(pl.lit(VIOLATION)).alias("outcome")


def _failed(*checks: tuple[str, pl.Expr]) -> pl.Expr:
    """Return the list of the names whose check fails, in order."""
    return pl.concat_list(
        [
            pl.when(bad).then(pl.lit([name])).otherwise(pl.lit([], dtype=pl.List(pl.String)))
            for name, bad in checks
        ]
    ).alias("failed")


# --- inspectors -----------------------------------------------------------------------------------------------


def _ratio(env: Env, p: Mapping[str, Any]) -> pl.LazyFrame:
    ratio, counts = int(p["R"]), str(p["counts"])
    counties = env.frames["divisions"].filter(_in_scope(env, "id") & pl.col("kind").is_in(_COUNTY_KINDS))
    schools = (
        env.frames["schools"]
        .filter(pl.col("stage").is_in(_SCHOOL_STAGES))
        .group_by("division_id")
        .agg(n=pl.len())
    )
    inspectors = _inspectors_in_scope(env, env.as_of)
    if counts == "full_time":
        inspectors = inspectors.filter(pl.col("employment") == "full_time")
    elif counts == "responsibility":
        inspectors = inspectors.filter(pl.col("responsibility"))
    counted = inspectors.group_by("division_id").agg(k=pl.len())
    return (
        counties.select("id", ROW)
        .join(schools, left_on="id", right_on="division_id", how="left")
        .join(counted, left_on="id", right_on="division_id", how="left")
        .join(env.government, left_on="id", right_on="division_id", how="left")
        .select(
            subject=pl.col("id"),
            responsible=pl.col("government"),
            row=pl.col(ROW),
            schools=pl.col("n").fill_null(0),
            inspectors=pl.col("k").fill_null(0),
        )
        .with_columns(required=(pl.col("schools") + ratio - 1) // ratio)
        .with_columns(
            _outcome(pl.col("inspectors") >= pl.col("required")),
            R=pl.lit(ratio),
            counts=pl.lit(counts),
            shortfall=pl.max_horizontal(pl.lit(0), pl.col("required") - pl.col("inspectors")),
        )
    )


def _training_hours(env: Env, p: Mapping[str, Any]) -> pl.LazyFrame:
    year = last_complete_year(env.as_of)
    hours = (
        env.frames["trainings"]
        .filter((pl.col("kind") == "centralised") & (pl.col("date").dt.year() == year))
        .group_by("inspector_id")
        .agg(h=pl.col("hours").sum())
    )
    required = p["H"]
    return (
        _inspectors_in_scope(env, dt.date(year, 12, 31))
        .join(hours, left_on="id", right_on="inspector_id", how="left", maintain_order="left")
        .select(
            subject=pl.col("id"),
            responsible=pl.col("appointed_by"),
            row=pl.col(ROW),
            year=pl.lit(year),
            hours=pl.col("h").fill_null(0.0),
            required=pl.lit(required),
        )
        .with_columns(_outcome(pl.col("hours") >= required))
    )


def _qualification(env: Env, p: Mapping[str, Any]) -> pl.LazyFrame:
    minimum = Degree.parse(p["degree"])
    years = p["years"]
    rank = pl.col("degree").replace_strict(_DEGREE_RANK, default=None, return_dtype=pl.Int64)
    missing = pl.col("degree").is_null() | pl.col("education_years").is_null()
    return (
        _inspectors_in_scope(env, env.as_of)
        .select(
            subject=pl.col("id"),
            responsible=pl.col("appointed_by"),
            row=pl.col(ROW),
            degree=pl.col("degree"),
            education_years=pl.col("education_years"),
            required_degree=pl.lit(minimum.value),
            required_years=pl.lit(years),
            failed=_failed(
                ("degree", rank < _DEGREE_RANK[minimum.value]), ("years", pl.col("education_years") < years)
            ),
            missing=pl.concat_list(
                pl.when(pl.col(c).is_null())
                .then(pl.lit([f"inspectors.{c}"]))
                .otherwise(pl.lit([], pl.List(pl.String)))
                for c in ("degree", "education_years")
            ),
            undeterminable=missing,
        )
        .with_columns(
            outcome=pl.when("undeterminable")
            .then(pl.lit(UNDETERMINABLE))
            .when(pl.col("failed").list.len() > 0)
            .then(pl.lit(VIOLATION))
            .otherwise(pl.lit(COMPLIANT))
        )
    )


def _part_time_term(env: Env, p: Mapping[str, Any]) -> pl.LazyFrame:
    term, max_terms = int(p["term"]), p["max_consecutive"]
    fields = ("term_start", "term_end", "consecutive_terms")
    longest = pl.col("term_start").dt.offset_by(f"{term}y")
    return (
        _inspectors_in_scope(env, env.as_of)
        .filter(pl.col("employment") == "part_time")
        .select(
            subject=pl.col("id"),
            responsible=pl.col("appointed_by"),
            row=pl.col(ROW),
            term_start=pl.col("term_start"),
            term_end=pl.col("term_end"),
            consecutive_terms=pl.col("consecutive_terms"),
            term_years=pl.lit(term),
            max_consecutive=pl.lit(max_terms),
            failed=_failed(
                ("term_too_long", pl.col("term_end") > longest),
                ("too_many_terms", pl.col("consecutive_terms").fill_null(0) > max_terms),
            ),
            missing=pl.concat_list(
                pl.when(pl.col(c).is_null())
                .then(pl.lit([f"inspectors.{c}"]))
                .otherwise(pl.lit([], pl.List(pl.String)))
                for c in fields
            ),
        )
        .with_columns(
            outcome=pl.when(pl.col("missing").list.len() > 0)
            .then(pl.lit(UNDETERMINABLE))
            .when(pl.col("failed").list.len() > 0)
            .then(pl.lit(VIOLATION))
            .otherwise(pl.lit(COMPLIANT))
        )
    )


def _public_contact(env: Env, _p: Mapping[str, Any]) -> pl.LazyFrame:
    schools = env.frames["schools"].select(school_id="id", division_id="division_id", school="name")
    return _with_responsible(
        env.frames["assignments"]
        .filter(_assignment_active(env.as_of))
        .join(schools, on="school_id", how="inner", maintain_order="left")
        .filter(_in_scope(env)),
        env,
        "division_id",
    ).select(
        subject=pl.col("id"),
        responsible=pl.col("responsible"),
        row=pl.col(ROW),
        school=pl.col("school"),
        inspector=pl.col("inspector_id"),
        outcome=pl.when(pl.col("contact_posted").is_null())
        .then(pl.lit(UNDETERMINABLE))
        .when(pl.col("contact_posted"))
        .then(pl.lit(COMPLIANT))
        .otherwise(pl.lit(VIOLATION)),
        missing=pl.when(pl.col("contact_posted").is_null())
        .then(pl.lit(["assignments.contact_posted"]))
        .otherwise(pl.lit([], pl.List(pl.String))),
    )


# --- zones and schools ----------------------------------------------------------------------------------------


def _coverage(env: Env, _p: Mapping[str, Any]) -> pl.LazyFrame:
    responsible = env.frames["inspectors"].filter(pl.col("responsibility") & _active(env.as_of)).select("id")
    covering = (
        env.frames["assignments"]
        .filter(_assignment_active(env.as_of))
        .join(responsible, left_on="inspector_id", right_on="id", how="semi")
        .group_by("school_id")
        .agg(inspectors=pl.col("inspector_id").unique().sort())
    )
    return (
        _with_responsible(_schools_in_scope(env), env, "division_id")
        .join(covering, left_on="id", right_on="school_id", how="left", maintain_order="left")
        .select(
            subject=pl.col("id"),
            responsible=pl.col("responsible"),
            row=pl.col(ROW),
            zone=pl.col("zone_id"),
            inspectors=pl.col("inspectors").fill_null(pl.lit([], pl.List(pl.String))),
        )
        .with_columns(
            _failed(
                ("no_zone", pl.col("zone").is_null()), ("no_inspector", pl.col("inspectors").list.len() == 0)
            )
        )
        .with_columns(_outcome(pl.col("failed").list.len() == 0))
    )


def _zone_size(env: Env, p: Mapping[str, Any]) -> pl.LazyFrame:
    maximum = p["max"]
    members = (
        env.frames["schools"].filter(pl.col("zone_id").is_not_null()).group_by("zone_id").agg(n=pl.len())
    )
    return (
        _with_responsible(env.frames["zones"].filter(_in_scope(env)), env, "division_id")
        .join(members, left_on="id", right_on="zone_id", how="left", maintain_order="left")
        .select(
            subject=pl.col("id"),
            responsible=pl.col("responsible"),
            row=pl.col(ROW),
            schools=pl.col("n").fill_null(0),
            max=pl.lit(maximum),
        )
        .with_columns(_outcome(pl.col("schools") <= maximum))
    )


def _inspector_load(env: Env, p: Mapping[str, Any]) -> pl.LazyFrame:
    limit = p["L"]
    load = (
        env.frames["assignments"]
        .filter(_assignment_active(env.as_of))
        .group_by("inspector_id")
        .agg(n=pl.col("school_id").n_unique())
    )
    return (
        _with_responsible(
            env.frames["inspectors"].filter(_in_scope(env) & pl.col("responsibility") & _active(env.as_of)),
            env,
            "division_id",
        )
        .join(load, left_on="id", right_on="inspector_id", how="left", maintain_order="left")
        .select(
            subject=pl.col("id"),
            responsible=pl.col("responsible"),
            row=pl.col(ROW),
            schools=pl.col("n").fill_null(0),
            max=pl.lit(limit),
        )
        .with_columns(_outcome(pl.col("schools") <= limit))
    )


def _regular_visits(env: Env, p: Mapping[str, Any]) -> pl.LazyFrame:
    semester = last_complete_semester(env.as_of)
    per_semester: int | None = p["per_semester"]
    per_month: int | None = p["per_month"]
    visits = env.frames["visits"].filter(pl.col("date") <= env.as_of)
    frame = _with_responsible(_schools_in_scope(env), env, "division_id").select(
        "id", "stage", ROW, "responsible"
    )
    checks: list[tuple[str, pl.Expr]] = []
    columns: list[pl.Expr] = [pl.lit(semester.label).alias("semester")]
    if per_semester is not None:
        counted = (
            visits.filter(pl.col("date").is_between(semester.start, semester.end))
            .group_by("school_id")
            .agg(visits=pl.len())
        )
        frame = frame.join(counted, left_on="id", right_on="school_id", how="left", maintain_order="left")
        columns += [pl.col("visits").fill_null(0).alias("visits"), pl.lit(per_semester).alias("per_semester")]
        checks.append(("per_semester", pl.col("visits").fill_null(0) < per_semester))
    if per_month is not None:
        months = _month_starts(env.as_of, tuple(p["teaching_months"])) if per_month else []
        labels = [f"{m.year}-{m.month:02d}" for m in months]
        monthly = (
            visits.with_columns(month=pl.col("date").dt.strftime("%Y-%m"))
            .filter(pl.col("month").is_in(labels))
            .group_by("school_id", "month")
            .agg(n=pl.len())
            .filter(pl.col("n") >= per_month)
            .group_by("school_id")
            .agg(ok=pl.col("month"))
        )
        applies = pl.col("stage").is_in(_COMPULSORY) if p["per_month_compulsory_only"] else pl.lit(value=True)
        frame = frame.join(monthly, left_on="id", right_on="school_id", how="left", maintain_order="left")
        short = pl.lit(labels, dtype=pl.List(pl.String)).list.set_difference(
            pl.col("ok").fill_null(pl.lit([], pl.List(pl.String)))
        )
        # set_difference does not keep order: re-sort (the labels sort chronologically).
        columns += [
            pl.when(applies).then(short.list.sort()).alias("months_short"),
            pl.when(applies).then(pl.lit(per_month)).alias("per_month"),
        ]
        checks.append(("per_month", applies & (short.list.len() > 0)))
    return frame.select(
        pl.col("id").alias("subject"),
        pl.col("responsible"),
        pl.col(ROW).alias("row"),
        *columns,
        failed=_failed(*checks) if checks else pl.lit([], pl.List(pl.String)),
    ).with_columns(_outcome(pl.col("failed").list.len() == 0))


def _comprehensive_cycle(env: Env, p: Mapping[str, Any]) -> pl.LazyFrame:
    if p["per_school_year"]:
        school_year = SchoolYear.of(env.as_of)
        if env.as_of != school_year.end:
            school_year = school_year.previous()
        start, end, label = school_year.start, school_year.end, school_year.label
    else:
        window = rolling_window(env.as_of, years=p["years"])
        start, end, label = window.start, window.end, f"{window.start}/{window.end}"
    sups = (
        env.frames["supervisions"]
        .filter(
            (pl.col("subject_kind") == "school")
            & (pl.col("start") <= env.as_of)
            & pl.col("type").is_in(["comprehensive", "term_end"])
        )
        .group_by("subject_id")
        .agg(last=pl.col("start").max(), inside=pl.col("start").is_between(start, end).any())
    )
    authorities = env.frames["organisations"].select(administered_by="id", authority_division="division_id")
    return (
        _schools_in_scope(env)
        .join(authorities, on="administered_by", how="left", maintain_order="left")
        .with_columns(body_division=pl.coalesce("authority_division", "division_id"))
        .pipe(_with_responsible, env, "body_division")
        .join(sups, left_on="id", right_on="subject_id", how="left", maintain_order="left")
        .select(
            subject=pl.col("id"),
            responsible=pl.col("responsible"),
            row=pl.col(ROW),
            last_comprehensive=pl.col("last"),
            window=pl.lit(label),
            outcome=pl.when(pl.col("inside").fill_null(value=False))
            .then(pl.lit(COMPLIANT))
            .otherwise(pl.lit(VIOLATION)),
        )
    )


@attrs.frozen(kw_only=True)
class BulkRule:
    """A rule evaluated by a frame query: the query, the subject's kind and table, and its evidence columns."""

    query: Callable[[Env, Mapping[str, Any]], pl.LazyFrame]
    kind: str
    table: str
    evidence: tuple[str, ...]
    optional: tuple[str, ...] = ()
    """Evidence columns left out of a finding when null (the object check adds them only where they apply)."""


BULK_RULES: Final[Mapping[str, BulkRule]] = {
    "inspector.ratio": BulkRule(
        query=_ratio,
        kind="division",
        table="divisions",
        evidence=("schools", "inspectors", "required", "R", "counts", "shortfall"),
    ),
    "inspector.training_hours": BulkRule(
        query=_training_hours, kind="inspector", table="inspectors", evidence=("year", "hours", "required")
    ),
    "inspector.qualification": BulkRule(
        query=_qualification,
        kind="inspector",
        table="inspectors",
        evidence=("degree", "education_years", "required_degree", "required_years", "failed"),
    ),
    "inspector.part_time_term": BulkRule(
        query=_part_time_term,
        kind="inspector",
        table="inspectors",
        evidence=("term_start", "term_end", "consecutive_terms", "term_years", "max_consecutive", "failed"),
    ),
    "inspector.public_contact": BulkRule(
        query=_public_contact, kind="assignment", table="assignments", evidence=("school", "inspector")
    ),
    "zone.coverage": BulkRule(
        query=_coverage, kind="school", table="schools", evidence=("zone", "inspectors", "failed")
    ),
    "zone.size": BulkRule(query=_zone_size, kind="zone", table="zones", evidence=("schools", "max")),
    "zone.inspector_load": BulkRule(
        query=_inspector_load, kind="inspector", table="inspectors", evidence=("schools", "max")
    ),
    "school.regular_visits": BulkRule(
        query=_regular_visits,
        kind="school",
        table="schools",
        evidence=("semester", "visits", "per_semester", "months_short", "per_month", "failed"),
        optional=("months_short", "per_month"),
    ),
    "school.comprehensive_cycle": BulkRule(
        query=_comprehensive_cycle,
        kind="school",
        table="schools",
        evidence=("last_comprehensive", "window"),
    ),
}
