"""Logins, failed logins and logouts into the audit log.

These listen to Django's signals of authentication rather than being called from a view,
because signing in happens in more than one place that is not ours: Django's login and
logout views, the single sign-on library's callback (it calls django.contrib.auth.login), and
a failed attempt inside authenticate(), where django-axes counts it too. The signals are the
one point all of them pass. The entry is still written by audit_record, on commit.

A failed login names the person only when the typed username is someone's: what was typed
otherwise (perhaps a password in the wrong field) is never kept in the log.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from core.client_address import client_address
from teams.audit.services import audit_record
from teams.models import AuditAction, User


def _address(request: HttpRequest | None) -> str | None:
    return client_address(request) if request is not None else None


def logged_in(sender: Any, request: HttpRequest | None, user: User, **kwargs: Any) -> None:
    audit_record(actor=user, action=AuditAction.LOGIN, subject=user, ip_address=_address(request))


def logged_out(sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any) -> None:
    if user is None or not user.is_authenticated:
        return
    audit_record(actor=user, action=AuditAction.LOGOUT, subject=user, ip_address=_address(request))


def login_failed(
    sender: Any, credentials: dict[str, Any], request: HttpRequest | None = None, **kwargs: Any
) -> None:
    username = str(credentials.get("username") or "")
    person = User.objects.filter(username=username).first() if username else None
    audit_record(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        subject=person,
        detail={"known_username": person is not None},
        ip_address=_address(request),
    )
