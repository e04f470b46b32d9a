"""Signing in and out, resetting a password, a team's page (where its leader and coordinator
manage members, invitations, roles and settings), creating a team, and the person's own account
with their password and sessions."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm, SetPasswordForm
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from core.hooks import gather
from core.http import local_path, render_page_or_partial
from core.submits import submit_once
from teams import access, hooks, selectors, services
from teams.forms import (
    LanguageForm,
    LoginForm,
    MemberAddForm,
    MemberInviteForm,
    MemberUpdateForm,
    SessionEndForm,
    TeamCreateForm,
    TeamMeetingDefaultsForm,
    TeamSettingsForm,
)
from teams.models import Membership, Role, Team, User
from teams.oidc import provider as oidc_provider
from teams.requests import SignedInRequest
from teams.services import TeamRefused
from teams.sessions import remember_user_agent, sessions_of
from teams.tokens import invitation_token_generator


class LocalNextMixin:
    """The "next" of signing in and out is taken only when it is a path on this site
    (core.http.local_path), the rule of every "next" in the app."""

    redirect_field_name = "next"

    def get_redirect_url(self, request: HttpRequest | None = None) -> str:
        request = request or self.request  # type: ignore[attr-defined]
        target = request.POST.get(self.redirect_field_name) or request.GET.get(
            self.redirect_field_name
        )
        return local_path(request, target) or ""


class LoginView(LocalNextMixin, auth_views.LoginView):
    form_class = LoginForm
    template_name = "registration/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        remember_user_agent(self.request)
        return response

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # "Log ind med …" only when single sign-on is configured.
        context["sso_name"] = oidc_provider.display_name() if oidc_provider.is_enabled() else ""
        return context


# "Glemt adgangskode?": Django's reset flow. The answer is the same whether an account has the
# address or not; a new password ends the person's sessions everywhere.


class LogoutView(LocalNextMixin, auth_views.LogoutView):
    pass


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "registration/password_reset_form.html"
    email_template_name = "registration/password_reset_email.txt"
    subject_template_name = "registration/password_reset_subject.txt"
    success_url = reverse_lazy("password_reset_done")

    def get_extra_email_context(self) -> dict[str, str]:
        # The link points at the installation's own address, never at the request's Host.
        return {"base_url": settings.TEAMLAERING_BASE_URL.rstrip("/")}

    def form_valid(self, form: Any) -> HttpResponse:
        self.extra_email_context = self.get_extra_email_context()
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "registration/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "registration/password_reset_confirm.html"
    success_url = reverse_lazy("password_reset_complete")

    def form_valid(self, form: SetPasswordForm[User]) -> HttpResponse:
        response = super().form_valid(form)
        services.password_changed(user=form.user)
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "registration/password_reset_complete.html"


class InvitationAcceptView(auth_views.PasswordResetConfirmView):
    """The invitation's one-time link: the invitee chooses a password, then signs in."""

    template_name = "registration/invitation_accept.html"
    token_generator = invitation_token_generator
    success_url = reverse_lazy("login")

    def form_valid(self, form: SetPasswordForm[User]) -> HttpResponse:
        response = super().form_valid(form)
        services.password_changed(user=form.user)
        messages.success(
            self.request,
            _("Din adgangskode er gemt. Log ind med brugernavnet %(username)s.")
            % {"username": form.user.username},
        )
        return response


# A team's page


def _team_page(
    request: SignedInRequest, team: Team, *, status: int = 200, **forms: Any
) -> HttpResponse:
    managing = access.can_manage_team(request.user, team)
    regions, contributed = gather(hooks.team_page, hooks.TeamPage(user=request.user, team=team))
    context: dict[str, Any] = {
        **contributed,
        "regions": regions,
        "team": team,
        "members": selectors.team_members(team=team),
        "managing": managing,
        "naming_leaders": managing and access.may_name_leaders(request.user, team),
    }
    if managing:
        context |= {
            "add_form": forms.get("add_form") or MemberAddForm(team=team),
            "invite_form": forms.get("invite_form") or MemberInviteForm(),
            "settings_form": forms.get("settings_form") or TeamSettingsForm(instance=team),
            "meetings_form": forms.get("meetings_form") or TeamMeetingDefaultsForm(instance=team),
            "role_choices": Role.choices,
            "error": forms.get("error"),
            "error_member": forms.get("error_member"),
            "error_title": forms.get("error_title"),
        }
    return render_page_or_partial(
        request, "teams/team_detail.html", "members", context, status=status
    )


def _managed_team_or_404(request: SignedInRequest, slug: str) -> Team:
    team = access.team_or_404(request.user, slug)
    if not access.can_manage_team(request.user, team):
        raise PermissionDenied
    return team


def _membership_or_404(team: Team, pk: int) -> Membership:
    return get_object_or_404(Membership.objects.select_related("user", "team"), team=team, pk=pk)


def _back(team: Team) -> HttpResponse:
    return redirect("teams:team_detail", slug=team.slug)


@login_required
@require_GET
def my_team(request: SignedInRequest) -> HttpResponse:
    """The "Team" link: the first team the person leads, else the first they are in."""
    teams = selectors.led_teams(user=request.user)
    team = teams[0] if teams else selectors.first_team(user=request.user)
    if team is None:
        return render(request, "teams/no_team.html")
    return _back(team)


@login_required
@require_GET
def team_detail(request: SignedInRequest, slug: str) -> HttpResponse:
    return _team_page(request, access.team_or_404(request.user, slug))


@login_required
@require_POST
@submit_once
def member_add(request: SignedInRequest, slug: str) -> HttpResponse:
    team = _managed_team_or_404(request, slug)
    form = MemberAddForm(request.POST, team=team)
    if not form.is_valid():
        return _team_page(request, team, add_form=form)
    try:
        membership = services.member_add(
            team=team,
            user=form.cleaned_data["user"],
            role=form.cleaned_data["role"],
            title=form.cleaned_data["title"],
            actor=request.user,
        )
    except TeamRefused as refusal:
        form.add_error("role", str(refusal))
        return _team_page(request, team, add_form=form)
    messages.success(request, _("%(name)s er tilføjet teamet.") % {"name": membership.user})
    return _back(team)


@login_required
@require_POST
@submit_once
def member_invite(request: SignedInRequest, slug: str) -> HttpResponse:
    team = _managed_team_or_404(request, slug)
    form = MemberInviteForm(request.POST)
    if not form.is_valid():
        return _team_page(request, team, invite_form=form)
    data = form.cleaned_data
    try:
        membership = services.member_invite(
            team=team,
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            role=data["role"],
            title=data["title"],
            invited_by=request.user,
        )
    except TeamRefused as refusal:
        form.add_error("email" if "e-mail" in str(refusal) else "role", str(refusal))
        return _team_page(request, team, invite_form=form)
    messages.success(
        request,
        _("Invitationen er sendt til %(email)s.") % {"email": membership.user.email},
    )
    return _back(team)


@login_required
@require_POST
def member_update(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    team = _managed_team_or_404(request, slug)
    membership = _membership_or_404(team, pk)
    form = MemberUpdateForm(request.POST)
    if not form.is_valid():
        # The person's row shows what was typed again, with the form's own message.
        return _team_page(
            request,
            team,
            error=next(iter(form.errors.values()))[0],
            error_member=membership.pk,
            error_title=form.data.get("title", ""),
        )
    try:
        services.member_update(
            membership=membership,
            role=form.cleaned_data["role"],
            title=form.cleaned_data["title"],
            actor=request.user,
        )
    except TeamRefused as refusal:
        return _team_page(request, team, error=str(refusal), error_member=membership.pk)
    messages.success(request, _("%(name)s er gemt.") % {"name": membership.user})
    return _back(team)


@login_required
@require_POST
def member_remove(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    team = _managed_team_or_404(request, slug)
    membership = _membership_or_404(team, pk)
    try:
        services.member_remove(membership=membership, actor=request.user)
    except TeamRefused as refusal:
        return _team_page(request, team, error=str(refusal), error_member=membership.pk)
    if team.former_members_named:
        removed = _("%(name)s er fjernet fra teamet. Det, personen har skrevet, bliver.")
    else:
        removed = _(
            "%(name)s er fjernet fra teamet. Det, personen har skrevet, bliver og står nu som "
            "»tidligere medarbejder«."
        )
    messages.success(request, removed % {"name": membership.user})
    return _back(team)


@login_required
@require_POST
@submit_once
def invitation_resend(request: SignedInRequest, slug: str, pk: int) -> HttpResponse:
    team = _managed_team_or_404(request, slug)
    membership = _membership_or_404(team, pk)
    try:
        services.invitation_resend(membership=membership, invited_by=request.user)
    except TeamRefused as refusal:
        return _team_page(request, team, error=str(refusal), error_member=membership.pk)
    messages.success(request, _("Invitationen er sendt igen."))
    return _back(team)


@login_required
@require_POST
def team_settings(request: SignedInRequest, slug: str) -> HttpResponse:
    team = _managed_team_or_404(request, slug)
    form = TeamSettingsForm(
        request.POST, instance=Team.objects.select_related("organisation").get(pk=team.pk)
    )
    if not form.is_valid():
        return _team_page(request, team, settings_form=form)
    data = form.cleaned_data
    try:
        services.team_settings_update(
            team=team,
            case_deadline_working_days=data["case_deadline_working_days"],
            case_deadline_time=data["case_deadline_time"],
            case_retention_days=data["case_retention_days"],
            former_members_named=data["former_members_named"],
        )
    except TeamRefused as refusal:
        form.add_error("case_retention_days" if "dage" in str(refusal) else None, str(refusal))
        return _team_page(request, team, settings_form=form)
    messages.success(request, _("Teamets indstillinger er gemt."))
    return _back(team)


@login_required
@require_POST
def team_meeting_defaults(request: SignedInRequest, slug: str) -> HttpResponse:
    team = _managed_team_or_404(request, slug)
    form = TeamMeetingDefaultsForm(
        request.POST, instance=Team.objects.select_related("organisation").get(pk=team.pk)
    )
    if not form.is_valid():
        return _team_page(request, team, meetings_form=form)
    data = form.cleaned_data
    try:
        services.team_meeting_defaults_update(
            team=team,
            meeting_weekday=data["meeting_weekday"],
            meeting_time=data["meeting_time"],
            meeting_weeks_between=data["meeting_weeks_between"],
            meeting_place=data["meeting_place"],
        )
    except TeamRefused as refusal:
        field = "meeting_weeks_between" if "uger" in str(refusal) else "meeting_place"
        form.add_error(field, str(refusal))
        return _team_page(request, team, meetings_form=form)
    messages.success(request, _("Teamets mødestandarder er gemt."))
    return _back(team)


@login_required
@require_http_methods(["GET", "POST"])
@submit_once
def team_create(request: SignedInRequest) -> HttpResponse:
    """A department leader (or the site administrator) creates a team and names its leader:
    someone in the organisation, or a new person invited by email."""
    organisations = access.organisations_to_manage(request.user)
    if not organisations.exists():
        raise PermissionDenied
    form = TeamCreateForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            team = services.team_create_with_leader(
                organisation=data["organisation"],
                name=data["name"],
                leader=data["leader"],
                leader_first_name=data["leader_first_name"],
                leader_last_name=data["leader_last_name"],
                leader_email=data["leader_email"],
                actor=request.user,
            )
        except TeamRefused as refusal:
            form.add_error("leader_email" if "e-mail" in str(refusal) else "name", str(refusal))
        else:
            messages.success(request, _("Teamet »%(name)s« er oprettet.") % {"name": team.name})
            return _back(team)
    return render(request, "teams/team_create.html", {"form": form})


# The person's own account


@login_required
@require_http_methods(["GET", "POST"])
def account(request: SignedInRequest) -> HttpResponse:
    form = LanguageForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Dit valg er gemt."))
        return redirect("teams:account")
    can_create_teams = access.organisations_to_manage(request.user).exists()
    return render(
        request,
        "teams/account.html",
        {
            "form": form,
            "can_create_teams": can_create_teams,
            "can_read_audit_log": access.can_read_audit_log(request.user),
        },
    )


class PasswordChangeView(auth_views.PasswordChangeView):
    """ "Skift adgangskode": the session it is changed in stays; every other one ends."""

    template_name = "teams/password_change.html"
    success_url = reverse_lazy("teams:account")

    def form_valid(self, form: PasswordChangeForm) -> HttpResponse:
        response = super().form_valid(form)
        services.password_changed(user=form.user, keep_session=self.request.session.session_key)
        messages.success(
            self.request,
            _("Din adgangskode er skiftet. Du er logget ud alle andre steder."),
        )
        return response


@login_required
@require_http_methods(["GET", "POST"])
def account_sessions(request: SignedInRequest) -> HttpResponse:
    """The person's active sessions; "Log ud" of one, or of all of them."""
    current = request.session.session_key
    if request.method == "POST":
        form = SessionEndForm(request.POST)
        only = form.cleaned_data["session"] if form.is_valid() else ""
        if only and only != current:
            services.sessions_end(user=request.user, only=only)
            messages.success(request, _("Sessionen er afsluttet."))
            return redirect("teams:account_sessions")
        # All of them, this one too: the person is signed out here as well.
        services.sessions_end(user=request.user)
        request.session.flush()
        return redirect("login")
    return render(
        request,
        "teams/account_sessions.html",
        {"sessions": sessions_of(user_id=request.user.pk, current_key=current)},
    )
