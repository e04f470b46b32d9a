"""A team's meeting series ("Mødeserier"): the list, a new series, changing and ending one,
and its calendar file."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.http import attachment_response
from core.submits import submit_once
from meetings.access import can_plan_meeting
from meetings.series import selectors, services
from meetings.series.forms import SeriesForm
from meetings.series.ics import series_ics
from meetings.services import ActionRefused
from teams.access import visible_team_or_404
from teams.models import Team
from teams.requests import SignedInRequest


def _planned_team(request: SignedInRequest, slug: str) -> Team:
    team = visible_team_or_404(request.user, slug)
    if not can_plan_meeting(request.user, team):
        raise PermissionDenied
    return team


@login_required
@require_GET
def series_list(request: SignedInRequest, slug: str) -> HttpResponse:
    team = _planned_team(request, slug)
    return render(
        request,
        "meetings/series/list.html",
        {"team": team, "series_list": selectors.series_for(team=team)},
    )


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def series_create(request: SignedInRequest, slug: str) -> HttpResponse:
    team = _planned_team(request, slug)
    if request.method == "POST":
        form = SeriesForm(request.POST, team=team)
        if form.is_valid():
            try:
                series = services.series_create(team=team, fields=form.series_fields())
            except ActionRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(
                    request,
                    _("Mødeserien »%(title)s« er oprettet, og møderne 8 uger frem er planlagt.")
                    % {"title": series.title},
                )
                return redirect("meetings:series_list", slug=team.slug)
    else:
        form = SeriesForm(
            team=team,
            initial={
                "facilitator": request.user.pk,
                "starts_on": timezone.localdate(),
                "place": team.meeting_place,
            },
        )
    return render(request, "meetings/series/edit.html", {"team": team, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def series_edit(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    team = _planned_team(request, slug)
    series = selectors.series_or_404(team=team, pk=pk)
    if not series.is_active:
        messages.error(request, _("En afsluttet serie kan ikke ændres."))
        return redirect("meetings:series_list", slug=team.slug)
    if request.method == "POST":
        form = SeriesForm(request.POST, team=team)
        if form.is_valid():
            try:
                changed = services.series_update(series=series, fields=form.series_fields())
            except ActionRefused as refused:
                form.add_error(None, str(refused))
            else:
                messages.success(
                    request,
                    ngettext(
                        "Serien er gemt. %(count)s møde, der ikke er holdt, fulgte med.",
                        "Serien er gemt. %(count)s møder, der ikke er holdt, fulgte med.",
                        changed,
                    )
                    % {"count": changed},
                )
                return redirect("meetings:series_list", slug=team.slug)
    else:
        form = SeriesForm(team=team, initial=SeriesForm.initial_of(series))
    return render(
        request, "meetings/series/edit.html", {"team": team, "form": form, "series": series}
    )


@login_required
@require_POST
def series_end(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    team = _planned_team(request, slug)
    series = selectors.series_or_404(team=team, pk=pk)
    try:
        ending = services.series_end(series=series)
    except ActionRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(
            request,
            _(
                "Serien »%(title)s« er afsluttet. %(deleted)s planlagte møder uden sager er "
                "slettet; %(kept)s møder med valgte sager er beholdt."
            )
            % {"title": series.title, "deleted": ending.deleted, "kept": ending.kept},
        )
    return redirect("meetings:series_list", slug=team.slug)


@login_required
@require_GET
def series_calendar(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    """The series as a recurring event, for everyone who sees the team."""
    team = visible_team_or_404(request.user, slug)
    series = selectors.series_or_404(team=team, pk=pk)
    return attachment_response(
        series_ics(
            series=series,
            participants=list(selectors.participants_of(series=series)),
            now=timezone.now(),
        ),
        filename=f"moedeserie-{series.pk}.ics",
        content_type="text/calendar; charset=utf-8",
    )
