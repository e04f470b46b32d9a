"""What the stream pushes to the projector and "Følg møde" screens when their meeting changes.

A change reaches hundreds of screens of one meeting at once. Had each of them fetched its state
(a request through the whole stack, then a render), the renders alone would take seconds on a
small server. So a change is rendered once per kind of viewer: the projector, and the
participants who see the same thing (members, the case owner, the observer, who runs the
meeting, whose hand is up, in their language). Every screen then gets its kind's HTML in the
event itself.

The process that made the change renders the kinds most screens are of (`ship`): the
projector and a member's "Følg møde" in the default language, and the screens of the people
with something of their own (the case's owner and observer, raised hands); it sends them with
the change (meetings.live), compressed. Each app-server process then builds its *edition* of
the change (`build`): it checks in one query each that the sessions of its open screens still
exist and that their people may still see the meeting, gives each screen its shipped kind, and
loads and renders the meeting itself only for screens of a kind that was not shipped (another
language, who runs the meeting, or when nothing could be shipped).

The facilitator's control view is not pushed: its state is theirs alone, and it keeps
fetching its state when told the version (meetings.views.runner_poll), as does any screen that
opened after its edition was built. Its session is checked with the others' all the same, so
every stream of a person deactivated or with a new password ends at the next change.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import translation

from meetings import access, live, selectors
from meetings.models import Meeting, MeetingStatus
from meetings.runner import own_part, people_with_own_part, render_pushed
from teams.access import remember_roles
from teams.models import User
from teams.sessions import signed_in_with

PUSHED_MODES = ("participant", "projector")
# An edition is kept this long after it was built, for the streams still on their way to it.
KEEP_SECONDS = 10.0
# How many participants `ship` asks before it gives up finding a plain member to render for
# (a meeting whose participants all run it or have something of their own).
MEMBERS_TO_ASK = 5
# The screens of people with something of their own that `ship` renders, at most (a long
# queue of raised hands renders no more than this; the rest render where they watch).
OWN_SCREENS_SHIPPED = 8


@dataclass(frozen=True, eq=False)
class Viewer:
    """An open projector, "Følg møde" or control screen, as known when its stream opened."""

    user: User
    session_key: str
    mode: str
    can_take_part: bool
    can_run: bool
    # A participant or who leads the meeting: who may check out once it has finished.
    takes_part: bool = False
    # The language to render in, when not the person's own (what `ship` renders for).
    speaks: str = ""

    @property
    def in_room(self) -> bool:
        """access.is_in_the_room, from what the viewer already knows (no query of its own)."""
        return self.can_take_part or self.takes_part

    @property
    def language(self) -> str:
        return self.speaks or self.user.language or translation.get_language() or "da"

    def shipped_as(self, *, finished: bool) -> str:
        """Which shipped screen is this viewer's, besides its person's own part: the
        projector's depends on the language alone; once the meeting has finished, whether the
        person took part too (their screen offers the check-out)."""
        if self.mode == "projector":
            return f"projector:{self.language}"
        kind = (
            f"{self.mode}:{self.language}:{self.can_take_part:d}:{self.can_run:d}:{self.in_room:d}"
        )
        return f"{kind}:{self.takes_part:d}" if finished else kind


def viewer_of(
    *, user_id: int, session_key: str, session_hash: object, meeting_id: int, mode: str | None
) -> Viewer | None:
    """The viewer of a stream that opens for `mode`; None when its session's person is no
    longer signed in as they were (deactivated, or a new password since) or the meeting has
    gone. The control view's viewer is checked with the others at each change, but gets only
    the version (it fetches its state itself)."""
    meeting = Meeting.objects.select_related("team").filter(pk=meeting_id).first()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if (
        meeting is None
        or user is None
        or not signed_in_with(session_hash=session_hash, password=user.password)
    ):
        return None
    if mode == "control":
        return Viewer(
            user=user, session_key=session_key, mode=mode, can_take_part=False, can_run=False
        )
    return Viewer(
        user=user,
        session_key=session_key,
        mode="projector" if mode == "projector" else "participant",
        can_take_part=access.can_take_part(user, meeting),
        can_run=access.can_run_meeting(user, meeting),
        takes_part=access.takes_part(user, meeting),
    )


type Kind = tuple[object, ...]


def kind_of(viewer: Viewer, meeting: Meeting, state: selectors.RunnerState) -> Kind:
    """What decides a screen's HTML besides the meeting: viewers of one kind see the same
    (meetings.runner.runner_context asks the same questions of its user)."""
    if viewer.mode == "projector":
        return ("projector", viewer.language)
    return (
        viewer.mode,
        viewer.language,
        viewer.can_take_part,
        viewer.can_run,
        viewer.in_room,
        meeting.status == MeetingStatus.FINISHED and viewer.takes_part,
        own_part(
            user=viewer.user,
            meeting=meeting,
            state=state,
            mode=viewer.mode,
            can_take_part=viewer.can_take_part,
        ),
    )


@dataclass
class Edition:
    """A meeting at one version, as pushed to this process's screens of it."""

    version: int | None
    # The event for each screen that was open when it was built.
    events: dict[Viewer, str] = field(default_factory=dict)
    # Screens whose session has ended or whose person may no longer see the meeting.
    refused: set[str] = field(default_factory=set)


def pushed_event(*, version: int, html: str, work: str | None) -> str:
    data = json.dumps({"version": version, "html": html, "work": work}, separators=(",", ":"))
    return f"event: state\ndata: {data}\n\n"


# What the process that made a change ships with it.


@dataclass(frozen=True)
class Shipped:
    """The screens rendered where the change was made, as their events: by Viewer.shipped_as
    for anyone without something of their own, and by person for those with it (`own`)."""

    version: int
    own: frozenset[int]
    plain: dict[str, str]
    personal: dict[tuple[int, str], str]
    finished: bool = False

    def event_for(self, viewer: Viewer) -> str | None:
        """The viewer's event, if its kind was shipped."""
        shipped_as = viewer.shipped_as(finished=self.finished)
        if viewer.mode == "participant" and viewer.user.pk in self.own:
            return self.personal.get((viewer.user.pk, shipped_as))
        return self.plain.get(shipped_as)

    def encode(self) -> str:
        data = {
            "version": self.version,
            "finished": self.finished,
            "own": sorted(self.own),
            "plain": self.plain,
            "personal": [[person, kind, event] for (person, kind), event in self.personal.items()],
        }
        packed = zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 9)
        return base64.b64encode(packed).decode("ascii")

    @classmethod
    def decode(cls, text: str) -> Shipped | None:
        """The edition as `encode` wrote it; None for anything else."""
        try:
            data = json.loads(zlib.decompress(base64.b64decode(text, validate=True)))
            return cls(
                version=int(data["version"]),
                finished=bool(data["finished"]),
                own=frozenset(int(person) for person in data["own"]),
                plain={str(kind): str(event) for kind, event in data["plain"].items()},
                personal={
                    (int(person), str(kind)): str(event)
                    for person, kind, event in data["personal"]
                },
            )
        except (binascii.Error, zlib.error, ValueError, TypeError, KeyError, AttributeError):
            return None


def _meeting(meeting_id: int) -> Meeting | None:
    return (
        Meeting.objects.select_related("team__organisation", "format", "facilitator")
        .filter(pk=meeting_id)
        .first()
    )


def _viewer_like(user: User, meeting: Meeting, mode: str, speaks: str = "") -> Viewer:
    remember_roles(user)
    return Viewer(
        user=user,
        session_key="",
        mode=mode,
        can_take_part=access.can_take_part(user, meeting),
        can_run=access.can_run_meeting(user, meeting),
        takes_part=access.takes_part(user, meeting),
        speaks=speaks,
    )


def _viewers_to_ship(meeting: Meeting, state: selectors.RunnerState) -> list[Viewer]:
    """Someone for each kind `ship` renders: the projector and a plain member in the default
    language, and the people with something of their own in theirs."""
    language = settings.LANGUAGE_CODE
    own = people_with_own_part(state)
    viewers = [_viewer_like(meeting.facilitator, meeting, "projector", speaks=language)]
    candidates = selectors.participants(meeting=meeting)
    asked = 0
    for person in candidates:
        if asked >= MEMBERS_TO_ASK:
            break
        if person.pk in own:
            continue
        asked += 1
        member = _viewer_like(person, meeting, "participant", speaks=language)
        if member.can_take_part and not member.can_run:
            viewers.append(member)
            break
    people = {person.pk: person for person in candidates}
    current = state.current
    item = current.agenda_item if current is not None else None
    if item is not None:
        for case_person in (item.owner, item.observer):
            if case_person is not None:
                people.setdefault(case_person.pk, case_person)
    for hand in state.hands:
        people.setdefault(hand.user_id, hand.user)
    for group in state.groups:
        for grouped in group.members.all():
            people.setdefault(grouped.user_id, grouped.user)
    for person_id in sorted(own)[:OWN_SCREENS_SHIPPED]:
        person = people[person_id]
        speaks = person.language or language
        viewers.append(_viewer_like(person, meeting, "participant", speaks=speaks))
    return viewers


def ship(*, meeting_id: int, version: int) -> str | None:
    """The edition of the meeting at `version` that the process that made the change sends
    with it (meetings.live), encoded to fit a NOTIFY; None when the meeting is gone or has
    moved on already (the later change ships its own). Screens of the people with something
    of their own go first when it is too large; without any screen, nothing is shipped."""
    meeting = _meeting(meeting_id)
    if meeting is None or meeting.version != version:
        return None
    state = selectors.runner_state(meeting=meeting)
    own = frozenset(people_with_own_part(state))
    finished = meeting.status == MeetingStatus.FINISHED
    plain: dict[str, str] = {}
    personal: dict[tuple[int, str], str] = {}
    rendered: dict[Kind, str] = {}
    for viewer in _viewers_to_ship(meeting, state):
        event = _rendered_for(viewer, meeting, state, rendered)
        if viewer.mode == "participant" and viewer.user.pk in own:
            personal[(viewer.user.pk, viewer.shipped_as(finished=finished))] = event
        else:
            plain[viewer.shipped_as(finished=finished)] = event
    while plain or personal:
        encoded = Shipped(
            version=version, own=own, plain=plain, personal=personal, finished=finished
        ).encode()
        if len(encoded) <= live.MAX_PAYLOAD_BYTES - 40:
            return encoded
        if personal:
            personal.pop(next(reversed(personal)))
        else:
            plain.pop(next(reversed(plain)))
    return None


# What each process does with a change.


def build(*, meeting_id: int, viewers: list[Viewer], shipped: str | None = None) -> Edition:
    """The meeting as it is now for each of `viewers`: their kind's screen from the `shipped`
    edition when it has it, else rendered here, once per kind. The connection goes back to the
    pool at once (Editions builds in a thread that keeps it)."""
    try:
        return _build(meeting_id=meeting_id, viewers=viewers, shipped=shipped)
    finally:
        live.release_connection()


def _build(*, meeting_id: int, viewers: list[Viewer], shipped: str | None) -> Edition:
    ready = Shipped.decode(shipped) if shipped is not None else None
    allowed, refused = _still_allowed(meeting_id, viewers)
    edition = Edition(version=ready.version if ready else None, refused=refused)
    rest = []
    for viewer in allowed:
        if viewer.mode not in PUSHED_MODES:
            # Checked, not pushed: event_for tells it the version.
            continue
        event = ready.event_for(viewer) if ready else None
        if event is None:
            rest.append(viewer)
        else:
            edition.events[viewer] = event
    if rest or ready is None:
        _render_here(meeting_id, rest, edition)
    return edition


def _still_allowed(meeting_id: int, viewers: list[Viewer]) -> tuple[list[Viewer], set[str]]:
    """The viewers still signed in, as the same person with the same password, who may see
    the meeting; and the session keys of the others. Two queries, whatever their number."""
    if not viewers:
        return [], set()
    signed_in = selectors.signed_in_sessions(
        session_keys={viewer.session_key for viewer in viewers}
    )
    seeing = selectors.people_who_see(
        meeting_id=meeting_id, user_ids={viewer.user.pk for viewer in viewers}
    )
    allowed, refused = [], set()
    for viewer in viewers:
        person = viewer.user.pk
        if person in seeing and signed_in.get(viewer.session_key) == (
            str(person),
            seeing[person],
        ):
            allowed.append(viewer)
        else:
            refused.add(viewer.session_key)
    return allowed, refused


def _render_here(meeting_id: int, viewers: list[Viewer], edition: Edition) -> None:
    """Load the meeting and render it for `viewers`, once per kind."""
    meeting = _meeting(meeting_id)
    if meeting is None:
        edition.refused |= {viewer.session_key for viewer in viewers}
        return
    if edition.version is None:
        edition.version = meeting.version
    if not viewers:
        return
    state = selectors.runner_state(meeting=meeting)
    rendered: dict[Kind, str] = {}
    for viewer in viewers:
        edition.events[viewer] = _rendered_for(viewer, meeting, state, rendered)


def _rendered_for(
    viewer: Viewer, meeting: Meeting, state: selectors.RunnerState, rendered: dict[Kind, str]
) -> str:
    """The viewer's event: rendered once per kind, `rendered` holding those made already."""
    kind = kind_of(viewer, meeting, state)
    if kind not in rendered:
        with translation.override(viewer.language):
            html, work = render_pushed(
                user=viewer.user, meeting=meeting, state=state, mode=viewer.mode
            )
        rendered[kind] = pushed_event(version=meeting.version, html=html, work=work)
    return rendered[kind]


class Editions:
    """The editions being built or just built in this process, shared by the streams of their
    meeting, so that a change is loaded and rendered once however many screens are open.

    They are built one after the other in a thread of their own, which keeps one database
    connection of the pool for good: in a burst of changes the requests that make them take
    every other connection, and the screens' checks must not queue behind them. Under the GIL
    more threads would not build them sooner."""

    def __init__(self) -> None:
        self._tasks: dict[tuple[int, int, int], asyncio.Future[Edition]] = {}
        self._builder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="meeting-editions")

    async def get(self, *, meeting_id: int, version: int) -> Edition:
        loop = asyncio.get_running_loop()
        key = (id(loop), meeting_id, version)
        task = self._tasks.get(key)
        if task is None:
            viewers = [
                subscriber.viewer
                for subscriber in live.broker.subscribers_of(meeting_id)
                if isinstance(subscriber.viewer, Viewer)
            ]
            task = loop.run_in_executor(
                self._builder,
                partial(
                    _build_again_if_the_connection_broke,
                    meeting_id=meeting_id,
                    viewers=viewers,
                    shipped=live.broker.shipped(meeting_id, version),
                ),
            )
            self._tasks[key] = task
            task.add_done_callback(
                lambda _task: loop.call_later(KEEP_SECONDS, self._tasks.pop, key, None)
            )
        return await task

    def release(self) -> None:
        """Give the builder's connection back (the test suite, before it drops its database)."""
        self._builder.submit(live.release_connection).result(timeout=10)


def _build_again_if_the_connection_broke(
    *, meeting_id: int, viewers: list[Viewer], shipped: str | None
) -> Edition:
    try:
        return _build(meeting_id=meeting_id, viewers=viewers, shipped=shipped)
    except (InterfaceError, OperationalError):
        # The connection kept since the last build broke meanwhile: once more, on a new one.
        live.release_connection()
        return _build(meeting_id=meeting_id, viewers=viewers, shipped=shipped)


editions = Editions()
live.broker.on_stop(editions.release)


async def event_for(viewer: Viewer, *, meeting_id: int, version: int) -> str | None:
    """The event that brings `version` to the viewer's screen; None when the stream must end
    (the session has ended, the meeting is gone or no longer theirs to see)."""
    if version == live.ANYTHING:
        return live.event(version)
    edition = await editions.get(meeting_id=meeting_id, version=version)
    if viewer.session_key in edition.refused:
        return None
    pushed = edition.events.get(viewer)
    if pushed is None:
        # The control view, or a screen opened after the edition was built: the screen
        # fetches its state itself.
        return live.event(edition.version if edition.version is not None else version)
    return pushed
