from django.contrib import admin

from products.models import Product, ProductVersion


class ProductVersionInline(admin.TabularInline):
    """Published versions are read-only, here as everywhere."""

    model = ProductVersion
    fields = ["number", "title", "published_at", "published_by", "change_note"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
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

    def has_add_permission(self, request) -> bool:
        # Products are created and written in the app, where drafts and versions are kept.
        return False
