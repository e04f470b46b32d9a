"""The minutes ("referat") of a meeting: what was discussed, learned and decided, and where the
time went. Case owners' notes and background never appear here: only the titles of the cases.

The meeting's own parts (who took part, the agenda, the times) are read here; what higher apps
record during a meeting (learning points and the leader's summaries) they add through
hooks.minutes_parts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from core.http import ascii_slug
from core.pdf import render_pdf
from meetings import hooks
from meetings.models import AgendaItem, Meeting, MeetingStatus, Participation, Step
from meetings.selectors import SpeakingTime, speaking_time
from teams.models import User


def _minutes(seconds: float | None) -> float | None:
    return None if seconds is None else round(seconds / 60, 1)


@dataclass
class Summary:
    """The leader's summary of a case and the decision on practice."""

    text: str
    author: str
    case_title: str
    changes_practice: bool | None

    @property
    def decision(self) -> str:
        if self.changes_practice is None:
            return _("Ikke besluttet")
        return _("Ja") if self.changes_practice else _("Nej")


@dataclass
class Point:
    text: str
    author: str


@dataclass
class CaseMinutes:
    """A case discussed (its title only) with what was learned and summed up about it."""

    title: str
    learning_points: list[Point] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)


@dataclass
class StepTime:
    name: str
    case_title: str
    planned_seconds: int
    actual_seconds: float | None

    @property
    def planned_minutes(self) -> float:
        return _minutes(self.planned_seconds) or 0.0

    @property
    def actual_minutes(self) -> float | None:
        return _minutes(self.actual_seconds)


@dataclass
class Minutes:
    meeting: Meeting
    title: str
    team: str
    organisation: str
    starts_at: datetime
    place: str
    facilitator: str
    is_finished: bool
    participants: list[str] = field(default_factory=list)
    cases: list[CaseMinutes] = field(default_factory=list)
    general_points: list[Point] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)
    steps: list[StepTime] = field(default_factory=list)
    speaking_time: list[SpeakingTime] = field(default_factory=list)
    # The cases by the id of their agenda item, for the parts that hooks add.
    cases_by_item: dict[int, CaseMinutes] = field(default_factory=dict, repr=False)
    # Follow-up actions arrive with a later issue; until then the minutes say there are none.
    follow_up: list = field(default_factory=list)

    @property
    def planned_total_minutes(self) -> float:
        return _minutes(sum(step.planned_seconds for step in self.steps)) or 0.0

    @property
    def actual_total_minutes(self) -> float:
        return _minutes(sum(step.actual_seconds or 0 for step in self.steps)) or 0.0

    @property
    def has_learning(self) -> bool:
        return bool(self.general_points) or any(case.learning_points for case in self.cases)


def minutes_for(*, meeting: Meeting) -> Minutes:
    """The minutes of a meeting, in five queries whatever the size of its agenda.

    The meeting should come with team__organisation and facilitator selected (as
    access.meeting_or_404 gives it).
    """
    minutes = Minutes(
        meeting=meeting,
        title=meeting.title,
        team=meeting.team.name,
        organisation=meeting.team.organisation.name,
        starts_at=meeting.starts_at,
        place=meeting.place,
        facilitator=meeting.facilitator.display_name,
        is_finished=meeting.status == MeetingStatus.FINISHED,
    )
    minutes.participants = [
        participation.user.display_name
        for participation in Participation.objects.filter(meeting=meeting).select_related("user")
    ]

    # Titles only: the owner's notes are never loaded, so they cannot leak into the minutes.
    minutes.cases_by_item = {
        item["id"]: CaseMinutes(title=item["title"])
        for item in AgendaItem.objects.filter(meeting=meeting)
        .order_by("position", "id")
        .values("id", "title")
    }
    minutes.cases = list(minutes.cases_by_item.values())

    minutes.steps = [
        StepTime(
            name=name,
            case_title=case_title or "",
            planned_seconds=planned + extension,
            actual_seconds=actual,
        )
        for name, case_title, planned, extension, actual in Step.objects.filter(meeting=meeting)
        .order_by("position")
        .values_list(
            "name", "agenda_item__title", "planned_seconds", "extension_seconds", "actual_seconds"
        )
    ]

    minutes.speaking_time = speaking_time(meeting=meeting)
    for add_part in hooks.minutes_parts:
        add_part(minutes)
    return minutes


def recipients(*, meeting: Meeting) -> list[User]:
    """The participants the minutes are mailed to: those with an email address."""
    return [
        participation.user
        for participation in Participation.objects.filter(meeting=meeting)
        .filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
    ]


def pdf_filename(minutes: Minutes) -> str:
    """E.g. "referat-teammoede-i-syd-2026-03-05.pdf"."""
    slug = ascii_slug(minutes.title, default="moede")
    day = timezone.localtime(minutes.starts_at).date().isoformat()
    return f"referat-{slug}-{day}.pdf"


def render_minutes_pdf(minutes: Minutes) -> bytes:
    return render_pdf(template_name="meetings/minutes/pdf.html", context={"minutes": minutes})
