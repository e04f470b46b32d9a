"""Telling every screen that a meeting changed: the push behind the meeting room.

A write that changes a meeting calls `announce` inside its transaction. When the transaction
commits (never when it rolls back), the process that made the change renders the new state once
for the common kinds of screen (meetings.screens.ship: its *edition*) and sends it with the
change. On PostgreSQL that is a NOTIFY, which PostgreSQL delivers to every listening app-server
process; so any number of stateless app servers on one PostgreSQL see every change, and none of
them renders what the writer has rendered already. The NOTIFY goes right after the commit
rather than inside the transaction (the edition is rendered from what was committed): a process
that dies between the two loses that change's push, and its screens show it with the next one.
On SQLite (one process: `make run`) the change is handed to this process's broker.

Each process has one Broker. It keeps one LISTEN connection (PostgreSQL, in a thread of its
own, started by the first stream) and fans every change out to the streams of that meeting
connected to this process: a stream only ever needs the latest version, so each holds at most
one waiting value. What a stream sends for a version is its caller's: the projector and
participant screens get the state itself (meetings.screens), the control view the version, and
then fetches its state (meetings.views.runner_poll).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from functools import partial

import psycopg
from asgiref.sync import sync_to_async
from django.db import DEFAULT_DB_ALIAS, connections, transaction

logger = logging.getLogger(__name__)

CHANNEL = "teamlaering_meetings"
# "Something may have changed": sent when the listener (re)connects, since a change may have
# been missed meanwhile; the screen then asks for the state with its own version.
ANYTHING = -1
# A comment line keeps the stream open through proxies that close idle connections.
KEEPALIVE_SECONDS = 15.0
# A stream ends after this long and the browser opens a new one: the permission check is
# then made again, and no connection lives for ever.
STREAM_SECONDS = 30 * 60
RECONNECT_SECONDS = 1.0
# The meetings whose version a process keeps in mind for the poll, at most (running meetings
# are far fewer; past that, it starts again).
MAX_KNOWN_VERSIONS = 10_000
# How often the listener looks up from its notifications to see whether it should stop.
STOP_CHECK_SECONDS = 1.0
# PostgreSQL refuses a NOTIFY payload of 8,000 bytes or more; an edition that does not fit
# stays behind (each process then renders the state itself).
MAX_PAYLOAD_BYTES = 7_999


def release_connection() -> None:
    """Close this thread's database connection, unless a transaction is open on it (a test's):
    a stream's request thread would otherwise keep it for the stream's whole life."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.connection is not None and not connection.in_atomic_block:
        connection.close()


def announce(*, meeting_id: int, version: int) -> None:
    """Tell every screen of the meeting about `version`, once the transaction commits."""
    transaction.on_commit(partial(_committed, meeting_id, version))


def _committed(meeting_id: int, version: int) -> None:
    """The change is in: render its edition (in the committing request, before its answer),
    then send both. Rendering must never cost the write its answer: without an edition each
    process renders the state itself, as it does for screens the edition does not cover."""
    # meetings.screens renders with the runner, which imports this module.
    from meetings import screens

    try:
        edition = screens.ship(meeting_id=meeting_id, version=version)
    except Exception:
        logger.exception("Could not render meeting %s at version %s to ship", meeting_id, version)
        edition = None
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        broker.publish(meeting_id, version, edition)
        return
    payload = f"{meeting_id}:{version}"
    if edition is not None and len(f"{payload}:{edition}".encode()) <= MAX_PAYLOAD_BYTES:
        payload = f"{payload}:{edition}"
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_notify(%s, %s)", [CHANNEL, payload])


@dataclass(eq=False)
class Subscriber:
    """One open stream: the event loop it runs in, the latest version waiting for it, and who
    watches (what its caller needs to know to answer a version; opaque here)."""

    meeting_id: int
    loop: asyncio.AbstractEventLoop
    viewer: object = None
    queue: asyncio.Queue[int] = field(default_factory=lambda: asyncio.Queue(maxsize=1))

    def offer(self, version: int) -> None:
        """Called in the subscriber's loop: keep only the newest version."""
        if self.queue.full():
            waiting = self.queue.get_nowait()
            if version != ANYTHING and waiting > version:
                version = waiting
        self.queue.put_nowait(version)


class Broker:
    """This process's streams by meeting, and the one LISTEN connection that feeds them."""

    def __init__(self, *, listen: bool = True) -> None:
        # listen=False: fan out only what this process publishes (the tests of fan-out).
        self._listen_to_database = listen
        self._lock = threading.Lock()
        self._streams: dict[int, set[Subscriber]] = {}
        self._listener: threading.Thread | None = None
        # Set while this process's LISTEN is in place (PostgreSQL).
        self.listening = threading.Event()
        self._stopping = threading.Event()
        # The latest version of each meeting this process has heard of while listening: the
        # fallback poll's answer without a query (cleared whenever the LISTEN was lost).
        self._versions: dict[int, int] = {}
        self._generation = 0
        # The edition shipped with the latest change of each meeting: (version, edition).
        self._editions: dict[int, tuple[int, str]] = {}
        self._on_stop: list[Callable[[], None]] = []

    def subscribe(self, meeting_id: int, viewer: object = None) -> Subscriber:
        subscriber = Subscriber(
            meeting_id=meeting_id, loop=asyncio.get_running_loop(), viewer=viewer
        )
        with self._lock:
            self._streams.setdefault(meeting_id, set()).add(subscriber)
        self.ensure_listening()
        return subscriber

    def unsubscribe(self, subscriber: Subscriber) -> None:
        with self._lock:
            streams = self._streams.get(subscriber.meeting_id, set())
            streams.discard(subscriber)
            if not streams:
                self._streams.pop(subscriber.meeting_id, None)

    def subscribers_of(self, meeting_id: int) -> list[Subscriber]:
        with self._lock:
            return list(self._streams.get(meeting_id, ()))

    def stream_count(self) -> int:
        with self._lock:
            return sum(len(streams) for streams in self._streams.values())

    def known_version(self, meeting_id: int) -> int | None:
        """The meeting's version now, if this process has listened since it learnt it."""
        if not self.listening.is_set():
            return None
        with self._lock:
            return self._versions.get(meeting_id)

    def listen_generation(self) -> int | None:
        """Taken before reading a version from the database, for `remember`: None while not
        listening."""
        return self._generation if self.listening.is_set() else None

    def remember(self, meeting_id: int, version: int, generation: int | None) -> None:
        """A version read from the database, kept if the LISTEN has held since before it was
        read (else a change between the read and the LISTEN would be missed). Versions only
        grow, so a notification heard meanwhile is not undone."""
        with self._lock:
            if generation is None or generation != self._generation:
                return
            if len(self._versions) >= MAX_KNOWN_VERSIONS:
                self._versions.clear()
            self._versions[meeting_id] = max(version, self._versions.get(meeting_id, version))

    def _forget_versions(self) -> None:
        with self._lock:
            self._versions.clear()
            self._editions.clear()
            self._generation += 1

    def publish(self, meeting_id: int, version: int, edition: str | None = None) -> None:
        """Hand `version` to every stream of the meeting in this process (any thread), with
        the edition its writer shipped (`shipped`). A version older than one heard already
        (two writers' notifications cross) is dropped: screens only ever move forward."""
        with self._lock:
            if version != ANYTHING:
                if version < self._versions.get(meeting_id, version):
                    return
                if len(self._versions) >= MAX_KNOWN_VERSIONS:
                    self._versions.clear()
                    self._editions.clear()
                self._versions[meeting_id] = version
                if edition is None:
                    self._editions.pop(meeting_id, None)
                else:
                    self._editions[meeting_id] = (version, edition)
            subscribers = list(self._streams.get(meeting_id, ()))
        self._deliver(subscribers, version)

    def shipped(self, meeting_id: int, version: int) -> str | None:
        """The edition shipped with the meeting's change to `version`, if it came with one."""
        with self._lock:
            latest = self._editions.get(meeting_id)
        return latest[1] if latest is not None and latest[0] == version else None

    def publish_to_all(self, version: int) -> None:
        with self._lock:
            subscribers = [s for streams in self._streams.values() for s in streams]
        self._deliver(subscribers, version)

    def _deliver(self, subscribers: list[Subscriber], version: int) -> None:
        for subscriber in subscribers:
            # A closed loop means the stream is gone; it unsubscribes itself.
            with contextlib.suppress(RuntimeError):
                subscriber.loop.call_soon_threadsafe(subscriber.offer, version)

    def ensure_listening(self) -> None:
        if not self._listen_to_database or connections[DEFAULT_DB_ALIAS].vendor != "postgresql":
            return
        with self._lock:
            if self._listener is not None and self._listener.is_alive():
                return
            params = _listen_params()
            self._listener = threading.Thread(
                target=self._listen, args=(params,), name="meeting-listener", daemon=True
            )
            self._listener.start()

    def on_stop(self, release: Callable[[], None]) -> None:
        """Have `stop` call `release` too: what else keeps a connection for the streams."""
        self._on_stop.append(release)

    def stop(self) -> None:
        """End the LISTEN and its connection, and whatever else keeps a connection for the
        streams (the test suite, before it drops its database)."""
        for release in self._on_stop:
            release()
        self._stopping.set()
        listener = self._listener
        if listener is not None:
            listener.join(timeout=5)
        self._listener = None
        self.listening.clear()
        self._forget_versions()
        self._stopping.clear()

    def _listen(self, params: dict[str, object]) -> None:
        """LISTEN for the process's lifetime, reconnecting after a lost connection."""
        while not self._stopping.is_set():
            try:
                # The parameters are Django's settings, typed loosely; psycopg checks them.
                with psycopg.connect(**params, autocommit=True) as connection:  # type: ignore[arg-type]
                    connection.execute(f"LISTEN {CHANNEL}")
                    self._forget_versions()
                    self.listening.set()
                    # Whatever changed while nobody listened: every screen asks for its state.
                    self.publish_to_all(ANYTHING)
                    while not self._stopping.is_set():
                        for notification in connection.notifies(timeout=STOP_CHECK_SECONDS):
                            meeting_id, _sep, rest = notification.payload.partition(":")
                            version, _sep, edition = rest.partition(":")
                            if meeting_id.isdigit() and version.isdigit():
                                self.publish(int(meeting_id), int(version), edition or None)
            except (psycopg.Error, OSError) as error:
                self.listening.clear()
                self._forget_versions()
                logger.warning("Lost the meeting notifications' connection: %s", error)
                time.sleep(RECONNECT_SECONDS)


# Options of Django's PostgreSQL backend that are not psycopg's.
DJANGO_ONLY_OPTIONS = {"pool", "server_side_binding", "isolation_level", "assume_role"}
CONNECTION_SETTINGS = (
    ("USER", "user"),
    ("PASSWORD", "password"),
    ("HOST", "host"),
    ("PORT", "port"),
)


def _listen_params() -> dict[str, object]:
    """How to connect to the default database, as Django itself does."""
    settings = connections[DEFAULT_DB_ALIAS].settings_dict
    params: dict[str, object] = {"dbname": settings["NAME"]}
    for key, name in CONNECTION_SETTINGS:
        if settings.get(key):
            params[name] = settings[key]
    options = {
        k: v for k, v in settings.get("OPTIONS", {}).items() if k not in DJANGO_ONLY_OPTIONS
    }
    return {**options, **params}


broker = Broker()


def event(version: int) -> str:
    return f"event: version\ndata: {version}\n\n"


# The screen's session has ended, or the meeting is no longer its to see: the page reloads.
GONE = "event: gone\ndata: \n\n"


type Describe = Callable[[int], Awaitable[str | None]]


async def version_only(version: int) -> str:
    return event(version)


async def stream(
    *, meeting_id: int, version: int, viewer: object = None, describe: Describe = version_only
) -> AsyncIterator[str]:
    """The meeting's changes as Server-Sent Events: the current version first, then what
    `describe` makes of each new one (by default the version), until it answers None; a
    comment every KEEPALIVE_SECONDS; closed after STREAM_SECONDS."""
    subscriber = broker.subscribe(meeting_id, viewer)
    ends_at = time.monotonic() + STREAM_SECONDS
    try:
        # The session middleware has saved a session the request changed (its first request
        # stamps it) after the view, on the request thread's connection: let that go, or it
        # stays taken from the pool for the stream's whole life.
        await sync_to_async(release_connection)()
        yield f"retry: 2000\n{event(version)}"
        while (left := ends_at - time.monotonic()) > 0:
            try:
                latest = await asyncio.wait_for(
                    subscriber.queue.get(), timeout=min(KEEPALIVE_SECONDS, left)
                )
            except TimeoutError:
                yield ": keep-alive\n\n"
                continue
            described = await describe(latest)
            if described is None:
                yield GONE
                return
            yield described
    finally:
        broker.unsubscribe(subscriber)
