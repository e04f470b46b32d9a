from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Møder")

    def ready(self) -> None:
        from meetings import hooks as meeting_hooks
        from meetings import personal_data, services
        from meetings.calendar import services as calendar_services
        from meetings.groups import panels as group_panels
        from meetings.presenters import panels as presenter_panels
        from meetings.series import services as series_services
        from teams import hooks

        meeting_hooks.runner_panels.register(group_panels.groups_panel)
        meeting_hooks.meeting_page.register(group_panels.meeting_page_groups)
        hooks.personal_data.register(personal_data.personal_data)
        hooks.person_left.register(services.participant_withdraw)
        meeting_hooks.meeting_page.register(presenter_panels.on_meeting_page)
        meeting_hooks.runner_panels.register(presenter_panels.in_the_room)
        hooks.person_left.register(series_services.series_participant_withdraw)
        hooks.person_left.register(calendar_services.feed_withdraw)
