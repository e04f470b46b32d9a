"""Feedback on a published product, and the next draft started from it."""

from __future__ import annotations

import copy

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import limits
from core.privacy import find_cpr
from products.content import PARTS
from products.models import Product, ProductFeedback, ProductKind, ProductUse
from products.services import ProductRefused, product_save_draft
from teams.models import User


@transaction.atomic
def feedback_give(*, product: Product, author: User, used: str, missing: str) -> ProductFeedback:
    """Feedback on the product's current version. Who may give it is the view's
    (access.can_give_feedback)."""
    if product.latest_version_id is None:
        raise ProductRefused(_("Produktet er ikke udgivet endnu."))
    if used not in ProductUse.values:
        raise ProductRefused(_("Svar, om du bruger produktet."))
    missing = missing.strip()
    if len(missing) > limits.SHORT_TEXT:
        raise ProductRefused(limits.too_long(limits.SHORT_TEXT, len(missing)))
    if find_cpr(missing):
        raise ProductRefused(_("Teksten ligner et CPR-nummer og er ikke gemt."))
    return ProductFeedback.objects.create(
        product=product,
        version_id=product.latest_version_id,
        author=author,
        used=used,
        missing=missing,
    )


@transaction.atomic
def product_draft_from_feedback(*, feedback: ProductFeedback, user: User) -> Product:
    """Start the product's next draft from the feedback: what is missing goes into the draft
    (as a section of its own, or, for a referral form, after its purpose) for the editors to
    work into the text, and the feedback is marked as taken up. Unpublished changes already in
    the draft stay."""
    feedback = ProductFeedback.objects.select_for_update().get(pk=feedback.pk)
    if feedback.taken_up_at is not None:
        raise ProductRefused(_("Feedbacken er allerede taget op i kladden."))
    product = Product.objects.get(pk=feedback.product_id)
    note = f"{feedback.get_used_display()}. {feedback.missing}".strip()
    content = copy.deepcopy(product.draft)
    if "sections" in PARTS[ProductKind(product.kind)]:
        section = {"title": _("Feedback at arbejde videre med"), "kind": "text", "text": note}
        content["sections"] = [*content.get("sections", []), section]
    else:
        purpose = content.get("purpose", "")
        content["purpose"] = f"{purpose}\n\n{_('Feedback')}: {note}".strip()
    product = product_save_draft(
        product=product,
        user=user,
        revision=product.draft_revision,
        title=product.title,
        content=content,
    )
    feedback.taken_up_at = timezone.now()
    feedback.taken_up_by = user
    feedback.save(update_fields=["taken_up_at", "taken_up_by"])
    return product
