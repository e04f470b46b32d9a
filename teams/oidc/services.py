"""Who a single sign-on is: the person the provider's claims name, refused when the claims grant
no access, when the person is deactivated, or when Teamlæring does not know them and no
organisation takes in newcomers (TEAMLAERING_OIDC_NEW_USERS_ORGANISATION)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils.translation import gettext as _

from core.refusals import Refused
from teams.audit.services import audit_record
from teams.models import AuditAction, Organisation, User
from teams.oidc import claims as claims_of
from teams.oidc.provider import display_name

logger = logging.getLogger("teamlaering.oidc")


class SignInRefused(Refused):
    """The provider vouched for the person, but Teamlæring does not let them in."""

    def __init__(self, message: str, *, reason: str, username: str | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.username = username


@transaction.atomic
def user_for_claims(*, claims: Mapping[str, Any]) -> User:
    """The active person the verified claims name, created without teams when Teamlæring does
    not know them and an organisation takes in newcomers. Raises SignInRefused otherwise."""
    provider = display_name()
    claim = settings.TEAMLAERING_OIDC_USERNAME_CLAIM
    username = claims_of.username(claims, claim)
    if username is None:
        raise SignInRefused(
            _(
                "%(provider)s sendte ikke dit brugernavn (%(claim)s). Bed it-afdelingen om at "
                "rette opsætningen af enkeltlogon."
            )
            % {"provider": provider, "claim": claim},
            reason="no_username",
        )
    if not claims_of.grants_access(
        claims, settings.TEAMLAERING_OIDC_ACCESS_CLAIM, settings.TEAMLAERING_OIDC_ACCESS_VALUE
    ):
        raise SignInRefused(
            _(
                "Du er logget ind hos %(provider)s som %(username)s, men du har ikke adgang til "
                "Teamlæring. Bed din leder om at give dig adgang."
            )
            % {"provider": provider, "username": username},
            reason="no_access",
            username=username,
        )
    matches = list(User.objects.filter(username__iexact=username)[:2])
    if len(matches) > 1:
        raise SignInRefused(
            _(
                "Flere brugere i Teamlæring passer til brugernavnet %(username)s. Bed "
                "administratoren om at rette det."
            )
            % {"username": username},
            reason="ambiguous",
            username=username,
        )
    if matches:
        user = matches[0]
        if not user.is_active:
            raise SignInRefused(
                _(
                    "Din bruger i Teamlæring (%(username)s) er deaktiveret. Kontakt din leder, "
                    "hvis det er en fejl."
                )
                % {"username": user.username},
                reason="inactive",
                username=username,
            )
        return user
    organisation = _organisation_for_newcomers()
    if organisation is None:
        raise SignInRefused(
            _(
                "Du er logget ind hos %(provider)s som %(username)s, men Teamlæring kender dig "
                "ikke. Bed din teamleder eller afdelingsleder om at oprette dig med det "
                "brugernavn."
            )
            % {"provider": provider, "username": username},
            reason="unknown",
            username=username,
        )
    return _newcomer(username=username, claims=claims, organisation=organisation)


def _organisation_for_newcomers() -> Organisation | None:
    name = settings.TEAMLAERING_OIDC_NEW_USERS_ORGANISATION
    if not name:
        return None
    organisation = Organisation.objects.filter(name=name).first()
    if organisation is None:
        logger.error(
            "TEAMLAERING_OIDC_NEW_USERS_ORGANISATION names no organisation (%r): "
            "newcomers are refused",
            name,
        )
    return organisation


def _text(claims: Mapping[str, Any], claim: str, max_length: int) -> str:
    value = claims.get(claim)
    return value.strip()[:max_length] if isinstance(value, str) else ""


def _newcomer(*, username: str, claims: Mapping[str, Any], organisation: Organisation) -> User:
    """A person without teams and without a password, named as the provider names them."""
    # get_or_create: two first logins at once make one person.
    user, _created = User.objects.get_or_create(
        username=username,
        defaults={
            "password": make_password(None),
            "first_name": _text(claims, "given_name", 150),
            "last_name": _text(claims, "family_name", 150),
            "email": _text(claims, "email", 254),
            "organisation": organisation,
        },
    )
    return user


def sign_in_refused_record(
    *, reason: str, username: str | None = None, ip_address: str | None = None
) -> None:
    """A refused single sign-on in the audit log, as a failed login: the person when the
    provider's username is exactly one of Teamlæring's, else nobody (the name is not kept)."""
    matches = list(User.objects.filter(username__iexact=username)[:2]) if username else []
    person = matches[0] if len(matches) == 1 else None
    detail: dict[str, Any] = {"method": "oidc", "reason": reason}
    if username:
        detail["known_username"] = person is not None
    audit_record(
        actor=None,
        action=AuditAction.LOGIN_FAILED,
        subject=person,
        detail=detail,
        ip_address=ip_address,
    )
