"""Reading a team's file in: people found or created without a password, the installation and
the file checked first, and a refusal that says why and leaves nothing behind."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

from cases.models import Case
from learnings.models import LearningPoint
from meetings.models import Format, Meeting
from teams.models import FORMER_EMPLOYEE_USERNAME, Membership, Role, Team, User
from tests.dashboard.transfer.conftest import build_team
from tests.factories import UserFactory, make_meeting


def _file(slug: str = "syd") -> dict:
    out = StringIO()
    call_command("team_export", slug, stdout=out)
    return json.loads(out.getvalue())


def _empty_installation() -> None:
    if connection.vendor == "postgresql":
        # Inside the test's transaction, PostgreSQL truncates no table with checks still due.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    call_command("flush", interactive=False, verbosity=0)


def _import(data, tmp_path) -> str:
    path = tmp_path / "team.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    out = StringIO()
    call_command("team_import", str(path), stdout=out)
    return out.getvalue()


@pytest.fixture
def exported(team) -> dict:
    data = _file()
    _empty_installation()
    return data


def test_people_are_created_without_a_password_and_told_so(exported, tmp_path):
    output = _import(exported, tmp_path)
    assert "Team Syd (syd) er hentet ind: 1 møder, 2 læringspunkter" in output
    assert "4 personer er oprettet uden adgangskode" in output
    assert "Glemt adgangskode?" in output
    leader = User.objects.get(username="syd-leder")
    assert not leader.has_usable_password()
    assert leader.first_name == "Åse Ødegård"
    assert Membership.objects.get(user=leader).role == Role.LEADER
    department_leader = User.objects.get(username="syd-afdeling")
    assert department_leader.organisation.name == "Transferkommune"
    assert list(department_leader.led_organisations.values_list("name", flat=True)) == [
        "Transferkommune"
    ]


def test_people_are_found_by_username_or_email(exported, tmp_path):
    leader = UserFactory(username="SYD-LEDER", first_name="Lise")
    caseworker = UserFactory(username="lise.sb", email="SYD-SB@example.dk")
    output = _import(exported, tmp_path)
    assert "2 personer havde allerede en konto her: syd-leder, syd-sb" in output
    assert Membership.objects.get(role=Role.LEADER).user == leader
    assert Membership.objects.get(role=Role.CASEWORKER).user == caseworker
    assert {point.author for point in LearningPoint.objects.all()} == {caseworker}
    assert User.objects.get(pk=leader.pk).has_usable_password()
    assert User.objects.get(pk=leader.pk).first_name == "Lise"


def test_the_file_keeps_the_times_and_links_of_the_team(exported, tmp_path):
    _import(exported, tmp_path)
    point = LearningPoint.objects.get(meeting__isnull=False)
    assert point.created_at.isoformat() == exported["learning_points"][0]["created_at"]
    assert point.themes.get().name == "virksomhedspraktik"
    assert point.meeting.title == "Teammøde om praktik"
    copy = Format.objects.get(copied_from__isnull=False)
    assert copy.copied_from.team.slug == "syd"
    product = point.products.get()
    assert product.latest_version.number == 1
    assert product.source_rollup_items.get().learning_points.get() == point


def test_case_material_and_reflections_do_not_move(team, tmp_path):
    text = json.dumps(_file(), ensure_ascii=False)
    assert "Familien har haft kontakt" not in text
    assert "Underretning fra skolen" not in text
    assert "Sagsejers egne noter" not in text
    assert "læringsagenten så hos borgeren" not in text  # a learning visit's reflections
    exported = json.loads(text)
    _empty_installation()
    _import(exported, tmp_path)
    case = Case.objects.get()
    assert (case.title, case.sparring_type) == ("Teammøde om praktik", "stalled")
    assert (case.background, case.timeline, case.agenda_item.owner_notes) == ("", [], "")
    assert case.agenda_item.observer_relevant == exported["agenda_items"][0]["observer_relevant"]


def test_a_meeting_of_a_built_in_format_moves_with_it(world, tmp_path):
    from meetings.builtin_formats import install_builtin_formats

    install_builtin_formats()
    builtin = Format.objects.builtin().get(key="teamsparring")
    make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"]],
        format=builtin,
    )
    data = _file("syd")
    assert data["meetings"][0]["format"] == {"builtin": "teamsparring"}
    _empty_installation()
    assert not Format.objects.exists()
    _import(data, tmp_path)
    assert Meeting.objects.get().format.key == "teamsparring"


def test_the_placeholder_of_erased_people_moves_as_the_placeholder(world, tmp_path):
    placeholder = UserFactory(username=FORMER_EMPLOYEE_USERNAME, email="", is_active=False)
    LearningPoint.objects.create(team=world.syd, author=placeholder, text="Gammel læring")
    data = _file("syd")
    _empty_installation()
    _import(data, tmp_path)
    assert LearningPoint.objects.get().author.is_former_employee


def test_an_installation_with_a_team_is_refused(exported, tmp_path):
    build_team(slug="andet")
    before = User.objects.count()
    with pytest.raises(CommandError, match="Installationen er ikke tom"):
        _import(exported, tmp_path)
    assert Team.objects.count() == 2
    assert User.objects.count() == before


def test_an_existing_team_slug_is_refused(exported, tmp_path):
    build_team(slug="syd")
    with pytest.raises(CommandError, match="kortnavnet »syd« findes allerede"):
        _import(exported, tmp_path)


def _changed(data: dict, change) -> dict:
    data = json.loads(json.dumps(data))
    change(data)
    return data


def _set(section: str, key: str, value):
    def change(data):
        data[section][0][key] = value

    return change


BAD_FILES = [
    ("not JSON", "{'format': 1", r"ikke gyldig JSON \(linje 1, kolonne 2"),
    ("a list", "[]", "ikke et teams data fra Teamlæring"),
    ("a number of 5000 digits", "1" * 5000, "et tal er for langt"),
    ("lists a million deep", "[" * 1_000_000, "for dybt indlejret"),
    (
        "a product's text 990 lists deep",
        _set("product_versions", "content", "DEEP"),
        "ikke gyldig JSON|for dybt indlejret",
    ),
    (
        "another version",
        lambda data: data.update(version=2),
        "version 2 af formatet; denne installation læser version 1",
    ),
    ("a section missing", lambda data: data.pop("hands"), "hands: afsnittet mangler i filen"),
    ("a section not a list", lambda data: data.update(hands={}), "hands: skal være en liste"),
    (
        "a row not an object",
        lambda data: data["hands"].append(5),
        r"hands\[1\]: skal være et objekt",
    ),
    (
        "a wrong type",
        _set("meetings", "title", 5),
        r"meetings\[0\]\.title: har ikke den rigtige type",
    ),
    (
        "a missing value",
        lambda data: data["meetings"][0].pop("title"),
        r"meetings\[0\]\.title: mangler",
    ),
    ("null", _set("meetings", "starts_at", None), r"meetings\[0\]\.starts_at: må ikke være tom"),
    (
        "a time without a zone",
        _set("meetings", "starts_at", "2026-01-05T10:00:00"),
        r"meetings\[0\]\.starts_at: er ikke et gyldigt tidspunkt",
    ),
    ("a bad date", _set("actions", "due_date", "2026-02-30"), r"actions\[0\]\.due_date: er ikke"),
    (
        "a choice",
        _set("meetings", "status", "exploded"),
        r"meetings\[0\]\.status: \"exploded\" er ikke et af valgene",
    ),
    ("too long", _set("meetings", "title", "x" * 201), r"meetings\[0\]\.title: .*200"),
    ("a huge number", _set("steps", "planned_seconds", 10**30), r"steps\[0\]\.planned_seconds"),
    (
        "an unknown field",
        _set("meetings", "colour", "red"),
        r"meetings\[0\]: ukendte felter: colour",
    ),
    (
        "an unknown person",
        _set("learning_points", "author", "ukendt"),
        r"\"ukendt\" er ikke en af filens personer",
    ),
    (
        "a missing row",
        _set("learning_points", "meeting", 99),
        r"learning_points\[0\]\.meeting: meetings har ingen række med id 99",
    ),
    (
        "a missing row in a list",
        _set("learning_points", "themes", [1, 7]),
        r"learning_points\[0\]\.themes: themes har ingen række med id 7",
    ),
    (
        "an unknown built-in format",
        _set("meetings", "format", {"builtin": "nope"}),
        r"mødeformat \"nope\" findes ikke",
    ),
    (
        "a CPR number",
        _set("learning_points", "text", "Borger 010190-1234 sagde"),
        "ligner et CPR-nummer",
    ),
    (
        "a CPR number in a product",
        _set("product_versions", "content", {"a": ["0101901234"]}),
        "ligner et CPR-nummer",
    ),
    (
        "NUL",
        _set("rollups", "summary", "a\x00b"),
        r"rollups\[0\]\.summary: indeholder et NUL-tegn",
    ),
    (
        "an id twice",
        lambda data: data["themes"].append(dict(data["themes"][0])),
        r"themes\[1\]\.id: 1 står to gange",
    ),
    (
        "a rule only the database checks",
        lambda data: data["participations"].append({**data["participations"][0], "id": 99}),
        "Databasen afviste filen, og intet er gemt",
    ),
]


@pytest.mark.parametrize(
    ("change", "message"),
    [pytest.param(change, message, id=name) for name, change, message in BAD_FILES],
)
def test_a_bad_file_is_refused_with_a_message_saying_where(exported, tmp_path, change, message):
    data = change if isinstance(change, str) else _changed(exported, change)
    if isinstance(data, dict):
        # Deeper than json.dumps would write it.
        data = json.dumps(data).replace('"DEEP"', "[" * 990 + "]" * 990)
    with pytest.raises(CommandError, match=message):
        _import(data, tmp_path)
    assert not Team.objects.exists()
    assert not User.objects.exists()


def test_a_file_that_cannot_be_read_is_refused(db, tmp_path):
    with pytest.raises(CommandError, match="kan ikke læses"):
        call_command("team_import", str(tmp_path / "findes-ikke.json"))
    latin = tmp_path / "latin1.json"
    latin.write_bytes('{"navn": "Søren"}'.encode("latin-1"))
    with pytest.raises(CommandError, match="ikke UTF-8"):
        call_command("team_import", str(latin))


def test_an_unknown_team_is_not_exported(db):
    with pytest.raises(CommandError, match="intet team med kortnavnet »nord«"):
        call_command("team_export", "nord", stdout=StringIO())


def test_a_running_meeting_moves_with_its_clock(team, tmp_path):
    meeting = Meeting.objects.get()
    started = timezone.now() - timedelta(minutes=7)
    Meeting.objects.filter(pk=meeting.pk).update(
        status="running", started_at=started, span_started_at=started, version=5
    )
    data = _file()
    _empty_installation()
    _import(data, tmp_path)
    moved = Meeting.objects.get()
    assert (moved.status, moved.started_at, moved.version) == ("running", started, 5)
