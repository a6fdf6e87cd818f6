"""Rules on the conduct of a supervision, rectification and follow-up, and consequences (约谈, 通报, 问责, 激励).

RULEBOOK sections "Conduct of a supervision (实施)", "Rectification and follow-up (整改, 督办, 复查)" and
"Consequences: 约谈, 通报, 问责, 激励".

Each rule is checked through ``validate(..., rules=[rule_id])`` under a profile where it applies: a compliant
case, a violating case asserting the specific finding (subject, outcome, severity, responsible unit, evidence,
citation), the undeterminable case where one exists, and the boundaries (due dates, windows, day counts).
Cases are built by evolving the bundled sample (青山县 as of 2024-12-31).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from edusupervision import (
    AccountabilityDecision,
    AccountabilityMeasure,
    AccountabilityTrigger,
    Announcement,
    Dataset,
    DutyEvaluation,
    EvaluationResult,
    Finding,
    InterviewTrigger,
    LiabilityKind,
    LifecycleStep,
    LookBackOutcome,
    ObjectClass,
    Person,
    Position,
    ProblemCategory,
    RectificationEvent,
    SubjectKind,
    sample_dataset,
)
from edusupervision._rules._followup import CONDUCT, CONSEQUENCES, RECTIFICATION
from edusupervision.profiles import get_profile, override, resolve
from rule_checks import assert_no_finding, cited, counts, evolve, replace, responsible, run, the_finding

D = dt.date
AS_OF = D(2024, 12, 31)
SAMPLE = sample_dataset()
BODY = "org-qs-body"  # 青山县人民政府教育督导室, the body of every supervision of problems prb-01…prb-09
OFFICE = "org-qs-edu"  # hosts the office of the county's committee (cmt-qs)


# --- helpers --------------------------------------------------------------------------------------------------------


def head(finding: Finding) -> tuple[str, str, str]:
    return (finding.subject.kind, finding.outcome.value, finding.severity.value)


def sup(sid: str) -> Any:
    return next(s for s in SAMPLE.supervisions if s.id == sid)


def with_sup(sid: str, **changes: Any) -> Dataset:
    return SAMPLE.evolve(supervisions=replace(SAMPLE.supervisions, sid, **changes))


def ev(
    eid: str, problem: str, step: LifecycleStep, date: dt.date, deadline: dt.date | None = None, **kw: Any
) -> RectificationEvent:
    return RectificationEvent(id=eid, problem_id=problem, step=step, date=date, deadline=deadline, **kw)


def with_events(problem: str, *events: RectificationEvent) -> Dataset:
    """Return the sample with the rectification history of ``problem`` replaced by ``events``."""
    kept = [e for e in SAMPLE.rectification_events if e.problem_id != problem]
    return SAMPLE.evolve(rectification_events=[*kept, *events])


FB, RP, UR, VF, FL, LB = (
    LifecycleStep.FED_BACK,
    LifecycleStep.REPORTED,
    LifecycleStep.URGED,
    LifecycleStep.VERIFIED,
    LifecycleStep.FAILED,
    LifecycleStep.LOOK_BACK,
)


# --- supervision.team_size ------------------------------------------------------------------------------------------


def test_team_size_compliant_with_three() -> None:
    team = [m for m in SAMPLE.team_members if m.supervision_id != "sv-s-small-team"]
    three = [
        evolve(m, supervision_id="sv-s-small-team")
        for m in SAMPLE.team_members
        if m.supervision_id == "sv-s-safety"
    ]
    assert len(three) == 3
    report = run(SAMPLE.evolve(team_members=team + three), "supervision.team_size")
    assert report.findings == ()
    assert counts(report, "supervision.team_size")["compliant"] == 67


def test_team_size_violation_with_two() -> None:
    report = run(SAMPLE, "supervision.team_size")
    f = the_finding(report, "supervision.team_size", "sv-s-small-team")
    assert head(f) == ("supervision", "violation", "error")
    assert responsible(f) == BODY
    assert (f.evidence["size"], f.evidence["min"]) == (2, 3)
    assert list(f.evidence["team"]) == ["insp-01", "insp-02"]
    assert "REG" in cited(f)
    assert [g.subject.id for g in report.findings] == ["sv-s-small-team"]


def test_team_size_undeterminable_without_team() -> None:
    team = [m for m in SAMPLE.team_members if m.supervision_id != "sv-s-small-team"]
    report = run(SAMPLE.evolve(team_members=team), "supervision.team_size")
    f = the_finding(report, "supervision.team_size", "sv-s-small-team")
    assert head(f) == ("supervision", "undeterminable", "warning")
    assert responsible(f) == BODY
    assert list(f.evidence["missing"]) == ["team_members: none for sv-s-small-team"]
    assert "REG" in cited(f)


# --- supervision.written_notice -------------------------------------------------------------------------------------


def test_written_notice_violation_without_notice() -> None:
    report = run(SAMPLE, "supervision.written_notice")
    f = the_finding(report, "supervision.written_notice", "sv-c-no-notice")
    assert head(f) == ("supervision", "violation", "error")
    assert responsible(f) == BODY
    assert f.evidence["notice_on"] is None
    assert f.evidence["start"] == sup("sv-c-no-notice").start
    assert "REG" in cited(f)
    assert [g.subject.id for g in report.findings] == ["sv-c-no-notice"]


def test_written_notice_compliant_on_the_first_day_and_violation_a_day_after() -> None:
    start = sup("sv-c-no-notice").start
    on_time = run(with_sup("sv-c-no-notice", notice_on=start), "supervision.written_notice")
    assert on_time.findings == ()
    late = run(
        with_sup("sv-c-no-notice", notice_on=start + dt.timedelta(days=1)), "supervision.written_notice"
    )
    f = the_finding(late, "supervision.written_notice", "sv-c-no-notice")
    assert f.evidence["notice_on"] == start + dt.timedelta(days=1)


def test_written_notice_unannounced_exempt() -> None:
    ds = with_sup("sv-c-no-notice", announcement=Announcement.UNANNOUNCED)
    report = run(ds, "supervision.written_notice")
    assert report.findings == ()
    assert counts(report, "supervision.written_notice")["compliant"] == 65  # the 暗访 is not counted


# --- supervision.report ---------------------------------------------------------------------------------------------


def test_report_violation_without_report_cites_profile() -> None:
    report = run(SAMPLE, "supervision.report", "guangxi")
    f = the_finding(report, "supervision.report", "sv-c-no-report")
    assert head(f) == ("supervision", "violation", "error")
    assert responsible(f) == BODY
    assert "no_report" in list(f.evidence["failed"])
    assert {"REG", "GX"} <= cited(f)


def test_report_compliant_when_published_and_filed() -> None:
    s = sup("sv-c-no-report")
    ds = with_sup(
        "sv-c-no-report", report_on=s.start + dt.timedelta(days=20), report_published=True, report_filed=True
    )
    report = run(ds, "supervision.report", "zibo")
    assert report.findings == ()


def test_report_violation_when_not_filed() -> None:
    ds = with_sup(
        "sv-c-no-report", report_on=sup("sv-c-no-report").start, report_published=True, report_filed=False
    )
    f = the_finding(run(ds, "supervision.report", "zibo"), "supervision.report", "sv-c-no-report")
    assert list(f.evidence["failed"]) == ["not_filed"]
    assert {"REG", "ZB"} <= cited(f)


def test_report_undeterminable_when_filing_unknown() -> None:
    ds = with_sup(
        "sv-c-no-report", report_on=sup("sv-c-no-report").start, report_published=True, report_filed=None
    )
    f = the_finding(run(ds, "supervision.report"), "supervision.report", "sv-c-no-report")
    assert head(f) == ("supervision", "undeterminable", "warning")
    assert list(f.evidence["missing"]) == ["supervisions.report_filed"]


def test_report_not_due_before_due_days() -> None:
    # a supervision ending 2024-11-02 (start 11-01, one day): due 60 days later, 2025-01-01 > as_of
    ds = with_sup("sv-c-no-report", start=D(2024, 11, 1), end=D(2024, 11, 2), notice_on=D(2024, 10, 20))
    assert_no_finding(run(ds, "supervision.report"), "supervision.report", "sv-c-no-report")
    late = run(ds, "supervision.report", as_of=D(2025, 1, 1))
    assert the_finding(late, "supervision.report", "sv-c-no-report").outcome.value == "violation"


# --- feedback.given -------------------------------------------------------------------------------------------------


def test_feedback_compliant_in_the_sample() -> None:
    report = run(SAMPLE, "feedback.given", "zibo")
    assert report.findings == ()
    assert counts(report, "feedback.given")["compliant"] == 67


@pytest.mark.parametrize(
    ("changes", "failed"),
    [({"feedback_on": None}, ["no_feedback"]), ({"feedback_itemised": False}, ["not_itemised"])],
)
def test_feedback_violation(changes: dict[str, Any], failed: list[str]) -> None:
    report = run(with_sup("sv-g-xh-2024", **changes), "feedback.given", "zibo")
    f = the_finding(report, "feedback.given", "sv-g-xh-2024")
    assert head(f) == ("supervision", "violation", "error")
    assert responsible(f) == BODY
    assert list(f.evidence["failed"]) == failed
    assert "ZB" in cited(f)


def test_feedback_undeterminable_when_itemisation_unknown() -> None:
    report = run(with_sup("sv-g-xh-2024", feedback_itemised=None), "feedback.given", "weihai-etdz")
    f = the_finding(report, "feedback.given", "sv-g-xh-2024")
    assert head(f) == ("supervision", "undeterminable", "warning")
    assert list(f.evidence["missing"]) == ["supervisions.feedback_itemised"]
    assert "WH" in cited(f)


# --- feedback.meeting_invitees --------------------------------------------------------------------------------------


def test_meeting_invitees_violation_without_performance_office() -> None:
    report = run(SAMPLE, "feedback.meeting_invitees", "guangxi")
    f = the_finding(report, "feedback.meeting_invitees", "sv-g-xh-2024")
    assert head(f) == ("supervision", "violation", "error")
    assert responsible(f) == BODY
    assert list(f.evidence["missing"]) == ["performance_office"]
    assert "GX" in cited(f)
    assert counts(report, "feedback.meeting_invitees")["compliant"] == 1  # sv-g-2022


def test_meeting_invitees_compliant_with_all_three() -> None:
    ds = with_sup("sv-g-xh-2024", meeting_invitees=("org-qs-disc", "org-qs-org", "org-qs-perf"))
    report = run(ds, "feedback.meeting_invitees", "guangxi")
    assert report.findings == ()
    assert counts(report, "feedback.meeting_invitees")["compliant"] == 2


# --- rectification.deadline -----------------------------------------------------------------------------------------


def test_deadline_compliant_in_the_sample() -> None:
    report = run(SAMPLE, "rectification.deadline", "guangxi")
    assert report.findings == ()
    assert counts(report, "rectification.deadline")["compliant"] == 8  # prb-07 is not yet due


def test_deadline_violation_when_never_fed_back() -> None:
    report = run(with_events("prb-05"), "rectification.deadline", "guangxi")
    f = the_finding(report, "rectification.deadline", "prb-05")
    assert head(f) == ("problem", "violation", "error")
    assert responsible(f) == BODY
    assert f.evidence["fed_back"] is None
    assert {"REG", "GX"} <= cited(f)


def test_deadline_violation_when_the_deadline_precedes_the_finding() -> None:
    ds = with_events("prb-05", ev("ev-x", "prb-05", FB, D(2024, 9, 16), deadline=D(2024, 9, 1)))
    f = the_finding(run(ds, "rectification.deadline"), "rectification.deadline", "prb-05")
    assert f.evidence["fed_back"] is None
    assert len(f.evidence["irregular"]) == 1
    assert "ev-x" in f.evidence["irregular"][0]


def test_deadline_violation_the_day_after_feedback_days() -> None:
    # prb-07 was found on 2024-12-20 and not fed back: due 30 days later, 2025-01-19
    assert_no_finding(
        run(SAMPLE, "rectification.deadline", as_of=D(2025, 1, 18)), "rectification.deadline", "prb-07"
    )
    late = run(SAMPLE, "rectification.deadline", as_of=D(2025, 1, 20))
    f = the_finding(late, "rectification.deadline", "prb-07")
    assert (f.outcome.value, f.evidence["fed_back"], f.evidence["feedback_days"]) == ("violation", None, 30)


def test_deadline_not_yet_due_on_the_due_day() -> None:
    assert_no_finding(
        run(SAMPLE, "rectification.deadline", as_of=D(2025, 1, 19)), "rectification.deadline", "prb-07"
    )


# --- rectification.reported -----------------------------------------------------------------------------------------


def test_reported_violation_when_the_deadline_passes() -> None:
    report = run(SAMPLE, "rectification.reported", "guangxi")
    f = the_finding(report, "rectification.reported", "prb-05")
    assert head(f) == ("problem", "violation", "error")
    assert responsible(f) == "sch-030"  # the supervised unit
    assert f.evidence["deadline"] == D(2024, 11, 15)
    assert f.evidence["state"] == "fed_back"
    assert {"REG", "GX"} <= cited(f)
    assert [g.subject.id for g in report.findings] == ["prb-05"]


def test_reported_compliant_on_the_deadline() -> None:
    ds = with_events(
        "prb-05",
        ev("ev-05-1", "prb-05", FB, D(2024, 9, 16), deadline=D(2024, 11, 15)),
        ev("ev-05-2", "prb-05", RP, D(2024, 11, 15), published=True),
    )
    assert_no_finding(run(ds, "rectification.reported"), "rectification.reported", "prb-05")


def test_reported_violation_when_reported_after_the_deadline() -> None:
    ds = with_events(
        "prb-05",
        ev("ev-05-1", "prb-05", FB, D(2024, 9, 16), deadline=D(2024, 11, 15)),
        ev("ev-05-2", "prb-05", RP, D(2024, 11, 25), published=True),
    )
    f = the_finding(run(ds, "rectification.reported"), "rectification.reported", "prb-05")
    assert f.outcome.value == "violation"


# --- rectification.urging ------------------------------------------------------------------------------------------


FIRST_DEADLINE = D(2024, 9, 27)


def urged_on(day: dt.date, deadline: dt.date = FIRST_DEADLINE) -> Dataset:
    """prb-05 fed back with ``deadline``, no report, an urging notice on ``day`` with a deadline in 2025."""
    return with_events(
        "prb-05",
        ev("ev-05-1", "prb-05", FB, D(2024, 9, 16), deadline=deadline),
        ev("ev-05-u", "prb-05", UR, day, deadline=D(2025, 1, 31), document_no="青督办〔2024〕11号"),
    )


def test_urging_violation_without_notice() -> None:
    report = run(SAMPLE, "rectification.urging", "zibo")
    f = the_finding(report, "rectification.urging", "prb-05")
    assert head(f) == ("problem", "violation", "error")
    assert responsible(f) == BODY
    assert (f.evidence["missed"], f.evidence["urge_by"]) == (D(2024, 11, 15), D(2024, 12, 15))
    assert list(f.evidence["urging"]) == []
    assert f.evidence["reason"] == "no report by the deadline"
    assert {"OPN", "ZB"} <= cited(f)
    assert [g.subject.id for g in report.findings] == ["prb-05"]


def test_urging_compliant_in_the_sample_stories() -> None:
    report = run(SAMPLE, "rectification.urging", "guangxi")
    assert counts(report, "rectification.urging")["compliant"] == 3  # prb-02, prb-03 (failed), prb-09


@pytest.mark.parametrize(("gap", "ok"), [(1, True), (30, True), (31, False)])
def test_urging_within_g_calendar_days(gap: int, ok: bool) -> None:
    report = run(urged_on(D(2024, 9, 27) + dt.timedelta(days=gap)), "rectification.urging", "guangxi")
    if ok:
        assert_no_finding(report, "rectification.urging", "prb-05")
    else:
        f = the_finding(report, "rectification.urging", "prb-05")
        assert f.evidence["urge_by"] == D(2024, 10, 27)
        assert list(f.evidence["urging"]) == []
        assert "GX" in cited(f)


def test_urging_on_the_deadline_day_is_irregular() -> None:
    # the deadline has not passed on its own day: the notice is irregular, and none was issued in time
    report = run(urged_on(FIRST_DEADLINE), "rectification.urging", "guangxi")
    reasons = sorted(str(f.evidence["reason"]) for f in report.by_rule("rectification.urging"))
    assert reasons == ["irregular urging notice", "no report by the deadline"]
    assert {f.subject.id for f in report.findings} == {"prb-05"}


WORKING = get_profile("guangxi").derive("x", override("rectification.urging", day_count="working"))


def test_urging_working_days_across_national_day() -> None:
    # 30 working days after Fri 2024-09-27: Sun 29 Sep and Mon 30 Sep, 8–11 Oct, Sat 12 Oct (调休), …, 13 Nov;
    # 1–7 Oct are holidays. In calendar days the notice was due by 27 Oct.
    on_due = urged_on(D(2024, 11, 13))
    assert_no_finding(run(on_due, "rectification.urging", WORKING), "rectification.urging", "prb-05")
    calendar = the_finding(run(on_due, "rectification.urging", "guangxi"), "rectification.urging", "prb-05")
    assert calendar.evidence["urge_by"] == D(2024, 10, 27)
    late = run(urged_on(D(2024, 11, 14)), "rectification.urging", WORKING)
    f = the_finding(late, "rectification.urging", "prb-05")
    assert f.evidence["urge_by"] == D(2024, 11, 13)
    assert "GX" in cited(f)


def test_urging_working_days_counts_the_adjusted_working_sunday() -> None:
    # 2 working days after Fri 2024-09-27 are Sun 29 and Mon 30 Sep (29 Sep is a 调休 working day)
    profile = get_profile("guangxi").derive("y", override("rectification.urging", day_count="working", G=2))
    assert_no_finding(
        run(urged_on(D(2024, 9, 30)), "rectification.urging", profile), "rectification.urging", "prb-05"
    )
    f = the_finding(
        run(urged_on(D(2024, 10, 1)), "rectification.urging", profile), "rectification.urging", "prb-05"
    )
    assert f.evidence["urge_by"] == D(2024, 9, 30)


def test_urging_pending_until_due() -> None:
    # prb-05's deadline 2024-11-15: the notice is due by 2024-12-15; no finding before then
    assert_no_finding(
        run(SAMPLE, "rectification.urging", as_of=D(2024, 12, 15)), "rectification.urging", "prb-05"
    )
    late = run(SAMPLE, "rectification.urging", as_of=D(2024, 12, 16))
    assert the_finding(late, "rectification.urging", "prb-05").outcome.value == "violation"


def test_urging_violation_when_not_later_than_the_previous_deadline() -> None:
    ds = with_events(
        "prb-05",
        ev("ev-05-1", "prb-05", FB, D(2024, 9, 16), deadline=D(2024, 11, 15)),
        ev("ev-05-u", "prb-05", UR, D(2024, 11, 20), deadline=D(2024, 11, 10)),
    )
    report = run(ds, "rectification.urging")
    bad = [
        f for f in report.by_rule("rectification.urging") if f.evidence["reason"] == "irregular urging notice"
    ]
    assert len(bad) == 1
    assert bad[0].subject.id == "prb-05"
    assert "ev-05-u" in bad[0].evidence["irregular"][0]


# --- rectification.verified -----------------------------------------------------------------------------------------


def test_verified_compliant_in_the_sample() -> None:
    report = run(SAMPLE, "rectification.verified", "zibo")
    assert report.findings == ()
    assert counts(report, "rectification.verified")["compliant"] == 5


def test_verified_violation_when_closed_without_a_report() -> None:
    ds = with_events(
        "prb-05",
        ev("ev-05-1", "prb-05", FB, D(2024, 9, 16), deadline=D(2024, 11, 15)),
        ev("ev-05-v", "prb-05", VF, D(2024, 11, 20)),
    )
    report = run(ds, "rectification.verified", "zibo")
    f = the_finding(report, "rectification.verified", "prb-05")
    assert head(f) == ("problem", "violation", "error")
    assert responsible(f) == BODY
    assert list(f.evidence["verified"]) == []
    assert "ev-05-v" in f.evidence["irregular"][0]
    assert {"REG", "ZB"} <= cited(f)


# --- rectification.published ----------------------------------------------------------------------------------------


def test_published_compliant_in_the_sample() -> None:
    report = run(SAMPLE, "rectification.published", "zibo")
    assert report.findings == ()
    assert counts(report, "rectification.published")["compliant"] == 7


@pytest.mark.parametrize("profile", ["zibo", "weihai-etdz"])
def test_published_violation_when_not_published(profile: str) -> None:
    ds = SAMPLE.evolve(rectification_events=replace(SAMPLE.rectification_events, "ev-03-5", published=False))
    f = the_finding(run(ds, "rectification.published", profile), "rectification.published", "prb-03")
    assert head(f) == ("problem", "violation", "error")
    assert responsible(f) == "org-xh-gov"  # the supervised unit
    assert (f.evidence["report"], f.evidence["date"]) == ("ev-03-5", D(2024, 10, 28))
    assert {"zibo": "ZB", "weihai-etdz": "WH"}[profile] in cited(f)


def test_published_undeterminable_when_unknown() -> None:
    ds = SAMPLE.evolve(rectification_events=replace(SAMPLE.rectification_events, "ev-03-5", published=None))
    f = the_finding(run(ds, "rectification.published", "zibo"), "rectification.published", "prb-03")
    assert head(f) == ("problem", "undeterminable", "warning")
    assert responsible(f) == "org-xh-gov"
    assert list(f.evidence["missing"]) == ["rectification_events.published"]


# --- rectification.look_back ----------------------------------------------------------------------------------------


def test_look_back_violation_when_never_looked_back() -> None:
    report = run(SAMPLE, "rectification.look_back", "chongqing")
    f = the_finding(report, "rectification.look_back", "prb-06")
    assert head(f) == ("problem", "violation", "error")
    assert responsible(f) == BODY
    assert (f.evidence["closed_on"], f.evidence["due"], f.evidence["F"]) == (
        D(2023, 6, 30),
        D(2024, 6, 30),
        12,
    )
    assert list(f.evidence["look_back"]) == []
    assert {"OPN", "CQ"} <= cited(f)


def with_look_back(day: dt.date) -> Dataset:
    extra = ev("ev-06-4", "prb-06", LB, day, outcome=LookBackOutcome.SUSTAINED)
    return SAMPLE.evolve(rectification_events=[*SAMPLE.rectification_events, extra])


@pytest.mark.parametrize("profile", ["national", "guangxi", "zibo", "weihai-etdz", "chongqing"])
def test_look_back_exactly_f_months_after_closure(profile: str) -> None:
    report = run(with_look_back(D(2024, 6, 30)), "rectification.look_back", profile)
    assert report.findings == ()
    assert counts(report, "rectification.look_back")["compliant"] == 2


def test_look_back_a_day_late() -> None:
    f = the_finding(
        run(with_look_back(D(2024, 7, 1)), "rectification.look_back", "guangxi"),
        "rectification.look_back",
        "prb-06",
    )
    assert f.outcome.value == "violation"
    assert f.evidence["due"] == D(2024, 6, 30)
    assert "GX" in cited(f)


def test_look_back_pending_until_due() -> None:
    assert_no_finding(
        run(SAMPLE, "rectification.look_back", as_of=D(2024, 6, 30)), "rectification.look_back", "prb-06"
    )
    late = run(SAMPLE, "rectification.look_back", as_of=D(2024, 7, 1))
    assert the_finding(late, "rectification.look_back", "prb-06").outcome.value == "violation"


# --- rectification.competent_liability ------------------------------------------------------------------------------


def test_competent_liability_compliant_joint_in_guangxi() -> None:
    report = run(SAMPLE, "rectification.competent_liability", "guangxi")
    assert report.findings == ()
    assert counts(report, "rectification.competent_liability")["compliant"] == 1


def test_competent_liability_violation_wrong_kind_in_zibo() -> None:
    f = the_finding(
        run(SAMPLE, "rectification.competent_liability", "zibo"),
        "rectification.competent_liability",
        "prb-03",
    )
    assert head(f) == ("problem", "violation", "error")
    assert responsible(f) == "org-qs-edu"  # the competent department
    assert list(f.evidence["failed"]) == ["liability_kind"]
    assert (f.evidence["liability"], f.evidence["required_kind"]) == ("joint", "leadership")
    assert {"ACC", "ZB"} <= cited(f)


def test_competent_liability_violation_when_nobody_liable() -> None:
    ds = SAMPLE.evolve(
        rectification_events=replace(SAMPLE.rectification_events, "ev-03-3", liable_id=None, liability=None)
    )
    f = the_finding(
        run(ds, "rectification.competent_liability", "weihai-etdz"),
        "rectification.competent_liability",
        "prb-03",
    )
    assert list(f.evidence["failed"]) == ["liable_department", "liability_kind"]
    assert f.evidence["failed_on"] == D(2024, 7, 20)
    assert {"ACC", "WH"} <= cited(f)


def test_competent_liability_any_kind_under_national() -> None:
    ds = SAMPLE.evolve(
        rectification_events=replace(
            SAMPLE.rectification_events, "ev-03-3", liability=LiabilityKind.LEADERSHIP
        )
    )
    assert run(ds, "rectification.competent_liability").findings == ()


# --- interview.triggers ---------------------------------------------------------------------------------------------


def test_interview_without_trigger_is_a_finding_on_the_record() -> None:
    report = run(SAMPLE, "interview.triggers", "guangxi")
    f = the_finding(report, "interview.triggers", "itv-03")
    assert head(f) == ("interview", "violation", "error")
    assert responsible(f) == BODY
    assert f.evidence["unit"] == "sch-045"
    assert list(f.evidence["recorded_triggers"]) == []
    assert {"ACC", "GX"} <= cited(f)
    assert [g.subject.id for g in report.findings] == ["itv-03"]


def test_interview_compliant_when_triggered_and_held() -> None:
    interviews = [i for i in SAMPLE.interviews if i.id != "itv-03"]
    report = run(SAMPLE.evolve(interviews=interviews), "interview.triggers", "guangxi")
    assert report.findings == ()
    assert counts(report, "interview.triggers")["compliant"] == 2  # prb-03 failed → itv-01; prb-04 → itv-02


def test_interview_missing_when_triggered() -> None:
    interviews = [i for i in SAMPLE.interviews if i.id != "itv-01"]
    report = run(SAMPLE.evolve(interviews=interviews), "interview.triggers", "guangxi")
    f = the_finding(report, "interview.triggers", "org-xh-gov")
    assert head(f) == ("organisation", "violation", "error")
    assert responsible(f) == BODY
    assert f.evidence["trigger"] == "rectification_ineffective"
    assert (f.evidence["since"], f.evidence["due"]) == (D(2024, 7, 20), D(2024, 10, 18))
    assert f.evidence["source"] == "prb-03"
    assert {"ACC", "GX"} <= cited(f)


def test_interview_weihai_lacks_rectification_ineffective() -> None:
    f = the_finding(run(SAMPLE, "interview.triggers", "weihai-etdz"), "interview.triggers", "itv-01")
    assert list(f.evidence["recorded_triggers"]) == ["rectification_ineffective"]
    assert "WH" in cited(f)


@pytest.mark.parametrize(
    "trigger",
    [
        InterviewTrigger.RESPONSIBILITY_UNASSIGNED,
        InterviewTrigger.MEASURES_INADEQUATE,
        InterviewTrigger.FREQUENT_PROBLEMS,
    ],
)
def test_interview_chongqing_shuangjian_triggers(trigger: InterviewTrigger) -> None:
    ds = SAMPLE.evolve(interviews=replace(SAMPLE.interviews, "itv-03", triggers=(trigger,)))
    assert_no_finding(run(ds, "interview.triggers", "chongqing"), "interview.triggers", "itv-03")
    f = the_finding(run(ds, "interview.triggers", "guangxi"), "interview.triggers", "itv-03")
    assert list(f.evidence["recorded_triggers"]) == [trigger.value]


# --- interview.record -----------------------------------------------------------------------------------------------


def test_interview_record_compliant_in_the_sample() -> None:
    report = run(SAMPLE, "interview.record", "guangxi")
    assert report.findings == ()
    assert counts(report, "interview.record")["compliant"] == 3


def test_interview_record_violation_not_filed_and_no_organisation_department() -> None:
    ds = SAMPLE.evolve(
        interviews=replace(SAMPLE.interviews, "itv-01", record_filed=False, co_convened_with=("org-qs-disc",))
    )
    f = the_finding(run(ds, "interview.record", "guangxi"), "interview.record", "itv-01")
    assert head(f) == ("interview", "violation", "error")
    assert responsible(f) == BODY
    assert list(f.evidence["failed"]) == ["record_not_filed", "no_organisation_department"]
    assert "GX" in cited(f)


def test_interview_record_weihai_needs_no_co_conveners() -> None:
    ds = SAMPLE.evolve(interviews=replace(SAMPLE.interviews, "itv-01", co_convened_with=()))
    assert run(ds, "interview.record", "weihai-etdz").findings == ()
    f = the_finding(run(ds, "interview.record", "guangxi"), "interview.record", "itv-01")
    assert list(f.evidence["failed"]) == ["no_discipline_inspection", "no_organisation_department"]


def test_interview_record_undeterminable_when_filing_unknown() -> None:
    ds = SAMPLE.evolve(interviews=replace(SAMPLE.interviews, "itv-01", record_filed=None))
    f = the_finding(run(ds, "interview.record", "weihai-etdz"), "interview.record", "itv-01")
    assert head(f) == ("interview", "undeterminable", "warning")
    assert list(f.evidence["missing"]) == ["interviews.record_filed"]
    assert "WH" in cited(f)


# --- circular.triggers ----------------------------------------------------------------------------------------------


def test_circular_compliant_in_the_sample() -> None:
    report = run(SAMPLE, "circular.triggers", "zibo")
    assert report.findings == ()
    assert counts(report, "circular.triggers")["compliant"] == 1


def test_circular_missing_when_triggered() -> None:
    f = the_finding(
        run(SAMPLE.evolve(circulars=[]), "circular.triggers", "guangxi"), "circular.triggers", "org-xh-gov"
    )
    assert head(f) == ("organisation", "violation", "error")
    assert responsible(f) == BODY
    assert f.evidence["trigger"] == "rectification_ineffective"
    assert (f.evidence["since"], f.evidence["due"]) == (D(2024, 7, 20), D(2024, 10, 18))
    assert "GX" in cited(f)


def test_circular_without_trigger_is_a_finding_on_the_record() -> None:
    ds = SAMPLE.evolve(circulars=replace(SAMPLE.circulars, "ntc-01", triggers=()))
    report = run(ds, "circular.triggers", "weihai-etdz")
    f = the_finding(report, "circular.triggers", "ntc-01")
    assert head(f) == ("circular", "violation", "error")
    assert responsible(f) == BODY
    assert f.evidence["unit"] == "org-xh-gov"
    assert list(f.evidence["recorded_triggers"]) == []
    assert "WH" in cited(f)


# --- circular.leadership_ineligible ---------------------------------------------------------------------------------


def promoted(day: dt.date, *, closed_on: dt.date | None = None) -> Dataset:
    """ntc-01 (2024-08-12) names 西河镇's leadership about prb-03; p-xh-deputy is promoted on ``day``."""
    events = list(SAMPLE.rectification_events)
    if closed_on is not None:
        events.append(ev("ev-03-6", "prb-03", VF, closed_on))
    return SAMPLE.evolve(
        rectification_events=events,
        commendations=replace(SAMPLE.commendations, "cmd-02", date=day),
    )


def test_leadership_ineligible_violation_while_open() -> None:
    report = run(SAMPLE, "circular.leadership_ineligible", "guangxi")
    f = the_finding(report, "circular.leadership_ineligible", "p-xh-deputy")
    assert head(f) == ("person", "violation", "error")
    assert responsible(f) == "org-qs-org"  # the organisation department
    assert (f.evidence["circular"], f.evidence["since"], f.evidence["until"]) == (
        "ntc-01",
        D(2024, 8, 12),
        None,
    )
    assert len(f.evidence["awards"]) == 1
    assert "cmd-02" in f.evidence["awards"][0]
    assert "GX" in cited(f)
    assert counts(report, "circular.leadership_ineligible")["compliant"] == 1  # p-xh-head


@pytest.mark.parametrize(
    ("day", "closed_on", "ok"),
    [
        (D(2024, 8, 11), None, True),  # before the circular
        (D(2024, 8, 12), None, False),  # the circular's day
        (D(2024, 11, 1), D(2024, 11, 1), False),  # the day of verification: still inside
        (D(2024, 11, 2), D(2024, 11, 1), True),  # the day after closure: fine
    ],
)
def test_leadership_ineligible_window(day: dt.date, closed_on: dt.date | None, ok: bool) -> None:
    report = run(promoted(day, closed_on=closed_on), "circular.leadership_ineligible", "zibo")
    if ok:
        assert report.findings == ()
    else:
        f = the_finding(report, "circular.leadership_ineligible", "p-xh-deputy")
        assert f.evidence["until"] == closed_on
        assert "ZB" in cited(f)


def test_leadership_ineligible_only_when_leadership_named() -> None:
    ds = SAMPLE.evolve(circulars=replace(SAMPLE.circulars, "ntc-01", names_leadership=False))
    report = run(ds, "circular.leadership_ineligible", "weihai-etdz")
    assert report.findings == ()
    assert counts(report, "circular.leadership_ineligible")["compliant"] == 0


# --- accountability.triggers ----------------------------------------------------------------------------------------


def test_accountability_compliant_in_guangxi() -> None:
    assert run(SAMPLE, "accountability.triggers", "guangxi").findings == ()


def test_accountability_without_allowed_trigger_is_a_finding_on_the_record() -> None:
    ds = SAMPLE.evolve(
        accountability_decisions=replace(
            SAMPLE.accountability_decisions, "acc-02", triggers=(AccountabilityTrigger.FALSIFICATION,)
        )
    )
    report = run(ds, "accountability.triggers", "guangxi")
    f = the_finding(report, "accountability.triggers", "acc-02")
    assert head(f) == ("accountability_decision", "violation", "error")
    assert responsible(f) is not None
    assert f.evidence["unit"] == "org-ns-gov"
    assert list(f.evidence["recorded_triggers"]) == ["falsification"]
    assert {"ACC", "GX"} <= cited(f)
    assert [g.subject.id for g in report.findings] == ["acc-02"]
    # falsification is an ACC trigger: fine under national
    assert run(ds, "accountability.triggers").findings == ()


def test_accountability_weihai_requires_serious_consequences() -> None:
    report = run(SAMPLE, "accountability.triggers", "weihai-etdz")
    assert sorted(f.subject.id for f in report.findings) == ["acc-01", "acc-02", "acc-03"]
    f = the_finding(report, "accountability.triggers", "acc-01")
    assert head(f) == ("accountability_decision", "violation", "error")
    assert responsible(f) == OFFICE
    assert f.evidence["required"] == "serious_consequences"
    assert list(f.evidence["recorded_triggers"]) == ["targets_missed", "rectification_refused"]
    assert {"ACC", "WH"} <= cited(f)
    serious = (AccountabilityTrigger.TARGETS_MISSED, AccountabilityTrigger.SERIOUS_CONSEQUENCES)
    ds = SAMPLE.evolve(
        accountability_decisions=replace(SAMPLE.accountability_decisions, "acc-01", triggers=serious)
    )
    assert_no_finding(run(ds, "accountability.triggers", "weihai-etdz"), "accountability.triggers", "acc-01")


def failed_evaluation() -> Dataset:
    bad = DutyEvaluation(
        id="eval-2023-ns-x",
        year=2023,
        evaluator_id=BODY,
        evaluatee_id="org-ns-gov",
        result=EvaluationResult.UNQUALIFIED,
        date=D(2024, 3, 20),
    )
    return SAMPLE.evolve(duty_evaluations=[*SAMPLE.duty_evaluations, bad])


def test_accountability_missing_after_a_failed_evaluation() -> None:
    report = run(failed_evaluation(), "accountability.triggers", "guangxi")
    f = the_finding(report, "accountability.triggers", "org-ns-gov")
    assert head(f) == ("organisation", "violation", "error")
    assert f.evidence["trigger"] == "failed_duty_evaluation"
    assert (f.evidence["since"], f.evidence["due"]) == (D(2024, 3, 20), D(2024, 9, 16))
    assert {"ACC", "GX"} <= cited(f)


def test_accountability_missing_names_the_committee() -> None:
    f = the_finding(
        run(failed_evaluation(), "accountability.triggers", "guangxi"),
        "accountability.triggers",
        "org-ns-gov",
    )
    assert responsible(f) in {"cmt-qs", OFFICE, "org-qs-gov"}


def test_accountability_decision_within_the_window_is_compliant() -> None:
    decision = AccountabilityDecision(
        id="acc-ns",
        object_class=ObjectClass.UNIT,
        subject_kind=SubjectKind.ORGANISATION,
        subject_id="org-ns-gov",
        measure=AccountabilityMeasure.PUBLIC_CRITICISM,
        decided_on=D(2024, 9, 16),
        triggers=(AccountabilityTrigger.FAILED_DUTY_EVALUATION,),
    )
    ds = failed_evaluation()
    ds = ds.evolve(accountability_decisions=[*ds.accountability_decisions, decision])
    assert run(ds, "accountability.triggers", "guangxi").findings == ()


# --- accountability.measures ----------------------------------------------------------------------------------------


def decision(did: str = "acc-x", **changes: object) -> AccountabilityDecision:
    base = AccountabilityDecision(
        id=did,
        object_class=ObjectClass.PERSON,
        subject_kind=SubjectKind.PERSON,
        subject_id="p-xh-head",
        measure=AccountabilityMeasure.CIRCULATED_CRITICISM,
        decided_on=D(2024, 6, 1),
        decided_by="org-qs-gov",
        triggers=(AccountabilityTrigger.TARGETS_MISSED,),
        published=True,
        aggravated=False,
    )
    return evolve(base, **changes)  # type: ignore[no-any-return]


#: a person at a private school, attached to the county's education bureau so that the decision is in scope
PRIVATE = Person(id="p-priv", name="民办校长", organisation_id="org-qs-edu", position=Position.SCHOOL_HEAD)


def decisions(*items: AccountabilityDecision) -> Dataset:
    return SAMPLE.evolve(accountability_decisions=list(items), persons=[*SAMPLE.persons, PRIVATE])


def test_measures_violation_person_measure_against_a_unit() -> None:
    report = run(SAMPLE, "accountability.measures")
    f = the_finding(report, "accountability.measures", "acc-02")
    assert head(f) == ("accountability_decision", "violation", "error")
    assert responsible(f) == OFFICE
    assert (f.evidence["object_class"], f.evidence["measure"]) == ("unit", "处分")
    assert "ACC" in cited(f)
    assert counts(report, "accountability.measures")["compliant"] == len(SAMPLE.accountability_decisions) - 1


@pytest.mark.parametrize(
    ("object_class", "kind", "subject", "measure", "ok"),
    [
        (
            ObjectClass.UNIT,
            SubjectKind.ORGANISATION,
            "org-xh-gov",
            AccountabilityMeasure.RESOURCE_ADJUSTMENT,
            True,
        ),
        (
            ObjectClass.UNIT,
            SubjectKind.ORGANISATION,
            "org-xh-gov",
            AccountabilityMeasure.ORGANISATIONAL_HANDLING,
            False,
        ),
        (ObjectClass.PERSON, SubjectKind.PERSON, "p-xh-head", AccountabilityMeasure.REFERRAL, True),
        (ObjectClass.PERSON, SubjectKind.PERSON, "p-xh-head", AccountabilityMeasure.OCCUPATIONAL_BAN, False),
        (
            ObjectClass.PRIVATE_SCHOOL_PERSON,
            SubjectKind.PERSON,
            "p-priv",
            AccountabilityMeasure.OCCUPATIONAL_BAN,
            True,
        ),
        (
            ObjectClass.PRIVATE_SCHOOL_PERSON,
            SubjectKind.PERSON,
            "p-priv",
            AccountabilityMeasure.ADMINISTRATIVE_PENALTY,
            False,
        ),
        (ObjectClass.UNIT, SubjectKind.PERSON, "p-xh-head", AccountabilityMeasure.PUBLIC_CRITICISM, False),
    ],
)
def test_measures_by_class(
    object_class: ObjectClass, kind: SubjectKind, subject: str, measure: AccountabilityMeasure, ok: bool
) -> None:
    d = decision(object_class=object_class, subject_kind=kind, subject_id=subject, measure=measure)
    report = run(decisions(d), "accountability.measures")
    if ok:
        assert report.findings == ()
        assert counts(report, "accountability.measures")["compliant"] == 1
    else:
        f = the_finding(report, "accountability.measures", "acc-x")
        assert f.evidence["measure"] == measure.zh
        assert f.evidence["object_class"] == object_class.value


def test_measures_private_school_head_checked() -> None:
    d = decision(
        object_class=ObjectClass.PRIVATE_SCHOOL_PERSON,
        subject_id="p-head-057",  # head of sch-057, a private kindergarten of the county
        measure=AccountabilityMeasure.ADMINISTRATIVE_PENALTY,
    )
    f = the_finding(run(decisions(d), "accountability.measures"), "accountability.measures", "acc-x")
    assert f.outcome.value == "violation"


# --- accountability.aggravated --------------------------------------------------------------------------------------


def test_aggravated_violation_in_the_sample() -> None:
    report = run(SAMPLE, "accountability.aggravated")
    f = the_finding(report, "accountability.aggravated", "acc-03")
    assert head(f) == ("accountability_decision", "violation", "error")
    assert responsible(f) == OFFICE
    assert list(f.evidence["earlier"]) == ["acc-01"]
    assert (f.evidence["should_be"], f.evidence["aggravated"], f.evidence["window"]) == (True, False, 365)
    assert "ACC" in cited(f)


@pytest.mark.parametrize(("gap", "should"), [(364, True), (365, True), (366, False)])
@pytest.mark.parametrize("flag", [True, False])
def test_aggravated_window(gap: int, should: bool, flag: bool) -> None:
    first = decision("acc-a", decided_on=D(2023, 11, 1))
    second = decision("acc-b", decided_on=D(2023, 11, 1) + dt.timedelta(days=gap), aggravated=flag)
    report = run(decisions(first, second), "accountability.aggravated")
    assert_no_finding(report, "accountability.aggravated", "acc-a")
    if flag == should:
        assert_no_finding(report, "accountability.aggravated", "acc-b")
    else:
        f = the_finding(report, "accountability.aggravated", "acc-b")
        assert f.evidence["should_be"] is should
        assert list(f.evidence["earlier"]) == (["acc-a"] if should else [])


def test_aggravated_counts_per_object() -> None:
    first = decision("acc-a", decided_on=D(2024, 1, 1))
    other = decision("acc-b", subject_id="p-xh-deputy", decided_on=D(2024, 2, 1))
    assert run(decisions(first, other), "accountability.aggravated").findings == ()


# --- accountability.investigation_window ----------------------------------------------------------------------------


def investigated(days: int | None) -> Dataset:
    end = D(2024, 3, 20)  # sv-g-xh-2024's last day
    formed = None if days is None else end + dt.timedelta(days=days)
    return decisions(decision(supervision_id="sv-g-xh-2024", investigation_formed_on=formed))


def test_investigation_violation_in_the_sample() -> None:
    f = the_finding(
        run(SAMPLE, "accountability.investigation_window"), "accountability.investigation_window", "acc-02"
    )
    assert head(f) == ("accountability_decision", "violation", "error")
    assert responsible(f) == OFFICE
    assert (f.evidence["days"], f.evidence["limit"]) == (100, 60)
    assert f.evidence["supervision_end"] == D(2023, 5, 12)
    assert "ACC" in cited(f)


def test_investigation_60_days_compliant_61_violation() -> None:
    ok = run(investigated(60), "accountability.investigation_window")
    assert ok.findings == ()
    assert counts(ok, "accountability.investigation_window")["compliant"] == 1
    f = the_finding(
        run(investigated(61), "accountability.investigation_window"),
        "accountability.investigation_window",
        "acc-x",
    )
    assert f.evidence["days"] == 61


def test_investigation_undeterminable_without_date() -> None:
    f = the_finding(
        run(investigated(None), "accountability.investigation_window"),
        "accountability.investigation_window",
        "acc-x",
    )
    assert head(f) == ("accountability_decision", "undeterminable", "warning")
    assert responsible(f) == OFFICE
    assert list(f.evidence["missing"]) == ["accountability_decisions.investigation_formed_on"]


# --- accountability.review_deadlines --------------------------------------------------------------------------------

DECIDED = D(2024, 6, 1)


def reviewed(field: str, limit: int, extra: int) -> AccountabilityDecision:
    """A decision whose ``field`` falls ``limit + extra`` days after the step before it (others on time)."""
    steps = [
        "review_applied_on",
        "review_decided_on",
        "appeal_applied_on",
        "appeal_decided_on",
        "corrected_on",
    ]
    dates: dict[str, dt.date] = {}
    day = DECIDED
    for name in steps[: steps.index(field) + 1]:
        day += dt.timedelta(days=limit + extra if name == field else 1)
        dates[name] = day
    result: AccountabilityDecision = evolve(decision(decided_on=DECIDED), **dates)
    return result


LIMITS = [
    ("review_applied_on", 30, "review_applied"),
    ("review_decided_on", 30, "review_decided"),
    ("appeal_applied_on", 15, "appeal_applied"),
    ("appeal_decided_on", 60, "appeal_decided"),
    ("corrected_on", 15, "corrected"),
]


@pytest.mark.parametrize(("field", "limit", "name"), LIMITS)
def test_review_each_limit(field: str, limit: int, name: str) -> None:
    on_time = run(decisions(reviewed(field, limit, 0)), "accountability.review_deadlines")
    assert on_time.findings == ()
    assert counts(on_time, "accountability.review_deadlines")["compliant"] == 1
    late = run(decisions(reviewed(field, limit, 1)), "accountability.review_deadlines")
    f = the_finding(late, "accountability.review_deadlines", "acc-x")
    assert head(f) == ("accountability_decision", "violation", "error")
    assert responsible(f) == "org-qs-edu"
    assert list(f.evidence["failed"]) == [f"{name}: {limit + 1} > {limit} days"]
    assert "ACC" in cited(f)


def test_review_appeal_without_review_counts_from_the_decision() -> None:
    d = decision(decided_on=DECIDED, appeal_applied_on=DECIDED + dt.timedelta(days=16))
    f = the_finding(
        run(decisions(d), "accountability.review_deadlines"), "accountability.review_deadlines", "acc-x"
    )
    assert list(f.evidence["failed"]) == ["appeal_applied: 16 > 15 days"]


def test_review_sample_violation() -> None:
    f = the_finding(
        run(SAMPLE, "accountability.review_deadlines"), "accountability.review_deadlines", "acc-01"
    )
    assert list(f.evidence["failed"]) == ["review_decided: 40 > 30 days"]


# --- accountability.published ---------------------------------------------------------------------------------------


def test_acc_published_compliant_in_the_sample() -> None:
    report = run(SAMPLE, "accountability.published", "guangxi")
    assert report.findings == ()
    assert counts(report, "accountability.published")["compliant"] == len(SAMPLE.accountability_decisions)


def test_acc_published_violation() -> None:
    f = the_finding(
        run(decisions(decision(published=False)), "accountability.published", "weihai-etdz"),
        "accountability.published",
        "acc-x",
    )
    assert head(f) == ("accountability_decision", "violation", "error")
    assert responsible(f) == OFFICE
    assert f.evidence["decided_on"] == D(2024, 6, 1)
    assert "WH" in cited(f)


def test_acc_published_undeterminable() -> None:
    f = the_finding(
        run(decisions(decision(published=None)), "accountability.published", "guangxi"),
        "accountability.published",
        "acc-x",
    )
    assert head(f) == ("accountability_decision", "undeterminable", "warning")
    assert list(f.evidence["missing"]) == ["accountability_decisions.published"]
    assert "GX" in cited(f)


# --- accountability.private_school ---------------------------------------------------------------------------------


def test_private_school_compliant_in_the_sample() -> None:
    report = run(SAMPLE, "accountability.private_school", "weihai-etdz")
    assert report.findings == ()
    assert counts(report, "accountability.private_school")["compliant"] == 1  # acc-04, sch-060


def test_private_school_violation_when_licensing_not_notified() -> None:
    ds = SAMPLE.evolve(
        accountability_decisions=replace(SAMPLE.accountability_decisions, "acc-04", licensing_notified=False)
    )
    f = the_finding(
        run(ds, "accountability.private_school", "weihai-etdz"), "accountability.private_school", "acc-04"
    )
    assert head(f) == ("accountability_decision", "violation", "error")
    assert responsible(f) == "org-qs-edu"  # the authority that licensed it
    assert f.evidence["school"] == "青山县启明培训学校"
    assert "WH" in cited(f)


def test_private_school_undeterminable() -> None:
    ds = SAMPLE.evolve(
        accountability_decisions=replace(SAMPLE.accountability_decisions, "acc-04", licensing_notified=None)
    )
    f = the_finding(
        run(ds, "accountability.private_school", "weihai-etdz"), "accountability.private_school", "acc-04"
    )
    assert head(f) == ("accountability_decision", "undeterminable", "warning")
    assert list(f.evidence["missing"]) == ["accountability_decisions.licensing_notified"]


# --- accountability.referral ----------------------------------------------------------------------------------------


def test_referral_compliant_in_the_sample() -> None:
    report = run(SAMPLE, "accountability.referral", "guangxi")
    assert report.findings == ()
    assert counts(report, "accountability.referral")["compliant"] == 1  # prb-04 → the market regulator


def test_referral_violation_when_not_referred() -> None:
    ds = SAMPLE.evolve(problems=replace(SAMPLE.problems, "prb-04", referred_to=None, referred_on=None))
    f = the_finding(run(ds, "accountability.referral", "guangxi"), "accountability.referral", "prb-04")
    assert head(f) == ("problem", "violation", "error")
    assert responsible(f) == BODY
    assert (f.evidence["to"], f.evidence["referred_to"], f.evidence["due"]) == (
        "enforcement",
        None,
        D(2024, 5, 23),
    )
    assert "GX" in cited(f)


def test_referral_suspected_crime_goes_to_prosecution() -> None:
    crime = SAMPLE.evolve(
        problems=replace(SAMPLE.problems, "prb-04", category=ProblemCategory.SUSPECTED_CRIME)
    )
    f = the_finding(run(crime, "accountability.referral", "weihai-etdz"), "accountability.referral", "prb-04")
    assert (f.evidence["to"], f.evidence["referred_to"]) == ("prosecution", "org-qs-market")
    assert "WH" in cited(f)
    prosecuted = crime.evolve(problems=replace(crime.problems, "prb-04", referred_to="org-qs-proc"))
    assert run(prosecuted, "accountability.referral", "weihai-etdz").findings == ()


def test_referral_late_is_a_violation() -> None:
    ds = SAMPLE.evolve(problems=replace(SAMPLE.problems, "prb-04", referred_on=D(2024, 5, 24)))  # due 05-23
    f = the_finding(run(ds, "accountability.referral", "guangxi"), "accountability.referral", "prb-04")
    assert f.outcome.value == "violation"


# --- incentive.commendation -----------------------------------------------------------------------------------------


def commended(day: dt.date | None) -> Dataset:
    if day is None:
        return SAMPLE.evolve(commendations=[c for c in SAMPLE.commendations if c.id != "cmd-01"])
    return SAMPLE.evolve(commendations=replace(SAMPLE.commendations, "cmd-01", date=day))


def test_commendation_compliant_in_the_sample() -> None:
    report = run(SAMPLE, "incentive.commendation", "guangxi")
    assert report.findings == ()
    assert counts(report, "incentive.commendation")["compliant"] == 1


@pytest.mark.parametrize("profile", ["guangxi", "zibo", "weihai-etdz"])
def test_commendation_violation_when_missing(profile: str) -> None:
    f = the_finding(
        run(commended(None), "incentive.commendation", profile), "incentive.commendation", "org-dp-gov"
    )
    assert head(f) == ("organisation", "violation", "error")
    assert responsible(f) == "org-qs-gov"  # the government that grants it
    assert (f.evidence["since"], f.evidence["due"]) == (D(2024, 3, 20), D(2024, 9, 16))
    assert f.evidence["trigger"] == "evaluated excellent"
    assert {"guangxi": "GX", "zibo": "ZB", "weihai-etdz": "WH"}[profile] in cited(f)


def test_commendation_within_days_boundary() -> None:
    assert run(commended(D(2024, 9, 16)), "incentive.commendation", "zibo").findings == ()
    f = the_finding(
        run(commended(D(2024, 9, 17)), "incentive.commendation", "zibo"),
        "incentive.commendation",
        "org-dp-gov",
    )
    assert list(f.evidence["recorded"]) == []


# --- every rule of the three sections is covered ------------------------------------------------------------------

SECTION_RULES = (
    "supervision.team_size",
    "supervision.written_notice",
    "supervision.report",
    "feedback.given",
    "feedback.meeting_invitees",
    "rectification.deadline",
    "rectification.reported",
    "rectification.urging",
    "rectification.verified",
    "rectification.published",
    "rectification.look_back",
    "rectification.competent_liability",
    "interview.triggers",
    "interview.record",
    "circular.triggers",
    "circular.leadership_ineligible",
    "accountability.triggers",
    "accountability.measures",
    "accountability.aggravated",
    "accountability.investigation_window",
    "accountability.review_deadlines",
    "accountability.published",
    "accountability.private_school",
    "accountability.referral",
    "incentive.commendation",
)


def test_every_rule_of_the_sections_that_a_profile_has_is_tested_here() -> None:
    profiles = ("national", "guangxi", "chongqing", "zibo", "weihai-etdz")
    sections = {CONDUCT, RECTIFICATION, CONSEQUENCES}
    in_sections = {r for p in profiles for r, eff in resolve(p).rules.items() if eff.rule.section in sections}
    assert in_sections == set(SECTION_RULES)
    source = Path(__file__).read_text(encoding="utf-8")
    for rule in SECTION_RULES:
        assert source.count(f'"{rule}"') >= 3, rule
