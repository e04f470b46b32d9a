"""The identity provider as the environment configures it: whether single sign-on is on, the
provider's name on the login page, and its endpoints, read from its discovery document
(ISSUER/.well-known/openid-configuration) where they are not configured one by one."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import requests
from django.conf import settings
from django.utils.translation import gettext as _

DISCOVERY_PATH = "/.well-known/openid-configuration"
# The document names endpoints that change rarely; the signing keys are read at every login.
DISCOVERY_MAX_AGE_SECONDS = 60 * 60


class ProviderUnavailable(Exception):
    """The provider's discovery document could not be read, or is not the issuer's."""


@dataclass(frozen=True)
class Endpoints:
    issuer: str
    authorization: str
    token: str
    jwks: str
    # Empty when the provider has none: the ID token's claims are then all there is.
    userinfo: str


def is_enabled() -> bool:
    """On when an issuer, a client id and its secret are configured."""
    return bool(
        settings.TEAMLAERING_OIDC_ISSUER
        and settings.OIDC_RP_CLIENT_ID
        and settings.OIDC_RP_CLIENT_SECRET
    )


def display_name() -> str:
    """What follows "Log ind med" on the login page."""
    return settings.TEAMLAERING_OIDC_PROVIDER_NAME or _("kommunens login")


def endpoints() -> Endpoints:
    """The configured endpoints, the others from the discovery document (read at most once an
    hour per process). Raises ProviderUnavailable when it is needed and cannot be read."""
    issuer = settings.TEAMLAERING_OIDC_ISSUER
    configured = {
        "authorization_endpoint": settings.OIDC_OP_AUTHORIZATION_ENDPOINT,
        "token_endpoint": settings.OIDC_OP_TOKEN_ENDPOINT,
        "jwks_uri": settings.OIDC_OP_JWKS_ENDPOINT,
        "userinfo_endpoint": settings.OIDC_OP_USER_ENDPOINT,
    }
    required = ("authorization_endpoint", "token_endpoint", "jwks_uri")
    document: dict[str, Any] = {"issuer": issuer}
    if not all(configured[name] for name in required):
        document = _discovery_document(issuer)
    found = {name: configured[name] or str(document.get(name) or "") for name in configured}
    missing = [name for name in required if not found[name]]
    if missing:
        raise ProviderUnavailable(f"the discovery document names no {', '.join(missing)}")
    return Endpoints(
        issuer=str(document["issuer"]),
        authorization=found["authorization_endpoint"],
        token=found["token_endpoint"],
        jwks=found["jwks_uri"],
        userinfo=found["userinfo_endpoint"],
    )


_documents: dict[str, tuple[float, dict[str, Any]]] = {}
_documents_lock = threading.Lock()


def _discovery_document(issuer: str) -> dict[str, Any]:
    now = time.monotonic()
    with _documents_lock:
        cached = _documents.get(issuer)
    if cached is not None and now - cached[0] < DISCOVERY_MAX_AGE_SECONDS:
        return cached[1]
    url = issuer.rstrip("/") + DISCOVERY_PATH
    try:
        response = requests.get(url, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        document = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProviderUnavailable(f"{url}: {error}") from error
    # OpenID Connect Discovery §4.3: the document must be the configured issuer's, or its keys
    # and endpoints could be another provider's.
    if not isinstance(document, dict) or str(document.get("issuer", "")).rstrip(
        "/"
    ) != issuer.rstrip("/"):
        raise ProviderUnavailable(f"{url} is not the document of the issuer {issuer}")
    with _documents_lock:
        _documents[issuer] = (now, document)
    return document
