"""What products hold about a person: their part in the products (teams.hooks.personal_data),
and their name in the published versions, which an erasure renames
(teams.hooks.person_erased)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from products.models import Product, ProductVersion, ProductVersionPdf
from teams.models import FORMER_EMPLOYEE_USERNAME, Organisation, User


def personal_data(person: User) -> dict[str, list[dict[str, Any]]]:
    """The products they are responsible for, created or last edited, and the versions they
    published. Two queries."""
    return {
        "products": [
            {
                "title": product.title,
                "kind": product.get_kind_display(),
                "responsible": product.responsible_id == person.pk,
                "created_by_you": product.created_by_id == person.pk,
                "draft_last_edited_by_you": product.draft_updated_by_id == person.pk,
                "created_at": product.created_at,
            }
            for product in Product.objects.filter(
                Q(responsible=person) | Q(created_by=person) | Q(draft_updated_by=person)
            ).order_by("created_at", "pk")
        ],
        "product_versions_published": [
            {
                "title": version.title,
                "number": version.number,
                "change_note": version.change_note,
                "published_at": version.published_at,
            }
            for version in ProductVersion.objects.filter(published_by=person).order_by(
                "published_at", "pk"
            )
        ],
    }


def rename_erased(person: User, placeholder: User) -> int:
    """A published version names its responsible person as text, as it was printed: for an
    erased person that becomes "tidligere medarbejder" (the documents' language, whatever the
    administrator's), and the stored PDFs of those versions go, to be drawn anew. The versions
    are the ones of products in the person's organisations, or now held by the placeholder,
    that carry the person's name."""
    organisations = Organisation.objects.filter(
        Q(teams__memberships__user=person) | Q(department_leaders=person) | Q(people=person)
    ).values("pk")
    versions = ProductVersion.objects.filter(responsible_name=person.display_name).filter(
        Q(product__organisation__in=organisations) | Q(product__responsible=placeholder)
    )
    ProductVersionPdf.objects.filter(version__in=versions).delete()
    # A queryset update: the version's save() refuses any change, and this one is the law's.
    return versions.update(responsible_name=FORMER_EMPLOYEE_USERNAME)
