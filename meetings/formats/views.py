"""A team's meeting formats: the built-in ones to copy, and the team's own to adjust."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.submits import submit_once
from meetings.access import can_manage_formats
from meetings.formats import selectors, services
from meetings.formats.forms import format_forms
from meetings.formats.services import PhaseTotal
from teams.access import visible_team_or_404
from teams.models import Team
from teams.requests import SignedInRequest


def _managed_team(request: SignedInRequest, slug: str) -> Team:
    team = visible_team_or_404(request.user, slug)
    if not can_manage_formats(request.user, team):
        raise PermissionDenied
    return team


@login_required
@require_GET
def format_list(request: SignedInRequest, slug: str) -> HttpResponse:
    team = visible_team_or_404(request.user, slug)
    formats = selectors.formats_for(team=team)
    return render(
        request,
        "meetings/formats/list.html",
        {
            "team": team,
            "builtin_formats": [format for format in formats if format.is_builtin],
            "team_formats": [format for format in formats if not format.is_builtin],
            "can_lead": can_manage_formats(request.user, team),
        },
    )


@login_required
@require_GET
def format_detail(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    team = visible_team_or_404(request.user, slug)
    format = selectors.format_or_404(team=team, pk=pk)
    phases = selectors.phases_of(format=format)
    return render(
        request,
        "meetings/formats/detail.html",
        {
            "team": team,
            "format": format,
            "phases": phases,
            "total": PhaseTotal.of(phases),
            "can_lead": can_manage_formats(request.user, team),
        },
    )


@login_required
@require_POST
@submit_once
def format_copy(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    team = _managed_team(request, slug)
    source = selectors.format_or_404(team=team, pk=pk)
    copy = services.format_copy(source=source, team=team)
    messages.success(request, _("Formatet er kopieret. Nu kan I tilpasse kopien."))
    return redirect("meetings:format_edit", slug=team.slug, pk=copy.pk)


@login_required
@require_http_methods(["GET", "POST"])
def format_edit(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    team = _managed_team(request, slug)
    format = selectors.format_or_404(team=team, pk=pk, own=True)
    saved_name = format.name  # validating the form changes the instance in memory
    form, formset = format_forms(format=format, data=request.POST or None)
    if request.method == "POST" and all([form.is_valid(), formset.is_valid()]):
        services.format_update(format=format, form=form, formset=formset)
        messages.success(request, _("Formatet er gemt."))
        if "add_phase" in request.POST:
            return redirect("meetings:format_edit", slug=team.slug, pk=format.pk)
        return redirect("meetings:format_detail", slug=team.slug, pk=format.pk)
    return render(
        request,
        "meetings/formats/edit.html",
        {
            "team": team,
            "format": format,
            "saved_name": saved_name,
            "form": form,
            "formset": formset,
            "total": PhaseTotal.of(services.typed_phases(formset)),
        },
    )
