from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemeMeetingsConfig(AppConfig):
    name = "thememeetings"
    verbose_name = _("Temamøder")

    def ready(self) -> None:
        from meetings import hooks
        from teams import hooks as team_hooks
        from thememeetings import panels, personal_data, services

        hooks.runner_panels.register(panels.round_answers)
        hooks.meeting_page.register(panels.theme_of_meeting)
        hooks.cancel_refusals.register(services.meeting_cancel_refusal)
        team_hooks.personal_data.register(personal_data.personal_data)
