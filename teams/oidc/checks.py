"""Django's system checks for single sign-on: a half-made configuration is an error rather
than a silently missing button, and a production provider must be reached over HTTPS."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register

from teams.oidc import provider

# The environment variables that only matter with single sign-on on, and their settings.
REQUIRED = {
    "TEAMLAERING_OIDC_ISSUER": "TEAMLAERING_OIDC_ISSUER",
    "TEAMLAERING_OIDC_CLIENT_ID": "OIDC_RP_CLIENT_ID",
    "TEAMLAERING_OIDC_CLIENT_SECRET": "OIDC_RP_CLIENT_SECRET",
}
OPTIONAL = {
    "TEAMLAERING_OIDC_AUTHORIZATION_ENDPOINT": "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "TEAMLAERING_OIDC_TOKEN_ENDPOINT": "OIDC_OP_TOKEN_ENDPOINT",
    "TEAMLAERING_OIDC_USERINFO_ENDPOINT": "OIDC_OP_USER_ENDPOINT",
    "TEAMLAERING_OIDC_JWKS_ENDPOINT": "OIDC_OP_JWKS_ENDPOINT",
    "TEAMLAERING_OIDC_ACCESS_CLAIM": "TEAMLAERING_OIDC_ACCESS_CLAIM",
    "TEAMLAERING_OIDC_ACCESS_VALUE": "TEAMLAERING_OIDC_ACCESS_VALUE",
    "TEAMLAERING_OIDC_NEW_USERS_ORGANISATION": "TEAMLAERING_OIDC_NEW_USERS_ORGANISATION",
    "TEAMLAERING_OIDC_PROVIDER_NAME": "TEAMLAERING_OIDC_PROVIDER_NAME",
}
# The provider's addresses.
ADDRESSES = (
    "TEAMLAERING_OIDC_ISSUER",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
)


@register(Tags.security)
def configuration_is_whole(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    if provider.is_enabled():
        return []
    given = [name for name, setting in (REQUIRED | OPTIONAL).items() if getattr(settings, setting)]
    if not given:
        return []
    missing = [name for name, setting in REQUIRED.items() if not getattr(settings, setting)]
    return [
        Error(
            f"Single sign-on is configured only in part ({', '.join(given)}): "
            f"{', '.join(missing)} missing, so it is off.",
            hint="Set all three, or none of the TEAMLAERING_OIDC_* variables.",
            id="teams.E001",
        )
    ]


@register(Tags.security, deploy=True)
def provider_uses_https(
    app_configs: Sequence[AppConfig] | None = None, **kwargs: Any
) -> list[CheckMessage]:
    if not provider.is_enabled():
        return []
    urls = [getattr(settings, setting) for setting in ADDRESSES]
    plain = [url for url in urls if url and not url.startswith("https://")]
    if not plain:
        return []
    return [
        Warning(
            f"Single sign-on reaches its provider without HTTPS: {', '.join(plain)}.",
            hint="Use the provider's https:// addresses.",
            id="teams.W001",
        )
    ]
