from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# Each section of the product: its menu item, and the URL namespace whose pages belong to it.
SECTIONS = [
    ("teams", "teams:home", _("Overblik")),
    ("meetings", "meetings:list", _("Møder")),
    ("cases", "cases:list", _("Sager")),
    ("learnings", "learnings:home", _("Læring")),
    ("products", "products:list", _("Produkter")),
]


def navigation(request: HttpRequest) -> dict:
    """The main navigation, with the section of the current page marked."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"main_navigation": []}
    match = request.resolver_match
    namespace = match.namespace if match else ""
    if match and match.view_name != "teams:home" and namespace == "teams":
        namespace = ""
    return {
        "main_navigation": [
            {"url": reverse(name), "label": label, "current": namespace == section}
            for section, name, label in SECTIONS
        ]
    }
