from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Teams og personer")

    def ready(self) -> None:
        # Registers single sign-on's system checks.
        from teams.oidc import checks  # noqa: F401
