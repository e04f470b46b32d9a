from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from teams.models import Membership, Organisation, Team, User


class MembershipInline(admin.TabularInline[Membership, Team]):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(User)
class UserAdmin(BaseUserAdmin[User]):
    # Django's UserAdmin always sets fieldsets; the stubs allow None for any ModelAdmin.
    fieldsets = (*(BaseUserAdmin.fieldsets or ()), (_("Teamlæring"), {"fields": ["language"]}))


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
