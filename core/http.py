"""Answers shared by every app's views: a download, htmx's partial or whole page, and where to
go back to."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.text import slugify
from django_htmx.middleware import HtmxDetails

_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


class HtmxHttpRequest(HttpRequest):
    """A request as django-htmx's middleware leaves it: `request.htmx` says whether htmx sent
    it, and what for. Views type their request with it (django-htmx's documented pattern)."""

    htmx: HtmxDetails


def ascii_slug(text: str, *, default: str) -> str:
    """A file-name-safe slug of Danish text: "Tværfagligt møde" is "tvaerfagligt-moede"."""
    return slugify(text.translate(_DANISH_LETTERS)) or default


def attachment_response(content: bytes | str, *, filename: str, content_type: str) -> HttpResponse:
    """`content` as a file the browser saves under `filename`."""
    return HttpResponse(
        content,
        content_type=content_type,
        headers={
            "Content-Disposition": content_disposition_header(
                as_attachment=True, filename=filename
            )
        },
    )


def is_partial(request: HtmxHttpRequest) -> bool:
    """Whether to answer with a partial: an htmx request, but not a history restore, which
    needs the whole page although htmx sends it."""
    return bool(request.htmx) and not request.htmx.history_restore_request


def render_page_or_partial(
    request: HtmxHttpRequest,
    template_name: str,
    partial: str,
    context: Mapping[str, Any],
    *,
    status: int = 200,
) -> HttpResponse:
    """The named partial of the page template for htmx, the whole page otherwise. The answer
    varies by HX-Request, so a cache never serves one for the other."""
    name = f"{template_name}#{partial}" if is_partial(request) else template_name
    response = render(request, name, dict(context), status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


# The largest primary key the databases hold (a 64-bit signed integer).
MAX_ID = 2**63 - 1


def posted_id(value: str) -> int | None:
    """A primary key from a posted or queried string; anything else (letters, "²", a number
    too large for the database) is None."""
    value = value.strip()
    if not (value.isascii() and value.isdigit()):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


def local_path(request: HttpRequest, target: str | None) -> str | None:
    """`target` (a "next" the browser sent) if it is a path on this site, else None: read
    before any write, so that a bad one never turns a done action into an error. Only an
    absolute path is taken: `redirect()` would try a bare word such as "x" as a view name and
    fail, and a relative one lands somewhere unforeseen; control characters and backslashes,
    which browsers read in ways of their own, are refused too."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target or any(not character.isprintable() for character in target):
        return None
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    return target
