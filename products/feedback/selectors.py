"""Reading a product's feedback: for its editors, all of it; for a reader, their own."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from products.models import Product, ProductFeedback
from teams.models import User

SHOWN = 200


def feedback_for_editors(*, product: Product) -> QuerySet[ProductFeedback]:
    return product.feedback.select_related("author", "version").order_by("-created_at", "-id")[
        :SHOWN
    ]


def feedback_or_404(*, product: Product, pk: int) -> ProductFeedback:
    return get_object_or_404(ProductFeedback.objects, pk=pk, product=product)


def given_by(*, product: Product, user: User) -> int:
    """How many times the person gave feedback on the product."""
    return product.feedback.filter(author=user).count()
