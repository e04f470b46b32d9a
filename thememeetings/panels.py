"""What theme learning meetings add to lower apps' pages (registered by ThemeMeetingsConfig
.ready): the answers form in the meeting room's learning round, and on the meeting's page the
theme it was chosen for and who is invited from outside."""

from __future__ import annotations

from core.hooks import Contribution
from meetings.hooks import MeetingPage, RunnerView
from thememeetings import access, rounds
from thememeetings.forms import RoundAnswerForm
from thememeetings.models import Theme


def round_answers(view: RunnerView) -> Contribution | None:
    """The two questions of the learning round, on "Følg møde" while it is the current phase
    of a theme meeting, to those who answer in it (a screen's kind says whether its viewer is
    in the room: meetings.screens)."""
    current = view.state.current
    if view.mode != "participant" or not view.is_live:
        return None
    if not access.can_answer_round(view.user, view.meeting):
        return None
    if not rounds.is_learning_round(current, view.state.steps):
        return None
    if not Theme.objects.filter(meeting=view.meeting).exists():
        return None
    return Contribution(
        templates={"work": "thememeetings/runner/_round_answers.html"},
        context={"round_answer_form": RoundAnswerForm()},
    )


def theme_of_meeting(page: MeetingPage) -> Contribution | None:
    """On a theme meeting's page: its theme and a link to the product and follow-up."""
    theme = (
        Theme.objects.filter(meeting=page.meeting)
        .prefetch_related("external_guests")
        .only("pk", "title", "organisation_id")
        .first()
    )
    if theme is None:
        return None
    return Contribution(
        templates={"agenda": "thememeetings/_meeting_theme.html"}, context={"meeting_theme": theme}
    )
