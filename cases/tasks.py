"""Background work of cases, run by django.tasks (at once in development and tests)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import IntegrityError, transaction
from django.tasks import task
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cases.models import CaseReminder
from cases.selectors import deadline_for
from core.mail import absolute_reverse
from meetings.models import Meeting, MeetingStatus
from teams.models import User


def reminder_message(*, meeting: Meeting, user: User) -> EmailMessage:
    """The Danish reminder to one person: the meeting, its deadline and where to submit."""
    starts_at = timezone.localtime(meeting.starts_at)
    deadline = timezone.localtime(deadline_for(meeting))
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Har du en sag til teammødet %(date)s?") % {
            "date": date_format(starts_at, "j. F Y")
        }
        body = _(
            "Hej %(name)s\n\n"
            "Teamet holder mødet »%(title)s« %(when)s, og der er plads til flere sager på "
            "dagsordenen. Har du en sag, du gerne vil have sparring på?\n\n"
            "Fristen for at indsende en sag er %(deadline)s.\n\n"
            "Indsend sagen her: %(url)s\n\n"
            "Venlig hilsen\nTeamlæring\n"
        ) % {
            "name": user.first_name or user.username,
            "title": meeting.title,
            "when": date_format(starts_at, r"l \d\e\n j. F Y \k\l. H:i"),
            "deadline": date_format(deadline, r"l \d\e\n j. F Y \k\l. H:i"),
            "url": absolute_reverse("cases:submit"),
        }
    return EmailMessage(subject=subject, body=body, to=[user.email])


@task
def send_case_reminders(*, meeting_id: int, user_ids: list[int]) -> int:
    """Mail each person a reminder to bring a case to the planned meeting, one message each,
    and record it. People already reminded of the meeting are skipped, so running the task
    twice sends nothing twice. Returns how many were sent."""
    meeting = (
        Meeting.objects.select_related("team")
        .filter(pk=meeting_id, status=MeetingStatus.PLANNED)
        .first()
    )
    if meeting is None:
        return 0
    already = CaseReminder.objects.filter(meeting=meeting).values_list("user_id", flat=True)
    people = (
        User.objects.filter(pk__in=user_ids, is_active=True)
        .exclude(email="")
        .exclude(pk__in=already)
        .order_by("pk")
    )
    sent = 0
    for person in people:
        if not mailers.default.send_messages([reminder_message(meeting=meeting, user=person)]):
            continue
        sent += 1
        try:
            with transaction.atomic():
                CaseReminder.objects.create(meeting=meeting, user=person, sent_at=timezone.now())
        except IntegrityError:
            # A simultaneous run recorded the same reminder: the message went out twice at
            # worst, and the row is there.
            pass
    return sent
