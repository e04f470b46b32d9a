from datetime import timedelta

import time_machine
from django.http import HttpResponse
from django.test import override_settings
from django.urls import path, reverse
from django.utils import timezone

from teams.middleware import passive
from tests.conftest import World


@passive
def poll_view(request):
    return HttpResponse("ingen ændring" if request.user.is_authenticated else "logget ud")


def active_view(request):
    return HttpResponse("ok" if request.user.is_authenticated else "logget ud")


urlpatterns = [
    path("poll/", poll_view),
    path("action/", active_view),
]


@override_settings(ROOT_URLCONF=__name__)
def test_a_user_action_keeps_the_session_for_another_working_day(client, world: World):
    client.force_login(world.users["caseworker"])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert client.get("/action/").content == b"ok"
    with time_machine.travel(start + timedelta(hours=7, minutes=50), tick=False):
        assert client.get("/action/").content == b"ok"
    with time_machine.travel(start + timedelta(hours=11), tick=False):
        assert client.get("/action/").content == b"ok"


@override_settings(ROOT_URLCONF=__name__)
def test_a_working_day_without_action_ends_the_session(client, world: World):
    client.force_login(world.users["caseworker"])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        assert client.get("/action/").content == b"ok"
    with time_machine.travel(start + timedelta(hours=8, minutes=5), tick=False):
        assert client.get("/action/").content == b"logget ud"


@override_settings(ROOT_URLCONF=__name__)
def test_polls_from_a_meeting_screen_do_not_keep_the_session_alive(client, world: World):
    client.force_login(world.users["caseworker"])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get("/action/")
    for hour in range(1, 8):
        with time_machine.travel(start + timedelta(hours=hour), tick=False):
            assert client.get("/poll/").content == b"ingen \xc3\xa6ndring"
    with time_machine.travel(start + timedelta(hours=8, minutes=5), tick=False):
        assert client.get("/poll/").content == b"logget ud"


@override_settings(ROOT_URLCONF=__name__)
def test_the_absolute_limit_ends_even_an_active_session(client, world: World):
    client.force_login(world.users["caseworker"])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get("/action/")
    for hour in range(1, 12):
        with time_machine.travel(start + timedelta(hours=hour), tick=False):
            assert client.get("/action/").content == b"ok"
    with time_machine.travel(start + timedelta(hours=12, minutes=5), tick=False):
        assert client.get("/action/").content == b"logget ud"


def test_an_ended_session_sends_the_user_to_login(client, world: World):
    client.force_login(world.users["caseworker"])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client.get(reverse("dashboard:home"))
    with time_machine.travel(start + timedelta(hours=9), tick=False):
        response = client.get(reverse("dashboard:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
