"""Where signing in and out goes next: only a path on this site (core.http.local_path), the
start page or the login page otherwise, and never an error."""

import pytest
from django.urls import reverse

from tests.conftest import World
from tests.factories import PASSWORD

BAD_TARGETS = ["x", "https://evil.example/", "//evil.example/", "/\\evil.example", "/a\tb/"]


def test_signing_in_goes_to_the_page_asked_for(client, world: World):
    response = client.post(
        reverse("login"),
        {"username": "leader", "password": PASSWORD, "next": reverse("teams:account")},
    )
    assert response["Location"] == reverse("teams:account")


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_signing_in_with_a_bad_next_goes_to_the_start_page(client, world: World, target):
    page = client.get(reverse("login"), {"next": target}).content.decode()
    assert 'name="next" value=""' in page
    response = client.post(
        reverse("login") + "?next=x", {"username": "leader", "password": PASSWORD, "next": target}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")


@pytest.mark.parametrize("target", BAD_TARGETS)
def test_signing_out_with_a_bad_next_goes_to_the_login_page(client, world: World, target):
    client.force_login(world.users["leader"])
    response = client.post(reverse("logout"), {"next": target})
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    assert "_auth_user_id" not in client.session
