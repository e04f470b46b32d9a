"""Reads for cases: the deadline, the lists, the agenda being selected and who is next."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.db import models
from django.db.models import Count, Max, Q, QuerySet, Value, When
from django.utils import timezone

from cases import genogram as genogram_layout
from cases.deadline import DeadlineStatus, deadline_status, submission_deadline
from cases.models import Case, CaseStatus
from core import limits
from core.http import posted_id
from meetings.models import AgendaItem, Meeting, MeetingStatus
from teams.access import AnyUser
from teams.models import Role, Team, User


def deadline_for(meeting: Meeting) -> datetime:
    """The meeting's submission deadline, by its team's settings."""
    team = meeting.team
    return submission_deadline(
        meeting.starts_at,
        working_days_before=team.case_deadline_working_days,
        at=team.case_deadline_time,
    )


def is_before_deadline(case: Case, now: datetime | None = None) -> bool:
    if case.meeting is None:
        return True
    return (now or timezone.now()) < deadline_for(case.meeting)


def case_deadline_status(case: Case, now: datetime | None = None) -> DeadlineStatus | None:
    """The case's deadline status, judged against the meeting it is for (or was discussed
    at): in time or late stays so after the deadline and after the meeting."""
    if case.meeting is None:
        return None
    return deadline_status(deadline_for(case.meeting), now or timezone.now(), late=case.is_late)


def open_meetings_for_cases(*, user: User) -> QuerySet[Meeting]:
    """Planned meetings of the user's teams that a case can still be brought to."""
    return (
        Meeting.objects.taking_cases()
        .filter(
            team__memberships__user=user,
            status=MeetingStatus.PLANNED,
            starts_at__gte=timezone.now(),
        )
        .select_related("team")
        .order_by("starts_at")
    )


def next_planned_meeting(*, team: Team) -> Meeting | None:
    """The team's next planned meeting from now: the one the next in turn is asked about."""
    return (
        Meeting.objects.taking_cases()
        .filter(team=team, status=MeetingStatus.PLANNED, starts_at__gte=timezone.now())
        .order_by("starts_at")
        .first()
    )


def move_targets(*, meeting: Meeting) -> QuerySet[Meeting]:
    """The team's meetings not yet held, from today on, earlier or later than this one: where
    a waiting case can be moved to."""
    return (
        Meeting.objects.upcoming()
        .taking_cases()
        .filter(team=meeting.team_id, status=MeetingStatus.PLANNED)
        .order_by("starts_at", "id")
    )


def agenda_with_cases(*, meeting: Meeting) -> list[AgendaItem]:
    return list(meeting.agenda_items.select_related("case", "owner").order_by("position", "id"))


def meeting_of_case(*, case: Case) -> QuerySet[Meeting]:
    """The case's own meeting, as the only choice when the case is edited."""
    if case.meeting_id is None:
        return Meeting.objects.none()
    return Meeting.objects.filter(pk=case.meeting_id).select_related("team")


def case_of_team(*, meeting: Meeting, case_id: int) -> Case | None:
    """A case of the meeting's team, waiting for this meeting or for another one."""
    return (
        Case.objects.filter(pk=case_id, team=meeting.team_id)
        .select_related("meeting__team", "submitted_by")
        .first()
    )


def team_member(*, team: Team, user_id: str) -> User | None:
    """A member of the team from a posted id (anything else: None)."""
    pk = posted_id(user_id)
    if pk is None:
        return None
    return User.objects.filter(pk=pk, memberships__team=team).first()


def open_meeting(*, meetings: QuerySet[Meeting], pk: str) -> Meeting | None:
    """One of `meetings` from an id in the query string (anything else: None)."""
    number = posted_id(pk)
    return meetings.filter(pk=number).first() if number is not None else None


def cases_for(*, user: User) -> QuerySet[Case]:
    return (
        Case.objects.visible_to(user)
        .select_related("team", "meeting", "submitted_by")
        .order_by("-submitted_at")
    )


def cases_for_meeting(*, meeting: Meeting) -> QuerySet[Case]:
    return (
        Case.objects.filter(meeting=meeting)
        .active()
        .select_related("submitted_by", "agenda_item")
        .order_by("is_late", "submitted_at")
    )


def waiting_cases(*, meeting: Meeting) -> QuerySet[Case]:
    """Every case of the team still waiting to be discussed, whatever meeting it waits for:
    this one's first, then by its meeting's date. Submitted, not on an agenda, with its
    material: also a case whose meeting was held without it, until retention deletes its
    material, so that it can still find a meeting."""
    return (
        Case.objects.filter(team=meeting.team_id, status=CaseStatus.SUBMITTED)
        .with_material()
        .select_related("submitted_by", "meeting")
        .annotate(
            for_other=models.Case(
                When(meeting=meeting.pk, then=Value(0)),
                default=Value(1),
                output_field=models.IntegerField(),
            )
        )
        .order_by("for_other", "meeting__starts_at", "is_late", "submitted_at", "id")
    )


@dataclass
class RotationRow:
    user: User
    cases: int
    last_brought: datetime | None


def rotation(*, team: Team) -> list[RotationRow]:
    """Per caseworker: how many cases and when last, longest ago first (the next in turn)."""
    people = (
        User.objects.filter(memberships__team=team, memberships__role=Role.CASEWORKER)
        .annotate(
            brought=Count(
                "cases", filter=Q(cases__team=team) & ~Q(cases__status=CaseStatus.WITHDRAWN)
            ),
            last_brought=Max(
                "cases__submitted_at",
                filter=Q(cases__team=team) & ~Q(cases__status=CaseStatus.WITHDRAWN),
            ),
        )
        .order_by("username")
    )
    rows = [RotationRow(person, person.brought, person.last_brought) for person in people]
    never = [row for row in rows if row.last_brought is None]
    dated = [(row.last_brought, row) for row in rows if row.last_brought is not None]
    brought = [row for _last, row in sorted(dated, key=lambda pair: pair[0])]
    return never + brought


@dataclass(frozen=True)
class Material:
    """A case's timeline and genogram ready to show: empty once retention deleted them."""

    timeline: list[dict[str, Any]]
    genogram: genogram_layout.Layout | None
    # Events beyond the cap (core.limits.LINES) that the page leaves out.
    timeline_left_out: int = 0


def case_of_item(*, agenda_item_id: int) -> Case | None:
    """The case brought as this agenda item, if a case was."""
    return Case.objects.filter(agenda_item_id=agenda_item_id).first()


def material_of(*, case: Case) -> Material:
    if not case.has_material:
        return Material(timeline=[], genogram=None)
    return Material(
        timeline=[
            {"date": date.fromisoformat(event["date"]), "event": event["event"]}
            for event in case.timeline[: limits.LINES]
        ],
        genogram=genogram_layout.layout(case.genogram),
        timeline_left_out=max(len(case.timeline) - limits.LINES, 0),
    )


def owner_notes_of(*, case: Case, user: AnyUser) -> str:
    """The notes the case owner took at the meeting, for the case owner only, while the
    material exists (retention deletes them with it)."""
    item = case.agenda_item
    if item is None or not case.has_material or not user.is_authenticated:
        return ""
    return item.owner_notes if item.owner_id == user.pk else ""
