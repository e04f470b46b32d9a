"""The two pages of single sign-on: "Log ind med …" sends the person to the provider (with
state, nonce and PKCE kept in the session), and the provider sends them back to the callback,
which signs them in with Django's login() or shows why not. Both answer 404 while single
sign-on is off."""

from __future__ import annotations

import logging

import requests
from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render, resolve_url
from django.utils.translation import gettext as _
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from core.client_address import client_address
from core.http import local_path
from teams.oidc import provider
from teams.oidc.services import SignInRefused, sign_in_refused_record
from teams.sessions import remember_user_agent

logger = logging.getLogger("teamlaering.oidc")


def _refused(request: HttpRequest, message: str, *, status: int) -> HttpResponse:
    return render(
        request,
        "teams/oidc/refused.html",
        {"message": message, "provider_name": provider.display_name()},
        status=status,
    )


def _unavailable(request: HttpRequest) -> HttpResponse:
    return _refused(
        request,
        _(
            "%(provider)s svarer ikke lige nu. Prøv igen om lidt, eller log ind med din "
            "adgangskode, hvis du har en."
        )
        % {"provider": provider.display_name()},
        status=502,
    )


class OidcLoginView(OIDCAuthenticationRequestView):  # type: ignore[misc]
    def get(self, request: HttpRequest) -> HttpResponse:
        if not provider.is_enabled():
            raise Http404
        try:
            self.OIDC_OP_AUTH_ENDPOINT = provider.endpoints().authorization
        except provider.ProviderUnavailable as error:
            logger.error("single sign-on: the provider is unavailable: %s", error)
            return _unavailable(request)
        response: HttpResponse = super().get(request)
        return response


class OidcCallbackView(OIDCAuthenticationCallbackView):  # type: ignore[misc]
    request: HttpRequest

    def get(self, request: HttpRequest) -> HttpResponse:
        if not provider.is_enabled():
            raise Http404
        try:
            response: HttpResponse = super().get(request)
        except SignInRefused as refusal:
            logger.warning(
                "single sign-on refused (%s) for %r", refusal.reason, refusal.username or ""
            )
            sign_in_refused_record(
                reason=refusal.reason,
                username=refusal.username,
                ip_address=client_address(request),
            )
            return _refused(request, str(refusal), status=403)
        except (provider.ProviderUnavailable, requests.ConnectionError, requests.Timeout) as error:
            logger.error("single sign-on: the provider is unavailable: %s", error)
            return _unavailable(request)
        except (SuspiciousOperation, requests.RequestException) as error:
            logger.warning("single sign-on not confirmed: %s", error)
            sign_in_refused_record(reason="not_confirmed", ip_address=client_address(request))
            return _refused(
                request,
                _("Dit login hos %(provider)s kunne ikke bekræftes. Prøv at logge ind igen.")
                % {"provider": provider.display_name()},
                status=400,
            )
        return response

    @property
    def success_url(self) -> str:
        """The "next" the person left with, when it is a path on this site
        (core.http.local_path); else the start page."""
        target = self.request.session.get("oidc_login_next")
        return local_path(self.request, target) or resolve_url(settings.LOGIN_REDIRECT_URL)

    def login_success(self) -> HttpResponse:
        response: HttpResponse = super().login_success()
        remember_user_agent(self.request)
        return response

    def login_failure(self) -> HttpResponse:
        """The provider answered with an error (the person cancelled, or it refused them), or
        the browser came back without the session it left with."""
        sign_in_refused_record(reason="cancelled", ip_address=client_address(self.request))
        return _refused(
            self.request,
            _("Du blev ikke logget ind hos %(provider)s. Prøv igen.")
            % {"provider": provider.display_name()},
            status=403,
        )
