"""The one place PDFs are made and answered: minutes, rollups and products all render here.

A PDF is an HTML template (extending templates/pdf/base.html) laid out by WeasyPrint, always in
Danish: it is a team's or an organisation's shared document, whoever downloads it. The
renderer never reaches the network or the file system: the only resources it may load are the
app's own static files, so user text in a template cannot make the server fetch anything.

Laying out is the app's most expensive work, so it is bounded: a PDF is rendered once per
content and stored (StoredPdf, keyed by the SHA-256 of its HTML), and a document larger than
core.limits.PDF_INLINE_HTML is rendered off the request by a task while the person sees a page
that asks every few seconds until the PDF is there.
"""

from __future__ import annotations

import hashlib
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from core import limits
from core.http import HtmxHttpRequest, attachment_response, is_partial
from core.models import StoredPdf

# A queued PDF not rendered by then is queued again (the worker may have been restarted).
REQUEUE_AFTER = timedelta(minutes=2)
# How often the waiting page asks whether the PDF is there, in seconds.
POLL_SECONDS = 3

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
    origins = {_origin(request.build_absolute_uri("/"))} if request is not None else set()
    return html_to_pdf(layout_html(template_name, context, request=request), origins=origins)


def layout_html(
    template_name: str, context: dict[str, Any], *, request: HttpRequest | None = None
) -> str:
    """The HTML a PDF is laid out from, in Danish."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(template_name, context, request=request)


def html_to_pdf(html: str, *, origins: set[str] | frozenset[str] = frozenset()) -> bytes:
    document = HTML(
        string=html,
        base_url=BASE_URL,
        url_fetcher=StaticFilesOnlyFetcher(origins={_origin(BASE_URL), *origins}),
        media_type="print",
    )
    pdf: bytes = document.write_pdf()
    return pdf


def subject_of(instance: models.Model) -> str:
    """What a stored PDF is of, e.g. "meetings.meeting:42"."""
    return f"{instance._meta.label_lower}:{instance.pk}"


def _key(html: str) -> str:
    return hashlib.sha256(html.encode()).hexdigest()


def _store(*, key: str, subject: str, content: bytes, lasting: bool) -> None:
    """Keep the rendered PDF; the subject's older PDFs (of content since changed) go."""
    with transaction.atomic():
        if not StoredPdf.objects.filter(key=key).update(content=content, html=""):
            try:
                with transaction.atomic():
                    StoredPdf.objects.create(
                        key=key, subject=subject, content=content, lasting=lasting
                    )
            except IntegrityError:
                pass  # another request rendered the same content at the same time: same bytes
        StoredPdf.objects.filter(subject=subject).exclude(key=key).delete()


def _first_content(stored: models.QuerySet[StoredPdf]) -> bytes | None:
    for content in stored.values_list("content", flat=True)[:1]:
        if content is not None:
            return bytes(content)
    return None


def _stored(key: str) -> bytes | None:
    return _first_content(StoredPdf.objects.filter(key=key, content__isnull=False))


def _stored_lasting(subject: str) -> bytes | None:
    return _first_content(
        StoredPdf.objects.filter(subject=subject, lasting=True, content__isnull=False)
    )


def stored_pdf(
    *, template_name: str, context: dict[str, Any], subject: str, lasting: bool = False
) -> bytes:
    """The PDF of this content: as stored, else rendered now (in this process, whatever its
    size: for work already off the request, such as mailing the minutes) and stored."""
    html = layout_html(template_name, context)
    key = _key(html)
    content = _stored(key)
    if content is None:
        content = html_to_pdf(html)
        _store(key=key, subject=subject, content=content, lasting=lasting)
    return content


@dataclass(frozen=True)
class PdfDownload:
    """The answer to "Hent PDF": the PDF itself (`delivered`), or the page that waits for it."""

    response: HttpResponse
    delivered: bool


def pdf_download(
    request: HttpRequest,
    *,
    template_name: str,
    context: dict[str, Any] | Callable[[], dict[str, Any]],
    subject: str,
    filename: str,
    lasting: bool = False,
) -> PdfDownload:
    """The PDF as a download when it is stored or small enough to render within the request;
    otherwise it is queued for the task and the person gets a page that asks the same URL
    every few seconds (htmx) and offers the PDF when it is there.

    A lasting PDF (of what never changes) is found by its subject, without laying the HTML out
    again: `context` may be a function, then called only when the HTML is needed."""
    content = _stored_lasting(subject) if lasting else None
    if content is None:
        html = layout_html(template_name, context() if callable(context) else context)
        key = _key(html)
        content = _stored(key)
        if content is None and len(html) <= limits.PDF_INLINE_HTML:
            content = html_to_pdf(html)
            _store(key=key, subject=subject, content=content, lasting=lasting)
        if content is None:
            _queue(key=key, subject=subject, html=html, lasting=lasting)
    polled = is_partial(cast(HtmxHttpRequest, request))
    if content is not None and not polled:
        return PdfDownload(pdf_response(content, filename=filename), delivered=True)
    if polled:
        # The waiting page asks every few seconds (htmx): nothing new while the task works
        # (204 keeps it asking); once the PDF is there, 286 stops the asking and shows the
        # link, so the download is the person's own click, as a screen reader expects.
        if content is None:
            return PdfDownload(HttpResponse(status=204), delivered=False)
        ready = render(request, "pdf/waiting.html#ready", {"filename": filename}, status=286)
        return PdfDownload(ready, delivered=False)
    waiting = render(
        request,
        "pdf/waiting.html",
        {"filename": filename, "poll_seconds": POLL_SECONDS},
        status=202,
    )
    # Each visit asks again; no cache in between may answer it with this page.
    waiting["Cache-Control"] = "no-store"
    return PdfDownload(waiting, delivered=False)


def _queue(*, key: str, subject: str, html: str, lasting: bool) -> None:
    """Queue the rendering once; again only when the queued one has not come back in time."""
    now = timezone.now()
    if not StoredPdf.objects.filter(key=key).exists():
        try:
            with transaction.atomic():
                StoredPdf.objects.create(
                    key=key, subject=subject, html=html, lasting=lasting, queued_at=now
                )
        except IntegrityError:
            return  # another request queued it at the same moment
    elif not StoredPdf.objects.filter(
        key=key, content__isnull=True, queued_at__lt=now - REQUEUE_AFTER
    ).update(queued_at=now):
        return
    transaction.on_commit(lambda: render_stored_pdf.enqueue(key=key))


@task
def render_stored_pdf(*, key: str) -> bool:
    """Render a queued PDF and store it; False when there was nothing (left) to render."""
    queued = (
        StoredPdf.objects.filter(key=key, content__isnull=True)
        .values_list("html", "subject", "lasting")
        .first()
    )
    if queued is None:
        return False
    html, subject, lasting = queued
    _store(key=key, subject=subject, content=html_to_pdf(html), lasting=lasting)
    return True


def forget_pdfs(*, subjects: list[str]) -> int:
    """Drop the stored PDFs of these documents (an erasure changed them); returns how many."""
    deleted, _per_model = StoredPdf.objects.filter(subject__in=subjects).delete()
    return deleted


def purge_stored_pdfs() -> int:
    """Drop every stored PDF but the published versions': minutes and rollups may hold case
    material that retention has deleted since. The daily retention job calls it."""
    deleted, _per_model = StoredPdf.objects.filter(lasting=False).delete()
    return deleted


def pdf_response(content: bytes, *, filename: str) -> HttpResponse:
    """A rendered PDF as a download named `filename`."""
    return attachment_response(content, filename=filename, content_type="application/pdf")
