from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    """The top layer: the start page, the main navigation and the demo loader, which gather
    from every app."""

    name = "dashboard"
    verbose_name = _("Overblik")

    def ready(self) -> None:
        from dashboard.transfer import panels
        from teams import hooks as team_hooks

        team_hooks.team_page.register(panels.team_export_link)
