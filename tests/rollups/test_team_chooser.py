"""The rollup list narrowed to one team: the department leader chooses the team (or every team,
the default); a member of one team gets no chooser; a team whose rollups one does not read is
not found; a rollup's page leads to its team's rollups."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from learnings.models import LearningPoint
from rollups import services
from rollups.models import Rollup
from rollups.services import rollup_start
from teams.models import Role
from tests.conftest import World
from tests.factories import MembershipFactory, OrganisationFactory, TeamFactory

LIST = "/opsamlinger/"


def started(team, leader) -> Rollup:
    LearningPoint.objects.create(team=team, author=leader, text=f"Punkt i {team.name}")
    return rollup_start(team=team, user=leader)


@pytest.fixture
def rollups(world: World) -> dict[str, Rollup]:
    made = {
        "syd": started(world.syd, world.users["leader"]),
        "nord": started(world.nord, world.users["other_leader"]),
    }
    # Shared, so that the other team's leader reads them before they are finished.
    for rollup in made.values():
        services.rollup_share(rollup=rollup)
    return made


def chooser_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav id="team-chooser".*?</nav>', html, re.S)
    assert nav, "no team chooser on the page"
    return {
        label.strip(): href
        for href, label in re.findall(r'<a [^>]*href="([^"]*)"[^>]*>([^<]*)</a>', nav.group())
    }


def detail(rollup: Rollup) -> str:
    return reverse("rollups:rollup_detail", args=[rollup.pk])


def test_the_department_leader_sees_every_team_and_chooses_one(client, world: World, rollups):
    assert reverse("rollups:rollup_list") == LIST
    client.force_login(world.users["department_leader"])
    html = client.get(LIST).content.decode()
    assert chooser_links(html) == {
        "Alle teams": LIST,
        "Team Nord": f"{LIST}?team=nord",
        "Team Syd": f"{LIST}?team=syd",
    }
    assert 'aria-current="page">Alle teams</a>' in html
    assert detail(rollups["syd"]) in html and detail(rollups["nord"]) in html
    html = client.get(f"{LIST}?team=syd").content.decode()
    assert 'aria-current="page">Team Syd</a>' in html
    assert detail(rollups["syd"]) in html and detail(rollups["nord"]) not in html
    assert "<title>Opsamlinger · Team Syd · Teamlæring</title>" in html
    assert '<h2 id="team-' in html and ">Team Nord</h2>" not in html


def test_a_team_without_rollups_says_so_when_chosen(client, world: World):
    client.force_login(world.users["department_leader"])
    html = client.get(f"{LIST}?team=nord").content.decode()
    assert ">Team Nord</h2>" in html and "Ingen opsamlinger endnu." in html


def test_a_member_of_one_team_sees_no_chooser_and_the_leader_still_starts_one(
    client, world: World, rollups
):
    client.force_login(world.users["leader"])
    html = client.get(LIST).content.decode()
    assert 'id="team-chooser"' not in html
    # The leader reads Team Nord's shared rollups, so narrowing to them works.
    html = client.get(f"{LIST}?team=nord").content.decode()
    assert detail(rollups["nord"]) in html and detail(rollups["syd"]) not in html
    assert reverse("rollups:rollup_start", args=["nord"]) not in html
    html = client.get(f"{LIST}?team=syd").content.decode()
    assert reverse("rollups:rollup_start", args=["syd"]) in html


@pytest.mark.parametrize(("who", "slug"), [("caseworker", "nord"), ("other_caseworker", "syd")])
def test_a_team_whose_rollups_one_does_not_read_is_not_found(client, world: World, who, slug):
    client.force_login(world.users[who])
    assert client.get(f"{LIST}?team={slug}").status_code == 404


def test_another_organisations_team_is_not_found(client, world: World):
    other = TeamFactory(organisation=OrganisationFactory(name="Andenkommune"), slug="vest")
    started(other, MembershipFactory(team=other, role=Role.LEADER).user)
    client.force_login(world.users["department_leader"])
    assert client.get(f"{LIST}?team=vest").status_code == 404
    assert client.get(f"{LIST}?team=findes-ikke").status_code == 404
    assert "vest" not in chooser_links(client.get(LIST).content.decode()).values()


def test_a_rollups_page_leads_to_its_teams_rollups(client, world: World, rollups):
    client.force_login(world.users["department_leader"])
    html = client.get(detail(rollups["nord"])).content.decode()
    assert f'href="{LIST}?team=nord">Opsamlinger for Team Nord</a>' in html


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("url", [LIST, f"{LIST}?team=syd"])
def test_the_list_uses_as_many_queries_whatever_the_teams_and_rollups(
    client, world: World, rollups, django_assert_num_queries, url
):
    client.force_login(world.users["department_leader"])
    client.get(url)  # warm up: the session, the content types
    few = _queries(client, url)
    for number in range(6):
        team = TeamFactory(organisation=world.syd.organisation, name=f"Team {number:02}")
        started(team, MembershipFactory(team=team, role=Role.LEADER).user)
    started(world.syd, world.users["leader"])
    with django_assert_num_queries(few):
        html = client.get(url).content.decode()
    assert len(chooser_links(html)) == 9
    assert few <= 15
