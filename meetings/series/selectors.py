"""Reads for meeting series."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from meetings.models import Meeting, MeetingStatus
from meetings.series.models import Series
from teams.models import Team, User


def series_for(*, team: Team) -> list[Series]:
    """The team's series, the active ones first, each with its meetings not yet held (`upcoming`):
    three queries whatever their number."""
    upcoming = (
        Meeting.objects.filter(status=MeetingStatus.PLANNED, starts_at__gte=timezone.now())
        .only("pk", "series_id", "starts_at", "title", "series_changed")
        .order_by("starts_at")
    )
    return list(
        Series.objects.filter(team=team)
        .select_related("format", "facilitator", "stand_in")
        .prefetch_related(Prefetch("meetings", queryset=upcoming, to_attr="upcoming"))
        .order_by("ended_at", "title", "pk")
    )


def series_or_404(*, team: Team, pk: int) -> Series:
    return get_object_or_404(
        Series.objects.select_related("team", "format", "facilitator", "stand_in"),
        team=team,
        pk=pk,
    )


def participants_of(*, series: Series) -> QuerySet[User]:
    return series.participants.order_by("seriesparticipant__position")
