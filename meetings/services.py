"""Writes for meetings: planning, and the runner's controls.

Every control carries the state version it was based on. The meeting row is locked, the version
compared, the change applied and the version raised in one transaction, so two facilitators or a
double click can never apply the same step twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core import limits
from core.refusals import Refused
from meetings import clock, hooks, live, running_order, selectors
from meetings.groups.models import BreakoutGroup, GroupMember
from meetings.models import (
    AgendaItem,
    Format,
    Hand,
    Meeting,
    MeetingStatus,
    Participation,
    Step,
    Turn,
    TurnStatus,
)
from meetings.series.models import SeriesCancellation
from meetings.tasks import send_meeting_cancelled
from teams.models import Team, User


class ActionRefused(Refused):
    """A control that cannot be applied; the message is shown to the facilitator."""


class StaleVersion(ActionRefused):
    pass


# Planning


def default_title(*, format: Format, starts_at: datetime) -> str:
    """A meeting's title when the planner gives none: the format's name and the date."""
    return f"{format.name} {timezone.localtime(starts_at):%d.%m.%Y}"


def _check_limits(*, title: str, place: str, agenda_titles: Sequence[str]) -> None:
    """The form's limits (core.limits), also for callers without the form: a longer agenda
    would overflow the step positions and the screens."""
    limits.check_lengths([(title, limits.TITLE), (place, limits.TITLE)], refused=ActionRefused)
    try:
        limits.check_lines("\n".join(agenda_titles))
    except ValidationError as error:
        raise ActionRefused(" ".join(error.messages)) from None


@transaction.atomic
def meeting_plan(
    *,
    team: Team,
    format: Format,
    title: str,
    starts_at: datetime,
    place: str,
    facilitator: User,
    participants: Sequence[User],
    agenda_titles: Sequence[str],
    duration_minutes: int | None = None,
    co_facilitator: User | None = None,
) -> Meeting:
    """Plan a meeting from a format. Without a length of its own the meeting lasts as long
    as its timetable, and follows it as cases come and go (Meeting.length_follows_timetable);
    without a title it is named after the format and the date."""
    _check_limits(title=title, place=place, agenda_titles=agenda_titles)
    meeting = Meeting.objects.create(
        team=team,
        format=format,
        title=title or default_title(format=format, starts_at=starts_at),
        starts_at=starts_at,
        place=place,
        facilitator=facilitator,
        co_facilitator=co_facilitator,
        phases=[phase.snapshot() for phase in format.phases.all()],
        # Following: the length is set to the timetable's when the running order is built.
        duration_minutes=duration_minutes or 0,
        duration_set=bool(duration_minutes),
        timetable_minutes=None if duration_minutes else 0,
    )
    _set_participants(meeting, participants)
    AgendaItem.objects.bulk_create(
        AgendaItem(meeting=meeting, position=index, title=title)
        for index, title in enumerate(agenda_titles)
    )
    meeting_rebuild_running_order(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    title: str,
    starts_at: datetime,
    place: str,
    facilitator: User,
    participants: Sequence[User],
    agenda_titles: Sequence[str],
    duration_minutes: int | None = None,
    co_facilitator: User | None = None,
) -> Meeting:
    """Change a planned meeting. Agenda items keep their case material when their title stays.
    A length given sets it; none lets it follow the timetable again."""
    _check_limits(title=title, place=place, agenda_titles=agenda_titles)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status != MeetingStatus.PLANNED:
        raise ActionRefused(_("Et møde, der er gået i gang, kan ikke ændres."))
    meeting.title = title or default_title(format=meeting.format, starts_at=starts_at)
    meeting.starts_at, meeting.place = starts_at, place
    meeting.facilitator, meeting.co_facilitator = facilitator, co_facilitator
    # A series' meeting changed by hand keeps its changes when the series changes.
    meeting.series_changed = meeting.series_id is not None
    if duration_minutes:
        meeting.duration_minutes, meeting.duration_set = duration_minutes, True
    else:
        meeting.duration_set = False
        meeting.duration_minutes = meeting.timetable_minutes = meeting.timetable_minutes or 0
    meeting.version += 1
    meeting.save()
    live.announce(meeting_id=meeting.pk, version=meeting.version)
    _set_participants(meeting, participants)
    brought = list(meeting.agenda_items.filter(owner__isnull=False).order_by("position", "id"))
    existing = {item.title: item for item in meeting.agenda_items.filter(owner__isnull=True)}
    items = brought + [
        # pop, not get: a title given twice gets the stored item once and a new one after.
        existing.pop(title) if title in existing else AgendaItem(meeting=meeting, title=title)
        for title in agenda_titles
    ]
    for index, item in enumerate(items):
        item.position = index
        item.save()
    keep = [item.pk for item in items]
    meeting.agenda_items.exclude(pk__in=keep).delete()
    meeting_rebuild_running_order(meeting=meeting)
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, user: User) -> None:
    """Cancel a planned meeting: it is deleted with its agenda, the people who were to meet
    are told by mail, and a series' date stays free (its top-up does not plan it again).
    Refused once the meeting has started, and while something of a higher app waits for it
    (hooks.cancel_refusals: cases, a theme)."""
    locked = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("team")
        .filter(pk=meeting.pk)
        .first()
    )
    if locked is None:
        raise ActionRefused(_("Mødet er allerede aflyst."))
    meeting = locked
    if meeting.status != MeetingStatus.PLANNED:
        raise ActionRefused(_("Et møde, der er gået i gang, kan ikke aflyses."))
    refusals = selectors.cancel_refusals(meeting=meeting)
    if refusals:
        raise ActionRefused(" ".join(refusals))
    if meeting.series_id is not None and meeting.series_date is not None:
        SeriesCancellation.objects.get_or_create(
            series_id=meeting.series_id, day=meeting.series_date
        )
    people = User.objects.filter(
        Q(pk__in=[meeting.facilitator_id, meeting.co_facilitator_id])
        | Q(participation__meeting=meeting),
        is_active=True,
    ).exclude(pk=user.pk)
    recipients = sorted({person.email for person in people if person.email})
    title, team, place = meeting.title, meeting.team.name, meeting.place
    starts_at = meeting.starts_at.isoformat()
    # Screens open on it (a "Følg møde" before the start) hear of a change, find the meeting
    # gone and reload.
    live.announce(meeting_id=meeting.pk, version=meeting.version + 1)
    meeting.delete()
    if recipients:
        transaction.on_commit(
            lambda: send_meeting_cancelled.enqueue(
                title=title,
                team=team,
                starts_at=starts_at,
                place=place,
                cancelled_by=user.display_name,
                to=recipients,
            )
        )


def _set_participants(meeting: Meeting, participants: Sequence[User]) -> None:
    _leave_groups(meeting_ids=[meeting.pk], keep=[user.pk for user in participants])
    Participation.objects.filter(meeting=meeting).delete()
    Participation.objects.bulk_create(
        Participation(meeting=meeting, user=user, position=index)
        for index, user in enumerate(participants)
    )


@transaction.atomic
def participant_withdraw(*, person: User, team: Team | None) -> int:
    """Take someone who left the team (or, team None, was erased) out of the meetings still to
    come: off the participants, no longer a case's observer or co-facilitator (a series'
    stand-in), and each running order rebuilt for the round's new length. Meetings in progress
    or held keep who was there. Returns how many meetings changed."""
    planned = Meeting.objects.filter(status=MeetingStatus.PLANNED)
    if team is not None:
        planned = planned.filter(team=team)
    AgendaItem.objects.filter(meeting__in=planned, observer=person).update(observer=None)
    planned.filter(co_facilitator=person).update(co_facilitator=None)
    meetings = list(planned.filter(participation__user=person).select_related("format"))
    Participation.objects.filter(meeting__in=meetings, user=person).delete()
    _leave_groups(meeting_ids=[meeting.pk for meeting in meetings], only=person.pk)
    for meeting in meetings:
        meeting_rebuild_running_order(meeting=meeting)
    return len(meetings)


def _leave_groups(
    *, meeting_ids: Sequence[int], keep: Sequence[int] = (), only: int | None = None
) -> None:
    """Take who is no longer a participant (all but `keep`, or just `only`) out of the
    meetings' breakout groups, and off facilitating them."""
    places = GroupMember.objects.filter(meeting_id__in=meeting_ids)
    places = places.filter(user_id=only) if only is not None else places.exclude(user_id__in=keep)
    gone = list(places.values_list("user_id", flat=True))
    if not gone:
        return
    BreakoutGroup.objects.filter(meeting_id__in=meeting_ids, facilitator_id__in=gone).update(
        facilitator=None
    )
    places.delete()


@transaction.atomic
def meeting_rebuild_running_order(*, meeting: Meeting) -> None:
    """Derive the steps from the meeting's own phase snapshot and its agenda, before it starts."""
    if meeting.status != MeetingStatus.PLANNED:
        raise ActionRefused(_("Dagsordenen for et møde i gang kan ikke bygges om."))
    items = list(meeting.agenda_items.order_by("position", "id"))
    planned = running_order.build(
        meeting.phases,
        len(items),
        repeats_per_case=meeting.format.repeats_per_case,
        participant_count=meeting.participants.count(),
    )
    review = running_order.review_step(
        sum(count(meeting) for count in hooks.review_items),
        name=_("Opfølgning på åbne aftaler"),
        instruction=_(
            "Gå de åbne opfølgninger fra tidligere møder igennem: er de udført, "
            "eller skal de videre?"
        ),
    )
    if review is not None:
        planned.insert(0, review)
    _follow_timetable(meeting, running_order.timetable_minutes(planned))
    meeting.steps.all().delete()
    Step.objects.bulk_create(
        Step(
            meeting=meeting,
            position=position,
            agenda_item=items[step.agenda_index] if step.agenda_index is not None else None,
            name=step.name,
            kind=step.kind,
            planned_seconds=step.planned_seconds,
            seconds_per_person=step.seconds_per_person,
            instruction=step.instruction,
            prompts=step.prompts,
            rules=step.rules,
        )
        for position, step in enumerate(planned)
    )


def _follow_timetable(meeting: Meeting, minutes: int) -> None:
    """Record the timetable's length; a meeting whose length follows it gets it too."""
    if meeting.length_follows_timetable:
        meeting.duration_minutes = minutes
    meeting.timetable_minutes = minutes
    meeting.save(update_fields=["duration_minutes", "timetable_minutes"])


# The runner's controls


def _locked(meeting_id: int, version: int) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    if meeting.version != version:
        raise StaleVersion(
            _("Mødet er allerede ændret fra en anden skærm. Visningen er opdateret; prøv igen.")
        )
    return meeting


def require_running(meeting: Meeting) -> None:
    if meeting.status != MeetingStatus.RUNNING:
        raise ActionRefused(_("Mødet er ikke i gang."))


def current_step(meeting: Meeting) -> Step:
    """The step the meeting is at (for a change under meeting_change's lock)."""
    return meeting.steps.get(position=meeting.current_position)


def _span(meeting: Meeting, step: Step) -> clock.Span:
    assert meeting.span_started_at is not None
    return clock.Span(meeting.span_started_at, meeting.span_pause_offset, step.budget_seconds)


def _speaking(step: Step) -> Turn | None:
    return step.turns.filter(status=TurnStatus.SPEAKING).first()


def _stop_turn(meeting: Meeting, turn: Turn, now: datetime) -> None:
    if meeting.turn_started_at is not None:
        span = clock.Span(meeting.turn_started_at, meeting.turn_pause_offset, 0)
        turn.spoken_seconds += clock.elapsed(span, meeting.pauses, now)
    meeting.turn_started_at = None


def _start_turn(meeting: Meeting, turn: Turn, now: datetime) -> None:
    turn.status = TurnStatus.SPEAKING
    turn.save(update_fields=["status"])
    meeting.turn_started_at = now
    meeting.turn_pause_offset = meeting.pauses.total(now)


def _ensure_turns(meeting: Meeting, step: Step) -> None:
    if step.turns.exists():
        return
    Turn.objects.bulk_create(
        Turn(step=step, user_id=user_id, position=index)
        for index, user_id in enumerate(
            Participation.objects.filter(meeting=meeting).values_list("user_id", flat=True)
        )
    )


def _leave(meeting: Meeting, step: Step, now: datetime) -> None:
    step.actual_seconds = clock.elapsed(_span(meeting, step), meeting.pauses, now)
    step.save(update_fields=["actual_seconds"])
    if step.is_round and (turn := _speaking(step)) is not None:
        _stop_turn(meeting, turn, now)
        turn.save(update_fields=["spoken_seconds"])


def _enter(meeting: Meeting, step: Step, now: datetime) -> None:
    """Make the step current; a step visited before continues from the time it had used."""
    span = clock.Span.begin(
        now=now,
        pauses=meeting.pauses,
        budget_seconds=step.budget_seconds,
        elapsed=step.actual_seconds or 0.0,
    )
    meeting.current_position = step.position
    meeting.span_started_at = span.started_at
    meeting.span_pause_offset = span.pause_offset
    if step.is_round:
        _ensure_turns(meeting, step)
        turn = _speaking(step) or step.turns.filter(status=TurnStatus.WAITING).first()
        if turn is not None:
            _start_turn(meeting, turn, now)
    for entered in hooks.step_entered:
        entered(meeting, step)


def meeting_change(
    *, meeting_id: int, version: int, change: Callable[[Meeting, datetime], None]
) -> Meeting:
    """Apply `change` to the meeting as it stood at `version`, under its row lock, and raise
    the version: the one way every control (here and in higher apps) changes a meeting."""
    with transaction.atomic():
        meeting = _locked(meeting_id, version)
        now = timezone.now()
        change(meeting, now)
        meeting.version += 1
        meeting.save()
        live.announce(meeting_id=meeting.pk, version=meeting.version)
    return meeting


def meeting_start(*, meeting_id: int, version: int) -> Meeting:
    def change(meeting: Meeting, now: datetime) -> None:
        if meeting.status != MeetingStatus.PLANNED:
            raise ActionRefused(_("Mødet er allerede startet."))
        # Follow-up actions agreed since the meeting was planned belong in its review too.
        meeting_rebuild_running_order(meeting=meeting)
        first = meeting.steps.order_by("position").first()
        if first is None:
            raise ActionRefused(_("Mødet har ingen faser."))
        meeting.status = MeetingStatus.RUNNING
        meeting.started_at = now
        _enter(meeting, first, now)

    return meeting_change(meeting_id=meeting_id, version=version, change=change)


def meeting_pause(*, meeting_id: int, version: int) -> Meeting:
    def change(meeting: Meeting, now: datetime) -> None:
        require_running(meeting)
        if meeting.is_paused:
            raise ActionRefused(_("Mødet er allerede sat på pause."))
        meeting.paused_at = now

    return meeting_change(meeting_id=meeting_id, version=version, change=change)


def meeting_resume(*, meeting_id: int, version: int) -> Meeting:
    def change(meeting: Meeting, now: datetime) -> None:
        require_running(meeting)
        if not meeting.is_paused:
            raise ActionRefused(_("Mødet er ikke sat på pause."))
        resumed = meeting.pauses.resume(now)
        meeting.paused_seconds, meeting.paused_at = resumed.paused_seconds, None

    return meeting_change(meeting_id=meeting_id, version=version, change=change)


def _move(meeting: Meeting, now: datetime, offset: int) -> None:
    require_running(meeting)
    current = current_step(meeting)
    target = meeting.steps.filter(position=meeting.current_position + offset).first()
    if target is None:
        raise ActionRefused(
            _("Dette er sidste fase.") if offset > 0 else _("Dette er første fase.")
        )
    _leave(meeting, current, now)
    _enter(meeting, target, now)


def meeting_next_phase(*, meeting_id: int, version: int) -> Meeting:
    return meeting_change(
        meeting_id=meeting_id, version=version, change=lambda meeting, now: _move(meeting, now, 1)
    )


def meeting_previous_phase(*, meeting_id: int, version: int) -> Meeting:
    return meeting_change(
        meeting_id=meeting_id, version=version, change=lambda meeting, now: _move(meeting, now, -1)
    )


def meeting_extend(*, meeting_id: int, version: int, seconds: int = 60) -> Meeting:
    def change(meeting: Meeting, now: datetime) -> None:
        require_running(meeting)
        step = current_step(meeting)
        step.extension_seconds += seconds
        step.save(update_fields=["extension_seconds"])

    return meeting_change(meeting_id=meeting_id, version=version, change=change)


def meeting_finish(*, meeting_id: int, version: int) -> Meeting:
    def change(meeting: Meeting, now: datetime) -> None:
        require_running(meeting)
        if meeting.is_paused:
            resumed = meeting.pauses.resume(now)
            meeting.paused_seconds, meeting.paused_at = resumed.paused_seconds, None
        _leave(meeting, current_step(meeting), now)
        meeting.status = MeetingStatus.FINISHED
        meeting.ended_at = now
        for finished in hooks.meeting_finished:
            finished(meeting)

    return meeting_change(meeting_id=meeting_id, version=version, change=change)


def meeting_toggle_sound(*, meeting_id: int, version: int) -> Meeting:
    def change(meeting: Meeting, now: datetime) -> None:
        meeting.sound_enabled = not meeting.sound_enabled

    return meeting_change(meeting_id=meeting_id, version=version, change=change)


def meeting_hand_over(*, meeting_id: int, version: int, to: User) -> Meeting:
    def change(meeting: Meeting, now: datetime) -> None:
        if meeting.status == MeetingStatus.FINISHED:
            raise ActionRefused(_("Mødet er afsluttet."))
        if not meeting.team.memberships.filter(user=to).exists():
            raise ActionRefused(_("Ordstyringen kan kun gives til et medlem af teamet."))
        meeting.facilitator = to

    return meeting_change(meeting_id=meeting_id, version=version, change=change)


# Rounds


def _current_round(meeting: Meeting) -> Step:
    require_running(meeting)
    step = current_step(meeting)
    if not step.is_round:
        raise ActionRefused(_("Den aktuelle fase er ikke en runde."))
    return step


def round_next_speaker(*, meeting_id: int, version: int) -> Meeting:
    def change(meeting: Meeting, now: datetime) -> None:
        step = _current_round(meeting)
        current = _speaking(step)
        after = current.position if current else -1
        following = step.turns.filter(status=TurnStatus.WAITING, position__gt=after).first()
        if current is not None:
            _stop_turn(meeting, current, now)
            current.status = TurnStatus.DONE
            current.save(update_fields=["status", "spoken_seconds"])
        if following is None:
            if current is None:
                raise ActionRefused(_("Alle har haft ordet i runden."))
            return
        _start_turn(meeting, following, now)

    return meeting_change(meeting_id=meeting_id, version=version, change=change)


def round_previous_speaker(*, meeting_id: int, version: int) -> Meeting:
    def change(meeting: Meeting, now: datetime) -> None:
        step = _current_round(meeting)
        current = _speaking(step)
        before = current.position if current else 10_000
        previous = (
            step.turns.filter(status=TurnStatus.DONE, position__lt=before)
            .order_by("-position")
            .first()
        )
        if previous is None:
            raise ActionRefused(_("Der er ingen før i runden."))
        if current is not None:
            _stop_turn(meeting, current, now)
            current.status = TurnStatus.WAITING
            current.save(update_fields=["status", "spoken_seconds"])
        _start_turn(meeting, previous, now)

    return meeting_change(meeting_id=meeting_id, version=version, change=change)


def round_skip(*, meeting_id: int, version: int, turn_id: int) -> Meeting:
    """Skip someone absent, or bring them back into the round."""

    def change(meeting: Meeting, now: datetime) -> None:
        step = _current_round(meeting)
        turn = step.turns.filter(pk=turn_id).first()
        if turn is None or turn.status in (TurnStatus.SPEAKING, TurnStatus.DONE):
            raise ActionRefused(_("Kun den, der venter på ordet, kan springes over."))
        turn.status = (
            TurnStatus.WAITING if turn.status == TurnStatus.SKIPPED else TurnStatus.SKIPPED
        )
        turn.save(update_fields=["status"])
        if step.seconds_per_person:
            active = step.turns.exclude(status=TurnStatus.SKIPPED).count()
            step.planned_seconds = step.seconds_per_person * max(active, 1)
            step.save(update_fields=["planned_seconds"])

    return meeting_change(meeting_id=meeting_id, version=version, change=change)


def round_move(*, meeting_id: int, version: int, turn_id: int, up: bool) -> Meeting:
    """Reorder the waiting participants of the current round."""

    def change(meeting: Meeting, now: datetime) -> None:
        step = _current_round(meeting)
        turns = list(step.turns.order_by("position"))
        index = next((i for i, turn in enumerate(turns) if turn.pk == turn_id), None)
        if index is None:
            raise ActionRefused(_("Deltageren er ikke med i runden."))
        other = index - 1 if up else index + 1
        if not 0 <= other < len(turns) or TurnStatus.DONE in (
            turns[index].status,
            turns[other].status,
        ):
            raise ActionRefused(_("Deltageren kan ikke flyttes længere."))
        turns[index].position, turns[other].position = turns[other].position, turns[index].position
        Turn.objects.bulk_update([turns[index], turns[other]], ["position"])

    return meeting_change(meeting_id=meeting_id, version=version, change=change)


# Entries made during the meeting


def bump_version(*, meeting: Meeting) -> int:
    """Tell every screen that something new is there to show (an entry, a case on the
    agenda): the version goes up and the screens hear of it when the transaction commits."""
    with connection.cursor() as cursor:
        # One statement that raises and reads the version, whoever else is raising it.
        cursor.execute(
            f"UPDATE {Meeting._meta.db_table} SET version = version + 1 WHERE id = %s "
            "RETURNING version",
            [meeting.pk],
        )
        (version,) = cursor.fetchone() or (meeting.version,)
    live.announce(meeting_id=meeting.pk, version=version)
    return int(version)


@transaction.atomic
def owner_notes_save(*, meeting: Meeting, agenda_item: AgendaItem, text: str) -> None:
    """The case owner's own notes while the team reflects on their case (who may write them
    is access.can_write_owner_notes, asked by the view)."""
    limits.check_lengths([(text, limits.LONG_TEXT)], refused=ActionRefused)
    agenda_item.owner_notes = text
    agenda_item.save(update_fields=["owner_notes"])
    bump_version(meeting=meeting)


@transaction.atomic
def meeting_set_observers(*, meeting: Meeting, observers: dict[AgendaItem, User | None]) -> None:
    """Name (or clear) each case's observer, before or during the meeting."""
    if meeting.status == MeetingStatus.FINISHED:
        raise ActionRefused(_("Mødet er afsluttet; observatørerne kan ikke ændres."))
    changed = [item for item, user in observers.items() if item.observer_id != (user and user.pk)]
    for item in changed:
        item.observer = observers[item]
    AgendaItem.objects.bulk_update(changed, ["observer"])
    if changed:
        bump_version(meeting=meeting)


@transaction.atomic
def observer_feedback_save(
    *, meeting: Meeting, agenda_item: AgendaItem, relevant: str, tighten: str
) -> None:
    """The observer's feedback on the case's discussion (who may write it is
    access.can_write_observer_feedback, asked by the view)."""
    limits.check_lengths(
        [(relevant, limits.LONG_TEXT), (tighten, limits.LONG_TEXT)], refused=ActionRefused
    )
    agenda_item.observer_relevant = relevant
    agenda_item.observer_tighten = tighten
    agenda_item.save(update_fields=["observer_relevant", "observer_tighten"])
    bump_version(meeting=meeting)


def _discussion_step(meeting_id: int) -> tuple[Meeting, Step]:
    """The meeting, locked so that hands are raised and given one at a time, and its current
    step, which must be a discussion."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    require_running(meeting)
    step = current_step(meeting)
    if not step.is_discussion:
        raise ActionRefused(_("Man rækker hånden op, når rummet drøfter frit."))
    return meeting, step


@transaction.atomic
def hand_set(*, meeting_id: int, user: User, raised: bool) -> None:
    """Raise or lower the person's hand in the current phase. The wish is explicit, so pressing
    twice in a hurry raises once."""
    meeting, step = _discussion_step(meeting_id)
    waiting = Hand.objects.filter(step=step, user=user, given_at__isnull=True)
    if raised:
        if waiting.exists():
            return
        Hand.objects.create(step=step, user=user, raised_at=timezone.now())
    elif not waiting.delete()[0]:
        return
    bump_version(meeting=meeting)


@transaction.atomic
def hand_give(*, meeting_id: int, hand_id: int | None) -> Meeting:
    """ "Giv ordet": the hand first in the queue (the one the facilitator saw) gets the word,
    and whoever had it before is done."""
    meeting, step = _discussion_step(meeting_id)
    hand = (
        Hand.objects.filter(step=step, pk=hand_id, given_at__isnull=True).first()
        if hand_id is not None
        else None
    )
    if hand is None:
        raise ActionRefused(_("Hånden er taget ned. Visningen er opdateret; prøv igen."))
    Hand.objects.filter(step=step, given_at__isnull=False).delete()
    hand.given_at = timezone.now()
    hand.save(update_fields=["given_at"])
    meeting.version = bump_version(meeting=meeting)
    return meeting
