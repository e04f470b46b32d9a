"""What learning visits add to a meeting (registered by VisitsConfig.ready): the three points of
each visit the leader put on its agenda, on its page and beside the phase in the room."""

from __future__ import annotations

from core.hooks import Contribution
from meetings.hooks import MeetingPage, RunnerView
from visits import selectors


def on_agenda(page: MeetingPage) -> Contribution | None:
    visits = selectors.visits_on_agenda(meeting=page.meeting)
    if not visits:
        return None
    return Contribution(
        templates={"agenda": "visits/_on_agenda.html"}, context={"agenda_visits": visits}
    )


def runner_points(view: RunnerView) -> Contribution | None:
    """For the facilitator's control view and "Følg møde", not the projector's big clock."""
    if view.mode == "projector":
        return None
    visits = selectors.visits_on_agenda(meeting=view.meeting)
    if not visits:
        return None
    return Contribution(
        templates={"aside": "visits/_runner_points.html"}, context={"agenda_visits": visits}
    )
