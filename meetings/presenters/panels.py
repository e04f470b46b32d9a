"""What the presenters add to a meeting's pages (registered by MeetingsConfig.ready): who
presents, in order and with stand-ins, on the meeting's page with the person's own brief; and
in the meeting room while colleagues present examples from their practice."""

from __future__ import annotations

from core.hooks import Contribution
from meetings.hooks import MeetingPage, RunnerView
from meetings.models import PhaseKind
from meetings.presenters import selectors
from meetings.presenters.access import can_assign_presenters, can_write_brief


def on_meeting_page(page: MeetingPage) -> Contribution | None:
    meeting = page.meeting
    if not meeting.has_presenters:
        return None
    presenters = selectors.presenters(meeting=meeting)
    own = next((presenter for presenter in presenters if presenter.user_id == page.user.pk), None)
    return Contribution(
        templates={"agenda": "meetings/presenters/_on_meeting.html"},
        context={
            "meeting_presenters": presenters,
            "own_presenter": own,
            "can_write_brief": own is not None and can_write_brief(page.user, own, meeting),
            "can_assign_presenters": can_assign_presenters(page.user, meeting),
        },
    )


def in_the_room(view: RunnerView) -> Contribution | None:
    """The same for every screen (meetings.screens renders it once for each kind of viewer)."""
    current = view.state.current
    if current is None or current.kind != PhaseKind.PRACTICE_EXAMPLES:
        return None
    return Contribution(
        templates={"phase": "meetings/presenters/_runner.html"},
        context={"meeting_presenters": selectors.presenters(meeting=view.meeting)},
    )
