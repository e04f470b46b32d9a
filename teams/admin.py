"""The admin site, for site administrators: in Danish, and a deactivated person or a new
password ends the person's sessions at once (teams.services), as on the team page; deleting a
person is the erasure page's (teams.personal_data)."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import admin
from django.contrib.admin.options import ActionLocation
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from core.http import posted_id
from teams import services
from teams.audit.services import audit_record
from teams.models import AuditAction, Membership, Organisation, SessionOwner, Team, User
from teams.personal_data.handing import team_words_hand_on

admin.site.site_header = _("Teamlæring: administration")
admin.site.site_title = _("Teamlæring")
admin.site.index_title = _("Administration")


class MembershipInline(admin.TabularInline[Membership, Team]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    # Django's UserAdmin always sets fieldsets; the stubs allow None for any ModelAdmin.
    fieldsets = (
        *(BaseUserAdmin.fieldsets or ()),
        (_("Teamlæring"), {"fields": ["language", "organisation"]}),
    )

    def save_model(self, request: HttpRequest, obj: User, form: Any, change: bool) -> None:
        before = User.objects.filter(pk=obj.pk).values("is_active", "password").first()
        # What the person may do before the change (the form has set the new values on `obj`
        # already), for the audit log (save_related).
        form.access_before = (
            _access_of(User.objects.get(pk=obj.pk)) if before is not None else None
        )
        super().save_model(request, obj, form, change)
        if before is None:
            return
        if before["is_active"] and not obj.is_active:
            services.user_deactivate(user=obj, actor=cast(User, request.user))
        elif before["password"] != obj.password:
            services.password_changed(user=obj, keep_session=_own_session(request, obj))

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        """A change of what the person may do (reactivated, made staff or superuser, given
        groups or permissions) goes to the audit log; a deactivation is user_deactivate's."""
        super().save_related(request, form, formsets, change)
        before = getattr(form, "access_before", None)
        if before is None:
            return
        after = _access_of(form.instance)
        changed = {key: value for key, value in after.items() if before[key] != value}
        if changed.get("is_active") is False:
            del changed["is_active"]
        if changed:
            audit_record(
                actor=request.user,
                action=AuditAction.ACCOUNT_CHANGED,
                subject=form.instance,
                organisation=form.instance.organisation,
                detail=changed,
            )

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        person = self.get_object(request, id)
        before = person.password if person else None
        response = super().user_change_password(request, id, form_url)
        if person is not None:
            person.refresh_from_db(fields=["password"])
            if person.password != before:
                services.password_changed(user=person, keep_session=_own_session(request, person))
        return response

    def delete_view(
        self, request: HttpRequest, object_id: str, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        """The admin's "Slet" is the erasure (GDPR art. 17): what the person wrote is handed
        on to "tidligere medarbejder" first, which Django's own deletion cannot do."""
        pk = posted_id(object_id)
        if pk is None:
            raise Http404
        return redirect("teams:person_erase", pk=pk)

    def get_actions(
        self, request: HttpRequest, action_location: ActionLocation = ActionLocation.CHANGE_LIST
    ) -> dict[str, Any]:
        # Deleting many at once would skip the erasure and its confirmation.
        actions = super().get_actions(request, action_location)
        actions.pop("delete_selected", None)
        return actions


def _access_of(person: User) -> dict[str, Any]:
    """What the person may do, as the audit log records it: the flags, the groups by name and
    the number of permissions of their own."""
    return {
        "is_active": person.is_active,
        "is_staff": person.is_staff,
        "is_superuser": person.is_superuser,
        "groups": sorted(person.groups.values_list("name", flat=True)),
        "permissions": person.user_permissions.count(),
    }


def _own_session(request: HttpRequest, person: User) -> str | None:
    """The administrator's own session stays when they change their own password."""
    return request.session.session_key if request.user.pk == person.pk else None


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin[Organisation]):
    search_fields = ["name"]
    filter_horizontal = ["department_leaders"]


@admin.register(Team)
class TeamAdmin(admin.ModelAdmin[Team]):
    list_display = ["name", "organisation"]
    list_filter = ["organisation"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [MembershipInline]

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        """Members added, given a new role or removed here go to the audit log, as on the
        team page."""
        team = form.instance
        roles_before = dict(Membership.objects.filter(team=team).values_list("pk", "role"))
        super().save_formset(request, form, formset, change)
        if formset.model is not Membership:
            return
        for membership in formset.new_objects:
            audit_record(
                actor=request.user,
                action=AuditAction.MEMBER_ADDED,
                subject=membership.user,
                team=team,
                detail={"role": membership.role},
            )
        for membership, changed in formset.changed_objects:
            if "role" in changed:
                audit_record(
                    actor=request.user,
                    action=AuditAction.ROLE_CHANGED,
                    subject=membership.user,
                    team=team,
                    detail={
                        "from_role": roles_before.get(membership.pk),
                        "to_role": membership.role,
                    },
                )
        for membership in formset.deleted_objects:
            # As on the team page: the team decides how the member is named in what they wrote.
            moved = (
                {}
                if team.former_members_named
                else team_words_hand_on(person=membership.user, team=team)
            )
            audit_record(
                actor=request.user,
                action=AuditAction.MEMBER_REMOVED,
                subject=membership.user,
                team=team,
                detail={
                    "role": roles_before.get(membership.pk, membership.role),
                    **({"moved": moved} if moved else {}),
                },
            )


@admin.register(SessionOwner)
class SessionOwnerAdmin(admin.ModelAdmin[SessionOwner]):
    """Who is signed in where; deleting a row here does not end the session (use the person's
    "Log ud alle steder", or deactivate them)."""

    list_display = ["user", "signed_in_at"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    readonly_fields = ["session", "user", "signed_in_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
