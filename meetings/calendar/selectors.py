"""Reads for calendars: a person's upcoming meetings for their subscription."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q

from meetings.calendar.models import CalendarFeed
from meetings.models import Meeting, Participation
from teams.models import User

# A feed lists at most this many meetings (a year of weekly meetings and then some).
FEED_LIMIT = 100


def feed_of(*, user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user=user).first()


def feed_meetings(*, user_id: int) -> list[Meeting]:
    """The meetings still to come that the person takes part in or leads, soonest first."""
    takes_part = Participation.objects.filter(meeting=OuterRef("pk"), user_id=user_id)
    return list(
        Meeting.objects.upcoming()
        .filter(Exists(takes_part) | Q(facilitator_id=user_id) | Q(co_facilitator_id=user_id))
        .select_related("team", "format")
        .order_by("starts_at", "pk")[:FEED_LIMIT]
    )
