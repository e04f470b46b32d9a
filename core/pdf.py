"""The one place PDFs are made and answered: minutes, rollups and products all render here.

A PDF is an HTML template (extending templates/pdf/base.html) laid out by WeasyPrint, always in
Danish: it is a team's or an organisation's shared document, whoever downloads it. The
renderer never reaches the network or the file system: the only resources it may load are the
app's own static files, so user text in a template cannot make the server fetch anything.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from core.http import attachment_response

# Relative URLs in a PDF template ("/static/...") are resolved against this origin, which is
# never contacted: the fetcher below answers it from the static files.
BASE_URL = "https://teamlaering.invalid/"


# WeasyPrint ships no type information, so its URLFetcher is Any to mypy.
class StaticFilesOnlyFetcher(URLFetcher):  # type: ignore[misc]
    """Serves `/static/...` URLs from the app's static files and refuses everything else."""

    def __init__(self, *, origins: set[str]) -> None:
        super().__init__(allowed_protocols={"https", "http"})
        self._origins = origins

    def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
        path = static_path(url, origins=self._origins)
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime_type})


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def static_path(url: str, *, origins: set[str]) -> Path:
    """The file of one of the app's static files named by `url`, or ValueError."""
    parts = urlsplit(url)
    static_url = settings.STATIC_URL
    if _origin(url) not in origins or not parts.path.startswith(static_url):
        raise ValueError(f"PDF-skabelonen må kun hente appens egne statiske filer: {url}")
    name = unquote(parts.path.removeprefix(static_url))
    if not name or "\\" in name or any(part in {"", ".", ".."} for part in name.split("/")):
        raise ValueError(f"Ugyldig sti til en statisk fil: {url}")
    try:
        found = finders.find(name)
        if not found and staticfiles_storage.exists(name):
            # In production the names are hashed and the files live in STATIC_ROOT.
            found = staticfiles_storage.path(name)
    except (SuspiciousFileOperation, NotImplementedError) as error:
        raise ValueError(f"Ugyldig sti til en statisk fil: {url}") from error
    if not found:
        raise ValueError(f"Den statiske fil findes ikke: {url}")
    path = Path(found[0] if isinstance(found, list) else found)
    if not path.is_file():
        raise ValueError(f"Den statiske fil findes ikke: {url}")
    return path


def render_pdf(
    *, template_name: str, context: dict[str, Any], request: HttpRequest | None = None
) -> bytes:
    """Render an HTML template to an A4 PDF in Danish; it should extend "pdf/base.html"."""
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string(template_name, context, request=request)
    origins = {_origin(BASE_URL)}
    if request is not None:
        origins.add(_origin(request.build_absolute_uri("/")))
    document = HTML(
        string=html,
        base_url=BASE_URL,
        url_fetcher=StaticFilesOnlyFetcher(origins=origins),
        media_type="print",
    )
    pdf: bytes = document.write_pdf()
    return pdf


def pdf_response(content: bytes, *, filename: str) -> HttpResponse:
    """A rendered PDF as a download named `filename`."""
    return attachment_response(content, filename=filename, content_type="application/pdf")
