import pytest

from products import services
from products.forms import DraftForm, section_initial
from products.models import Product, ProductKind

GUIDELINE_CONTENT = {
    "purpose": (
        "Et fælles grundlag for **virksomhedspraktik** i Ærøskøbing.\n\n- Hvornår?\n- Hvordan?"
    ),
    "legal_basis": "LAB § 42 om virksomhedspraktik.",
    "sections": [
        {
            "title": "Anvendelse",
            "kind": "table",
            "columns": ["Anvendes til", "Mål for indsatsen", "Forsørgelse", "Administrative krav"],
            "rows": [
                ["Afklaring", "Afklaring af arbejdsevnen", "Sygedagpenge", "Plan for indsats"],
                ["Optræning", "Opkvalificering", "Revalideringsydelse", "Rehabiliteringsplan"],
            ],
        },
        {"title": "Pejlemærker", "kind": "text", "text": "Første linje.\nAnden linje."},
    ],
    "tools": [{"number": "DOK-1", "title": "Vejledning til borgeren"}],
    "references": [
        {"kind": "law_guide", "title": "Tilbud om virksomhedspraktik", "url": ""},
        {"kind": "letter", "title": "Styrelsens side", "url": "https://example.dk/praktik"},
    ],
}


def make_product(
    world,
    *,
    kind=ProductKind.GUIDELINE,
    title="Virksomhedspraktik efter LAB § 42",
    content=None,
    team="syd",
    responsible="coordinator",
    themes=("Virksomhedspraktik",),
    publish=True,
) -> Product:
    users = world.users
    product = services.product_create(
        organisation=world.syd.organisation,
        team=getattr(world, team) if team else None,
        kind=kind,
        title=title,
        responsible=users[responsible],
        created_by=users["coordinator"],
        themes=themes,
        content=GUIDELINE_CONTENT
        if content is None and kind == ProductKind.GUIDELINE
        else content,
    )
    if publish:
        services.product_publish(
            product=product,
            user=users["coordinator"],
            revision=product.draft_revision,
            change_note="Første version.",
        )
    return Product.objects.get(pk=product.pk)


def edit_data(product: Product, **overrides) -> dict:
    """The edit form as a browser would post it, unchanged unless overridden."""
    initial = DraftForm.initial_from(product)
    data = {
        key: value
        for key, value in initial.items()
        if not key.startswith("source_") and value is not None
    }
    sections = section_initial(product)
    data.update(
        {
            "sections-TOTAL_FORMS": str(len(sections) + 1),
            "sections-INITIAL_FORMS": str(len(sections)),
            "sections-MIN_NUM_FORMS": "0",
            "sections-MAX_NUM_FORMS": "1000",
            f"sections-{len(sections)}-kind": "text",
        }
    )
    for index, section in enumerate(sections):
        for name, value in section.items():
            data[f"sections-{index}-{name}"] = value
        data[f"sections-{index}-ORDER"] = str(index + 1)
    data.update(overrides)
    return data


@pytest.fixture
def guideline(world) -> Product:
    return make_product(world)


@pytest.fixture
def unpublished(world) -> Product:
    return make_product(world, title="Hemmelig kladde", publish=False)
