"""Signing in, a team's page with its members, and the person's own account."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from teams import selectors
from teams.access import visible_team_or_404
from teams.forms import LanguageForm, LoginForm
from teams.requests import SignedInRequest


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True


@login_required
@require_GET
def team_detail(request: SignedInRequest, slug: str) -> HttpResponse:
    team = visible_team_or_404(request.user, slug)
    members = selectors.team_members(team=team)
    return render(request, "teams/team_detail.html", {"team": team, "members": members})


@login_required
@require_http_methods(["GET", "POST"])
def account(request: SignedInRequest) -> HttpResponse:
    form = LanguageForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Dit valg er gemt."))
        return redirect("teams:account")
    return render(request, "teams/account.html", {"form": form})
