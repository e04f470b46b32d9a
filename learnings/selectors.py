"""Reading the learning points for the learning pages: one team's, or several teams' at once."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from core.dates import start_of_day
from learnings.models import LearningPoint, Theme
from learnings.search import search_points
from teams.models import Team

PAGE_SIZE = 50


def _filtered(
    points: QuerySet[LearningPoint], filters: Mapping[str, Any]
) -> QuerySet[LearningPoint]:
    points = (
        points.select_related("author", "meeting", "agenda_item")
        .prefetch_related(Prefetch("themes", queryset=Theme.objects.order_by("name")))
        .order_by("-created_at", "-id")
    )
    if theme := filters.get("theme"):
        points = points.filter(themes=theme)
    if start := filters.get("start"):
        points = points.filter(created_at__gte=start_of_day(start))
    if end := filters.get("end"):
        points = points.filter(created_at__lt=start_of_day(end + timedelta(days=1)))
    if status := filters.get("status"):
        points = points.filter(status=status)
    if meeting := filters.get("meeting"):
        points = points.filter(meeting=meeting)
    if person := filters.get("person"):
        points = points.filter(author=person)
    return search_points(points, filters.get("q") or "")


def points_for_team(
    *, team: Team, filters: Mapping[str, Any] | None = None
) -> QuerySet[LearningPoint]:
    """The team's learning points, newest first (best match first when searching).

    `filters` (each optional, empty values ignored): "theme" (a Theme or its id), "start" and
    "end" (dates, both days included, in the app's time zone), "status", "meeting" (a Meeting
    or its id), "person" (the author, a User or their id) and "q" (search text). Authors,
    meetings, agenda items and themes come along, so a page of points costs the same number of
    queries whatever its size.
    """
    return _filtered(LearningPoint.objects.filter(team=team), filters or {})


def points_for_teams(
    *, teams: Sequence[Team], filters: Mapping[str, Any] | None = None
) -> QuerySet[LearningPoint]:
    """The learning points of all the teams, newest first, each with its team (the page of
    several teams names the team on every point); filters as in points_for_team."""
    points = LearningPoint.objects.filter(team__in=[team.pk for team in teams])
    return _filtered(points.select_related("team"), filters or {})


def points_page(
    *, team: Team, filters: Mapping[str, Any] | None = None, page_number: Any = 1
) -> Page:
    """One page (PAGE_SIZE points) of points_for_team; a bad page number gives the nearest."""
    paginator = Paginator(points_for_team(team=team, filters=filters), PAGE_SIZE)
    return paginator.get_page(page_number)


def teams_points_page(
    *, teams: Sequence[Team], filters: Mapping[str, Any] | None = None, page_number: Any = 1
) -> Page:
    """One page of points_for_teams, like points_page."""
    paginator = Paginator(points_for_teams(teams=teams, filters=filters), PAGE_SIZE)
    return paginator.get_page(page_number)


def most_active_team(*, teams: Sequence[Team]) -> Team | None:
    """Of the teams, the one with the newest learning point (in one query); the first of them
    when none has a point, None when there are no teams."""
    if not teams:
        return None
    newest = (
        LearningPoint.objects.filter(team__in=[team.pk for team in teams])
        .order_by("-created_at", "-id")
        .values_list("team_id", flat=True)
        .first()
    )
    return next((team for team in teams if team.pk == newest), teams[0])


def themes_of(*, point: LearningPoint) -> list[Theme]:
    return list(point.themes.all())


def themes_with_counts(*, team: Team) -> QuerySet[Theme]:
    """The team's themes, each with `point_count`."""
    return (
        Theme.objects.filter(team=team)
        .annotate(point_count=Count("learning_points"))
        .order_by("name")
    )


def theme_or_404(*, team: Team, pk: int) -> Theme:
    return get_object_or_404(Theme.objects, pk=pk, team=team)
