"""A team's meeting formats: the built-in ones to copy, and the team's own to adjust."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from meetings import format_services
from meetings.format_forms import format_forms
from meetings.format_services import PhaseTotal
from meetings.models import Format
from teams import rules
from teams.models import Team


def _viewable_team(request: HttpRequest, slug: str) -> Team:
    team = rules.visible_team_or_404(request.user, slug)
    if not rules.can_view_team(request.user, team):
        raise PermissionDenied
    return team


def _led_team(request: HttpRequest, slug: str) -> Team:
    team = rules.visible_team_or_404(request.user, slug)
    if not rules.can_lead_team(request.user, team):
        raise PermissionDenied
    return team


@login_required
@require_GET
def format_list(request: HttpRequest, slug: str) -> HttpResponse:
    team = _viewable_team(request, slug)
    formats = list(
        Format.objects.available_to(team)
        .annotate(
            total_minutes=Sum("phases__minutes"),
            total_per_person=Sum("phases__minutes_per_person"),
            total_per_case=Sum("phases__minutes", filter=Q(phases__per_case=True)),
        )
        .order_by(F("team").asc(nulls_first=True), "name", "pk")
    )
    for format in formats:
        format.total = PhaseTotal(
            format.total_minutes or 0, format.total_per_person or 0, format.total_per_case or 0
        )
    return render(
        request,
        "meetings/formats/list.html",
        {
            "team": team,
            "builtin_formats": [format for format in formats if format.is_builtin],
            "team_formats": [format for format in formats if not format.is_builtin],
            "can_lead": rules.can_lead_team(request.user, team),
        },
    )


@login_required
@require_GET
def format_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    team = _viewable_team(request, slug)
    format = get_object_or_404(Format.objects.available_to(team), pk=pk)
    phases = list(format.phases.order_by("position", "pk"))
    return render(
        request,
        "meetings/formats/detail.html",
        {
            "team": team,
            "format": format,
            "phases": phases,
            "total": PhaseTotal.of(phases),
            "can_lead": rules.can_lead_team(request.user, team),
        },
    )


@login_required
@require_POST
def format_copy(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    team = _led_team(request, slug)
    source = get_object_or_404(Format.objects.available_to(team), pk=pk)
    copy = format_services.format_copy(source=source, team=team, user=request.user)
    messages.success(request, _("Formatet er kopieret. Nu kan I tilpasse kopien."))
    return redirect("meetings:format_edit", slug=team.slug, pk=copy.pk)


@login_required
@require_http_methods(["GET", "POST"])
def format_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    team = _led_team(request, slug)
    format = get_object_or_404(Format, pk=pk, team=team)
    saved_name = format.name  # validating the form changes the instance in memory
    form, formset = format_forms(format=format, data=request.POST or None)
    if request.method == "POST" and all([form.is_valid(), formset.is_valid()]):
        format_services.format_update(format=format, form=form, formset=formset)
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
            "total": PhaseTotal.of(format_services.typed_phases(formset)),
        },
    )
