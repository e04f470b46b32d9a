"""Someone who leaves the team, or is erased, is taken out of the meetings still to come, so the
round neither waits for them nor gives their turn to "tidligere medarbejder"; meetings in
progress or held keep who was there."""

from datetime import timedelta

import pytest
from django.utils import timezone

from meetings.models import MeetingStatus, Participation, Step
from teams.models import Membership, User
from teams.personal_data.services import former_employee, person_erase
from teams.services import member_remove
from tests.conftest import World
from tests.factories import UserFactory, make_format, make_meeting

ROUND_PER_PERSON = [("Runde", "round", None, True, 2)]


def _planned(world: World, **kwargs):
    return make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[
            world.users["leader"],
            world.users["caseworker"],
            world.users["caseworker2"],
        ],
        starts_at=timezone.now() + timedelta(days=7),
        **kwargs,
    )


def _held(world: World):
    meeting = _planned(world)
    meeting.status = MeetingStatus.FINISHED
    meeting.save(update_fields=["status"])
    return meeting


def _participants(meeting) -> list[str]:
    return list(
        Participation.objects.filter(meeting=meeting).values_list("user__username", flat=True)
    )


@pytest.fixture
def leaving(world: World):
    planned = _planned(world, format=make_format(key="per-person", phases=ROUND_PER_PERSON))
    item = planned.agenda_items.get()
    item.observer = world.users["caseworker"]
    item.save(update_fields=["observer"])
    return {"planned": planned, "held": _held(world), "item": item}


def test_a_removed_member_leaves_the_meetings_still_to_come(world, leaving):
    round_before = Step.objects.get(meeting=leaving["planned"]).planned_seconds
    member_remove(
        membership=Membership.objects.get(team=world.syd, user=world.users["caseworker"]),
        actor=world.users["leader"],
    )
    assert _participants(leaving["planned"]) == ["leader", "caseworker2"]
    leaving["item"].refresh_from_db()
    assert leaving["item"].observer is None
    # Two minutes a person: the round is two minutes shorter without them.
    assert Step.objects.get(meeting=leaving["planned"]).planned_seconds == round_before - 120
    assert _participants(leaving["held"]) == ["leader", "caseworker", "caseworker2"]


def test_leaving_one_team_keeps_the_person_in_another_teams_meetings(world, leaving):
    caseworker = world.users["caseworker"]
    Membership.objects.create(team=world.nord, user=caseworker, role="caseworker")
    nord_meeting = make_meeting(
        team=world.nord,
        facilitator=world.users["other_leader"],
        participants=[world.users["other_leader"], caseworker],
        starts_at=timezone.now() + timedelta(days=7),
    )
    member_remove(
        membership=Membership.objects.get(team=world.syd, user=caseworker),
        actor=world.users["leader"],
    )
    assert _participants(nord_meeting) == ["other_leader", "caseworker"]
    assert "caseworker" not in _participants(leaving["planned"])


def test_an_erased_person_leaves_no_placeholder_in_the_meetings_still_to_come(world, leaving):
    admin = UserFactory(username="admin", is_superuser=True, is_staff=True)
    person_erase(person=world.users["caseworker"], actor=admin)
    placeholder: User = former_employee()
    assert _participants(leaving["planned"]) == ["leader", "caseworker2"]
    # The meeting that was held still counts them, now as "tidligere medarbejder".
    assert Participation.objects.filter(meeting=leaving["held"], user=placeholder).exists()
    leaving["item"].refresh_from_db()
    assert leaving["item"].observer is None


def test_a_removed_stand_in_no_longer_co_leads_the_meetings_still_to_come(world, leaving):
    for meeting in (leaving["planned"], leaving["held"]):
        meeting.co_facilitator = world.users["caseworker"]
        meeting.save(update_fields=["co_facilitator"])
    member_remove(
        membership=Membership.objects.get(team=world.syd, user=world.users["caseworker"]),
        actor=world.users["leader"],
    )
    leaving["planned"].refresh_from_db()
    leaving["held"].refresh_from_db()
    assert leaving["planned"].co_facilitator is None
    assert leaving["held"].co_facilitator == world.users["caseworker"]
