from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Møder")

    def ready(self) -> None:
        from meetings import personal_data, services
        from teams import hooks

        hooks.personal_data.register(personal_data.personal_data)
        hooks.person_left.register(services.participant_withdraw)
