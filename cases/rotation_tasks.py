"""The leader asks the next in turn to bring a case: an email sent in the background."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.tasks import task
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cases.selectors import deadline_for
from core.mail import absolute_reverse
from meetings.models import Meeting
from teams.models import User


@task
def ask_next_in_turn(*, meeting_id: int, user_id: int, asked_by_id: int) -> bool:
    meeting = Meeting.objects.select_related("team").filter(pk=meeting_id).first()
    person = User.objects.filter(pk=user_id).first()
    asked_by = User.objects.filter(pk=asked_by_id).first()
    if meeting is None or person is None or not person.email:
        return False
    with translation.override(person.language or settings.LANGUAGE_CODE):
        starts = timezone.localtime(meeting.starts_at)
        deadline = timezone.localtime(deadline_for(meeting))
        body = _(
            "Hej %(name)s\n\n"
            "Det er din tur til at tage en sag med til %(meeting)s den %(date)s.\n"
            "Fristen for at indsende sagen er %(deadline)s.\n\n"
            "Indsend sagen her: %(url)s\n\n"
            "Venlig hilsen\n%(asked_by)s\n"
        ) % {
            "name": person,
            "meeting": meeting.title,
            "date": starts.strftime("%d.%m.%Y kl. %H.%M"),
            "deadline": deadline.strftime("%d.%m.%Y kl. %H.%M"),
            "url": absolute_reverse("cases:submit", query=f"meeting={meeting.pk}"),
            "asked_by": asked_by or "Teamlæring",
        }
        subject = _("Vil du tage en sag med til %(meeting)s?") % {"meeting": meeting.title}
    EmailMessage(subject=subject, body=body, to=[person.email]).send()
    return True
