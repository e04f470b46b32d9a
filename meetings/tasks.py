"""Mail about a meeting, sent in the background: that a planned meeting was cancelled."""

from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.tasks import task
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _


@task
def send_meeting_cancelled(
    *, title: str, team: str, starts_at: str, place: str, cancelled_by: str, to: list[str]
) -> int:
    """Tell the people who were to meet; the meeting itself is gone, so the service hands over
    what the mail says. Returns how many were sent."""
    when = timezone.localtime(datetime.fromisoformat(starts_at))
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Aflyst: %(title)s") % {"title": title}
        body = _(
            "Hej\n\n%(team)s' møde »%(title)s« %(when)s%(place)s er aflyst af %(by)s.\n\n"
            "Venlig hilsen\nTeamlæring\n"
        ) % {
            "team": team,
            "title": title,
            "when": date_format(when, r"l \d\e\n j. F Y \k\l. H.i"),
            "place": _(" i %(place)s") % {"place": place} if place else "",
            "by": cancelled_by,
        }
    messages = [EmailMessage(subject=subject, body=body, to=[address]) for address in to]
    return mailers.default.send_messages(messages) or 0
