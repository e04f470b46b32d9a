"""Reads for meeting formats: the formats a team can use, with their total times."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import F, Q, Sum
from django.shortcuts import get_object_or_404

from meetings.formats.services import PhaseTotal
from meetings.models import Format, FormatPhase
from teams.models import Team


def formats_for(*, team: Team) -> list[Format]:
    """The built-in formats, then the team's own, each with `total` (a PhaseTotal): one query."""
    formats = list(
        Format.objects.available_to(team)
        .annotate(
            total_minutes=Sum("phases__minutes"),
            total_per_person=Sum("phases__minutes_per_person"),
            total_per_case=Sum("phases__minutes", filter=Q(phases__per_case=True)),
        )
        .order_by(F("team").asc(nulls_first=True), "name", "pk")
    )
    for format in formats:
        format.total = PhaseTotal(  # type: ignore[attr-defined]
            Decimal(format.total_minutes or 0),
            Decimal(format.total_per_person or 0),
            Decimal(format.total_per_case or 0),
        )
    return list(formats)


def format_or_404(*, team: Team, pk: int, own: bool = False) -> Format:
    """A format the team can use (a built-in one or its own); with `own`, only its own."""
    formats = Format.objects.filter(team=team) if own else Format.objects.available_to(team)
    return get_object_or_404(formats, pk=pk)


def phases_of(*, format: Format) -> list[FormatPhase]:
    return list(format.phases.order_by("position", "pk"))
