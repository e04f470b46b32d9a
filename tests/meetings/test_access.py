"""Who may plan, run and take part in a meeting, and the "Planlæg møde" links that follow."""

import pytest
from django.urls import reverse

from meetings import access
from teams.models import Membership, Role
from tests.conftest import World
from tests.factories import make_meeting


def test_the_plannable_teams_are_exactly_those_the_plan_view_allows(world: World):
    Membership.objects.create(user=world.users["caseworker"], team=world.nord, role=Role.LEADER)
    for who, user in world.users.items():
        plannable = set(access.plannable_teams(user))
        for team in (world.syd, world.nord):
            assert (team in plannable) == access.can_plan_meeting(user, team), (who, team)


@pytest.mark.parametrize("who", ["caseworker", "guest", "department_leader", "outsider"])
def test_who_cannot_plan_sees_no_plan_link(client, world: World, who):
    client.force_login(world.users[who])
    html = client.get(reverse("meetings:list")).content.decode()
    assert "Planlæg møde" not in html
    assert reverse("meetings:plan", args=[world.syd.slug]) not in html


@pytest.mark.parametrize("who", ["leader", "coordinator"])
def test_the_leader_and_coordinator_see_the_plan_link_once(client, world: World, who):
    client.force_login(world.users[who])
    html = client.get(reverse("meetings:list")).content.decode()
    assert html.count(reverse("meetings:plan", args=[world.syd.slug])) == 1
    assert reverse("meetings:plan", args=[world.nord.slug]) not in html


def test_the_facilitator_runs_the_meeting_without_leading_the_team(world: World):
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["caseworker"],
        participants=[world.users["caseworker"]],
    )
    assert access.can_run_meeting(world.users["caseworker"], meeting)
    assert not access.can_run_meeting(world.users["guest"], meeting)
    assert access.can_take_part(world.users["guest"], meeting)
    assert not access.can_take_part(world.users["department_leader"], meeting)


def test_only_the_case_owner_writes_the_owner_notes(world: World):
    meeting = make_meeting(
        team=world.syd, facilitator=world.users["leader"], participants=[world.users["leader"]]
    )
    item = meeting.agenda_items.first()
    item.owner = world.users["caseworker"]
    item.save()
    assert access.can_write_owner_notes(world.users["caseworker"], item)
    assert not access.can_write_owner_notes(world.users["leader"], item)


def test_a_participant_invited_from_another_team_sees_that_meeting_only(client, world: World):
    users = world.users
    invited = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["other_caseworker"]],
    )
    not_invited = make_meeting(
        team=world.syd, facilitator=users["leader"], participants=[users["leader"]]
    )
    client.force_login(users["other_caseworker"])
    assert client.get(reverse("meetings:participant", args=[invited.pk])).status_code == 200
    assert client.get(reverse("meetings:detail", args=[not_invited.pk])).status_code == 404
    assert client.get(reverse("meetings:participant", args=[not_invited.pk])).status_code == 404
    assert not access.can_run_meeting(users["other_caseworker"], invited)
