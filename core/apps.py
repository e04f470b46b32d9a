from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared bottom layer: no models, only pieces every app may use (and its template
    tags, which is why it is an app)."""

    name = "core"
    verbose_name = _("Fælles")
