"""Who gets the minutes by email: the team's members among the participants; guests (members
with the guest role, and participants from outside the team) only when the leader ticks it."""

import pytest
from django.urls import reverse

from meetings.minutes.selectors import recipients
from meetings.minutes.tasks import send_minutes
from meetings.models import Participation
from tests.meetings.minutes.test_minutes import build_meeting

MEMBERS = ["caseworker2@example.dk", "caseworker@example.dk", "leader@example.dk"]
GUESTS = ["guest@example.dk", "other_caseworker@example.dk", "outsider@example.dk"]


@pytest.fixture
def with_guests(world):
    """A finished Team Syd meeting with its members, the team's guest, a member of another team
    and someone in no team at all."""
    meeting = build_meeting(world)
    for position, who in enumerate(("guest", "other_caseworker", "outsider"), start=10):
        Participation.objects.create(meeting=meeting, user=world.users[who], position=position)
    return meeting


def addresses(mailoutbox) -> list[str]:
    return sorted(message.to[0] for message in mailoutbox)


def test_members_only_by_default(with_guests):
    assert sorted(person.email for person in recipients(meeting=with_guests)) == MEMBERS


def test_guests_too_when_included(with_guests):
    people = recipients(meeting=with_guests, include_guests=True)
    assert sorted(person.email for person in people) == sorted(MEMBERS + GUESTS)


def test_a_guest_of_this_team_who_leads_another_is_still_a_guest_here(world, with_guests):
    from teams.models import Role
    from tests.factories import MembershipFactory

    MembershipFactory(user=world.users["guest"], team=world.nord, role=Role.LEADER)
    assert "guest@example.dk" not in [p.email for p in recipients(meeting=with_guests)]


def test_the_task_mails_members_only_unless_told(with_guests, mailoutbox):
    assert send_minutes.enqueue(meeting_id=with_guests.pk).return_value == 3
    assert addresses(mailoutbox) == MEMBERS
    mailoutbox.clear()
    assert send_minutes.enqueue(meeting_id=with_guests.pk, include_guests=True).return_value == 6


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("ticked", "expected"), [({}, MEMBERS), ({"include_guests": "on"}, sorted(MEMBERS + GUESTS))]
)
def test_the_leader_ticks_to_include_the_guests(client, world, mailoutbox, ticked, expected):
    meeting = build_meeting(world)
    for position, who in enumerate(("guest", "other_caseworker", "outsider"), start=10):
        Participation.objects.create(meeting=meeting, user=world.users[who], position=position)
    client.force_login(world.users["leader"])
    response = client.post(reverse("meetings:minutes_email", args=[meeting.pk]), ticked)
    assert response.status_code == 302
    assert addresses(mailoutbox) == expected


def test_the_send_form_offers_the_guests_unticked(client, world, with_guests):
    client.force_login(world.users["leader"])
    page = client.get(reverse("meetings:minutes", args=[with_guests.pk])).content.decode()
    assert "Send referatet til gæsterne" in page
    assert 'name="include_guests"' in page
    assert "checked" not in page.split('name="include_guests"')[1].split(">")[0]
