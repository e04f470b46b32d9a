"""The start page ("Mit overblik"): the person's teams, their next meetings, the rollups due and
their own open follow-up actions, gathered from every app; for a leader, "Planlæg møde" and,
while a team has never met, a guided start to its first meeting."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.forms import ModelMultipleChoiceField
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.models import Case
from core.refusals import Refused
from core.submits import submit_once
from dashboard import selectors, services
from dashboard.forms import FirstMeetingForm
from meetings import planning
from meetings.access import can_plan_meeting, can_run_meeting
from meetings.models import Format
from meetings.presenters.selectors import upcoming_briefs
from meetings.selectors import team_size, upcoming_meetings
from rollups.actions.selectors import open_actions_for
from rollups.selectors import teams_with_rollup_due, with_rollup_status
from teams.access import note_roles, visible_team_or_404
from teams.models import LEADING_ROLES, Role, Team
from teams.requests import SignedInRequest
from teams.selectors import teams_for_overview

UPCOMING_SHOWN = 5
ACTIONS_SHOWN = 20


@login_required
@require_GET
def home(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    teams = list(with_rollup_status(teams_for_overview(user=request.user), today=today))
    # The teams carry the person's own memberships (every one they have): the access rules
    # below need no query of their own for these teams, and who leads none plans nothing.
    roles = {
        team.pk: next((m.role for m in team.own_memberships), None)  # type: ignore[attr-defined]
        for team in teams
    }
    note_roles(request.user, roles)
    upcoming = upcoming_meetings(user=request.user, limit=UPCOMING_SHOWN)
    # The teams are every team the person is in: in the team of a meeting they were invited to
    # from another team, they have no role.
    note_roles(request.user, {m.team_id: None for m in upcoming if m.team_id not in roles})
    for meeting in upcoming:
        meeting.user_can_run = can_run_meeting(request.user, meeting)  # type: ignore[attr-defined]
    leads_a_team = any(role in LEADING_ROLES for role in roles.values())
    plannable = selectors.plannable_teams_with_guide(user=request.user) if leads_a_team else []
    # The guided start is for one team at a time: the first, by name, that has never met.
    first = next((team for team in plannable if team.needs_guide), None)  # type: ignore[attr-defined]
    return render(
        request,
        "dashboard/home.html",
        {
            "teams": teams,
            "upcoming": upcoming,
            "is_member": any(team.own_memberships for team in teams),  # type: ignore[attr-defined]
            "plannable_teams": plannable,
            "first_meeting": _first_meeting_context(first) if first else None,
            "actions": list(open_actions_for(user=request.user, today=today)[:ACTIONS_SHOWN]),
            "rollups_due": teams_with_rollup_due(user=request.user, today=today, teams=teams),
            # Only caseworkers present practitioner examples: others are not asked.
            "briefs": upcoming_briefs(user=request.user)
            if Role.CASEWORKER in roles.values()
            else [],
        },
    )


def _first_meeting_form(team: Team, data: QueryDict | None = None) -> FirstMeetingForm:
    cases = selectors.waiting_cases(team=team)
    # The start page's teams come with their size (plannable_teams_with_guide).
    size = getattr(team, "member_count", None)
    choices = planning.format_choices(
        team=team, participant_count=team_size(team=team) if size is None else size
    )
    form = FirstMeetingForm(
        data,
        formats=Format.objects.available_to(team),
        cases=cases,
        choices=choices,
        initial={"starts_at": planning.plan_defaults(team=team).starts_at},
    )
    # The boxes and their ticks from one load of the cases (the field's iterator uses it).
    form.initial["cases"] = list(
        cast(ModelMultipleChoiceField, form.fields["cases"]).queryset or Case.objects.none()
    )
    return form


def _first_meeting_context(team: Team, form: FirstMeetingForm | None = None) -> dict[str, Any]:
    form = form or _first_meeting_form(team)
    return {"team": team, "form": form, "choices": list(form.choices.values())}


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def first_meeting(request: SignedInRequest, slug: str) -> HttpResponse:
    """The guided start to a team's first meeting: choose a format, a date and time, the
    cases, and start ("Kør mødet nu" opens the control view) or plan it for the time."""
    team = visible_team_or_404(request.user, slug)
    if not can_plan_meeting(request.user, team):
        raise PermissionDenied
    form = _first_meeting_form(team, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.first_meeting_plan(
                team=team,
                planner=request.user,
                format=form.cleaned_data["format"],
                starts_at=form.meeting_time(),
                cases=list(form.cleaned_data["cases"]),
            )
        except Refused as refused:
            form.add_error(None, str(refused))
        else:
            if form.runs_now:
                return redirect("meetings:control", pk=meeting.pk)
            messages.success(request, _("Mødet er planlagt."))
            return redirect("meetings:detail", pk=meeting.pk)
    context = {"first_meeting": _first_meeting_context(team, form)}
    return render(request, "dashboard/first_meeting.html", context)


@login_required
@require_POST
def first_meeting_skip(request: SignedInRequest, slug: str) -> HttpResponse:
    """Skip the guided start for the team; the start page remembers it."""
    team = visible_team_or_404(request.user, slug)
    if not can_plan_meeting(request.user, team):
        raise PermissionDenied
    services.first_meeting_guide_skip(user=request.user, team=team)
    messages.info(request, _("Guiden er sprunget over. Du planlægger møder med «Planlæg møde»."))
    return redirect("dashboard:home")
