"""Delete case material whose retention has run out. Meant for cron, once a day:

python manage.py delete_case_material
python manage.py delete_case_material --dry-run
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from cases.retention import delete_expired_material, expired_cases


def sager(count: int) -> str:
    return f"{count} sag" if count == 1 else f"{count} sager"


class Command(BaseCommand):
    help = (
        "Sletter baggrund, tidslinje, genogram og sagsejers noter for sager, hvis "
        "opbevaringsperiode efter mødet er udløbet."
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
