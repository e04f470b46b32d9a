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


def plannable_teams_with_guide(*, user: User) -> list[Team]:
    """The teams the user plans meetings for (meetings.access.plannable_teams), each with
    needs_guide (first_meeting_teams holds for it) and member_count: one query."""
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
