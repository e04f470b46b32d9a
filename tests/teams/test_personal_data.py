"""'Hent mine data' (GDPR art. 15/20): one JSON file with what the app holds about the person,
and nothing about anyone else."""

import json
from datetime import date, timedelta

import pytest
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.models import Case, CaseStatus
from learnings.models import LearningPoint
from meetings.models import Hand, Step, Turn
from rollups.models import FollowUpAction
from teams.models import AuditAction, AuditEntry
from tests.conftest import World
from tests.factories import make_case, make_meeting

WISH = "Hvordan støtter vi mor bedst?"
POINT = "Spørg altid til netværket først"
NOTES = "Mine noter: ring til skolen"


@pytest.fixture
def rich(world: World):
    """The caseworker has done a bit of everything; their colleague has too."""
    caseworker, colleague = world.users["caseworker"], world.users["caseworker2"]
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], caseworker, colleague],
        cases=1,
    )
    make_case(meeting=meeting, user=caseworker, title="Mor med to børn", sparring_wanted=WISH)
    old = make_case(meeting=meeting, user=caseworker, title="Gammel sag")
    Case.objects.filter(pk=old.pk).update(
        sparring_wanted="",
        background="",
        timeline=[],
        genogram=[],
        material_deleted_at=timezone.now(),
        status=CaseStatus.DISCUSSED,
    )
    make_case(meeting=meeting, user=colleague, title="Kollegaens sag", sparring_wanted="Andet")
    LearningPoint.objects.create(team=world.syd, meeting=meeting, author=caseworker, text=POINT)
    LearningPoint.objects.create(team=world.syd, author=colleague, text="Kollegaens punkt")
    FollowUpAction.objects.create(
        team=world.syd,
        title="Lav en tjekliste",
        owner=caseworker,
        due_date=date(2026, 6, 1),
        created_by=world.users["leader"],
    )
    step = Step.objects.filter(meeting=meeting).first() or Step.objects.create(
        meeting=meeting, position=0, name="Runde", kind="round"
    )
    Turn.objects.create(step=step, user=caseworker, position=0, spoken_seconds=65.44)
    Turn.objects.create(step=step, user=colleague, position=1, spoken_seconds=30)
    Hand.objects.create(step=step, user=caseworker, raised_at=timezone.now())
    item = meeting.agenda_items.first()
    item.owner = caseworker
    item.owner_notes = NOTES
    item.save()
    AuditEntry.objects.create(
        at=timezone.now() - timedelta(days=1),
        action=AuditAction.ROLE_CHANGED,
        actor=world.users["leader"],
        subject=caseworker,
        team=world.syd,
        organisation=world.syd.organisation,
        detail={"from_role": "guest", "to_role": "caseworker"},
    )
    AuditEntry.objects.create(
        at=timezone.now(), action=AuditAction.LOGIN, actor=colleague, subject=colleague
    )
    return meeting


def download(client, user) -> dict:
    client.force_login(user)
    response = client.get(reverse("teams:my_data"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="mine-data-')
    return json.loads(response.content)


def test_the_file_holds_what_the_app_keeps_about_the_person(client, world, rich):
    caseworker = world.users["caseworker"]
    data = download(client, caseworker)
    assert data["format"] == "teamlaering-mine-data/1"
    assert data["profile"]["username"] == "caseworker"
    assert data["profile"]["email"] == "caseworker@example.dk"
    assert data["profile"]["first_name"] == caseworker.first_name
    assert data["memberships"] == [
        {"team": "Team Syd", "organisation": "Testkommune", "role": "Sagsbehandler", "title": ""}
    ]
    cases = {case["title"]: case for case in data["cases_submitted"]}
    assert set(cases) == {"Mor med to børn", "Gammel sag"}
    assert cases["Mor med to børn"]["sparring_wanted"] == WISH
    assert cases["Mor med to børn"]["background"]
    assert cases["Gammel sag"]["background"] == ""
    assert cases["Gammel sag"]["sparring_wanted"] == ""
    assert cases["Gammel sag"]["material_deleted_at"] is not None
    assert [point["text"] for point in data["learning_points"]] == [POINT]
    assert [action["title"] for action in data["follow_up_actions"]] == ["Lav en tjekliste"]
    assert data["follow_up_actions"][0]["owner"] is True
    assert [turn["spoken_seconds"] for turn in data["speaking_time"]] == [65.4]
    assert len(data["hands"]) == 1
    assert [note["notes"] for note in data["case_owner_notes"]] == [NOTES]
    assert [(m["meeting"], m["facilitator"]) for m in data["meetings"]] == [("Teammøde", False)]
    [about] = data["audit_entries"]
    assert about["action"] == "Skiftede rolle"
    assert about["by"] == world.users["leader"].display_name
    assert about["detail"] == "Rolle: Gæstedeltager → Sagsbehandler"
    [session] = data["sessions"]
    assert session["this_session"] is True


def test_the_file_holds_nothing_about_anyone_else(client, world, rich):
    text = json.dumps(download(client, world.users["caseworker"]), ensure_ascii=False)
    for other in ("Kollegaens sag", "Kollegaens punkt", "caseworker2@example.dk"):
        assert other not in text
    assert "30" not in [str(turn) for turn in json.loads(text)["speaking_time"]]


def test_a_guest_s_point_recorded_under_the_facilitator_is_not_in_their_file(client, world, rich):
    leader = world.users["leader"]
    LearningPoint.objects.create(
        team=world.syd, meeting=rich, author=leader, text="Lederens punkt"
    )
    LearningPoint.objects.create(
        team=world.syd,
        meeting=rich,
        author=leader,
        guest_name="Gitte Gæst",
        text="Gæstens punkt fra jobcentret",
    )
    data = download(client, leader)
    assert [point["text"] for point in data["learning_points"]] == ["Lederens punkt"]
    assert "Gitte Gæst" not in json.dumps(data, ensure_ascii=False)


def test_a_person_who_has_done_nothing_gets_empty_sections(client, world):
    data = download(client, world.users["outsider"])
    assert data["memberships"] == []
    assert data["cases_submitted"] == []
    assert data["learning_points"] == []
    assert data["audit_entries"] == []


def test_the_download_is_recorded(client, world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        download(client, world.users["guest"])
    [entry] = AuditEntry.objects.filter(action=AuditAction.DATA_EXPORTED)
    assert entry.actor == entry.subject == world.users["guest"]


def test_the_account_page_offers_the_download(client, world):
    client.force_login(world.users["caseworker"])
    page = client.get(reverse("teams:account")).content.decode()
    assert "Hent mine data" in page
    assert reverse("teams:my_data") in page


def test_the_download_takes_the_same_queries_however_much_the_person_did(client, world, rich):
    from django.db import connection

    caseworker = world.users["caseworker"]
    client.force_login(caseworker)
    client.get(reverse("teams:my_data"))
    with CaptureQueriesContext(connection) as before:
        client.get(reverse("teams:my_data"))
    for number in range(10):
        LearningPoint.objects.create(team=world.syd, author=caseworker, text=f"Punkt {number}")
        make_case(meeting=rich, user=caseworker, title=f"Sag {number}")
    with CaptureQueriesContext(connection) as after:
        client.get(reverse("teams:my_data"))
    assert len(after) == len(before)
