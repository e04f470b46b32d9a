"""Session lifetime and interface language, both decided per request."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime
from functools import partial
from typing import Any

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.middleware import get_user
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject

from teams.access import remember_roles

LOGIN_AT_KEY = "teamlaering_login_at"
ACTIVE_AT_KEY = "teamlaering_active_at"
# Writing the session on every click would cost a query each; a minute's precision is plenty
# for a timeout counted in hours.
ACTIVITY_RESOLUTION_SECONDS = 60


type View = Callable[..., HttpResponseBase] | Callable[..., Awaitable[HttpResponseBase]]


def passive[V: View](view: V) -> V:
    """Mark a view whose requests are not user actions (a meeting screen's poll, its
    stream)."""
    # A function takes attributes, though the type of a callable does not say so.
    view.session_passive = True  # type: ignore[union-attr]
    return view


def _stamp(request: HttpRequest, key: str) -> datetime | None:
    value = request.session.get(key)
    return datetime.fromisoformat(value) if value else None


class SessionTimeoutMiddleware:
    """End a session after a working day without a user action, and after an absolute limit."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: View,
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        # The session alone says whether someone is signed in: loading the user row here
        # would cost every meeting screen's poll a query.
        if SESSION_KEY not in request.session:
            return None
        now = timezone.now()
        login_at = _stamp(request, LOGIN_AT_KEY)
        active_at = _stamp(request, ACTIVE_AT_KEY)
        if login_at is None or active_at is None:
            request.session[LOGIN_AT_KEY] = request.session.get(LOGIN_AT_KEY) or now.isoformat()
            request.session[ACTIVE_AT_KEY] = now.isoformat()
            return None
        if (
            now - login_at > settings.SESSION_ABSOLUTE_TIMEOUT
            or now - active_at > settings.SESSION_IDLE_TIMEOUT
        ):
            logout(request)
            return None
        is_passive = getattr(view_func, "session_passive", False)
        if not is_passive and (now - active_at).total_seconds() >= ACTIVITY_RESOLUTION_SECONDS:
            request.session[ACTIVE_AT_KEY] = now.isoformat()
        return None


def activate_user_language(request: HttpRequest) -> None:
    """Translate the rest of the answer into the signed-in user's language: for a passive view
    that turns out to render text after all (a meeting screen's poll when something changed)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.language:
        translation.activate(user.language)
        request.LANGUAGE_CODE = user.language


class UserLanguageMiddleware:
    """Danish whatever the browser says, unless the signed-in user chose another language."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        translation.activate(settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        translation.deactivate()
        return response

    def process_view(
        self,
        request: HttpRequest,
        view_func: View,
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        # A poll's unchanged answer has no text to translate, and asking for the user would
        # cost it a query: the poll activates the language itself when it renders the state.
        if getattr(view_func, "session_passive", False):
            return None
        activate_user_language(request)
        return None


class RoleMemoMiddleware:
    """The user this request loads remembers its roles per team (teams.access.role_in_team):
    a page's access rules ask for the same role several times. Still lazy: a request that never
    looks at its user (a meeting screen's poll) loads none."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # Lazy like Django's own request.user, which the type stubs call a user.
        request.user = SimpleLazyObject(partial(_user_remembering_roles, request))  # type: ignore[assignment]
        return self.get_response(request)


def _user_remembering_roles(request: HttpRequest) -> Any:
    user = get_user(request)
    remember_roles(user)
    return user
