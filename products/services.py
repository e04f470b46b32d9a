"""Writes for products: creating one, saving its draft, and publishing a version.

The draft carries a revision number. A save names the revision the editor started from; the
row is locked, the revision compared, and a save based on an older revision is refused with
the draft as it now stands, so two people editing at once never overwrite each other.

There is deliberately no function that changes a published version: publishing creates a new
one, and ProductVersion refuses to be saved twice.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core import limits
from core.refusals import Refused
from learnings.models import LearningPoint
from meetings.models import Meeting
from products import content as content_module
from products.models import Product, ProductKind, ProductVersion, theme_index
from products.rendering import document_text
from rollups.models import RollupItem
from teams.models import Organisation, Role, Team, User


class ProductRefused(Refused):
    """A change that cannot be made; the message is shown to the editor."""


class DraftTooLarge(ProductRefused):
    """The whole document is over core.limits.PRODUCT_TOTAL characters or PRODUCT_PARTS
    lines and table cells."""


def _check_size(title: str, content: dict) -> None:
    limits.check_lengths([(title, limits.TITLE)], refused=DraftTooLarge)
    size = len(title) + content_module.text_size(content)
    if size > limits.PRODUCT_TOTAL:
        raise DraftTooLarge(
            _(
                "Produktet må højst fylde %(limit)s tegn i alt; det fylder %(size)s. "
                "Din tekst er ikke gemt: kort den ned, og gem igen."
            )
            % {"limit": limits.number(limits.PRODUCT_TOTAL), "size": limits.number(size)}
        )
    parts = content_module.part_count(content)
    if parts > limits.PRODUCT_PARTS:
        raise DraftTooLarge(
            _(
                "Produktet må højst have %(limit)s linjer og tabelceller i alt; det har "
                "%(parts)s. Din tekst er ikke gemt: saml linjer, eller del tabellen, og gem igen."
            )
            % {"limit": limits.number(limits.PRODUCT_PARTS), "parts": limits.number(parts)}
        )


class StaleDraft(ProductRefused):
    """Someone saved the draft after the editor opened it; `product` is the draft as it is."""

    def __init__(self, message: str, *, product: Product) -> None:
        super().__init__(message)
        self.product = product


def clean_themes(themes: Iterable[str]) -> list[str]:
    """Trimmed, without empty entries or duplicates (case-insensitively), in the given order."""
    seen: set[str] = set()
    cleaned = []
    for theme in themes:
        theme = " ".join(theme.split())
        if theme and theme.casefold() not in seen:
            seen.add(theme.casefold())
            cleaned.append(theme)
    return cleaned


def _set_themes(product: Product, themes: Iterable[str]) -> None:
    """The product's themes, cleaned, and the index the list filters by."""
    product.themes = clean_themes(themes)
    product.theme_index = theme_index(product.themes)


def _search_text(product: Product, version: ProductVersion | None) -> str:
    """Only published text is searchable, so a search never reveals a draft."""
    parts = [product.title, " ".join(product.themes)]
    if version is not None:
        parts.append(document_text(version.title, version.content))
    return "\n".join(parts).casefold()


def _set_sources(
    product: Product,
    meetings: Iterable[Meeting] | None,
    learning_points: Iterable[LearningPoint] | None,
    rollup_items: Iterable[RollupItem] | None,
) -> None:
    if meetings is not None:
        product.source_meetings.set(meetings)
    if learning_points is not None:
        product.source_learning_points.set(learning_points)
    if rollup_items is not None:
        product.source_rollup_items.set(rollup_items)


@transaction.atomic
def product_create(
    *,
    organisation: Organisation,
    team: Team | None,
    kind: ProductKind | str,
    title: str,
    responsible: User,
    created_by: User,
    themes: Sequence[str] = (),
    content: dict | None = None,
    source_meetings: Iterable[Meeting] | None = None,
    source_learning_points: Iterable[LearningPoint] | None = None,
    source_rollup_items: Iterable[RollupItem] | None = None,
) -> Product:
    if team is not None and team.organisation_id != organisation.pk:
        raise ProductRefused(_("Teamet hører ikke til organisationen."))
    draft = content_module.normalise(kind, content or {})
    _check_size(title, draft)
    product = Product(
        organisation=organisation,
        team=team,
        kind=ProductKind(kind),
        title=title.strip(),
        responsible=responsible,
        draft=draft,
        draft_updated_at=timezone.now(),
        draft_updated_by=created_by,
        created_by=created_by,
    )
    _set_themes(product, themes)
    product.search_text = _search_text(product, None)
    product.save()
    _set_sources(product, source_meetings, source_learning_points, source_rollup_items)
    return product


@transaction.atomic
def product_save_draft(
    *,
    product: Product,
    user: User,
    revision: int,
    title: str,
    content: dict,
    themes: Sequence[str] | None = None,
    source_meetings: Iterable[Meeting] | None = None,
    source_learning_points: Iterable[LearningPoint] | None = None,
    source_rollup_items: Iterable[RollupItem] | None = None,
) -> Product:
    """Save the draft, if nobody has saved it since `revision`; else StaleDraft. A document
    over the size limit is refused (DraftTooLarge): its page and PDF stay bounded."""
    _check_size(title, content)
    locked = (
        Product.objects.select_for_update(of=("self",))
        .select_related("latest_version", "draft_updated_by")
        .get(pk=product.pk)
    )
    if locked.draft_revision != revision:
        raise StaleDraft(
            _(
                "%(name)s har gemt kladden, efter du begyndte at rette i den. Din tekst er "
                "ikke gemt. Sammenlign med kladden, som den er nu, ret din tekst til, og gem "
                "igen."
            )
            % {"name": locked.draft_updated_by or _("En anden")},
            product=locked,
        )
    locked.title = title.strip()
    if themes is not None:
        _set_themes(locked, themes)
    locked.draft = content_module.normalise(locked.kind, content)
    locked.draft_revision += 1
    locked.draft_updated_at = timezone.now()
    locked.draft_updated_by = user
    latest = locked.latest_version
    locked.has_unpublished_changes = latest is None or (
        latest.title != locked.title or latest.content != locked.draft
    )
    locked.search_text = _search_text(locked, latest)
    locked.save()
    _set_sources(locked, source_meetings, source_learning_points, source_rollup_items)
    return locked


@transaction.atomic
def product_publish(
    *, product: Product, user: User, revision: int, change_note: str
) -> ProductVersion:
    """Publish the draft as it stood at `revision` as the next numbered version."""
    locked = (
        Product.objects.select_for_update(of=("self",))
        .select_related("latest_version", "responsible")
        .get(pk=product.pk)
    )
    if locked.draft_revision != revision:
        raise StaleDraft(
            _("Kladden er ændret, siden du åbnede den. Læs den igen, før du udgiver den."),
            product=locked,
        )
    change_note = change_note.strip()
    limits.check_lengths([(change_note, limits.SHORT_TEXT)], refused=ProductRefused)
    if not change_note:
        raise ProductRefused(_("Skriv en ændringsnote: hvad er nyt i denne version?"))
    latest = locked.latest_version
    if latest is not None and latest.title == locked.title and latest.content == locked.draft:
        raise ProductRefused(
            _("Kladden er uændret siden version %(number)s; der er intet nyt at udgive.")
            % {"number": latest.number}
        )
    last = locked.versions.aggregate(last=Max("number"))["last"] or 0
    version = ProductVersion.objects.create(
        product=locked,
        number=last + 1,
        title=locked.title,
        content=copy.deepcopy(locked.draft),
        responsible_name=str(locked.responsible),
        change_note=change_note,
        published_at=timezone.now(),
        published_by=user,
    )
    locked.latest_version = version
    locked.has_unpublished_changes = False
    locked.search_text = _search_text(locked, version)
    locked.save(
        update_fields=["latest_version", "has_unpublished_changes", "search_text", "updated_at"]
    )
    return version


@transaction.atomic
def product_draft_from_rollup_item(*, item: RollupItem, user: User) -> Product:
    """A rollup decision to change practice starts the draft of a guideline, traced back to the
    decision, its learning points and the meetings they came from."""
    team = item.rollup.team
    coordinator = (
        User.objects.filter(memberships__team=team, memberships__role=Role.COORDINATOR)
        .order_by("pk")
        .first()
    )
    points = list(item.learning_points.all())
    purpose = "\n".join(f"- {point.text}" for point in points)
    return product_create(
        organisation=team.organisation,
        team=team,
        kind=ProductKind.GUIDELINE,
        title=item.title,
        responsible=coordinator or user,
        created_by=user,
        themes=[item.theme.name] if item.theme is not None else (),
        content={
            "purpose": item.justification,
            "sections": [{"title": _("Læringspunkterne bag"), "kind": "text", "text": purpose}],
        },
        source_meetings={point.meeting for point in points if point.meeting is not None},
        source_learning_points=points,
        source_rollup_items=[item],
    )
