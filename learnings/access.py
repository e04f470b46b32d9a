"""Who may edit a team's learning points and manage its themes.

Learning points are general, not case material: every member and the organisation's
department leaders read them (teams.access.visible_team_or_404). Someone who may read several
teams' learning chooses the team on each learning page (teams_to_choose).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.shortcuts import get_object_or_404

from learnings.models import LearningPoint
from teams.access import AnyUser, can_lead_team
from teams.models import Team

EDITABLE_FOR = timedelta(days=7)


def can_edit_learning_point(
    user: AnyUser, point: LearningPoint, *, now: datetime, leading: bool | None = None
) -> bool:
    """The author and the team's leader or coordinator, for a week after it was named.

    A list of points passes `leading` (can_lead_team, asked once) to save a query per point.
    """
    if not user.is_authenticated or now - point.created_at > EDITABLE_FOR:
        return False
    if point.author_id == user.pk:
        return True
    return can_lead_team(user, point.team) if leading is None else leading


def can_manage_themes(user: AnyUser, team: Team) -> bool:
    """The team's leader and coordinator create and delete its themes."""
    return can_lead_team(user, team)


def point_or_404(user: AnyUser, pk: int) -> LearningPoint:
    """A learning point of a team the user may view, else 404."""
    return get_object_or_404(
        LearningPoint.objects.filter(team__in=Team.objects.visible_to(user)).select_related(
            "team__organisation", "meeting", "agenda_item"
        ),
        pk=pk,
    )


def teams_to_choose(user: AnyUser) -> list[Team]:
    """The teams a learning page lets the user choose between, by name: every team whose
    learning they read (a department leader: each team of their organisations; a person in
    several teams: those). Empty for a person who reads one team's or none: they get no chooser.
    One query."""
    teams = list(
        Team.objects.visible_to(user).select_related("organisation").order_by("name", "pk")
    )
    return teams if len(teams) > 1 else []
