"""What products add to lower apps (registered by ProductsConfig.ready): the way back from a
meeting or a rollup to the products that came of it, and a product's draft started by a rollup
decision to change practice."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.hooks import Contribution
from meetings.hooks import MeetingPage
from products import selectors, services
from rollups.hooks import ChangeExtra, RollupPage
from rollups.models import RollupItem
from teams.models import User

DERIVED = "products/_products_from.html"


def meeting_products(page: MeetingPage) -> Contribution:
    return Contribution(
        templates={"after": DERIVED},
        context={"derived_products": selectors.products_from(source=page.meeting, user=page.user)},
    )


def rollup_products(page: RollupPage) -> Contribution:
    """The products that came from any decision of the rollup, in one query."""
    return Contribution(
        templates={"after": DERIVED},
        context={
            "derived_products": selectors.products_from_rollup(rollup=page.rollup, user=page.user)
        },
    )


def _start_draft(item: RollupItem, user: User) -> str:
    services.product_draft_from_rollup_item(item=item, user=user)
    return _("Et udkast til et produkt er oprettet under Produkter.")


PRODUCT_DRAFT = ChangeExtra(
    name="product_draft",
    label=_lazy("Opret også et udkast til et produkt"),
    help_text=_lazy("Fx en retningslinje eller arbejdsgang, som teamet kan skrive videre på."),
    start=_start_draft,
)
