"""Derived facts about progress, all computed against the data's own `as_of` date.

Nothing here reads the clock. A task with no update is "chưa có thông tin",
never "chưa triển khai"; a recurrence yields dates only from an anchor.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..vocab import DueKind, Frequency, Status
from .periods import parse_due
from .types import Plan, Site, Task

QUARTER_ENDS = (3, 6, 9, 12)


def is_overdue(task: Task, as_of: dt.date) -> bool:
    """Past its deadline (as of the data's date) and not reported finished."""
    return task.deadline is not None and task.deadline < as_of and task.status is not Status.DONE


def window(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The span in which reporting dates are listed: a year either side of `as_of`."""
    return as_of - dt.timedelta(days=365), as_of + dt.timedelta(days=365)


def _day_in(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, min(day, calendar.monthrange(year, month)[1]))


def reporting_dates(task: Task, start: dt.date, end: dt.date) -> list[dt.date]:
    """Reporting dates of a recurring task within [start, end]; none without an anchor."""
    rec = task.recurrence
    if rec is None or rec.anchor is None or rec.frequency is Frequency.ONGOING:
        return []
    if task.status is Status.DONE and task.latest is not None:
        end = min(end, task.latest.date)
    found: list[dt.date] = []
    for year in range(start.year, end.year + 1):
        if rec.frequency is Frequency.YEARLY:
            day, month = (int(part) for part in rec.anchor.split("/"))
            candidates = [_day_in(year, month, day)]
        else:
            months = QUARTER_ENDS if rec.frequency is Frequency.QUARTERLY else range(1, 13)
            candidates = [_day_in(year, month, int(rec.anchor)) for month in months]
        found += [day for day in candidates if start <= day <= end]
    return found


@dataclass(frozen=True)
class Due:
    """One date in the calendar: a deadline or a reporting date of a task."""

    date: dt.date
    kind: DueKind
    plan: Plan
    task: Task

    @property
    def label(self) -> str:
        """What falls due, with the plan's own words for a period: 'Thời hạn (Quý II/2023)'."""
        if self.kind is DueKind.DEADLINE and self.task.due_text:
            return f"{self.kind.label} ({self.task.due_text})"
        return self.kind.label


def dues(site: Site, plans: Iterable[Plan] | None = None) -> list[Due]:
    """Every deadline and reporting date in the window, in date order."""
    start, end = window(site.as_of)
    found: list[Due] = []
    for plan in plans if plans is not None else site.plans:
        # No reporting date falls before the plan itself was issued.
        since = max(start, plan.document.date) if plan.document.date else start
        for task in plan.tasks:
            if task.deadline:
                found.append(Due(task.deadline, DueKind.DEADLINE, plan, task))
            found += [
                Due(day, DueKind.REPORT, plan, task) for day in reporting_dates(task, since, end)
            ]
    return sorted(found, key=lambda d: (d.date, d.plan.id, d.task.id, d.kind))


def next_due(task: Task, as_of: dt.date) -> dt.date | None:
    """The next date on or after `as_of` at which something is due, if known."""
    days = reporting_dates(task, as_of, window(as_of)[1])
    if task.deadline and task.deadline >= as_of and task.status is not Status.DONE:
        days.append(task.deadline)
    return min(days) if days else None


def when(task: Task) -> str:
    """The task's timing in words: a deadline or due period, a rhythm, or unknown."""
    parts = []
    rec = task.recurrence
    # A due of 'Hằng quý' is the rhythm itself: say it once.
    rhythm = (
        rec is not None
        and task.deadline is None
        and parse_due(task.due_text or "") == rec.frequency
    )
    if task.due_words and not rhythm:
        parts.append(f"Thời hạn {task.due_words}")
    if rec:
        anchor = f" (mốc {rec.anchor})" if rec.anchor else ", chưa rõ ngày"
        parts.append(f"{rec.frequency.label}{anchor}")
    return "; ".join(parts)


@dataclass(frozen=True)
class Partial:
    """A count over tasks some of whose facts are missing from the data.

    `count` tasks are known to have the property; for `unknown` more, the data cannot
    tell. Unknown is never folded into zero: pages say "chưa biết" when it matters.
    """

    count: int
    unknown: int

    @property
    def known(self) -> bool:
        return self.unknown == 0


@dataclass(frozen=True)
class StatusCount:
    """How many tasks are in one status."""

    status: Status
    count: int


@dataclass(frozen=True)
class Tally:
    """What is known about a set of tasks: statuses (in `Status` order), lateness, scope."""

    counts: tuple[StatusCount, ...]
    overdue: Partial
    total: int
    without_deadline: int
    partial_text: bool
    """Whether any of the tasks' plans is only partly digitised (more tasks may exist)."""

    def of(self, status: Status) -> int:
        return next(c.count for c in self.counts if c.status is status)

    @property
    def reported(self) -> int:
        """How many tasks have at least one progress update in the data."""
        return self.total - self.of(Status.NO_INFORMATION)


def might_be_late(task: Task) -> bool:
    """Whether lateness is unknown: no deadline, and not reported finished."""
    return task.deadline is None and task.status is not Status.DONE


def tally(tasks: Iterable[Task], as_of: dt.date, partial_text: bool = False) -> Tally:
    tasks = list(tasks)
    counts = dict.fromkeys(Status, 0)
    for task in tasks:
        counts[task.status] += 1
    return Tally(
        counts=tuple(StatusCount(s, counts[s]) for s in Status),
        overdue=Partial(
            sum(1 for t in tasks if is_overdue(t, as_of)), sum(1 for t in tasks if might_be_late(t))
        ),
        total=len(tasks),
        without_deadline=sum(1 for t in tasks if t.deadline is None),
        partial_text=partial_text,
    )


def undated(task: Task) -> bool:
    """Whether the next date of a task that is not finished cannot be known from the data."""
    rec = task.recurrence
    rhythm = rec is not None and rec.anchor is not None and rec.frequency is not Frequency.ONGOING
    return task.status is not Status.DONE and task.deadline is None and not rhythm


def all_tasks(site: Site) -> list[tuple[Plan, Task]]:
    return [(plan, task) for plan in site.plans for task in plan.tasks]


def recent_updates(site: Site) -> list[tuple[Plan, Task, int]]:
    """(plan, task, index of update) for every update, newest first, in a fixed order."""
    found = [(plan, task, i) for plan, task in all_tasks(site) for i in range(len(task.updates))]
    return sorted(
        found, key=lambda f: (f[1].updates[f[2]].date, f[0].id, f[1].id, f[2]), reverse=True
    )
