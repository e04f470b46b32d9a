from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, QuerySet

from learnings.models import LearningPoint, Theme
from learnings.search import search_points
from teams.models import Team


def points_for_team(
    *,
    team: Team,
    query: str = "",
    theme: Theme | None = None,
    start: date | None = None,
    end: date | None = None,
    status: str = "",
    meeting=None,
    person=None,
) -> QuerySet[LearningPoint]:
    """The team's learning points with the page's filters, in a fixed number of queries."""
    points = (
        LearningPoint.objects.filter(team=team)
        .select_related("author", "meeting", "agenda_item")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
        .order_by("-created_at", "-id")
    )
    if theme is not None:
        points = points.filter(themes=theme)
    if start is not None:
        points = points.filter(created_at__date__gte=start)
    if end is not None:
        points = points.filter(created_at__date__lte=end)
    if status:
        points = points.filter(status=status)
    if meeting is not None:
        points = points.filter(meeting=meeting)
    if person is not None:
        points = points.filter(author=person)
    return search_points(points, query)
