"""The next free slot in a team's usual rhythm (meetings/rhythm.py): pure logic."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from meetings.rhythm import next_slot, next_working_day

CPH = ZoneInfo("Europe/Copenhagen")
# Wednesday 2 December 2026, 10:00.
NOW = datetime(2026, 12, 2, 10, 0, tzinfo=CPH)


def at(day: date, hour: int = 13, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=CPH)


def tuesdays_back(count: int, every: int = 1) -> list[datetime]:
    last = date(2026, 12, 1)
    return [at(last - timedelta(weeks=every * n)) for n in range(count)]


def test_weekly_meetings_give_the_same_weekday_and_time_next_week():
    assert next_slot(tuesdays_back(4), taken=set(), now=NOW) == at(date(2026, 12, 8))


def test_a_date_that_already_has_a_meeting_is_skipped():
    taken = {date(2026, 12, 8)}
    assert next_slot(tuesdays_back(4), taken=taken, now=NOW) == at(date(2026, 12, 15))


def test_every_other_week_stays_every_other_week():
    assert next_slot(tuesdays_back(5, every=2), taken=set(), now=NOW) == at(date(2026, 12, 15))


def test_the_most_common_weekday_and_time_wins_over_an_odd_one_out():
    past = [*tuesdays_back(3), at(date(2026, 11, 27), 9, 30)]
    assert next_slot(past, taken=set(), now=NOW) == at(date(2026, 12, 8))


def test_a_tie_goes_to_the_rhythm_met_most_recently():
    past = [at(date(2026, 11, 30), 9), at(date(2026, 11, 26), 14)]
    assert next_slot(past, taken=set(), now=NOW) == at(date(2026, 12, 7), 9)


def test_todays_slot_counts_only_while_it_is_still_ahead():
    past = [at(date(2026, 11, 25), 11), at(date(2026, 11, 18), 11)]
    assert next_slot(past, taken=set(), now=NOW) == at(date(2026, 12, 2), 11)
    later = NOW.replace(hour=12)
    assert next_slot(past, taken=set(), now=later) == at(date(2026, 12, 9), 11)


def test_the_time_is_kept_across_the_change_to_summer_time():
    march = datetime(2027, 3, 24, 10, tzinfo=CPH)
    past = [at(date(2027, 3, 23) - timedelta(weeks=n)) for n in range(3)]
    slot = next_slot(past, taken=set(), now=march)
    assert slot == at(date(2027, 3, 30))
    assert slot.utcoffset() == timedelta(hours=2)


def test_without_past_meetings_there_is_no_rhythm_and_the_next_working_day_is_the_default():
    assert next_slot([], taken=set(), now=NOW) is None
    assert next_working_day(NOW) == at(date(2026, 12, 3), 9)
    friday = datetime(2026, 12, 4, 15, tzinfo=CPH)
    assert next_working_day(friday) == at(date(2026, 12, 7), 9)
