"""A team's move loses nothing: export, flush the installation, import, export again, and the
two files are the same (but for the moment they were made)."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import override_settings
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from core.privacy import find_cpr
from dashboard.transfer.schema import SECTIONS
from tests.dashboard.transfer.conftest import Texts, build_team


def _export(slug: str) -> dict:
    out = StringIO()
    call_command("team_export", slug, stdout=out)
    data = json.loads(out.getvalue())
    data.pop("exported_at")
    return data


def _move(slug: str, tmp_path) -> tuple[dict, dict]:
    """The team's file before and after a move into a flushed installation."""
    before = _export(slug)
    path = tmp_path / "team.json"
    out = StringIO()
    call_command("team_export", slug, stdout=out)
    path.write_text(out.getvalue(), encoding="utf-8")
    call_command("flush", interactive=False, verbosity=0)
    call_command("team_import", str(path), stdout=StringIO())
    return before, _export(slug)


@pytest.mark.django_db(transaction=True)
@override_settings(DEBUG=True)
def test_the_demo_team_moves_without_losing_anything(tmp_path):
    call_command("load_demo", "--quiet-logins", stdout=StringIO())
    before, after = _move("team-syd", tmp_path)
    assert after == before
    assert len(after["meetings"]) >= 27  # a year of meetings every other week, and today's
    assert len(after["learning_points"]) == len(before["learning_points"]) > 50
    assert {person["username"] for person in after["people"]} >= {"leder", "sagsbehandler1"}


@pytest.mark.django_db(transaction=True)
def test_a_team_with_a_row_of_every_kind_moves_without_losing_anything(tmp_path):
    build_team()
    before, after = _move("syd", tmp_path)
    assert after == before
    assert all(after[section.name] for section in SECTIONS)


TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cs",), exclude_characters="\x00"),
    min_size=1,
    max_size=60,
)


@pytest.mark.django_db(transaction=True)
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(title=TEXT, name=TEXT, text=TEXT, theme=TEXT.map(lambda theme: theme[:80]))
def test_any_text_moves_as_it_was(tmp_path, title, name, text, theme):
    assume(not any(find_cpr(value) for value in (title, name, text, theme)))
    call_command("flush", interactive=False, verbosity=0)
    build_team(Texts(title=title, name=name, text=text, theme=theme))
    before, after = _move("syd", tmp_path)
    assert after == before
    assert after["learning_points"][0]["text"] == text
    assert after["themes"][0]["name"] == theme
    assert after["meetings"][0]["title"] == title
    assert after["product_versions"][0]["content"]["sections"][0]["text"] == text
