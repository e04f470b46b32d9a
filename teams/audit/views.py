"""The audit log's page ("Adgangslog") and its CSV, for the site administrator and the
department leaders (their organisations' entries)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from core.http import attachment_response, render_page_or_partial
from teams import access
from teams.audit import selectors
from teams.audit.describe import detail_text, target_label
from teams.audit.forms import AuditFilterForm
from teams.audit.services import audit_record
from teams.models import AuditAction, AuditEntry, User
from teams.requests import SignedInRequest

PAGE_SIZE = 50


def _form(request: SignedInRequest) -> AuditFilterForm:
    data = request.GET if any(key in request.GET for key in ("person", "start", "end")) else None
    return AuditFilterForm(data, people=selectors.people_to_filter_by(reader=request.user))


def _reader(request: SignedInRequest) -> User:
    if not access.can_read_audit_log(request.user):
        raise PermissionDenied
    return request.user


@login_required
@require_GET
def audit_log(request: SignedInRequest) -> HttpResponse:
    reader = _reader(request)
    form = _form(request)
    entries = selectors.filtered_entries(reader=reader, **form.filters())
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    context: dict[str, Any] = {
        "form": form,
        "page": page,
        "rows": [(entry, target_label(entry), detail_text(entry)) for entry in page],
        "query": query.urlencode(),
    }
    return render_page_or_partial(request, "teams/audit/log.html", "entries", context)


# A cell that begins with one of these is a formula to a spreadsheet program.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def _person(user: User | None) -> str:
    return f"{user.display_name} ({user.username})" if user is not None else ""


def csv_rows(entries: Iterator[AuditEntry]) -> Iterator[list[str]]:
    """The header and one row per entry, each cell safe to open in a spreadsheet."""
    yield [
        _("Tidspunkt"),
        _("Handling"),
        _("Person"),
        _("Om person"),
        _("Organisation"),
        _("Team"),
        _("Objekt"),
        _("Detaljer"),
        _("IP-adresse"),
    ]
    for entry in entries:
        yield [
            _cell(value)
            for value in (
                timezone.localtime(entry.at).isoformat(timespec="seconds"),
                entry.get_action_display(),
                _person(entry.actor),
                _person(entry.subject),
                entry.organisation.name if entry.organisation else "",
                entry.team.name if entry.team else "",
                target_label(entry),
                detail_text(entry),
                entry.ip_address or "",
            )
        ]


@login_required
@require_GET
def audit_log_csv(request: SignedInRequest) -> HttpResponse:
    """The filtered log as CSV (semicolons and a byte-order mark, as spreadsheet programs set
    up for Danish expect), read in one query however long. Not streamed: under ASGI Django
    gathers a synchronous stream whole before sending it anyway."""
    reader = _reader(request)
    form = _form(request)
    filters = form.filters()
    entries = selectors.filtered_entries(reader=reader, **filters)
    audit_record(
        actor=reader,
        action=AuditAction.AUDIT_EXPORTED,
        subject=filters.get("person"),
        detail={name: str(filters[name]) for name in ("start", "end") if name in filters},
    )
    buffer = io.StringIO()
    buffer.write("\ufeff")
    csv.writer(buffer, delimiter=";").writerows(csv_rows(entries.iterator(chunk_size=1000)))
    return attachment_response(
        buffer.getvalue(),
        filename=f"adgangslog-{timezone.localdate().isoformat()}.csv",
        content_type="text/csv; charset=utf-8",
    )
