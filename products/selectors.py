"""Reads for products: the list with its filters, and the links to where a product came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, Model, OuterRef, Q, QuerySet
from django.shortcuts import get_object_or_404

from learnings.models import LearningPoint
from meetings.models import Meeting
from products.models import Product, ProductVersion, theme_index
from rollups.models import Rollup, RollupItem
from teams.access import AnyUser
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


def products_from(*, source: Meeting | LearningPoint | RollupItem, user: AnyUser) -> list[Product]:
    """The products the user may read that came from a meeting, learning point or rollup
    item: the way back from the source to the product."""
    return list(
        Product.objects.visible_to(user)
        .filter(pk__in=source.products.values("pk"))
        .select_related("latest_version")
        .order_by("title", "id")
    )


def products_from_rollup(*, rollup: Rollup, user: AnyUser) -> list[Product]:
    return list(
        Product.objects.visible_to(user)
        .filter(source_rollup_items__rollup=rollup)
        .select_related("latest_version")
        .distinct()
        .order_by("title", "id")
    )


def versions_of(*, product: Product) -> list[ProductVersion]:
    """The published versions, the newest first."""
    return list(product.versions.select_related("published_by").order_by("-number"))


def version_or_404(*, product: Product, number: int) -> ProductVersion:
    return get_object_or_404(product.versions.select_related("published_by"), number=number)


@dataclass(frozen=True)
class SourceKind:
    """One kind of source a draft can link to: its model, the product's relation to it, how it
    belongs to a team, its order and how many recent ones to offer."""

    model: type[Model]
    relation: str
    team_path: str
    order: tuple[str, ...]
    recent: int
    related: tuple[str, ...]


SOURCE_KINDS = {
    "source_meetings": SourceKind(
        Meeting, "source_meetings", "team__in", ("-starts_at",), 20, ("team",)
    ),
    "source_learning_points": SourceKind(
        LearningPoint, "source_learning_points", "team__in", ("-created_at",), 30, ("team",)
    ),
    "source_rollup_items": SourceKind(
        RollupItem,
        "source_rollup_items",
        "rollup__team__in",
        ("-rollup__period_end", "position"),
        30,
        ("rollup__team",),
    ),
}


@dataclass(frozen=True)
class SourceChoices:
    choices: QuerySet[Any]  # what the field offers: the linked ones and the recent ones
    linked: list[int]  # the ones the draft links to now


def draft_source_choices(*, product: Product) -> dict[str, SourceChoices]:
    """For each kind of source, what the draft's form offers: one query per kind to find them
    (the choices are then read when the form is shown); a kind with nothing to offer is
    left out."""
    teams = (
        Team.objects.filter(pk=product.team_id)
        if product.team_id
        else Team.objects.filter(organisation=product.organisation_id)
    )
    offered: dict[str, SourceChoices] = {}
    for name, kind in SOURCE_KINDS.items():
        linked = getattr(product, kind.relation).values("pk")
        recent = kind.model._default_manager.filter(**{kind.team_path: teams}).order_by(
            *kind.order
        )
        rows = list(
            kind.model._default_manager.filter(
                Q(pk__in=linked) | Q(pk__in=recent.values("pk")[: kind.recent])
            )
            .annotate(is_linked=Exists(linked.filter(pk=OuterRef("pk"))))
            .values_list("pk", "is_linked")
        )
        if rows:
            offered[name] = SourceChoices(
                choices=kind.model._default_manager.filter(pk__in=[pk for pk, _linked in rows])
                .select_related(*kind.related)
                .order_by(*kind.order),
                linked=[pk for pk, is_linked in rows if is_linked],
            )
    return offered


def sources_from_query(
    *, user: AnyUser, meetings: list[int], learning_points: list[int], rollup_items: list[int]
) -> dict[str, list[Any]]:
    """The sources a new product was started from ("?moede=3"), as far as the user sees them."""
    teams = Team.objects.visible_to(user)
    return {
        "meetings": list(
            Meeting.objects.visible_to(user).filter(pk__in=meetings).select_related("team")
        ),
        "learning_points": list(
            LearningPoint.objects.filter(pk__in=learning_points, team__in=teams).select_related(
                "team"
            )
        ),
        "rollup_items": list(
            RollupItem.objects.filter(pk__in=rollup_items, rollup__team__in=teams).select_related(
                "rollup__team"
            )
        ),
    }
