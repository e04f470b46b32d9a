from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProductsConfig(AppConfig):
    name = "products"
    verbose_name = _("Produkter")

    def ready(self) -> None:
        from meetings import hooks as meeting_hooks
        from products import panels, personal_data
        from rollups import hooks as rollup_hooks
        from teams import hooks as team_hooks

        meeting_hooks.meeting_page.register(panels.meeting_products)
        rollup_hooks.rollup_page.register(panels.rollup_products)
        rollup_hooks.change_extras.register(panels.PRODUCT_DRAFT)
        team_hooks.personal_data.register(personal_data.personal_data)
        team_hooks.person_unnamed.register(personal_data.rename_unnamed)
