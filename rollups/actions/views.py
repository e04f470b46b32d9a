"""Follow-up actions: the list (one's own, and the teams one leads), a new one by hand, done
and reopened, and "Aftal opfølgning" during a meeting."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from core import submits
from core.http import local_path
from meetings.access import can_run_meeting, meeting_or_404
from meetings.runner import render_runner, render_state, work_response
from meetings.services import ActionRefused
from rollups import access
from rollups.actions import selectors, services
from rollups.actions.forms import ActionForm, FollowUpForm, MoveOnForm
from rollups.services import RollupRefused
from teams.models import Team
from teams.requests import SignedInRequest
from teams.selectors import led_teams


def _list_context(
    request: SignedInRequest, leading: list[Team], form: ActionForm | None = None
) -> dict[str, Any]:
    mine = list(selectors.actions_for(user=request.user)[:300])
    team_actions = list(selectors.team_actions(teams=leading)[:500]) if leading else []
    return {
        "open_actions": [action for action in mine if action.status == "open"],
        "done_actions": [action for action in mine if action.status == "done"],
        "team_actions": team_actions,
        "leading": leading,
        "leading_ids": {team.pk for team in leading},
        "form": form or (ActionForm(teams=leading) if leading else None),
        "today": timezone.localdate(),
    }


@login_required
@require_GET
def action_list(request: SignedInRequest) -> HttpResponse:
    return render(
        request, "rollups/actions/list.html", _list_context(request, led_teams(user=request.user))
    )


@login_required
@require_POST
@submits.submit_once
def action_create(request: SignedInRequest) -> HttpResponse:
    team = selectors.visible_team(user=request.user, team_id=request.POST.get("team", ""))
    if team is None:
        raise Http404
    if not access.can_agree_actions(request.user, team):
        raise PermissionDenied
    leading = led_teams(user=request.user)
    form = ActionForm(request.POST, teams=leading)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.action_create(
                team=team,
                user=request.user,
                title=data["title"],
                owner=data["owner"],
                due_date=data["due_date"],
            )
        except RollupRefused as refused:
            form.add_error("owner", str(refused))
        else:
            messages.success(request, _("Opfølgningen er oprettet."))
            return redirect("rollups:action_list")
    return render(request, "rollups/actions/list.html", _list_context(request, leading, form))


def _back(request: SignedInRequest) -> str:
    """Where the person came from ("next", a path on this site), else the list of follow-ups:
    read before the write (core.http.local_path)."""
    target = request.POST.get("next") or request.GET.get("next")
    return local_path(request, target) or reverse("rollups:action_list")


@login_required
@require_POST
def action_done(request: SignedInRequest, pk: int) -> HttpResponse:
    action = access.action_or_404(request.user, pk)
    back = _back(request)
    services.action_mark_done(action=action)
    messages.success(request, _("»%(title)s« er markeret som udført.") % {"title": action.title})
    return HttpResponseRedirect(back)


@login_required
@require_POST
def action_reopen(request: SignedInRequest, pk: int) -> HttpResponse:
    action = access.action_or_404(request.user, pk)
    back = _back(request)
    services.action_reopen(action=action)
    messages.success(request, _("»%(title)s« er åbnet igen.") % {"title": action.title})
    return HttpResponseRedirect(back)


@login_required
@require_POST
@vary_on_headers("HX-Request")
@submits.submit_once
def follow_up_add(request: SignedInRequest, pk: int) -> HttpResponse:
    """Agree on a follow-up action during the meeting's summary or check-out."""
    meeting = meeting_or_404(request.user, pk)
    if not can_run_meeting(request.user, meeting):
        raise PermissionDenied
    form = FollowUpForm(request.POST, team=meeting.team)
    if not form.is_valid():
        return work_response(request, meeting, "control", follow_up_form=form)
    services.follow_up_agree(
        meeting=meeting,
        user=request.user,
        title=form.cleaned_data["title"],
        owner=form.cleaned_data["owner"],
        due_date=form.cleaned_data["due_date"],
    )
    submits.created(request)
    return work_response(
        request, meeting, "control", saved=_("Opfølgningen er aftalt."), saved_form="follow_up"
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
def review_move_on(request: SignedInRequest, pk: int) -> HttpResponse:
    """ "Flyt videre" in the opening review: the open action moves on with the new due date
    chosen. A date refused is shown next to its field with what was typed; htmx gets the
    runner's state again (hx-target #runner-state), like every control."""
    meeting = meeting_or_404(request.user, pk)
    if not can_run_meeting(request.user, meeting):
        raise PermissionDenied
    form = MoveOnForm(request.POST, today=timezone.localdate())
    error = None
    if form.is_valid():
        data = form.cleaned_data
        try:
            meeting = services.action_review(
                meeting_id=meeting.pk,
                version=data["version"],
                action_id=data["follow_up"],
                done=False,
                due_date=data["due_date"],
            )
        except ActionRefused as refused:
            error = str(refused)
            meeting = meeting_or_404(request.user, pk)
    elif "version" in form.errors or "follow_up" in form.errors:
        error = _("Ukendt handling.")
    else:
        # The date is refused: next to its field, with the text kept.
        if request.htmx:
            return render_state(request, meeting, "control", move_on_form=form)
        return render_runner(request, meeting, "control", move_on_form=form)
    if request.htmx:
        return render_state(request, meeting, "control", error=error)
    if error:
        messages.error(request, error)
    return redirect("meetings:control", pk=meeting.pk)
