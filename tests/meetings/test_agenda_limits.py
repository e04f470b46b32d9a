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
    assert "Denne værdi må højst have 40200 tegn" in html
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


def test_the_service_refuses_an_agenda_over_the_limit(world: World):
    with pytest.raises(meeting_services.ActionRefused, match="Højst 200 linjer"):
        meeting_services.meeting_plan(
            team=world.syd,
            format=Format.objects.builtin().get(key="teamsparring"),
            title="For lang",
            starts_at=timezone.now(),
            place="",
            facilitator=world.users["leader"],
            participants=[world.users["leader"]],
            agenda_titles=[f"Punkt {number}" for number in range(10_001)],
        )
    assert not Meeting.objects.filter(title="For lang").exists()
