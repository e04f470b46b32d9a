"""A team's file (manage.py team_export) read into a new installation without teams:

python manage.py team_import team.json

All of it in one transaction, or nothing; a file or an installation that does not allow it is
refused with a message saying why. People without an account here are created without a
password: they choose one with "Glemt adgangskode?" (or sign in with single sign-on).
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from dashboard.transfer.reading import TransferRefused
from dashboard.transfer.services import team_import_text
from teams.audit.services import from_command


class Command(BaseCommand):
    help = (
        "Henter et teams data ind fra en fil lavet med team_export. Kun i en installation uden "
        "teams; personer uden konto oprettes uden adgangskode."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Filen fra team_export.")

    def handle(self, *args: Any, file: str, **options: Any) -> None:
        try:
            text = Path(file).read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(
                _("Filen %(file)s kan ikke læses: %(reason)s")
                % {"file": file, "reason": error.strerror or error}
            ) from None
        except UnicodeDecodeError:
            raise CommandError(_("Filen %(file)s er ikke UTF-8-tekst.") % {"file": file}) from None
        try:
            imported = team_import_text(text=text, origin=from_command())
        except TransferRefused as refusal:
            raise CommandError(str(refusal)) from None
        counts = imported.counts
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "%(team)s (%(slug)s) er hentet ind: %(meetings)s møder, %(points)s "
                    "læringspunkter, %(rollups)s opsamlinger, %(actions)s opfølgninger, "
                    "%(products)s produkter med %(versions)s udgivne versioner."
                )
                % {
                    "team": imported.team.name,
                    "slug": imported.team.slug,
                    "meetings": counts["meetings"],
                    "points": counts["learning_points"],
                    "rollups": counts["rollups"],
                    "actions": counts["actions"],
                    "products": counts["products"],
                    "versions": counts["product_versions"],
                }
            )
        )
        if imported.people_created:
            self.stdout.write(
                _(
                    "%(count)s personer er oprettet uden adgangskode: de vælger en med »Glemt "
                    "adgangskode?« på login-siden (eller logger ind med enkeltlogon): %(names)s"
                )
                % {
                    "count": len(imported.people_created),
                    "names": ", ".join(imported.people_created),
                }
            )
        if imported.people_found:
            self.stdout.write(
                _("%(count)s personer havde allerede en konto her: %(names)s")
                % {"count": len(imported.people_found), "names": ", ".join(imported.people_found)}
            )
