"""A meeting series as an RFC 5545 recurring event (.ics): its rhythm as an RRULE, its
participants as ATTENDEEs and its facilitator as ORGANIZER. No I/O beyond reading the series.

The times are local (TZID=Europe/Copenhagen with its VTIMEZONE), so the calendar keeps a
9:00 meeting at 9:00 after the change to and from summer time, as the series does.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from meetings.calendar.ics import calendar, escape_text, utc_stamp
from meetings.series import dates
from meetings.series.models import Series
from teams.models import User

ZONE = "Europe/Copenhagen"
BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# How long a series' meeting lasts in the calendar when its format sets no length.
DEFAULT_MINUTES = 60
# The zone's rules since 1996 (EU summer time: last Sunday of March to last Sunday of October).
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{ZONE}",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def rrule(series: Series, first: date) -> str:
    """The series' rhythm: weekly, every other week, or monthly on the same weekday in the
    same week of the month as the first meeting (-1 for the last)."""
    day = BYDAY[series.weekday]
    if series.rhythm == dates.MONTHLY:
        rule = f"FREQ=MONTHLY;BYDAY={dates.week_of_month(first)}{day}"
    else:
        interval = 2 if series.rhythm == dates.FORTNIGHTLY else 1
        rule = f"FREQ=WEEKLY;INTERVAL={interval};BYDAY={day}"
    if series.ended_at is not None:
        rule += f";UNTIL={utc_stamp(series.ended_at)}"
    return f"RRULE:{rule}"


def _local(day: date, at: time) -> str:
    return datetime.combine(day, at).strftime("%Y%m%dT%H%M%S")


def _address(person: User, kind: str) -> str:
    # A quoted parameter value (RFC 5545, 3.2) holds no double quote and no line break.
    name = " ".join(person.display_name.split()).replace('"', "'")
    return f'{kind};CN="{name}":mailto:{person.email}'


def series_ics(*, series: Series, participants: Sequence[User], now: datetime) -> str:
    """The series as one recurring VEVENT in a VCALENDAR (the series with its format,
    facilitator and team selected)."""
    first = dates.first_on_or_after(series.starts_on, series.weekday)
    minutes = series.format.meeting_minutes or DEFAULT_MINUTES
    end = datetime.combine(first, series.at) + timedelta(minutes=minutes)
    lines = [
        "BEGIN:VEVENT",
        f"UID:series-{series.pk}@teamlaering",
        f"DTSTAMP:{utc_stamp(now)}",
        f"DTSTART;TZID={ZONE}:{_local(first, series.at)}",
        f"DTEND;TZID={ZONE}:{end.strftime('%Y%m%dT%H%M%S')}",
        rrule(series, first),
        f"SUMMARY:{escape_text(series.title)}",
    ]
    if series.place:
        lines.append(f"LOCATION:{escape_text(series.place)}")
    lines.append(f"DESCRIPTION:{escape_text(f'{series.team.name}\n{series.format.name}')}")
    if series.facilitator.email:
        lines.append(_address(series.facilitator, "ORGANIZER"))
    lines += [
        _address(person, "ATTENDEE;ROLE=REQ-PARTICIPANT")
        for person in participants
        if person.email
    ]
    lines.append("END:VEVENT")
    return calendar([*VTIMEZONE, *lines], name=series.title)
