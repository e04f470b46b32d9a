"""Template filters every app's pages use: `{% load core %}`."""

from __future__ import annotations

from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def whole_minutes(value: timedelta | None) -> int:
    """A duration as whole minutes, rounded up so a wait is never understated."""
    if not value:
        return 0
    return -(-int(value.total_seconds()) // 60)


@register.filter
def duration(seconds: float | None) -> str:
    """Seconds as M:SS, for planned and actual times."""
    if seconds is None:
        return ""
    total = round(seconds)
    return f"{total // 60}:{total % 60:02d}"
