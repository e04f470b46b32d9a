"""The next free slot in a team's usual rhythm, from its past meetings. No I/O.

A team meets on a weekday at a time, every week or every other week: the weekday and the time
most of its recent meetings had, and the number of weeks most often between them. The next
slot is the first date on that rhythm, after now, on which the team has no meeting.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from datetime import date, datetime, time, timedelta
from itertools import pairwise

# How many past meetings say what the rhythm is, and how far ahead a free slot is looked for.
RECENT = 12
HORIZON_WEEKS = 104
# Without past meetings: the next working day at this time.
DEFAULT_TIME = time(9, 0)


def next_slot(
    past: Sequence[datetime], *, taken: Collection[date], now: datetime
) -> datetime | None:
    """The next free slot in the rhythm of `past` (the team's meetings before now, local
    times, in any order), avoiding the dates in `taken`; None without past meetings."""
    recent = sorted(past, reverse=True)[:RECENT]
    if not recent:
        return None
    patterns = Counter(_pattern(when) for when in recent)
    best = max(patterns.values())
    # The most common weekday and time; on a tie, the one met most recently.
    weekday, at = next(_pattern(when) for when in recent if patterns[_pattern(when)] == best)
    on_rhythm = sorted(when.date() for when in recent if _pattern(when) == (weekday, at))
    weeks = _usual_weeks_between(on_rhythm)
    day = on_rhythm[-1]
    for _ in range(HORIZON_WEEKS):
        day += timedelta(weeks=weeks)
        slot = datetime.combine(day, at, tzinfo=now.tzinfo)
        if slot > now and day not in taken:
            return slot
    return None


def _pattern(when: datetime) -> tuple[int, time]:
    """The weekday and the time of day (to the minute) of a meeting."""
    return when.weekday(), when.time().replace(second=0, microsecond=0)


def _usual_weeks_between(days: Sequence[date]) -> int:
    """The number of weeks most often between consecutive dates (the shorter on a tie); one
    when there is only one date."""
    gaps = Counter(round((later - earlier).days / 7) for earlier, later in pairwise(days))
    gaps.pop(0, None)
    if not gaps:
        return 1
    best = max(gaps.values())
    return min(weeks for weeks, count in gaps.items() if count == best)


def next_working_day(now: datetime, at: time = DEFAULT_TIME) -> datetime:
    """The next day from Monday to Friday after now's date, at `at`: the default for a team
    without past meetings."""
    day = now.date() + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime.combine(day, at, tzinfo=now.tzinfo)


def next_on_weekday(
    weekday: int,
    at: time,
    *,
    weeks: int,
    last: date | None,
    taken: Collection[date],
    now: datetime,
) -> datetime | None:
    """The team's own rhythm (its meeting defaults): the first free `weekday` at `at` after
    now, every `weeks` weeks counted from `last` (its last meeting on that weekday), or the
    first free one from today without such a meeting."""
    weeks = max(weeks, 1)
    if last is None or last.weekday() != weekday:
        day = now.date() + timedelta(days=(weekday - now.weekday()) % 7)
        weeks = 1
    else:
        day = last
    for _ in range(HORIZON_WEEKS):
        slot = datetime.combine(day, at, tzinfo=now.tzinfo)
        if slot > now and day not in taken:
            return slot
        day += timedelta(weeks=weeks)
    return None
