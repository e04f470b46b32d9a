"""Writes for guests: inviting one to a meeting and revoking the invitation."""

from __future__ import annotations

import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core import limits
from core.mail import absolute_url
from core.privacy import validate_no_cpr
from meetings.guests.models import MeetingGuest
from meetings.guests.tasks import send_guest_invitation
from meetings.models import Meeting, MeetingStatus
from meetings.services import ActionRefused
from teams.models import User


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def guest_invite(
    *,
    meeting: Meeting,
    name: str,
    role: str,
    email: str,
    may_write_points: bool,
    invited_by: User,
) -> MeetingGuest:
    """Invite a guest to a meeting not yet held; once committed the guest is mailed their
    link, which exists only in that mail (the guest row keeps its hash)."""
    if meeting.status == MeetingStatus.FINISHED:
        raise ActionRefused(_("Mødet er afholdt: der kan ikke inviteres gæster."))
    name, role, email = " ".join(name.split()), " ".join(role.split()), email.strip()
    if not name or not role or not email:
        raise ActionRefused(_("Skriv gæstens navn, rolle og e-mail."))
    limits.check_lengths(
        [(name, limits.NAME), (role, limits.NAME), (email, limits.NAME)], refused=ActionRefused
    )
    try:
        validate_no_cpr(name)
        validate_no_cpr(role)
    except ValidationError as error:
        raise ActionRefused(" ".join(error.messages)) from None
    token = secrets.token_urlsafe(32)
    guest = MeetingGuest.objects.create(
        meeting=meeting,
        name=name,
        role=role,
        email=email,
        may_write_points=may_write_points,
        token_hash=token_hash(token),
        invited_by=invited_by,
    )
    link = absolute_url(reverse("meetings:guest_follow", args=[meeting.pk, token]))
    guest_id = guest.pk
    transaction.on_commit(lambda: send_guest_invitation.enqueue(guest_id=guest_id, link=link))
    return guest


@transaction.atomic
def guest_revoke(*, guest: MeetingGuest) -> None:
    """The guest's link opens nothing from now on."""
    if guest.revoked_at is None:
        guest.revoked_at = timezone.now()
        guest.save(update_fields=["revoked_at"])
