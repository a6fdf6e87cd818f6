"""The cycle planner: a deterministic greedy, county by county, with a closed-form staffing bound.

Why a greedy and not a solver
-----------------------------
Counties do not share inspectors (a team works in its own county), so a province splits into independent
problems of a few hundred schools. In each, a school's supervision has a window of months (from the cycle's
start, or the term-end window's, to its due date), and months have a capacity (``inspectors × monthly cap ÷
team size``). For unit jobs with integer release and due months, earliest-due-first is optimal for feasibility;
the planner takes, each month, ``max(balanced share, what later months cannot absorb)`` jobs in that order, so
the load is even across the cycle while no due date is put at risk. Teams are then drawn per job from the least
loaded eligible inspectors (never a near relative of the head, never twice a day, never over the monthly cap).
A 30,000-school province plans in seconds on two cores (``benchmarks/bench_planning.py``).

OR-Tools CP-SAT would prove optimality of a joint model, but the joint model (schools × days × inspectors) is
large for a province, its wheel is heavy, and its answers for ties depend on search parameters and threads;
the greedy is deterministic for a seed, explains every failure in the domain's terms, and its result is checked
by an independent checker (:func:`~edusupervision.planning.check_plan`) rather than trusted.

Minimum staffing has a closed form per county: the supervisions that must fall in any run of open months
(windows inside the run) over its length is a lower bound on the monthly throughput ``c``, and
``max(team size, ceil(c × team size ÷ monthly cap))`` inspectors are needed. The bound is then verified by
planning the county again with that staff; when verification needs more, the verified figure is reported.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import random
from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import attrs

from edusupervision._calendar import (
    DateRange,
    MonthEndPolicy,
    SchoolYear,
    Semester,
    add_years,
    china_working_calendar,
)
from edusupervision._domain._enums import Employment, InspectorKind, Level, SubjectKind, SupervisionType
from edusupervision._domain._model import Inspector, School
from edusupervision._planning._model import Plan, PlannedSupervision, PlanPolicy, Staffing, Unscheduled
from edusupervision._planning._params import CycleRules, PlanningError, as_day, cycle_rules, schools_in_scope

if TYPE_CHECKING:
    from collections.abc import Sequence

    from edusupervision._domain._dataset import Dataset
    from edusupervision._profiles._model import Profile

__all__ = ["add_inspectors", "county_of", "minimum_staffing", "plan_cycle", "synthetic_inspector_ids"]

_ONE_DAY: Final = dt.timedelta(days=1)
_CLAMP: Final = MonthEndPolicy.CLAMP
_LINEAR_STEPS: Final = 8


# ----------------------------------------------------------------------------------------------------
# Shared helpers


def county_of(dataset: Dataset, division_id: str) -> str | None:
    """Return the county-level division at or above ``division_id`` (None above county level)."""
    division = dataset.get("divisions", division_id)
    for d in (division, *dataset.ancestors(division_id)):
        if d.kind.level is Level.COUNTY:
            return str(d.id)
    return None


def synthetic_inspector_ids(county: str, taken: set[str], count: int) -> list[str]:
    """Return ``count`` ids ``added-<county>-NNN`` not in ``taken`` (the ids :func:`add_inspectors` uses)."""
    out: list[str] = []
    n = 0
    while len(out) < count:
        n += 1
        candidate = f"added-{county}-{n:03d}"
        if candidate not in taken:
            out.append(candidate)
    return out


def add_inspectors(dataset: Dataset, counts: Mapping[str, int]) -> Dataset:
    """Return ``dataset`` with ``counts[county]`` new full-time inspectors in each county.

    The new inspectors are always active, have no near relatives and are appointed by the county's
    supervision body (else its government, else any organisation of the county); they are exactly the
    inspectors the planner's staffing verification assumes, so adding a plan's stated shortfall reproduces
    the verified plan.

    Raises
    ------
    PlanningError
        When a county has no organisation to appoint them, or a count is negative.

    """
    taken = {i.id for i in dataset.inspectors}
    added: list[Inspector] = []
    for county, count in sorted(counts.items()):
        if count < 0:
            msg = f"cannot add {count} inspectors to {county!r}"
            raise PlanningError(msg)
        if count == 0:
            continue
        org = (
            dataset.body_of(county)
            or dataset.government_of(county)
            or next(iter(dataset.organisations_in(county)), None)
        )
        if org is None:
            msg = f"county {county!r} has no organisation to appoint inspectors"
            raise PlanningError(msg)
        for iid in synthetic_inspector_ids(county, taken, count):
            taken.add(iid)
            added.append(
                Inspector(
                    id=iid,
                    name=f"新增督学 {iid}",
                    kind=InspectorKind.INSPECTOR,
                    employment=Employment.FULL_TIME,
                    appointed_by=org.id,
                    division_id=county,
                )
            )
    return dataset.evolve(inspectors=(*dataset.inspectors, *added)) if added else dataset


# ----------------------------------------------------------------------------------------------------
# The run's frame: horizon, cycles, open days, existing records


@attrs.frozen(kw_only=True)
class _Cycle:
    index: int  # 1-based
    start: dt.date  # first day inside the plan
    full: DateRange  # the whole cycle (school year, or fixed cycle)
    end: dt.date  # last day inside the plan


@attrs.frozen(kw_only=True)
class _Frame:
    start: dt.date
    end: dt.date
    rules: CycleRules
    policy: PlanPolicy
    cycles: tuple[_Cycle, ...]
    months: tuple[tuple[tuple[int, int], tuple[dt.date, ...]], ...]  # ((year, month), open days)
    open_days: tuple[dt.date, ...]
    month_of_day: Mapping[dt.date, int]
    semester_of_month: tuple[tuple[int, str] | None, ...]
    seed: int

    @property
    def cap(self) -> int:
        return self.policy.max_per_inspector_month

    @property
    def size(self) -> int:
        assert self.policy.team_size is not None
        return self.policy.team_size

    @property
    def burden(self) -> int:
        assert self.policy.max_per_school_semester is not None
        return self.policy.max_per_school_semester

    def first_open(self, day: dt.date) -> int | None:
        i = bisect.bisect_left(self.open_days, day)
        return i if i < len(self.open_days) else None

    def month_range(self, first: dt.date, last: dt.date) -> tuple[int, int] | None:
        """Return the (first, last) month indices with an open day in ``first`` … ``last``; None if none."""
        i = bisect.bisect_left(self.open_days, first)
        j = bisect.bisect_right(self.open_days, last) - 1
        if i > j:
            return None
        return self.month_of_day[self.open_days[i]], self.month_of_day[self.open_days[j]]

    def cycle_of(self, day: dt.date) -> _Cycle:
        for c in self.cycles:
            if c.start <= day <= c.end:
                return c
        return self.cycles[-1]


def _semester_key(day: dt.date) -> tuple[int, str] | None:
    semester = Semester.of(day)
    return None if semester is None else (semester.school_year.start_year, semester.term.value)


def _frame(start: dt.date, end: dt.date, rules: CycleRules, policy: PlanPolicy, seed: int) -> _Frame:
    cycles: list[_Cycle] = []
    if rules.per_school_year:
        sy = SchoolYear.of(start)
        while sy.start <= end:
            cycles.append(
                _Cycle(
                    index=len(cycles) + 1,
                    start=max(sy.start, start),
                    full=sy.as_range(),
                    end=min(sy.end, end),
                )
            )
            sy = sy.next()
    else:
        k = 0
        while (first := add_years(start, k * rules.years, policy=_CLAMP)) <= end:
            last = add_years(start, (k + 1) * rules.years, policy=_CLAMP) - _ONE_DAY
            cycles.append(_Cycle(index=k + 1, start=first, full=DateRange(first, last), end=min(last, end)))
            k += 1
    # With chained rolling cycles, a cycle's first day stays free: a supervision on it would be due again
    # the day before the next cycle starts, leaving no room in that cycle.
    reserved = {c.start for c in cycles[1:]} | ({start} if len(cycles) > 1 else set())
    if rules.per_school_year:
        reserved = set()
    calendar = china_working_calendar(range(start.year, end.year + 1))
    by_month: dict[tuple[int, int], list[dt.date]] = defaultdict(list)
    day = start
    while day <= end:
        if day.month not in policy.closed_months and day not in reserved and calendar.is_working_day(day):
            by_month[(day.year, day.month)].append(day)
        day += _ONE_DAY
    months = tuple((ym, tuple(days)) for ym, days in sorted(by_month.items()))
    open_days = tuple(d for _, days in months for d in days)
    return _Frame(
        start=start,
        end=end,
        rules=rules,
        policy=policy,
        cycles=tuple(cycles),
        months=months,
        open_days=open_days,
        month_of_day={d: m for m, (_, days) in enumerate(months) for d in days},
        semester_of_month=tuple(_semester_key(days[0]) for _, days in months),
        seed=seed,
    )


@attrs.frozen(kw_only=True)
class _Existing:
    """The dataset's own supervisions as the planner needs them."""

    comprehensive: Mapping[str, tuple[dt.date, ...]]  # school → comprehensive-counting dates
    term_end: Mapping[str, tuple[dt.date, ...]]  # school → term-end dates
    per_semester: Mapping[str, Mapping[tuple[int, str], int]]  # school → semester → supervisions
    month_load: Mapping[str, Mapping[tuple[int, int], int]]  # inspector → month → supervisions
    busy: Mapping[str, frozenset[dt.date]]  # inspector → days on a supervision


def _existing(dataset: Dataset, start: dt.date, end: dt.date) -> _Existing:
    comprehensive: defaultdict[str, list[dt.date]] = defaultdict(list)
    term_end: defaultdict[str, list[dt.date]] = defaultdict(list)
    per_semester: defaultdict[str, Counter[tuple[int, str]]] = defaultdict(Counter)
    in_horizon: dict[str, tuple[dt.date, dt.date]] = {}
    for sup in dataset.supervisions:
        if sup.subject_kind is SubjectKind.SCHOOL:
            if sup.type.is_comprehensive:
                comprehensive[sup.subject_id].append(sup.start)
            if sup.type is SupervisionType.TERM_END:
                term_end[sup.subject_id].append(sup.start)
            key = _semester_key(sup.start)
            if key is not None:
                per_semester[sup.subject_id][key] += 1
        if start <= sup.start <= end or start <= sup.last_day <= end:
            in_horizon[sup.id] = (sup.start, sup.last_day)
    month_load: defaultdict[str, Counter[tuple[int, int]]] = defaultdict(Counter)
    busy: defaultdict[str, set[dt.date]] = defaultdict(set)
    for member in dataset.team_members:
        span = in_horizon.get(member.supervision_id)
        if span is None:
            continue
        month_load[member.inspector_id][(span[0].year, span[0].month)] += 1
        day = span[0]
        while day <= span[1]:
            busy[member.inspector_id].add(day)
            day += _ONE_DAY
    return _Existing(
        comprehensive={k: tuple(sorted(v)) for k, v in comprehensive.items()},
        term_end={k: tuple(sorted(v)) for k, v in term_end.items()},
        per_semester={k: dict(v) for k, v in per_semester.items()},
        month_load={k: dict(v) for k, v in month_load.items()},
        busy={k: frozenset(v) for k, v in busy.items()},
    )


# ----------------------------------------------------------------------------------------------------
# One county


@attrs.frozen(kw_only=True)
class _County:
    id: str
    name: str
    schools: tuple[School, ...]
    inspectors: tuple[Inspector, ...]  # eligible, by id
    relatives: Mapping[str, frozenset[str]]  # inspector → person ids


@attrs.define
class _Staff:
    id: str
    appointed_on: dt.date | None
    dismissed_on: dt.date | None
    relatives: frozenset[str]
    rank: int
    month_load: dict[tuple[int, int], int]
    busy: set[dt.date]
    total: int = 0

    def active(self, day: dt.date) -> bool:
        if self.appointed_on is not None and day < self.appointed_on:
            return False
        return not (self.dismissed_on is not None and day >= self.dismissed_on)


@attrs.define
class _Job:
    school: School
    type: SupervisionType
    cycle: int
    first: dt.date
    due: dt.date
    key: dt.date
    catch_up: bool
    chain: bool
    first_month: int
    last_month: int


@attrs.define
class _CountyResult:
    planned: list[PlannedSupervision]
    unscheduled: list[Unscheduled]
    windows: list[tuple[int, int]]  # month windows of every job (closed-form staffing)
    available: int
    problems: list[str]


def _staff(
    frame: _Frame, county: _County, existing: _Existing, *, extra: int, keep_real: bool
) -> list[_Staff]:
    real = list(county.inspectors) if keep_real else []
    taken = {i.id for i in county.inspectors}
    staff = [
        _Staff(
            id=i.id,
            appointed_on=i.appointed_on,
            dismissed_on=i.dismissed_on,
            relatives=county.relatives.get(i.id, frozenset()),
            rank=0,
            month_load=dict(existing.month_load.get(i.id, {})),
            busy=set(existing.busy.get(i.id, frozenset())),
        )
        for i in real
    ]
    staff.extend(
        _Staff(
            id=iid,
            appointed_on=None,
            dismissed_on=None,
            relatives=frozenset(),
            rank=0,
            month_load={},
            busy=set(),
        )
        for iid in synthetic_inspector_ids(county.id, taken, extra)
    )
    staff.sort(key=lambda s: s.id)
    order = list(range(len(staff)))
    random.Random(f"{frame.seed}/{county.id}").shuffle(order)  # noqa: S311 - seeded tie-breaking, not security
    for rank, position in enumerate(order):
        staff[position].rank = rank
    return staff


def _plan_county(  # noqa: PLR0912, PLR0915 - one greedy pass, kept in one place to read as the docstring
    frame: _Frame, county: _County, existing: _Existing, *, extra: int = 0, keep_real: bool = True
) -> _CountyResult:
    rules, size, cap = frame.rules, frame.size, frame.cap
    staff = _staff(frame, county, existing, extra=extra, keep_real=keep_real)
    n_months = len(frame.months)
    problems: list[str] = []
    unscheduled: list[Unscheduled] = []
    windows: list[tuple[int, int]] = []
    pending: list[_Job] = []
    semester_load: dict[str, Counter[tuple[int, str]]] = {
        s.id: Counter(existing.per_semester.get(s.id, {})) for s in county.schools
    }

    def fail(job: _Job, reason: str) -> None:
        unscheduled.append(
            Unscheduled(
                school_id=job.school.id,
                division_id=county.id,
                type=job.type,
                cycle=job.cycle,
                window_start=job.first,
                due=job.due,
                reason=reason,
            )
        )

    def make(
        school: School, kind: SupervisionType, cycle: int, first: dt.date, due: dt.date, **kw: Any
    ) -> _Job | None:
        span = frame.month_range(first, due)
        job = _Job(
            school=school,
            type=kind,
            cycle=cycle,
            first=first,
            due=due,
            key=kw.get("key", due),
            catch_up=kw.get("catch_up", False),
            chain=kw.get("chain", False),
            first_month=span[0] if span else 0,
            last_month=span[1] if span else 0,
        )
        if span is None:
            fail(job, "no open working day in its window")
            return None
        windows.append(span)
        return job

    def merge(
        job: _Job, window: tuple[dt.date, dt.date] | None
    ) -> tuple[_Job, tuple[dt.date, dt.date] | None]:
        if window is None:
            return job, None
        if job.catch_up and window[0] > job.first:
            return job, window  # a late school is caught up at once, not held back for the term-end window
        first, due = max(job.first, window[0]), min(job.due, window[1])
        span = frame.month_range(first, due) if first <= due else None
        if span is None:
            return job, window
        windows[-1] = span
        job.type, job.first, job.due, job.key = SupervisionType.TERM_END, first, due, min(job.key, due)
        job.first_month, job.last_month = span
        return job, None

    def rolling_job(school: School, k: int, last: dt.date | None) -> _Job | None:
        """Return the job of cycle ``k`` (0-based) onwards, skipping cycles the dataset already covers."""
        done = existing.comprehensive.get(school.id, ())
        while k < len(frame.cycles):
            cycle = frame.cycles[k]
            inside = [d for d in done if cycle.start <= d <= cycle.full.end]
            if inside:
                last = inside[-1]
                k += 1
                continue
            due = rules.due_after(last) if last is not None else None
            first_open = frame.first_open(cycle.start)
            open_day = frame.open_days[first_open] if first_open is not None else cycle.full.end
            # Only at the plan's start can a school be overdue already (catch-up: as early as possible, in
            # the first cycle); a successor due before its cycle's first open day is a calendar conflict, left
            # to fail below as "no open working day in its window".
            catch_up = k == 0 and (due is None or due < open_day)
            deadline = cycle.end if catch_up or due is None else min(cycle.full.end, due)
            if deadline > frame.end:
                return None  # not due within the plan
            return make(
                school,
                SupervisionType.COMPREHENSIVE,
                cycle.index,
                cycle.start,
                deadline,
                key=due if due is not None else dt.date.min,
                catch_up=catch_up,
                chain=True,
            )
        return None

    # --- the jobs ---------------------------------------------------------------------------------
    for school in county.schools:
        window = rules.term_end_window(school)
        if window is not None:
            done_term = [d for d in existing.term_end.get(school.id, ()) if window[0] <= d <= window[1]]
            if done_term or not frame.start <= window[1] <= frame.end:
                window = None
            else:
                window = (max(window[0], frame.start), window[1])
        if rules.per_school_year:
            done = existing.comprehensive.get(school.id, ())
            for cycle in frame.cycles:
                if cycle.full.end > frame.end or any(cycle.full.start <= d <= cycle.full.end for d in done):
                    continue
                job = make(school, SupervisionType.COMPREHENSIVE, cycle.index, cycle.start, cycle.full.end)
                if job is not None:
                    job, window = merge(job, window)
                    pending.append(job)
        else:
            before = [d for d in existing.comprehensive.get(school.id, ()) if d < frame.start]
            job = rolling_job(school, 0, before[-1] if before else None)
            if job is not None:
                job, window = merge(job, window)
                pending.append(job)
        if window is not None:
            cycle = frame.cycle_of(window[0])
            term = make(school, SupervisionType.TERM_END, cycle.index, window[0], window[1])
            if term is not None:
                pending.append(term)
            else:
                problems.append(
                    f"{school.name} ({school.id}): the head's term-end window {window[0]} – {window[1]} "
                    "has no working day in an open month"
                )

    # --- month by month ---------------------------------------------------------------------------
    nominal = []
    for _ym, days in frame.months:
        middle = days[len(days) // 2]
        nominal.append(sum(1 for s in staff if s.active(middle)) * cap // size)
    real_ids = {i.id for i in county.inspectors}
    available = min(
        (
            sum(1 for s in staff if s.id in real_ids and s.active(days[len(days) // 2]))
            for _ym, days in frame.months
        ),
        default=0,
    )
    day_use: Counter[dt.date] = Counter()

    def place(job: _Job, m: int) -> str | None:
        """Place ``job`` in month ``m``; return None on success, else the reason it failed."""
        ym, days = frame.months[m]
        semester = frame.semester_of_month[m]
        if semester is not None and semester_load[job.school.id][semester] >= frame.burden:
            return "the school already has its maximum of supervisions in that semester"
        head = job.school.head_id
        candidates = sorted((d for d in days if job.first <= d <= job.due), key=lambda d: (day_use[d], d))
        reason = "no team can be formed"
        for day in candidates:
            free = [s for s in staff if s.month_load.get(ym, 0) < cap and day not in s.busy and s.active(day)]
            eligible = [s for s in free if head is None or head not in s.relatives]
            if len(eligible) < size:
                if len(free) >= size:
                    reason = "no team without a near relative of the head"
                continue
            team = heapq.nsmallest(size, eligible, key=lambda s: (s.month_load.get(ym, 0), s.total, s.rank))
            for s in team:
                s.month_load[ym] = s.month_load.get(ym, 0) + 1
                s.busy.add(day)
                s.total += 1
            day_use[day] += 1
            if semester is not None:
                semester_load[job.school.id][semester] += 1
            planned.append(
                PlannedSupervision(
                    school_id=job.school.id,
                    division_id=county.id,
                    date=day,
                    team=tuple(s.id for s in team),
                    type=job.type,
                    cycle=job.cycle,
                    window_start=job.first,
                    due=job.due,
                    catch_up=job.catch_up,
                )
            )
            return None
        return reason

    planned: list[PlannedSupervision] = []
    carry = 0.0
    for m in range(n_months):
        # Three lower bounds on what this month takes, all met in earliest-due order:
        # - capacity: what later months cannot absorb, max over t >= m of (due by t) - (capacity of m+1 .. t);
        # - level: the lowest peak monthly rate that meets every due date (max over t of (due by t) over the
        #   months to t, from this month), and what must be done now so that rate suffices later;
        # - even: the pending supervisions spread evenly over the months left (rounding carried over).
        due_by = [0] * n_months
        for job in pending:
            due_by[job.last_month] += 1
        running, level = 0, 0
        for t in range(m, n_months):
            running += due_by[t]
            level = max(level, -(-running // (t - m + 1)))
        required, running, absorb = 0, 0, 0
        for t in range(m, n_months):
            running += due_by[t]
            if t > m:
                absorb += nominal[t]
            required = max(required, running - absorb, running - level * (t - m))
        even = carry + sum(1 for job in pending if job.first_month <= m) / (n_months - m)
        want = max(int(even + 0.5), required)
        # due this month first (a deadline), then catch-ups (already late: as early as possible), then by due
        pending.sort(
            key=lambda j: (
                0 if j.last_month <= m else 1 if j.catch_up else 2,
                j.due,
                j.key,
                j.school.id,
                j.type.value,
            )
        )
        placed_now = 0
        keep: list[_Job] = []
        successors: list[_Job] = []
        for job in pending:
            must = job.last_month <= m or job.catch_up
            if job.first_month > m or (placed_now >= want and not must):
                keep.append(job)
                continue
            reason = place(job, m)
            if reason is None:
                placed_now += 1
                if job.chain and not rules.per_school_year:
                    nxt = rolling_job(job.school, job.cycle, planned[-1].date)
                    if nxt is not None:
                        successors.append(nxt)
            elif job.last_month <= m:
                fail(job, reason)
            else:
                keep.append(job)
        pending = keep + successors
        carry = max(-1.0, min(1.0, even - placed_now))
    for job in pending:  # only when the frame has no month at all
        fail(job, "no open month left")
    return _CountyResult(
        planned=planned, unscheduled=unscheduled, windows=windows, available=available, problems=problems
    )


def _closed_form(frame: _Frame, windows: Sequence[tuple[int, int]]) -> int:
    """Return the fewest always-available inspectors the month windows need (a proven lower bound)."""
    n = len(frame.months)
    if not windows or n == 0:
        return 0
    count = [[0] * n for _ in range(n)]
    for first, last in windows:
        count[first][last] += 1
    # inside[a][b]: jobs with first >= a and last <= b
    inside = [[0] * n for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        row = 0
        for b in range(n):
            row += count[a][b]
            inside[a][b] = inside[a + 1][b] + row
    throughput = 0
    for a in range(n):
        for b in range(a, n):
            need = -(-inside[a][b] // (b - a + 1))
            throughput = max(throughput, need)
    return max(frame.size, -(-throughput * frame.size // frame.cap))


# ----------------------------------------------------------------------------------------------------
# The whole dataset


@attrs.frozen(kw_only=True)
class _Setup:
    frame: _Frame
    existing: _Existing
    counties: tuple[_County, ...]
    profile: str
    years: int


def _setup(
    dataset: Dataset,
    *,
    profile: str | Profile,
    start: object,
    years: int | None,
    policy: PlanPolicy | None,
    seed: int,
) -> _Setup:
    day = as_day(start, "start")
    rules = cycle_rules(profile, day)
    if years is None:
        years = 1 if rules.per_school_year else rules.years
    if years < 1:
        msg = f"years must be at least 1, got {years}"
        raise PlanningError(msg)
    end = add_years(day, years, policy=_CLAMP) - _ONE_DAY
    resolved = (policy or PlanPolicy()).resolved(profile, on=day)
    frame = _frame(day, end, rules, resolved, seed)
    schools: defaultdict[str, list[School]] = defaultdict(list)
    for school in schools_in_scope(dataset):
        schools[school.division_id].append(school)
    county_cache: dict[str, str | None] = {}
    inspectors: defaultdict[str, list[Inspector]] = defaultdict(list)
    for inspector in dataset.inspectors:
        if inspector.kind not in resolved.inspector_kinds:
            continue
        if inspector.division_id not in county_cache:
            county_cache[inspector.division_id] = county_of(dataset, inspector.division_id)
        county = county_cache[inspector.division_id]
        if county is not None:
            inspectors[county].append(inspector)
    relatives: defaultdict[str, set[str]] = defaultdict(set)
    for r in dataset.near_relatives:
        relatives[r.inspector_id].add(r.person_id)
    counties = tuple(
        _County(
            id=cid,
            name=str(dataset.get("divisions", cid).name),
            schools=tuple(members),
            inspectors=tuple(sorted(inspectors.get(cid, []), key=lambda i: i.id)),
            relatives={
                i.id: frozenset(relatives[i.id]) for i in inspectors.get(cid, []) if i.id in relatives
            },
        )
        for cid, members in sorted(schools.items())
    )
    return _Setup(
        frame=frame,
        existing=_existing(dataset, day, end),
        counties=counties,
        profile=rules.profile,
        years=years,
    )


def _verified_extra(setup: _Setup, county: _County, first: int, *, keep_real: bool) -> int | None:
    """Return the least staff from ``first`` up (a few steps, then doubling) that plans the county.

    None when even one inspector per team seat of every supervision does not help (a calendar or burden
    conflict, not a staffing one).
    """
    extra, step, ceiling = max(first, 0), 0, None
    while True:
        result = _plan_county(setup.frame, county, setup.existing, extra=extra, keep_real=keep_real)
        if not result.unscheduled and not result.problems:
            return extra
        if ceiling is None:
            ceiling = max(extra, len(result.windows) * setup.frame.size)
        if extra >= ceiling:
            return None
        step += 1
        extra = min(ceiling, extra + 1 if step < _LINEAR_STEPS else extra * 2)


def plan_cycle(
    dataset: Dataset,
    *,
    profile: str | Profile = "national",
    start: dt.date,
    years: int | None = None,
    policy: PlanPolicy | None = None,
    seed: int = 0,
    verify_shortfall: bool = True,
) -> Plan:
    """Plan every school's comprehensive supervision from ``start`` for ``years`` years.

    See :mod:`edusupervision.planning` for the constraints, the result and an example.
    """
    setup = _setup(dataset, profile=profile, start=start, years=years, policy=policy, seed=seed)
    frame = setup.frame
    planned: list[PlannedSupervision] = []
    unscheduled: list[Unscheduled] = []
    reasons: list[str] = []
    staffing: list[Staffing] = []
    for county in setup.counties:
        result = _plan_county(frame, county, setup.existing)
        planned.extend(result.planned)
        unscheduled.extend(result.unscheduled)
        reasons.extend(result.problems)
        minimum = _closed_form(frame, result.windows)
        shortfall, verified = 0, False
        if result.unscheduled:
            causes = Counter(u.reason for u in result.unscheduled)
            what = "; ".join(f"{n} × {reason}" for reason, n in sorted(causes.items()))
            bound = max(0, minimum - result.available)
            found = (
                _verified_extra(setup, county, max(bound, 1), keep_real=True) if verify_shortfall else bound
            )
            if found is None:
                reasons.append(
                    f"{county.name} ({county.id}): {len(result.unscheduled)} supervision(s) cannot be placed and "
                    f"more inspectors do not help ({what})"
                )
            else:
                shortfall, verified = found, verify_shortfall
                reasons.append(
                    f"needs {found} more inspector(s) in {county.name} ({county.id}): "
                    f"{len(result.unscheduled)} of {len(result.windows)} supervision(s) could not be placed "
                    f"({what})"
                )
        staffing.append(
            Staffing(
                division_id=county.id,
                name=county.name,
                schools=len(county.schools),
                supervisions=len(result.windows),
                available=result.available,
                minimum=minimum,
                shortfall=shortfall,
                verified=verified,
            )
        )
    planned.sort(key=lambda p: (p.date, p.division_id, p.school_id))
    return Plan(
        dataset=dataset.info.name,
        profile=setup.profile,
        start=frame.start,
        end=frame.end,
        years=setup.years,
        seed=seed,
        policy=frame.policy,
        cycles=tuple(DateRange(c.start, c.end) for c in frame.cycles),
        supervisions=tuple(planned),
        unscheduled=tuple(unscheduled),
        reasons=tuple(reasons),
        staffing=tuple(staffing),
    )


def minimum_staffing(
    dataset: Dataset,
    *,
    profile: str | Profile = "national",
    start: dt.date,
    years: int | None = None,
    policy: PlanPolicy | None = None,
    seed: int = 0,
) -> tuple[Staffing, ...]:
    """Return, per county, the fewest inspectors that plan the cycle, verified by planning with them.

    ``minimum`` counts always-available inspectors without near relatives among the heads: the closed-form
    bound, raised until a plan with that many succeeds. ``shortfall`` is what the present inspectors lack
    (also verified); ``available`` is the present staff at its lowest over the plan's open months.
    """
    setup = _setup(dataset, profile=profile, start=start, years=years, policy=policy, seed=seed)
    out: list[Staffing] = []
    for county in setup.counties:
        result = _plan_county(setup.frame, county, setup.existing)
        bound = _closed_form(setup.frame, result.windows)
        minimum = _verified_extra(setup, county, bound, keep_real=False)
        shortfall: int | None = 0
        if result.unscheduled or result.problems:
            shortfall = _verified_extra(setup, county, max(1, bound - result.available), keep_real=True)
        out.append(
            Staffing(
                division_id=county.id,
                name=county.name,
                schools=len(county.schools),
                supervisions=len(result.windows),
                available=result.available,
                minimum=bound if minimum is None else minimum,
                shortfall=0 if shortfall is None else shortfall,
                verified=minimum is not None and shortfall is not None,
            )
        )
    return tuple(out)
