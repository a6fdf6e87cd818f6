"""The supervision calendar: school years, semesters, cycles, month arithmetic and working days.

Everything here is a pure function of the dates it is given (no clock is ever read) or a small frozen
``attrs`` value. Dates are :class:`datetime.date`; subclasses such as ``pendulum.Date`` are accepted and
every date returned is a plain :class:`datetime.date`. A :class:`datetime.datetime` is refused with
:class:`TypeError`: truncating it to its date silently would depend on its time zone.

Conventions (RULEBOOK, "Rules"): a period is a calendar year unless the rule says 学年 (school year, 1
September – 31 August, :class:`SchoolYear`) or 学期 (semester, :class:`Semester`: autumn 1 September – 31
January, spring 1 February or 1 March – 31 July).

Working days follow the State Council's yearly holiday arrangement (国务院办公厅关于部分节假日安排的通知),
read from the maintained ``holidays`` package: public holidays are days off, and the weekend days the
arrangement turns into working days (调休上班日) are working days. See :func:`china_working_calendar` for
the years the package covers.

Period counting follows the Civil Code (《民法典》): the day an event happens is not counted, the period
starts the next day (第二百零一条); a period in months or years ends on the corresponding day of the last
month, or on that month's last day when there is no corresponding day (第二百零三条 —
:attr:`MonthEndPolicy.CLAMP`).
"""

from __future__ import annotations

import calendar as _gregorian
import datetime as dt
import enum
import functools
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final

import attrs

from edusupervision._errors import EduSupervisionError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

__all__ = [
    "DEFAULT_SEMESTER_POLICY",
    "CalendarError",
    "DateRange",
    "DayCount",
    "Deadline",
    "MonthEndPolicy",
    "SchoolYear",
    "Semester",
    "SemesterPolicy",
    "Term",
    "WorkingCalendar",
    "add_months",
    "add_working_days",
    "add_years",
    "china_working_calendar",
    "fixed_cycle",
    "is_working_day",
    "rolling_window",
    "working_days_between",
]

_ONE_DAY: Final = timedelta(days=1)
_SATURDAY: Final = 5  # date.weekday(): Monday is 0


class CalendarError(EduSupervisionError, ValueError):
    """A date computation that has no answer: a non-existent day, a bad period, a date outside a calendar."""


def _as_date(d: object) -> date:
    """Return ``d`` as a plain :class:`datetime.date` (``pendulum.Date`` and other subclasses accepted)."""
    if isinstance(d, dt.datetime):
        msg = f"expected a date, got the datetime {d!r}: pass d.date() (in the time zone you mean)"
        raise TypeError(msg)
    if not isinstance(d, date):
        msg = f"expected a date, got {type(d).__name__} {d!r}"
        raise TypeError(msg)
    return d if type(d) is date else date(d.year, d.month, d.day)


def _next_day(d: date) -> date:
    if d == date.max:
        msg = "no day after 9999-12-31"
        raise CalendarError(msg)
    return d + _ONE_DAY


# ----------------------------------------------------------------------------------------------------
# Month and year arithmetic


class MonthEndPolicy(enum.Enum):
    """What :func:`add_months` and :func:`add_years` do when the target month has no such day.

    Attributes
    ----------
    CLAMP:
        Use the target month's last day: 31 Jan 2025 + 1 month = 28 Feb 2025; 29 Feb 2024 + 1 year = 28 Feb
        2025. This is the Civil Code's rule for periods (《民法典》第二百零三条).
    RAISE:
        Raise :class:`CalendarError`.
    NEXT_DAY:
        Roll over to the first day of the month after the target month: 31 Jan 2025 + 1 month = 1 Mar 2025
        (so do 29 and 30 Jan); 29 Feb 2024 + 1 year = 1 Mar 2025.

    """

    CLAMP = "clamp"
    RAISE = "raise"
    NEXT_DAY = "next_day"


def add_months(d: date, n: int, *, policy: MonthEndPolicy) -> date:
    """Return ``d`` moved by ``n`` calendar months (``n`` may be negative); ``policy`` resolves missing days.

    Parameters
    ----------
    d:
        The date to move.
    n:
        Months to add; negative moves back.
    policy:
        What to do when the target month is too short for ``d.day`` (required: there is no silent default).

    Returns
    -------
    datetime.date
        The moved date.

    Raises
    ------
    CalendarError
        With :attr:`MonthEndPolicy.RAISE` when the day does not exist, and when the result is outside years
        1–9999.

    Examples
    --------
    >>> from datetime import date
    >>> add_months(date(2025, 1, 31), 1, policy=MonthEndPolicy.CLAMP)
    datetime.date(2025, 2, 28)
    >>> add_months(date(2025, 1, 31), 1, policy=MonthEndPolicy.NEXT_DAY)
    datetime.date(2025, 3, 1)
    >>> try:
    ...     add_months(date(2025, 1, 31), 1, policy=MonthEndPolicy.RAISE)
    ... except CalendarError as error:
    ...     print(error)
    2025-02-31 does not exist (2025-01-31 + 1 month(s))
    >>> add_months(date(2024, 3, 15), -3, policy=MonthEndPolicy.RAISE)
    datetime.date(2023, 12, 15)

    """
    d = _as_date(d)
    year, month0 = divmod(d.year * 12 + (d.month - 1) + n, 12)
    if not date.min.year <= year <= date.max.year:
        msg = f"{d.isoformat()} + {n} month(s) is outside years 1-9999"
        raise CalendarError(msg)
    month = month0 + 1
    last = _gregorian.monthrange(year, month)[1]
    if d.day <= last:
        return date(year, month, d.day)
    match policy:
        case MonthEndPolicy.CLAMP:
            return date(year, month, last)
        case MonthEndPolicy.NEXT_DAY:
            # Only February and 30-day months can be short, so the next month is in the same year.
            return date(year, month + 1, 1)
        case MonthEndPolicy.RAISE:
            msg = f"{year:04d}-{month:02d}-{d.day:02d} does not exist ({d.isoformat()} + {n} month(s))"
            raise CalendarError(msg)


def add_years(d: date, n: int, *, policy: MonthEndPolicy) -> date:
    """Return ``d`` moved by ``n`` years (``n`` may be negative); only 29 February can be missing.

    Parameters
    ----------
    d:
        The date to move.
    n:
        Years to add; negative moves back.
    policy:
        What to do with 29 February in a common year (required).

    Returns
    -------
    datetime.date
        The moved date.

    Raises
    ------
    CalendarError
        With :attr:`MonthEndPolicy.RAISE` for 29 February into a common year, and outside years 1–9999.

    Examples
    --------
    >>> from datetime import date
    >>> add_years(date(2024, 2, 29), 1, policy=MonthEndPolicy.CLAMP)
    datetime.date(2025, 2, 28)
    >>> add_years(date(2024, 2, 29), 1, policy=MonthEndPolicy.NEXT_DAY)
    datetime.date(2025, 3, 1)
    >>> add_years(date(2024, 2, 29), 4, policy=MonthEndPolicy.RAISE)
    datetime.date(2028, 2, 29)

    """
    return add_months(d, 12 * n, policy=policy)


# ----------------------------------------------------------------------------------------------------
# Date ranges, rolling windows and fixed cycles


@attrs.frozen
class DateRange:
    """An inclusive range of days ``start`` … ``end``.

    Attributes
    ----------
    start:
        First day (included).
    end:
        Last day (included); not before ``start``.

    Examples
    --------
    >>> from datetime import date
    >>> r = DateRange(date(2024, 9, 1), date(2025, 1, 31))
    >>> r.days, r.contains(date(2025, 1, 31)), date(2025, 2, 1) in r
    (153, True, False)

    """

    start: date = attrs.field(converter=_as_date)
    end: date = attrs.field(converter=_as_date)

    @end.validator
    def _check_end(self, _attribute: attrs.Attribute[date], value: date) -> None:
        if value < self.start:
            msg = f"range ends ({value.isoformat()}) before it starts ({self.start.isoformat()})"
            raise CalendarError(msg)

    @property
    def days(self) -> int:
        """Number of days in the range, both ends included."""
        return (self.end - self.start).days + 1

    def contains(self, d: date) -> bool:
        """Return whether ``d`` lies in the range (ends included)."""
        return self.start <= _as_date(d) <= self.end

    def __contains__(self, d: object) -> bool:
        """Support ``d in range``; anything that is not a date is not contained."""
        return isinstance(d, date) and not isinstance(d, dt.datetime) and self.contains(d)

    def months(self) -> Iterator[DateRange]:
        """Yield the part of the range in each calendar month, in order.

        Examples
        --------
        >>> from datetime import date
        >>> [str(m) for m in DateRange(date(2024, 12, 20), date(2025, 2, 3)).months()]
        ['2024-12-20/2024-12-31', '2025-01-01/2025-01-31', '2025-02-01/2025-02-03']

        """
        first = self.start
        while True:
            last_of_month = date(first.year, first.month, _gregorian.monthrange(first.year, first.month)[1])
            if last_of_month >= self.end:
                yield DateRange(first, self.end)
                return
            yield DateRange(first, last_of_month)
            first = last_of_month + _ONE_DAY

    def __str__(self) -> str:
        """ISO 8601 interval notation, ``start/end``."""
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def _check_years(years: int) -> None:
    if years <= 0:
        msg = f"a period needs a positive number of years, got {years}"
        raise CalendarError(msg)


def rolling_window(as_of: date, *, years: int, policy: MonthEndPolicy = MonthEndPolicy.CLAMP) -> DateRange:
    """Return the ``years``-long window that ends on ``as_of`` (included).

    The window starts the day after the same day ``years`` earlier (《民法典》第二百零一条: the start day is
    not counted). When that day does not exist (``as_of`` is 29 February), ``policy`` decides; the default
    :attr:`MonthEndPolicy.CLAMP` takes 28 February, so the window starts on 1 March.

    Parameters
    ----------
    as_of:
        The window's last day.
    years:
        Length in years, positive.
    policy:
        Month-end policy for the shift back by ``years`` years (default: clamp, the Civil Code's rule).

    Returns
    -------
    DateRange
        The window.

    Raises
    ------
    CalendarError
        When ``years`` <= 0 (or the policy raises).

    Examples
    --------
    >>> from datetime import date
    >>> str(rolling_window(date(2024, 6, 30), years=5))
    '2019-07-01/2024-06-30'
    >>> w = rolling_window(date(2024, 2, 29), years=1)
    >>> str(w), w.days
    ('2023-03-01/2024-02-29', 366)

    """
    as_of = _as_date(as_of)
    _check_years(years)
    return DateRange(_next_day(add_years(as_of, -years, policy=policy)), as_of)


def fixed_cycle(
    anchor: date, *, years: int, as_of: date, policy: MonthEndPolicy = MonthEndPolicy.CLAMP
) -> DateRange:
    """Return the fixed cycle that contains ``as_of``, cycles being ``years`` long and starting at ``anchor``.

    Cycle ``k`` runs from ``anchor + k·years`` to the day before ``anchor + (k+1)·years``; every boundary is
    computed from ``anchor`` (never step by step), so a 29 February anchor does not drift.

    Parameters
    ----------
    anchor:
        First day of the first cycle.
    years:
        Cycle length in years, positive.
    as_of:
        The day whose cycle is wanted; not before ``anchor``.
    policy:
        Month-end policy for boundaries of a 29 February anchor (default: clamp).

    Returns
    -------
    DateRange
        The cycle containing ``as_of``.

    Raises
    ------
    CalendarError
        When ``years`` <= 0 or ``as_of`` is before ``anchor``.

    Examples
    --------
    >>> from datetime import date
    >>> str(fixed_cycle(date(2021, 1, 1), years=5, as_of=date(2026, 3, 1)))
    '2026-01-01/2030-12-31'
    >>> str(fixed_cycle(date(2024, 9, 1), years=1, as_of=date(2025, 8, 31)))
    '2024-09-01/2025-08-31'

    """
    anchor = _as_date(anchor)
    as_of = _as_date(as_of)
    _check_years(years)
    if as_of < anchor:
        msg = f"{as_of.isoformat()} is before the cycles' anchor {anchor.isoformat()}"
        raise CalendarError(msg)

    def boundary(k: int) -> date:
        return add_years(anchor, k * years, policy=policy)

    k = (as_of.year - anchor.year) // years
    while boundary(k) > as_of:
        k -= 1
    while boundary(k + 1) <= as_of:
        k += 1
    return DateRange(boundary(k), boundary(k + 1) - _ONE_DAY)


# ----------------------------------------------------------------------------------------------------
# School years and semesters


def _check_start_year(_instance: object, _attribute: attrs.Attribute[int], value: int) -> None:
    if not date.min.year <= value < date.max.year:
        msg = f"a school year must start in years 1-9998, got {value}"
        raise CalendarError(msg)


@attrs.frozen(order=True)
class SchoolYear:
    """A school year (学年): 1 September ``start_year`` – 31 August ``start_year + 1``.

    Attributes
    ----------
    start_year:
        The calendar year in which it starts.

    Examples
    --------
    >>> from datetime import date
    >>> sy = SchoolYear.of(date(2025, 3, 12))
    >>> sy.label, sy.start, sy.end
    ('2024-2025学年', datetime.date(2024, 9, 1), datetime.date(2025, 8, 31))
    >>> SchoolYear.of(date(2025, 8, 31)) == sy, SchoolYear.of(date(2025, 9, 1)) == sy.next()
    (True, True)

    """

    start_year: int = attrs.field(validator=_check_start_year)

    @classmethod
    def of(cls, d: date) -> SchoolYear:
        """Return the school year containing ``d``."""
        d = _as_date(d)
        return cls(d.year if d.month >= 9 else d.year - 1)

    @property
    def start(self) -> date:
        """1 September of ``start_year``."""
        return date(self.start_year, 9, 1)

    @property
    def end(self) -> date:
        """31 August of the next year."""
        return date(self.start_year + 1, 8, 31)

    @property
    def label(self) -> str:
        """Chinese label, ``2024-2025学年``."""
        return f"{self.start_year}-{self.start_year + 1}学年"

    @property
    def label_en(self) -> str:
        """English label, ``school year 2024-2025``."""
        return f"school year {self.start_year}-{self.start_year + 1}"

    def as_range(self) -> DateRange:
        """Return the school year as a :class:`DateRange`."""
        return DateRange(self.start, self.end)

    def contains(self, d: date) -> bool:
        """Return whether ``d`` lies in this school year."""
        return self.start <= _as_date(d) <= self.end

    def next(self) -> SchoolYear:
        """Return the following school year."""
        return SchoolYear(self.start_year + 1)

    def previous(self) -> SchoolYear:
        """Return the preceding school year."""
        return SchoolYear(self.start_year - 1)

    def semesters(self, *, policy: SemesterPolicy | None = None) -> tuple[Semester, Semester]:
        """Return its autumn and spring semesters (``policy`` None means :data:`DEFAULT_SEMESTER_POLICY`)."""
        policy = DEFAULT_SEMESTER_POLICY if policy is None else policy
        return (
            Semester(school_year=self, term=Term.AUTUMN, policy=policy),
            Semester(school_year=self, term=Term.SPRING, policy=policy),
        )


class Term(enum.Enum):
    """The two terms of a school year.

    Attributes
    ----------
    AUTUMN:
        秋季学期 (first term, from 1 September).
    SPRING:
        春季学期 (second term, from 1 February or 1 March).

    Examples
    --------
    >>> Term.AUTUMN.label, Term.SPRING.label_en
    ('秋季学期', 'spring semester')

    """

    AUTUMN = "autumn"
    SPRING = "spring"

    @property
    def label(self) -> str:
        """Chinese name: 秋季学期 / 春季学期."""
        return "秋季学期" if self is Term.AUTUMN else "春季学期"

    @property
    def label_en(self) -> str:
        """English name: autumn semester / spring semester."""
        return f"{self.value} semester"


def _check_spring_start_month(_instance: object, _attribute: attrs.Attribute[int], value: int) -> None:
    if value not in {2, 3}:
        msg = f"the spring semester starts in February (2) or March (3), got month {value}"
        raise CalendarError(msg)


@attrs.frozen(kw_only=True)
class SemesterPolicy:
    """When semesters start: the one thing that varies between provinces.

    Attributes
    ----------
    spring_start_month:
        Month the spring semester starts on the 1st of: 2 (February, the default, RULEBOOK "1 Feb") or 3
        (March: some provinces start the spring semester in March; February is then winter vacation and
        belongs to no semester). The autumn semester always runs 1 September – 31 January and the spring
        semester always ends 31 July; August is summer vacation.

    Examples
    --------
    >>> from datetime import date
    >>> Semester.of(date(2025, 2, 10)).label
    '2024-2025学年春季学期'
    >>> Semester.of(date(2025, 2, 10), policy=SemesterPolicy(spring_start_month=3)) is None
    True

    """

    spring_start_month: int = attrs.field(default=2, validator=_check_spring_start_month)


DEFAULT_SEMESTER_POLICY: Final = SemesterPolicy()
"""The default :class:`SemesterPolicy`: spring semester from 1 February."""


@attrs.frozen(kw_only=True)
class Semester:
    """A semester (学期) of a school year.

    Attributes
    ----------
    school_year:
        The school year it belongs to.
    term:
        Autumn or spring.
    policy:
        The :class:`SemesterPolicy` that fixes the spring start (default :data:`DEFAULT_SEMESTER_POLICY`).

    Examples
    --------
    >>> from datetime import date
    >>> s = Semester.of(date(2025, 1, 31))
    >>> s.label, s.start, s.end
    ('2024-2025学年秋季学期', datetime.date(2024, 9, 1), datetime.date(2025, 1, 31))
    >>> Semester.of(date(2025, 2, 1)).start, Semester.of(date(2025, 8, 15))
    (datetime.date(2025, 2, 1), None)

    """

    school_year: SchoolYear
    term: Term
    policy: SemesterPolicy = DEFAULT_SEMESTER_POLICY

    @classmethod
    def of(cls, d: date, *, policy: SemesterPolicy = DEFAULT_SEMESTER_POLICY) -> Semester | None:
        """Return the semester containing ``d``; None in a vacation (August; February under a March start)."""
        d = _as_date(d)
        school_year = SchoolYear.of(d)
        if d.month >= 9 or d.month == 1:
            return cls(school_year=school_year, term=Term.AUTUMN, policy=policy)
        if policy.spring_start_month <= d.month <= 7:
            return cls(school_year=school_year, term=Term.SPRING, policy=policy)
        return None

    @property
    def start(self) -> date:
        """First day: 1 September (autumn) or the 1st of the policy's spring month (spring)."""
        if self.term is Term.AUTUMN:
            return self.school_year.start
        return date(self.school_year.start_year + 1, self.policy.spring_start_month, 1)

    @property
    def end(self) -> date:
        """Last day: 31 January (autumn) or 31 July (spring)."""
        year = self.school_year.start_year + 1
        return date(year, 1, 31) if self.term is Term.AUTUMN else date(year, 7, 31)

    @property
    def label(self) -> str:
        """Chinese label, ``2024-2025学年秋季学期``."""
        return self.school_year.label + self.term.label

    @property
    def label_en(self) -> str:
        """English label, ``2024-2025 autumn semester``."""
        return f"{self.school_year.start_year}-{self.school_year.start_year + 1} {self.term.label_en}"

    def as_range(self) -> DateRange:
        """Return the semester as a :class:`DateRange`."""
        return DateRange(self.start, self.end)

    def contains(self, d: date) -> bool:
        """Return whether ``d`` lies in this semester."""
        return self.start <= _as_date(d) <= self.end

    def next(self) -> Semester:
        """Return the following semester (autumn → spring of the same school year → next autumn)."""
        if self.term is Term.AUTUMN:
            return attrs.evolve(self, term=Term.SPRING)
        return attrs.evolve(self, school_year=self.school_year.next(), term=Term.AUTUMN)

    def previous(self) -> Semester:
        """Return the preceding semester."""
        if self.term is Term.SPRING:
            return attrs.evolve(self, term=Term.AUTUMN)
        return attrs.evolve(self, school_year=self.school_year.previous(), term=Term.SPRING)


# ----------------------------------------------------------------------------------------------------
# Working days


def _validate_years_range(value: range) -> None:
    if value.step != 1 or len(value) == 0 or value.start < date.min.year or value.stop > date.max.year + 1:
        msg = f"a calendar covers a non-empty range of years 1-9999 with step 1, got {value!r}"
        raise CalendarError(msg)


def _check_years_range(_instance: object, _attribute: attrs.Attribute[range], value: range) -> None:
    _validate_years_range(value)


def _date_set(values: Iterable[date]) -> frozenset[date]:
    return frozenset(_as_date(d) for d in values)


def _int_set(values: Iterable[int]) -> frozenset[int]:
    return frozenset(values)


@attrs.frozen(kw_only=True)
class WorkingCalendar:
    """Which days are working days, over a range of calendar years.

    A day is a working day when it is an adjusted working day (调休上班日), or when it is a Monday–Friday
    that is not a holiday. Saturday and Sunday are the weekend.

    Attributes
    ----------
    years:
        The calendar years covered (``range(2024, 2026)`` covers 2024 and 2025). Asking about another year
        raises :class:`CalendarError`.
    holidays:
        Days off: public holidays and the weekdays given off in exchange for adjusted working days.
    adjusted_workdays:
        Saturdays and Sundays that are working days (调休上班日).
    arranged_years:
        The years whose official holiday arrangement (including 调休) is in the data. For other covered
        years the calendar is provisional (see :func:`china_working_calendar`).

    Examples
    --------
    >>> from datetime import date
    >>> plain = WorkingCalendar(years=range(2024, 2025), holidays=frozenset(), adjusted_workdays=frozenset())
    >>> plain.is_working_day(date(2024, 10, 1)), plain.is_working_day(date(2024, 9, 29))
    (True, False)

    """

    years: range = attrs.field(validator=_check_years_range)
    holidays: frozenset[date] = attrs.field(converter=_date_set)
    adjusted_workdays: frozenset[date] = attrs.field(converter=_date_set)
    arranged_years: frozenset[int] = attrs.field(default=frozenset(), converter=_int_set)

    def __attrs_post_init__(self) -> None:
        """Check that the day sets are consistent with each other and with ``years``."""
        problems: list[str] = []
        if both := self.holidays & self.adjusted_workdays:
            problems.append(f"days both holiday and working day: {sorted(d.isoformat() for d in both)}")
        if weekdays := {d for d in self.adjusted_workdays if d.weekday() < _SATURDAY}:
            problems.append(
                f"adjusted working days that are not weekends: {sorted(d.isoformat() for d in weekdays)}"
            )
        if outside := {d for d in self.holidays | self.adjusted_workdays if d.year not in self.years}:
            problems.append(f"days outside {self.years!r}: {sorted(d.isoformat() for d in outside)}")
        if problems:
            raise CalendarError("; ".join(problems))

    def covers(self, d: date) -> bool:
        """Return whether ``d`` is in a year this calendar covers."""
        return _as_date(d).year in self.years

    def is_working_day(self, d: date) -> bool:
        """Return whether ``d`` is a working day.

        Raises
        ------
        CalendarError
            When ``d`` is outside the calendar's years.

        """
        d = _as_date(d)
        if d.year not in self.years:
            msg = f"{d.isoformat()} is outside this calendar's years {self.years.start}-{self.years.stop - 1}"
            raise CalendarError(msg)
        if d.weekday() >= _SATURDAY:
            return d in self.adjusted_workdays
        return d not in self.holidays


@functools.cache
def china_working_calendar(years: range) -> WorkingCalendar:
    """Return mainland China's working calendar for ``years``, from the ``holidays`` package (cached).

    Holidays are the package's ``PUBLIC`` category for China (no half-day holidays such as 妇女节, which
    concern only part of the staff); adjusted working weekends are its ``weekend_workdays`` (the "from" days
    of the arrangement's substitutions, 调休).

    What the data covers (``holidays`` 0.109):

    * **2001 – 2026**: the official arrangements (``arranged_years``), including 调休.
    * **after the last arranged year, up to 2100**: the statutory holidays (lunar dates computed), plus the
      package's estimate that a statutory holiday falling on a weekend is made up on the next working day
      (补假); **no adjusted working weekends**. These years are provisional until the State Council
      publishes the arrangement (each November) and ``holidays`` is upgraded.
    * **before 1950 or after 2100**: no holidays at all, the weekends off only.

    Parameters
    ----------
    years:
        The calendar years, a ``range`` with step 1.

    Returns
    -------
    WorkingCalendar
        The calendar.

    Examples
    --------
    >>> from datetime import date
    >>> cal = china_working_calendar(range(2024, 2025))
    >>> cal.is_working_day(date(2024, 10, 7)), cal.is_working_day(date(2024, 10, 12))
    (False, True)
    >>> 2024 in cal.arranged_years
    True

    """
    _validate_years_range(years)
    import holidays as holidays_lib  # noqa: PLC0415 - a heavy import, needed only for working days

    source = holidays_lib.country_holidays("CN", years=years)
    # weekend_workdays also holds every year's cross-year substitutions (2001-12-29, from the 2002 notice).
    adjusted = {d for d in source.weekend_workdays if d.year in years}
    arranged: dict[int, object] = getattr(source, "special_public_holidays", {})
    return WorkingCalendar(
        years=years,
        holidays={d for d in source if d.year in years and d not in adjusted},
        adjusted_workdays=adjusted,
        arranged_years={y for y in arranged if y in years},
    )


def _working_day_test(calendar: WorkingCalendar | None) -> Callable[[date], bool]:
    if calendar is not None:
        return calendar.is_working_day
    return lambda d: china_working_calendar(range(d.year, d.year + 1)).is_working_day(d)


def is_working_day(d: date, *, calendar: WorkingCalendar | None = None) -> bool:
    """Return whether ``d`` is a working day.

    Parameters
    ----------
    d:
        The day.
    calendar:
        The working calendar; None (default) uses :func:`china_working_calendar` for ``d``'s year.

    Returns
    -------
    bool
        True on a working day.

    Examples
    --------
    >>> from datetime import date
    >>> [is_working_day(date(2024, 10, d)) for d in (1, 7, 8, 12, 13)]  # 12 Oct 2024 is a Saturday
    [False, False, True, True, False]
    >>> is_working_day(date(2024, 9, 29))  # Sunday
    True

    """
    return _working_day_test(calendar)(_as_date(d))


def add_working_days(d: date, n: int, *, calendar: WorkingCalendar | None = None) -> date:
    """Return the ``n``-th working day after ``d`` (``d`` itself not counted).

    ``n = 0`` returns ``d`` when it is a working day, else the next working day: a deadline of "0 working
    days" falls on the first working day not before the start.

    Parameters
    ----------
    d:
        The start day.
    n:
        Working days to count, ``n >= 0``.
    calendar:
        The working calendar; None (default) uses :func:`china_working_calendar` year by year.

    Returns
    -------
    datetime.date
        A working day.

    Raises
    ------
    CalendarError
        When ``n`` < 0, or the count runs past the end of an explicit ``calendar``.

    Examples
    --------
    National Day 2024: 1–7 October off, Sunday 29 September and Saturday 12 October worked.

    >>> from datetime import date
    >>> add_working_days(date(2024, 9, 27), 1)
    datetime.date(2024, 9, 29)
    >>> add_working_days(date(2024, 9, 30), 1)
    datetime.date(2024, 10, 8)
    >>> add_working_days(date(2024, 10, 3), 0)
    datetime.date(2024, 10, 8)

    """
    d = _as_date(d)
    if n < 0:
        msg = f"count working days forward only: n must be >= 0, got {n}"
        raise CalendarError(msg)
    working = _working_day_test(calendar)
    if n == 0:
        while not working(d):
            d = _next_day(d)
        return d
    while n:
        d = _next_day(d)
        if working(d):
            n -= 1
    return d


def working_days_between(a: date, b: date, *, calendar: WorkingCalendar | None = None) -> int:
    """Return the number of working days after ``a`` up to and including ``b``: the days in ``(a, b]``.

    Counting excludes the start day, as deadlines do, so
    ``working_days_between(d, add_working_days(d, n)) == n`` for ``n >= 1``. When ``b`` is before ``a`` the
    result is ``-working_days_between(b, a)``, so counts add up: ``between(a, b) + between(b, c) ==
    between(a, c)``.

    Parameters
    ----------
    a:
        The start day (not counted).
    b:
        The end day (counted).
    calendar:
        The working calendar; None (default) uses :func:`china_working_calendar` year by year.

    Returns
    -------
    int
        The signed count.

    Examples
    --------
    >>> from datetime import date
    >>> working_days_between(date(2024, 9, 30), date(2024, 10, 8))
    1
    >>> working_days_between(date(2024, 10, 8), date(2024, 9, 30))
    -1

    """
    a = _as_date(a)
    b = _as_date(b)
    if b < a:
        return -working_days_between(b, a, calendar=calendar)
    if a == b:
        return 0
    first = a + _ONE_DAY
    total = 0
    # Year by year, from the day sets: no per-day loop, so long spans stay cheap.
    for year in range(first.year, b.year + 1):
        cal = china_working_calendar(range(year, year + 1)) if calendar is None else calendar
        if year not in cal.years:
            msg = f"{year} is outside this calendar's years {cal.years.start}-{cal.years.stop - 1}"
            raise CalendarError(msg)
        start = max(first, date(year, 1, 1))
        end = min(b, date(year, 12, 31))
        total += (
            _weekdays_between(start, end)
            - sum(1 for h in cal.holidays if start <= h <= end and h.weekday() < _SATURDAY)
            + sum(1 for w in cal.adjusted_workdays if start <= w <= end)
        )
    return total


def _weekdays_between(start: date, end: date) -> int:
    """Count Mondays to Fridays in ``start`` … ``end`` (both included)."""
    weeks, rest = divmod((end - start).days + 1, 7)
    first = start.weekday()
    return 5 * weeks + sum(1 for k in range(rest) if (first + k) % 7 < _SATURDAY)


class DayCount(enum.Enum):
    """How a deadline's days are counted.

    Attributes
    ----------
    CALENDAR:
        自然日: every day counts.
    WORKING:
        工作日: only working days count (see :func:`is_working_day`).

    """

    CALENDAR = "calendar"
    WORKING = "working"

    @property
    def label(self) -> str:
        """Chinese name: 自然日 / 工作日."""
        return "自然日" if self is DayCount.CALENDAR else "工作日"

    @property
    def label_en(self) -> str:
        """English name: calendar days / working days."""
        return f"{self.value} days"


def _check_deadline_days(_instance: object, _attribute: attrs.Attribute[int], value: int) -> None:
    if value < 0:
        msg = f"a deadline cannot be negative, got {value} days"
        raise CalendarError(msg)


@attrs.frozen
class Deadline:
    """A deadline of ``days`` days counted as ``count``, from a start day that is not itself counted.

    Attributes
    ----------
    days:
        Number of days, ``>= 0``.
    count:
        Calendar or working days.
    extend_past_rest_days:
        Only for calendar days: when the last day is not a working day, move it to the next working day, as
        the Civil Code does (《民法典》第二百零三条:
        期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日). Default False: plain
        arithmetic, a documented choice; set it where a rule's source says so. Keyword only.

    Examples
    --------
    >>> from datetime import date
    >>> Deadline(30, DayCount.CALENDAR).due(date(2024, 9, 2))
    datetime.date(2024, 10, 2)
    >>> Deadline(30, DayCount.CALENDAR, extend_past_rest_days=True).due(date(2024, 9, 2))
    datetime.date(2024, 10, 8)
    >>> Deadline(5, DayCount.WORKING).due(date(2024, 9, 27))  # 29 Sep, 30 Sep, 8, 9, 10 Oct
    datetime.date(2024, 10, 10)

    """

    days: int = attrs.field(validator=_check_deadline_days)
    count: DayCount
    extend_past_rest_days: bool = attrs.field(default=False, kw_only=True)

    @property
    def label(self) -> str:
        """Chinese label, ``30个自然日`` / ``5个工作日``."""
        return f"{self.days}个{self.count.label}"

    def due(self, start: date, *, calendar: WorkingCalendar | None = None) -> date:
        """Return the last day of the deadline that starts counting the day after ``start``.

        Parameters
        ----------
        start:
            The day of the triggering event (not counted).
        calendar:
            The working calendar for working-day counts and ``extend_past_rest_days``; None uses
            :func:`china_working_calendar`.

        Returns
        -------
        datetime.date
            The due date (included: the act is on time on that day).

        """
        start = _as_date(start)
        if self.count is DayCount.WORKING:
            return add_working_days(start, self.days, calendar=calendar)
        due = start + timedelta(days=self.days)
        if self.extend_past_rest_days:
            due = add_working_days(due, 0, calendar=calendar)
        return due
