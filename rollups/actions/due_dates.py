"""Due dates of follow-up actions: the default for a new one, and where "Flyt videre" moves
an open one to. Pure logic, no I/O."""

from __future__ import annotations

from datetime import date, timedelta

# A new follow-up action is due this many days from today unless another date is chosen.
DEFAULT_DUE_DAYS = 14


def moved_on_due_date(due_date: date, *, today: date, next_meeting_day: date | None) -> date:
    """The new due date proposed when an open action is moved on in a meeting's review: the
    day of the team's next meeting (when it will be reviewed again), or 14 days from today
    when none is planned after today; never in the past, and never earlier than the action
    was already due (moving on does not shorten anybody's time)."""
    if next_meeting_day is not None and next_meeting_day > today:
        proposed = next_meeting_day
    else:
        proposed = today + timedelta(days=DEFAULT_DUE_DAYS)
    return max(due_date, proposed)
