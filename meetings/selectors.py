from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet, Sum

from learnings.models import ActionStatus, FollowUpAction, LearningPoint
from meetings import clock, running_order
from meetings.models import (
    Meeting,
    MeetingStatus,
    Participation,
    PhaseKind,
    Step,
    Turn,
    TurnStatus,
)
from teams.models import Team, User


@dataclass
class RunnerState:
    meeting: Meeting
    now: datetime
    steps: list[Step]
    current: Step | None
    turns: list[Turn] = field(default_factory=list)
    speaking: Turn | None = None
    next_turn: Turn | None = None
    remaining: float = 0.0
    budget: int = 0
    deadline: datetime | None = None
    turn_remaining: float | None = None
    turn_deadline: datetime | None = None
    learning_points: list[LearningPoint] = field(default_factory=list)
    review_actions: list[FollowUpAction] = field(default_factory=list)

    @property
    def clock_text(self) -> str:
        return clock.format_clock(self.remaining)

    @property
    def cue(self) -> str:
        if not self.meeting.is_running:
            return clock.Cue.NORMAL.value
        return clock.cue(self.remaining, self.budget).value

    @property
    def turn_clock_text(self) -> str:
        return clock.format_clock(self.turn_remaining) if self.turn_remaining is not None else ""

    @property
    def is_first(self) -> bool:
        return self.current is None or self.current.position == 0

    @property
    def is_last(self) -> bool:
        return self.current is None or self.current.position == len(self.steps) - 1

    @property
    def planned_total(self) -> int:
        return sum(step.budget_seconds for step in self.steps)

    @property
    def actual_total(self) -> float:
        return sum(step.actual_seconds or 0 for step in self.steps)

    @property
    def current_points(self) -> list[LearningPoint]:
        item_id = self.current.agenda_item_id if self.current else None
        return [point for point in self.learning_points if point.agenda_item_id == item_id]


def runner_state(*, meeting: Meeting) -> RunnerState:
    """Everything a runner view shows, in a fixed number of queries whatever the agenda."""
    now = meeting.clock_now()
    steps = list(meeting.steps.select_related("agenda_item__owner").order_by("position"))
    current = None
    if meeting.status != MeetingStatus.PLANNED and steps:
        current = steps[min(meeting.current_position, len(steps) - 1)]
    state = RunnerState(meeting=meeting, now=now, steps=steps, current=current)
    state.learning_points = list(
        LearningPoint.objects.filter(meeting=meeting).select_related("author").order_by("id")
    )
    if current is None:
        first = steps[0] if steps else None
        state.budget = first.budget_seconds if first else 0
        state.remaining = float(state.budget)
        return state
    state.budget = current.budget_seconds
    if current.kind == PhaseKind.REVIEW:
        state.review_actions = review_actions(meeting=meeting)
    if meeting.span_started_at is not None:
        span = clock.Span(meeting.span_started_at, meeting.span_pause_offset, state.budget)
        state.remaining = clock.remaining(span, meeting.pauses, now)
        if meeting.is_running:
            state.deadline = clock.deadline(span, meeting.pauses, now)
    if current.is_round:
        state.turns = list(current.turns.select_related("user").order_by("position"))
        state.speaking = next((t for t in state.turns if t.status == TurnStatus.SPEAKING), None)
        after = state.speaking.position if state.speaking else -1
        state.next_turn = next(
            (t for t in state.turns if t.status == TurnStatus.WAITING and t.position > after),
            None,
        )
        if state.speaking and meeting.turn_started_at and meeting.is_running:
            box = _turn_box(current, state.turns)
            span = clock.Span(meeting.turn_started_at, meeting.turn_pause_offset, box)
            already = state.speaking.spoken_seconds
            state.turn_remaining = clock.remaining(span, meeting.pauses, now) - already
            if state.deadline is not None:
                state.turn_deadline = now + timedelta(seconds=state.turn_remaining)
    return state


def review_actions(*, meeting: Meeting) -> list[FollowUpAction]:
    """The open actions from earlier meetings, and those this meeting has marked done."""
    started = meeting.started_at or meeting.starts_at
    return list(
        FollowUpAction.objects.filter(team_id=meeting.team_id, created_at__lt=meeting.starts_at)
        .exclude(meeting=meeting)
        .filter(Q(status=ActionStatus.OPEN) | Q(done_at__gte=started))
        .select_related("owner")
        .order_by("due_date", "id")
    )


def _turn_box(step: Step, turns: list[Turn]) -> int:
    if step.seconds_per_person:
        return step.seconds_per_person
    active = sum(1 for turn in turns if turn.status != TurnStatus.SKIPPED)
    return step.budget_seconds // max(active, 1)


def case_capacity(*, meeting: Meeting) -> int | None:
    """How many cases the meeting's time allows, from its own phases."""
    return running_order.case_capacity(
        meeting.phases,
        meeting.duration_minutes,
        repeats_per_case=meeting.format.repeats_per_case,
        participant_count=meeting.participants.count(),
    )


def meetings_for(*, user: User) -> QuerySet[Meeting]:
    return Meeting.objects.visible_to(user).select_related("team", "format", "facilitator")


def next_meeting_for(*, user: User) -> Meeting | None:
    return meetings_for(user=user).upcoming().order_by("starts_at").first()


def participants(*, meeting: Meeting) -> list[User]:
    return [
        participation.user
        for participation in Participation.objects.filter(meeting=meeting).select_related("user")
    ]


def speaking_time(*, meeting: Meeting) -> list[dict]:
    """Per person, the seconds they spoke in the meeting's rounds."""
    return list(
        Turn.objects.filter(step__meeting=meeting)
        .values("user__first_name", "user__last_name", "user__username")
        .annotate(seconds=Sum("spoken_seconds"))
        .order_by("-seconds")
    )


def team_choices_for_planning(*, user: User) -> QuerySet[Team]:
    return Team.objects.member_of(user).filter(memberships__role__in=["leader", "coordinator"])
