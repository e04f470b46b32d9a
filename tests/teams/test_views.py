from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.conftest import World
from tests.factories import PASSWORD


def test_login_page_has_the_named_fields_and_button(client):
    response = client.get(reverse("login"))
    html = response.content.decode()
    for label in ("Brugernavn", "Adgangskode"):
        # The required-field star is hidden from screen readers, so the accessible name is
        # exactly the contract's label.
        assert f'{label}<span class="asteriskField" aria-hidden="true">*</span>' in html
    assert "Log ind</button>" in html


def test_login_with_the_right_password_reaches_the_start_page(client, world: World):
    response = client.post(
        reverse("login"), {"username": "leader", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("dashboard:home")
    assert "Mit overblik" in response.content.decode()


def test_login_makes_a_new_session(client, world: World):
    client.get(reverse("login"))
    client.cookies["sessionid"] = "anonymous-session-key"
    client.post(reverse("login"), {"username": "leader", "password": PASSWORD})
    assert client.cookies["sessionid"].value != "anonymous-session-key"


def test_wrong_password_shows_an_error_in_danish_and_keeps_the_username(client, world: World):
    response = client.post(reverse("login"), {"username": "leader", "password": "forkert"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "korrekt brugernavn og adgangskode" in html
    assert 'value="leader"' in html


def test_repeated_failures_lock_the_account_until_the_cool_off_has_passed(client, world: World):
    for _ in range(5):
        client.post(reverse("login"), {"username": "leader", "password": "forkert"})
    locked = client.post(reverse("login"), {"username": "leader", "password": PASSWORD})
    assert locked.status_code == 429
    assert "åbner igen af sig selv om 15 minutter" in locked.content.decode()
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        response = client.post(reverse("login"), {"username": "leader", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")


def test_logout_is_a_post_and_ends_the_session(client, world: World):
    client.force_login(world.users["leader"])
    assert client.get(reverse("logout")).status_code == 405
    client.post(reverse("logout"))
    assert client.get(reverse("dashboard:home")).status_code == 302


def test_team_page_lists_members_with_roles(client, world: World):
    client.force_login(world.users["caseworker"])
    html = client.get(reverse("teams:team_detail", args=[world.syd.slug])).content.decode()
    assert world.users["leader"].display_name in html
    assert "Teamleder" in html
    assert world.users["other_leader"].display_name not in html


def test_danish_whatever_the_browser_asks_for(client, world: World):
    response = client.get(reverse("login"), headers={"accept-language": "en-GB,en;q=0.9"})
    assert '<html lang="da">' in response.content.decode()
    assert "Brugernavn" in response.content.decode()


def test_choosing_english_is_stored_on_the_user_and_changes_the_interface(client, world: World):
    user = world.users["caseworker"]
    client.force_login(user)
    response = client.post(reverse("teams:account"), {"language": "en"}, follow=True)
    user.refresh_from_db()
    assert user.language == "en"
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "My overview" in client.get(reverse("dashboard:home")).content.decode()


def test_invalid_language_choice_shows_an_error_and_changes_nothing(client, world: World):
    user = world.users["caseworker"]
    client.force_login(user)
    response = client.post(reverse("teams:account"), {"language": "xx"})
    assert response.status_code == 200
    assert "Marker en gyldig valgmulighed" in response.content.decode()
    user.refresh_from_db()
    assert user.language == "da"


def test_every_response_carries_a_strict_content_security_policy(client):
    policy = client.get(reverse("login"))["Content-Security-Policy"]
    for directive in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"):
        assert directive in policy
    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy


def test_pages_have_no_inline_script_without_the_nonce(client, world: World):
    client.force_login(world.users["leader"])
    response = client.get(reverse("dashboard:home"))
    html = response.content.decode()
    nonce = response["Content-Security-Policy"].split("'nonce-")[1].split("'")[0]
    for chunk in html.split("<script")[1:]:
        tag = chunk.split(">", 1)[0]
        assert "src=" in tag or f'nonce="{nonce}"' in tag
    assert " onclick=" not in html


@pytest.mark.django_db
def test_htmx_requests_pass_csrf_with_the_header_from_the_body(world: World):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["caseworker"])
    page = client.get(reverse("teams:account"))
    token = str(page.context["csrf_token"])
    assert f'"X-CSRFToken": "{token}"' in page.content.decode()
    refused = client.post(
        reverse("teams:account"), {"language": "en"}, headers={"hx-request": "true"}
    )
    assert refused.status_code == 403
    accepted = client.post(
        reverse("teams:account"),
        {"language": "en"},
        headers={"hx-request": "true", "x-csrftoken": token},
    )
    assert accepted.status_code == 302
