"""Reads for follow-up actions: a person's own, a team's, and those a meeting reviews."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet, Value
from django.utils import timezone

from core.http import posted_id
from meetings.models import Meeting, MeetingStatus
from rollups.models import ActionStatus, FollowUpAction
from teams.access import AnyUser
from teams.models import Team, User

# The open actions listed on the learning overview; the count above the list is always the
# full count.
OPEN_ACTIONS_SHOWN = 100

# The largest id a posted number can be (the primary keys are 64-bit).


def _with_overdue(actions: QuerySet[FollowUpAction], today: date) -> QuerySet[FollowUpAction]:
    return actions.annotate(
        is_overdue=ExpressionWrapper(
            Q(status=ActionStatus.OPEN, due_date__lt=Value(today)), output_field=BooleanField()
        )
    )


def open_actions_for(*, user: AnyUser, today: date | None = None) -> QuerySet[FollowUpAction]:
    """The person's own open actions, the earliest due first, each with `is_overdue`."""
    if not user.is_authenticated:
        return FollowUpAction.objects.none()
    today = today or timezone.localdate()
    return _with_overdue(
        FollowUpAction.objects.open()
        .filter(owner=user)
        .select_related("team", "meeting", "rollup_item__rollup"),
        today,
    ).order_by("due_date", "id")


def actions_for(*, user: User, today: date | None = None) -> QuerySet[FollowUpAction]:
    """All the person's own actions, open first."""
    today = today or timezone.localdate()
    return _with_overdue(
        FollowUpAction.objects.filter(owner=user).select_related(
            "team", "meeting", "rollup_item__rollup"
        ),
        today,
    ).order_by("status", "due_date", "id")


def team_actions(*, teams: list[Team], today: date | None = None) -> QuerySet[FollowUpAction]:
    """Every action of the teams, for their leaders and coordinators."""
    today = today or timezone.localdate()
    return _with_overdue(
        FollowUpAction.objects.filter(team__in=teams).select_related(
            "team", "owner", "meeting", "rollup_item__rollup"
        ),
        today,
    ).order_by("team__name", "status", "due_date", "id")


def visible_team(*, user: AnyUser, team_id: str) -> Team | None:
    """One of the user's teams from a posted id (anything else: None)."""
    pk = posted_id(team_id)
    if pk is None:
        return None
    return Team.objects.visible_to(user).filter(pk=pk).first()


def agreed_at(*, meeting: Meeting) -> list[FollowUpAction]:
    """The follow-up actions agreed at the meeting, in the order they were agreed."""
    return list(
        FollowUpAction.objects.filter(meeting=meeting).select_related("owner").order_by("id")
    )


def review_actions(*, meeting: Meeting) -> list[FollowUpAction]:
    """The open actions from before the meeting, and those this meeting has marked done."""
    started = meeting.started_at or meeting.starts_at
    return list(
        FollowUpAction.objects.filter(team_id=meeting.team_id, created_at__lt=meeting.starts_at)
        .exclude(meeting=meeting)
        .filter(Q(status=ActionStatus.OPEN) | Q(done_at__gte=started))
        .select_related("owner")
        .order_by("due_date", "id")
    )


def next_meeting_day(*, team_id: int, today: date) -> date | None:
    """The day of the team's next planned meeting after today, in local time."""
    tomorrow = datetime.combine(
        today + timedelta(days=1), time.min, tzinfo=timezone.get_current_timezone()
    )
    meeting = (
        Meeting.objects.filter(team=team_id, status=MeetingStatus.PLANNED, starts_at__gte=tomorrow)
        .order_by("starts_at")
        .only("starts_at")
        .first()
    )
    return timezone.localdate(meeting.starts_at) if meeting is not None else None


def open_for_review(meeting: Meeting) -> int:
    """How many open actions from before the meeting its opening review goes through."""
    return (
        FollowUpAction.objects.open()
        .filter(team=meeting.team_id, created_at__lt=meeting.starts_at)
        .exclude(meeting=meeting)
        .count()
    )


@dataclass(frozen=True)
class OpenAction:
    action: FollowUpAction
    is_overdue: bool


@dataclass(frozen=True)
class OpenActions:
    """A team's open actions for its learning overview."""

    count: int
    overdue: int
    shown: list[OpenAction]  # at most OPEN_ACTIONS_SHOWN, the earliest due first

    @property
    def more(self) -> int:
        return self.count - len(self.shown)


def open_actions_of(*, team: Team, today: date) -> OpenActions:
    """The team's open actions: two queries, however many there are."""
    actions = FollowUpAction.objects.open().filter(team=team)
    counts = actions.aggregate(open=Count("id"), overdue=Count("id", filter=Q(due_date__lt=today)))
    shown = actions.select_related("owner").order_by("due_date", "id")[:OPEN_ACTIONS_SHOWN]
    return OpenActions(
        count=counts["open"],
        overdue=counts["overdue"],
        shown=[OpenAction(action=action, is_overdue=action.due_date < today) for action in shown],
    )
