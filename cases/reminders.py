"""Reminders to bring a case: who is asked, and which meetings are due for asking.

Before a meeting's submission deadline the caseworkers who have gone longest without bringing
a case are asked whether they have one, as many as there are free places on the agenda.
Each meeting is reminded about once: a meeting with CaseReminder rows is not due again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Exists, F, Max, OuterRef, Q

from cases.models import Case, CaseReminder, CaseStatus
from cases.selectors import deadline_for
from meetings.models import Meeting, MeetingStatus
from meetings.selectors import case_capacity
from teams.models import Role, User

# Free places when the meeting's format has no phases repeated per case, so its time does
# not say how many cases fit.
DEFAULT_FREE_PLACES = 2

# A case counts as brought unless it was withdrawn.
BROUGHT = [status for status in CaseStatus if status != CaseStatus.WITHDRAWN]


def free_places(*, meeting: Meeting) -> int:
    """How many more cases the meeting has room for."""
    capacity = case_capacity(meeting=meeting)
    if capacity is None:
        capacity = DEFAULT_FREE_PLACES
    taken = Case.objects.active().filter(meeting=meeting).count()
    return max(capacity - taken, 0)


def reminder_recipients(*, meeting: Meeting) -> list[User]:
    """The team's caseworkers (with an email address) without an active case for the meeting,
    those who never brought a case first, then those whose latest case is oldest; as many as
    there are free places. Withdrawn cases do not count as brought."""
    places = free_places(meeting=meeting)
    if places == 0:
        return []
    submitted_here = Case.objects.active().filter(meeting=meeting, submitted_by=OuterRef("pk"))
    people = (
        User.objects.filter(
            is_active=True,
            memberships__team=meeting.team_id,
            memberships__role=Role.CASEWORKER,
        )
        .exclude(email="")
        .exclude(Exists(submitted_here))
        .annotate(
            last_brought=Max(
                "cases__submitted_at",
                filter=Q(cases__team=meeting.team_id, cases__status__in=BROUGHT),
            )
        )
        # Ascending puts NULL first on SQLite but last on PostgreSQL: say it outright.
        .order_by(
            F("last_brought").asc(nulls_first=True), "first_name", "last_name", "username", "pk"
        )
    )
    return list(people[:places])


def meetings_due_for_reminder(*, now: datetime, hours_before: int) -> list[Meeting]:
    """Planned meetings whose submission deadline is after `now` but no more than
    `hours_before` hours away, and whose caseworkers have not been reminded yet."""
    window_end = now + timedelta(hours=hours_before)
    reminded = CaseReminder.objects.filter(meeting=OuterRef("pk"))
    # A deadline is at the latest on the meeting's own day, so a meeting that started more
    # than a day ago cannot have one still ahead.
    candidates = (
        Meeting.objects.taking_cases()
        .filter(status=MeetingStatus.PLANNED, starts_at__gt=now - timedelta(days=1))
        .exclude(Exists(reminded))
        .select_related("team", "format")
        .order_by("starts_at", "pk")
    )
    return [meeting for meeting in candidates if now < deadline_for(meeting) <= window_end]
