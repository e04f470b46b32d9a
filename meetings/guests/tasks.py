"""Mail to guests, sent in the background: the invitation with the guest's link."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meetings.calendar.ics import meeting_ics
from meetings.guests.models import MeetingGuest


@task
def send_guest_invitation(*, guest_id: int, link: str) -> bool:
    """`link` is the guest's own (only its hash is stored), given by the service that made it."""
    guest = (
        MeetingGuest.objects.select_related("meeting__team", "meeting__format", "invited_by")
        .filter(pk=guest_id, revoked_at__isnull=True)
        .first()
    )
    if guest is None:
        return False
    meeting = guest.meeting
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Invitation: %(title)s") % {"title": meeting.title}
        body = _(
            "Hej %(name)s\n\n%(invited_by)s har inviteret dig som gæst til mødet »%(title)s« i "
            "%(team)s den %(date)s.\n\nFølg mødet her (linket gælder kun dette møde og virker "
            "til %(until)s):\n%(link)s\n\nDu skal ikke logge ind. Del ikke linket med andre.\n\n"
            "Venlig hilsen\nTeamlæring\n"
        ) % {
            "name": guest.name,
            "invited_by": guest.invited_by.display_name if guest.invited_by else meeting.team.name,
            "title": meeting.title,
            "team": meeting.team.name,
            "date": date_format(timezone.localtime(meeting.starts_at), "j. F Y \\k\\l. H:i"),
            "until": date_format(timezone.localtime(guest.valid_until()), "j. F Y \\k\\l. H:i"),
            "link": link,
        }
    message = EmailMessage(subject=subject, body=body, to=[guest.email])
    message.attach(
        f"moede-{meeting.pk}.ics",
        meeting_ics(meeting=meeting, now=timezone.now()),
        "text/calendar",
    )
    message.send()
    return True
