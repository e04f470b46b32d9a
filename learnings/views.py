"""The team's learning page: its learning points (filtered and searched), editing a point and
the team's themes; every team's points at once for a person who reads several (a department
leader), who chooses the team on each page; and the learning points and summaries written
during a meeting."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from core import submits
from core.http import HtmxHttpRequest, is_partial, render_page_or_partial
from learnings import access, selectors, services
from learnings.chooser import carried_query, team_choices
from learnings.forms import (
    TEAM_NEUTRAL_FILTERS,
    LearningPointEditForm,
    LearningPointForm,
    PointFilterForm,
    SummaryForm,
    TeamsPointFilterForm,
    ThemeForm,
    ThemeMergeForm,
    ThemeRenameForm,
)
from learnings.models import Theme
from meetings.access import can_run_meeting, can_take_part, meeting_or_404, screen_mode
from meetings.guests.selectors import guest_or_404
from meetings.hooks import GuestLink
from meetings.models import PhaseKind
from meetings.runner import work_response
from meetings.selectors import current_step
from teams.access import can_lead_team, led_team_ids, visible_team_or_404
from teams.models import Team
from teams.requests import SignedInRequest
from teams.selectors import first_team


@login_required
@require_GET
def home(request: SignedInRequest) -> HttpResponse:
    """The "Læring" menu item: the learning of every team for a person who reads several (a
    department leader), the learning page of the user's one team, or a page saying they are in
    no team."""
    if access.teams_to_choose(request.user):
        return redirect("learnings:all_teams")
    team = first_team(user=request.user)
    if team is None:
        return render(request, "learnings/no_team.html")
    return redirect("learnings:learning_list", slug=team.slug)


def _list_context(request: SignedInRequest, page: Page, leading: Callable[[int], bool]) -> dict:
    """What one team's and all teams' learning pages share: the page of points, each marked
    editable or not (`leading(team_id)`, asked without a query), and the filters for paging."""
    now = timezone.now()
    for point in page:
        point.editable = access.can_edit_learning_point(
            request.user, point, now=now, leading=leading(point.team_id)
        )
    params = request.GET.copy()
    params.pop("side", None)
    return {"page": page, "query": params.urlencode(), "partial": is_partial(request)}


def _carried(request: SignedInRequest) -> str:
    return carried_query(request.GET, TEAM_NEUTRAL_FILTERS)


@login_required
@require_GET
def learning_list(request: SignedInRequest, slug: str) -> HttpResponse:
    team = visible_team_or_404(request.user, slug)
    form = PointFilterForm(request.GET or None, team=team)
    page = selectors.points_page(
        team=team, filters=form.filters(), page_number=request.GET.get("side")
    )
    leading = can_lead_team(request.user, team)
    choices = team_choices(
        teams=access.teams_to_choose(request.user),
        current=team,
        url_for=lambda each: reverse("learnings:learning_list", args=[each.slug]),
        all_teams_url=reverse("learnings:all_teams"),
        query=_carried(request),
    )
    return render_page_or_partial(
        request,
        "learnings/list.html",
        "results",
        {
            **_list_context(request, page, lambda _team_id: leading),
            "team": team,
            "form": form,
            "list_url": reverse("learnings:learning_list", args=[team.slug]),
            "team_choices": choices,
            "leading": leading,
        },
    )


@login_required
@require_GET
def all_teams(request: SignedInRequest) -> HttpResponse:
    """The learning points of every team the person chooses between, newest first, each named
    with its team. A person who reads one team's learning is sent to that team's page, with
    the filters."""
    teams = access.teams_to_choose(request.user)
    if not teams:
        team = first_team(user=request.user)
        if team is None:
            return render(request, "learnings/no_team.html")
        url = reverse("learnings:learning_list", args=[team.slug])
        query = _carried(request)
        return redirect(f"{url}?{query}" if query else url)
    form = TeamsPointFilterForm(request.GET or None)
    page = selectors.teams_points_page(
        teams=teams, filters=form.filters(), page_number=request.GET.get("side")
    )
    led = led_team_ids(request.user)
    choices = team_choices(
        teams=teams,
        current=None,
        url_for=lambda each: reverse("learnings:learning_list", args=[each.slug]),
        all_teams_url=reverse("learnings:all_teams"),
        query=_carried(request),
    )
    return render_page_or_partial(
        request,
        "learnings/list.html",
        "results",
        {
            **_list_context(request, page, lambda team_id: team_id in led),
            "team": None,
            "all_teams": True,
            "link_team": selectors.most_active_team(teams=teams),
            "form": form,
            "list_url": reverse("learnings:all_teams"),
            "team_choices": choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@submits.submit_once
def point_edit(request: SignedInRequest, pk: int) -> HttpResponse:
    point = access.point_or_404(request.user, pk)
    if not access.can_edit_learning_point(request.user, point, now=timezone.now()):
        raise PermissionDenied
    form = LearningPointEditForm(
        request.POST or None,
        team=point.team,
        initial={
            "revision": point.revision,
            "text": point.text,
            "themes": selectors.themes_of(point=point),
        },
    )
    stale = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.learning_point_update(
                point=point,
                user=request.user,
                revision=data["revision"],
                text=data["text"],
                themes=data["themes"],
                new_theme=data["new_theme"],
            )
        except services.StalePoint as refused:
            stale = refused.current
            # What this person typed stays, now based on the point they are shown, so that
            # saving again is a choice made with both texts in view.
            posted = request.POST.copy()
            posted["revision"] = str(stale.revision)
            form = LearningPointEditForm(posted, team=point.team)
            form.is_valid()
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Læringspunktet er gemt."))
            return redirect("learnings:learning_list", slug=point.team.slug)
    context = {"form": form, "point": point, "stale": stale}
    if stale is not None:
        context["stale_themes"] = selectors.themes_of(point=stale)
    return render_page_or_partial(request, "learnings/point_edit.html", "editor", context)


def _themes_page(
    request: SignedInRequest,
    team: Team,
    *,
    form: ThemeForm | None = None,
    failed: Theme | None = None,
    failed_form: ThemeRenameForm | ThemeMergeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The themes page; a refused rename or merge shows its error in that theme's row, with
    what was typed."""
    leading = access.can_manage_themes(request.user, team)
    return render(
        request,
        "learnings/themes.html",
        {
            "team": team,
            "team_choices": team_choices(
                teams=access.teams_to_choose(request.user),
                current=team,
                url_for=lambda each: reverse("learnings:themes", args=[each.slug]),
            ),
            "themes": selectors.themes_with_counts(team=team),
            "form": form or (ThemeForm() if leading else None),
            "leading": leading,
            "failed_pk": failed.pk if failed else None,
            "failed_form": failed_form,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
@submits.submit_once
def themes(request: SignedInRequest, slug: str) -> HttpResponse:
    """The team's themes: everyone who sees the team reads them; leader and coordinator create,
    rename, merge, retire and delete them."""
    team = visible_team_or_404(request.user, slug)
    if request.method == "POST":
        if not access.can_manage_themes(request.user, team):
            raise PermissionDenied
        form = ThemeForm(request.POST)
        if not form.is_valid():
            return _themes_page(request, team, form=form)
        theme = services.theme_create(team=team, name=form.cleaned_data["name"])
        messages.success(request, _("Temaet »%(name)s« er gemt.") % {"name": theme.name})
        return redirect("learnings:themes", slug=team.slug)
    return _themes_page(request, team)


def _managed_theme_or_404(request: SignedInRequest, slug: str, pk: int) -> tuple[Team, Theme]:
    team = visible_team_or_404(request.user, slug)
    if not access.can_manage_themes(request.user, team):
        raise PermissionDenied
    return team, selectors.theme_or_404(team=team, pk=pk)


@login_required
@require_POST
def theme_rename(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    team, theme = _managed_theme_or_404(request, slug, pk)
    old_name = theme.name
    form = ThemeRenameForm(request.POST)
    if form.is_valid():
        try:
            services.theme_rename(theme=theme, name=form.cleaned_data["name"])
        except services.ThemeRefused as refusal:
            form.add_error("name", str(refusal))
    if not form.is_valid():
        return _themes_page(request, team, failed=theme, failed_form=form)
    messages.success(
        request,
        _("»%(old)s« hedder nu »%(new)s«.") % {"old": old_name, "new": theme.name},
    )
    return redirect("learnings:themes", slug=team.slug)


@login_required
@require_POST
def theme_merge(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    team, theme = _managed_theme_or_404(request, slug, pk)
    form = ThemeMergeForm(request.POST, theme=theme)
    if not form.is_valid():
        return _themes_page(request, team, failed=theme, failed_form=form)
    into = services.theme_merge(theme=theme, into=form.cleaned_data["into"])
    messages.success(
        request,
        _("»%(theme)s« er flettet ind i »%(into)s«.") % {"theme": theme.name, "into": into.name},
    )
    return redirect("learnings:themes", slug=team.slug)


@login_required
@require_POST
def theme_retire(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    """Retire the theme, or ("restore" posted) take a retired one into use again."""
    team, theme = _managed_theme_or_404(request, slug, pk)
    restoring = request.POST.get("restore") == "1"
    services.theme_retire(theme=theme, retired=not restoring)
    message = (
        _("Temaet »%(name)s« er i brug igen.")
        if restoring
        else _("Temaet »%(name)s« er udfaset. Det bliver på læringspunkterne, der har det.")
    )
    messages.success(request, message % {"name": theme.name})
    return redirect("learnings:themes", slug=team.slug)


@login_required
@require_POST
def theme_delete(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    team, theme = _managed_theme_or_404(request, slug, pk)
    name = theme.name
    services.theme_delete(theme=theme)
    messages.success(request, _("Temaet »%(name)s« er slettet.") % {"name": name})
    return redirect("learnings:themes", slug=team.slug)


# Written during a meeting, in "Følg møde"


def _record_point(
    request: SignedInRequest,
    pk: int,
    *,
    phase: str,
    leader_summary: bool,
    wrong_phase: str,
    saved: str,
) -> HttpResponse:
    """A learning point in the round, or the leader's summary in the summary phase."""
    meeting = meeting_or_404(request.user, pk)
    allowed = can_run_meeting if leader_summary else can_take_part
    if not allowed(request.user, meeting):
        raise PermissionDenied
    mode = screen_mode(request.user, meeting, request.POST.get("mode"))
    step = current_step(meeting=meeting)
    if step is None or step.kind != phase:
        return work_response(request, meeting, mode, work_error=wrong_phase)
    form_name = "summary_form" if leader_summary else "learning_point_form"
    form = (SummaryForm if leader_summary else LearningPointForm)(request.POST)
    if not form.is_valid():
        forms: dict[str, Any] = {form_name: form}
        return work_response(request, meeting, mode, **forms)
    services.learning_point_add(
        meeting=meeting,
        agenda_item=step.agenda_item,
        author=request.user,
        text=form.cleaned_data["text"],
        is_leader_summary=leader_summary,
        changes_practice=form.cleaned_data["changes_practice"] if leader_summary else None,
    )
    submits.created(request)
    return work_response(
        request, meeting, mode, saved=saved, saved_form=form_name.removesuffix("_form")
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
@submits.submit_once
def meeting_point_add(request: SignedInRequest, pk: int) -> HttpResponse:
    return _record_point(
        request,
        pk,
        phase=PhaseKind.ROUND,
        leader_summary=False,
        wrong_phase=_("Læringspunkter skrives i runden."),
        saved=_("Læringspunktet er gemt."),
    )


@require_POST
@vary_on_headers("HX-Request")
def guest_point_add(request: HtmxHttpRequest, pk: int, token: str) -> HttpResponse:
    """A guest's learning point in the round, through their link (meetings/guests), when the
    one who invited them allowed it. Nobody is signed in: meetings gives the guest of the
    link, and the point is recorded under the meeting's facilitator with the guest's name."""
    guest = guest_or_404(meeting_pk=pk, token=token)
    if not guest.may_write_points:
        raise PermissionDenied
    meeting, link = guest.meeting, GuestLink(guest=guest, token=token)
    step = current_step(meeting=meeting)
    if not meeting.is_running or step is None or step.kind != PhaseKind.ROUND:
        return work_response(
            request,
            meeting,
            "participant",
            guest_link=link,
            work_error=_("Læringspunkter skrives i runden."),
        )
    form = LearningPointForm(request.POST)
    if not form.is_valid():
        return work_response(
            request, meeting, "participant", guest_link=link, learning_point_form=form
        )
    services.learning_point_add(
        meeting=meeting,
        agenda_item=step.agenda_item,
        author=meeting.facilitator,
        guest_name=guest.name,
        text=form.cleaned_data["text"],
    )
    return work_response(
        request,
        meeting,
        "participant",
        guest_link=link,
        saved=_("Læringspunktet er gemt."),
        saved_form="learning_point",
    )


@login_required
@require_POST
@vary_on_headers("HX-Request")
@submits.submit_once
def meeting_summary_add(request: SignedInRequest, pk: int) -> HttpResponse:
    return _record_point(
        request,
        pk,
        phase=PhaseKind.SUMMARY,
        leader_summary=True,
        wrong_phase=_("Opsamlingen skrives i opsamlingsfasen."),
        saved=_("Opsamlingen er gemt."),
    )
