"""The main navigation: a context processor (settings.TEMPLATES) for every page."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Each section of the product: its menu item, and the URL namespaces (or, where a namespace is
# shared, the view names) whose pages belong to it.
SECTIONS = [
    ("dashboard:home", _("Overblik"), {"dashboard"}),
    ("meetings:list", _("Møder"), {"meetings"}),
    ("cases:list", _("Sager"), {"cases"}),
    ("learnings:home", _("Læring"), {"learnings", "rollups"}),
    ("products:list", _("Produkter"), {"products"}),
    ("thememeetings:home", _("Temamøder"), {"thememeetings"}),
    ("teams:my_team", _("Team"), {"teams:my_team", "teams:team_detail", "teams:team_create"}),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The main navigation, with the section of the current page marked."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"main_navigation": []}
    match = request.resolver_match
    here = {match.namespace, match.view_name} if match else set()
    return {
        "main_navigation": [
            {"url": reverse(name), "label": label, "current": bool(here & pages)}
            for name, label, pages in SECTIONS
        ]
    }
