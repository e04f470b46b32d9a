"""A session dies everywhere at once: a new password or a deactivated account ends every
session of the person; a person sees their sessions and logs out of all of them."""

import re

from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.urls import reverse

from teams import services
from teams.models import SessionOwner
from teams.sessions import session_is_current, sessions_of
from tests.conftest import World
from tests.factories import PASSWORD


def _signed_in(user, browsers: int = 2) -> list[Client]:
    clients = []
    for number in range(browsers):
        client = Client(headers={"user-agent": f"Browser {number}"})
        response = client.post(reverse("login"), {"username": user.username, "password": PASSWORD})
        assert response.status_code == 302
        clients.append(client)
    return clients


def _still_in(client: Client) -> bool:
    return client.get(reverse("teams:account")).status_code == 200


def test_login_records_whose_session_it_is(world: World):
    user = world.users["caseworker"]
    (client,) = _signed_in(user, 1)
    key = client.session.session_key
    assert SessionOwner.objects.get(session_id=key).user == user
    assert session_is_current(key, user.pk)
    assert not session_is_current(key, world.users["leader"].pk)


def test_requests_after_login_record_nothing_more(world: World, django_assert_num_queries):
    (client,) = _signed_in(world.users["caseworker"], 1)
    client.get(reverse("teams:account"))
    owners = list(SessionOwner.objects.values_list("session_id", "signed_in_at"))
    client.get(reverse("teams:account"))
    assert list(SessionOwner.objects.values_list("session_id", "signed_in_at")) == owners


def test_deactivating_ends_every_session(world: World):
    user = world.users["caseworker"]
    clients = _signed_in(user)
    keys = [client.session.session_key for client in clients]
    services.user_deactivate(user=user)
    assert not Session.objects.filter(session_key__in=keys).exists()
    assert not any(session_is_current(key, user.pk) for key in keys)
    assert not any(_still_in(client) for client in clients)


def test_changing_the_password_keeps_this_session_and_ends_the_others(world: World):
    user = world.users["caseworker"]
    here, elsewhere = _signed_in(user)
    response = here.post(
        reverse("teams:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "en-helt-ny-kode-9",
            "new_password2": "en-helt-ny-kode-9",
        },
        follow=True,
    )
    assert "Du er logget ud alle andre steder" in response.content.decode()
    assert _still_in(here)
    assert not _still_in(elsewhere)


def test_a_wrong_old_password_changes_nothing(world: World):
    user = world.users["caseworker"]
    here, elsewhere = _signed_in(user)
    response = here.post(
        reverse("teams:password_change"),
        {
            "old_password": "forkert",
            "new_password1": "a-b-c-d-e-f-9",
            "new_password2": "a-b-c-d-e-f-9",
        },
    )
    assert response.status_code == 200
    assert _still_in(elsewhere)


def test_the_admin_deactivating_a_user_ends_their_sessions(world: World, admin_client):
    user = world.users["caseworker"]
    (client,) = _signed_in(user, 1)
    page = admin_client.get(reverse("admin:teams_user_change", args=[user.pk]))
    data = {
        key: value
        for key, value in page.context["adminform"].form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data |= {
        "username": user.username,
        "is_active": "",
        "language": "da",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
        "last_login_0": "",
        "last_login_1": "",
        "is_staff": "",
        "is_superuser": "",
    }
    data.pop("is_active")
    data.pop("is_staff")
    data.pop("is_superuser")
    response = admin_client.post(reverse("admin:teams_user_change", args=[user.pk]), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    user.refresh_from_db()
    assert not user.is_active
    assert not _still_in(client)


def test_the_admin_setting_a_password_ends_their_sessions(world: World, admin_client):
    user = world.users["caseworker"]
    (client,) = _signed_in(user, 1)
    response = admin_client.post(
        reverse("admin:auth_user_password_change", args=[user.pk]),
        {
            "password1": "admin-satte-koden-3",
            "password2": "admin-satte-koden-3",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    assert not _still_in(client)


def test_the_own_sessions_page_lists_them_and_logs_out_of_all(world: World):
    user = world.users["caseworker"]
    here, elsewhere = _signed_in(user)
    html = here.get(reverse("teams:account_sessions")).content.decode()
    assert "Browser 0" in html and "Browser 1" in html
    assert "Denne session" in html
    assert len(sessions_of(user_id=user.pk)) == 2
    response = here.post(reverse("teams:account_sessions"))
    assert response["Location"] == reverse("login")
    assert not _still_in(here)
    assert not _still_in(elsewhere)


def test_logging_out_of_one_other_session(world: World):
    user = world.users["caseworker"]
    here, elsewhere = _signed_in(user)
    here.post(reverse("teams:account_sessions"), {"session": elsewhere.session.session_key})
    assert _still_in(here)
    assert not _still_in(elsewhere)


def test_another_persons_session_cannot_be_ended(world: World):
    (theirs,) = _signed_in(world.users["leader"], 1)
    (mine,) = _signed_in(world.users["caseworker"], 1)
    mine.post(reverse("teams:account_sessions"), {"session": theirs.session.session_key})
    assert _still_in(theirs)


def test_forgotten_password_mails_a_link_and_never_says_whether_the_account_exists(
    client, world: World
):
    user = world.users["caseworker"]
    (elsewhere,) = _signed_in(user, 1)
    unknown = client.post(reverse("password_reset"), {"email": "ingen@example.dk"}, follow=True)
    known = client.post(reverse("password_reset"), {"email": user.email}, follow=True)
    assert unknown.status_code == known.status_code == 200
    assert unknown.redirect_chain == known.redirect_chain
    assert "Hvis adressen hører til en konto" in known.content.decode()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert body.count("http://127.0.0.1:8000/nulstil/") == 1
    path = re.search(r"http://127\.0\.0\.1:8000(/nulstil/\S+/)", body).group(1)
    form = client.get(path, follow=True)
    new = {"new_password1": "nyt-password-til-mig-5", "new_password2": "nyt-password-til-mig-5"}
    done = client.post(form.redirect_chain[-1][0], new, follow=True)
    assert "Adgangskoden er gemt" in done.content.decode()
    assert not _still_in(elsewhere)
    used = client.get(path, follow=True)
    assert "Linket virker ikke længere" in used.content.decode()


def test_the_login_page_links_to_forgotten_password(client):
    html = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("password_reset")}">Glemt adgangskode?</a>' in html
