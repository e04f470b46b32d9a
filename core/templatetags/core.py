"""Template filters and tags every app's pages use: `{% load core %}`."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import template
from django.template.context import Context
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from core.hooks import SLOTS

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


@register.simple_tag(takes_context=True)
def slot(context: Context, name: str, subject: Any = None) -> SafeString:
    """The panels higher apps registered for the slot `name` about `subject` (e.g. a meeting),
    each rendered from its own template; nothing when none is registered or shown."""
    request = context.get("request")
    parts = []
    for panel in SLOTS[name]:
        extra = panel.context(request, subject)
        if extra is not None:
            parts.append(render_to_string(panel.template, dict(extra), request=request))
    # Each part is a rendered template, escaped by its own autoescaping.
    return mark_safe("".join(parts))
