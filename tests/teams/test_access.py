import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from teams import access
from tests.conftest import World


def test_members_and_department_leaders_can_view_the_team(world: World):
    for who in ("leader", "coordinator", "caseworker", "guest", "department_leader"):
        assert access.can_view_team(world.users[who], world.syd), who


def test_other_teams_and_outsiders_cannot_view_the_team(world: World):
    for who in ("other_leader", "other_caseworker", "outsider"):
        assert not access.can_view_team(world.users[who], world.syd), who
    assert not access.can_view_team(AnonymousUser(), world.syd)


def test_only_leader_and_coordinator_lead_the_team(world: World):
    leading = {who for who in world.users if access.can_lead_team(world.users[who], world.syd)}
    assert leading == {"leader", "coordinator"}


def test_a_person_can_have_different_roles_in_different_teams(world: World):
    from teams.models import Membership, Role

    Membership.objects.create(user=world.users["caseworker"], team=world.nord, role=Role.LEADER)
    assert access.can_lead_team(world.users["caseworker"], world.nord)
    assert not access.can_lead_team(world.users["caseworker"], world.syd)


def test_another_teams_object_answers_not_found(world: World):
    with pytest.raises(Http404):
        access.visible_team_or_404(world.users["other_caseworker"], world.syd.slug)
    assert access.visible_team_or_404(world.users["caseworker"], world.syd.slug) == world.syd
