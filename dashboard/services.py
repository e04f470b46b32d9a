"""Writes of the start page: the guided start to a team's first meeting, and skipping it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from cases.models import Case
from cases.services import case_select
from meetings import planning
from meetings.models import Format, Meeting
from meetings.services import meeting_plan
from teams.models import Membership, Team, User


@transaction.atomic
def first_meeting_plan(
    *, team: Team, planner: User, format: Format, starts_at: datetime, cases: Sequence[Case]
) -> Meeting:
    """The team's first meeting, with the defaults that fit (the whole team takes part, the
    planner leads, the title comes from the format and the date, the length follows the
    timetable) and the cases on its agenda, in the order given. A case that cannot be taken
    refuses the whole (cases.services.CaseRefused), so nothing is half planned."""
    meeting = meeting_plan(
        team=team,
        format=format,
        title="",
        starts_at=starts_at,
        place=planning.plan_defaults(team=team).place,
        facilitator=planner,
        participants=list(User.objects.filter(memberships__team=team).order_by("first_name")),
        agenda_titles=[],
    )
    for case in cases:
        case_select(case=case, meeting=meeting)
    meeting.refresh_from_db()
    return meeting


def first_meeting_guide_skip(*, user: User, team: Team) -> None:
    """The person does not want the guided start for the team; it stays away from then on."""
    Membership.objects.filter(user=user, team=team).update(
        first_meeting_guide_skipped_at=timezone.now()
    )
