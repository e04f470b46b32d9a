"""Who may do what the start page's app gathers: download a team's data for a move."""

from __future__ import annotations

from teams.access import AnyUser, role_in_team
from teams.models import Role, Team


def can_export_team(user: AnyUser, team: Team) -> bool:
    """The team's leader downloads everything the team holds ("Hent teamets data (JSON)"):
    the whole team's learning and who said what, which a move to a new installation needs and
    nobody else of the team does."""
    return role_in_team(user, team) == Role.LEADER
