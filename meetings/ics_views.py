"""The meeting as a calendar invitation to download."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from meetings.ics import meeting_ics
from teams import rules


@login_required
@require_GET
def meeting_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = rules.meeting_or_404(request.user, pk)
    return HttpResponse(
        meeting_ics(meeting=meeting, now=timezone.now()),
        content_type="text/calendar; charset=utf-8",
        headers={
            "Content-Disposition": content_disposition_header(
                as_attachment=True, filename=f"moede-{meeting.pk}.ics"
            )
        },
    )
