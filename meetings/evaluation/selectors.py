"""Reading the check-outs: one's own, a meeting's summary, and a team's over time."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.utils import timezone

from meetings.evaluation.summary import Summary, summarise
from meetings.models import CheckOut, Meeting, MeetingStatus
from teams.models import Team, User

MEETINGS_SHOWN = 100


def own_check_out(*, meeting: Meeting, user: User) -> CheckOut | None:
    return CheckOut.objects.filter(meeting=meeting, user=user).first()


def meeting_summary(*, meeting: Meeting) -> Summary:
    return summarise(CheckOut.objects.filter(meeting=meeting).values_list("usefulness", "comment"))


@dataclass(frozen=True)
class MeetingRow:
    meeting: Meeting
    summary: Summary


@dataclass(frozen=True)
class MonthRow:
    month: date
    meetings: int
    summary: Summary


def team_evaluation(*, team: Team) -> tuple[list[MeetingRow], list[MonthRow]]:
    """The team's held meetings, newest first (at most MEETINGS_SHOWN), each summed up, and the
    same months' answers summed up per month: what the leader follows over time. Two queries."""
    meetings = list(
        Meeting.objects.filter(team=team, status=MeetingStatus.FINISHED).order_by(
            "-starts_at", "-pk"
        )[:MEETINGS_SHOWN]
    )
    answers: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for meeting_id, usefulness, comment in CheckOut.objects.filter(
        meeting__in=[meeting.pk for meeting in meetings]
    ).values_list("meeting_id", "usefulness", "comment"):
        answers[meeting_id].append((usefulness, comment))
    rows = [MeetingRow(meeting, summarise(answers[meeting.pk])) for meeting in meetings]
    by_month: dict[date, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_month[timezone.localdate(meeting.starts_at).replace(day=1)].append(meeting)
    months = [
        MonthRow(
            month,
            len(held),
            summarise(answer for meeting in held for answer in answers[meeting.pk]),
        )
        for month, held in sorted(by_month.items(), reverse=True)
    ]
    return rows, months
