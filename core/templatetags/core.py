"""Template filters and tags every app's pages use: `{% load core %}`."""

from __future__ import annotations

from datetime import timedelta

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from core import limits, submits

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


@register.simple_tag
def submit_token() -> SafeString:
    """A form's one-time token (core/submits.py): a new one each time the form is shown."""
    return format_html(
        '<input type="hidden" name="{}" value="{}">', submits.FIELD, submits.new_token()
    )


@register.simple_tag
def text_limit(name: str) -> int:
    """A limit of core.limits by name, for a text box written by hand: maxlength="…"."""
    limit: int = getattr(limits, name)
    return limit


@register.simple_tag
def text_limit_help(name: str) -> str:
    """The limit told as a form field's help text tells it ("Højst 100 tegn.")."""
    return limits.chars_help(getattr(limits, name))
