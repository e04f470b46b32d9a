"""The team's learning page: its learning points (filtered and searched), editing a point,
and the team's themes."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from learnings import selectors, services
from learnings.forms import LearningPointEditForm, PointFilterForm, ThemeForm
from learnings.models import LearningPoint, Theme
from teams import rules
from teams.models import Team


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The "Læring" menu item: the learning page of the user's first team (a department
    leader's first team in their organisations), or a page saying they are in no team."""
    team = Team.objects.member_of(request.user).order_by("name", "pk").first()
    team = team or Team.objects.visible_to(request.user).order_by("name", "pk").first()
    if team is None:
        return render(request, "learnings/no_team.html")
    return redirect("learnings:learning_list", slug=team.slug)


@login_required
@require_GET
def learning_list(request: HttpRequest, slug: str) -> HttpResponse:
    team = rules.visible_team_or_404(request.user, slug)
    if not rules.can_view_learning(request.user, team):
        raise PermissionDenied
    form = PointFilterForm(request.GET or None, team=team)
    page = selectors.points_page(
        team=team, filters=form.filters(), page_number=request.GET.get("side")
    )
    now = timezone.now()
    leading = rules.can_lead_team(request.user, team)
    for point in page:
        point.editable = rules.can_edit_learning_point(
            request.user, point, now=now, leading=leading
        )
    params = request.GET.copy()
    params.pop("side", None)
    # A history restore asks for the whole page, though it comes from htmx.
    partial = request.htmx and not request.htmx.history_restore_request
    response = render(
        request,
        "learnings/list.html#results" if partial else "learnings/list.html",
        {
            "team": team,
            "form": form,
            "page": page,
            "query": params.urlencode(),
            "leading": leading,
            "partial": partial,
        },
    )
    patch_vary_headers(response, ["HX-Request"])
    return response


@login_required
@require_http_methods(["GET", "POST"])
def point_edit(request: HttpRequest, pk: int) -> HttpResponse:
    point = (
        LearningPoint.objects.select_related("team__organisation", "meeting", "agenda_item")
        .filter(pk=pk)
        .first()
    )
    if point is None or not rules.can_view_learning(request.user, point.team):
        raise Http404
    if not rules.can_edit_learning_point(request.user, point, now=timezone.now()):
        raise PermissionDenied
    form = LearningPointEditForm(
        request.POST or None,
        team=point.team,
        initial={"text": point.text, "themes": list(point.themes.all())},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.learning_point_update(
            point=point,
            user=request.user,
            text=data["text"],
            themes=data["themes"],
            new_theme=data["new_theme"],
        )
        messages.success(request, _("Læringspunktet er gemt."))
        return redirect("learnings:learning_list", slug=point.team.slug)
    return render(request, "learnings/point_edit.html", {"form": form, "point": point})


@login_required
@require_http_methods(["GET", "POST"])
def themes(request: HttpRequest, slug: str) -> HttpResponse:
    """The team's themes: everyone who sees the team reads them; leader and coordinator add."""
    team = rules.visible_team_or_404(request.user, slug)
    if not rules.can_view_learning(request.user, team):
        raise PermissionDenied
    leading = rules.can_lead_team(request.user, team)
    if request.method == "POST" and not leading:
        raise PermissionDenied
    form = ThemeForm(request.POST or None) if leading else None
    if form is not None and request.method == "POST" and form.is_valid():
        theme = services.theme_create(team=team, name=form.cleaned_data["name"])
        messages.success(request, _("Temaet »%(name)s« er gemt.") % {"name": theme.name})
        return redirect("learnings:themes", slug=team.slug)
    team_themes = (
        Theme.objects.filter(team=team)
        .annotate(point_count=Count("learning_points"))
        .order_by("name")
    )
    return render(
        request,
        "learnings/themes.html",
        {"team": team, "themes": team_themes, "form": form, "leading": leading},
    )


@login_required
@require_POST
def theme_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    team = rules.visible_team_or_404(request.user, slug)
    if not rules.can_lead_team(request.user, team):
        raise PermissionDenied
    theme = Theme.objects.filter(pk=pk, team=team).first()
    if theme is None:
        raise Http404
    name = theme.name
    services.theme_delete(theme=theme)
    messages.success(request, _("Temaet »%(name)s« er slettet.") % {"name": name})
    return redirect("learnings:themes", slug=team.slug)
