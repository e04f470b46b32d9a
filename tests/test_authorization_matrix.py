"""Every URL by every role by own or other team, with the status each must answer.

Team Syd is "own team" for leader, coordinator, caseworker and guest; Team Nord's leader and
caseworker are "the other team"; the department leader leads the organisation of both; an
outsider is signed in but in no team. Each issue adds the rows of its own views here.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.urls import reverse

from tests.conftest import World

WHO = (
    "anonymous",
    "leader",
    "coordinator",
    "caseworker",
    "guest",
    "department_leader",
    "other_leader",
    "other_caseworker",
    "outsider",
)
SIGNED_IN = WHO[1:]


def expect(default: int, *, anonymous: int = 302, **overrides: int) -> dict[str, int]:
    unknown = set(overrides) - set(WHO)
    assert not unknown, f"unknown roles in the matrix: {unknown}"
    return {"anonymous": anonymous, **dict.fromkeys(SIGNED_IN, default), **overrides}


@dataclass(frozen=True)
class Route:
    name: str
    kwargs: Callable[[World], dict] = field(default=lambda world: {})
    method: str = "get"
    data: Callable[[World], dict] = field(default=lambda world: {})


OTHER_TEAM_404 = {"other_leader": 404, "other_caseworker": 404, "outsider": 404}

MATRIX: list[tuple[str, Route, dict[str, int]]] = [
    ("login page", Route("login"), expect(302, anonymous=200)),
    ("start page", Route("teams:home"), expect(200)),
    ("account page", Route("teams:account"), expect(200)),
    (
        "choose language",
        Route("teams:account", method="post", data=lambda world: {"language": "en"}),
        expect(302),
    ),
    (
        "own team's page (Team Syd)",
        Route("teams:team_detail", kwargs=lambda world: {"slug": world.syd.slug}),
        expect(200, **OTHER_TEAM_404),
    ),
    (
        "logout",
        Route("logout", method="post"),
        expect(302, anonymous=302),
    ),
]


CASES = [
    pytest.param(route, who, expected[who], id=f"{label} · {who}")
    for label, route, expected in MATRIX
    for who in WHO
]


@pytest.mark.parametrize(("route", "who", "expected"), CASES)
def test_authorization_matrix(client, world: World, route: Route, who: str, expected: int):
    user = world.user(who)
    if user is not None:
        client.force_login(user)
    url = reverse(route.name, kwargs=route.kwargs(world))
    response = getattr(client, route.method)(url, route.data(world))
    assert response.status_code == expected
    if who == "anonymous" and expected == 302 and route.name != "logout":
        assert response["Location"].startswith(reverse("login"))


def test_matrix_names_every_role_for_every_route():
    for label, _route, expected in MATRIX:
        assert set(expected) == set(WHO), label
