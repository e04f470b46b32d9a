from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Max, Q, QuerySet
from django.utils import timezone

from cases.deadline import submission_deadline
from cases.models import Case, CaseStatus
from meetings.models import Meeting, MeetingStatus
from teams.models import Role, Team, User


def deadline_for(meeting: Meeting) -> datetime:
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


def open_meetings_for_cases(*, user: User) -> QuerySet[Meeting]:
    """Planned meetings of the user's teams that a case can still be brought to."""
    return (
        Meeting.objects.filter(
            team__memberships__user=user,
            status=MeetingStatus.PLANNED,
            starts_at__gte=timezone.now(),
        )
        .select_related("team")
        .order_by("starts_at")
    )


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
    brought = sorted(
        (row for row in rows if row.last_brought is not None), key=lambda r: r.last_brought
    )
    return never + brought
