"""A guest allowed to by who invited them writes a learning point in the round, through their
link; it shows with the guest's name, on the screens and in the minutes."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learnings.models import LearningPoint
from meetings import services
from meetings.guests.models import MeetingGuest
from meetings.guests.services import token_hash
from meetings.minutes.selectors import minutes_for
from tests.factories import make_format, make_meeting

TOKEN = "a-guests-link"


@pytest.fixture
def running(world):
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], world.users["caseworker"]],
        format=make_format(key="guest-round", phases=[("Runde", "round", 10, False)]),
        starts_at=timezone.now() - timedelta(minutes=5),
    )
    return services.meeting_start(meeting_id=meeting.pk, version=meeting.version)


def guest(meeting, *, may_write_points: bool) -> MeetingGuest:
    return MeetingGuest.objects.create(
        meeting=meeting,
        name="Karen Holm",
        role="Forsker",
        email="karen@example.dk",
        may_write_points=may_write_points,
        token_hash=token_hash(TOKEN),
    )


def test_an_allowed_guest_writes_a_point_in_the_round(client, world, running):
    guest(running, may_write_points=True)
    page = client.get(reverse("meetings:guest_follow", args=[running.pk, TOKEN])).content
    url = reverse("learnings:guest_point_add", args=[running.pk, TOKEN])
    assert url in page.decode()
    response = client.post(url, {"text": "Spørg tidligt ind til borgerens egne mål"})
    assert response.status_code == 302
    point = LearningPoint.objects.get()
    assert point.guest_name == "Karen Holm"
    assert point.author == world.users["leader"]
    assert point.said_by == "Karen Holm (gæst)"
    running.refresh_from_db()
    minutes = minutes_for(
        meeting=type(running)
        .objects.select_related("team__organisation", "facilitator")
        .get(pk=running.pk)
    )
    assert [p.author for p in minutes.general_points] == ["Karen Holm (gæst)"]


def test_the_htmx_answer_is_the_guests_work_region(client, running):
    guest(running, may_write_points=True)
    response = client.post(
        reverse("learnings:guest_point_add", args=[running.pk, TOKEN]),
        {"text": ""},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert 'id="runner-work"' in body
    assert not LearningPoint.objects.exists()


def test_a_guest_not_allowed_gets_no_form_and_is_refused(client, running):
    guest(running, may_write_points=False)
    page = client.get(reverse("meetings:guest_follow", args=[running.pk, TOKEN])).content
    url = reverse("learnings:guest_point_add", args=[running.pk, TOKEN])
    assert url not in page.decode()
    assert client.post(url, {"text": "Et punkt"}).status_code == 403
    assert not LearningPoint.objects.exists()


def test_a_revoked_guest_writes_nothing(client, running):
    MeetingGuest.objects.filter(pk=guest(running, may_write_points=True).pk).update(
        revoked_at=timezone.now()
    )
    url = reverse("learnings:guest_point_add", args=[running.pk, TOKEN])
    assert client.post(url, {"text": "Et punkt"}).status_code == 404
    assert not LearningPoint.objects.exists()


def test_a_guests_double_click_makes_one_point(client, running):
    guest(running, may_write_points=True)
    url = reverse("learnings:guest_point_add", args=[running.pk, TOKEN])
    for _ in range(2):
        response = client.post(url, {"text": "Spørg tidligt ind til borgerens egne mål"})
        assert response.status_code == 302
    assert LearningPoint.objects.count() == 1
    client.post(url, {"text": "Og aftal det næste skridt sammen"})
    assert LearningPoint.objects.count() == 2
