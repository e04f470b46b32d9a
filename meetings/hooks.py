"""What higher layers add to meetings (see core.hooks); each registers from its AppConfig.ready().

- review_items: how many open items (follow-up actions) a meeting's opening review has; the
  review step is put first when the sum is above zero.
- meeting_finished: called in the transaction that finishes a meeting.
- minutes_parts: each fills its part of a meeting's minutes (learning points, summaries).
- runner_panels: templates and context added to the runner's regions: "phase" (inside the
  current phase), "control" (below the facilitator's controls), "entries" (a participant's
  forms) and "aside" (beside the phase).
- runner_actions: more controls for the facilitator's "handling" form, under the version lock.
- meeting_page: what the meeting's own page shows of what came of it ("after"), and what else
  is on its agenda besides the cases ("agenda").
- step_entered: called in the transaction that makes a step of a running meeting current
  (start, next and previous phase), e.g. to record that the screens now show its case.
- cancel_refusals: why a planned meeting cannot be cancelled yet (cases waiting for it, a
  theme chosen for it), in words for its planner; None when nothing of the app's waits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import QueryDict

from core.hooks import Contributor, Hook
from meetings.minutes.document import Minutes
from meetings.models import Meeting, MeetingGuest, Step
from meetings.selectors import RunnerState
from teams.access import AnyUser
from teams.models import User


@dataclass(frozen=True)
class GuestLink:
    """A guest's screen (meetings/guests): the guest, and their link's token, which the
    addresses of the screen's forms carry."""

    guest: MeetingGuest
    token: str


@dataclass(frozen=True)
class RunnerView:
    """One screen of a meeting (meetings.runner), as the panels of higher apps see it; `guest`
    on a guest's screen, where nobody is signed in."""

    user: AnyUser
    meeting: Meeting
    state: RunnerState
    mode: str
    guest: GuestLink | None = None

    @property
    def is_live(self) -> bool:
        """The meeting is running and at a phase: entries can be written."""
        return self.state.current is not None and self.meeting.is_running


@dataclass(frozen=True)
class MeetingPage:
    """The meeting's page as a contributor sees it."""

    user: AnyUser
    meeting: Meeting


@dataclass(frozen=True)
class RunnerAction:
    """A control posted as `action=<name>` with the state version it was based on; `perform`
    applies it (through services.meeting_change) or raises ActionRefused."""

    name: str
    perform: Callable[[Meeting, int, User, QueryDict], Meeting]


review_items: Hook[Callable[[Meeting], int]] = Hook("meetings.review_items")
meeting_finished: Hook[Callable[[Meeting], None]] = Hook("meetings.meeting_finished")
minutes_parts: Hook[Callable[[Minutes], None]] = Hook("meetings.minutes_parts")
runner_panels: Hook[Contributor[RunnerView]] = Hook("meetings.runner_panels")
runner_actions: Hook[RunnerAction] = Hook("meetings.runner_actions")
meeting_page: Hook[Contributor[MeetingPage]] = Hook("meetings.meeting_page")
step_entered: Hook[Callable[[Meeting, Step], None]] = Hook("meetings.step_entered")
cancel_refusals: Hook[Callable[[Meeting], str | None]] = Hook("meetings.cancel_refusals")
