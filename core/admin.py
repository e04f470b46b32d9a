"""The admin pages of the packages' models (django-axes' login records, the task queue's
results), in Danish: their model and field names come from the Danish catalogue in
config/vendor_locale (the packages have none); the columns they name in code are named here."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from axes.admin import AccessAttemptAdmin, AccessFailureLogAdmin, AccessLogAdmin
from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt, AccessBase, AccessFailureLog, AccessLog
from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult


class LoginRecordTitle:
    """The heading of a login record's page: axes names its records in English (their
    __str__), so the page says in Danish what it shows."""

    kind = _("Login")

    def render_change_form(
        self,
        request: HttpRequest,
        context: dict[str, Any],
        add: bool = False,
        change: bool = False,
        form_url: str = "",
        obj: AccessBase | None = None,
    ) -> HttpResponse:
        if obj is not None:
            context["subtitle"] = gettext("%(kind)s som %(username)s, %(when)s") % {
                "kind": self.kind,
                "username": obj.username,
                "when": date_format(timezone.localtime(obj.attempt_time), "DATETIME_FORMAT"),
            }
        return super().render_change_form(  # type: ignore[misc, no-any-return]
            request, context, add=add, change=change, form_url=form_url, obj=obj
        )


class DanishAccessAttemptAdmin(LoginRecordTitle, AccessAttemptAdmin):  # type: ignore[misc]  # axes has no types
    kind = _("Loginforsøg")

    @admin.display(description=_("Udløber"))
    def expiration(self, obj: AccessAttempt) -> datetime | str:
        return super().expiration(obj)  # type: ignore[no-any-return]

    @admin.display(description=_("Status"))
    def status(self, obj: AccessAttempt) -> str:
        return super().status(obj)  # type: ignore[no-any-return]

    # axes' own action fails on an admin page (it asks the request for the time of a login
    # attempt, which axes sets only on login requests), and puts the count into its message
    # before translating it, so no catalogue can say it in Danish.
    @admin.action(description=_("Ryd udløbne loginforsøg op"))
    def cleanup_expired_attempts(
        self, request: HttpRequest, queryset: QuerySet[AccessAttempt]
    ) -> None:
        AxesProxyHandler.update_request(request)
        count = self.handler.clean_expired_user_attempts(request=request)
        self.message_user(
            request,
            ngettext(
                "%(count)d udløbet loginforsøg er ryddet op.",
                "%(count)d udløbne loginforsøg er ryddet op.",
                count,
            )
            % {"count": count},
        )


class DanishAccessFailureLogAdmin(LoginRecordTitle, AccessFailureLogAdmin):  # type: ignore[misc]  # axes has no types
    kind = _("Mislykket login")


class DanishAccessLogAdmin(LoginRecordTitle, AccessLogAdmin):  # type: ignore[misc]  # axes has no types
    kind = _("Login")


class DanishTaskResultAdmin(DBTaskResultAdmin):
    @admin.display(description=_("Opgave"))
    def task_name(self, obj: DBTaskResult[Any, Any]) -> str:
        return obj.task_name

    @admin.display(description=_("Fejlspor"))
    def formatted_traceback(self, obj: DBTaskResult[Any, Any]) -> str:
        return super().formatted_traceback(obj)

    @admin.display(description=_("Køres tidligst"))
    def display_run_after(self, obj: DBTaskResult[Any, Any]) -> datetime | str:
        return super().display_run_after(obj)


for model, model_admin in (
    (AccessAttempt, DanishAccessAttemptAdmin),
    (AccessFailureLog, DanishAccessFailureLogAdmin),
    (AccessLog, DanishAccessLogAdmin),
    (DBTaskResult, DanishTaskResultAdmin),
):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
    admin.site.register(model, model_admin)
