"""The minutes of a meeting: the page, the PDF and sending it to the participants."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from core.pdf import pdf_download
from core.submits import submit_once
from meetings.access import can_run_meeting, meeting_or_404
from meetings.minutes import services
from meetings.minutes.document import pdf_arguments, pdf_filename
from meetings.minutes.forms import MinutesEmailForm
from meetings.minutes.selectors import minutes_for
from meetings.models import MeetingStatus
from meetings.services import ActionRefused
from teams.audit.services import pdf_exported
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
    document = minutes_for(meeting=meeting)
    download = pdf_download(request, filename=pdf_filename(document), **pdf_arguments(document))
    pdf_exported(
        download=download, user=request.user, target=meeting, team=meeting.team, kind="minutes"
    )
    return download.response


@login_required
@require_POST
@submit_once
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
