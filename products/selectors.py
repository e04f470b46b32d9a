"""Reads for products: the list with its filters, and the links to where a product came from."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from learnings.models import LearningPoint, RollupItem
from meetings.models import Meeting
from products.models import Product, theme_index
from teams.models import Membership, Organisation, Role, Team, User


def organisations_of(user: User) -> QuerySet[Organisation]:
    if not user.is_authenticated:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        Q(Exists(Membership.objects.filter(user=user, team__organisation=OuterRef("pk"))))
        | Q(department_leaders=user)
    ).distinct()


def products_for(
    *, user: User, q: str = "", kind: str = "", team: str = "", theme: str = ""
) -> QuerySet[Product]:
    """The products the user may read, filtered, with `can_edit` annotated: one query."""
    products = (
        Product.objects.visible_to(user)
        .with_can_edit(user)
        .select_related("team", "responsible", "latest_version")
    )
    for word in q.split():
        products = products.filter(search_text__contains=word.casefold())
    if kind:
        products = products.filter(kind=kind)
    if team == "org":
        products = products.filter(team__isnull=True)
    elif team:
        products = products.filter(team_id=team)
    if theme:
        products = products.filter(theme_index__contains=theme_index([theme]))
    return products.order_by("title", "id")


def filter_options(*, user: User) -> tuple[list[Team], list[str]]:
    """The teams and themes to filter by: two queries, however many products there are."""
    teams = list(Team.objects.filter(organisation__in=organisations_of(user)).order_by("name"))
    themes: dict[str, str] = {}
    for product_themes in Product.objects.visible_to(user).values_list("themes", flat=True):
        for theme in product_themes or []:
            themes.setdefault(theme.casefold(), theme)
    return teams, sorted(themes.values(), key=str.casefold)


def visible_sources(*, product: Product, user: User) -> dict:
    """The meetings, learning points and rollup decisions the product came from, as far as the
    user may see them: a reader in another team does not learn the titles of this team's
    meetings."""
    teams = Team.objects.visible_to(user)
    leads_in_organisation = Membership.objects.filter(
        user=user, role=Role.LEADER, team__organisation=OuterRef("rollup__team__organisation")
    )
    return {
        "meetings": list(
            Meeting.objects.visible_to(user)
            .filter(products=product)
            .select_related("team")
            .order_by("-starts_at")
        ),
        "learning_points": list(
            LearningPoint.objects.filter(products=product, team__in=teams)
            .select_related("team", "meeting")
            .order_by("-created_at")
        ),
        "rollup_items": list(
            RollupItem.objects.filter(products=product)
            .filter(Q(rollup__team__in=teams) | Q(Exists(leads_in_organisation)))
            .select_related("rollup__team")
            .order_by("-rollup__period_end", "position")
        ),
    }


def products_from(*, source, user: User) -> list[Product]:
    """The products the user may read that came from a meeting, learning point or rollup
    item: the way back from the source to the product."""
    return list(
        Product.objects.visible_to(user)
        .filter(pk__in=source.products.values("pk"))
        .select_related("latest_version")
        .order_by("title", "id")
    )


def products_from_rollup(*, rollup, user: User) -> list[Product]:
    return list(
        Product.objects.visible_to(user)
        .filter(source_rollup_items__rollup=rollup)
        .select_related("latest_version")
        .distinct()
        .order_by("title", "id")
    )
