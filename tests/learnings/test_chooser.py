"""Choosing the team on the learning pages: the department leader (and a person in several
teams) chooses it on every page of one team's learning and lands on every team's points at
once; a member of one team sees no chooser; another organisation's team stays out of reach."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learnings import access, selectors
from learnings.chooser import carried_query, team_choices
from learnings.models import LearningPoint, PointStatus, Theme
from teams.models import Role
from tests.conftest import World
from tests.factories import MembershipFactory, OrganisationFactory, TeamFactory, UserFactory

CHOOSER = 'id="team-chooser"'


def all_teams_url() -> str:
    return reverse("learnings:all_teams")


def list_url(team) -> str:
    return reverse("learnings:learning_list", args=[team.slug])


def point(team, author, text: str, *, days_ago: int = 0, **fields) -> LearningPoint:
    added = LearningPoint.objects.create(team=team, author=author, text=text, **fields)
    if days_ago:
        LearningPoint.objects.filter(pk=added.pk).update(
            created_at=timezone.now() - timedelta(days=days_ago)
        )
    return added


def chooser_links(html: str) -> dict[str, str]:
    """The chooser's links, label to address (& unescaped)."""
    nav = re.search(r'<nav id="team-chooser".*?</nav>', html, re.S)
    assert nav, "no team chooser on the page"
    return {
        label.strip(): href.replace("&amp;", "&")
        for href, label in re.findall(r'<a [^>]*href="([^"]*)"[^>]*>([^<]*)</a>', nav.group())
    }


def current_choice(html: str) -> str:
    nav = re.search(r'<nav id="team-chooser".*?</nav>', html, re.S).group()
    return re.search(r'aria-current="page">([^<]*)</a>', nav).group(1).strip()


@pytest.fixture
def other_organisation():
    """A team of another organisation, with a learning point."""
    team = TeamFactory(organisation=OrganisationFactory(name="Andenkommune"), name="Team Vest")
    author = MembershipFactory(team=team, role=Role.LEADER).user
    point(team, author, "Vests hemmelige læring")
    Theme.objects.create(team=team, name="vesttema")
    return team


# The pages that show one team's learning, by URL name


ONE_TEAM_PAGES = ["learnings:learning_list", "learnings:themes", "learnings:overview"]


@pytest.mark.parametrize("name", ONE_TEAM_PAGES)
def test_the_department_leader_chooses_the_team_on_every_page_of_one_teams_learning(
    client, world: World, name
):
    client.force_login(world.users["department_leader"])
    html = client.get(reverse(name, args=[world.syd.slug])).content.decode()
    links = chooser_links(html)
    assert links["Team Syd"] == reverse(name, args=[world.syd.slug])
    assert links["Team Nord"] == reverse(name, args=[world.nord.slug])
    assert current_choice(html) == "Team Syd"
    assert '<span id="team-chooser-label" class="fw-semibold">Vælg team</span>' in html
    assert 'aria-labelledby="team-chooser-label"' in html
    # Only the list of points has a view of every team.
    assert ("Alle teams" in links) == (name == "learnings:learning_list")


@pytest.mark.parametrize("name", ONE_TEAM_PAGES)
@pytest.mark.parametrize("who", ["leader", "caseworker", "guest", "other_caseworker"])
def test_a_member_of_one_team_sees_no_chooser(client, world: World, name, who):
    client.force_login(world.users[who])
    team = world.nord if who.startswith("other") else world.syd
    response = client.get(reverse(name, args=[team.slug]))
    assert response.status_code == 200
    assert CHOOSER not in response.content.decode()


def test_a_person_in_two_teams_chooses_between_them(client, world: World):
    caseworker = world.users["caseworker"]
    MembershipFactory(team=world.nord, user=caseworker, role=Role.CASEWORKER)
    client.force_login(caseworker)
    assert client.get(reverse("learnings:home"))["Location"] == all_teams_url()
    links = chooser_links(client.get(list_url(world.nord)).content.decode())
    assert set(links) == {"Alle teams", "Team Nord", "Team Syd"}


def test_choosing_a_team_shows_that_team(client, world: World):
    point(world.syd, world.users["caseworker"], "Sydpunkt om skolen")
    point(world.nord, world.users["other_caseworker"], "Nordpunkt om praktik")
    client.force_login(world.users["department_leader"])
    links = chooser_links(client.get(all_teams_url()).content.decode())
    for label, shown, hidden in [
        ("Team Syd", "Sydpunkt om skolen", "Nordpunkt om praktik"),
        ("Team Nord", "Nordpunkt om praktik", "Sydpunkt om skolen"),
    ]:
        html = client.get(links[label]).content.decode()
        assert f"Læring i {label}" in html
        assert shown in html and hidden not in html
        assert current_choice(html) == label


# Landing on every team's learning


def test_the_department_leader_lands_on_every_teams_points_not_on_an_empty_team(
    client, world: World
):
    # Team Nord comes first by name and has nothing: the department leader used to land there.
    point(world.syd, world.users["caseworker"], "Ring til skolen først", days_ago=3)
    point(world.syd, world.users["leader"], "Aftal mål med borgeren", days_ago=1)
    client.force_login(world.users["department_leader"])
    response = client.get(reverse("learnings:home"), follow=True)
    assert response.redirect_chain == [(all_teams_url(), 302)]
    html = response.content.decode()
    assert "Læring i alle teams" in html
    assert "2 læringspunkter" in html
    assert "Ring til skolen først" in html and "Aftal mål med borgeren" in html
    assert current_choice(html) == "Alle teams"
    # Every point is named with its team, also for a screen reader's list of headings.
    assert html.count(f'href="{list_url(world.syd)}">Team Syd</a> ·') == 2
    assert f"Læringspunkt fra {world.users['leader'].display_name} i Team Syd," in html


def test_every_teams_points_come_newest_first_and_mixed(client, world: World):
    point(world.syd, world.users["caseworker"], "Ældst fra Syd", days_ago=5)
    point(world.nord, world.users["other_caseworker"], "Midt fra Nord", days_ago=3)
    point(world.syd, world.users["caseworker"], "Nyest fra Syd", days_ago=1)
    client.force_login(world.users["department_leader"])
    html = client.get(all_teams_url()).content.decode()
    positions = [html.index(text) for text in ("Nyest fra Syd", "Midt fra Nord", "Ældst fra Syd")]
    assert positions == sorted(positions)


def test_the_overview_and_themes_links_go_to_the_team_with_the_newest_point(client, world: World):
    point(world.syd, world.users["caseworker"], "Gammelt", days_ago=30)
    point(world.nord, world.users["other_caseworker"], "Nyt", days_ago=1)
    client.force_login(world.users["department_leader"])
    html = client.get(all_teams_url()).content.decode()
    overview = reverse("learnings:overview", args=[world.nord.slug])
    assert f'<a href="{overview}">Overblik over læringen i Team Nord</a>' in html
    themes = reverse("learnings:themes", args=[world.nord.slug])
    assert f'<a href="{themes}">Temaer i Team Nord</a>' in html


def test_the_most_active_team_is_the_one_with_the_newest_point(world: World):
    teams = [world.nord, world.syd]
    assert selectors.most_active_team(teams=teams) == world.nord  # none has points: the first
    point(world.nord, world.users["other_caseworker"], "Før", days_ago=10)
    point(world.syd, world.users["caseworker"], "Efter", days_ago=2)
    assert selectors.most_active_team(teams=teams) == world.syd
    assert selectors.most_active_team(teams=[]) is None


def test_an_empty_organisation_says_so_on_every_teams_page(client, world: World):
    client.force_login(world.users["department_leader"])
    html = client.get(all_teams_url()).content.decode()
    assert "Teamene har ingen læringspunkter endnu." in html


def test_every_teams_page_filters_by_search_period_and_status(client, world: World):
    point(world.syd, world.users["caseworker"], "Praktik i Syd", status=PointStatus.DECIDED)
    point(world.nord, world.users["other_caseworker"], "Praktik i Nord")
    point(world.nord, world.users["other_caseworker"], "Skole i Nord", days_ago=40)
    client.force_login(world.users["department_leader"])
    html = client.get(all_teams_url(), {"q": "praktik"}).content.decode()
    assert "Praktik i Syd" in html and "Praktik i Nord" in html and "Skole i Nord" not in html
    html = client.get(all_teams_url(), {"status": "decided"}).content.decode()
    assert "Praktik i Syd" in html and "Praktik i Nord" not in html
    start = (timezone.localdate() - timedelta(days=7)).isoformat()
    html = client.get(all_teams_url(), {"start": start}).content.decode()
    assert "Skole i Nord" not in html and "Praktik i Nord" in html
    # The filters of one team (its themes, meetings, people) are not offered across teams.
    assert 'name="theme"' not in html and 'name="person"' not in html
    assert 'name="meeting"' not in html


def test_the_chooser_keeps_the_filters_that_mean_the_same_in_every_team(client, world: World):
    theme = Theme.objects.create(team=world.syd, name="skole")
    client.force_login(world.users["department_leader"])
    html = client.get(
        list_url(world.syd),
        {"q": "praktik", "status": "noted", "theme": theme.pk, "side": "2", "start": ""},
    ).content.decode()
    links = chooser_links(html)
    assert links["Team Nord"] == f"{list_url(world.nord)}?q=praktik&status=noted"
    assert links["Alle teams"] == f"{all_teams_url()}?q=praktik&status=noted"
    html = client.get(all_teams_url(), {"q": "første kontakt"}).content.decode()
    assert chooser_links(html)["Team Syd"] == f"{list_url(world.syd)}?q=f%C3%B8rste+kontakt"


def test_only_the_author_and_the_teams_leaders_get_edit_links_across_teams(client, world: World):
    leader = world.users["leader"]
    MembershipFactory(team=world.nord, user=leader, role=Role.CASEWORKER)
    syd_point = point(world.syd, world.users["caseworker"], "Sydpunkt")
    nord_point = point(world.nord, world.users["other_caseworker"], "Nordpunkt")
    client.force_login(leader)
    html = client.get(all_teams_url()).content.decode()
    assert reverse("learnings:point_edit", args=[syd_point.pk]) in html
    assert reverse("learnings:point_edit", args=[nord_point.pk]) not in html
    client.force_login(world.users["department_leader"])
    html = client.get(all_teams_url()).content.decode()
    assert "/rediger/" not in html


def test_a_member_of_one_team_is_sent_from_every_team_to_their_own_with_the_filters(
    client, world: World
):
    client.force_login(world.users["caseworker"])
    response = client.get(all_teams_url(), {"q": "skole", "side": "3"})
    assert response.status_code == 302
    assert response["Location"] == f"{list_url(world.syd)}?q=skole"
    client.force_login(world.users["outsider"])
    response = client.get(all_teams_url())
    assert response.status_code == 200
    assert "ikke med i et team" in response.content.decode()


# Another organisation


@pytest.mark.parametrize("name", ONE_TEAM_PAGES)
def test_another_organisations_team_is_not_found_for_the_department_leader(
    client, world: World, other_organisation, name
):
    client.force_login(world.users["department_leader"])
    assert client.get(reverse(name, args=[other_organisation.slug])).status_code == 404


def test_another_organisations_team_and_points_are_neither_chosen_nor_shown(
    client, world: World, other_organisation
):
    client.force_login(world.users["department_leader"])
    html = client.get(all_teams_url()).content.decode()
    assert "Team Vest" not in html and "Vests hemmelige læring" not in html
    assert set(chooser_links(html)) == {"Alle teams", "Team Nord", "Team Syd"}
    html = client.get(all_teams_url(), {"q": "hemmelige"}).content.decode()
    assert "Vests hemmelige læring" not in html


def test_a_department_leader_of_two_organisations_sees_them_named(
    client, world: World, other_organisation
):
    other_organisation.organisation.department_leaders.add(world.users["department_leader"])
    client.force_login(world.users["department_leader"])
    html = client.get(all_teams_url()).content.decode()
    assert "Vests hemmelige læring" in html
    assert set(chooser_links(html)) == {
        "Alle teams",
        "Team Nord (Testkommune)",
        "Team Syd (Testkommune)",
        "Team Vest (Andenkommune)",
    }


def test_members_still_get_404_for_another_teams_pages(client, world: World):
    client.force_login(world.users["caseworker"])
    for name in ONE_TEAM_PAGES:
        assert client.get(reverse(name, args=[world.nord.slug])).status_code == 404


# htmx


def test_the_htmx_filter_sends_the_chooser_again_with_the_new_filters(client, world: World):
    point(world.syd, world.users["caseworker"], "Praktik i Syd")
    point(world.nord, world.users["other_caseworker"], "Praktik i Nord")
    client.force_login(world.users["department_leader"])
    response = client.get(all_teams_url(), {"q": "Nord"}, headers={"hx-request": "true"})
    html = response.content.decode()
    assert "HX-Request" in response["Vary"]
    assert "<html" not in html and "<form" not in html
    assert html.strip().startswith('<section id="results"')
    assert "Praktik i Nord" in html and "Praktik i Syd" not in html
    assert f'href="{list_url(world.nord)}">Team Nord</a> ·' in html
    assert '<nav id="team-chooser"' in html and 'hx-swap-oob="true"' in html
    assert chooser_links(html)["Team Syd"] == f"{list_url(world.syd)}?q=Nord"
    # One team's list does the same; a member's answer has no chooser.
    html = client.get(
        list_url(world.syd), {"q": "Syd"}, headers={"hx-request": "true"}
    ).content.decode()
    assert chooser_links(html)["Alle teams"] == f"{all_teams_url()}?q=Syd"
    client.force_login(world.users["caseworker"])
    html = client.get(
        list_url(world.syd), {"q": "Syd"}, headers={"hx-request": "true"}
    ).content.decode()
    assert html.strip().startswith('<section id="results"') and CHOOSER not in html


def test_the_filter_form_of_every_team_answers_with_htmx_and_without(client, world: World):
    client.force_login(world.users["department_leader"])
    html = client.get(all_teams_url()).content.decode()
    form = re.search(r"<form method=\"get\"[^>]*>", html).group()
    assert f'action="{all_teams_url()}"' in form and f'hx-get="{all_teams_url()}"' in form
    assert f'<a class="btn btn-link" href="{all_teams_url()}">Nulstil filtre</a>' in html


# Queries


def add_teams_and_points(world: World, *, teams: int, points: int) -> None:
    """More teams in the organisation, each with a leader, themes and points."""
    for number in range(teams):
        team = TeamFactory(organisation=world.syd.organisation, name=f"Team {number:02}")
        author = MembershipFactory(team=team, role=Role.LEADER).user
        themes = [Theme.objects.create(team=team, name=f"tema {n}") for n in range(2)]
        for count in range(points):
            added = point(team, author, f"Punkt {count} i {team.name}")
            added.themes.add(*themes)


def _queries(client, url: str, **headers) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, headers=headers).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    ("name", "htmx"),
    [
        ("learnings:all_teams", False),
        ("learnings:all_teams", True),
        ("learnings:learning_list", False),
        ("learnings:learning_list", True),
        ("learnings:themes", False),
        ("learnings:overview", False),
    ],
)
def test_the_pages_with_a_chooser_use_as_many_queries_whatever_the_teams_and_points(
    client, world: World, django_assert_num_queries, name, htmx
):
    url = reverse(name) if name == "learnings:all_teams" else reverse(name, args=["syd"])
    headers = {"hx-request": "true"} if htmx else {}
    client.force_login(world.users["department_leader"])
    point(world.syd, world.users["caseworker"], "Et punkt")
    client.get(url)  # warm up: the session, the content types
    few = _queries(client, url, **headers)
    add_teams_and_points(world, teams=6, points=12)
    for number in range(12):
        point(world.syd, world.users["caseworker"], f"Sydpunkt {number}")
    with django_assert_num_queries(few):
        html = client.get(url, headers=headers).content.decode()
    assert len(chooser_links(html)) >= 8
    assert few <= 20


def test_the_access_rule_lists_the_teams_in_one_query(world: World, django_assert_num_queries):
    with django_assert_num_queries(1):
        teams = access.teams_to_choose(world.users["department_leader"])
    assert [team.name for team in teams] == ["Team Nord", "Team Syd"]
    with django_assert_num_queries(1):
        assert access.teams_to_choose(world.users["leader"]) == []
    assert access.teams_to_choose(world.users["outsider"]) == []


# The chooser's links, without a request


def test_team_choices_put_every_team_first_and_mark_the_current(world: World):
    choices = team_choices(
        teams=[world.nord, world.syd],
        current=world.syd,
        url_for=lambda team: f"/{team.slug}/",
        all_teams_url="/alle/",
        query="q=skole",
    )
    assert [(c.label, c.url, c.current) for c in choices] == [
        ("Alle teams", "/alle/?q=skole", False),
        ("Team Nord", "/nord/?q=skole", False),
        ("Team Syd", "/syd/?q=skole", True),
    ]
    every = team_choices(
        teams=[world.nord, world.syd], current=None, url_for=str, all_teams_url="/alle/"
    )
    assert every[0].current and every[0].url == "/alle/"
    without_all = team_choices(teams=[world.syd, world.nord], current=None, url_for=str)
    assert [c.label for c in without_all] == ["Team Syd", "Team Nord"]
    assert not any(c.current for c in without_all)
    assert team_choices(teams=[], current=None, url_for=str, all_teams_url="/alle/") == []


def test_carried_query_keeps_only_the_given_non_empty_keys():
    params = QueryDict("q=praktik&theme=3&side=2&start=&status=noted&status=raised")
    assert carried_query(params, ["q", "start", "end", "status"]) == (
        "q=praktik&status=noted&status=raised"
    )
    assert carried_query(QueryDict(""), ["q"]) == ""


def test_a_department_leader_who_is_also_in_a_team_still_chooses(client, world: World):
    department_leader = world.users["department_leader"]
    MembershipFactory(team=world.syd, user=department_leader, role=Role.CASEWORKER)
    client.force_login(department_leader)
    assert client.get(reverse("learnings:home"))["Location"] == all_teams_url()
    html = client.get(list_url(world.nord)).content.decode()
    assert current_choice(html) == "Team Nord"


def test_a_new_department_leader_of_an_organisation_with_one_team_gets_that_team(client, db):
    organisation = OrganisationFactory(name="Lillekommune")
    team = TeamFactory(organisation=organisation, name="Eneste team", slug="eneste")
    boss = UserFactory(username="boss")
    organisation.department_leaders.add(boss)
    client.force_login(boss)
    assert client.get(reverse("learnings:home"))["Location"] == list_url(team)
    assert CHOOSER not in client.get(list_url(team)).content.decode()
