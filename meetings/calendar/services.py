"""Writes for calendar subscriptions: a person's secret feed address, made and revoked."""

from __future__ import annotations

import secrets

from django.db import transaction

from meetings.calendar.models import CalendarFeed
from teams.models import Team, User


@transaction.atomic
def feed_create(*, user: User) -> CalendarFeed:
    """A new secret address for the person's feed; an earlier one stops working."""
    CalendarFeed.objects.filter(user=user).delete()
    return CalendarFeed.objects.create(user=user, token=secrets.token_urlsafe(32))


@transaction.atomic
def feed_revoke(*, user: User) -> bool:
    """The person's feed address stops working. Whether there was one."""
    deleted, _rows = CalendarFeed.objects.filter(user=user).delete()
    return deleted > 0


@transaction.atomic
def feed_withdraw(*, person: User, team: Team | None) -> int:
    """An erased person (team None; teams.hooks.person_left) takes their feed with them, rather
    than handing it on to "tidligere medarbejder". Leaving a team keeps it: it lists the
    meetings they still take part in."""
    if team is not None:
        return 0
    deleted, _rows = CalendarFeed.objects.filter(user=person).delete()
    return deleted
