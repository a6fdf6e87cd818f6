"""Hypothesis strategies for edusupervision records and for whole, valid datasets.

Use them to property-test code that consumes datasets: readers, exporters, rules, reports. Every strategy
follows Hypothesis's API style: a plural noun returning a :class:`~hypothesis.strategies.SearchStrategy`,
keyword-only arguments with defaults, ``min_*``/``max_*`` for sizes, and
:class:`~hypothesis.errors.InvalidArgument` for impossible arguments (raised lazily, when the strategy is
first validated or drawn from, like Hypothesis's own strategies).

* One strategy per record type (:func:`divisions`, :func:`organisations`, … :func:`duty_evaluations`), each
  producing records that pass their validators. Arguments naming another table (``division_ids``,
  ``person_ids`` …) take a *strategy* for the ids to refer to; pass ``st.nothing()`` for an optional
  reference to leave it always empty.
* :func:`hierarchies`: a valid tree of divisions (one root, levels strictly increasing downwards).
* :func:`datasets`: whole :class:`~edusupervision.Dataset` objects whose every reference resolves.

Generated text mixes Chinese, full-width forms, other scripts and interior spaces or line feeds; optional
fields are often empty; dates default to :data:`MIN_DATE` … :data:`MAX_DATE` (1900-01-01 … 2200-12-31).
Text never has surrounding white space and never contains a carriage return; ids are ASCII letters, digits,
``-_.`` and Chinese characters (so in NFKC normal form, without white space or ``;``). That is what survives
the interchange format unchanged: it trims cells, splits lists at ``;``/``；``, reads ids NFKC-normalised,
and (as of this writing) writes a carriage return unquoted in CSV.

Examples
--------
>>> from hypothesis import given, strategies as st
>>> from edusupervision import Dataset
>>> from edusupervision.strategies import datasets, schools
>>> @given(datasets(max_schools=3))
... def test_every_dataset_has_one_root(ds: Dataset) -> None:
...     assert sum(d.parent_id is None for d in ds.divisions) == 1
>>> in_zhangdian = schools(division_ids=st.just("370303"), zone_ids=st.nothing())
>>> datasets(min_schools=3, max_schools=2).validate()
Traceback (most recent call last):
    ...
hypothesis.errors.InvalidArgument: min_schools=3 must not exceed max_schools=2

"""

from __future__ import annotations

import datetime as dt
import itertools
import string
from collections import defaultdict
from typing import TYPE_CHECKING, Final, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import DrawFn, SearchStrategy

from edusupervision._domain._dataset import Dataset, DatasetInfo
from edusupervision._domain._enums import (
    AccountabilityMeasure,
    AccountabilityTrigger,
    Announcement,
    AssessmentResult,
    Channel,
    CircularTrigger,
    CommendationKind,
    Degree,
    DivisionKind,
    Employment,
    EvaluationResult,
    InspectorKind,
    InterviewTrigger,
    Level,
    LiabilityKind,
    LifecycleStep,
    LookBackOutcome,
    MeetingKind,
    ObjectClass,
    OrgKind,
    Ownership,
    Position,
    Presence,
    ProblemCategory,
    ReportItem,
    SchoolStage,
    SubjectKind,
    SupervisionFunction,
    SupervisionType,
    TeamRole,
    TrainingKind,
    ZoneKind,
)
from edusupervision._domain._model import (
    AccountabilityDecision,
    Assessment,
    Assignment,
    Budget,
    Circular,
    Commendation,
    Committee,
    CommitteeMember,
    Division,
    DutyEvaluation,
    Inspector,
    Interview,
    Meeting,
    NearRelative,
    Organisation,
    Person,
    Problem,
    RectificationEvent,
    School,
    Supervision,
    TeamMember,
    Training,
    UpwardReport,
    Visit,
    Zone,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "MAX_DATE",
    "MIN_DATE",
    "accountability_decisions",
    "assessments",
    "assignments",
    "budgets",
    "circulars",
    "commendations",
    "committee_members",
    "committees",
    "dataset_infos",
    "datasets",
    "divisions",
    "duty_evaluations",
    "hierarchies",
    "inspectors",
    "interviews",
    "meetings",
    "near_relatives",
    "organisations",
    "persons",
    "problems",
    "rectification_events",
    "schools",
    "supervisions",
    "team_members",
    "trainings",
    "upward_reports",
    "visits",
    "zones",
]

T = TypeVar("T")
Subject = tuple[SubjectKind, str]
Ids = SearchStrategy[str]
Dates = SearchStrategy[dt.date]

#: Default lower bound of generated dates: extreme, but within what the format and the calendar handle.
MIN_DATE: Final = dt.date(1900, 1, 1)
#: Default upper bound of generated dates.
MAX_DATE: Final = dt.date(2200, 12, 31)

# --- building blocks (module-level strategies are immutable and built once) -----------------------------------------

_CJK: Final = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_FULL_WIDTH: Final = st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E)
_ANY_PRINTABLE: Final = st.characters(codec="utf-8", categories=("L", "M", "N", "P", "S", "Zs"))
_PUNCTUATION: Final = st.sampled_from("（）·、—“”《》〔〕：；，。 \u3000\n")
_TEXT_CHARS: Final = st.one_of(_CJK, _CJK, _FULL_WIDTH, _ANY_PRINTABLE, _PUNCTUATION)
# Ids are in NFKC normal form, as the reader makes them (``ＳＣＨ－００１`` is read as ``SCH-001``).
_ID_CHARS: Final = st.one_of(st.sampled_from(string.ascii_letters + string.digits + "-_."), _CJK)


def _trimmed(text: str) -> bool:
    return bool(text) and text == text.strip()


# Lists of characters joined, not st.text(): text() merges its alphabet into one set of code points, so the
# small sets (full-width forms, punctuation) would drown in the large ones.
_TEXTS: Final = st.lists(_TEXT_CHARS, min_size=1, max_size=8).map("".join).filter(_trimmed)
_ID_TEXTS: Final = st.lists(_ID_CHARS, min_size=1, max_size=6).map("".join)
_DATES: Final = st.dates(MIN_DATE, MAX_DATE)
_BOOLS: Final = st.booleans()
_OPT_BOOLS: Final = st.none() | st.booleans()
_NAME_SHAPES: Final = st.integers(0, 2)
_CODES: Final = st.integers(110000, 659999).map(str)
_COUNTS: Final = st.integers(min_value=0, max_value=100_000)
_SMALL: Final = st.integers(min_value=0, max_value=60)
_HOURS: Final = st.floats(min_value=0, max_value=1000, allow_nan=False, allow_infinity=False)
_AMOUNTS: Final = st.floats(min_value=0, max_value=1e12, allow_nan=False, allow_infinity=False)
_RELATIONS: Final = st.sampled_from(["配偶", "父母", "子女", "兄弟姐妹"]) | _TEXTS


def _name(draw: DrawFn, suffix: str) -> str:
    """Draw a name: some text + ``suffix`` (``青山`` + ``县``), free text, or the bare suffix."""
    shape = draw(_NAME_SHAPES)
    if shape == 0:
        return draw(_TEXTS) + suffix
    return draw(_TEXTS) if shape == 1 else suffix


def _opt(draw: DrawFn, strategy: SearchStrategy[T]) -> T | None:
    """Draw from ``strategy`` or return None (always None when ``strategy`` is empty); shrinks to None."""
    if strategy.is_empty or not draw(_BOOLS):
        return None
    return draw(strategy)


def _several(
    draw: DrawFn, elements: SearchStrategy[T], *, max_size: int, unique: bool = True
) -> tuple[T, ...]:
    """Draw up to ``max_size`` elements (duplicates dropped when ``unique``); empty when ``elements`` is."""
    if elements.is_empty:
        return ()
    items = [draw(elements) for _ in range(draw(st.integers(0, max_size)))]
    return tuple(dict.fromkeys(items)) if unique else tuple(items)


def _stem(draw: DrawFn, prefix: str) -> str:
    """Draw the stem of a table's ids: ``prefix`` (``sch-``), nothing (ids are numerals), or some id text."""
    shape = draw(_NAME_SHAPES)
    if shape == 0:
        return prefix
    return "" if shape == 1 else draw(_ID_TEXTS) + "-"


def _span(draw: DrawFn, dates: Dates) -> tuple[dt.date, dt.date]:
    first, second = draw(dates), draw(dates)
    return (first, second) if first <= second else (second, first)


# --- argument validation --------------------------------------------------------------------------------------------


def _check_strategies(**arguments: object) -> None:
    for name, value in arguments.items():
        if value is not None and not isinstance(value, SearchStrategy):
            msg = (
                f"{name}={value!r} must be a SearchStrategy or None; to pass one value, wrap it: "
                f"{name}=st.just({value!r})"
            )
            raise InvalidArgument(msg)


def _check_size(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"{name}={value!r} must be an integer"
        raise InvalidArgument(msg)
    if value < 0:
        msg = f"{name}={value!r} must not be negative"
        raise InvalidArgument(msg)
    return value


def _check_sizes(what: str, min_size: object, max_size: object, *, default: int) -> tuple[int, int]:
    """Validate ``min_<what>``/``max_<what>``; a ``None`` maximum becomes ``max(min, default)``."""
    low = _check_size(f"min_{what}", min_size)
    if max_size is None:
        return low, max(low, default)
    high = _check_size(f"max_{what}", max_size)
    if low > high:
        msg = f"min_{what}={low} must not exceed max_{what}={high}"
        raise InvalidArgument(msg)
    return low, high


def _check_date(name: str, value: object) -> dt.date:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        msg = f"{name}={value!r} must be a datetime.date (not a datetime)"
        raise InvalidArgument(msg)
    return value


def _ids_or(ids: Ids | None) -> Ids:
    return _ID_TEXTS if ids is None else ids


def _dates_or(dates: Dates | None) -> Dates:
    return _DATES if dates is None else dates


def _subjects_or(
    subjects: SearchStrategy[Subject] | None, kinds: Sequence[SubjectKind]
) -> SearchStrategy[Subject]:
    return st.tuples(st.sampled_from(kinds), _ID_TEXTS) if subjects is None else subjects


def _lazy(build: Callable[[], SearchStrategy[T]]) -> SearchStrategy[T]:
    """Defer ``build`` (which validates the arguments) to first use, as Hypothesis's own strategies do."""
    return st.deferred(build)


# --- enumerations ---------------------------------------------------------------------------------------------------

_PROVINCIAL_KINDS: Final = (DivisionKind.PROVINCE, DivisionKind.AUTONOMOUS_REGION, DivisionKind.MUNICIPALITY)
_PREFECTURE_KINDS: Final = (DivisionKind.PREFECTURE_CITY, DivisionKind.AUTONOMOUS_PREFECTURE)
_COUNTY_KINDS: Final = (
    DivisionKind.COUNTY,
    DivisionKind.AUTONOMOUS_COUNTY,
    DivisionKind.COUNTY_CITY,
    DivisionKind.DISTRICT,
    DivisionKind.FUNCTIONAL_ZONE,
)
_TOWNSHIP_KINDS: Final = (DivisionKind.TOWN, DivisionKind.TOWNSHIP, DivisionKind.SUBDISTRICT)
_OTHER_ORG_KINDS: Final = tuple(
    k
    for k in OrgKind
    if k not in (OrgKind.GOVERNMENT, OrgKind.MANAGEMENT_COMMITTEE, OrgKind.SUPERVISION_BODY)
)
_FUNCTIONS_FOR: Final = {
    SubjectKind.ORGANISATION: st.sampled_from(
        (SupervisionFunction.GOVERNMENT, SupervisionFunction.EVALUATION_MONITORING)
    ),
    SubjectKind.SCHOOL: st.sampled_from(
        (SupervisionFunction.SCHOOL, SupervisionFunction.EVALUATION_MONITORING)
    ),
}
_UNITS: Final = (SubjectKind.ORGANISATION, SubjectKind.SCHOOL)
_UNITS_AND_PERSONS: Final = (SubjectKind.ORGANISATION, SubjectKind.SCHOOL, SubjectKind.PERSON)
_PERSON_CLASSES: Final = st.sampled_from((ObjectClass.PERSON, ObjectClass.PRIVATE_SCHOOL_PERSON))

_DIVISION_KINDS: Final = st.sampled_from(DivisionKind)
_ZONE_KINDS: Final = st.sampled_from(ZoneKind)
_ORG_KINDS: Final = st.sampled_from(OrgKind)
_POSITIONS: Final = st.sampled_from(Position)
_MEETING_KINDS: Final = st.sampled_from(MeetingKind)
_REPORT_ITEMS: Final = st.sampled_from(ReportItem)
_STAGES: Final = st.sampled_from(SchoolStage)
_OWNERSHIPS: Final = st.sampled_from(Ownership)
_INSPECTOR_KINDS: Final = st.sampled_from(InspectorKind)
_EMPLOYMENTS: Final = st.sampled_from(Employment)
_DEGREES: Final = st.sampled_from(Degree)
_TRAINING_KINDS: Final = st.sampled_from(TrainingKind)
_ASSESSMENT_RESULTS: Final = st.sampled_from(AssessmentResult)
_ANNOUNCEMENTS: Final = st.sampled_from(Announcement)
_FUNCTIONS: Final = st.sampled_from(SupervisionFunction)
_SUPERVISION_TYPES: Final = st.sampled_from(SupervisionType)
_CHANNELS: Final = st.sampled_from(Channel)
_PRESENCES: Final = st.sampled_from(Presence)
_TEAM_ROLES: Final = st.sampled_from(TeamRole)
_CATEGORIES: Final = st.sampled_from(ProblemCategory)
_STEPS: Final = st.sampled_from(LifecycleStep)
_OUTCOMES: Final = st.sampled_from(LookBackOutcome)
_LIABILITIES: Final = st.sampled_from(LiabilityKind)
_INTERVIEW_TRIGGERS: Final = st.sampled_from(InterviewTrigger)
_CIRCULAR_TRIGGERS: Final = st.sampled_from(CircularTrigger)
_ACCOUNTABILITY_TRIGGERS: Final = st.sampled_from(AccountabilityTrigger)
_MEASURES: Final = st.sampled_from(AccountabilityMeasure)
_COMMENDATION_KINDS: Final = st.sampled_from(CommendationKind)
_EVALUATION_RESULTS: Final = st.sampled_from(EvaluationResult)

# --- one record: draw functions, shared by the record strategies and by datasets() ----------------------------------


def _division(draw: DrawFn, *, ids: Ids, parent_ids: Ids, kinds: SearchStrategy[DivisionKind]) -> Division:
    kind = draw(kinds)
    zone_kind = draw(_ZONE_KINDS) if kind is DivisionKind.FUNCTIONAL_ZONE else None
    return Division(
        id=draw(ids),
        name=_name(draw, zone_kind.zh if zone_kind is not None else kind.zh),
        kind=kind,
        parent_id=_opt(draw, parent_ids),
        code=_opt(draw, _CODES),
        zone_kind=zone_kind,
    )


def _organisation(
    draw: DrawFn, *, ids: Ids, division_ids: Ids, parent_ids: Ids, kinds: SearchStrategy[OrgKind]
) -> Organisation:
    kind = draw(kinds)
    return Organisation(
        id=draw(ids),
        name=_name(draw, kind.zh),
        kind=kind,
        division_id=draw(division_ids),
        parent_id=_opt(draw, parent_ids),
    )


def _person(draw: DrawFn, *, ids: Ids, organisation_ids: Ids, positions: SearchStrategy[Position]) -> Person:
    return Person(
        id=draw(ids),
        name=draw(_TEXTS),
        organisation_id=_opt(draw, organisation_ids),
        position=draw(positions),
    )


def _committee(
    draw: DrawFn, *, ids: Ids, government_ids: Ids, organisation_ids: Ids, person_ids: Ids, dates: Dates
) -> Committee:
    return Committee(
        id=draw(ids),
        name=_name(draw, "教育督导委员会"),
        government_id=draw(government_ids),
        office_host_id=_opt(draw, organisation_ids),
        director_id=_opt(draw, person_ids),
        deputy_ids=_several(draw, person_ids, max_size=3, unique=False),
        established_on=_opt(draw, dates),
    )


def _committee_member(
    draw: DrawFn, *, committee_ids: Ids, organisation_ids: Ids, person_ids: Ids
) -> CommitteeMember:
    return CommitteeMember(
        committee_id=draw(committee_ids),
        organisation_id=draw(organisation_ids),
        liaison_id=_opt(draw, person_ids),
    )


def _meeting(draw: DrawFn, *, ids: Ids, committee_ids: Ids, dates: Dates) -> Meeting:
    return Meeting(
        id=draw(ids), committee_id=draw(committee_ids), date=draw(dates), kind=draw(_MEETING_KINDS)
    )


def _budget(draw: DrawFn, *, government_ids: Ids, dates: Dates) -> Budget:
    return Budget(
        government_id=draw(government_ids),
        year=draw(dates).year,
        supervision_funding=draw(_BOOLS),
        amount=_opt(draw, _AMOUNTS),
    )


def _upward_report(
    draw: DrawFn, *, ids: Ids, body_ids: Ids, recipient_ids: Ids, dates: Dates
) -> UpwardReport:
    return UpwardReport(
        id=draw(ids),
        body_id=draw(body_ids),
        recipient_id=draw(recipient_ids),
        year=draw(dates).year,
        items=_several(draw, _REPORT_ITEMS, max_size=4),
        date=_opt(draw, dates),
    )


def _zone(draw: DrawFn, *, ids: Ids, division_ids: Ids, body_ids: Ids) -> Zone:
    return Zone(
        id=draw(ids), name=_name(draw, "责任区"), division_id=draw(division_ids), body_id=_opt(draw, body_ids)
    )


def _school(
    draw: DrawFn,
    *,
    ids: Ids,
    division_ids: Ids,
    township_ids: Ids,
    zone_ids: Ids,
    organisation_ids: Ids,
    person_ids: Ids,
    dates: Dates,
) -> School:
    stage = draw(_STAGES)
    start, end = _span(draw, dates)
    return School(
        id=draw(ids),
        name=_name(draw, stage.zh),
        stage=stage,
        ownership=draw(_OWNERSHIPS),
        division_id=draw(division_ids),
        township_id=_opt(draw, township_ids),
        zone_id=_opt(draw, zone_ids),
        administered_by=_opt(draw, organisation_ids),
        student_count=_opt(draw, _COUNTS),
        legal_person=draw(_OPT_BOOLS),
        head_id=_opt(draw, person_ids),
        head_term_start=start if draw(_BOOLS) else None,
        head_term_end=end if draw(_BOOLS) else None,
    )


def _inspector(
    draw: DrawFn, *, ids: Ids, organisation_ids: Ids, division_ids: Ids, person_ids: Ids, dates: Dates
) -> Inspector:
    appointed, dismissed = _span(draw, dates)
    term_start, term_end = _span(draw, dates)
    dismissed_on = dismissed if draw(_BOOLS) else None
    return Inspector(
        id=draw(ids),
        name=draw(_TEXTS),
        kind=draw(_INSPECTOR_KINDS),
        employment=draw(_EMPLOYMENTS),
        responsibility=draw(_BOOLS),
        appointed_by=draw(organisation_ids),
        division_id=draw(division_ids),
        appointed_on=appointed if draw(_BOOLS) else None,
        term_start=term_start if draw(_BOOLS) else None,
        term_end=term_end if draw(_BOOLS) else None,
        consecutive_terms=_opt(draw, _SMALL),
        degree=_opt(draw, _DEGREES),
        education_years=_opt(draw, _SMALL),
        retired_on=_opt(draw, dates),
        dismissed_on=dismissed_on,
        dismissal_announced=draw(_OPT_BOOLS) if dismissed_on is not None else None,
        person_id=_opt(draw, person_ids),
    )


def _near_relative(draw: DrawFn, *, inspector_ids: Ids, person_ids: Ids) -> NearRelative:
    return NearRelative(
        inspector_id=draw(inspector_ids), person_id=draw(person_ids), relation=_opt(draw, _RELATIONS)
    )


def _training(draw: DrawFn, *, ids: Ids, inspector_ids: Ids, dates: Dates) -> Training:
    return Training(
        id=draw(ids),
        inspector_id=draw(inspector_ids),
        date=draw(dates),
        hours=draw(_HOURS),
        kind=draw(_TRAINING_KINDS),
    )


def _assessment(draw: DrawFn, *, ids: Ids, inspector_ids: Ids, dates: Dates) -> Assessment:
    return Assessment(
        id=draw(ids),
        inspector_id=draw(inspector_ids),
        year=draw(dates).year,
        result=draw(_ASSESSMENT_RESULTS),
    )


def _assignment(draw: DrawFn, *, ids: Ids, inspector_ids: Ids, school_ids: Ids, dates: Dates) -> Assignment:
    start, end = _span(draw, dates)
    return Assignment(
        id=draw(ids),
        inspector_id=draw(inspector_ids),
        school_id=draw(school_ids),
        start=start if draw(_BOOLS) else None,
        end=end if draw(_BOOLS) else None,
        contact_posted=draw(_OPT_BOOLS),
    )


def _visit(draw: DrawFn, *, ids: Ids, inspector_ids: Ids, school_ids: Ids, dates: Dates) -> Visit:
    return Visit(
        id=draw(ids),
        inspector_id=draw(inspector_ids),
        school_id=draw(school_ids),
        date=draw(dates),
        announcement=draw(_ANNOUNCEMENTS),
    )


def _supervision(
    draw: DrawFn,
    *,
    ids: Ids,
    body_ids: Ids,
    subjects: SearchStrategy[Subject],
    organisation_ids: Ids,
    dates: Dates,
) -> Supervision:
    kind, subject = draw(subjects)
    start, end = _span(draw, dates)
    return Supervision(
        id=draw(ids),
        title=draw(_TEXTS) + "督导" if draw(_BOOLS) else None,
        function=draw(_FUNCTIONS_FOR.get(kind, _FUNCTIONS)),
        type=draw(_SUPERVISION_TYPES),
        body_id=draw(body_ids),
        subject_kind=kind,
        subject_id=subject,
        start=start,
        end=end if draw(_BOOLS) else None,
        announcement=draw(_ANNOUNCEMENTS),
        channel=draw(_CHANNELS),
        presence=draw(_PRESENCES),
        notice_on=_opt(draw, dates),
        report_on=_opt(draw, dates),
        report_published=draw(_OPT_BOOLS),
        report_filed=draw(_OPT_BOOLS),
        feedback_on=_opt(draw, dates),
        feedback_itemised=draw(_OPT_BOOLS),
        feedback_meeting=draw(_OPT_BOOLS),
        meeting_invitees=_several(draw, organisation_ids, max_size=3),
    )


def _team_member(draw: DrawFn, *, supervision_ids: Ids, inspector_ids: Ids) -> TeamMember:
    return TeamMember(
        supervision_id=draw(supervision_ids), inspector_id=draw(inspector_ids), role=draw(_TEAM_ROLES)
    )


def _problem(draw: DrawFn, *, ids: Ids, supervision_ids: Ids, organisation_ids: Ids, dates: Dates) -> Problem:
    referred_to = _opt(draw, organisation_ids)
    return Problem(
        id=draw(ids),
        supervision_id=draw(supervision_ids),
        found_on=draw(dates),
        description=draw(_TEXTS) if draw(_BOOLS) else "",
        category=draw(_CATEGORIES),
        competent_id=_opt(draw, organisation_ids),
        referred_to=referred_to,
        referred_on=_opt(draw, dates) if referred_to is not None else None,
    )


def _rectification_event(
    draw: DrawFn, *, ids: Ids, problem_ids: Ids, organisation_ids: Ids, dates: Dates
) -> RectificationEvent:
    step = draw(_STEPS)
    date, deadline = _span(draw, dates)
    failed = step is LifecycleStep.FAILED
    return RectificationEvent(
        id=draw(ids),
        problem_id=draw(problem_ids),
        step=step,
        date=date,
        deadline=deadline if step in (LifecycleStep.FED_BACK, LifecycleStep.URGED) and draw(_BOOLS) else None,
        outcome=_opt(draw, _OUTCOMES) if step is LifecycleStep.LOOK_BACK else None,
        liable_id=_opt(draw, organisation_ids) if failed else None,
        liability=_opt(draw, _LIABILITIES) if failed else None,
        published=draw(_OPT_BOOLS) if step is LifecycleStep.REPORTED else None,
        document_no=f"{draw(_TEXTS)}〔{date.year}〕{draw(_SMALL)}号" if draw(_BOOLS) else None,
    )


def _interview(
    draw: DrawFn,
    *,
    ids: Ids,
    body_ids: Ids,
    subjects: SearchStrategy[Subject],
    person_ids: Ids,
    problem_ids: Ids,
    organisation_ids: Ids,
    dates: Dates,
) -> Interview:
    kind, subject = draw(subjects)
    return Interview(
        id=draw(ids),
        date=draw(dates),
        body_id=draw(body_ids),
        subject_kind=kind,
        subject_id=subject,
        person_id=_opt(draw, person_ids),
        triggers=_several(draw, _INTERVIEW_TRIGGERS, max_size=3),
        problem_id=_opt(draw, problem_ids),
        record_filed=draw(_OPT_BOOLS),
        co_convened_with=_several(draw, organisation_ids, max_size=2),
    )


def _circular(
    draw: DrawFn,
    *,
    ids: Ids,
    body_ids: Ids,
    subjects: SearchStrategy[Subject],
    problem_ids: Ids,
    dates: Dates,
) -> Circular:
    kind, subject = draw(subjects)
    return Circular(
        id=draw(ids),
        date=draw(dates),
        body_id=draw(body_ids),
        subject_kind=kind,
        subject_id=subject,
        triggers=_several(draw, _CIRCULAR_TRIGGERS, max_size=2),
        problem_id=_opt(draw, problem_ids),
        names_leadership=draw(_BOOLS),
    )


def _accountability_decision(
    draw: DrawFn,
    *,
    ids: Ids,
    subjects: SearchStrategy[Subject],
    organisation_ids: Ids,
    supervision_ids: Ids,
    dates: Dates,
) -> AccountabilityDecision:
    kind, subject = draw(subjects)
    review_applied, review_decided = _span(draw, dates)
    appeal_applied, appeal_decided = _span(draw, dates)
    reviewed, appealed = draw(_BOOLS), draw(_BOOLS)
    return AccountabilityDecision(
        id=draw(ids),
        object_class=draw(_PERSON_CLASSES) if kind is SubjectKind.PERSON else ObjectClass.UNIT,
        subject_kind=kind,
        subject_id=subject,
        measure=draw(_MEASURES),
        decided_on=draw(dates),
        decided_by=_opt(draw, organisation_ids),
        supervision_id=_opt(draw, supervision_ids),
        triggers=_several(draw, _ACCOUNTABILITY_TRIGGERS, max_size=3),
        investigation_formed_on=_opt(draw, dates),
        published=draw(_OPT_BOOLS),
        review_applied_on=review_applied if reviewed else None,
        review_decided_on=review_decided if reviewed and draw(_BOOLS) else None,
        appeal_applied_on=appeal_applied if appealed else None,
        appeal_decided_on=appeal_decided if appealed and draw(_BOOLS) else None,
        corrected_on=_opt(draw, dates) if appealed else None,
    )


def _commendation(
    draw: DrawFn,
    *,
    ids: Ids,
    subjects: SearchStrategy[Subject],
    organisation_ids: Ids,
    evaluation_ids: Ids,
    dates: Dates,
) -> Commendation:
    kind, subject = draw(subjects)
    return Commendation(
        id=draw(ids),
        subject_kind=kind,
        subject_id=subject,
        kind=draw(_COMMENDATION_KINDS),
        date=draw(dates),
        granted_by=_opt(draw, organisation_ids),
        evaluation_id=_opt(draw, evaluation_ids),
    )


def _duty_evaluation(
    draw: DrawFn, *, ids: Ids, evaluator_ids: Ids, evaluatee_ids: Ids, dates: Dates
) -> DutyEvaluation:
    return DutyEvaluation(
        id=draw(ids),
        year=draw(dates).year,
        evaluator_id=draw(evaluator_ids),
        evaluatee_id=draw(evaluatee_ids),
        result=_opt(draw, _EVALUATION_RESULTS),
        date=_opt(draw, dates),
    )


def _dataset_info(draw: DrawFn, *, root_division_ids: Ids, dates: Dates) -> DatasetInfo:
    return DatasetInfo(
        name=draw(_TEXTS),
        reference_date=draw(dates),
        root_division_id=_opt(draw, root_division_ids),
        profile="national" if draw(_BOOLS) else None,
        description=_opt(draw, _TEXTS),
    )


# --- record strategies ----------------------------------------------------------------------------------------------


def divisions(
    *,
    ids: Ids | None = None,
    parent_ids: Ids | None = None,
    kinds: SearchStrategy[DivisionKind] | None = None,
) -> SearchStrategy[Division]:
    """Return a strategy for single :class:`~edusupervision.Division` records.

    Functional zones always carry a ``zone_kind``; ``parent_id`` is sometimes empty. For a whole valid
    tree, use :func:`hierarchies`.

    Parameters
    ----------
    ids, parent_ids:
        Strategies for the record's id and for its parent's id (default: generated ids).
    kinds:
        Strategy for the kind of division (default: any).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> zibo_zones = divisions(kinds=st.just(DivisionKind.FUNCTIONAL_ZONE), parent_ids=st.just("370300"))

    """

    def build() -> SearchStrategy[Division]:
        _check_strategies(ids=ids, parent_ids=parent_ids, kinds=kinds)
        return st.composite(_division)(
            ids=_ids_or(ids),
            parent_ids=_ids_or(parent_ids),
            kinds=_DIVISION_KINDS if kinds is None else kinds,
        )

    return _lazy(build)


def _node(draw: DrawFn, key: str, kind: DivisionKind, parent: str | None) -> Division:
    zone_kind = draw(_ZONE_KINDS) if kind is DivisionKind.FUNCTIONAL_ZONE else None
    return Division(
        id=key,
        name=_name(draw, zone_kind.zh if zone_kind is not None else kind.zh),
        kind=kind,
        parent_id=parent,
        code=_opt(draw, _CODES),
        zone_kind=zone_kind,
    )


def _hierarchy(
    draw: DrawFn, *, min_counties: int, max_counties: int, max_townships: int
) -> tuple[Division, ...]:
    stem = _stem(draw, "div-")
    out: list[Division] = []

    def grow(kind: DivisionKind, parent: str | None, quota: int) -> None:
        """Add a division of ``kind`` holding ``quota`` county-level divisions (itself included)."""
        key = f"{stem}{len(out) + 1}"
        out.append(_node(draw, key, kind, parent))
        level = kind.level
        if level is Level.COUNTY:
            for _ in range(draw(st.integers(0, max_townships))):
                out.append(_node(draw, f"{stem}{len(out) + 1}", draw(st.sampled_from(_TOWNSHIP_KINDS)), key))
            return
        if kind in (DivisionKind.MUNICIPALITY, *_PREFECTURE_KINDS):
            parts = [1] * quota  # counties sit directly under municipalities and prefectures
        else:
            cuts = sorted(draw(st.sets(st.integers(1, quota - 1), max_size=quota - 1))) if quota > 1 else []
            parts = [b - a for a, b in itertools.pairwise([0, *cuts, quota])] if quota else []
        for part in parts:
            if level is Level.NATIONAL:
                options: tuple[DivisionKind, ...] = _PROVINCIAL_KINDS
            elif level is Level.PROVINCIAL and kind is not DivisionKind.MUNICIPALITY:
                # 省直辖县级市: a county-level city directly under a province, when it is one county alone
                options = (*_PREFECTURE_KINDS, DivisionKind.COUNTY_CITY) if part == 1 else _PREFECTURE_KINDS
            else:
                options = _COUNTY_KINDS
            grow(draw(st.sampled_from(options)), key, part)

    quota = draw(st.integers(min_counties, max_counties))
    roots: tuple[DivisionKind, ...] = (DivisionKind.COUNTRY, *_PROVINCIAL_KINDS, *_PREFECTURE_KINDS)
    if quota == 1:
        roots += _COUNTY_KINDS
    grow(draw(st.sampled_from(roots)), None, quota)
    return tuple(out)


def hierarchies(
    *, min_counties: int = 1, max_counties: int | None = None, max_townships_per_county: int = 2
) -> SearchStrategy[tuple[Division, ...]]:
    """Return a strategy for valid division trees, root first and every parent before its children.

    The root is a country, a province-level division (province, autonomous region or municipality), a
    prefecture-level one or, with exactly one county, that county. Province-level municipalities have their
    counties directly below them; county-level functional zones carry their ``zone_kind``; a lone
    county-level city may sit directly under a province (省直辖县级市). Ids are unique.

    Parameters
    ----------
    min_counties, max_counties:
        How many county-level divisions the tree holds (``max_counties`` defaults to
        ``max(min_counties, 3)``).
    max_townships_per_county:
        At most this many towns, townships or subdistricts under each county-level division.

    Examples
    --------
    >>> two_counties = hierarchies(min_counties=2, max_counties=2, max_townships_per_county=0)
    >>> hierarchies(min_counties=-1).validate()
    Traceback (most recent call last):
        ...
    hypothesis.errors.InvalidArgument: min_counties=-1 must not be negative

    """

    def build() -> SearchStrategy[tuple[Division, ...]]:
        low, high = _check_sizes("counties", min_counties, max_counties, default=3)
        townships = _check_size("max_townships_per_county", max_townships_per_county)
        return st.composite(_hierarchy)(min_counties=low, max_counties=high, max_townships=townships)

    return _lazy(build)


def organisations(
    *,
    ids: Ids | None = None,
    division_ids: Ids | None = None,
    parent_ids: Ids | None = None,
    kinds: SearchStrategy[OrgKind] | None = None,
) -> SearchStrategy[Organisation]:
    """Return a strategy for :class:`~edusupervision.Organisation` records.

    Parameters
    ----------
    ids, division_ids, parent_ids:
        Strategies for the id, the division and the parent organisation (``parent_id`` is sometimes empty).
    kinds:
        Strategy for the kind of organisation (default: any).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> bodies = organisations(kinds=st.just(OrgKind.SUPERVISION_BODY), division_ids=st.just("370303"))

    """

    def build() -> SearchStrategy[Organisation]:
        _check_strategies(ids=ids, division_ids=division_ids, parent_ids=parent_ids, kinds=kinds)
        return st.composite(_organisation)(
            ids=_ids_or(ids),
            division_ids=_ids_or(division_ids),
            parent_ids=_ids_or(parent_ids),
            kinds=_ORG_KINDS if kinds is None else kinds,
        )

    return _lazy(build)


def persons(
    *,
    ids: Ids | None = None,
    organisation_ids: Ids | None = None,
    positions: SearchStrategy[Position] | None = None,
) -> SearchStrategy[Person]:
    """Return a strategy for :class:`~edusupervision.Person` records (the organisation is sometimes empty).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> heads = persons(positions=st.just(Position.SCHOOL_HEAD), organisation_ids=st.nothing())

    """

    def build() -> SearchStrategy[Person]:
        _check_strategies(ids=ids, organisation_ids=organisation_ids, positions=positions)
        return st.composite(_person)(
            ids=_ids_or(ids),
            organisation_ids=_ids_or(organisation_ids),
            positions=_POSITIONS if positions is None else positions,
        )

    return _lazy(build)


def committees(
    *,
    ids: Ids | None = None,
    government_ids: Ids | None = None,
    organisation_ids: Ids | None = None,
    person_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[Committee]:
    """Return a strategy for :class:`~edusupervision.Committee` records.

    ``organisation_ids`` feeds the office host, ``person_ids`` the director and the deputies (zero to three).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> zibo = committees(government_ids=st.just("org-zb-gov"), person_ids=st.sampled_from(["p1", "p2"]))

    """

    def build() -> SearchStrategy[Committee]:
        _check_strategies(
            ids=ids,
            government_ids=government_ids,
            organisation_ids=organisation_ids,
            person_ids=person_ids,
            dates=dates,
        )
        return st.composite(_committee)(
            ids=_ids_or(ids),
            government_ids=_ids_or(government_ids),
            organisation_ids=_ids_or(organisation_ids),
            person_ids=_ids_or(person_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def committee_members(
    *, committee_ids: Ids | None = None, organisation_ids: Ids | None = None, person_ids: Ids | None = None
) -> SearchStrategy[CommitteeMember]:
    """Return a strategy for :class:`~edusupervision.CommitteeMember` records (the liaison sometimes empty).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> members = committee_members(committee_ids=st.just("cmt-1"), person_ids=st.nothing())

    """

    def build() -> SearchStrategy[CommitteeMember]:
        _check_strategies(
            committee_ids=committee_ids, organisation_ids=organisation_ids, person_ids=person_ids
        )
        return st.composite(_committee_member)(
            committee_ids=_ids_or(committee_ids),
            organisation_ids=_ids_or(organisation_ids),
            person_ids=_ids_or(person_ids),
        )

    return _lazy(build)


def meetings(
    *, ids: Ids | None = None, committee_ids: Ids | None = None, dates: Dates | None = None
) -> SearchStrategy[Meeting]:
    """Return a strategy for :class:`~edusupervision.Meeting` records.

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> in_2024 = meetings(dates=st.dates(dt.date(2024, 1, 1), dt.date(2024, 12, 31)))

    """

    def build() -> SearchStrategy[Meeting]:
        _check_strategies(ids=ids, committee_ids=committee_ids, dates=dates)
        return st.composite(_meeting)(
            ids=_ids_or(ids), committee_ids=_ids_or(committee_ids), dates=_dates_or(dates)
        )

    return _lazy(build)


def budgets(*, government_ids: Ids | None = None, dates: Dates | None = None) -> SearchStrategy[Budget]:
    """Return a strategy for :class:`~edusupervision.Budget` records (the year is a drawn date's year).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> county_budgets = budgets(government_ids=st.just("org-qs-gov"))

    """

    def build() -> SearchStrategy[Budget]:
        _check_strategies(government_ids=government_ids, dates=dates)
        return st.composite(_budget)(government_ids=_ids_or(government_ids), dates=_dates_or(dates))

    return _lazy(build)


def upward_reports(
    *,
    ids: Ids | None = None,
    body_ids: Ids | None = None,
    recipient_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[UpwardReport]:
    """Return a strategy for :class:`~edusupervision.UpwardReport` records.

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> to_the_city = upward_reports(body_ids=st.just("org-qs-body"), recipient_ids=st.just("org-yz-body"))

    """

    def build() -> SearchStrategy[UpwardReport]:
        _check_strategies(ids=ids, body_ids=body_ids, recipient_ids=recipient_ids, dates=dates)
        return st.composite(_upward_report)(
            ids=_ids_or(ids),
            body_ids=_ids_or(body_ids),
            recipient_ids=_ids_or(recipient_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def zones(
    *, ids: Ids | None = None, division_ids: Ids | None = None, body_ids: Ids | None = None
) -> SearchStrategy[Zone]:
    """Return a strategy for :class:`~edusupervision.Zone` records (the body is sometimes empty).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> county_zones = zones(division_ids=st.just("div-qingshan"), body_ids=st.just("org-qs-body"))

    """

    def build() -> SearchStrategy[Zone]:
        _check_strategies(ids=ids, division_ids=division_ids, body_ids=body_ids)
        return st.composite(_zone)(
            ids=_ids_or(ids), division_ids=_ids_or(division_ids), body_ids=_ids_or(body_ids)
        )

    return _lazy(build)


def schools(
    *,
    ids: Ids | None = None,
    division_ids: Ids | None = None,
    township_ids: Ids | None = None,
    zone_ids: Ids | None = None,
    organisation_ids: Ids | None = None,
    person_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[School]:
    """Return a strategy for :class:`~edusupervision.School` records of every stage.

    Parameters
    ----------
    ids, division_ids:
        The school's id and its county-level division.
    township_ids, zone_ids, organisation_ids, person_ids:
        Township, responsibility zone, administering body and head; each sometimes empty (``st.nothing()``:
        always empty).
    dates:
        Dates of the head's term (the start never after the end; either sometimes empty).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> in_zhangdian = schools(division_ids=st.just("370303"), zone_ids=st.nothing())

    """

    def build() -> SearchStrategy[School]:
        _check_strategies(
            ids=ids,
            division_ids=division_ids,
            township_ids=township_ids,
            zone_ids=zone_ids,
            organisation_ids=organisation_ids,
            person_ids=person_ids,
            dates=dates,
        )
        return st.composite(_school)(
            ids=_ids_or(ids),
            division_ids=_ids_or(division_ids),
            township_ids=_ids_or(township_ids),
            zone_ids=_ids_or(zone_ids),
            organisation_ids=_ids_or(organisation_ids),
            person_ids=_ids_or(person_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def inspectors(
    *,
    ids: Ids | None = None,
    organisation_ids: Ids | None = None,
    division_ids: Ids | None = None,
    person_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[Inspector]:
    """Return a strategy for :class:`~edusupervision.Inspector` records of every rank.

    ``organisation_ids`` feeds the appointing body. Appointment comes before dismissal and a term's start
    before its end; optional fields are often empty.

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> county = inspectors(organisation_ids=st.just("org-qs-gov"), division_ids=st.just("div-qingshan"))

    """

    def build() -> SearchStrategy[Inspector]:
        _check_strategies(
            ids=ids,
            organisation_ids=organisation_ids,
            division_ids=division_ids,
            person_ids=person_ids,
            dates=dates,
        )
        return st.composite(_inspector)(
            ids=_ids_or(ids),
            organisation_ids=_ids_or(organisation_ids),
            division_ids=_ids_or(division_ids),
            person_ids=_ids_or(person_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def near_relatives(
    *, inspector_ids: Ids | None = None, person_ids: Ids | None = None
) -> SearchStrategy[NearRelative]:
    """Return a strategy for :class:`~edusupervision.NearRelative` records (the relation sometimes empty).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> spouses = near_relatives(inspector_ids=st.just("insp-06"), person_ids=st.just("p-head-040"))

    """

    def build() -> SearchStrategy[NearRelative]:
        _check_strategies(inspector_ids=inspector_ids, person_ids=person_ids)
        return st.composite(_near_relative)(
            inspector_ids=_ids_or(inspector_ids), person_ids=_ids_or(person_ids)
        )

    return _lazy(build)


def trainings(
    *, ids: Ids | None = None, inspector_ids: Ids | None = None, dates: Dates | None = None
) -> SearchStrategy[Training]:
    """Return a strategy for :class:`~edusupervision.Training` records (hours: finite, non-negative).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> of_one = trainings(inspector_ids=st.just("insp-07"))

    """

    def build() -> SearchStrategy[Training]:
        _check_strategies(ids=ids, inspector_ids=inspector_ids, dates=dates)
        return st.composite(_training)(
            ids=_ids_or(ids), inspector_ids=_ids_or(inspector_ids), dates=_dates_or(dates)
        )

    return _lazy(build)


def assessments(
    *, ids: Ids | None = None, inspector_ids: Ids | None = None, dates: Dates | None = None
) -> SearchStrategy[Assessment]:
    """Return a strategy for :class:`~edusupervision.Assessment` records (the year is a drawn date's year).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> of_one = assessments(inspector_ids=st.just("insp-15"))

    """

    def build() -> SearchStrategy[Assessment]:
        _check_strategies(ids=ids, inspector_ids=inspector_ids, dates=dates)
        return st.composite(_assessment)(
            ids=_ids_or(ids), inspector_ids=_ids_or(inspector_ids), dates=_dates_or(dates)
        )

    return _lazy(build)


def assignments(
    *,
    ids: Ids | None = None,
    inspector_ids: Ids | None = None,
    school_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[Assignment]:
    """Return a strategy for :class:`~edusupervision.Assignment` records (the start never after the end).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> of_one = assignments(inspector_ids=st.just("insp-01"), school_ids=st.sampled_from(["s1", "s2"]))

    """

    def build() -> SearchStrategy[Assignment]:
        _check_strategies(ids=ids, inspector_ids=inspector_ids, school_ids=school_ids, dates=dates)
        return st.composite(_assignment)(
            ids=_ids_or(ids),
            inspector_ids=_ids_or(inspector_ids),
            school_ids=_ids_or(school_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def visits(
    *,
    ids: Ids | None = None,
    inspector_ids: Ids | None = None,
    school_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[Visit]:
    """Return a strategy for :class:`~edusupervision.Visit` records, announced or unannounced.

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> to_one_school = visits(school_ids=st.just("sch-005"))

    """

    def build() -> SearchStrategy[Visit]:
        _check_strategies(ids=ids, inspector_ids=inspector_ids, school_ids=school_ids, dates=dates)
        return st.composite(_visit)(
            ids=_ids_or(ids),
            inspector_ids=_ids_or(inspector_ids),
            school_ids=_ids_or(school_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def supervisions(
    *,
    ids: Ids | None = None,
    body_ids: Ids | None = None,
    subjects: SearchStrategy[tuple[SubjectKind, str]] | None = None,
    organisation_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[Supervision]:
    """Return a strategy for :class:`~edusupervision.Supervision` records of every type.

    Parameters
    ----------
    ids, body_ids:
        The supervision's id and the supervision body conducting it.
    subjects:
        Strategy for ``(subject_kind, subject_id)`` pairs, so that the polymorphic reference matches its
        kind (default: an organisation or a school with a generated id). The function follows the kind:
        督政 or 评估监测 for organisations, 督学 or 评估监测 for schools.
    organisation_ids:
        Organisations invited to the feedback meeting (zero to three).
    dates:
        Dates (the start never after the end).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> of_schools = supervisions(subjects=st.tuples(st.just(SubjectKind.SCHOOL), st.sampled_from(["s1"])))

    """

    def build() -> SearchStrategy[Supervision]:
        _check_strategies(
            ids=ids, body_ids=body_ids, subjects=subjects, organisation_ids=organisation_ids, dates=dates
        )
        return st.composite(_supervision)(
            ids=_ids_or(ids),
            body_ids=_ids_or(body_ids),
            subjects=_subjects_or(subjects, _UNITS),
            organisation_ids=_ids_or(organisation_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def team_members(
    *, supervision_ids: Ids | None = None, inspector_ids: Ids | None = None
) -> SearchStrategy[TeamMember]:
    """Return a strategy for :class:`~edusupervision.TeamMember` records, leaders or members.

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> on_one = team_members(supervision_ids=st.just("sv-1"), inspector_ids=st.sampled_from(["i1", "i2"]))

    """

    def build() -> SearchStrategy[TeamMember]:
        _check_strategies(supervision_ids=supervision_ids, inspector_ids=inspector_ids)
        return st.composite(_team_member)(
            supervision_ids=_ids_or(supervision_ids), inspector_ids=_ids_or(inspector_ids)
        )

    return _lazy(build)


def problems(
    *,
    ids: Ids | None = None,
    supervision_ids: Ids | None = None,
    organisation_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[Problem]:
    """Return a strategy for :class:`~edusupervision.Problem` records (empty descriptions included).

    ``organisation_ids`` feeds the competent department and the authority referred to, each sometimes empty.

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> found_by_one = problems(supervision_ids=st.just("sv-g-xh-2024"), organisation_ids=st.nothing())

    """

    def build() -> SearchStrategy[Problem]:
        _check_strategies(
            ids=ids, supervision_ids=supervision_ids, organisation_ids=organisation_ids, dates=dates
        )
        return st.composite(_problem)(
            ids=_ids_or(ids),
            supervision_ids=_ids_or(supervision_ids),
            organisation_ids=_ids_or(organisation_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def rectification_events(
    *,
    ids: Ids | None = None,
    problem_ids: Ids | None = None,
    organisation_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[RectificationEvent]:
    """Return a strategy for :class:`~edusupervision.RectificationEvent` records of every step.

    Step-specific fields are filled only for their step (a deadline for feedback and urging, an outcome for
    look-backs, liability for failures, ``published`` for reports), and even then sometimes empty.

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> of_one = rectification_events(problem_ids=st.just("prb-03"), organisation_ids=st.just("org-qs-edu"))

    """

    def build() -> SearchStrategy[RectificationEvent]:
        _check_strategies(ids=ids, problem_ids=problem_ids, organisation_ids=organisation_ids, dates=dates)
        return st.composite(_rectification_event)(
            ids=_ids_or(ids),
            problem_ids=_ids_or(problem_ids),
            organisation_ids=_ids_or(organisation_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def interviews(
    *,
    ids: Ids | None = None,
    body_ids: Ids | None = None,
    subjects: SearchStrategy[tuple[SubjectKind, str]] | None = None,
    person_ids: Ids | None = None,
    problem_ids: Ids | None = None,
    organisation_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[Interview]:
    """Return a strategy for :class:`~edusupervision.Interview` (约谈) records.

    ``subjects`` draws ``(subject_kind, subject_id)`` pairs (default: an organisation or a school);
    ``organisation_ids`` feeds the co-conveners (zero to two).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> of_a_town = interviews(subjects=st.just((SubjectKind.ORGANISATION, "org-xh-gov")))

    """

    def build() -> SearchStrategy[Interview]:
        _check_strategies(
            ids=ids,
            body_ids=body_ids,
            subjects=subjects,
            person_ids=person_ids,
            problem_ids=problem_ids,
            organisation_ids=organisation_ids,
            dates=dates,
        )
        return st.composite(_interview)(
            ids=_ids_or(ids),
            body_ids=_ids_or(body_ids),
            subjects=_subjects_or(subjects, _UNITS),
            person_ids=_ids_or(person_ids),
            problem_ids=_ids_or(problem_ids),
            organisation_ids=_ids_or(organisation_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def circulars(
    *,
    ids: Ids | None = None,
    body_ids: Ids | None = None,
    subjects: SearchStrategy[tuple[SubjectKind, str]] | None = None,
    problem_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[Circular]:
    """Return a strategy for :class:`~edusupervision.Circular` (通报) records.

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> of_a_school = circulars(subjects=st.just((SubjectKind.SCHOOL, "sch-010")), problem_ids=st.nothing())

    """

    def build() -> SearchStrategy[Circular]:
        _check_strategies(ids=ids, body_ids=body_ids, subjects=subjects, problem_ids=problem_ids, dates=dates)
        return st.composite(_circular)(
            ids=_ids_or(ids),
            body_ids=_ids_or(body_ids),
            subjects=_subjects_or(subjects, _UNITS),
            problem_ids=_ids_or(problem_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def accountability_decisions(
    *,
    ids: Ids | None = None,
    subjects: SearchStrategy[tuple[SubjectKind, str]] | None = None,
    organisation_ids: Ids | None = None,
    supervision_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[AccountabilityDecision]:
    """Return a strategy for :class:`~edusupervision.AccountabilityDecision` (问责) records.

    The object class follows the subject kind (``unit`` for organisations and schools, ``person`` or
    ``private_school_person`` for persons); ``subjects`` defaults to any of those three kinds. Reviews and
    appeals are decided no earlier than applied for.

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> of_a_person = accountability_decisions(subjects=st.just((SubjectKind.PERSON, "p-xh-deputy")))

    """

    def build() -> SearchStrategy[AccountabilityDecision]:
        _check_strategies(
            ids=ids,
            subjects=subjects,
            organisation_ids=organisation_ids,
            supervision_ids=supervision_ids,
            dates=dates,
        )
        return st.composite(_accountability_decision)(
            ids=_ids_or(ids),
            subjects=_subjects_or(subjects, _UNITS_AND_PERSONS),
            organisation_ids=_ids_or(organisation_ids),
            supervision_ids=_ids_or(supervision_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def commendations(
    *,
    ids: Ids | None = None,
    subjects: SearchStrategy[tuple[SubjectKind, str]] | None = None,
    organisation_ids: Ids | None = None,
    evaluation_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[Commendation]:
    """Return a strategy for :class:`~edusupervision.Commendation` records.

    ``subjects`` defaults to an organisation, a school or a person; ``organisation_ids`` feeds the granting
    body and ``evaluation_ids`` the duty evaluation it rests on (each sometimes empty).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> of_a_town = commendations(subjects=st.just((SubjectKind.ORGANISATION, "org-dp-gov")))

    """

    def build() -> SearchStrategy[Commendation]:
        _check_strategies(
            ids=ids,
            subjects=subjects,
            organisation_ids=organisation_ids,
            evaluation_ids=evaluation_ids,
            dates=dates,
        )
        return st.composite(_commendation)(
            ids=_ids_or(ids),
            subjects=_subjects_or(subjects, _UNITS_AND_PERSONS),
            organisation_ids=_ids_or(organisation_ids),
            evaluation_ids=_ids_or(evaluation_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def duty_evaluations(
    *,
    ids: Ids | None = None,
    evaluator_ids: Ids | None = None,
    evaluatee_ids: Ids | None = None,
    dates: Dates | None = None,
) -> SearchStrategy[DutyEvaluation]:
    """Return a strategy for :class:`~edusupervision.DutyEvaluation` records (result and date sometimes empty).

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> of_a_town = duty_evaluations(evaluator_ids=st.just("org-qs-body"), evaluatee_ids=st.just("org-xh-gov"))

    """

    def build() -> SearchStrategy[DutyEvaluation]:
        _check_strategies(ids=ids, evaluator_ids=evaluator_ids, evaluatee_ids=evaluatee_ids, dates=dates)
        return st.composite(_duty_evaluation)(
            ids=_ids_or(ids),
            evaluator_ids=_ids_or(evaluator_ids),
            evaluatee_ids=_ids_or(evaluatee_ids),
            dates=_dates_or(dates),
        )

    return _lazy(build)


def dataset_infos(
    *, root_division_ids: Ids | None = None, dates: Dates | None = None
) -> SearchStrategy[DatasetInfo]:
    """Return a strategy for :class:`~edusupervision.DatasetInfo`, its reference date always set.

    Examples
    --------
    >>> from hypothesis import strategies as st
    >>> of_a_county = dataset_infos(root_division_ids=st.just("div-qingshan"))

    """

    def build() -> SearchStrategy[DatasetInfo]:
        _check_strategies(root_division_ids=root_division_ids, dates=dates)
        return st.composite(_dataset_info)(
            root_division_ids=_ids_or(root_division_ids), dates=_dates_or(dates)
        )

    return _lazy(build)


# --- whole datasets -------------------------------------------------------------------------------------------------


def _pool(items: Sequence[str]) -> Ids:
    """Return a strategy over ``items``; ``st.nothing()`` when empty, so optional references stay empty."""
    return st.sampled_from(items) if items else st.nothing()


class _Draft:
    """A dataset under construction: each step draws one group of tables against what exists already."""

    def __init__(self, draw: DrawFn, *, dates: Dates) -> None:
        self.draw = draw
        self.dates = dates
        self.tables: defaultdict[str, list[object]] = defaultdict(list)
        self.stems: dict[str, str] = {}
        self.gov_of: dict[str, str] = {}
        self.body_of: dict[str, str] = {}
        self.edu_of: dict[str, str] = {}
        self.townships_of: defaultdict[str, list[str]] = defaultdict(list)
        self.zones_of: defaultdict[str, list[str]] = defaultdict(list)
        self.divisions: tuple[Division, ...] = ()
        self.upper: list[str] = []
        self.counties: list[str] = []
        self.head_ids: list[str] = []

    # helpers

    def new_id(self, table: str, prefix: str) -> Ids:
        """Return a fresh id of ``table``: a stem drawn once per table and the table's running number."""
        if table not in self.stems:
            self.stems[table] = _stem(self.draw, prefix)
        return st.just(f"{self.stems[table]}{len(self.tables[table]) + 1}")

    def add(self, table: str, record: T) -> T:
        self.tables[table].append(record)
        return record

    def keys(self, table: str) -> list[str]:
        return [str(getattr(r, "id")) for r in self.tables[table]]  # noqa: B009 - records of any keyed table

    def pool(self, table: str) -> Ids:
        return _pool(self.keys(table))

    def pick(self, pool: Sequence[T], *, max_size: int) -> list[T]:
        """Draw up to ``max_size`` distinct items of ``pool`` (none when it is empty)."""
        if not pool or max_size == 0:
            return []
        indices = self.draw(st.lists(st.integers(0, len(pool) - 1), max_size=max_size, unique=True))
        return [pool[i] for i in indices]

    def times(self, high: int) -> range:
        return range(self.draw(st.integers(0, high)))

    def unit_subjects(self) -> list[Subject]:
        governments = [(SubjectKind.ORGANISATION, g) for g in self.gov_of.values()]
        return governments + [(SubjectKind.SCHOOL, s) for s in self.keys("schools")]

    def all_subjects(self) -> list[Subject]:
        return self.unit_subjects() + [(SubjectKind.PERSON, p) for p in self.keys("persons")]

    def links(self) -> list[tuple[str, str]]:
        """Return (division, division above) pairs where the lower has a government and the upper a body."""
        return [
            (d.id, d.parent_id)
            for d in self.divisions
            if d.parent_id is not None and d.id in self.gov_of and d.parent_id in self.body_of
        ]

    # steps, in dependency order

    def hierarchy(self, counties: tuple[int, int]) -> Division:
        self.divisions = _hierarchy(
            self.draw, min_counties=counties[0], max_counties=counties[1], max_townships=2
        )
        self.tables["divisions"].extend(self.divisions)
        self.upper = [d.id for d in self.divisions if d.kind.level is not Level.TOWNSHIP]
        self.counties = [d.id for d in self.divisions if d.kind.level is Level.COUNTY]
        for d in self.divisions:
            if d.kind.level is Level.TOWNSHIP and d.parent_id is not None:
                self.townships_of[d.parent_id].append(d.id)
        return self.divisions[0]

    def organisation(self, division: str, kinds: SearchStrategy[OrgKind], parent: str | None) -> str:
        record = _organisation(
            self.draw,
            ids=self.new_id("organisations", "org-"),
            division_ids=st.just(division),
            parent_ids=st.nothing() if parent is None else st.just(parent),
            kinds=kinds,
        )
        return self.add("organisations", record).id

    def organisations(self) -> None:
        """Draw a government (管委会 for zones) and a supervision body per division above township, and more."""
        zones = {d.id for d in self.divisions if d.kind is DivisionKind.FUNCTIONAL_ZONE}
        for d in self.upper:
            gov = self.organisation(
                d, st.just(OrgKind.MANAGEMENT_COMMITTEE if d in zones else OrgKind.GOVERNMENT), None
            )
            self.gov_of[d] = gov
            self.body_of[d] = self.organisation(d, st.just(OrgKind.SUPERVISION_BODY), gov)
            if self.draw(_BOOLS):
                self.edu_of[d] = self.organisation(d, st.just(OrgKind.EDUCATION_AUTHORITY), gov)
            if d in zones and self.draw(_BOOLS):
                self.organisation(d, st.just(OrgKind.PARTY_WORKING_COMMITTEE), None)
        for townships in self.townships_of.values():
            for township in self.pick(townships, max_size=len(townships)):
                self.gov_of[township] = self.organisation(township, st.just(OrgKind.GOVERNMENT), None)
        for d in self.pick(self.upper, max_size=3):
            self.organisation(d, st.sampled_from(_OTHER_ORG_KINDS), self.gov_of[d])

    def person(self, organisation_ids: Ids, positions: SearchStrategy[Position]) -> str:
        record = _person(
            self.draw,
            ids=self.new_id("persons", "p-"),
            organisation_ids=organisation_ids,
            positions=positions,
        )
        return self.add("persons", record).id

    def persons(self) -> None:
        """Draw some government leaders, some other people, and school heads (used by :meth:`schools`)."""
        leaders = st.sampled_from([Position.MAIN_LEADER, Position.LEADER_IN_CHARGE_OF_EDUCATION])
        for gov in self.pick(list(self.gov_of.values()), max_size=3):
            self.person(st.just(gov), leaders)
        for _ in self.times(3):
            self.person(self.pool("organisations"), _POSITIONS)
        self.head_ids = [self.person(st.nothing(), st.just(Position.SCHOOL_HEAD)) for _ in self.times(3)]

    def committees(self) -> None:
        """Draw committees of some governments, with member units, liaison officers and meetings."""
        organisations = [o for o in self.tables["organisations"] if isinstance(o, Organisation)]
        for d in self.pick(self.upper, max_size=2):
            local = [o.id for o in organisations if o.division_id == d]
            committee = _committee(
                self.draw,
                ids=self.new_id("committees", "cmt-"),
                government_ids=st.just(self.gov_of[d]),
                organisation_ids=_pool(local),
                person_ids=self.pool("persons"),
                dates=self.dates,
            )
            self.add("committees", committee)
            for unit in self.pick(local, max_size=3):
                member = _committee_member(
                    self.draw,
                    committee_ids=st.just(committee.id),
                    organisation_ids=st.just(unit),
                    person_ids=self.pool("persons"),
                )
                self.add("committee_members", member)
            for _ in self.times(2):
                meeting = _meeting(
                    self.draw,
                    ids=self.new_id("meetings", "mtg-"),
                    committee_ids=st.just(committee.id),
                    dates=self.dates,
                )
                self.add("meetings", meeting)

    def zones(self) -> None:
        for county in self.counties:
            for _ in self.times(2):
                zone = _zone(
                    self.draw,
                    ids=self.new_id("zones", "zone-"),
                    division_ids=st.just(county),
                    body_ids=st.just(self.body_of[county]),
                )
                self.zones_of[county].append(self.add("zones", zone).id)

    def schools(self, count: tuple[int, int]) -> None:
        if not self.counties:
            return
        for _ in range(self.draw(st.integers(*count))):
            county = self.draw(st.sampled_from(self.counties))
            head = self.head_ids.pop() if self.head_ids else None
            administering = [x for x in (self.edu_of.get(county), self.gov_of[county]) if x is not None]
            school = _school(
                self.draw,
                ids=self.new_id("schools", "sch-"),
                division_ids=st.just(county),
                township_ids=_pool(self.townships_of[county]),
                zone_ids=_pool(self.zones_of[county]),
                organisation_ids=_pool(administering),
                person_ids=st.nothing() if head is None else st.just(head),
                dates=self.dates,
            )
            self.add("schools", school)

    def inspectors(self, count: tuple[int, int]) -> None:
        """Draw inspectors appointed by a body or government, with their trainings and assessments."""
        for _ in range(self.draw(st.integers(*count))):
            d = self.draw(st.sampled_from(self.upper))
            inspector = _inspector(
                self.draw,
                ids=self.new_id("inspectors", "insp-"),
                organisation_ids=st.sampled_from([self.body_of[d], self.gov_of[d]]),
                division_ids=st.just(d),
                person_ids=self.pool("persons"),
                dates=self.dates,
            )
            self.add("inspectors", inspector)
            for _ in self.times(2):
                training = _training(
                    self.draw,
                    ids=self.new_id("trainings", "trn-"),
                    inspector_ids=st.just(inspector.id),
                    dates=self.dates,
                )
                self.add("trainings", training)
            for _ in self.times(1):
                assessment = _assessment(
                    self.draw,
                    ids=self.new_id("assessments", "asm-"),
                    inspector_ids=st.just(inspector.id),
                    dates=self.dates,
                )
                self.add("assessments", assessment)

    def assignments(self) -> None:
        """Draw assignments of inspectors to schools, visits under them, and near relatives of inspectors."""
        if not self.tables["inspectors"]:
            return
        school_ids = self.keys("schools")
        for school_id in self.pick(school_ids, max_size=len(school_ids)):
            assignment = _assignment(
                self.draw,
                ids=self.new_id("assignments", "asg-"),
                inspector_ids=self.pool("inspectors"),
                school_ids=st.just(school_id),
                dates=self.dates,
            )
            self.add("assignments", assignment)
            for _ in self.times(2):
                visit = _visit(
                    self.draw,
                    ids=self.new_id("visits", "vis-"),
                    inspector_ids=st.just(assignment.inspector_id),
                    school_ids=st.just(school_id),
                    dates=self.dates,
                )
                self.add("visits", visit)
        if self.tables["persons"]:
            for _ in self.times(1):
                relative = _near_relative(
                    self.draw, inspector_ids=self.pool("inspectors"), person_ids=self.pool("persons")
                )
                self.add("near_relatives", relative)

    def supervisions(self) -> None:
        """Draw supervisions with their teams, problems and rectification lifecycles."""
        bodies = st.sampled_from(list(self.body_of.values()))
        organisation_ids = self.pool("organisations")
        for _ in self.times(3):
            supervision = _supervision(
                self.draw,
                ids=self.new_id("supervisions", "sv-"),
                body_ids=bodies,
                subjects=st.sampled_from(self.unit_subjects()),
                organisation_ids=organisation_ids,
                dates=self.dates,
            )
            self.add("supervisions", supervision)
            for n, inspector_id in enumerate(self.pick(self.keys("inspectors"), max_size=4)):
                role = TeamRole.LEADER if n == 0 else TeamRole.MEMBER
                self.add(
                    "team_members",
                    TeamMember(supervision_id=supervision.id, inspector_id=inspector_id, role=role),
                )
            for _ in self.times(2):
                problem = _problem(
                    self.draw,
                    ids=self.new_id("problems", "prb-"),
                    supervision_ids=st.just(supervision.id),
                    organisation_ids=organisation_ids,
                    dates=self.dates,
                )
                self.add("problems", problem)
                for _ in self.times(3):
                    event = _rectification_event(
                        self.draw,
                        ids=self.new_id("rectification_events", "ev-"),
                        problem_ids=st.just(problem.id),
                        organisation_ids=organisation_ids,
                        dates=self.dates,
                    )
                    self.add("rectification_events", event)

    def upward(self) -> None:
        """Draw duty evaluations, budgets and upward reports, each between a division and the one above."""
        links = self.links()
        for lower, upper in self.pick(links, max_size=3):
            evaluation = _duty_evaluation(
                self.draw,
                ids=self.new_id("duty_evaluations", "eval-"),
                evaluator_ids=st.just(self.body_of[upper]),
                evaluatee_ids=st.just(self.gov_of[lower]),
                dates=self.dates,
            )
            self.add("duty_evaluations", evaluation)
        for gov in self.pick(list(self.gov_of.values()), max_size=3):
            self.add("budgets", _budget(self.draw, government_ids=st.just(gov), dates=self.dates))
        for lower, upper in self.pick([(d, p) for d, p in links if d in self.body_of], max_size=2):
            report = _upward_report(
                self.draw,
                ids=self.new_id("upward_reports", "rep-"),
                body_ids=st.just(self.body_of[lower]),
                recipient_ids=st.just(self.body_of[upper]),
                dates=self.dates,
            )
            self.add("upward_reports", report)

    def consequences(self) -> None:
        """Draw 约谈, 通报, 问责 and commendations about existing units, persons, problems and evaluations."""
        bodies = st.sampled_from(list(self.body_of.values()))
        units = st.sampled_from(self.unit_subjects())
        anyone = st.sampled_from(self.all_subjects())
        organisation_ids = self.pool("organisations")
        for _ in self.times(2):
            interview = _interview(
                self.draw,
                ids=self.new_id("interviews", "itv-"),
                body_ids=bodies,
                subjects=units,
                person_ids=self.pool("persons"),
                problem_ids=self.pool("problems"),
                organisation_ids=organisation_ids,
                dates=self.dates,
            )
            self.add("interviews", interview)
        for _ in self.times(2):
            circular = _circular(
                self.draw,
                ids=self.new_id("circulars", "ntc-"),
                body_ids=bodies,
                subjects=units,
                problem_ids=self.pool("problems"),
                dates=self.dates,
            )
            self.add("circulars", circular)
        for _ in self.times(2):
            decision = _accountability_decision(
                self.draw,
                ids=self.new_id("accountability_decisions", "acc-"),
                subjects=anyone,
                organisation_ids=organisation_ids,
                supervision_ids=self.pool("supervisions"),
                dates=self.dates,
            )
            self.add("accountability_decisions", decision)
        for _ in self.times(2):
            commendation = _commendation(
                self.draw,
                ids=self.new_id("commendations", "cmd-"),
                subjects=anyone,
                organisation_ids=organisation_ids,
                evaluation_ids=self.pool("duty_evaluations"),
                dates=self.dates,
            )
            self.add("commendations", commendation)


def _dataset(
    draw: DrawFn,
    *,
    schools_range: tuple[int, int],
    counties_range: tuple[int, int],
    inspectors_range: tuple[int, int],
    date_range: tuple[dt.date, dt.date],
) -> Dataset:
    draft = _Draft(draw, dates=st.dates(*date_range))
    root = draft.hierarchy(counties_range)
    draft.organisations()
    draft.persons()
    draft.committees()
    draft.zones()
    draft.schools(schools_range)
    draft.inspectors(inspectors_range)
    draft.assignments()
    draft.supervisions()
    draft.upward()
    draft.consequences()
    info = _dataset_info(
        draw, root_division_ids=st.sampled_from([root.id, *draft.counties]), dates=draft.dates
    )
    if info.root_division_id is None:
        info = DatasetInfo(
            name=info.name,
            reference_date=info.reference_date,
            root_division_id=root.id,
            profile=info.profile,
            description=info.description,
        )
    return Dataset(info=info, **draft.tables)  # type: ignore[arg-type] # every key is a table of its record type


def datasets(
    *,
    min_schools: int = 0,
    max_schools: int | None = None,
    min_counties: int = 1,
    max_counties: int | None = None,
    min_inspectors: int = 0,
    max_inspectors: int | None = None,
    min_date: dt.date = MIN_DATE,
    max_date: dt.date = MAX_DATE,
) -> SearchStrategy[Dataset]:
    """Return a strategy for whole, valid :class:`~edusupervision.Dataset` objects.

    Every reference resolves (a polymorphic one to a record of its kind), ids are unique per table, the
    divisions form a tree as :func:`hierarchies` draws it, schools sit in county-level divisions, and every
    division above township level has a government (a 管委会 for functional zones) and a supervision body.
    The reference date is always set; the root division id is the tree's root or one of its counties.
    Records are drawn in dependency order: hierarchy, organisations, persons, committees, zones, schools,
    inspectors and their records, supervisions with teams, problems and lifecycles, evaluations, budgets,
    upward reports, then 约谈, 通报, 问责 and commendations. Datasets are small by default, so a few hundred
    examples take seconds.

    Parameters
    ----------
    min_schools, max_schools:
        How many schools (``max_schools`` defaults to ``max(min_schools, 8)``). Schools need a county: with
        ``min_schools > 0`` at least one county is drawn.
    min_counties, max_counties:
        How many county-level divisions (``max_counties`` defaults to ``max(min_counties, 3)``).
    min_inspectors, max_inspectors:
        How many inspectors (``max_inspectors`` defaults to ``max(min_inspectors, 6)``).
    min_date, max_date:
        Bounds of every date in the dataset, the reference date included; years come from the same range.

    Raises
    ------
    hypothesis.errors.InvalidArgument
        When the strategy is first validated or drawn from: for negative or inverted sizes, bounds that are
        not :class:`datetime.date` or are inverted, or schools asked for with ``max_counties=0``.

    Examples
    --------
    >>> one_county = datasets(max_schools=3, max_counties=1)
    >>> datasets(min_schools=3, max_schools=2).validate()
    Traceback (most recent call last):
        ...
    hypothesis.errors.InvalidArgument: min_schools=3 must not exceed max_schools=2

    """

    def build() -> SearchStrategy[Dataset]:
        schools_range = _check_sizes("schools", min_schools, max_schools, default=8)
        low_counties, high_counties = _check_sizes("counties", min_counties, max_counties, default=3)
        inspectors_range = _check_sizes("inspectors", min_inspectors, max_inspectors, default=6)
        low_date, high_date = _check_date("min_date", min_date), _check_date("max_date", max_date)
        if low_date > high_date:
            msg = f"min_date={low_date} must not be after max_date={high_date}"
            raise InvalidArgument(msg)
        if schools_range[0] > 0:
            if high_counties == 0:
                msg = f"min_schools={schools_range[0]} needs a county to put schools in, but max_counties=0"
                raise InvalidArgument(msg)
            low_counties = max(low_counties, 1)
        return st.composite(_dataset)(
            schools_range=schools_range,
            counties_range=(low_counties, high_counties),
            inspectors_range=inspectors_range,
            date_range=(low_date, high_date),
        )

    return _lazy(build)
