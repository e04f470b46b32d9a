"""Mail of meeting series, sent in the background: the invitation to a new series."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from meetings.series.ics import series_ics
from meetings.series.models import Series


@task
def send_series_invitation(*, series_id: int) -> int:
    """Mail each participant, the facilitator and the stand-in with an address the series'
    calendar file, one message each. Returns how many were sent."""
    series = (
        Series.objects.select_related("team", "format", "facilitator", "stand_in")
        .filter(pk=series_id, ended_at__isnull=True)
        .first()
    )
    if series is None:
        return 0
    participants = list(series.participants.filter(is_active=True).order_by("pk"))
    people = {
        person.pk: person
        for person in [series.facilitator, series.stand_in, *participants]
        if person is not None and person.email
    }
    if not people:
        return 0
    ics = series_ics(series=series, participants=participants, now=timezone.now())
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Invitation: %(title)s") % {"title": series.title}
        body = _(
            "Hej\n\n%(team)s holder »%(title)s« %(rhythm)s, %(weekday)s kl. %(at)s%(place)s. "
            "Mødeleder er %(facilitator)s.\n\n"
            "Kalenderfilen er vedhæftet: åbn den for at få møderne i din kalender.\n\n"
            "Venlig hilsen\nTeamlæring\n"
        ) % {
            "team": series.team.name,
            "title": series.title,
            "rhythm": series.get_rhythm_display().lower(),
            "weekday": series.get_weekday_display(),
            "at": series.at.strftime("%H:%M"),
            "place": _(" i %(place)s") % {"place": series.place} if series.place else "",
            "facilitator": series.facilitator.display_name,
        }
    messages = []
    for person in people.values():
        message = EmailMessage(subject=subject, body=body, to=[person.email])
        message.attach(f"moedeserie-{series.pk}.ics", ics, "text/calendar")
        messages.append(message)
    return mailers.default.send_messages(messages) or 0
