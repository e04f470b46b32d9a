"""The client's real address behind the proxies the settings name (TEAMLAERING_PROXY_COUNT).

Each trusted proxy appends the address it was connected from to X-Forwarded-For, so with N
proxies the client is the N-th entry from the right. Anything further left was written by the
client itself and is never believed: a spoofed X-Forwarded-For cannot choose the address a
login failure is counted against. Without proxies (0) the connection's own address counts.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str | None:
    """The address of the client, from the trusted end of the proxy chain."""
    remote = _valid(request.META.get("REMOTE_ADDR", "") or "")
    proxies: int = getattr(settings, "TEAMLAERING_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    chain = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part]
    if len(chain) < proxies:
        # Fewer entries than proxies: the request did not come through them all.
        return remote
    return _valid(chain[-proxies]) or remote
