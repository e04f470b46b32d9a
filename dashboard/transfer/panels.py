"""What the transfer adds to the team's page (registered by DashboardConfig.ready): the
leader's "Hent teamets data (JSON)"."""

from __future__ import annotations

from core.hooks import Contribution
from dashboard.access import can_export_team
from teams.hooks import TeamPage


def team_export_link(page: TeamPage) -> Contribution | None:
    if not can_export_team(page.user, page.team):
        return None
    return Contribution(templates={"links": "dashboard/transfer/_team_export_link.html"})
