"""Reading a team's learning visits."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from meetings.models import Meeting
from teams.models import Team
from visits.models import Visit, VisitPoint


def visits_for_team(*, team: Team) -> QuerySet[Visit]:
    """The team's visits, newest day first, with their people (one query)."""
    return Visit.objects.filter(team=team).with_people().order_by("-date", "-id")


def points_of(*, visit: Visit) -> list[VisitPoint]:
    return list(visit.points.select_related("learning_point").order_by("position"))


@dataclass(frozen=True)
class AgendaVisit:
    """A visit whose points are presented at a meeting, and the points' texts in order."""

    visit: Visit
    points: list[str]


def visits_on_agenda(*, meeting: Meeting) -> list[AgendaVisit]:
    """The visits whose points are presented at the meeting, with their points (one query)."""
    found: dict[int, AgendaVisit] = {}
    for point in (
        VisitPoint.objects.filter(visit__staff_meeting=meeting)
        .select_related("visit__agent", "visit__colleague", "learning_point")
        .order_by("visit__date", "visit_id", "position")
    ):
        found.setdefault(point.visit_id, AgendaVisit(point.visit, [])).points.append(
            point.learning_point.text
        )
    return list(found.values())
