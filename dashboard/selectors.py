"""Reads for the start page's guided start to a team's first meeting."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from cases.models import Case, CaseStatus
from meetings.access import plannable_teams
from meetings.models import Meeting, MeetingStatus
from teams.models import LEADING_ROLES, Membership, Team, User

# The cases the guided start offers to take onto the first meeting, at most.
CASES_OFFERED = 20


def plannable_teams_with_guide(*, user: User) -> list[Team]:
    """The teams the user plans meetings for (meetings.access.plannable_teams), each with
    needs_guide (the user leads or coordinates it, it has never met, and the user has not
    skipped the guided start for it) and member_count: one query."""
    held = Meeting.objects.filter(team=OuterRef("pk")).exclude(status=MeetingStatus.PLANNED)
    unskipped = Membership.objects.filter(
        team=OuterRef("pk"),
        user=user,
        role__in=LEADING_ROLES,
        first_meeting_guide_skipped_at__isnull=True,
    )
    members = (
        Membership.objects.filter(team=OuterRef("pk"))
        .order_by()
        .values("team")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return list(
        plannable_teams(user).annotate(
            needs_guide=Exists(unskipped) & ~Exists(held),
            member_count=Coalesce(Subquery(members), 0),
        )
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
