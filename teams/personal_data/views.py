"""A person's own data ("Hent mine data" on "Min konto") and erasing a person (the site
administrator's page, also reached from the admin's "Slet")."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.http import attachment_response
from teams import access
from teams.audit.services import audit_record
from teams.models import AuditAction, User
from teams.personal_data import selectors, services
from teams.personal_data.export import personal_data_json
from teams.personal_data.forms import EraseForm
from teams.requests import SignedInRequest
from teams.services import TeamRefused


@login_required
@require_GET
def my_data(request: SignedInRequest) -> HttpResponse:
    """ "Hent mine data": one JSON file with what the app holds about the person."""
    content = personal_data_json(person=request.user, current_session=request.session.session_key)
    audit_record(actor=request.user, action=AuditAction.DATA_EXPORTED, subject=request.user)
    return attachment_response(
        content,
        filename=f"mine-data-{timezone.localdate().isoformat()}.json",
        content_type="application/json; charset=utf-8",
    )


@login_required
@require_http_methods(["GET", "POST"])
def person_erase(request: SignedInRequest, pk: int) -> HttpResponse:
    if not access.can_erase_person(request.user):
        raise PermissionDenied
    person = get_object_or_404(User, pk=pk)
    form = EraseForm(request.POST or None, person=person)
    if request.method == "POST" and form.is_valid():
        name = person.display_name
        try:
            services.person_erase(person=person, actor=request.user)
        except TeamRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(
                request,
                _("%(name)s er slettet. Det, personen skrev, står nu som »tidligere medarbejder«.")
                % {"name": name},
            )
            return redirect("admin:teams_user_changelist")
    return render(
        request,
        "teams/personal_data/erase.html",
        {
            "person": person,
            "form": form,
            "memberships": selectors.memberships_of(person=person),
            "handed_on": selectors.rows_handed_on(person=person),
        },
    )
