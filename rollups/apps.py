from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RollupsConfig(AppConfig):
    name = "rollups"
    verbose_name = _("Opsamlinger og opfølgning")

    def ready(self) -> None:
        from learnings import hooks as learning_hooks
        from meetings import hooks as meeting_hooks
        from rollups import personal_data
        from rollups.actions import panels, selectors
        from teams import hooks as team_hooks

        meeting_hooks.review_items.register(selectors.open_for_review)
        meeting_hooks.runner_panels.register(panels.review_panel)
        meeting_hooks.runner_panels.register(panels.follow_up_panel)
        meeting_hooks.runner_actions.register(panels.MARK_DONE)
        meeting_hooks.runner_actions.register(panels.MOVE_ON)
        meeting_hooks.minutes_parts.register(panels.minutes_part)
        learning_hooks.overview.register(panels.overview_panel)
        team_hooks.personal_data.register(personal_data.personal_data)
