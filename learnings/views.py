from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from learnings import selectors, services
from learnings.forms import LearningPointEditForm, PointFilterForm
from learnings.models import LearningPoint
from teams import rules
from teams.models import Team

PAGE_SIZE = 50


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    """The "Læring" menu item: the learning page of the user's (first) team."""
    team = Team.objects.member_of(request.user).order_by("name").first()
    team = team or Team.objects.visible_to(request.user).order_by("name").first()
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
    points = selectors.points_for_team(team=team, **form.filters())
    page = Paginator(points, PAGE_SIZE).get_page(request.GET.get("side"))
    now = timezone.now()
    leading = rules.can_lead_team(request.user, team)
    for point in page:
        point.editable = rules.can_edit_learning_point(
            request.user, point, now=now, leading=leading
        )
    template = "learnings/list.html#results" if request.htmx else "learnings/list.html"
    return render(
        request,
        template,
        {"team": team, "form": form, "page": page, "query": request.GET.urlencode()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def point_edit(request: HttpRequest, pk: int) -> HttpResponse:
    point = LearningPoint.objects.select_related("team", "meeting").filter(pk=pk).first()
    if point is None or not rules.can_view_learning(request.user, point.team):
        raise Http404
    if not rules.can_edit_learning_point(request.user, point, now=timezone.now()):
        raise PermissionDenied
    form = LearningPointEditForm(
        request.POST or None,
        team=point.team,
        initial={"text": point.text, "themes": point.themes.all()},
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
