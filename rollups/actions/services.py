"""Writes for follow-up actions ("opfølgninger"): agreed by hand or at a meeting, marked done
or reopened, and reviewed at the opening of the team's next meeting."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import limits
from learnings.models import Decision, PointStatus
from meetings import services as meeting_services
from meetings.models import Meeting, PhaseKind
from rollups.actions import selectors
from rollups.actions.due_dates import moved_on_due_date
from rollups.models import ActionStatus, FollowUpAction, RollupItem
from rollups.services import RollupRefused
from teams.access import is_member
from teams.models import Team, User


@transaction.atomic
def action_create(
    *,
    team: Team,
    user: User,
    title: str,
    owner: User,
    due_date: date,
    meeting: Meeting | None = None,
) -> FollowUpAction:
    """A follow-up action agreed at the end of a meeting or written by hand."""
    title = title.strip()
    if not title:
        raise RollupRefused(_("Skriv, hvad der skal følges op på."))
    limits.check_lengths([(title, limits.ACTION)], refused=RollupRefused)
    if not is_member(owner, team):
        raise RollupRefused(_("Den ansvarlige skal være med i teamet."))
    if meeting is not None and meeting.team_id != team.pk:
        raise RollupRefused(_("Mødet hører ikke til teamet."))
    return FollowUpAction.objects.create(
        team=team,
        title=title,
        owner=owner,
        due_date=due_date,
        meeting=meeting,
        created_by=user,
    )


def _lock_action(action: FollowUpAction) -> FollowUpAction:
    # The rollup item is locked first, so that two actions of one item marked done at the same
    # time cannot both think the other is still open.
    if action.rollup_item_id is not None:
        RollupItem.objects.select_for_update().filter(pk=action.rollup_item_id).first()
    return (
        FollowUpAction.objects.select_for_update(of=("self",))
        .select_related("rollup_item")
        .get(pk=action.pk)
    )


@transaction.atomic
def action_mark_done(*, action: FollowUpAction) -> FollowUpAction:
    """Done. When every action of a "change practice" decision is done, so are its points."""
    action = _lock_action(action)
    if action.status == ActionStatus.DONE:
        return action
    action.status = ActionStatus.DONE
    action.done_at = timezone.now()
    action.save(update_fields=["status", "done_at"])
    item = action.rollup_item
    if (
        item is not None
        and item.decision == Decision.CHANGE
        and not item.actions.filter(status=ActionStatus.OPEN).exists()
    ):
        item.learning_points.filter(status=PointStatus.DECIDED).update(
            status=PointStatus.DONE, updated_at=timezone.now()
        )
    return action


@transaction.atomic
def action_reopen(*, action: FollowUpAction) -> FollowUpAction:
    """Open again; the points of its decision are then no longer done."""
    action = _lock_action(action)
    if action.status == ActionStatus.OPEN:
        return action
    action.status = ActionStatus.OPEN
    action.done_at = None
    action.save(update_fields=["status", "done_at"])
    item = action.rollup_item
    if item is not None and item.decision == Decision.CHANGE:
        item.learning_points.filter(status=PointStatus.DONE).update(
            status=PointStatus.DECIDED, updated_at=timezone.now()
        )
    return action


@transaction.atomic
def follow_up_agree(
    *, meeting: Meeting, user: User, title: str, owner: User, due_date: date
) -> FollowUpAction:
    """ "Aftal opfølgning" during a meeting: the action, and every screen told of it."""
    action = action_create(
        team=meeting.team, user=user, title=title, owner=owner, due_date=due_date, meeting=meeting
    )
    meeting_services.bump_version(meeting=meeting)
    return action


def action_review(
    *, meeting_id: int, version: int, action_id: int, done: bool, due_date: date | None = None
) -> Meeting:
    """In a meeting's opening review: an open action is done, or moves on, with a new due
    date: `due_date`, or by default the team's next meeting after today (14 days from today
    when none is planned), never earlier than it was due. Applied under the meeting's
    version lock, like every control of the runner."""

    def change(meeting: Meeting, now: datetime) -> None:
        meeting_services.require_running(meeting)
        if meeting_services.current_step(meeting).kind != PhaseKind.REVIEW:
            raise meeting_services.ActionRefused(
                _("Opfølgninger gennemgås i mødets første punkt.")
            )
        action = (
            FollowUpAction.objects.open().filter(pk=action_id, team_id=meeting.team_id).first()
        )
        if action is None:
            raise meeting_services.ActionRefused(_("Opfølgningen er allerede behandlet."))
        if done:
            action_mark_done(action=action)
            return
        today = timezone.localdate(now)
        if due_date is None:
            action.due_date = moved_on_due_date(
                action.due_date,
                today=today,
                next_meeting_day=selectors.next_meeting_day(team_id=meeting.team_id, today=today),
            )
        elif due_date < today:
            raise meeting_services.ActionRefused(_("Den nye frist kan ikke ligge før i dag."))
        else:
            action.due_date = due_date
        action.last_reviewed_at = now
        action.save(update_fields=["due_date", "last_reviewed_at"])

    return meeting_services.meeting_change(meeting_id=meeting_id, version=version, change=change)
