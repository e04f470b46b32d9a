"""The minutes of a meeting: the page, the PDF and sending it to the participants."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.pdf import pdf_response
from meetings.access import can_run_meeting, meeting_or_404
from meetings.minutes import services
from meetings.minutes.document import pdf_filename, render_minutes_pdf
from meetings.minutes.forms import MinutesEmailForm
from meetings.minutes.selectors import minutes_for
from meetings.models import MeetingStatus
from meetings.services import ActionRefused
from teams.audit.services import audit_record
from teams.models import AuditAction
from teams.requests import SignedInRequest


@login_required
@require_GET
def minutes(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_or_404(request.user, pk)
    return render(
        request,
        "meetings/minutes/minutes.html",
        {
            "meeting": meeting,
            "minutes": minutes_for(meeting=meeting),
            "can_run": can_run_meeting(request.user, meeting),
            "email_form": MinutesEmailForm(),
        },
    )


@login_required
@require_GET
def minutes_pdf(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_or_404(request.user, pk)
    if meeting.status != MeetingStatus.FINISHED:
        raise Http404
    audit_record(
        actor=request.user,
        action=AuditAction.PDF_EXPORTED,
        target=meeting,
        team=meeting.team,
        detail={"kind": "minutes"},
    )
    document = minutes_for(meeting=meeting)
    return pdf_response(render_minutes_pdf(document), filename=pdf_filename(document))


@login_required
@require_POST
def minutes_email(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = meeting_or_404(request.user, pk)
    if not can_run_meeting(request.user, meeting):
        raise PermissionDenied
    form = MinutesEmailForm(request.POST)
    include_guests = form.is_valid() and form.cleaned_data["include_guests"]
    try:
        services.minutes_send(meeting=meeting, include_guests=include_guests)
    except ActionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Referatet er sendt til deltagerne."))
    return redirect("meetings:minutes", pk=meeting.pk)
