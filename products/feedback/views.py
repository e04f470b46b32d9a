"""Feedback on a published product ("Giv feedback"), and its editors starting the next draft
from a piece of it."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.http import render_page_or_partial
from products import access
from products.feedback import selectors, services
from products.feedback.forms import FeedbackForm
from products.models import Product
from products.services import ProductRefused
from teams.access import AnyUser
from teams.requests import SignedInRequest


def detail_context(user: AnyUser, product: Product, *, can_edit: bool) -> dict[str, Any]:
    """What the product's page shows of its feedback: the form to readers of a published
    product, and every piece of feedback to its editors."""
    return {
        "feedback_form": FeedbackForm() if access.can_give_feedback(user, product) else None,
        "feedback_list": selectors.feedback_for_editors(product=product) if can_edit else None,
    }


@login_required
@require_http_methods(["GET", "POST"])
def feedback(request: SignedInRequest, pk: int) -> HttpResponse:
    product = access.product_or_404(request.user, pk)
    if not access.can_give_feedback(request.user, product):
        raise PermissionDenied
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_give(
                product=product,
                author=request.user,
                used=form.cleaned_data["used"],
                missing=form.cleaned_data["missing"],
            )
        except ProductRefused as refused:
            form.add_error("missing", str(refused))
        else:
            messages.success(request, _("Tak for din feedback. Produktets ansvarlige kan se den."))
            return redirect("products:detail", pk=product.pk)
    return render_page_or_partial(
        request,
        "products/feedback/feedback.html",
        "feedback_form",
        {"product": product, "feedback_form": form},
    )


@login_required
@require_POST
def feedback_draft(request: SignedInRequest, pk: int, feedback_pk: int) -> HttpResponse:
    product = access.product_or_404(request.user, pk)
    if not access.can_edit_product(request.user, product):
        raise PermissionDenied
    item = selectors.feedback_or_404(product=product, pk=feedback_pk)
    try:
        services.product_draft_from_feedback(feedback=item, user=request.user)
    except ProductRefused as refused:
        messages.error(request, str(refused))
        return redirect("products:detail", pk=product.pk)
    messages.success(request, _("Feedbacken er sat ind i kladden. Skriv den ind i teksten."))
    return redirect("products:edit", pk=product.pk)
