"""Where "Flyt videre" moves an open follow-up's due date: to the team's next meeting, else
14 days on; never into the past, never earlier than it was due."""

from datetime import date

import pytest

from rollups.actions.due_dates import DEFAULT_DUE_DAYS, moved_on_due_date

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("due", "next_meeting_day", "moved"),
    [
        # Overdue: to the next meeting, when it will be reviewed again.
        (date(2026, 11, 1), date(2026, 12, 2), date(2026, 12, 2)),
        # Overdue, no meeting planned after today: 14 days from today.
        (date(2026, 11, 1), None, date(2026, 12, 9)),
        # A meeting today (or one in the past) is no new due date: 14 days from today.
        (date(2026, 11, 1), TODAY, date(2026, 12, 9)),
        (date(2026, 11, 1), date(2026, 11, 20), date(2026, 12, 9)),
        # Due before the next meeting: to the next meeting.
        (date(2026, 11, 27), date(2026, 12, 2), date(2026, 12, 2)),
        # Due after the next meeting, or after 14 days: kept.
        (date(2027, 1, 10), date(2026, 12, 2), date(2027, 1, 10)),
        (date(2027, 1, 10), None, date(2027, 1, 10)),
    ],
)
def test_moved_on_due_date(due, next_meeting_day, moved):
    result = moved_on_due_date(due, today=TODAY, next_meeting_day=next_meeting_day)
    assert result == moved
    assert result > TODAY


def test_the_default_is_two_weeks():
    assert DEFAULT_DUE_DAYS == 14
