"""A team's learning overview ("Seeing the learning"): what the last 12 months brought.

Everything is counted in the database, so the number of queries is the same whatever the amount
of data: points per month (TruncMonth in the team's time zone), points per theme (through the
themes' M2M table) and the decisions. What higher apps add (the open follow-up actions) comes
through hooks.overview.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.formats import date_format

from learnings.models import Decision, LearningPoint, Theme
from teams.models import Team

MONTHS = 12


@dataclass(frozen=True)
class MonthCount:
    month: date  # the first day of the month
    count: int

    @property
    def label(self) -> str:
        """The month as "jan. 2026" (in the active language)."""
        return date_format(self.month, "N Y")


@dataclass(frozen=True)
class ThemeCount:
    theme_id: int
    name: str
    count: int


@dataclass(frozen=True)
class Overview:
    team: Team
    today: date
    period_start: date  # the first day of the first month
    period_end: date  # the last day of today's month
    months: list[MonthCount]
    themes: list[ThemeCount]  # every theme of the team, most points first
    unthemed: int  # points in the period without a theme
    total: int  # points in the period
    decided: int  # points in the period with a decision
    changed: int  # of those, decided to change practice

    @property
    def changed_share(self) -> int | None:
        """The percentage (rounded, half up) of decided points that changed practice, or None
        when nothing is decided."""
        if not self.decided:
            return None
        return (self.changed * 200 + self.decided) // (self.decided * 2)


def team_timezone(team: Team) -> ZoneInfo:
    """The zone a team's months are counted in. Teams have no zone of their own (yet): the
    site's zone, Europe/Copenhagen."""
    return timezone.get_default_timezone()


def month_starts(today: date, months: int = MONTHS) -> list[date]:
    """The first day of each of the `months` months ending with today's month, oldest first."""
    year, month = today.year, today.month
    starts = []
    for _index in range(months):
        starts.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return starts[::-1]


def _next_month(day: date) -> date:
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def _local_midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=zone)


def _as_month(value: date | datetime, zone: ZoneInfo) -> date:
    if isinstance(value, datetime):
        if timezone.is_aware(value):
            value = value.astimezone(zone)
        return value.date().replace(day=1)
    return value.replace(day=1)


def learning_overview(*, team: Team, today: date) -> Overview:
    zone = team_timezone(team)
    starts = month_starts(today)
    period_end = _next_month(starts[-1])
    window = Q(
        created_at__gte=_local_midnight(starts[0], zone),
        created_at__lt=_local_midnight(period_end, zone),
    )
    points = LearningPoint.objects.filter(window, team=team)

    per_month = {
        _as_month(row["month"], zone): row["count"]
        for row in points.annotate(month=TruncMonth("created_at", tzinfo=zone))
        .order_by()
        .values("month")
        .annotate(count=Count("id"))
    }

    in_window = Q(
        learning_points__team=team,
        learning_points__created_at__gte=_local_midnight(starts[0], zone),
        learning_points__created_at__lt=_local_midnight(period_end, zone),
    )
    themes = [
        ThemeCount(theme_id=theme.pk, name=theme.name, count=theme.count)
        for theme in Theme.objects.filter(team=team)
        .annotate(count=Count("learning_points", filter=in_window))
        .order_by("-count", "name", "pk")
    ]

    has_theme = LearningPoint.themes.through.objects.filter(learningpoint=OuterRef("pk"))
    totals = points.aggregate(
        total=Count("id"),
        unthemed=Count("id", filter=~Exists(has_theme)),
        decided=Count("id", filter=~Q(decision="")),
        changed=Count("id", filter=Q(decision=Decision.CHANGE)),
    )

    return Overview(
        team=team,
        today=today,
        period_start=starts[0],
        period_end=period_end - timedelta(days=1),
        months=[MonthCount(month=start, count=per_month.get(start, 0)) for start in starts],
        themes=themes,
        unthemed=totals["unthemed"],
        total=totals["total"],
        decided=totals["decided"],
        changed=totals["changed"],
    )
