"""A team's data as one JSON file, for moving the team to another installation:

python manage.py team_export SLUG > team.json

What it holds and what it leaves behind: dashboard/transfer/schema.py and the README's
operations section ("Flytte et team").
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from dashboard.transfer.selectors import team_export_json
from teams.audit.services import audit_record, from_command
from teams.models import AuditAction, Team


class Command(BaseCommand):
    help = "Skriver et teams data som én JSON-fil på standardoutput (til at flytte teamet)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", help="Teamets kortnavn, fx syd.")

    def handle(self, *args: Any, slug: str, **options: Any) -> None:
        team = Team.objects.select_related("organisation").filter(slug=slug).first()
        if team is None:
            raise CommandError(_("Der er intet team med kortnavnet »%(slug)s«.") % {"slug": slug})
        self.stdout.write(team_export_json(team=team))
        audit_record(
            actor=None,
            action=AuditAction.TEAM_EXPORTED,
            target=team,
            team=team,
            detail=from_command(),
        )
