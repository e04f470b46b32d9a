"""Days and moments in the app's time zone."""

from __future__ import annotations

from datetime import date, datetime, time

from django.utils import timezone


def start_of_day(day: date) -> datetime:
    """Midnight at the start of `day` in the app's time zone (Europe/Copenhagen)."""
    return timezone.make_aware(datetime.combine(day, time.min))
