from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningsConfig(AppConfig):
    name = "learnings"
    verbose_name = _("Læring")
