"""Mail of teams, sent in the background: an invitation to set a password and join a team."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from core.mail import absolute_url
from teams.models import Team, User
from teams.tokens import INVITATION_VALID_FOR, invitation_token_generator


def invitation_link(user: User) -> str:
    """The one-time link where the invitee sets a password (teams:invitation_accept)."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = invitation_token_generator.make_token(user)
    return absolute_url(reverse("teams:invitation_accept", args=[uid, token]))


@task
def send_invitation(*, user_id: int, team_id: int, invited_by_id: int) -> bool:
    person = User.objects.filter(pk=user_id, is_active=True).first()
    team = Team.objects.filter(pk=team_id).first()
    invited_by = User.objects.filter(pk=invited_by_id).first()
    if person is None or team is None or not person.email:
        return False
    with translation.override(person.language or settings.LANGUAGE_CODE):
        subject = _("Du er inviteret til %(team)s i Teamlæring") % {"team": team.name}
        body = _(
            "Hej %(name)s\n\n"
            "%(invited_by)s har inviteret dig til %(team)s i Teamlæring.\n\n"
            "Dit brugernavn er: %(username)s\n"
            "Vælg din adgangskode her (linket virker én gang, i %(days)s dage):\n%(url)s\n\n"
            "Venlig hilsen\nTeamlæring\n"
        ) % {
            "name": person,
            "invited_by": invited_by or "Teamlæring",
            "team": team.name,
            "username": person.username,
            "days": INVITATION_VALID_FOR.days,
            "url": invitation_link(person),
        }
    EmailMessage(subject=subject, body=body, to=[person.email]).send()
    return True
