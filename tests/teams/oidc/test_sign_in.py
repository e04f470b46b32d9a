"""Single sign-on against a real OpenID Connect provider (tests/oidc_provider.py) running on this
machine: Teamlæring discovers it, sends the browser to it, exchanges the code for a signed ID
token and signs the person in, or refuses them with a page that says why."""

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from axes.models import AccessAttempt
from django.contrib.auth.signals import user_logged_in
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from teams import selectors, services
from teams.models import AuditAction, AuditEntry, SessionOwner, User
from teams.sessions import session_is_current
from tests.conftest import World
from tests.factories import PASSWORD, OrganisationFactory, TeamFactory, UserFactory
from tests.oidc_provider import TAMPERINGS, LocalProvider


def to_provider(client: Client, next_url: str = "") -> str:
    """Click "Log ind med …": where the browser is sent."""
    query = f"?next={next_url}" if next_url else ""
    response = client.get(reverse("oidc:login") + query)
    assert response.status_code == 302
    return response["Location"]


def sign_in(client: Client, provider: LocalProvider, username: str, **form: str):
    """The whole dance: Teamlæring → the provider's login form → back to the callback."""
    authorize = to_provider(client, form.pop("next", ""))
    assert authorize.startswith(f"{provider.issuer}/authorize?")
    params = {name: values[-1] for name, values in parse_qs(urlsplit(authorize).query).items()}
    answer = requests.post(
        f"{provider.issuer}/authorize",
        data={**params, "username": username, **form},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 302, answer.text
    back = urlsplit(answer.headers["Location"])
    assert back.path == reverse("oidc:callback")
    return client.get(f"{back.path}?{back.query}")


def signed_in_as(client: Client) -> User | None:
    response = client.get(reverse("teams:account"))
    return response.context["user"] if response.status_code == 200 else None


# Off unless configured


def test_without_configuration_nothing_of_it_shows(client, db):
    assert "Log ind med" not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("oidc:login")).status_code == 404
    assert client.get(reverse("oidc:callback") + "?code=a&state=b").status_code == 404


def test_the_login_page_offers_the_provider_beside_the_password(client, oidc_provider, settings):
    html = client.get(reverse("login")).content.decode()
    assert "Log ind med kommunens login</a>" in html
    assert 'name="password"' in html
    settings.TEAMLAERING_OIDC_PROVIDER_NAME = "Aarhus Kommunes login"
    html = client.get(reverse("login") + "?next=/sager/").content.decode()
    assert "Log ind med Aarhus Kommunes login</a>" in html
    assert f'href="{reverse("oidc:login")}?next=/sager/"' in html


# A known person


def test_a_known_person_is_signed_in_with_a_recorded_session(world: World, oidc_provider):
    user = world.users["caseworker"]
    oidc_provider.add_person("caseworker", groups=["alle"])
    logins = []

    def on_login(sender, request, user, **kwargs):
        logins.append(user)

    user_logged_in.connect(on_login)
    try:
        client = Client(headers={"user-agent": "Testbrowser 1"})
        response = sign_in(client, oidc_provider, "caseworker")
    finally:
        user_logged_in.disconnect(on_login)
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")
    assert signed_in_as(client) == user
    # Django's own login(): the login audit sees it, and the session is the person's.
    assert logins == [user]
    key = client.session.session_key
    assert SessionOwner.objects.get(session_id=key).user == user
    assert session_is_current(key, user.pk)
    sessions = client.get(reverse("teams:account_sessions")).content.decode()
    assert "Testbrowser 1" in sessions
    user.refresh_from_db()
    assert user.last_login is not None
    # The code was exchanged with the client's secret and the PKCE verifier.
    (token_request,) = oidc_provider.token_requests
    assert token_request["client_secret"] == oidc_provider.client_secret
    assert len(token_request["code_verifier"]) >= 43


def test_the_person_lands_where_they_were_going(client, world: World, oidc_provider):
    oidc_provider.add_person("leader")
    response = sign_in(client, oidc_provider, "leader", next=reverse("teams:account"))
    assert response["Location"] == reverse("teams:account")


@pytest.mark.parametrize("target", ["https://evil.example/", "x", "/\\evil.example"])
def test_a_foreign_next_address_is_not_followed(client, world: World, oidc_provider, target):
    oidc_provider.add_person("leader")
    response = sign_in(client, oidc_provider, "leader", next=target)
    assert response["Location"] == reverse("dashboard:home")


def test_the_username_claim_matches_whatever_its_case(client, world: World, oidc_provider):
    oidc_provider.add_person("Caseworker")
    assert sign_in(client, oidc_provider, "Caseworker").status_code == 302
    assert signed_in_as(client) == world.users["caseworker"]


def test_another_claim_can_name_the_person(client, oidc_provider, settings, db):
    user = UserFactory(username="anne.hansen@kommune.example")
    settings.TEAMLAERING_OIDC_USERNAME_CLAIM = "upn"
    oidc_provider.add_person("ahansen", upn="anne.hansen@kommune.example")
    assert sign_in(client, oidc_provider, "ahansen").status_code == 302
    assert signed_in_as(client) == user


def test_a_missing_username_claim_is_refused_with_a_reason(client, oidc_provider, settings, db):
    settings.TEAMLAERING_OIDC_USERNAME_CLAIM = "upn"
    oidc_provider.add_person("leader")
    response = sign_in(client, oidc_provider, "leader")
    assert response.status_code == 403
    assert "sendte ikke dit brugernavn (upn)" in response.content.decode()
    assert signed_in_as(client) is None


# Unknown people


def test_an_unknown_person_is_refused_and_nothing_is_created(client, world: World, oidc_provider):
    oidc_provider.add_person("ny.kollega")
    people = User.objects.count()
    response = sign_in(client, oidc_provider, "ny.kollega")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Du kan ikke logge ind" in html
    assert "Teamlæring kender dig ikke" in html
    assert "ny.kollega" in html
    assert User.objects.count() == people
    assert signed_in_as(client) is None


def test_an_unknown_person_is_created_without_teams_when_the_organisation_takes_newcomers(
    client, world: World, oidc_provider, settings
):
    settings.TEAMLAERING_OIDC_NEW_USERS_ORGANISATION = "Testkommune"
    oidc_provider.add_person(
        "ny.kollega", given_name="Nina", family_name="Holm", email="nina.holm@kommune.example"
    )
    response = sign_in(client, oidc_provider, "ny.kollega")
    assert response.status_code == 302
    user = User.objects.get(username="ny.kollega")
    assert signed_in_as(client) == user
    assert (user.first_name, user.last_name, user.email) == (
        "Nina",
        "Holm",
        "nina.holm@kommune.example",
    )
    assert user.organisation == world.syd.organisation
    assert not user.memberships.exists()
    assert not user.has_usable_password()
    # The organisation's team leaders can now add the newcomer to their team.
    assert user in selectors.addable_people(team=world.syd)
    # Not to another organisation's.
    other = TeamFactory(organisation=OrganisationFactory(name="Nabokommune"))
    assert user not in selectors.addable_people(team=other)
    # The second time they are the same person.
    client.post(reverse("logout"))
    assert sign_in(client, oidc_provider, "ny.kollega").status_code == 302
    assert User.objects.filter(username="ny.kollega").count() == 1


def test_newcomers_are_refused_when_the_named_organisation_does_not_exist(
    client, world: World, oidc_provider, settings, caplog
):
    settings.TEAMLAERING_OIDC_NEW_USERS_ORGANISATION = "Ingen Kommune"
    oidc_provider.add_person("ny.kollega")
    response = sign_in(client, oidc_provider, "ny.kollega")
    assert response.status_code == 403
    assert not User.objects.filter(username="ny.kollega").exists()
    assert "names no organisation" in caplog.text


# Access by claim or group


@pytest.fixture
def access_group(settings):
    settings.TEAMLAERING_OIDC_ACCESS_CLAIM = "groups"
    settings.TEAMLAERING_OIDC_ACCESS_VALUE = "teamlaering-brugere"


def test_a_person_without_the_access_group_is_refused(
    client, world: World, oidc_provider, access_group
):
    oidc_provider.add_person("caseworker", groups=["alle-medarbejdere"])
    response = sign_in(client, oidc_provider, "caseworker")
    assert response.status_code == 403
    assert "du har ikke adgang til Teamlæring" in response.content.decode()
    assert signed_in_as(client) is None


def test_a_person_in_the_access_group_is_let_in(client, world: World, oidc_provider, access_group):
    oidc_provider.add_person("caseworker", groups=["alle-medarbejdere", "teamlaering-brugere"])
    assert sign_in(client, oidc_provider, "caseworker").status_code == 302
    assert signed_in_as(client) == world.users["caseworker"]


def test_groups_only_the_userinfo_endpoint_tells_are_read_there(
    client, world: World, oidc_provider, access_group
):
    oidc_provider.userinfo_only = {"groups"}
    oidc_provider.add_person("caseworker", groups=["teamlaering-brugere"])
    oidc_provider.add_person("guest", groups=["andre"])
    assert sign_in(client, oidc_provider, "caseworker").status_code == 302
    assert sign_in(Client(), oidc_provider, "guest").status_code == 403


def test_a_deactivated_person_is_refused(client, world: World, oidc_provider):
    user = world.users["caseworker"]
    services.user_deactivate(user=user)
    oidc_provider.add_person("caseworker")
    response = sign_in(client, oidc_provider, "caseworker")
    assert response.status_code == 403
    assert "deaktiveret" in response.content.decode()
    assert not SessionOwner.objects.filter(user=user).exists()


# Tokens that must not be believed


@pytest.mark.parametrize("tampering", TAMPERINGS)
def test_a_wrong_id_token_is_refused(client, world: World, oidc_provider, tampering):
    oidc_provider.add_person("leader")
    oidc_provider.tamper = tampering
    response = sign_in(client, oidc_provider, "leader")
    assert response.status_code == 400
    assert "kunne ikke bekræftes" in response.content.decode()
    assert signed_in_as(client) is None
    assert not SessionOwner.objects.exists()


def test_a_callback_cannot_be_used_twice(client, world: World, oidc_provider):
    oidc_provider.add_person("leader")
    response = sign_in(client, oidc_provider, "leader")
    callback = response.wsgi_request.get_full_path()
    client.post(reverse("logout"))
    replay = client.get(callback)
    assert replay.status_code in (400, 403)
    assert signed_in_as(client) is None


def test_a_callback_in_another_browser_is_refused(world: World, oidc_provider):
    oidc_provider.add_person("leader")
    authorize = to_provider(Client())
    params = {name: values[-1] for name, values in parse_qs(urlsplit(authorize).query).items()}
    answer = requests.post(
        f"{oidc_provider.issuer}/authorize",
        data={**params, "username": "leader"},
        allow_redirects=False,
        timeout=10,
    )
    stranger = Client()
    response = stranger.get(answer.headers["Location"])
    assert response.status_code == 403
    assert "Du blev ikke logget ind" in response.content.decode()
    assert signed_in_as(stranger) is None


def test_cancelling_at_the_provider_shows_a_page_back(client, world: World, oidc_provider):
    oidc_provider.add_person("leader")
    response = sign_in(client, oidc_provider, "", cancel="1")
    assert response.status_code == 403
    html = response.content.decode()
    assert "Du blev ikke logget ind hos kommunens login" in html
    assert f'href="{reverse("login")}"' in html


# The provider's configuration


def test_configured_endpoints_are_used_without_discovery(
    client, world: World, oidc_provider, settings
):
    issuer = oidc_provider.issuer
    # An issuer whose discovery document does not exist: only the endpoints are read.
    settings.TEAMLAERING_OIDC_ISSUER = issuer
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{issuer}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{issuer}/token"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{issuer}/jwks"
    oidc_provider.add_person("leader")
    oidc_provider.discovery = None
    assert sign_in(client, oidc_provider, "leader").status_code == 302
    assert signed_in_as(client) == world.users["leader"]


def test_an_unreachable_provider_gives_a_page_not_an_error(client, oidc_provider, settings, db):
    oidc_provider.stop()
    settings.TEAMLAERING_OIDC_ISSUER = "http://127.0.0.1:9/udbyder"
    response = client.get(reverse("oidc:login"))
    assert response.status_code == 502
    assert "kommunens login svarer ikke lige nu" in response.content.decode()


def test_a_discovery_document_of_another_issuer_is_not_trusted(client, oidc_provider, db):
    document = oidc_provider.discovery()
    oidc_provider.discovery = lambda: {**document, "issuer": "https://udbyder.example"}
    response = client.get(reverse("oidc:login"))
    assert response.status_code == 502
    oidc_provider.discovery = lambda: document
    assert client.get(reverse("oidc:login"))["Location"].startswith(oidc_provider.issuer)


# Sessions, logout and passwords


def test_logout_ends_a_single_sign_on_session(client, world: World, oidc_provider):
    oidc_provider.add_person("leader")
    sign_in(client, oidc_provider, "leader")
    key = client.session.session_key
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("login")
    assert not Session.objects.filter(session_key=key).exists()
    assert signed_in_as(client) is None


def test_log_out_everywhere_and_deactivation_end_single_sign_on_sessions(
    world: World, oidc_provider
):
    oidc_provider.add_person("caseworker")
    user = world.users["caseworker"]
    first, second, third = Client(), Client(), Client()
    for client in (first, second, third):
        sign_in(client, oidc_provider, "caseworker")
    assert SessionOwner.objects.filter(user=user).count() == 3
    first.post(reverse("teams:account_sessions"))
    assert signed_in_as(first) is None
    assert signed_in_as(second) is None
    sign_in(second, oidc_provider, "caseworker")
    services.user_deactivate(user=user)
    assert signed_in_as(second) is None
    assert signed_in_as(third) is None


def test_passwords_still_work_and_never_reach_the_provider(client, world: World, oidc_provider):
    response = client.post(reverse("login"), {"username": "leader", "password": PASSWORD})
    assert response.status_code == 302
    assert signed_in_as(client) == world.users["leader"]
    assert oidc_provider.token_requests == []


def test_refused_sign_ons_do_not_lock_anyone_out(client, world: World, oidc_provider, settings):
    """django-axes counts wrong passwords; a refused single sign-on is not one, and must not
    lock the municipality's shared address out of single sign-on."""
    oidc_provider.add_person("ny.kollega")
    oidc_provider.add_person("leader")
    for _attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        assert sign_in(Client(), oidc_provider, "ny.kollega").status_code == 403
    assert not AccessAttempt.objects.exists()
    assert sign_in(client, oidc_provider, "leader").status_code == 302
    assert signed_in_as(client) == world.users["leader"]


def test_refused_sign_ons_are_in_the_audit_log_with_the_reason(
    client, world: World, oidc_provider, django_capture_on_commit_callbacks
):
    services.user_deactivate(user=world.users["caseworker"])
    oidc_provider.add_person("caseworker")
    oidc_provider.add_person("ny.kollega")
    with django_capture_on_commit_callbacks(execute=True):
        assert sign_in(Client(), oidc_provider, "caseworker").status_code == 403
        assert sign_in(Client(), oidc_provider, "ny.kollega").status_code == 403
        assert sign_in(Client(), oidc_provider, "", cancel="1").status_code == 403
    inactive, unknown, cancelled = AuditEntry.objects.filter(
        action=AuditAction.LOGIN_FAILED
    ).order_by("pk")
    assert inactive.subject == world.users["caseworker"] and inactive.actor is None
    assert inactive.detail == {"method": "oidc", "reason": "inactive", "known_username": True}
    assert inactive.ip_address == "127.0.0.1"
    assert unknown.subject is None
    assert unknown.detail == {"method": "oidc", "reason": "unknown", "known_username": False}
    assert "ny.kollega" not in repr(list(AuditEntry.objects.values_list()))
    assert cancelled.detail == {"method": "oidc", "reason": "cancelled"}
    client.force_login(UserFactory(is_superuser=True))
    page = client.get(reverse("teams:audit_log")).content.decode()
    assert "Enkeltlogon: personen er deaktiveret" in page
    assert "Enkeltlogon: ukendt person" in page


def test_wrong_passwords_are_still_counted_while_single_sign_on_is_on(
    client, world: World, oidc_provider, settings
):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "leader", "password": "forkert"})
    response = client.post(reverse("login"), {"username": "leader", "password": PASSWORD})
    assert response.status_code == 429
    assert signed_in_as(client) is None


# Hostile input


QUERY = st.dictionaries(
    st.sampled_from(["code", "state", "error", "error_description", "next", "nonce"]),
    st.text(max_size=300),
    max_size=5,
)


@given(query=QUERY)
@hypothesis_settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_query_gives_a_page_never_an_error(client, oidc_provider, db, query):
    to_provider(client)
    start = client.get(reverse("oidc:login"), query)
    assert start.status_code == 302
    back = client.get(reverse("oidc:callback"), query)
    assert back.status_code in (400, 403)
    assert signed_in_as(client) is None
