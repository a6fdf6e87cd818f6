"""The supervision calendar: school years, semesters, cycles, month arithmetic and Chinese working days."""

from __future__ import annotations

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
