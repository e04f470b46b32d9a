from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def navigation(request: HttpRequest) -> dict:
    """The main navigation. Each section appears here when its part of the product exists."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"main_navigation": []}
    items = [
        ("teams:home", _("Overblik")),
        ("meetings:list", _("Møder")),
        ("cases:list", _("Sager")),
        ("products:list", _("Produkter")),
    ]
    match = request.resolver_match
    current = (
        f"{match.namespace}:list"
        if match and match.namespace in {"meetings", "cases", "products"}
        else ""
    )
    if match and match.view_name == "teams:home":
        current = "teams:home"
    return {
        "main_navigation": [
            {"url": reverse(name), "label": label, "current": current == name}
            for name, label in items
        ]
    }
