"""Who plans, reads and writes a team's learning visits.

The list of visits (who follows whom, and when) is the team's: every member and the
organisation's department leaders read it. What the agent and the colleague agree and reflect
on is theirs and their leaders': only the two, and the team's leader and coordinator, open a
visit. The leader (or coordinator) puts its three points on a staff meeting's agenda.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from teams.access import AnyUser, can_lead_team, role_in_team
from teams.models import Role, Team, User
from visits.models import Visit

# Guest participants (a job consultant at the interdisciplinary meeting) take no part.
VISITING_ROLES = frozenset({Role.LEADER, Role.COORDINATOR, Role.CASEWORKER})


def can_plan_visit(user: AnyUser, team: Team) -> bool:
    """The team's leader, coordinator and caseworkers plan learning visits."""
    return role_in_team(user, team) in VISITING_ROLES


def may_plan_for(user: AnyUser, team: Team, *, agent: User, colleague: User) -> bool:
    """A caseworker plans a visit they take part in; the leader and coordinator any visit."""
    if can_lead_team(user, team):
        return True
    return user.is_authenticated and user.pk in (agent.pk, colleague.pk)


def can_open_visit(user: AnyUser, visit: Visit) -> bool:
    """The agent, the colleague, and the team's leader and coordinator open the visit, check
    in and hold the learning meeting."""
    if not user.is_authenticated:
        return False
    return user.pk in (visit.agent_id, visit.colleague_id) or can_lead_team(user, visit.team)


def can_put_on_agenda(user: AnyUser, visit: Visit) -> bool:
    """The team's leader (or coordinator) picks the staff meeting for the three points."""
    return visit.is_closed and can_lead_team(user, visit.team)


def visit_or_404(user: AnyUser, pk: int) -> Visit:
    """A visit of a team the user may view, else 404."""
    return get_object_or_404(
        Visit.objects.filter(team__in=Team.objects.visible_to(user)).with_people(), pk=pk
    )
