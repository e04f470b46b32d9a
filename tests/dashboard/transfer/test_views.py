"""The leader's "Hent teamets data (JSON)": the team's file as a download, on the team's page."""

import json

import pytest
from django.urls import reverse

from learnings.models import LearningPoint
from tests.conftest import World
from tests.factories import make_meeting


def _url(world: World) -> str:
    return reverse("dashboard:team_export", args=[world.syd.slug])


def _login(client, world: World, who: str) -> None:
    client.force_login(world.users[who])


def test_the_leader_downloads_the_teams_file(client, world):
    _login(client, world, "leader")
    response = client.get(_url(world))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="team-syd-')
    data = json.loads(response.content)
    assert (data["format"], data["version"], data["team"]["slug"]) == (
        "teamlaering-team",
        1,
        "syd",
    )
    assert {row["user"] for row in data["memberships"]} == {
        "leader",
        "coordinator",
        "caseworker",
        "guest",
        "caseworker2",
    }


def test_an_htmx_request_gets_the_same_file(client, world):
    _login(client, world, "leader")
    plain = json.loads(client.get(_url(world)).content)
    htmx = client.get(_url(world), headers={"HX-Request": "true"})
    assert htmx.status_code == 200
    data = json.loads(htmx.content)
    assert data.pop("exported_at") and plain.pop("exported_at")
    assert data == plain


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("coordinator", 403),
        ("caseworker", 403),
        ("guest", 403),
        ("department_leader", 403),
        ("other_leader", 404),
        ("other_caseworker", 404),
        ("outsider", 404),
    ],
)
def test_nobody_else_downloads_it(client, world, who, status):
    _login(client, world, who)
    assert client.get(_url(world)).status_code == status


def test_anonymous_is_sent_to_the_login_page(client, world):
    response = client.get(_url(world))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def _grow(world: World, meetings: int) -> None:
    leader, caseworker = world.users["leader"], world.users["caseworker"]
    for _number in range(meetings):
        meeting = make_meeting(
            team=world.syd, facilitator=leader, participants=[leader, caseworker], cases=2
        )
        LearningPoint.objects.create(
            team=world.syd, meeting=meeting, author=caseworker, text="Spørg tidligt"
        )


def test_the_download_takes_the_same_queries_however_much_the_team_holds(
    client, world, django_assert_num_queries
):
    _login(client, world, "leader")
    _grow(world, 1)
    client.get(_url(world))  # the session's first use saves it
    with django_assert_num_queries(38):
        client.get(_url(world))
    _grow(world, 5)
    with django_assert_num_queries(38):
        client.get(_url(world))


def test_the_team_page_offers_the_download_to_the_leader_only(client, world):
    page = reverse("teams:team_detail", args=[world.syd.slug])
    _login(client, world, "leader")
    assert "Hent teamets data (JSON)" in client.get(page).content.decode()
    _login(client, world, "coordinator")
    assert "Hent teamets data (JSON)" not in client.get(page).content.decode()
