"""Moving a team is in the audit log: who exported or imported which team and when (by the
leader's download or on the command line), never what the team's file holds."""

import getpass
import json

import pytest
from django.core.management.base import CommandError
from django.urls import reverse

from teams.audit.describe import detail_text
from teams.models import AuditAction, AuditEntry, Team
from tests.dashboard.transfer.conftest import Texts
from tests.dashboard.transfer.test_import import _empty_installation, _file, _import


def test_the_leaders_download_is_in_the_audit_log(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.users["leader"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("dashboard:team_export", args=[world.syd.slug]))
    assert response.status_code == 200
    entry = AuditEntry.objects.get(action=AuditAction.TEAM_EXPORTED)
    assert (entry.actor, entry.team) == (world.users["leader"], world.syd)
    assert entry.target_id == world.syd.pk
    assert entry.detail == {}


def test_a_refused_download_is_not(client, world, django_capture_on_commit_callbacks):
    client.force_login(world.users["caseworker"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(reverse("dashboard:team_export", args=[world.syd.slug]))
    assert response.status_code == 403
    assert not AuditEntry.objects.exists()


def test_export_and_import_on_the_command_line_are_in_the_audit_log(
    team, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        data = _file()
    exported = AuditEntry.objects.get(action=AuditAction.TEAM_EXPORTED)
    assert exported.actor is None and exported.team == team
    assert exported.detail == {"via": "command", "system_user": getpass.getuser()}
    assert "Kommandolinjen" in detail_text(exported)
    _empty_installation()
    with django_capture_on_commit_callbacks(execute=True):
        _import(data, tmp_path)
    imported = AuditEntry.objects.get(action=AuditAction.TEAM_IMPORTED)
    assert imported.team == Team.objects.get(slug="syd")
    assert imported.target_id == imported.team.pk
    assert imported.detail["via"] == "command"
    assert imported.detail["counts"]["learning_points"] == len(data["learning_points"])
    # What the team wrote stays out of the log.
    logged = json.dumps(list(AuditEntry.objects.values("detail")), ensure_ascii=False)
    for text in (Texts.title, Texts.name, Texts.text, Texts.theme):
        assert text not in logged


def test_a_refused_import_leaves_no_entry(team, tmp_path, django_capture_on_commit_callbacks):
    data = _file()
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(CommandError):
        _import(data, tmp_path)
    assert not AuditEntry.objects.filter(action=AuditAction.TEAM_IMPORTED).exists()
