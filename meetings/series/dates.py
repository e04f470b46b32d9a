"""The dates of a meeting series. No I/O.

A series meets on a weekday at a local time: every week, every other week (counted from its
first meeting), or every month on the same weekday in the same week of the month as its first
meeting ("2. tirsdag"); a first meeting in the month's fifth week makes it the month's last such
weekday, since not every month has a fifth one. Times are local (Europe/Copenhagen): a meeting
at 9:00 stays at 9:00 across the change to and from summer time.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKLY = "weekly"
FORTNIGHTLY = "fortnightly"
MONTHLY = "monthly"
# How far ahead the series' meetings are kept planned.
PLAN_AHEAD = timedelta(weeks=8)
# The week of the month that stands for "the last one".
LAST = -1


def first_on_or_after(day: date, weekday: int) -> date:
    """The first `weekday` (0 = Monday) on or after `day`."""
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def week_of_month(day: date) -> int:
    """1 to 4 for the first to fourth such weekday of its month; LAST for a fifth."""
    week = (day.day - 1) // 7 + 1
    return LAST if week == 5 else week


def nth_weekday(year: int, month: int, weekday: int, week: int) -> date:
    """The `week`-th `weekday` of the month (1 to 4), or its last one (LAST)."""
    if week == LAST:
        last_day = calendar.monthrange(year, month)[1]
        end = date(year, month, last_day)
        return end - timedelta(days=(end.weekday() - weekday) % 7)
    return first_on_or_after(date(year, month, 1), weekday) + timedelta(weeks=week - 1)


def occurrences(
    *, rhythm: str, weekday: int, starts_on: date, start: date, end: date
) -> list[date]:
    """The series' dates from `start` up to and including `end`, for a series whose first
    meeting is the first `weekday` on or after `starts_on`."""
    first = first_on_or_after(starts_on, weekday)
    if rhythm == MONTHLY:
        return _monthly(first, weekday=weekday, start=start, end=end)
    step = timedelta(weeks=2 if rhythm == FORTNIGHTLY else 1)
    day = first
    if start > day:
        # Jump to the first date on the rhythm at or after start.
        steps = -(-(start - day).days // step.days)
        day += step * steps
    days = []
    while day <= end:
        days.append(day)
        day += step
    return days


def _monthly(first: date, *, weekday: int, start: date, end: date) -> list[date]:
    week = week_of_month(first)
    year, month = first.year, first.month
    days = []
    while date(year, month, 1) <= end:
        day = nth_weekday(year, month, weekday, week)
        if day >= first and start <= day <= end:
            days.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def local_start(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The moment of a meeting at local time `at` on `day` in `zone`."""
    return datetime.combine(day, at, tzinfo=zone)
