"""The meeting as a calendar invitation to download."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.http import attachment_response
from meetings.access import meeting_or_404
from meetings.calendar.ics import meeting_ics
from teams.requests import SignedInRequest


@login_required
@require_GET
def meeting_calendar(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_or_404(request.user, pk)
    return attachment_response(
        meeting_ics(meeting=meeting, now=timezone.now()),
        filename=f"moede-{meeting.pk}.ics",
        content_type="text/calendar; charset=utf-8",
    )
