"""Writes for the minutes: sending them to the participants."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from meetings.minutes.tasks import send_minutes
from meetings.models import Meeting, MeetingStatus
from meetings.services import ActionRefused


@transaction.atomic
def minutes_send(*, meeting: Meeting, include_guests: bool = False) -> None:
    """Queue the minutes' email to the team's members among the participants (and to the
    guests, when `include_guests`) once the transaction commits."""
    if meeting.status != MeetingStatus.FINISHED:
        raise ActionRefused(_("Referatet kan først sendes, når mødet er afsluttet."))
    meeting_id = meeting.pk
    transaction.on_commit(
        lambda: send_minutes.enqueue(meeting_id=meeting_id, include_guests=include_guests)
    )
