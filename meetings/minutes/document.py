"""The minutes ("referat") of a meeting as a document: what was discussed, learned and decided,
and where the time went; its file name and its PDF. Case owners' notes and background never
appear here: only the titles of the cases. selectors.minutes_for reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from core.http import ascii_slug
from core.pdf import stored_pdf, subject_of
from meetings.models import Meeting
from meetings.selectors import SpeakingTime


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
    # The observer's feedback on the discussion (the interdisciplinary format).
    observer: str = ""
    observer_relevant: str = ""
    observer_tighten: str = ""

    @property
    def has_observer_feedback(self) -> bool:
        return bool(self.observer_relevant or self.observer_tighten)


@dataclass
class FollowUp:
    """A follow-up action agreed at the meeting: who does what by when."""

    title: str
    owner: str
    due_date: date


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
    follow_up: list[FollowUp] = field(default_factory=list)

    @property
    def planned_total_minutes(self) -> float:
        return _minutes(sum(step.planned_seconds for step in self.steps)) or 0.0

    @property
    def actual_total_minutes(self) -> float:
        return _minutes(sum(step.actual_seconds or 0 for step in self.steps)) or 0.0

    @property
    def observed_cases(self) -> list[CaseMinutes]:
        return [case for case in self.cases if case.has_observer_feedback]

    @property
    def has_learning(self) -> bool:
        return bool(self.general_points) or any(case.learning_points for case in self.cases)


def pdf_filename(minutes: Minutes) -> str:
    """E.g. "referat-teammoede-i-syd-2026-03-05.pdf"."""
    slug = ascii_slug(minutes.title, default="moede")
    day = timezone.localtime(minutes.starts_at).date().isoformat()
    return f"referat-{slug}-{day}.pdf"


PDF_TEMPLATE = "meetings/minutes/pdf.html"


def pdf_arguments(minutes: Minutes) -> dict:
    """What core.pdf lays the minutes out from, and what they are the PDF of."""
    return {
        "template_name": PDF_TEMPLATE,
        "context": {"minutes": minutes},
        "subject": subject_of(minutes.meeting),
    }


def minutes_pdf(minutes: Minutes) -> bytes:
    """The minutes as a PDF, rendered once per content (core.pdf)."""
    return stored_pdf(**pdf_arguments(minutes))
