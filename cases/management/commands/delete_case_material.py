"""The daily retention job. Meant for cron or the systemd timer, once a day:

python manage.py delete_case_material
python manage.py delete_case_material --dry-run

It deletes the material of cases whose retention has run out (cases/retention.py), what other
apps keep like case material (teams.hooks.retention: a learning visit's reflections), the audit
log's entries past theirs, django-axes' records of logins older than 90 days
(teams/audit/services.py), the answers kept for repeated form posts (core/submits.py) and the
stored PDFs of minutes and rollups (core/pdf.py). It
keeps its first name, which installed timers and crontabs call.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from cases.retention import delete_expired_material, expired_cases
from core.pdf import purge_stored_pdfs
from core.submits import submissions_purge
from teams.audit.services import audit_purge, login_records_purge
from teams.hooks import retention


def sager(count: int) -> str:
    return f"{count} sag" if count == 1 else f"{count} sager"


class Command(BaseCommand):
    help = (
        "Sletter sparringsønske, baggrund, tidslinje, genogram og sagsejers noter for sager, "
        "hvis opbevaringsperiode efter mødet er udløbet, samt logposter og loginregistreringer "
        "ældre end deres opbevaringstid."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Vis hvilke sager der ville få slettet materiale, uden at ændre noget.",
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        if dry_run:
            expired = expired_cases()
            self.stdout.write(
                f"Prøvekørsel: {sager(len(expired))} ville få slettet deres materiale. "
                "Intet er ændret."
            )
            for item in expired:
                self.stdout.write(f"  Sag {item.case.pk}: {item.case.title}")
            return
        deletions = delete_expired_material()
        if deletions:
            self.stdout.write(
                self.style.SUCCESS(f"Materialet er slettet for {sager(len(deletions))}.")
            )
        else:
            self.stdout.write("Ingen sager havde materiale, der skulle slettes.")
        # What higher apps keep like case material (a learning visit's reflections).
        others = sum(purge(timezone.now()) for purge in retention)
        if others:
            self.stdout.write(f"Materiale slettet andre steder: {others}.")
        entries = audit_purge()
        logins = login_records_purge()
        submissions_purge()
        # After the material: no stored minutes or rollup keeps what was just deleted.
        pdfs = purge_stored_pdfs()
        self.stdout.write(
            f"Slettet efter opbevaringstiden: {entries} logposter, {logins} loginregistreringer "
            f"og {pdfs} gemte PDF'er."
        )
