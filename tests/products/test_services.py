import inspect

import pytest

from products import services
from products.models import ImmutableVersion, Product, ProductKind, ProductVersion
from tests.products.conftest import GUIDELINE_CONTENT, make_product


def _save(product: Product, user, *, purpose: str, revision: int | None = None) -> Product:
    content = {**product.draft, "purpose": purpose}
    return services.product_save_draft(
        product=product,
        user=user,
        revision=product.draft_revision if revision is None else revision,
        title=product.title,
        content=content,
    )


def test_create_normalises_the_document_to_the_kind(world):
    product = make_product(
        world,
        kind=ProductKind.WORK_PROCEDURE,
        title="Arbejdsgang",
        content={
            "to": "  Team  Syd ",
            "purpose": "Formål\r\nanden linje  ",
            "tools": [{"number": "1", "title": "ikke her"}],
            "sections": [{"title": "Tid", "kind": "text", "text": "Torsdag"}, "rod"],
        },
        publish=False,
    )
    assert product.draft == {
        "to": "Team Syd",
        "purpose": "Formål\nanden linje",
        "sections": [{"title": "Tid", "kind": "text", "text": "Torsdag"}],
    }
    assert product.latest_version is None
    assert product.has_unpublished_changes


def test_publishing_numbers_versions_and_dates_them(world, guideline):
    coordinator = world.users["coordinator"]
    first = guideline.latest_version
    assert (first.number, first.title, first.change_note) == (
        1,
        guideline.title,
        "Første version.",
    )
    assert first.published_at is not None
    assert first.published_by == coordinator
    assert first.responsible_name == str(coordinator)
    assert first.content == guideline.draft
    product = _save(guideline, coordinator, purpose="Nyt formål")
    second = services.product_publish(
        product=product, user=coordinator, revision=product.draft_revision, change_note="Nyt"
    )
    assert second.number == 2
    product.refresh_from_db()
    assert product.latest_version == second
    assert not product.has_unpublished_changes
    assert list(product.versions.values_list("number", flat=True)) == [1, 2]


def test_a_published_version_never_changes_when_the_draft_is_edited(world, guideline):
    coordinator = world.users["coordinator"]
    before = ProductVersion.objects.get(product=guideline, number=1).content
    product = _save(guideline, coordinator, purpose="Helt nyt formål")
    product.draft["sections"][0]["rows"][0][0] = "ændret i hukommelsen"
    version = ProductVersion.objects.get(product=guideline, number=1)
    assert version.content == before
    assert version.content["purpose"] == GUIDELINE_CONTENT["purpose"]
    assert product.has_unpublished_changes


def test_a_version_refuses_to_be_saved_again_or_deleted(guideline):
    version = guideline.latest_version
    version.change_note = "Omskrevet historie"
    with pytest.raises(ImmutableVersion):
        version.save()
    with pytest.raises(ImmutableVersion):
        version.delete()
    version.refresh_from_db()
    assert version.change_note == "Første version."


def test_there_is_no_service_that_edits_a_version():
    public = {
        name
        for name, function in vars(services).items()
        if inspect.isfunction(function)
        and function.__module__ == services.__name__
        and not name.startswith("_")
    }
    assert public == {
        "clean_themes",
        "product_create",
        "product_save_draft",
        "product_publish",
        "product_draft_from_rollup_item",
    }


def test_publishing_an_unchanged_draft_is_refused(world, guideline):
    with pytest.raises(services.ProductRefused, match="uændret siden version 1"):
        services.product_publish(
            product=guideline,
            user=world.users["coordinator"],
            revision=guideline.draft_revision,
            change_note="Intet nyt",
        )
    assert guideline.versions.count() == 1


def test_publishing_needs_a_change_note(world, unpublished):
    with pytest.raises(services.ProductRefused, match="ændringsnote"):
        services.product_publish(
            product=unpublished,
            user=world.users["coordinator"],
            revision=unpublished.draft_revision,
            change_note="  ",
        )


def test_a_stale_save_is_refused_and_nothing_is_lost(world, guideline):
    coordinator, leader = world.users["coordinator"], world.users["leader"]
    started_from = guideline.draft_revision
    first = _save(guideline, leader, purpose="Lederens tekst", revision=started_from)
    with pytest.raises(services.StaleDraft) as refused:
        _save(guideline, coordinator, purpose="Koordinatorens tekst", revision=started_from)
    assert refused.value.product.draft["purpose"] == "Lederens tekst"
    assert str(leader) in str(refused.value)
    product = Product.objects.get(pk=guideline.pk)
    assert product.draft["purpose"] == "Lederens tekst"
    assert product.draft_revision == first.draft_revision == started_from + 1
    assert product.draft_updated_by == leader


def test_publishing_from_a_stale_revision_is_refused(world, guideline):
    coordinator = world.users["coordinator"]
    seen = guideline.draft_revision
    _save(guideline, world.users["leader"], purpose="Ikke set af koordinatoren")
    with pytest.raises(services.StaleDraft):
        services.product_publish(
            product=guideline, user=coordinator, revision=seen, change_note="Udgiv"
        )
    assert guideline.versions.count() == 1


def test_the_search_text_holds_only_published_text(world, guideline):
    product = _save(guideline, world.users["coordinator"], purpose="Hemmeligt kladdeord")
    assert "hemmeligt kladdeord" not in product.search_text
    assert "ærøskøbing" in product.search_text
    assert "virksomhedspraktik" in product.search_text


def test_themes_are_trimmed_and_deduplicated(world):
    product = make_product(
        world, themes=[" Sygedagpenge ", "sygedagpenge", "", "Virksomheds  praktik"]
    )
    assert product.themes == ["Sygedagpenge", "Virksomheds praktik"]
    assert product.theme_index == "|sygedagpenge|virksomheds praktik|"


def test_a_team_of_another_organisation_is_refused(world):
    from tests.factories import OrganisationFactory

    with pytest.raises(services.ProductRefused):
        services.product_create(
            organisation=OrganisationFactory(),
            team=world.syd,
            kind=ProductKind.GUIDELINE,
            title="Forkert",
            responsible=world.users["coordinator"],
            created_by=world.users["coordinator"],
        )
