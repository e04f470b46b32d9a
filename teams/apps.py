from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Teams og personer")

    def ready(self) -> None:
        from django.contrib.auth import signals

        from teams.audit import receivers

        # Registers single sign-on's system checks.
        from teams.oidc import checks  # noqa: F401

        signals.user_logged_in.connect(receivers.logged_in, dispatch_uid="audit_login")
        signals.user_logged_out.connect(receivers.logged_out, dispatch_uid="audit_logout")
        signals.user_login_failed.connect(
            receivers.login_failed, dispatch_uid="audit_login_failed"
        )
