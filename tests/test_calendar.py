from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, timedelta

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from edusupervision._calendar import (
    DEFAULT_SEMESTER_POLICY,
    CalendarError,
    DateRange,
    DayCount,
    Deadline,
    MonthEndPolicy,
    SchoolYear,
    Semester,
    SemesterPolicy,
    Term,
    WorkingCalendar,
    add_months,
    add_working_days,
    add_years,
    china_working_calendar,
    fixed_cycle,
    is_working_day,
    rolling_window,
    working_days_between,
)
from edusupervision._errors import EduSupervisionError

# Deterministic, untimed property runs that leave no example database in the tree.
PROPERTY = settings(max_examples=300, deadline=None, derandomize=True, database=None)

# Years whose official arrangement is in holidays 0.109, and a wider span for the calendar-only properties.
arranged_days = st.dates(min_value=date(2001, 1, 1), max_value=date(2026, 12, 31))
any_days = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
MARCH_START = SemesterPolicy(spring_start_month=3)


def days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=k) for k in range((end - start).days + 1)]


# ----------------------------------------------------------------------------------------------------
# Working days: real arrangements


def test_national_day_2024_holiday_and_adjusted_weekends() -> None:
    assert not any(is_working_day(d) for d in days(date(2024, 10, 1), date(2024, 10, 7)))
    assert is_working_day(date(2024, 9, 29))  # Sunday, worked (调休)
    assert is_working_day(date(2024, 10, 12))  # Saturday, worked (调休)
    assert not is_working_day(date(2024, 9, 28))  # ordinary Saturday
    assert not is_working_day(date(2024, 10, 13))  # ordinary Sunday
    assert is_working_day(date(2024, 9, 30))
    assert is_working_day(date(2024, 10, 8))


def test_national_day_2024_counting() -> None:
    assert add_working_days(date(2024, 9, 27), 1) == date(2024, 9, 29)
    assert add_working_days(date(2024, 9, 30), 1) == date(2024, 10, 8)
    assert working_days_between(date(2024, 9, 30), date(2024, 10, 8)) == 1
    # 29 Sep, 30 Sep, 8–12 Oct (12 Oct is the worked Saturday)
    assert working_days_between(date(2024, 9, 27), date(2024, 10, 13)) == 7


def test_spring_festival_2025() -> None:
    assert not any(is_working_day(d) for d in days(date(2025, 1, 28), date(2025, 2, 4)))
    assert is_working_day(date(2025, 1, 26))  # Sunday, worked
    assert is_working_day(date(2025, 2, 8))  # Saturday, worked
    assert is_working_day(date(2025, 1, 27))
    assert is_working_day(date(2025, 2, 5))
    assert add_working_days(date(2025, 1, 27), 1) == date(2025, 2, 5)
    assert working_days_between(date(2025, 1, 24), date(2025, 2, 8)) == 6  # 26, 27 Jan; 5, 6, 7, 8 Feb
    cal = china_working_calendar(range(2025, 2026))
    assert {date(2025, 1, 26), date(2025, 2, 8)} <= cal.adjusted_workdays
    assert date(2025, 1, 29) in cal.holidays


def test_cross_year_adjusted_workday_is_kept() -> None:
    # The 2002 New Year arrangement made Saturday 29 and Sunday 30 December 2001 working days.
    cal = china_working_calendar(range(2001, 2002))
    assert cal.is_working_day(date(2001, 12, 29))
    assert cal.is_working_day(date(2001, 12, 30))
    assert is_working_day(date(2001, 12, 29))


def test_china_calendar_coverage_beyond_the_arrangements() -> None:
    cal = china_working_calendar(range(2026, 2028))
    assert 2026 in cal.arranged_years
    assert 2027 not in cal.arranged_years
    # 2027: statutory holidays, but no adjusted working weekends (调休) yet.
    assert not cal.is_working_day(date(2027, 10, 1))
    assert not any(d.year == 2027 for d in cal.adjusted_workdays)
    # Outside 1950–2100 the package has nothing: weekends off only.
    far = china_working_calendar(range(2101, 2102))
    assert far.holidays == frozenset()
    assert far.adjusted_workdays == frozenset()
    assert is_working_day(date(2101, 10, 3))  # a Monday
    assert not is_working_day(date(2101, 10, 1))  # a Saturday


def test_china_working_calendar_is_cached() -> None:
    assert china_working_calendar(range(2024, 2025)) is china_working_calendar(range(2024, 2025))


def test_explicit_calendar() -> None:
    plain = WorkingCalendar(years=range(2024, 2025), holidays=frozenset(), adjusted_workdays=frozenset())
    assert plain.is_working_day(date(2024, 10, 1))
    assert not plain.is_working_day(date(2024, 9, 29))
    assert is_working_day(date(2024, 10, 1), calendar=plain)
    assert add_working_days(date(2024, 12, 27), 1, calendar=plain) == date(2024, 12, 30)
    assert plain.covers(date(2024, 6, 1))
    assert not plain.covers(date(2025, 1, 1))
    with pytest.raises(CalendarError, match="outside this calendar"):
        plain.is_working_day(date(2025, 1, 2))
    with pytest.raises(CalendarError):
        add_working_days(date(2024, 12, 30), 2, calendar=plain)
    assert working_days_between(date(2024, 9, 27), date(2024, 10, 13), calendar=plain) == 10
    with pytest.raises(CalendarError, match="outside this calendar"):
        working_days_between(date(2024, 12, 30), date(2025, 1, 2), calendar=plain)


def test_working_calendar_validation() -> None:
    with pytest.raises(CalendarError, match="not weekends"):
        WorkingCalendar(years=range(2024, 2025), holidays=set(), adjusted_workdays={date(2024, 10, 8)})
    with pytest.raises(CalendarError, match="both holiday and working day"):
        WorkingCalendar(
            years=range(2024, 2025), holidays={date(2024, 9, 29)}, adjusted_workdays={date(2024, 9, 29)}
        )
    with pytest.raises(CalendarError, match="outside"):
        WorkingCalendar(years=range(2024, 2025), holidays={date(2025, 1, 1)}, adjusted_workdays=set())
    with pytest.raises(CalendarError):
        WorkingCalendar(years=range(2024, 2024), holidays=set(), adjusted_workdays=set())
    with pytest.raises(CalendarError):
        china_working_calendar(range(2024, 2030, 2))


def test_add_working_days_zero_and_negative() -> None:
    assert add_working_days(date(2024, 10, 8), 0) == date(2024, 10, 8)
    assert add_working_days(date(2024, 10, 3), 0) == date(2024, 10, 8)
    assert add_working_days(date(2024, 9, 29), 0) == date(2024, 9, 29)
    with pytest.raises(CalendarError):
        add_working_days(date(2024, 10, 8), -1)


def test_working_days_between_signs() -> None:
    assert working_days_between(date(2024, 10, 8), date(2024, 10, 8)) == 0
    assert working_days_between(date(2024, 10, 8), date(2024, 9, 30)) == -1


# ----------------------------------------------------------------------------------------------------
# Deadlines


def test_deadline_calendar_days() -> None:
    assert Deadline(30, DayCount.CALENDAR).due(date(2024, 9, 2)) == date(2024, 10, 2)
    assert Deadline(0, DayCount.CALENDAR).due(date(2024, 10, 1)) == date(2024, 10, 1)
    extended = Deadline(30, DayCount.CALENDAR, extend_past_rest_days=True)
    assert extended.due(date(2024, 9, 2)) == date(2024, 10, 8)
    assert extended.due(date(2024, 9, 1)) == date(2024, 10, 8)  # 1 Oct is off too
    assert extended.due(date(2024, 9, 8)) == date(2024, 10, 8)  # lands on a working day: unchanged


def test_deadline_working_days() -> None:
    assert Deadline(5, DayCount.WORKING).due(date(2024, 9, 27)) == date(2024, 10, 10)
    assert Deadline(days=15, count=DayCount.WORKING).due(date(2025, 1, 20)) == date(2025, 2, 14)
    assert Deadline(5, DayCount.WORKING).label == "5个工作日"
    assert Deadline(30, DayCount.CALENDAR).label == "30个自然日"
    assert DayCount.CALENDAR.label_en == "calendar days"
    assert DayCount.WORKING.label == "工作日"


def test_deadline_validation() -> None:
    with pytest.raises(CalendarError):
        Deadline(-1, DayCount.CALENDAR)


# ----------------------------------------------------------------------------------------------------
# Month arithmetic


@pytest.mark.parametrize(
    ("start", "policy", "expected"),
    [
        (date(2025, 1, 31), MonthEndPolicy.CLAMP, date(2025, 2, 28)),
        (date(2024, 1, 31), MonthEndPolicy.CLAMP, date(2024, 2, 29)),
        (date(2025, 1, 31), MonthEndPolicy.NEXT_DAY, date(2025, 3, 1)),
        (date(2024, 1, 31), MonthEndPolicy.NEXT_DAY, date(2024, 3, 1)),
        (date(2024, 1, 29), MonthEndPolicy.RAISE, date(2024, 2, 29)),
        (date(2025, 5, 31), MonthEndPolicy.CLAMP, date(2025, 6, 30)),
        (date(2025, 5, 31), MonthEndPolicy.NEXT_DAY, date(2025, 7, 1)),
        (date(2025, 1, 15), MonthEndPolicy.RAISE, date(2025, 2, 15)),
    ],
)
def test_add_one_month(start: date, policy: MonthEndPolicy, expected: date) -> None:
    assert add_months(start, 1, policy=policy) == expected


def test_add_months_raise_policy() -> None:
    with pytest.raises(CalendarError, match="2025-02-31 does not exist"):
        add_months(date(2025, 1, 31), 1, policy=MonthEndPolicy.RAISE)
    with pytest.raises(ValueError, match="2025-02-29"):
        add_months(date(2025, 1, 29), 1, policy=MonthEndPolicy.RAISE)


def test_add_months_negative_and_across_years() -> None:
    assert add_months(date(2024, 3, 31), -1, policy=MonthEndPolicy.CLAMP) == date(2024, 2, 29)
    assert add_months(date(2024, 11, 30), 3, policy=MonthEndPolicy.CLAMP) == date(2025, 2, 28)
    assert add_months(date(2024, 1, 15), -13, policy=MonthEndPolicy.RAISE) == date(2022, 12, 15)
    assert add_months(date(2024, 1, 15), 0, policy=MonthEndPolicy.RAISE) == date(2024, 1, 15)


def test_add_months_out_of_range() -> None:
    with pytest.raises(CalendarError, match="outside years"):
        add_months(date(9999, 12, 1), 1, policy=MonthEndPolicy.CLAMP)
    with pytest.raises(CalendarError):
        add_years(date(1, 6, 1), -1, policy=MonthEndPolicy.CLAMP)


def test_policy_is_required() -> None:
    with pytest.raises(TypeError):
        add_months(date(2025, 1, 31), 1)  # type: ignore[call-arg]  # checking the missing policy is refused
    with pytest.raises(TypeError):
        add_years(date(2024, 2, 29), 1)  # type: ignore[call-arg]  # same, for years


def test_leap_day_plus_one_year() -> None:
    leap = date(2024, 2, 29)
    assert add_years(leap, 1, policy=MonthEndPolicy.CLAMP) == date(2025, 2, 28)
    assert add_years(leap, 1, policy=MonthEndPolicy.NEXT_DAY) == date(2025, 3, 1)
    with pytest.raises(CalendarError):
        add_years(leap, 1, policy=MonthEndPolicy.RAISE)
    assert add_years(leap, 4, policy=MonthEndPolicy.RAISE) == date(2028, 2, 29)
    assert add_years(leap, -1, policy=MonthEndPolicy.CLAMP) == date(2023, 2, 28)


# ----------------------------------------------------------------------------------------------------
# Ranges, windows, cycles


def test_date_range() -> None:
    r = DateRange(date(2024, 12, 20), date(2025, 2, 3))
    assert r.days == 46
    assert r.contains(date(2024, 12, 20))
    assert date(2025, 2, 3) in r
    assert date(2025, 2, 4) not in r
    assert "2025-01-01" not in r
    assert [m.days for m in r.months()] == [12, 31, 3]
    assert str(r) == "2024-12-20/2025-02-03"
    assert DateRange(date(2024, 1, 1), date(2024, 1, 1)).days == 1
    with pytest.raises(CalendarError):
        DateRange(date(2024, 1, 2), date(2024, 1, 1))


def test_rolling_window() -> None:
    assert rolling_window(date(2024, 6, 30), years=5) == DateRange(date(2019, 7, 1), date(2024, 6, 30))
    assert rolling_window(date(2024, 12, 31), years=1) == DateRange(date(2024, 1, 1), date(2024, 12, 31))
    leap = rolling_window(date(2024, 2, 29), years=1)
    assert leap == DateRange(date(2023, 3, 1), date(2024, 2, 29))
    assert leap.days == 366
    assert rolling_window(date(2024, 2, 29), years=1, policy=MonthEndPolicy.NEXT_DAY).start == date(
        2023, 3, 2
    )
    with pytest.raises(CalendarError):
        rolling_window(date(2024, 2, 29), years=1, policy=MonthEndPolicy.RAISE)
    for bad in (0, -3):
        with pytest.raises(CalendarError):
            rolling_window(date(2024, 6, 30), years=bad)


def test_fixed_cycle() -> None:
    anchor = date(2021, 1, 1)
    assert fixed_cycle(anchor, years=5, as_of=date(2021, 1, 1)) == DateRange(anchor, date(2025, 12, 31))
    assert fixed_cycle(anchor, years=5, as_of=date(2025, 12, 31)) == DateRange(anchor, date(2025, 12, 31))
    assert fixed_cycle(anchor, years=5, as_of=date(2026, 1, 1)) == DateRange(
        date(2026, 1, 1), date(2030, 12, 31)
    )
    leap = date(2024, 2, 29)
    assert fixed_cycle(leap, years=1, as_of=date(2025, 2, 27)) == DateRange(leap, date(2025, 2, 27))
    assert fixed_cycle(leap, years=1, as_of=date(2028, 2, 28)) == DateRange(
        date(2027, 2, 28), date(2028, 2, 28)
    )
    assert fixed_cycle(leap, years=1, as_of=date(2028, 2, 29)).start == leap.replace(year=2028)
    with pytest.raises(CalendarError, match="before the cycles' anchor"):
        fixed_cycle(anchor, years=5, as_of=date(2020, 12, 31))
    with pytest.raises(CalendarError):
        fixed_cycle(anchor, years=0, as_of=date(2022, 1, 1))


# ----------------------------------------------------------------------------------------------------
# School years and semesters


def test_school_year_boundaries() -> None:
    sy = SchoolYear(2024)
    assert SchoolYear.of(date(2025, 8, 31)) == sy
    assert SchoolYear.of(date(2025, 9, 1)) == SchoolYear(2025)
    assert SchoolYear.of(date(2024, 9, 1)) == sy
    assert SchoolYear.of(date(2024, 8, 31)) == SchoolYear(2023)
    assert (sy.start, sy.end) == (date(2024, 9, 1), date(2025, 8, 31))
    assert sy.label == "2024-2025学年"
    assert sy.label_en == "school year 2024-2025"
    assert sy.next() == SchoolYear(2025)
    assert sy.previous() == SchoolYear(2023)
    assert sy.as_range().days == 365
    assert SchoolYear(2023).as_range().days == 366
    assert sorted([SchoolYear(2025), SchoolYear(2023)]) == [SchoolYear(2023), SchoolYear(2025)]
    for bad in (0, 9999):
        with pytest.raises(CalendarError):
            SchoolYear(bad)


def test_semester_boundaries() -> None:
    autumn = Semester.of(date(2025, 1, 31))
    spring = Semester.of(date(2025, 2, 1))
    assert autumn == Semester(school_year=SchoolYear(2024), term=Term.AUTUMN)
    assert spring == Semester(school_year=SchoolYear(2024), term=Term.SPRING)
    assert (autumn.start, autumn.end) == (date(2024, 9, 1), date(2025, 1, 31))
    assert (spring.start, spring.end) == (date(2025, 2, 1), date(2025, 7, 31))
    assert Semester.of(date(2024, 9, 1)) == autumn
    assert Semester.of(date(2025, 7, 31)) == spring
    assert Semester.of(date(2025, 8, 1)) is None
    assert Semester.of(date(2025, 8, 31)) is None
    assert autumn.label == "2024-2025学年秋季学期"
    assert spring.label_en == "2024-2025 spring semester"
    assert autumn.next() == spring
    assert spring.next() == Semester(school_year=SchoolYear(2025), term=Term.AUTUMN)
    assert spring.previous() == autumn
    assert autumn.previous() == Semester(school_year=SchoolYear(2023), term=Term.SPRING)
    assert SchoolYear(2024).semesters() == (autumn, spring)


def test_semester_march_policy() -> None:
    assert Semester.of(date(2025, 2, 15), policy=MARCH_START) is None
    spring = Semester.of(date(2025, 3, 1), policy=MARCH_START)
    assert spring is not None
    assert spring.term is Term.SPRING
    assert spring.start == date(2025, 3, 1)
    assert spring.policy == MARCH_START
    assert spring.previous().policy == MARCH_START
    assert Semester.of(date(2025, 1, 31), policy=MARCH_START) is not None
    assert DEFAULT_SEMESTER_POLICY.spring_start_month == 2
    for bad in (1, 4, 9):
        with pytest.raises(CalendarError):
            SemesterPolicy(spring_start_month=bad)


def test_term_labels() -> None:
    assert (Term.AUTUMN.label, Term.AUTUMN.label_en) == ("秋季学期", "autumn semester")
    assert (Term.SPRING.label, Term.SPRING.label_en) == ("春季学期", "spring semester")


# ----------------------------------------------------------------------------------------------------
# Input types


def test_pendulum_dates_in_plain_dates_out() -> None:
    p = pendulum.date(2024, 9, 27)
    results = [
        add_working_days(p, 1),
        add_months(pendulum.date(2025, 1, 31), 1, policy=MonthEndPolicy.CLAMP),
        add_years(pendulum.date(2024, 2, 29), 1, policy=MonthEndPolicy.CLAMP),
        rolling_window(p, years=1).start,
        rolling_window(p, years=1).end,
        fixed_cycle(pendulum.date(2021, 1, 1), years=5, as_of=p).start,
        DateRange(p, pendulum.date(2024, 10, 1)).end,
        Deadline(3, DayCount.CALENDAR).due(p),
        SchoolYear.of(p).start,
    ]
    assert all(type(r) is date for r in results)
    assert results[0] == date(2024, 9, 29)
    assert is_working_day(pendulum.date(2024, 9, 29))
    assert working_days_between(p, pendulum.date(2024, 10, 8)) == 3
    assert SchoolYear(2024).contains(pendulum.date(2025, 8, 31))


def test_datetimes_are_refused() -> None:
    moment = datetime(2024, 10, 1, 23, 30, tzinfo=UTC)
    with pytest.raises(TypeError, match="datetime"):
        is_working_day(moment)
    with pytest.raises(TypeError):
        SchoolYear.of(moment)
    assert moment not in DateRange(date(2024, 10, 1), date(2024, 10, 2))


def test_calendar_error_is_a_library_value_error() -> None:
    assert issubclass(CalendarError, EduSupervisionError)
    assert issubclass(CalendarError, ValueError)


# ----------------------------------------------------------------------------------------------------
# Properties


@PROPERTY
@given(d=arranged_days, n=st.integers(min_value=1, max_value=60))
def test_add_working_days_lands_on_a_working_day_n_days_on(d: date, n: int) -> None:
    result = add_working_days(d, n)
    assert result > d
    assert is_working_day(result)
    assert working_days_between(d, result) == n


@PROPERTY
@given(d=arranged_days)
def test_add_zero_working_days(d: date) -> None:
    result = add_working_days(d, 0)
    assert result >= d
    assert is_working_day(result)
    assert not any(is_working_day(x) for x in days(d, result - timedelta(days=1)))
    assert (result == d) == is_working_day(d)


@PROPERTY
@given(a=arranged_days, b=arranged_days, c=arranged_days)
def test_working_days_between_adds_up(a: date, b: date, c: date) -> None:
    ab = working_days_between(a, b)
    assert ab == -working_days_between(b, a)
    assert ab + working_days_between(b, c) == working_days_between(a, c)


@PROPERTY
@given(a=st.dates(min_value=date(1948, 1, 1), max_value=date(2103, 12, 31)), span=st.integers(0, 800))
def test_working_days_between_matches_a_day_by_day_count(a: date, span: int) -> None:
    b = a + timedelta(days=span)
    naive = sum(1 for x in days(a + timedelta(days=1), b) if is_working_day(x))
    assert working_days_between(a, b) == naive


@PROPERTY
@given(d=any_days)
def test_school_year_of_contains(d: date) -> None:
    sy = SchoolYear.of(d)
    assert sy.contains(d)
    assert not sy.next().contains(d)
    assert not sy.previous().contains(d)
    assert sy.as_range().days in {365, 366}


@PROPERTY
@given(d=any_days, policy=st.sampled_from([DEFAULT_SEMESTER_POLICY, MARCH_START]))
def test_semester_lies_inside_its_school_year(d: date, policy: SemesterPolicy) -> None:
    semester = Semester.of(d, policy=policy)
    vacation = d.month == 8 or (d.month == 2 and policy.spring_start_month == 3)
    if semester is None:
        assert vacation
        return
    assert not vacation
    assert semester.contains(d)
    sy = semester.school_year
    assert sy == SchoolYear.of(d)
    assert sy.start <= semester.start <= semester.end <= sy.end
    assert semester.next().previous() == semester
    assert semester.end < semester.next().start


@PROPERTY
@given(as_of=any_days, years=st.integers(min_value=1, max_value=10))
def test_rolling_window_length(as_of: date, years: int) -> None:
    window = rolling_window(as_of, years=years)
    assert window.end == as_of
    leap_days = sum(
        1 for y in range(window.start.year, as_of.year + 1) if calendar.isleap(y) and date(y, 2, 29) in window
    )
    assert window.days == 365 * years + leap_days


@PROPERTY
@given(
    anchor=st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)),
    offset=st.integers(min_value=0, max_value=20_000),
    years=st.integers(min_value=1, max_value=6),
)
def test_fixed_cycle_contains_as_of_and_tiles(anchor: date, offset: int, years: int) -> None:
    as_of = anchor + timedelta(days=offset)
    cycle = fixed_cycle(anchor, years=years, as_of=as_of)
    assert cycle.contains(as_of)
    assert cycle.start >= anchor
    assert 365 * years - 1 <= cycle.days <= 366 * years + 1
    following = fixed_cycle(anchor, years=years, as_of=cycle.end + timedelta(days=1))
    assert following.start == cycle.end + timedelta(days=1)


@PROPERTY
@given(
    d=st.dates(min_value=date(1000, 1, 1), max_value=date(9000, 12, 31)),
    n=st.integers(min_value=-6000, max_value=6000),
)
def test_add_months_clamp_is_consistent(d: date, n: int) -> None:
    result = add_months(d, n, policy=MonthEndPolicy.CLAMP)
    assert result.year * 12 + result.month == d.year * 12 + d.month + n
    assert result.day == min(d.day, calendar.monthrange(result.year, result.month)[1])
    if d.day <= 28:
        assert add_months(result, -n, policy=MonthEndPolicy.CLAMP) == d
        assert add_months(d, n, policy=MonthEndPolicy.RAISE) == result
    next_day = add_months(d, n, policy=MonthEndPolicy.NEXT_DAY)
    assert next_day == result or (next_day == result + timedelta(days=1) and next_day.day == 1)


@PROPERTY
@given(
    d=st.dates(min_value=date(1000, 1, 1), max_value=date(9000, 12, 31)),
    a=st.integers(min_value=-500, max_value=500),
    b=st.integers(min_value=-500, max_value=500),
)
def test_add_months_composes_below_day_29(d: date, a: int, b: int) -> None:
    d = d.replace(day=min(d.day, 28))
    step = add_months(add_months(d, a, policy=MonthEndPolicy.CLAMP), b, policy=MonthEndPolicy.CLAMP)
    assert step == add_months(d, a + b, policy=MonthEndPolicy.CLAMP)
