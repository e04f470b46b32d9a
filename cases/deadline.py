"""The case submission deadline, and how much time is left of it. Pure logic, no I/O.

By default a case must be submitted by 12:00 Danish time on the working day before the
meeting. Working days are Monday to Friday, less Danish public holidays as the `holidays`
package lists them. Note what that list is: its default "public" category holds the days off by
law, and Store Bededag only up to 2023 (it was abolished from 2024). Juleaftensdag (24
December), Nytårsaftensdag (31 December), Grundlovsdag (5 June) and 1 May are only in the
package's "optional" category, so they count as working days here; put "optional" into
HOLIDAY_CATEGORIES to treat them as days off.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

DANISH_TIME = ZoneInfo("Europe/Copenhagen")
HOLIDAY_CATEGORIES: tuple[str, ...] = ("public",)
DEFAULT_DEADLINE_TIME = time(12, 0)


@lru_cache(maxsize=64)
def danish_holidays(year: int) -> frozenset[date]:
    """The Danish public holidays of one year."""
    return frozenset(
        holidays.country_holidays("DK", years=year, categories=HOLIDAY_CATEGORIES).keys()
    )


def is_working_day(day: date) -> bool:
    """Monday to Friday, and not a Danish public holiday."""
    return day.weekday() < 5 and day not in danish_holidays(day.year)


def working_day_before(day: date) -> date:
    """The last working day strictly before `day`."""
    day -= timedelta(days=1)
    while not is_working_day(day):
        day -= timedelta(days=1)
    return day


def submission_deadline(
    meeting_starts_at: datetime,
    *,
    working_days_before: int = 1,
    at: time = DEFAULT_DEADLINE_TIME,
) -> datetime:
    """When cases for the meeting must be submitted, as an aware Europe/Copenhagen datetime.

    Counted back `working_days_before` working days from the meeting's date in Danish time,
    at the wall-clock time `at` of that day. With 0 it is the meeting day itself at `at`
    (even when that is after the meeting has started).
    """
    if meeting_starts_at.tzinfo is None or meeting_starts_at.utcoffset() is None:
        raise ValueError("meeting_starts_at must be an aware datetime")
    if working_days_before < 0:
        raise ValueError("working_days_before must be 0 or more")
    if at.tzinfo is not None:
        raise ValueError("at is a wall-clock time in Danish time and must be naive")
    day = meeting_starts_at.astimezone(DANISH_TIME).date()
    for _step in range(working_days_before):
        day = working_day_before(day)
    local = datetime.combine(day, at, tzinfo=DANISH_TIME)
    # A round trip through UTC settles a wall-clock time that does not exist (skipped when
    # summer time begins) on a real instant, so the result is always a valid local time.
    return local.astimezone(UTC).astimezone(DANISH_TIME)


class DeadlineStatus(StrEnum):
    """Where a meeting's deadline stands, for a new case or for one already brought."""

    OPEN = "open"  # before the deadline: the time left is shown
    PASSED = "passed"  # after it, for a case not yet submitted: it would be late
    ON_TIME = "on_time"  # the case came before the deadline of the meeting it is for
    LATE = "late"  # the case came after it


def deadline_status(
    deadline: datetime, now: datetime, *, late: bool | None = None
) -> DeadlineStatus:
    """The status of `deadline` at `now`. Without `late` it is the status for a case yet to
    be submitted; with it, for a case already brought to the meeting, judged by whether the
    case came in time (`late` is the case's own mark, set against the meeting it is for).

    A case brought in time stays on time once the deadline, or the meeting, has passed: the
    deadline is only "passed" for what has not come yet.
    """
    if now < deadline and not late:
        return DeadlineStatus.OPEN
    if late is None:
        return DeadlineStatus.PASSED
    return DeadlineStatus.LATE if late else DeadlineStatus.ON_TIME


# Literal strings in each call, so that makemessages finds them.
def _days(number: int) -> str:
    return ngettext("%(count)d dag", "%(count)d dage", number) % {"count": number}


def _hours(number: int) -> str:
    return ngettext("%(count)d time", "%(count)d timer", number) % {"count": number}


def _minutes(number: int) -> str:
    return ngettext("%(count)d minut", "%(count)d minutter", number) % {"count": number}


def _and(first: str, second: str) -> str:
    return _("%(first)s og %(second)s") % {"first": first, "second": second}


def time_left_text(deadline: datetime, now: datetime) -> str:
    """Short Danish text for the time left until `deadline`, e.g. "2 dage og 3 timer".

    The two largest units are shown, rounded down so the time left is never overstated; a
    zero second unit is left out ("2 dage"). Days are 24 hours of elapsed time. From the
    deadline itself on, the text says the deadline has passed.
    """
    left = deadline - now
    if left <= timedelta(0):
        return _("fristen er overskredet")
    total_minutes = int(left.total_seconds() // 60)
    if total_minutes == 0:
        return _("under ét minut")
    days, rest = divmod(total_minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return _and(_days(days), _hours(hours)) if hours else _days(days)
    if hours:
        return _and(_hours(hours), _minutes(minutes)) if minutes else _hours(hours)
    return _minutes(minutes)
