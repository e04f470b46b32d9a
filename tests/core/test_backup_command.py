"""manage.py backup copies the SQLite database through the online backup API."""

import sqlite3

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from teams.models import Team

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_backup_holds_every_row(world, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("manage.py backup is for SQLite; PostgreSQL has pg_dump")
    target = tmp_path / "copy.sqlite3"
    call_command("backup", str(target))
    copy = sqlite3.connect(target)
    try:
        names = {row[0] for row in copy.execute("SELECT name FROM teams_team")}
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        copy.close()
    assert names == set(Team.objects.values_list("name", flat=True))


def test_an_existing_file_is_never_overwritten(tmp_path):
    target = tmp_path / "copy.sqlite3"
    target.write_text("keep me")
    with pytest.raises(CommandError):
        call_command("backup", str(target))
    assert target.read_text() == "keep me"


def test_postgresql_is_refused(tmp_path):
    if connection.vendor == "sqlite":
        pytest.skip("on SQLite the backup is made")
    with pytest.raises(CommandError, match="pg_dump"):
        call_command("backup", str(tmp_path / "x"))
