"""A request id on every request: taken from the proxy's X-Request-ID when it is a sane token,
made here otherwise, put on every log record written while the request is served and sent back
in the response's X-Request-ID, so one line in nginx's log finds every line of the app's.

The middleware also writes one access line per request (method, path, status, duration) to the
"teamlaering.request" logger, as JSON in production (core/jsonlog.py): uvicorn's own access log
knows neither the request id nor the user and is switched off (deploy/teamlaering.service).
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Awaitable, Callable
from contextvars import ContextVar

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.http import HttpRequest
from django.http.response import HttpResponseBase

HEADER = "X-Request-ID"
# Anything else from outside (a newline, a megabyte, control characters) would forge or flood
# log lines, so it is replaced by an id of our own.
_SANE = re.compile(r"[A-Za-z0-9._:-]{1,128}")

current_request_id: ContextVar[str] = ContextVar("current_request_id", default="-")
access_logger = logging.getLogger("teamlaering.request")


def request_id_from(request: HttpRequest) -> str:
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    return given if _SANE.fullmatch(given) else uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Put the current request's id on a log record (the settings attach it to the handler)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id.get()
        return True


type GetResponse = Callable[[HttpRequest], HttpResponseBase]
type AsyncGetResponse = Callable[[HttpRequest], Awaitable[HttpResponseBase]]


class RequestIdMiddleware:
    """First in the chain, so that every other middleware's log lines carry the id too."""

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: GetResponse | AsyncGetResponse) -> None:
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> HttpResponseBase | Awaitable[HttpResponseBase]:
        if self.is_async:
            return self._acall(request)
        request_id = request_id_from(request)
        token = current_request_id.set(request_id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            assert isinstance(response, HttpResponseBase)
            return self._finish(request, response, request_id, started)
        finally:
            current_request_id.reset(token)

    async def _acall(self, request: HttpRequest) -> HttpResponseBase:
        request_id = request_id_from(request)
        token = current_request_id.set(request_id)
        started = time.monotonic()
        try:
            response = await self.get_response(request)  # type: ignore[misc]
            assert isinstance(response, HttpResponseBase)
            return self._finish(request, response, request_id, started)
        finally:
            current_request_id.reset(token)

    def _finish(
        self, request: HttpRequest, response: HttpResponseBase, request_id: str, started: float
    ) -> HttpResponseBase:
        request.request_id = request_id  # type: ignore[attr-defined]
        response[HEADER] = request_id
        user = getattr(request, "user", None)
        access_logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                # For a stream, the time until its headers: it stays open for minutes after.
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
                # The id only, and only when the session has already been read: never a name,
                # never a query of its own.
                "user_id": user.pk if user is not None and _is_loaded(user) else None,
            },
        )
        return response


def _is_loaded(user: object) -> bool:
    """Whether a lazy request.user has been evaluated already."""
    wrapped = getattr(user, "_wrapped", None)
    from django.utils.functional import empty

    return wrapped is not empty and getattr(wrapped, "is_authenticated", False) is True
