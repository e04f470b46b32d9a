"""The meeting room's forms and screens: a refusal keeps the text next to its field, a save is
confirmed, the facilitator works from one tab, an update never carries the forms, and the case
under discussion is on the screens."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from cases import services as case_services
from learnings.models import LearningPoint
from meetings.models import AgendaItem, Meeting
from rollups.models import FollowUpAction
from tests.factories import make_case, make_meeting

HX = {"HX-Request": "true"}
CPR = "Mor oplyste 010190-1234 ved mødet."


def control(client, meeting, action):
    fresh = Meeting.objects.get(pk=meeting.pk)
    client.post(
        reverse("meetings:action", args=[meeting.pk]),
        {"action": action, "version": fresh.version},
    )


def run_to(client, world, meeting, position: int) -> None:
    """Start the meeting as its leader and move on to the step at `position`."""
    client.force_login(world.users["leader"])
    control(client, meeting, "start")
    for _step in range(position):
        control(client, meeting, "next")
    assert Meeting.objects.get(pk=meeting.pk).current_position == position


def control_version(html: str) -> int:
    return int(html.split('name="version" value="')[1].split('"')[0])


REFLECTION, ROUND, SUMMARY = 1, 2, 3


def test_a_refused_learning_point_keeps_the_text_next_to_the_field(client, world, meeting):
    run_to(client, world, meeting, ROUND)
    client.force_login(world.users["caseworker"])
    url = reverse("learnings:meeting_point_add", args=[meeting.pk])
    html = client.post(url, {"text": CPR, "mode": "participant"}, headers=HX).content.decode()
    assert html.lstrip().startswith('<div id="runner-work"')
    # The state comes along out of band only, so the controls carry the current version.
    assert '<div id="runner-state" hx-swap-oob="true"' in html
    assert "CPR-nummer" in html
    assert CPR in html
    assert not LearningPoint.objects.exists()
    html = client.post(
        url, {"text": "Ring til skolen først.", "mode": "participant"}, headers=HX
    ).content.decode()
    assert "Læringspunktet er gemt." in html
    assert 'data-saved="learning_point"' in html
    work, rest = html.split('<div id="runner-state"')
    assert "Ring til skolen først." not in work  # the field is empty again
    assert "Ring til skolen først." in rest.split('id="runner-aside"')[1]  # and it is listed
    assert LearningPoint.objects.get().text == "Ring til skolen først."


def test_a_refused_owner_note_names_the_cpr_number_and_keeps_the_text(client, world, meeting):
    run_to(client, world, meeting, REFLECTION)
    client.force_login(world.users["caseworker"])
    url = reverse("meetings:owner_notes", args=[meeting.pk])
    html = client.post(url, {"notes": CPR}, headers=HX).content.decode()
    assert "CPR-nummer" in html
    assert CPR in html
    assert AgendaItem.objects.get(owner=world.users["caseworker"]).owner_notes == ""
    html = client.post(url, {"notes": "Spørg til skolen."}, headers=HX).content.decode()
    assert "Dine noter er gemt." in html
    assert AgendaItem.objects.get(owner=world.users["caseworker"]).owner_notes == (
        "Spørg til skolen."
    )


def test_owner_notes_outside_the_reflection_say_when_they_are_written(client, world, meeting):
    run_to(client, world, meeting, ROUND)
    client.force_login(world.users["caseworker"])
    response = client.post(
        reverse("meetings:owner_notes", args=[meeting.pk]), {"notes": "Noter"}, headers=HX
    )
    assert "mens teamet reflekterer" in response.content.decode()
    assert AgendaItem.objects.get(owner=world.users["caseworker"]).owner_notes == ""


def test_the_leader_sums_up_in_the_control_view(client, world, meeting):
    run_to(client, world, meeting, SUMMARY)
    html = client.get(reverse("meetings:control", args=[meeting.pk])).content.decode()
    assert reverse("learnings:meeting_summary_add", args=[meeting.pk]) in html
    assert "Giver det anledning til ændret praksis?" in html
    assert "Aftal opfølgning" in html
    url = reverse("learnings:meeting_summary_add", args=[meeting.pk])
    html = client.post(
        url, {"text": CPR, "changes_practice": "ja", "mode": "control"}, headers=HX
    ).content.decode()
    assert "CPR-nummer" in html and CPR in html
    assert "Aftal opfølgning" in html  # the control view's forms, not the participant's
    html = client.post(
        url,
        {"text": "Vi ændrer praksis.", "changes_practice": "ja", "mode": "control"},
        headers=HX,
    ).content.decode()
    assert "Opsamlingen er gemt." in html
    summary = LearningPoint.objects.get()
    assert summary.is_leader_summary and summary.changes_practice is True


def test_a_follow_up_is_refused_with_its_text_kept_then_confirmed_and_listed(
    client, world, meeting
):
    run_to(client, world, meeting, SUMMARY)
    url = reverse("rollups:follow_up_add", args=[meeting.pk])
    data = {"owner": world.users["caseworker"].pk, "due_date": "2030-01-01"}
    html = client.post(url, {**data, "title": CPR}, headers=HX).content.decode()
    assert "CPR-nummer" in html and CPR in html
    assert not FollowUpAction.objects.exists()
    html = client.post(url, {**data, "title": "Ring til jobcentret"}, headers=HX).content.decode()
    assert "Opfølgningen er aftalt." in html
    assert "Aftalt på mødet" in html
    assert "Ring til jobcentret" in html.split("Aftalt på mødet")[1]


def test_the_minutes_list_the_follow_ups_agreed_at_the_meeting(client, world, meeting):
    run_to(client, world, meeting, SUMMARY)
    client.post(
        reverse("rollups:follow_up_add", args=[meeting.pk]),
        {
            "title": "Ring til jobcentret",
            "owner": world.users["caseworker"].pk,
            "due_date": "2030-01-01",
        },
    )
    control(client, meeting, "finish")
    html = client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert "Ring til jobcentret" in html
    assert world.users["caseworker"].display_name in html.split("Aftalte opfølgninger")[1]
    assert "Ingen aftalte opfølgninger registreret" not in html
    pdf = client.get(reverse("meetings:minutes_pdf", args=[meeting.pk])).content
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Ring til jobcentret" in text


def test_after_the_end_the_control_view_links_to_the_minutes(client, world, meeting):
    run_to(client, world, meeting, 0)
    control(client, meeting, "finish")
    html = client.get(reverse("meetings:control", args=[meeting.pk])).content.decode()
    assert f'href="{reverse("meetings:minutes", args=[meeting.pk])}">Referat</a>' in html
    assert ">Næste fase</button>" not in html


def test_an_update_of_the_state_carries_the_aside_but_never_the_forms(client, world, meeting):
    run_to(client, world, meeting, ROUND)
    client.force_login(world.users["caseworker"])
    update = client.get(
        reverse("meetings:poll", args=[meeting.pk]), {"v": 0, "mode": "participant"}
    ).content.decode()
    assert 'id="runner-state"' in update
    assert 'id="runner-aside" hx-swap-oob="true"' in update
    assert 'id="runner-work"' not in update
    work = client.get(
        reverse("meetings:work", args=[meeting.pk]), {"mode": "participant"}, headers=HX
    ).content.decode()
    assert 'id="runner-work"' in work and 'id="runner-state"' not in work
    assert reverse("learnings:meeting_point_add", args=[meeting.pk]) in work


def test_the_projector_has_no_forms(client, world, meeting):
    run_to(client, world, meeting, ROUND)
    response = client.get(
        reverse("meetings:work", args=[meeting.pk]), {"mode": "projector"}, headers=HX
    )
    assert response.status_code == 404


def test_the_first_phase_and_who_is_next_are_announced(client, world, meeting):
    run_to(client, world, meeting, 0)
    html = client.get(reverse("meetings:control", args=[meeting.pk])).content.decode()
    assert 'data-announce="Fase: Præsentation (Sag 1)."' in html
    control(client, meeting, "next")
    control(client, meeting, "next")
    html = client.get(reverse("meetings:control", args=[meeting.pk])).content.decode()
    leader, caseworker = world.users["leader"], world.users["caseworker"]
    assert f"Ordet har {leader.display_name}. Næste: {caseworker.display_name}." in html


@pytest.fixture
def case_meeting(world):
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], world.users["caseworker"]],
        cases=0,
    )
    case = make_case(
        meeting=meeting,
        user=world.users["caseworker"],
        sparring_wanted="Hvornår skal mentor ind?",
        timeline=[{"date": "2025-03-04", "event": "Underretning fra skolen"}],
    )
    case_services.case_select(case=case)
    return meeting


def test_the_case_is_on_the_screens_and_its_material_not_on_the_projector(
    client, world, case_meeting
):
    run_to(client, world, case_meeting, 0)
    for name in ("meetings:control", "meetings:participant"):
        html = client.get(reverse(name, args=[case_meeting.pk])).content.decode()
        assert "Hvornår skal mentor ind?" in html
        assert "Sagen står stille" in html
        assert "Underretning fra skolen" in html
    projector = client.get(reverse("meetings:projector", args=[case_meeting.pk])).content.decode()
    assert "Hvornår skal mentor ind?" in projector
    assert "Underretning fra skolen" not in projector


def test_a_save_in_the_control_view_brings_the_version_the_controls_need(client, world, meeting):
    run_to(client, world, meeting, SUMMARY)
    html = client.post(
        reverse("learnings:meeting_summary_add", args=[meeting.pk]),
        {"text": "Vi ændrer praksis.", "changes_practice": "ja", "mode": "control"},
        headers=HX,
    ).content.decode()
    raised = Meeting.objects.get(pk=meeting.pk).version
    state = html.split('<div id="runner-state" hx-swap-oob="true"')[1]
    assert control_version(state) == raised
    # Pressed at once with that version, "Næste fase" is not refused as stale.
    client.post(
        reverse("meetings:action", args=[meeting.pk]),
        {"action": "next", "version": raised},
        headers=HX,
    )
    assert Meeting.objects.get(pk=meeting.pk).current_position == SUMMARY + 1
