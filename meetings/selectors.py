"""Reads for meetings: what a runner screen shows, the lists, who takes part, who spoke."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.db.models import Exists, OuterRef, QuerySet, Subquery, Sum
from django.utils import timezone

from meetings import clock, live, running_order
from meetings.groups.models import BreakoutGroup
from meetings.groups.selectors import groups_of
from meetings.models import (
    AgendaItem,
    Hand,
    Meeting,
    MeetingQuerySet,
    MeetingStatus,
    Participation,
    PhaseKind,
    Step,
    Turn,
    TurnStatus,
)
from teams.access import AnyUser
from teams.models import Team, User, display_name
from teams.sessions import signed_in_with


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
    # A discussion phase's raised hands, in the order raised, and the hand that has the word.
    hands: list[Hand] = field(default_factory=list)
    floor: Hand | None = None
    # A group-work phase's breakout groups, with their members (meetings.groups).
    groups: list[BreakoutGroup] = field(default_factory=list)

    @property
    def speaker_name(self) -> str:
        """Who has the word: the round's speaker, or the hand last given the word."""
        if self.speaking is not None:
            return self.speaking.user.display_name
        return self.floor.user.display_name if self.floor is not None else ""

    @property
    def next_speaker_name(self) -> str:
        if self.next_turn is not None:
            return self.next_turn.user.display_name
        return self.hands[0].user.display_name if self.hands else ""

    def group_of(self, user_id: int | None) -> BreakoutGroup | None:
        """The person's group in the group-work phase, or None."""
        for group in self.groups:
            if any(member.user_id == user_id for member in group.members.all()):
                return group
        return None

    def hand_position(self, user_id: int | None) -> int | None:
        """The person's place in the queue of hands (1 is next), or None."""
        for position, hand in enumerate(self.hands, start=1):
            if hand.user_id == user_id:
                return position
        return None

    @property
    def clock_text(self) -> str:
        return clock.format_clock(self.remaining)

    @property
    def cue(self) -> str:
        if not self.meeting.is_running:
            return clock.Cue.NORMAL.value
        return clock.cue(self.remaining, self.budget).value

    @property
    def warning_at(self) -> datetime | None:
        """When the phase's "Snart slut" begins, for the screens' countdown."""
        if self.deadline is None:
            return None
        return clock.warning_at(self.deadline, self.budget)

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


def runner_state(*, meeting: Meeting) -> RunnerState:
    """Everything a runner view shows, in a fixed number of queries whatever the agenda."""
    now = meeting.clock_now()
    steps = list(
        meeting.steps.select_related("agenda_item__owner", "agenda_item__observer").order_by(
            "position"
        )
    )
    current = None
    if meeting.status != MeetingStatus.PLANNED and steps:
        current = steps[min(meeting.current_position, len(steps) - 1)]
    state = RunnerState(meeting=meeting, now=now, steps=steps, current=current)
    if current is None:
        first = steps[0] if steps else None
        state.budget = first.budget_seconds if first else 0
        state.remaining = float(state.budget)
        return state
    state.budget = current.budget_seconds
    if meeting.span_started_at is not None:
        span = clock.Span(meeting.span_started_at, meeting.span_pause_offset, state.budget)
        state.remaining = clock.remaining(span, meeting.pauses, now)
        if meeting.is_running:
            state.deadline = clock.deadline(span, meeting.pauses, now)
    if current.is_discussion and meeting.is_running:
        hands = list(current.hands.select_related("user").order_by("raised_at", "id"))
        state.hands = [hand for hand in hands if hand.given_at is None]
        state.floor = max(
            (hand for hand in hands if hand.given_at is not None),
            key=lambda hand: hand.given_at or now,
            default=None,
        )
    if current.kind == PhaseKind.GROUP_WORK and meeting.is_running:
        state.groups = groups_of(meeting=meeting)
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


def _turn_box(step: Step, turns: list[Turn]) -> int:
    if step.seconds_per_person:
        return step.seconds_per_person
    active = sum(1 for turn in turns if turn.status != TurnStatus.SKIPPED)
    return step.budget_seconds // max(active, 1)


def room_minutes(*, meeting: Meeting) -> int | None:
    """The time the meeting's cases must fit in: its length when that was set; for a length
    that follows the timetable (and so grows with each case), the longest a meeting of its
    format may last (Format.meeting_minutes); None when that has no limit."""
    if not meeting.length_follows_timetable:
        return meeting.duration_minutes
    longest = meeting.format.meeting_minutes
    return max(longest, meeting.duration_minutes) if longest else None


def case_capacity(*, meeting: Meeting) -> int | None:
    """How many cases the meeting's time allows, from its own phases (None: no limit)."""
    room = room_minutes(meeting=meeting)
    if room is None:
        return None
    return running_order.case_capacity(
        meeting.phases,
        room,
        repeats_per_case=meeting.format.repeats_per_case,
        participant_count=meeting.participants.count(),
    )


LIST_SIZE = 50


def meetings_for(*, user: AnyUser) -> MeetingQuerySet:
    return Meeting.objects.visible_to(user).select_related("team", "format", "facilitator")


def upcoming_meetings(*, user: AnyUser, limit: int = LIST_SIZE) -> list[Meeting]:
    """The user's teams' meetings from today on that have not finished, the soonest first."""
    return list(meetings_for(user=user).upcoming().order_by("starts_at")[:limit])


def past_meetings(*, user: AnyUser, limit: int = LIST_SIZE) -> list[Meeting]:
    return list(meetings_for(user=user).past().order_by("-starts_at")[:limit])


@dataclass(frozen=True)
class PollAnswer:
    """What the poll may tell a session: the meeting's version (None when it is not the
    person's to see), or that the session's person is no longer signed in (deactivated, or
    signed in with a password changed since)."""

    version: int | None
    signed_in: bool = True


def visible_version(*, user_id: int | str, session_hash: object, pk: int) -> PollAnswer:
    """The meeting's state version if the session's person may see it and is still signed in
    as they were (active, the same password): the poll's one query."""
    active_password = User.objects.filter(pk=user_id, is_active=True).values("password")[:1]
    row = (
        Meeting.objects.visible_to_user_id(user_id)
        .filter(pk=pk)
        .annotate(password=Subquery(active_password))
        .values_list("version", "password")
        .first()
    )
    if row is None:
        return PollAnswer(version=None)
    version, password = row
    if not signed_in_with(session_hash=session_hash, password=password):
        return PollAnswer(version=None, signed_in=False)
    return PollAnswer(version=version)


# How long the poll trusts that someone may see a meeting before it asks the database again.
# The poll's unchanged answer reveals only a version number; the state itself is always fetched
# through the full checks.
POLL_TRUST_SECONDS = 60.0
MAX_TRUSTED = 50_000


class _Trusted:
    """Who polled which meeting lately and was allowed to (this process)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._until: dict[tuple[str, int], float] = {}

    def holds(self, user_id: int | str, pk: int) -> bool:
        with self._lock:
            return self._until.get((str(user_id), pk), 0.0) > time.monotonic()

    def add(self, user_id: int | str, pk: int) -> None:
        with self._lock:
            if len(self._until) >= MAX_TRUSTED:
                self._until.clear()
            self._until[(str(user_id), pk)] = time.monotonic() + POLL_TRUST_SECONDS


_trusted = _Trusted()


def poll_version(*, user_id: int | str, session_hash: object, pk: int) -> PollAnswer:
    """visible_version for the fallback poll: without a query when this process has heard
    every change of the meeting since it last read its version (live.Broker.known_version)
    and the person was allowed to see it within POLL_TRUST_SECONDS. Deactivating someone or
    changing their password deletes their sessions (teams.sessions.end_sessions), which the
    poll's loading of its session finds at once, trusted or not."""
    known = live.broker.known_version(pk)
    if known is not None and _trusted.holds(user_id, pk):
        return PollAnswer(version=known)
    generation = live.broker.listen_generation()
    answer = visible_version(user_id=user_id, session_hash=session_hash, pk=pk)
    if answer.version is not None:
        _trusted.add(user_id, pk)
        live.broker.remember(pk, answer.version, generation)
    return answer


async def avisible_version(*, user_id: int | str, pk: int) -> int | None:
    """visible_version for the meeting's stream, an async view."""
    version: int | None = await (
        Meeting.objects.visible_to_user_id(user_id)
        .filter(pk=pk)
        .values_list("version", flat=True)
        .afirst()
    )
    return version


def signed_in_sessions(*, session_keys: set[str]) -> dict[str, tuple[str, str]]:
    """The sessions of `session_keys` that have not ended: the user id and password hash
    (Django's session auth hash) each was signed in with, in one query."""
    sessions = Session.objects.filter(
        session_key__in=session_keys, expire_date__gt=timezone.now()
    ).only("session_key", "session_data")
    store = SessionStore()
    signed_in = {}
    for session in sessions:
        data = store.decode(session.session_data)
        if SESSION_KEY in data:
            signed_in[session.session_key] = (
                str(data[SESSION_KEY]),
                data.get(HASH_SESSION_KEY, ""),
            )
    return signed_in


def people_who_see(*, meeting_id: int, user_ids: set[int]) -> dict[int, str]:
    """Who of `user_ids` is active and may see the meeting (Meeting.objects.visible_to_user_id),
    with the session auth hash of their password now, in one query (nobody, for a meeting
    that is gone)."""
    sees = Exists(
        Meeting.objects.filter(pk=meeting_id).visible_to_user_id(OuterRef(OuterRef("pk")))
    )
    people = (
        User.objects.filter(pk__in=user_ids, is_active=True).filter(sees).only("pk", "password")
    )
    return {person.pk: person.get_session_auth_hash() for person in people}


def agenda(*, meeting: Meeting) -> list[AgendaItem]:
    return list(
        meeting.agenda_items.select_related("owner", "observer").order_by("position", "id")
    )


def brought_case_count(*, meeting: Meeting) -> int:
    """How many cases are on the agenda (items with a case owner, which planning keeps)."""
    return meeting.agenda_items.filter(owner__isnull=False).count()


def team_size(*, team: Team) -> int:
    """How many people the team has: the participants a meeting is planned with by default."""
    return User.objects.filter(memberships__team=team).count()


def planned_agenda_titles(*, meeting: Meeting) -> list[str]:
    """The agenda lines the planner wrote: items without a case owner, in order."""
    return list(
        meeting.agenda_items.filter(owner__isnull=True)
        .order_by("position", "id")
        .values_list("title", flat=True)
    )


def current_step(*, meeting: Meeting) -> Step | None:
    """The step a running meeting is at, with its agenda item; None when it is not running."""
    if not meeting.is_running:
        return None
    return (
        meeting.steps.select_related("agenda_item")
        .filter(position=meeting.current_position)
        .first()
    )


def participants(*, meeting: Meeting) -> list[User]:
    return [
        participation.user
        for participation in Participation.objects.filter(meeting=meeting).select_related("user")
    ]


def team_members(*, meeting: Meeting) -> QuerySet[User]:
    """The meeting team's members, who can be handed the facilitation."""
    return User.objects.filter(memberships__team=meeting.team_id).order_by("first_name")


def team_member(*, meeting: Meeting, user_id: int | None) -> User | None:
    """A member of the meeting's team by id, or None."""
    if user_id is None:
        return None
    return team_members(meeting=meeting).filter(pk=user_id).first()


@dataclass(frozen=True)
class SpeakingTime:
    name: str
    seconds: float

    @property
    def minutes(self) -> float:
        return round(self.seconds / 60, 1)


def speaking_time(*, meeting: Meeting) -> list[SpeakingTime]:
    """Per person, the seconds they spoke in the meeting's rounds, the most first."""
    rows = (
        Turn.objects.filter(step__meeting=meeting)
        .values("user_id", "user__first_name", "user__last_name", "user__username")
        .annotate(seconds=Sum("spoken_seconds"))
        .order_by("-seconds", "user__first_name", "user__last_name", "user__username")
    )
    return [
        SpeakingTime(
            name=display_name(
                row["user__first_name"], row["user__last_name"], row["user__username"]
            ),
            seconds=row["seconds"] or 0.0,
        )
        for row in rows
    ]


def cancel_refusals(*, meeting: Meeting) -> list[str]:
    """What waits for the planned meeting, in words (empty: it can be cancelled)."""
    # meetings.hooks imports this module (RunnerState).
    from meetings import hooks

    return [reason for refusal in hooks.cancel_refusals if (reason := refusal(meeting))]
