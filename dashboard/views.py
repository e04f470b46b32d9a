"""The start page ("Mit overblik"): the person's teams, their next meetings, the rollups due and
their own open follow-up actions, gathered from every app."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from meetings.access import can_run_meeting
from meetings.selectors import upcoming_meetings
from rollups.actions.selectors import open_actions_for
from rollups.selectors import teams_with_rollup_due, with_rollup_status
from teams.requests import SignedInRequest
from teams.selectors import teams_for_overview

UPCOMING_SHOWN = 5
ACTIONS_SHOWN = 20


@login_required
@require_GET
def home(request: SignedInRequest) -> HttpResponse:
    today = timezone.localdate()
    teams = list(with_rollup_status(teams_for_overview(user=request.user), today=today))
    upcoming = upcoming_meetings(user=request.user, limit=UPCOMING_SHOWN)
    for meeting in upcoming:
        meeting.user_can_run = can_run_meeting(request.user, meeting)  # type: ignore[attr-defined]
    return render(
        request,
        "dashboard/home.html",
        {
            "teams": teams,
            "upcoming": upcoming,
            "is_member": any(team.own_memberships for team in teams),  # type: ignore[attr-defined]
            "actions": list(open_actions_for(user=request.user, today=today)[:ACTIONS_SHOWN]),
            "rollups_due": teams_with_rollup_due(user=request.user, today=today, teams=teams),
        },
    )
