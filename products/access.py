"""Who may create, edit and read products.

Published versions are read by the whole organisation; the draft only by the product's
editors. Objects outside what the user may read answer 404.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from products.models import Product
from teams.access import AnyUser, can_lead_team
from teams.models import Organisation, Team


def can_create_product(user: AnyUser) -> bool:
    """Team leaders and coordinators (for their team), department leaders (for the whole
    organisation)."""
    if not user.is_authenticated:
        return False
    return Team.objects.led_by(user).exists() or user.led_organisations.exists()


def can_create_product_for(
    user: AnyUser, *, organisation: Organisation, team: Team | None
) -> bool:
    if team is not None:
        return team.organisation_id == organisation.pk and can_lead_team(user, team)
    return user.is_authenticated and organisation.department_leaders.filter(pk=user.pk).exists()


def can_edit_product(user: AnyUser, product: Product) -> bool:
    """The responsible person; the team's leader and coordinator; for an organisation-wide
    product, the organisation's department leaders. They see the draft, edit and publish."""
    if not user.is_authenticated:
        return False
    if product.responsible_id == user.pk:
        return True
    if product.team is not None:
        return can_lead_team(user, product.team)
    return product.organisation.department_leaders.filter(pk=user.pk).exists()


def can_give_feedback(user: AnyUser, product: Product) -> bool:
    """Everyone who reads a published product tells whether they use it and what is missing."""
    return user.is_authenticated and product.latest_version_id is not None


def product_or_404(user: AnyUser, pk: int) -> Product:
    """A product the user may read: published in their organisation, or one they edit."""
    return get_object_or_404(
        Product.objects.visible_to(user).select_related(
            "organisation", "team", "responsible", "latest_version"
        ),
        pk=pk,
    )


def product_editor_or_404(user: AnyUser, pk: int) -> Product:
    """A product the user edits. Its draft is seen only by its editors: to everyone else it
    does not exist."""
    product = product_or_404(user, pk)
    if not can_edit_product(user, product):
        raise Http404
    return product
