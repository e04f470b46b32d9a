"""A meeting as an RFC 5545 calendar invitation (.ics). No I/O beyond reading the meeting."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta

from meetings.models import Meeting

PRODID = "-//Teamlaering//Teamlaering//DA"
MAX_LINE_OCTETS = 75


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and newlines escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets (RFC 5545, 3.1), each continuation
    starting with a space; a UTF-8 character is never split across pieces."""
    pieces: list[str] = []
    current = ""
    size = 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > MAX_LINE_OCTETS:
            pieces.append(current)
            # The leading space of a continuation line counts towards its 75 octets.
            current, size = " ", 1
        current += char
        size += octets
    pieces.append(current)
    return "\r\n".join(pieces)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def meeting_uid(meeting: Meeting) -> str:
    return f"meeting-{meeting.pk}@teamlaering"


def meeting_event(meeting: Meeting, *, now: datetime) -> list[str]:
    """The meeting's VEVENT, as content lines."""
    ends_at = meeting.starts_at + timedelta(minutes=meeting.duration_minutes)
    description = f"{meeting.team.name}\n{meeting.format.name}"
    lines = [
        "BEGIN:VEVENT",
        f"UID:{meeting_uid(meeting)}",
        f"DTSTAMP:{utc_stamp(now)}",
        f"DTSTART:{utc_stamp(meeting.starts_at)}",
        f"DTEND:{utc_stamp(ends_at)}",
        f"SUMMARY:{escape_text(meeting.title)}",
    ]
    if meeting.place:
        lines.append(f"LOCATION:{escape_text(meeting.place)}")
    lines += [f"DESCRIPTION:{escape_text(description)}", "END:VEVENT"]
    return lines


def calendar(events: list[str], *, name: str = "") -> str:
    """A VCALENDAR around the events' content lines, folded, with CRLF line endings."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    lines += [*events, "END:VCALENDAR"]
    return "".join(fold(line) + "\r\n" for line in lines)


def meeting_ics(*, meeting: Meeting, now: datetime) -> str:
    """One VEVENT for the meeting in a VCALENDAR."""
    return calendar(meeting_event(meeting, now=now))


def meetings_ics(*, meetings: Iterable[Meeting], now: datetime, name: str) -> str:
    """A person's subscription: one VEVENT per meeting (each with team and format selected)."""
    return calendar(
        [line for meeting in meetings for line in meeting_event(meeting, now=now)], name=name
    )
