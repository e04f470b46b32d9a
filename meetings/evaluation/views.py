"""The check-out after a meeting, and its leaders' view of the answers over time."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.http import render_page_or_partial
from meetings import access
from meetings.evaluation import selectors, services
from meetings.evaluation.forms import CheckOutForm
from meetings.evaluation.summary import MIN_ANSWERS
from meetings.services import ActionRefused
from teams.access import visible_team_or_404
from teams.requests import SignedInRequest


@login_required
@require_http_methods(["GET", "POST"])
def check_out(request: SignedInRequest, pk: int) -> HttpResponse:
    meeting = access.meeting_or_404(request.user, pk)
    if not access.can_check_out(request.user, meeting):
        raise PermissionDenied
    own = selectors.own_check_out(meeting=meeting, user=request.user)
    initial = {"usefulness": own.usefulness, "comment": own.comment} if own else {}
    form = CheckOutForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.check_out_save(
                meeting=meeting,
                user=request.user,
                usefulness=form.cleaned_data["usefulness"],
                comment=form.cleaned_data["comment"],
            )
        except ActionRefused as refused:
            form.add_error("comment", str(refused))
        else:
            messages.success(request, _("Tak! Dit tjek-ud er gemt."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render_page_or_partial(
        request,
        "meetings/evaluation/check_out.html",
        "check_out",
        {"meeting": meeting, "check_out_form": form, "answered": own is not None},
    )


@login_required
@require_GET
def evaluation(request: SignedInRequest, slug: str) -> HttpResponse:
    team = visible_team_or_404(request.user, slug)
    if not access.can_read_evaluation(request.user, team):
        raise PermissionDenied
    meetings, months = selectors.team_evaluation(team=team)
    return render_page_or_partial(
        request,
        "meetings/evaluation/evaluation.html",
        "results",
        {"team": team, "meeting_rows": meetings, "months": months, "min_answers": MIN_ANSWERS},
    )
