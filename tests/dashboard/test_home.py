"""The start page ("Mit overblik") and the main navigation."""

from django.urls import reverse

from teams.models import Membership, Role
from tests.conftest import World
from tests.factories import TeamFactory, make_meeting


def test_start_page_lists_my_teams_and_my_role(client, world: World):
    client.force_login(world.users["coordinator"])
    html = client.get(reverse("dashboard:home")).content.decode()
    assert "Team Syd" in html
    assert "Faglig koordinator" in html
    assert "Team Nord" not in html


def test_department_leader_sees_every_team_of_the_organisation(client, world: World):
    client.force_login(world.users["department_leader"])
    html = client.get(reverse("dashboard:home")).content.decode()
    assert "Team Syd" in html
    assert "Team Nord" in html


def test_start_page_query_count_does_not_grow_with_teams(
    client, world: World, django_assert_max_num_queries
):
    user = world.users["department_leader"]
    # Leading a team that has never met brings the guided start to its first meeting.
    led = TeamFactory(organisation=world.syd.organisation)
    Membership.objects.create(user=user, team=led, role=Role.LEADER)
    client.force_login(user)
    client.get(reverse("dashboard:home"))
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("dashboard:home"))
    for _ in range(8):
        team = TeamFactory(organisation=world.syd.organisation)
        Membership.objects.create(user=user, team=team, role=Role.LEADER)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("dashboard:home"))


def test_next_meetings_offer_kor_mode_to_who_may_run_them(client, world: World):
    """The start page reads the person's roles from the teams it lists: the leader and the
    meeting's facilitator get "Kør møde", a caseworker only "Følg møde"."""
    users = world.users
    led = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"]],
    )
    facilitated = make_meeting(
        team=world.syd,
        facilitator=users["caseworker"],
        participants=[users["caseworker"]],
    )
    control = {pk: reverse("meetings:control", args=[pk]) for pk in (led.pk, facilitated.pk)}

    client.force_login(users["leader"])
    html = client.get(reverse("dashboard:home")).content.decode()
    assert control[led.pk] in html and control[facilitated.pk] in html

    client.force_login(users["caseworker"])
    html = client.get(reverse("dashboard:home")).content.decode()
    assert control[led.pk] not in html
    assert control[facilitated.pk] in html
    assert reverse("meetings:participant", args=[led.pk]) in html
    assert "Planlæg møde" not in html


def test_main_navigation_has_a_skip_link_and_overblik(client, world: World):
    client.force_login(world.users["caseworker"])
    html = client.get(reverse("dashboard:home")).content.decode()
    assert 'href="#main"' in html
    assert ">Overblik</a>" in html
    assert "Log ud</button>" in html


def test_the_menu_marks_the_section_of_the_page(client, world: World):
    client.force_login(world.users["leader"])
    for url, section in [
        (reverse("dashboard:home"), "Overblik"),
        (reverse("meetings:list"), "Møder"),
        (reverse("rollups:rollup_list"), "Læring"),
        (reverse("rollups:action_list"), "Læring"),
        (reverse("products:list"), "Produkter"),
        (reverse("teams:team_detail", args=[world.syd.slug]), "Team"),
    ]:
        html = client.get(url).content.decode()
        assert f'aria-current="page">{section}</a>' in html, url
        assert html.count('aria-current="page"') == 1, url


def test_the_menu_links_to_the_team_page_but_not_from_the_account(client, world: World):
    client.force_login(world.users["caseworker"])
    html = client.get(reverse("teams:account")).content.decode()
    assert f'<a class="nav-link" href="{reverse("teams:my_team")}">Team</a>' in html
    assert 'aria-current="page"' not in html
