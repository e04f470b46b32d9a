"""Pushing changes to the meeting's screens: the broker's fan-out, the notify on commit (a
NOTIFY on PostgreSQL, in-process on SQLite), and the stream of Server-Sent Events."""

import asyncio
import json
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from asgiref.sync import sync_to_async
from django.contrib.sessions.models import Session
from django.db import connection, connections, transaction
from django.test import AsyncClient, Client
from django.urls import reverse

from meetings import live, screens, services
from meetings.models import Meeting
from teams.middleware import ACTIVE_AT_KEY, LOGIN_AT_KEY
from tests.factories import make_meeting
from tests.meetings.conftest import ENDINGS, end_standing

pytestmark = pytest.mark.django_db(transaction=True)
HX = {"HX-Request": "true"}


@pytest.fixture(autouse=True)
def stop_listening():
    """The listener's connection, and those of the threads that write, end with the test:
    the test database can then be dropped."""
    yield
    live.broker.stop()


async def close_request_connections() -> None:
    """The test client keeps the connection its requests' sync work used (in asgiref's
    thread for it); closed here, it cannot keep the test database from being dropped."""
    await sync_to_async(connections.close_all)()


async def in_thread(function, **kwargs):
    """A write in a worker thread, as a view of the app server makes it."""

    def call():
        try:
            return function(**kwargs)
        finally:
            connections.close_all()

    return await asyncio.to_thread(call)


def run(scenario) -> None:
    """Run an async scenario in a thread of its own: a browser test in the same worker may
    have an event loop running in this one."""
    with ThreadPoolExecutor(max_workers=1) as executor:
        executor.submit(asyncio.run, scenario()).result()


async def next_version(subscriber: live.Subscriber, timeout: float = 20.0) -> int:
    """The next version the subscriber hears. Waiting long is only slow when it never comes:
    in CI's two processes a change (and its shipped render) once took over 5 s to arrive."""
    return await asyncio.wait_for(subscriber.queue.get(), timeout)


async def listening(subscriber: live.Subscriber) -> None:
    """On PostgreSQL, wait for the process's LISTEN; what it sends on connecting is not a
    change of this test's."""
    if connection.vendor == "postgresql":
        assert await asyncio.to_thread(live.broker.listening.wait, 5)
        await asyncio.sleep(0.1)
        while not subscriber.queue.empty():
            assert subscriber.queue.get_nowait() == live.ANYTHING


def test_a_change_reaches_the_streams_of_its_meeting_and_no_other():
    async def scenario():
        broker = live.Broker(listen=False)
        first, second, other = broker.subscribe(1), broker.subscribe(1), broker.subscribe(2)
        broker.publish(1, 7)
        assert await next_version(first) == 7
        assert await next_version(second) == 7
        assert other.queue.empty()
        broker.unsubscribe(first)
        broker.unsubscribe(second)
        broker.unsubscribe(other)
        assert broker.stream_count() == 0

    run(scenario)


def test_a_slow_screen_gets_only_the_newest_version():
    async def scenario():
        broker = live.Broker(listen=False)
        subscriber = broker.subscribe(1)
        for version in (3, 4, 5):
            broker.publish(1, version)
        await asyncio.sleep(0)
        assert await next_version(subscriber) == 5
        assert subscriber.queue.empty()
        broker.unsubscribe(subscriber)

    run(scenario)


def test_a_version_older_than_one_heard_already_is_dropped():
    """Two writers' notifications can cross: a screen never goes back to the older state."""

    async def scenario():
        broker = live.Broker(listen=False)
        subscriber = broker.subscribe(1)
        broker.publish(1, 5, "edition 5")
        assert await next_version(subscriber) == 5
        broker.publish(1, 4, "edition 4")
        with pytest.raises(TimeoutError):
            await next_version(subscriber, timeout=0.2)
        assert broker.shipped(1, 5) == "edition 5"
        assert broker.shipped(1, 4) is None
        broker.publish(1, 6)
        assert await next_version(subscriber) == 6
        assert broker.shipped(1, 6) is None
        broker.unsubscribe(subscriber)

    run(scenario)


def _planned(world) -> Meeting:
    return make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], world.users["caseworker"]],
    )


def start_and_hear(meeting) -> str | None:
    """Start the meeting in a thread, as a view would, and return what this process's broker
    has of its edition once the change has arrived."""
    heard: list[str | None] = []

    async def scenario():
        subscriber = live.broker.subscribe(meeting.pk)
        try:
            await listening(subscriber)
            started = await in_thread(
                services.meeting_start, meeting_id=meeting.pk, version=meeting.version
            )
            assert await next_version(subscriber) == started.version
            heard.append(live.broker.shipped(meeting.pk, started.version))
        finally:
            live.broker.unsubscribe(subscriber)

    run(scenario)
    return heard[0]


def test_a_committed_change_is_announced_once_it_commits(world):
    start_and_hear(_planned(world))


def test_a_change_brings_the_screens_its_writer_rendered(world):
    """The process that made the change renders the projector and a member's "Følg møde" once
    and sends them along: another process gives them to its screens without rendering."""
    meeting = _planned(world)
    shipped = start_and_hear(meeting)

    assert shipped is not None
    ready = screens.Shipped.decode(shipped)
    assert ready is not None
    assert ready.version == meeting.version + 1
    assert set(ready.plain) == {"projector:da", "participant:da:1:0:1"}
    projector = json.loads(ready.plain["projector:da"].removeprefix("event: state\ndata: "))
    assert "Præsentation" in projector["html"]


def test_a_change_whose_screens_cannot_be_rendered_is_announced_all_the_same(world, monkeypatch):
    meeting = _planned(world)

    def fails(**_kwargs):
        raise RuntimeError("a template that cannot be rendered")

    monkeypatch.setattr(screens, "ship", fails)
    assert start_and_hear(meeting) is None
    assert Meeting.objects.get(pk=meeting.pk).status == "running"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a NOTIFY's payload limit")
def test_an_edition_too_large_for_a_notification_stays_behind(world, monkeypatch):
    meeting = _planned(world)
    monkeypatch.setattr(screens, "ship", lambda **_kwargs: "A" * live.MAX_PAYLOAD_BYTES)
    assert start_and_hear(meeting) is None
    assert Meeting.objects.get(pk=meeting.pk).status == "running"


def test_a_change_rolled_back_is_never_announced(world):
    meeting = _planned(world)

    def start_and_roll_back() -> None:
        with pytest.raises(RuntimeError), transaction.atomic():
            services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
            raise RuntimeError("the transaction fails after the change")

    async def scenario():
        subscriber = live.broker.subscribe(meeting.pk)
        try:
            await listening(subscriber)
            await in_thread(start_and_roll_back)
            with pytest.raises(TimeoutError):
                await next_version(subscriber, timeout=0.5)
        finally:
            live.broker.unsubscribe(subscriber)

    run(scenario)
    assert Meeting.objects.get(pk=meeting.pk).status == "planned"


def test_an_entry_is_announced_with_the_raised_version(world):
    meeting = _planned(world)

    async def scenario():
        subscriber = live.broker.subscribe(meeting.pk)
        try:
            await listening(subscriber)
            await in_thread(services.bump_version, meeting=meeting)
            assert await next_version(subscriber) == meeting.version + 1
        finally:
            live.broker.unsubscribe(subscriber)

    run(scenario)


async def open_stream(client: AsyncClient, url: str):
    response = await client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/event-stream"
    assert response["Cache-Control"] == "no-cache"
    return response, aiter(response.streaming_content)


async def next_change(events) -> str:
    """The next event that is not a keep-alive or the listener's "something may have changed"."""
    while change := (await asyncio.wait_for(anext(events), 5)).decode():
        if not change.startswith(":") and f"data: {live.ANYTHING}\n" not in change:
            return change
    return change


async def listener_ready() -> None:
    if connection.vendor == "postgresql":
        assert await asyncio.to_thread(live.broker.listening.wait, 5)


def test_the_control_view_gets_the_version_and_then_every_new_version(world):
    meeting = _planned(world)
    url = reverse("meetings:stream", args=[meeting.pk]) + "?mode=control"

    async def scenario():
        client = AsyncClient()
        await client.aforce_login(world.users["leader"])
        response, events = await open_stream(client, url)
        first = (await anext(events)).decode()
        assert f"event: version\ndata: {meeting.version}\n\n" in first
        await listener_ready()
        await in_thread(services.meeting_start, meeting_id=meeting.pk, version=meeting.version)
        assert await next_change(events) == f"event: version\ndata: {meeting.version + 1}\n\n"
        await response.streaming_content.aclose()
        await close_request_connections()

    run(scenario)


@pytest.mark.parametrize("mode", ["participant", "projector"])
def test_a_participant_and_the_projector_get_the_new_state_itself(world, mode):
    meeting = _planned(world)
    url = reverse("meetings:stream", args=[meeting.pk]) + f"?mode={mode}"

    async def scenario():
        client = AsyncClient()
        await client.aforce_login(world.users["caseworker"])
        response, events = await open_stream(client, url)
        first = (await anext(events)).decode()
        assert f"event: version\ndata: {meeting.version}\n\n" in first
        await listener_ready()
        await in_thread(services.meeting_start, meeting_id=meeting.pk, version=meeting.version)
        change = await next_change(events)
        assert change.startswith("event: state\ndata: ")
        pushed = json.loads(change.removeprefix("event: state\ndata: "))
        assert pushed["version"] == meeting.version + 1
        assert "Præsentation" in pushed["html"]
        assert 'role="timer"' in pushed["html"]
        await response.streaming_content.aclose()
        await close_request_connections()

    run(scenario)


def told_gone_at_the_next_change(meeting, url: str, person, end) -> None:
    """A stream of `person` opens; `end(client)` ends their standing; the next change tells
    the stream it is gone, and it ends."""

    async def scenario():
        client = AsyncClient()
        await client.aforce_login(person)
        _response, events = await open_stream(client, url)
        await anext(events)
        await listener_ready()
        await end(client)
        await in_thread(services.meeting_start, meeting_id=meeting.pk, version=meeting.version)
        assert await next_change(events) == live.GONE
        # And the stream has ended.
        assert await asyncio.wait_for(anext(events, b""), 5) == b""
        await close_request_connections()

    run(scenario)


def test_a_stream_whose_session_has_ended_is_told_so_at_the_next_change(world):
    meeting = _planned(world)

    async def end(client):
        await Session.objects.filter(session_key=client.session.session_key).adelete()

    url = reverse("meetings:stream", args=[meeting.pk])
    told_gone_at_the_next_change(meeting, url, world.users["caseworker"], end)


@pytest.mark.parametrize(
    ("mode", "how"),
    [("control", how) for how in ENDINGS]
    + [("participant", "deactivated"), ("projector", "new password")],
)
def test_a_stream_of_a_person_deactivated_meanwhile_is_refused_at_the_next_change(
    world, mode, how
):
    meeting = _planned(world)
    leader = world.users["leader"]

    async def end(_client):
        await in_thread(end_standing, person=leader, how=how)

    url = reverse("meetings:stream", args=[meeting.pk]) + f"?mode={mode}"
    told_gone_at_the_next_change(meeting, url, leader, end)


@pytest.mark.parametrize("mode", ["control", "participant"])
@pytest.mark.parametrize("how", ["deactivated", "new password"])
def test_a_stream_does_not_open_for_a_person_deactivated_or_with_a_new_password(world, mode, how):
    meeting = _planned(world)
    leader = world.users["leader"]
    url = reverse("meetings:stream", args=[meeting.pk]) + f"?mode={mode}"

    async def scenario():
        client = AsyncClient()
        await client.aforce_login(leader)
        await in_thread(end_standing, person=leader, how=how)
        assert (await client.get(url)).status_code == 401
        await close_request_connections()

    run(scenario)


def test_the_stream_is_refused_to_the_signed_out_and_to_other_teams(world):
    meeting = _planned(world)
    url = reverse("meetings:stream", args=[meeting.pk])

    async def scenario():
        client = AsyncClient()
        assert (await client.get(url)).status_code == 401
        await client.aforce_login(world.users["other_caseworker"])
        assert (await client.get(url)).status_code == 404
        await close_request_connections()

    run(scenario)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the process listens on PostgreSQL")
def test_while_the_process_listens_an_unchanged_poll_asks_the_database_only_for_the_session(
    world, django_assert_num_queries
):
    meeting = _planned(world)
    live.broker.ensure_listening()
    assert live.broker.listening.wait(5)
    client = Client()
    client.force_login(world.users["caseworker"])
    url = reverse("meetings:poll", args=[meeting.pk])
    unchanged = {"v": meeting.version, "mode": "participant"}
    assert client.get(url, unchanged, headers=HX).status_code == 204

    with django_assert_num_queries(1):
        assert client.get(url, unchanged, headers=HX).status_code == 204

    services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    for _ in range(50):
        if live.broker.known_version(meeting.pk) == meeting.version + 1:
            break
        time.sleep(0.1)
    changed = client.get(url, unchanged, headers=HX)
    assert changed.status_code == 200
    assert f'data-version="{meeting.version + 1}"' in changed.content.decode()
    # Someone else is asked of the database, and refused.
    client.force_login(world.users["other_caseworker"])
    assert client.get(url, unchanged, headers=HX).status_code == 404
    connections.close_all()


def request_thread_holds_a_connection() -> bool:
    """Whether the thread the test client's requests do their sync work in has a database
    connection open (asgiref's one thread for it, outside a server)."""
    return connections["default"].connection is not None


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite's test database ignores close()"
)
def test_a_stream_whose_request_stamps_the_session_holds_no_database_connection(world):
    """The first request of a session stamps it, and the session is saved after the view, on
    the request thread's connection: the stream lets that connection go once it is open."""
    meeting = _planned(world)
    url = reverse("meetings:stream", args=[meeting.pk]) + "?mode=participant"
    seen: dict[str, object] = {}

    async def scenario():
        client = AsyncClient()
        await client.aforce_login(world.users["caseworker"])
        session = await client.asession()
        for key in (LOGIN_AT_KEY, ACTIVE_AT_KEY):
            await session.apop(key, None)
        await session.asave()
        response, events = await open_stream(client, url)
        await anext(events)
        seen["holds"] = await sync_to_async(request_thread_holds_a_connection)()
        seen["stamped"] = await (await client.asession()).aget(ACTIVE_AT_KEY)
        await response.streaming_content.aclose()
        await close_request_connections()

    run(scenario)
    assert seen["stamped"] is not None
    assert seen["holds"] is False
