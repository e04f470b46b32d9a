"""The minutes of a meeting: the page, the PDF and sending it to the participants."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.pdf import pdf_response
from meetings.minutes import minutes_for, pdf_filename, render_minutes_pdf
from meetings.models import MeetingStatus
from meetings.tasks import send_minutes
from teams import rules


@login_required
@require_GET
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = rules.meeting_or_404(request.user, pk)
    return render(
        request,
        "meetings/minutes.html",
        {
            "meeting": meeting,
            "minutes": minutes_for(meeting=meeting),
            "can_run": rules.can_run_meeting(request.user, meeting),
        },
    )


@login_required
@require_GET
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = rules.meeting_or_404(request.user, pk)
    if meeting.status != MeetingStatus.FINISHED:
        raise Http404
    document = minutes_for(meeting=meeting)
    return pdf_response(render_minutes_pdf(document), filename=pdf_filename(document))


@login_required
@require_POST
def minutes_email(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = rules.meeting_or_404(request.user, pk)
    if not rules.can_run_meeting(request.user, meeting):
        raise PermissionDenied
    if meeting.status != MeetingStatus.FINISHED:
        messages.error(request, _("Referatet kan først sendes, når mødet er afsluttet."))
        return redirect("meetings:minutes", pk=meeting.pk)
    meeting_id = meeting.pk
    transaction.on_commit(lambda: send_minutes.enqueue(meeting_id=meeting_id))
    messages.success(request, _("Referatet er sendt til deltagerne."))
    return redirect("meetings:minutes", pk=meeting.pk)
