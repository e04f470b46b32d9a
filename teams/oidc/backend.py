"""mozilla-django-oidc's authentication backend, made strict and fitted to Teamlæring.

The library checks the ID token's signature, expiry and nonce but neither its audience nor its
issuer; this backend requires both (and `azp` when the token has several audiences). The
person is the one the configured claim names (teams.oidc.services). It answers only the
callback's call (which brings a nonce), so a password login never reaches the provider, and it
never answers None there: a refusal is an exception the callback shows. Django's authenticate()
would otherwise report a failure without a username, which django-axes counts against the
address, locking every single sign-on from a municipality's shared address after a few.
"""

from __future__ import annotations

from typing import Any

import jwt
from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from teams.models import User
from teams.oidc import provider, services

# Clocks of the provider and of this server may differ a little.
CLOCK_SKEW_SECONDS = 60


class OidcBackend(OIDCAuthenticationBackend):  # type: ignore[misc]
    endpoints: provider.Endpoints

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> User | None:
        if (
            request is None
            or "nonce" not in credentials
            or "password" in credentials
            or not provider.is_enabled()
        ):
            return None
        self.endpoints = provider.endpoints()
        self.OIDC_OP_TOKEN_ENDPOINT = self.endpoints.token
        self.OIDC_OP_JWKS_ENDPOINT = self.endpoints.jwks
        self.OIDC_OP_USER_ENDPOINT = self.endpoints.userinfo
        user: User | None = super().authenticate(request, **credentials)
        if user is None:
            raise SuspiciousOperation("The provider's answer signed no one in.")
        return user

    def get_user(self, user_id: int) -> User | None:
        # Django's own rule (the library's skips it): a deactivated person has no session.
        return ModelBackend.get_user(self, user_id)

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        try:
            payload: dict[str, Any] = super().verify_token(token, **kwargs)
        except (jwt.PyJWTError, KeyError, TypeError, ValueError) as error:
            raise SuspiciousOperation(f"The ID token is not valid: {error}") from error
        audiences = payload["aud"] if isinstance(payload["aud"], list) else [payload["aud"]]
        if len(audiences) > 1 and payload.get("azp") != settings.OIDC_RP_CLIENT_ID:
            raise SuspiciousOperation("The ID token was issued to another client (azp).")
        return payload

    def _verify_jws(self, payload: str, key: Any) -> dict[str, Any]:
        algorithm = jwt.get_unverified_header(payload).get("alg")
        if algorithm != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation(f"The ID token is signed with {algorithm!r}.")
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[algorithm],
                audience=settings.OIDC_RP_CLIENT_ID,
                issuer=self.endpoints.issuer,
                leeway=CLOCK_SKEW_SECONDS,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
            )
        except jwt.PyJWTError as error:
            raise SuspiciousOperation(f"The ID token is not valid: {error}") from error

    def get_userinfo(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> dict[str, Any]:
        """The ID token's claims; the userinfo endpoint's too when a claim Teamlæring needs is
        not in the token (ADFS, Keycloak without mappers). The signed token's claims win."""
        needed = {
            settings.TEAMLAERING_OIDC_USERNAME_CLAIM,
            settings.TEAMLAERING_OIDC_ACCESS_CLAIM,
        } - {""}
        if needed <= payload.keys() or not self.OIDC_OP_USER_ENDPOINT:
            return payload
        userinfo = super().get_userinfo(access_token, id_token, payload)
        if not isinstance(userinfo, dict) or userinfo.get("sub") != payload["sub"]:
            raise SuspiciousOperation("The userinfo is not the ID token's person.")
        return {**userinfo, **payload}

    def get_or_create_user(
        self, access_token: str, id_token: str, payload: dict[str, Any]
    ) -> User:
        claims = self.get_userinfo(access_token, id_token, payload)
        return services.user_for_claims(claims=claims)
