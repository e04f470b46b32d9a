"""What products hold about a person: their part in the products (teams.hooks.personal_data),
and their name in the published versions, which an erasure or a removal without name renames
(teams.hooks.person_unnamed)."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from core.pdf import forget_pdfs, subject_of
from products.models import Product, ProductFeedback, ProductVersion
from teams.models import FORMER_EMPLOYEE_USERNAME, Organisation, Team, User


def personal_data(person: User) -> dict[str, list[dict[str, Any]]]:
    """The products they are responsible for, created or last edited, and the versions they
    published, and the feedback they gave. Three queries."""
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
        "product_feedback": [
            {
                "product": feedback.product.title,
                "version": feedback.version.number,
                "used": feedback.get_used_display(),
                "missing": feedback.missing,
                "created_at": feedback.created_at,
            }
            for feedback in ProductFeedback.objects.filter(author=person)
            .select_related("product", "version")
            .order_by("created_at", "pk")
        ],
    }


def rename_unnamed(*, person: User, placeholder: User, team: Team | None) -> int:
    """A published version names its responsible person as text, as it was printed: for an
    erased person, or a member who left a team that shows its former members without name,
    that becomes "tidligere medarbejder" (the documents' language, whatever the acting
    person's), and the stored PDFs of those versions go, to be drawn anew. The versions are
    the ones that carry the person's name: of the team's products, or on erasure of products
    in the person's organisations or now held by the placeholder."""
    versions = ProductVersion.objects.filter(responsible_name=person.display_name)
    if team is not None:
        versions = versions.filter(product__team=team)
    else:
        organisations = Organisation.objects.filter(
            Q(teams__memberships__user=person) | Q(department_leaders=person) | Q(people=person)
        ).values("pk")
        versions = versions.filter(
            Q(product__organisation__in=organisations) | Q(product__responsible=placeholder)
        )
    forget_pdfs(subjects=[subject_of(version) for version in versions])
    # A queryset update: the version's save() refuses any change, and this one is the law's
    # or the team's.
    return versions.update(responsible_name=FORMER_EMPLOYEE_USERNAME)
