"""Lockout by username and address together, behind the proxy the settings name."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client, override_settings
from django.urls import reverse

from tests.conftest import World
from tests.factories import PASSWORD

ATTACKER = "198.51.100.66"
OWNER = "203.0.113.10"


def _login(client: Client, address: str, password: str, spoofed: str = ""):
    # The proxy appends the address it was connected from; whatever the client wrote comes first.
    forwarded = f"{spoofed}, {address}" if spoofed else address
    return client.post(
        reverse("login"),
        {"username": "leader", "password": password},
        headers={"x-forwarded-for": forwarded},
        REMOTE_ADDR="127.0.0.1",
    )


@pytest.fixture(autouse=True)
def _one_proxy():
    with override_settings(TEAMLAERING_PROXY_COUNT=1):
        yield


def test_a_stranger_cannot_lock_out_the_owner_from_another_address(world: World):
    attacker = Client()
    for _ in range(6):
        _login(attacker, ATTACKER, "forkert")
    assert _login(attacker, ATTACKER, PASSWORD).status_code == 429
    # The owner, from an address that has not failed, still gets in.
    owner = _login(Client(), OWNER, PASSWORD)
    assert owner.status_code == 302
    assert owner["Location"] == reverse("dashboard:home")


def test_spoofing_x_forwarded_for_does_not_get_round_the_lockout(world: World):
    attacker = Client()
    for number in range(6):
        _login(attacker, ATTACKER, "forkert", spoofed=f"192.0.2.{number}")
    locked = _login(attacker, ATTACKER, PASSWORD, spoofed=OWNER)
    assert locked.status_code == 429
    assert AccessAttempt.objects.filter(ip_address=ATTACKER, username="leader").exists()
    assert not AccessAttempt.objects.filter(ip_address=OWNER).exists()


def test_failures_are_kept_for_the_audit_after_the_owners_success(world: World):
    owner = Client()
    for _ in range(3):
        _login(owner, OWNER, "forkert")
    assert _login(owner, OWNER, PASSWORD).status_code == 302
    assert AccessFailureLog.objects.filter(username="leader", ip_address=OWNER).count() == 3
    # The owner's own count starts again, so a later slip does not trap them.
    owner = Client()
    for _ in range(4):
        _login(owner, OWNER, "forkert")
    assert _login(owner, OWNER, PASSWORD).status_code == 302
    assert AccessFailureLog.objects.filter(username="leader").count() == 7
