"""The agenda has a limit the person is told about, checked in the form and in the service."""

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings import services as meeting_services
from meetings.models import Format, Meeting
from tests.conftest import World


def _plan(world: World, agenda: str) -> dict:
    return {
        "format": Format.objects.builtin().get(key="teamsparring").pk,
        "title": "Ugemøde",
        "starts_at": "2030-01-07T09:00",
        "place": "Lokale 3",
        "facilitator": world.users["leader"].pk,
        "participants": [world.users["leader"].pk, world.users["caseworker"].pk],
        "agenda": agenda,
    }


def test_a_10001_line_agenda_is_refused_with_a_message_and_kept(client, world: World):
    client.force_login(world.users["leader"])
    agenda = "\n".join(f"Punkt {number}" for number in range(10_001))
    page = client.get(reverse("meetings:plan", args=[world.syd.slug])).content.decode()
    assert "Højst 200 linjer på hver højst 200 tegn." in page
    response = client.post(reverse("meetings:plan", args=[world.syd.slug]), _plan(world, agenda))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Højst 200 linjer; der er 10.001." in html
    assert "Punkt 10000" in html
    assert not Meeting.objects.filter(title="Ugemøde").exists()


def test_201_agenda_lines_are_refused_and_the_text_kept(client, world: World):
    client.force_login(world.users["leader"])
    agenda = "\n".join(f"Punkt {number}" for number in range(201))
    response = client.post(reverse("meetings:plan", args=[world.syd.slug]), _plan(world, agenda))
    html = response.content.decode()
    assert "Højst 200 linjer; der er 201." in html
    assert "Punkt 200" in html
    assert not Meeting.objects.filter(title="Ugemøde").exists()


def test_an_agenda_line_over_200_characters_is_refused(client, world: World):
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("meetings:plan", args=[world.syd.slug]), _plan(world, "Kort\n" + "x" * 201)
    )
    html = response.content.decode()
    assert "Linje 2 er for lang: højst 200 tegn, den har 201." in html
    assert "x" * 201 in html
    assert not Meeting.objects.filter(title="Ugemøde").exists()


def _plan_directly(world: World, *, title: str, agenda_titles: list[str]) -> None:
    meeting_services.meeting_plan(
        team=world.syd,
        format=Format.objects.builtin().get(key="teamsparring"),
        title=title,
        starts_at=timezone.now(),
        place="",
        facilitator=world.users["leader"],
        participants=[world.users["leader"]],
        agenda_titles=agenda_titles,
    )


def test_the_service_refuses_an_agenda_over_the_limit(world: World):
    agenda = [f"Punkt {number}" for number in range(10_001)]
    with pytest.raises(meeting_services.ActionRefused, match="Højst 200 linjer"):
        _plan_directly(world, title="For lang", agenda_titles=agenda)
    assert not Meeting.objects.filter(title="For lang").exists()


@pytest.mark.parametrize("participant", ["9" * 40, "-9223372036854775809", "²"])
def test_a_participant_that_is_no_id_is_refused_next_to_the_field(
    client, world: World, participant
):
    client.force_login(world.users["leader"])
    data = {**_plan(world, "Punkt"), "participants": [world.users["leader"].pk, participant]}
    response = client.post(reverse("meetings:plan", args=[world.syd.slug]), data)
    assert response.status_code == 200
    assert f"“{participant}” er ikke en gyldig værdi." in response.content.decode()
    assert not Meeting.objects.filter(title="Ugemøde").exists()


def test_the_service_refuses_an_agenda_line_over_200_characters(world: World):
    with pytest.raises(meeting_services.ActionRefused, match="Linje 1 er for lang"):
        _plan_directly(world, title="For lang linje", agenda_titles=["x" * 201])
    assert not Meeting.objects.filter(title="For lang linje").exists()
