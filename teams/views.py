from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from learnings import rollup_selectors
from meetings import selectors as meeting_selectors
from teams import rules, selectors
from teams.forms import LanguageForm, LoginForm


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


@login_required
def home(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    teams = list(
        rollup_selectors.with_rollup_status(
            selectors.teams_for_overview(user=request.user), today=today
        )
    )
    upcoming = list(
        meeting_selectors.meetings_for(user=request.user).upcoming().order_by("starts_at")[:5]
    )
    for meeting in upcoming:
        meeting.user_can_run = rules.can_run_meeting(request.user, meeting)
    is_member = any(team.own_memberships for team in teams)
    return render(
        request,
        "teams/home.html",
        {
            "teams": teams,
            "upcoming": upcoming,
            "is_member": is_member,
            "actions": list(
                rollup_selectors.open_actions_for(user=request.user, today=today)[:20]
            ),
            "rollups_due": rollup_selectors.teams_with_rollup_due(
                user=request.user, today=today, teams=teams
            ),
        },
    )


@login_required
def team_detail(request: HttpRequest, slug: str) -> HttpResponse:
    team = rules.visible_team_or_404(request.user, slug)
    members = selectors.team_members(team=team)
    return render(request, "teams/team_detail.html", {"team": team, "members": members})


@login_required
@require_http_methods(["GET", "POST"])
def account(request: HttpRequest) -> HttpResponse:
    form = LanguageForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Dit valg er gemt."))
        return redirect("teams:account")
    return render(request, "teams/account.html", {"form": form})
