"""Links in emails: absolute, since a mail client has no page to be relative to."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse


def absolute_url(path: str) -> str:
    """`path` (e.g. "/sager/ny/") on the installation's address, TEAMLAERING_BASE_URL."""
    base: str = getattr(settings, "TEAMLAERING_BASE_URL", "http://127.0.0.1:8000")
    return base.rstrip("/") + path


def absolute_reverse(name: str, *, args: list[object] | None = None, query: str = "") -> str:
    """The absolute URL of a named page, with an optional query string ("meeting=3")."""
    path = reverse(name, args=args)
    return absolute_url(f"{path}?{query}" if query else path)
