from django.contrib import admin
from django.http import HttpRequest

from products.models import Product, ProductVersion

# Shown and read-only alike; a tuple, as a list would fit only one of the two options' types.
VERSION_FIELDS = ("number", "title", "published_at", "published_by", "change_note")


class ProductVersionInline(admin.TabularInline):
    """Published versions are read-only, here as everywhere."""

    model = ProductVersion
    fields = VERSION_FIELDS
    readonly_fields = VERSION_FIELDS
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Product | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Product | None = None) -> bool:
        return False


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "organisation", "team", "responsible", "latest_version"]
    list_filter = ["kind", "organisation", "team"]
    search_fields = ["title"]
    fields = ["organisation", "team", "kind", "title", "responsible", "themes"]
    raw_id_fields = ["responsible"]
    inlines = [ProductVersionInline]

    readonly_fields = ["organisation", "team", "kind", "title", "themes"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Products are created and written in the app, where drafts and versions are kept.
        return False
