"""The case submission deadline: the working day before the meeting at 12:00 Danish time."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cases.deadline import (
    DeadlineStatus,
    deadline_status,
    is_working_day,
    submission_deadline,
    time_left_text,
    working_day_before,
)

CPH = ZoneInfo("Europe/Copenhagen")


def local(year, month, day, hour=12, minute=0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=CPH)


def danish_public_holidays(year: int):
    return holidays.country_holidays("DK", years=year)


# --- Ordinary weeks ------------------------------------------------------------------------


def test_a_meeting_on_tuesday_has_its_deadline_on_monday_at_noon():
    deadline = submission_deadline(local(2026, 11, 24, 9, 0))
    assert deadline == local(2026, 11, 23, 12, 0)
    assert deadline.tzinfo == CPH
    assert deadline.utcoffset() == timedelta(hours=1)


def test_a_meeting_on_monday_has_its_deadline_on_the_friday_before():
    deadline = submission_deadline(local(2026, 11, 23, 9, 0))
    assert deadline == local(2026, 11, 20, 12, 0)
    assert deadline.weekday() == 4


def test_a_meeting_late_in_the_day_still_counts_from_its_date():
    assert submission_deadline(local(2026, 11, 25, 23, 30)) == local(2026, 11, 24, 12, 0)


def test_the_meeting_date_is_taken_in_danish_time_not_utc():
    # 00:30 on Tuesday in Copenhagen is still Monday in UTC.
    meeting = datetime(2026, 11, 23, 23, 30, tzinfo=UTC)  # Tuesday 00:30 CET
    assert meeting.astimezone(CPH).date() == date(2026, 11, 24)
    assert submission_deadline(meeting) == local(2026, 11, 23, 12, 0)


def test_the_result_is_in_danish_time_whatever_zone_the_meeting_is_given_in():
    meeting = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)
    deadline = submission_deadline(meeting)
    assert deadline.tzinfo == CPH
    assert deadline.isoformat() == "2026-11-23T12:00:00+01:00"


def test_a_meeting_on_saturday_has_its_deadline_on_friday():
    assert submission_deadline(local(2026, 11, 28, 10, 0)) == local(2026, 11, 27, 12, 0)


def test_a_meeting_on_sunday_has_its_deadline_on_friday():
    assert submission_deadline(local(2026, 11, 29, 10, 0)) == local(2026, 11, 27, 12, 0)


# --- Public holidays -----------------------------------------------------------------------


def test_easter_pushes_the_deadline_back_past_all_the_holidays():
    # Meeting Tuesday 2 April 2024. Monday 1 April is Anden påskedag, the weekend before,
    # Friday 29 March Langfredag, Thursday 28 March Skærtorsdag: so Wednesday 27 March.
    dk = danish_public_holidays(2024)
    assert date(2024, 4, 1) in dk
    assert date(2024, 3, 29) in dk
    assert date(2024, 3, 28) in dk
    deadline = submission_deadline(local(2024, 4, 2, 9, 0))
    assert deadline == local(2024, 3, 27, 12, 0)
    assert deadline.weekday() == 2


def test_christmas_eve_is_a_working_day_according_to_the_holidays_package():
    """Meeting Monday 27 December 2027.

    Sunday 26 December is Anden juledag and Saturday 25 December Juledag. The holidays package
    does not list Juleaftensdag (Friday 24 December) as a Danish public holiday: it is only in
    the package's "optional" category, since it is not a day off by law. So the deadline is
    Friday 24 December 2027 at 12:00. Teams that have the day off must submit earlier.
    """
    dk = danish_public_holidays(2027)
    assert date(2027, 12, 24) not in dk
    assert date(2027, 12, 25) in dk
    assert date(2027, 12, 26) in dk
    optional = holidays.country_holidays("DK", years=2027, categories=("optional",))
    assert date(2027, 12, 24) in optional

    assert submission_deadline(local(2027, 12, 27, 9, 0)) == local(2027, 12, 24, 12, 0)


def test_new_years_day_is_skipped():
    # Tuesday 2 January 2029 after Nytårsdag on Monday 1 January: Friday 29 December 2028.
    assert date(2029, 1, 1) in danish_public_holidays(2029)
    assert submission_deadline(local(2029, 1, 2, 9, 0)) == local(2028, 12, 29, 12, 0)


def test_a_new_years_day_deadline_crosses_into_the_year_before():
    # Meeting Monday 4 January 2027; Friday 1 January 2027 is Nytårsdag.
    assert submission_deadline(local(2027, 1, 4, 9, 0)) == local(2026, 12, 31, 12, 0)


def test_ascension_day_and_whit_monday_are_skipped():
    # Kristi himmelfartsdag Thursday 9 May 2024; Anden pinsedag Monday 20 May 2024.
    assert submission_deadline(local(2024, 5, 10, 9, 0)) == local(2024, 5, 8, 12, 0)
    assert submission_deadline(local(2024, 5, 21, 9, 0)) == local(2024, 5, 17, 12, 0)


def test_store_bededag_is_a_holiday_in_2023():
    # Meeting Monday 8 May 2023; Friday 5 May 2023 was Store Bededag: Thursday 4 May.
    assert date(2023, 5, 5) in danish_public_holidays(2023)
    assert submission_deadline(local(2023, 5, 8, 9, 0)) == local(2023, 5, 4, 12, 0)


def test_store_bededag_is_an_ordinary_working_day_from_2024():
    # Store Bededag was abolished from 2024; it would have been Friday 26 April 2024.
    assert date(2024, 4, 26) not in danish_public_holidays(2024)
    assert is_working_day(date(2024, 4, 26))
    assert submission_deadline(local(2024, 4, 29, 9, 0)) == local(2024, 4, 26, 12, 0)


def test_grundlovsdag_is_a_working_day_according_to_the_holidays_package():
    # Wednesday 5 June 2024 is only in the package's "optional" category.
    assert date(2024, 6, 5) not in danish_public_holidays(2024)
    assert submission_deadline(local(2024, 6, 6, 9, 0)) == local(2024, 6, 5, 12, 0)


def test_working_days():
    assert is_working_day(date(2026, 11, 23))  # Monday
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert not is_working_day(date(2026, 11, 29))  # Sunday
    assert not is_working_day(date(2026, 12, 25))  # Juledag
    assert working_day_before(date(2026, 12, 28)) == date(2026, 12, 24)


# --- Summer time ---------------------------------------------------------------------------


def test_the_deadline_before_summer_time_begins_is_in_winter_time():
    # Summer time begins Sunday 29 March 2026. Meeting Monday 30 March 2026 at 09:00 CEST:
    # deadline Friday 27 March 2026 at 12:00 CET, which is 11:00 UTC.
    meeting = local(2026, 3, 30, 9, 0)
    assert meeting.utcoffset() == timedelta(hours=2)
    deadline = submission_deadline(meeting)
    assert deadline == local(2026, 3, 27, 12, 0)
    assert (deadline.hour, deadline.minute) == (12, 0)
    assert deadline.utcoffset() == timedelta(hours=1)
    assert deadline.astimezone(UTC) == datetime(2026, 3, 27, 11, 0, tzinfo=UTC)


def test_the_deadline_before_summer_time_ends_is_in_summer_time():
    # Summer time ends Sunday 25 October 2026. Meeting Monday 26 October at 09:00 CET:
    # deadline Friday 23 October at 12:00 CEST, which is 10:00 UTC.
    meeting = local(2026, 10, 26, 9, 0)
    assert meeting.utcoffset() == timedelta(hours=1)
    deadline = submission_deadline(meeting)
    assert deadline.utcoffset() == timedelta(hours=2)
    assert deadline.astimezone(UTC) == datetime(2026, 10, 23, 10, 0, tzinfo=UTC)


def test_a_wall_clock_time_skipped_by_summer_time_becomes_a_real_instant():
    # 02:30 on Sunday 29 March 2026 does not exist in Copenhagen; it comes out as 03:30 CEST.
    deadline = submission_deadline(
        local(2026, 3, 29, 10, 0), working_days_before=0, at=time(2, 30)
    )
    assert deadline.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert (deadline.hour, deadline.minute) == (3, 30)
    assert deadline.utcoffset() == timedelta(hours=2)


# --- The team's setting --------------------------------------------------------------------


def test_two_working_days_before():
    # Wednesday meeting: Monday.
    assert submission_deadline(local(2026, 11, 25, 9, 0), working_days_before=2) == local(
        2026, 11, 23, 12, 0
    )
    # Tuesday meeting: across the weekend to Friday.
    assert submission_deadline(local(2026, 11, 24, 9, 0), working_days_before=2) == local(
        2026, 11, 20, 12, 0
    )
    # Tuesday 2 April 2024 after Easter: Wednesday 27 March, then Tuesday 26 March.
    assert submission_deadline(local(2024, 4, 2, 9, 0), working_days_before=2) == local(
        2024, 3, 26, 12, 0
    )


def test_zero_working_days_before_is_the_meeting_day_itself():
    assert submission_deadline(
        local(2026, 11, 25, 14, 0), working_days_before=0, at=time(9, 0)
    ) == local(2026, 11, 25, 9, 0)
    assert submission_deadline(local(2026, 11, 25, 14, 0), working_days_before=0) == local(
        2026, 11, 25, 12, 0
    )


def test_another_time_of_day():
    assert submission_deadline(local(2026, 11, 24, 9, 0), at=time(15, 30)) == local(
        2026, 11, 23, 15, 30
    )


def test_bad_arguments_are_refused():
    with pytest.raises(ValueError, match="aware"):
        submission_deadline(datetime(2026, 11, 24, 9, 0))
    with pytest.raises(ValueError, match="0 or more"):
        submission_deadline(local(2026, 11, 24), working_days_before=-1)
    with pytest.raises(ValueError, match="naive"):
        submission_deadline(local(2026, 11, 24), at=time(12, 0, tzinfo=UTC))


# No time limit per example: the first example of a year builds that year's holidays, which
# takes longer than Hypothesis's 200 ms on a busy machine (a FlakyFailure, not a bug).
@settings(deadline=None)
@given(
    st.datetimes(
        min_value=datetime(2000, 1, 1),
        max_value=datetime(2079, 12, 31),
        timezones=st.just(CPH),
    ),
    st.integers(1, 10),
)
def test_the_deadline_is_always_a_working_day_at_noon_before_the_meeting_day(meeting, days):
    deadline = submission_deadline(meeting, working_days_before=days)
    meeting_day = meeting.astimezone(CPH).date()
    assert deadline.tzinfo == CPH
    assert (deadline.hour, deadline.minute, deadline.second) == (12, 0, 0)
    assert is_working_day(deadline.date())
    assert deadline.date() < meeting_day
    between = [
        deadline.date() + timedelta(days=offset)
        for offset in range(1, (meeting_day - deadline.date()).days)
    ]
    assert sum(is_working_day(day) for day in between) == days - 1


# --- Time left -----------------------------------------------------------------------------

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=CPH)


@pytest.mark.parametrize(
    ("left", "text"),
    [
        (timedelta(days=2, hours=3), "2 dage og 3 timer"),
        (timedelta(days=2, hours=3, minutes=59, seconds=59), "2 dage og 3 timer"),
        (timedelta(days=1, hours=1), "1 dag og 1 time"),
        (timedelta(days=3), "3 dage"),
        (timedelta(days=1, minutes=30), "1 dag"),
        (timedelta(days=14, hours=23), "14 dage og 23 timer"),
        (timedelta(hours=5, minutes=10), "5 timer og 10 minutter"),
        (timedelta(hours=1, minutes=1), "1 time og 1 minut"),
        (timedelta(hours=23, minutes=59, seconds=59), "23 timer og 59 minutter"),
        (timedelta(hours=2), "2 timer"),
        (timedelta(hours=1), "1 time"),
        (timedelta(minutes=12), "12 minutter"),
        (timedelta(minutes=12, seconds=59), "12 minutter"),
        (timedelta(minutes=1), "1 minut"),
        (timedelta(seconds=59), "under ét minut"),
        (timedelta(seconds=1), "under ét minut"),
        (timedelta(microseconds=1), "under ét minut"),
        (timedelta(0), "fristen er overskredet"),
        (timedelta(seconds=-1), "fristen er overskredet"),
        (timedelta(days=-3), "fristen er overskredet"),
    ],
)
def test_time_left_text(left, text):
    assert time_left_text(NOW + left, NOW) == text


def test_time_left_works_across_zones_and_summer_time():
    deadline = submission_deadline(local(2026, 3, 30, 9, 0))  # Friday 27 March 12:00 CET
    now = datetime(2026, 3, 26, 8, 0, tzinfo=UTC)  # Thursday 09:00 CET
    assert time_left_text(deadline, now) == "1 dag og 3 timer"


# --- The deadline's status -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "late", "status"),
    [
        # A case yet to come: time left, then passed.
        (timedelta(hours=1), None, DeadlineStatus.OPEN),
        (timedelta(0), None, DeadlineStatus.PASSED),
        (timedelta(days=-2), None, DeadlineStatus.PASSED),
        # A case brought in time: time left to change it, then on time for good, also
        # long after its meeting.
        (timedelta(hours=1), False, DeadlineStatus.OPEN),
        (timedelta(0), False, DeadlineStatus.ON_TIME),
        (timedelta(days=-40), False, DeadlineStatus.ON_TIME),
        # A case that came after the deadline.
        (timedelta(0), True, DeadlineStatus.LATE),
        (timedelta(days=-40), True, DeadlineStatus.LATE),
        (timedelta(hours=1), True, DeadlineStatus.LATE),
    ],
)
def test_deadline_status(left, late, status):
    now = local(2026, 11, 25, 9, 0)
    assert deadline_status(now + left, now, late=late) == status
