"""Backups: deploy/backup-restore-check.sh dumps PostgreSQL, restores into an empty database
and compares the row counts of every table; deploy/backup.sh writes the nightly dump."""

import os
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import make_case, make_meeting

pytestmark = pytest.mark.django_db(transaction=True)
DEPLOY = Path(settings.BASE_DIR) / "deploy"


def database_url() -> str:
    database = connection.settings_dict
    password = f":{database['PASSWORD']}" if database["PASSWORD"] else ""
    return (
        f"postgres://{database['USER'] or ''}{password}@{database['HOST'] or '127.0.0.1'}:"
        f"{database['PORT'] or 5432}/{database['NAME']}"
    )


@pytest.fixture
def postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump and pg_restore are for PostgreSQL")


def run(script: str, *args: str, **environment: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(DEPLOY / script), *args],
        env=os.environ | {"DATABASE_URL": database_url()} | environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_dump_restores_into_an_empty_database_with_every_row(postgresql, world, tmp_path):
    leader = world.users["leader"]
    meeting = make_meeting(team=world.syd, facilitator=leader, participants=[leader])
    make_case(meeting=meeting, user=leader)
    made = run("backup.sh", BACKUP_DIR=str(tmp_path))
    assert made.returncode == 0, made.stderr
    (dump,) = tmp_path.glob("teamlaering-*.dump")
    assert made.stdout.strip() == str(dump)

    checked = run("backup-restore-check.sh", str(dump))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Gendannelse i orden" in checked.stdout
    assert "cases_case 1" not in checked.stderr


def test_a_restore_that_differs_is_reported(postgresql, world, tmp_path):
    made = run("backup.sh", BACKUP_DIR=str(tmp_path))
    (dump,) = tmp_path.glob("teamlaering-*.dump")
    assert made.returncode == 0
    # A row written after the dump: the restored copy has one fewer.
    leader = world.users["leader"]
    make_meeting(team=world.syd, facilitator=leader, participants=[leader])
    checked = run("backup-restore-check.sh", str(dump))
    assert checked.returncode == 1
    assert "meetings_meeting" in checked.stdout
