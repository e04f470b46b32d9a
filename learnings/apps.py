from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningsConfig(AppConfig):
    name = "learnings"
    verbose_name = _("Læring")

    def ready(self) -> None:
        from learnings import panels, personal_data
        from meetings import hooks
        from teams import hooks as team_hooks

        hooks.runner_panels.register(panels.points_panel)
        hooks.runner_panels.register(panels.entries_panel)
        hooks.minutes_parts.register(panels.minutes_part)
        team_hooks.personal_data.register(personal_data.personal_data)
