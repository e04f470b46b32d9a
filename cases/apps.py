from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Sager")

    def ready(self) -> None:
        from cases import panels, personal_data, services
        from meetings import hooks
        from teams import hooks as team_hooks

        hooks.meeting_finished.register(services.cases_mark_discussed)
        hooks.cancel_refusals.register(services.meeting_cancel_refusal)
        hooks.runner_panels.register(panels.case_panel)
        hooks.step_entered.register(panels.case_shown_record)
        team_hooks.personal_data.register(personal_data.personal_data)
