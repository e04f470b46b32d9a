"""The health endpoint for the proxy, the load balancer and monitoring: GET /healthz/ answers
200 when the app can reach its database and 503 when it cannot.

It is a middleware near the top of the chain rather than a view: it answers before sessions,
the user, the HTTPS redirect and the allowed hosts are looked at, so a probe on plain HTTP from
localhost needs no session and no host name, and a database that is down gives 503, not the 500
the session middleware would raise. It reveals nothing but "ok" or "unavailable".
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from asgiref.sync import iscoroutinefunction, markcoroutinefunction, sync_to_async
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponseBase, JsonResponse

PATH = "/healthz/"
logger = logging.getLogger("teamlaering.health")


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return bool(cursor.fetchone() == (1,))
    except DatabaseError:
        logger.exception("Health check: the database cannot be reached")
        return False


def health_response() -> JsonResponse:
    ok = database_ok()
    response = JsonResponse(
        {"status": "ok" if ok else "unavailable", "database": ok}, status=200 if ok else 503
    )
    response["Cache-Control"] = "no-store"
    return response


def _is_probe(request: HttpRequest) -> bool:
    return request.path == PATH and request.method in {"GET", "HEAD"}


class HealthCheckMiddleware:
    # Both, so that it does not push the meeting screens' async stream into a thread.
    sync_capable = True
    async_capable = True

    def __init__(
        self,
        get_response: Callable[[HttpRequest], HttpResponseBase]
        | Callable[[HttpRequest], Awaitable[HttpResponseBase]],
    ) -> None:
        self.get_response = get_response
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> HttpResponseBase | Awaitable[HttpResponseBase]:
        if self.is_async:
            return self._acall(request)
        if _is_probe(request):
            return health_response()
        return self.get_response(request)

    async def _acall(self, request: HttpRequest) -> HttpResponseBase:
        if _is_probe(request):
            return await sync_to_async(health_response)()
        response = await self.get_response(request)  # type: ignore[misc]
        assert isinstance(response, HttpResponseBase)
        return response
