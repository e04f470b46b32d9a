"""The dates of a series: weekly, every other week from the first meeting, monthly on the same
weekday in the same week of the month; local times across summer time."""

from datetime import date, time
from zoneinfo import ZoneInfo

from meetings.series import dates

CPH = ZoneInfo("Europe/Copenhagen")
TUESDAY, THURSDAY, FRIDAY = 1, 3, 4


def test_weekly_from_the_first_weekday_on_or_after_the_start():
    days = dates.occurrences(
        rhythm=dates.WEEKLY,
        weekday=TUESDAY,
        starts_on=date(2026, 3, 4),  # a Wednesday
        start=date(2026, 3, 1),
        end=date(2026, 3, 31),
    )
    assert days == [date(2026, 3, 10), date(2026, 3, 17), date(2026, 3, 24), date(2026, 3, 31)]


def test_fortnightly_keeps_its_weeks_counted_from_the_first_meeting():
    days = dates.occurrences(
        rhythm=dates.FORTNIGHTLY,
        weekday=THURSDAY,
        starts_on=date(2026, 1, 1),  # a Thursday
        start=date(2026, 1, 20),
        end=date(2026, 2, 28),
    )
    assert days == [date(2026, 1, 29), date(2026, 2, 12), date(2026, 2, 26)]


def test_monthly_is_the_same_weekday_in_the_same_week_of_the_month():
    days = dates.occurrences(
        rhythm=dates.MONTHLY,
        weekday=TUESDAY,
        starts_on=date(2026, 1, 13),  # the second Tuesday of January
        start=date(2026, 1, 1),
        end=date(2026, 4, 30),
    )
    assert days == [date(2026, 1, 13), date(2026, 2, 10), date(2026, 3, 10), date(2026, 4, 14)]


def test_monthly_from_a_fifth_week_is_the_last_such_weekday_of_each_month():
    days = dates.occurrences(
        rhythm=dates.MONTHLY,
        weekday=FRIDAY,
        starts_on=date(2026, 1, 30),  # the fifth Friday of January
        start=date(2026, 1, 1),
        end=date(2026, 5, 31),
    )
    # February 2026 has four Fridays: its last is the 27th; May has five: the 29th.
    assert days == [
        date(2026, 1, 30),
        date(2026, 2, 27),
        date(2026, 3, 27),
        date(2026, 4, 24),
        date(2026, 5, 29),
    ]


def test_month_ends_across_a_leap_february_and_the_turn_of_the_year():
    assert dates.nth_weekday(2028, 2, 1, dates.LAST) == date(2028, 2, 29)
    assert dates.nth_weekday(2026, 12, 3, dates.LAST) == date(2026, 12, 31)
    days = dates.occurrences(
        rhythm=dates.MONTHLY,
        weekday=THURSDAY,
        starts_on=date(2026, 12, 31),
        start=date(2026, 12, 1),
        end=date(2027, 2, 28),
    )
    assert days == [date(2026, 12, 31), date(2027, 1, 28), date(2027, 2, 25)]


def test_nothing_before_the_first_meeting_or_after_the_end():
    assert (
        dates.occurrences(
            rhythm=dates.WEEKLY,
            weekday=TUESDAY,
            starts_on=date(2026, 6, 1),
            start=date(2026, 1, 1),
            end=date(2026, 5, 31),
        )
        == []
    )


def test_local_time_stays_across_the_change_to_and_from_summer_time():
    days = dates.occurrences(
        rhythm=dates.WEEKLY,
        weekday=THURSDAY,
        starts_on=date(2026, 3, 19),
        start=date(2026, 3, 19),
        end=date(2026, 4, 2),
    )
    starts = [dates.local_start(day, time(9, 0), CPH) for day in days]
    assert [start.hour for start in starts] == [9, 9, 9]
    # Summer time begins on 29 March 2026: 8:00 UTC before it, 7:00 UTC after.
    assert [start.utcoffset().total_seconds() / 3600 for start in starts] == [1, 1, 2]
    autumn = dates.local_start(date(2026, 10, 29), time(9, 0), CPH)
    assert autumn.utcoffset().total_seconds() / 3600 == 1
