"""A consistent copy of the SQLite database while the app runs, through SQLite's online
backup API (a plain file copy can catch a write half done):

python manage.py backup /var/backups/teamlaering/db-$(date +%F).sqlite3

On PostgreSQL use pg_dump (deploy/backup.sh); this command refuses.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection


class Command(BaseCommand):
    help = "Tager en sikkerhedskopi af SQLite-databasen, mens appen kører."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("target", help="Filen, kopien skrives til (må ikke findes).")

    def handle(self, *args: Any, target: str, **options: Any) -> None:
        if connection.vendor != "sqlite":
            raise CommandError("Databasen er ikke SQLite: brug pg_dump (deploy/backup.sh).")
        path = Path(target)
        if path.exists():
            raise CommandError(f"{path} findes allerede; vælg et nyt filnavn.")
        connection.ensure_connection()
        source = connection.connection
        destination = sqlite3.connect(path)
        try:
            with destination:
                source.backup(destination)
        finally:
            destination.close()
        self.stdout.write(f"Sikkerhedskopi skrevet til {path}")
