from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VisitsConfig(AppConfig):
    name = "visits"
    verbose_name = _("Læringsbesøg")

    def ready(self) -> None:
        from meetings import hooks
        from teams import hooks as team_hooks
        from visits import panels, personal_data, retention, services

        hooks.meeting_page.register(panels.on_agenda)
        hooks.cancel_refusals.register(services.meeting_cancel_refusal)
        hooks.runner_panels.register(panels.runner_points)
        team_hooks.personal_data.register(personal_data.personal_data)
        team_hooks.person_left.register(services.visits_withdraw)
        team_hooks.retention.register(retention.delete_expired_reflections)
