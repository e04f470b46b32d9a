"""Background work of meetings, run by django.tasks (at once in development and tests)."""

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.tasks import task
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from meetings.guests.selectors import guest_addresses
from meetings.minutes.document import minutes_pdf, pdf_filename
from meetings.minutes.selectors import minutes_for, recipients
from meetings.models import Meeting, MeetingStatus


@task
def send_minutes(*, meeting_id: int, include_guests: bool = False) -> int:
    """Mail the minutes of a finished meeting as a PDF to each of its recipients (the team's
    members among the participants; when `include_guests` the guests as well, those with the
    guest role and those invited by link from outside the team), one message each
    so no one sees the others' addresses. Returns how many were sent.
    """
    meeting = (
        Meeting.objects.select_related("team__organisation", "facilitator")
        .filter(pk=meeting_id, status=MeetingStatus.FINISHED)
        .first()
    )
    if meeting is None:
        return 0
    addresses = [
        person.email for person in recipients(meeting=meeting, include_guests=include_guests)
    ]
    if include_guests:
        # Guests from outside the team (meetings/guests), whose invitation stands.
        addresses += [
            email for email in guest_addresses(meeting=meeting) if email not in addresses
        ]
    if not addresses:
        return 0
    minutes = minutes_for(meeting=meeting)
    pdf = minutes_pdf(minutes)
    filename = pdf_filename(minutes)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Referat: %(title)s") % {"title": minutes.title}
        body = _(
            "Hej\n\nHer er referatet af mødet »%(title)s« i %(team)s den %(date)s. "
            "Det er vedhæftet som PDF.\n\nVenlig hilsen\nTeamlæring\n"
        ) % {
            "title": minutes.title,
            "team": minutes.team,
            "date": date_format(timezone.localtime(minutes.starts_at), "j. F Y"),
        }
    messages = []
    for address in addresses:
        message = EmailMessage(subject=subject, body=body, to=[address])
        message.attach(filename, pdf, "application/pdf")
        messages.append(message)
    return mailers.default.send_messages(messages) or 0
