"""Reads for the start page's guided start to a team's first meeting."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from cases.models import Case, CaseStatus
from meetings.models import Meeting, MeetingStatus
from teams.models import LEADING_ROLES, Team, User

# The cases the guided start offers to take onto the first meeting, at most.
CASES_OFFERED = 20


def first_meeting_teams(*, user: User) -> list[Team]:
    """The teams the user leads or coordinates that have never met (no meeting of theirs has
    started), unless the user skipped the guided start for the team: one query."""
    held = Meeting.objects.filter(team=OuterRef("pk")).exclude(status=MeetingStatus.PLANNED)
    return list(
        # One filter() call, so that the role and the skip are of the same membership.
        Team.objects.filter(
            memberships__user=user,
            memberships__role__in=LEADING_ROLES,
            memberships__first_meeting_guide_skipped_at__isnull=True,
        )
        .exclude(Exists(held))
        .order_by("name", "pk")
    )


def waiting_cases(*, team: Team) -> QuerySet[Case]:
    """The team's submitted cases still waiting to be discussed, for no meeting or for one
    not yet held, with their material: what the first meeting can take up, oldest first."""
    waiting = (
        Case.objects.filter(team=team, status=CaseStatus.SUBMITTED)
        .with_material()
        .filter(Q(meeting__isnull=True) | Q(meeting__status=MeetingStatus.PLANNED))
        .order_by("submitted_at", "pk")
    )
    # The first CASES_OFFERED, as a queryset a form can still filter (not a slice).
    first = waiting.values("pk")[:CASES_OFFERED]
    return waiting.filter(pk__in=first).select_related("submitted_by")
