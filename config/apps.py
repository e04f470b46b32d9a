"""The packages' apps under Danish names in the admin site (their own are English)."""

from axes.apps import AppConfig as AxesAppConfig
from django.utils.translation import gettext_lazy as _
from django_tasks_db.apps import TasksAppConfig


class LoginRecordsConfig(AxesAppConfig):
    verbose_name = _("Logins og spærringer")


class TaskQueueConfig(TasksAppConfig):
    # Lazy, as Django's own apps' names are: the package declares a plain str.
    verbose_name = _("Baggrundsopgaver")  # type: ignore[assignment]
