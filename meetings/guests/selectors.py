"""Reads for guests: a meeting's guests, and the guest a link belongs to."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from meetings.guests.models import MeetingGuest
from meetings.guests.services import token_hash
from meetings.models import Meeting


def guests_of(*, meeting: Meeting) -> QuerySet[MeetingGuest]:
    return MeetingGuest.objects.filter(meeting=meeting).order_by("revoked_at", "name", "pk")


def guest_or_404(*, meeting_pk: int, token: str) -> MeetingGuest:
    """The guest whose link this is, for this meeting, while the link is valid; else 404 (as
    for a link that never was: the answer tells nothing of the team)."""
    guest = (
        MeetingGuest.objects.select_related(
            "meeting__team__organisation", "meeting__format", "meeting__facilitator"
        )
        .filter(meeting_id=meeting_pk, token_hash=token_hash(token))
        .first()
    )
    if guest is None or not guest.is_valid(timezone.now()):
        raise Http404
    return guest


def guest_addresses(*, meeting: Meeting) -> list[str]:
    """The e-mail addresses of the meeting's guests whose invitation stands."""
    return list(
        MeetingGuest.objects.filter(meeting=meeting, revoked_at__isnull=True)
        .order_by("pk")
        .values_list("email", flat=True)
    )
