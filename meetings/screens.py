"""What the stream pushes to the projector and "Følg møde" screens when their meeting changes.

A change reaches hundreds of screens of one meeting at once. Had each of them fetched its state
(a request through the whole stack, then a render), the renders alone would take seconds on a
small server. So each app-server process builds one *edition* per meeting and version: it loads
the meeting and its state once, checks in one query each that the sessions of its open screens
still exist and that their people may still see the meeting, and renders the screen once per
kind of viewer: the projector, and the participants who see the same thing (members, the case
owner, the observer, who runs the meeting, whose hand is up, in their language). Every screen
then gets its kind's HTML in the event itself.

The facilitator's control view is not pushed: its state is theirs alone, and it keeps
fetching its state when told the version (meetings.views.runner_poll), as does any screen that
opened after its edition was built.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field

from asgiref.sync import sync_to_async
from django.utils import translation

from meetings import access, live, selectors
from meetings.models import Meeting
from meetings.runner import own_part, render_pushed
from teams.models import User

PUSHED_MODES = ("participant", "projector")
# An edition is kept this long after it was built, for the streams still on their way to it.
KEEP_SECONDS = 10.0


@dataclass(frozen=True, eq=False)
class Viewer:
    """An open projector or "Følg møde" screen, as known when its stream opened."""

    user: User
    session_key: str
    mode: str
    can_take_part: bool
    can_run: bool

    @property
    def language(self) -> str:
        return self.user.language or translation.get_language() or "da"


def viewer_of(
    *, user_id: int, session_key: str, meeting_id: int, mode: str | None
) -> Viewer | None:
    """The viewer of a stream that opens for `mode`; None for the control view (or a meeting
    that has gone meanwhile), whose stream tells only versions."""
    if mode == "control":
        return None
    meeting = Meeting.objects.select_related("team").filter(pk=meeting_id).first()
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if meeting is None or user is None:
        return None
    return Viewer(
        user=user,
        session_key=session_key,
        mode="projector" if mode == "projector" else "participant",
        can_take_part=access.can_take_part(user, meeting),
        can_run=access.can_run_meeting(user, meeting),
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


def build(*, meeting_id: int, viewers: list[Viewer]) -> Edition:
    """The meeting as it is now, rendered once per kind of its `viewers`."""
    try:
        meeting = (
            Meeting.objects.select_related("team__organisation", "format", "facilitator")
            .filter(pk=meeting_id)
            .first()
        )
        if meeting is None:
            return Edition(version=None, refused={viewer.session_key for viewer in viewers})
        state = selectors.runner_state(meeting=meeting)
        signed_in = selectors.signed_in_sessions(
            session_keys={viewer.session_key for viewer in viewers}
        )
        seeing = selectors.people_who_see(
            meeting=meeting, user_ids={viewer.user.pk for viewer in viewers}
        )
        edition = Edition(version=meeting.version)
        rendered: dict[Kind, str] = {}
        for viewer in viewers:
            # Signed in still, as the same person with the same password, who may see it.
            person = viewer.user.pk
            if person not in seeing or signed_in.get(viewer.session_key) != (
                str(person),
                seeing[person],
            ):
                edition.refused.add(viewer.session_key)
                continue
            kind = kind_of(viewer, meeting, state)
            if kind not in rendered:
                with translation.override(viewer.language):
                    html, work = render_pushed(
                        user=viewer.user, meeting=meeting, state=state, mode=viewer.mode
                    )
                rendered[kind] = pushed_event(version=meeting.version, html=html, work=work)
            edition.events[viewer] = rendered[kind]
        return edition
    finally:
        # Built in a thread of the process's pool: its connection goes back at once.
        live.release_connection()


class Editions:
    """The editions being built or just built in this process, shared by the streams of their
    meeting, so that a change is loaded and rendered once however many screens are open."""

    def __init__(self) -> None:
        self._tasks: dict[tuple[int, int, int], asyncio.Task[Edition]] = {}

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
            task = loop.create_task(
                sync_to_async(build, thread_sensitive=False)(
                    meeting_id=meeting_id, viewers=viewers
                )
            )
            self._tasks[key] = task
            task.add_done_callback(
                lambda _task: loop.call_later(KEEP_SECONDS, self._tasks.pop, key, None)
            )
        return await task


editions = Editions()


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
        # Opened after the edition was built: the screen fetches its state itself.
        return live.event(edition.version if edition.version is not None else version)
    return pushed
