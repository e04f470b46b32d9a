"""A meeting's co-facilitator (a series' stand-in, a theme meeting's second meeting leader)
runs the meeting as its facilitator does, and is planned like the facilitator."""

from django.urls import reverse

from meetings import access
from meetings.models import Meeting
from tests.conftest import World
from tests.factories import make_meeting
from tests.meetings.test_length_rule import form_data, plan_url, teamsparring


def test_the_co_facilitator_runs_the_meeting_and_a_colleague_does_not(world: World):
    users = world.users
    meeting = make_meeting(
        team=world.syd, facilitator=users["leader"], participants=[users["caseworker"]]
    )
    assert not access.can_run_meeting(users["caseworker"], meeting)
    meeting.co_facilitator = users["caseworker"]
    meeting.save()
    assert access.can_run_meeting(users["caseworker"], meeting)
    assert not access.can_run_meeting(users["guest"], meeting)


def test_the_co_facilitator_gets_the_control_view(client, world: World):
    users = world.users
    meeting = make_meeting(
        team=world.syd, facilitator=users["leader"], participants=[users["caseworker"]]
    )
    url = reverse("meetings:control", args=[meeting.pk])
    client.force_login(users["caseworker"])
    assert client.get(url).status_code == 403
    meeting.co_facilitator = users["caseworker"]
    meeting.save()
    response = client.get(url)
    assert response.status_code == 200
    assert "Start møde" in response.content.decode()


def test_planning_names_a_co_facilitator_shown_on_the_meeting_page(client, world: World):
    client.force_login(world.users["leader"])
    data = form_data(world, teamsparring(), co_facilitator=world.users["caseworker"].pk)
    response = client.post(plan_url(world), data)
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.co_facilitator == world.users["caseworker"]
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert f"Medmødeleder: {world.users['caseworker'].display_name}" in page


def test_the_facilitator_cannot_be_their_own_co_facilitator(client, world: World):
    client.force_login(world.users["leader"])
    data = form_data(world, teamsparring(), co_facilitator=world.users["leader"].pk)
    response = client.post(plan_url(world), data)
    assert response.status_code == 200
    assert "Medmødelederen skal være en anden end mødelederen." in response.content.decode()
    assert not Meeting.objects.exists()
