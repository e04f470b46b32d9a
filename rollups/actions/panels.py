"""What follow-up actions add to lower apps' pages (registered by RollupsConfig.ready): in the
meeting room the opening review of open actions, "Udført"/"Flyt videre" in it and "Aftal
opfølgning" in the summary or check-out; on the learning overview the open actions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from core.hooks import Contribution
from core.http import posted_id
from learnings.overview.selectors import Overview
from meetings.hooks import RunnerAction, RunnerView
from meetings.minutes.document import FollowUp, Minutes
from meetings.models import Meeting, PhaseKind
from meetings.services import ActionRefused
from rollups.actions import selectors, services
from rollups.actions.due_dates import moved_on_due_date
from rollups.actions.forms import FollowUpForm
from rollups.models import ActionStatus, FollowUpAction
from teams.models import User

# The phases where a meeting agrees on follow-up: how and when.
FOLLOW_UP_PHASES = {PhaseKind.SUMMARY, PhaseKind.CHECK_OUT}


@dataclass(frozen=True)
class ReviewRow:
    """An action in the review, with the new due date "Flyt videre" proposes for it."""

    action: FollowUpAction
    move_on_date: date | None


def review_panel(view: RunnerView) -> Contribution | None:
    """The open actions, inside the review phase, on every screen; in the control view each
    open one with "Udført", and "Flyt videre" with a new due date proposed."""
    current = view.state.current
    if current is None or current.kind != PhaseKind.REVIEW:
        return None
    actions = selectors.review_actions(meeting=view.meeting)
    today = timezone.localdate()
    next_day = None
    if view.mode == "control" and any(a.status == ActionStatus.OPEN for a in actions):
        next_day = selectors.next_meeting_day(team_id=view.meeting.team_id, today=today)
    rows = [
        ReviewRow(
            action=action,
            move_on_date=moved_on_due_date(action.due_date, today=today, next_meeting_day=next_day)
            if view.mode == "control"
            else None,
        )
        for action in actions
    ]
    return Contribution(
        templates={"phase": "rollups/actions/_review.html"},
        context={"review_actions": actions, "review_rows": rows, "review_today": today},
    )


def follow_up_panel(view: RunnerView) -> Contribution | None:
    """ "Aftal opfølgning" among the facilitator's forms while the meeting sums up, with the
    follow-ups agreed so far."""
    current = view.state.current
    if view.mode != "control" or not view.is_live or current is None:
        return None
    if current.kind not in FOLLOW_UP_PHASES:
        return None
    return Contribution(
        templates={"work": "rollups/actions/_follow_up.html"},
        context={
            "follow_up_form": FollowUpForm(team=view.meeting.team),
            "agreed_follow_ups": selectors.agreed_at(meeting=view.meeting),
        },
    )


def _review(done: bool) -> RunnerAction:
    """ "Udført" and "Flyt videre" as controls of the runner's own form; moved on this way,
    the action gets the proposed due date (the control view's "Flyt videre" posts to
    rollups:review_move_on with the date chosen)."""

    def perform(meeting: Meeting, version: int, user: User, data: QueryDict) -> Meeting:
        action_id = posted_id(data.get("follow_up", ""))
        if action_id is None:
            raise ActionRefused(_("Vælg en opfølgning."))
        return services.action_review(
            meeting_id=meeting.pk, version=version, action_id=action_id, done=done
        )

    return RunnerAction(name="action_done" if done else "action_moved", perform=perform)


MARK_DONE = _review(done=True)
MOVE_ON = _review(done=False)


def minutes_part(minutes: Minutes) -> None:
    """The follow-up actions agreed at the meeting, in the minutes."""
    minutes.follow_up = [
        FollowUp(title=action.title, owner=action.owner.display_name, due_date=action.due_date)
        for action in selectors.agreed_at(meeting=minutes.meeting)
    ]


def overview_panel(overview: Overview) -> Contribution:
    """The team's open actions: a figure beside the learning's, and the list below."""
    return Contribution(
        templates={
            "figures": "rollups/actions/_overview_figure.html",
            "sections": "rollups/actions/_overview_section.html",
        },
        context={
            "open_actions": selectors.open_actions_of(team=overview.team, today=overview.today)
        },
    )
