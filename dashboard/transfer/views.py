"""The team leader's download of the team's data ("Hent teamets data (JSON)"), the file
`manage.py team_import` reads into a new installation."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from core.http import attachment_response
from dashboard.access import can_export_team
from dashboard.transfer.selectors import team_export_json
from teams.access import visible_team_or_404
from teams.audit.services import audit_record
from teams.models import AuditAction
from teams.requests import SignedInRequest


@login_required
@require_GET
def team_export(request: SignedInRequest, slug: str) -> HttpResponse:
    team = visible_team_or_404(request.user, slug)
    if not can_export_team(request.user, team):
        raise PermissionDenied
    audit_record(actor=request.user, action=AuditAction.TEAM_EXPORTED, target=team, team=team)
    return attachment_response(
        team_export_json(team=team),
        filename=f"team-{team.slug}-{timezone.localdate().isoformat()}.json",
        content_type="application/json; charset=utf-8",
    )
