"""A product's size limit, and its PDF rendered once per published version.

How long the largest product takes to render is measured in bench/test_worst_case.py, not here:
a timed test fails on a loaded machine for reasons that are not the product's."""

import pytest
from django.urls import reverse

from core import limits
from core import pdf as core_pdf
from core.models import StoredPdf
from products import content as doc
from products import export, services
from tests.products.conftest import edit_data, make_product

PARAGRAPH = (
    "Vurderingen bygger på en helhedsvurdering af borgerens situation: personlige, sociale "
    "og faglige ressourcer. Borgerens egne mål står i planen, før vi vælger praktiksted. "
)


def largest_guideline() -> dict:
    """A guideline just under the limit: tables and text, as an editor could make it."""
    row = [PARAGRAPH[:120], PARAGRAPH[:80], "Sygedagpenge", "Plan for indsatsen"]
    sections = [
        {
            "title": f"Tabel {n}",
            "kind": "table",
            "columns": ["A", "B", "C", "D"],
            "rows": [row] * 20,
        }
        for n in range(4)
    ]
    content = {"purpose": PARAGRAPH, "legal_basis": "LAB § 42.", "sections": sections}
    while doc.text_size(content) < limits.PRODUCT_TOTAL - len(PARAGRAPH) * 12:
        sections.append(
            {"title": f"Afsnit {len(sections)}", "kind": "text", "text": PARAGRAPH * 10}
        )
    return content


def most_parts_guideline() -> dict:
    """A guideline at the limit of lines and table cells, with all the text it may have: the
    most expensive document to lay out that the limits let in."""
    cell = PARAGRAPH[: limits.PRODUCT_TOTAL // limits.PRODUCT_PARTS - 1]
    sections = [
        {
            "title": f"Tabel {n}",
            "kind": "table",
            "columns": ["A", "B", "C", "D"],
            "rows": [[cell] * 4] * 40,
        }
        for n in range(6)
    ]
    return {"purpose": PARAGRAPH, "legal_basis": "LAB § 42.", "sections": sections}


LARGEST = {"most_text": largest_guideline, "most_parts": most_parts_guideline}


@pytest.mark.parametrize("largest", LARGEST)
def test_the_largest_product_the_limits_let_in_renders_as_a_pdf(world, largest):
    content = LARGEST[largest]()
    assert doc.text_size(content) <= limits.PRODUCT_TOTAL
    assert doc.part_count(content) <= limits.PRODUCT_PARTS
    # At the limit, not comfortably under it: what an editor could really publish.
    assert (
        limits.PRODUCT_TOTAL - doc.text_size(content) < len(PARAGRAPH) * 12
        or limits.PRODUCT_PARTS - doc.part_count(content) < 50
    )
    product = make_product(world, content=content)
    html = core_pdf.layout_html(
        export.TEMPLATE_NAME, export.pdf_context(product=product, version=product.latest_version)
    )
    assert len(html) > limits.PDF_INLINE_HTML
    assert core_pdf.html_to_pdf(html).startswith(b"%PDF")


def _no_render(*args, **kwargs):
    raise AssertionError("a PDF is rendered once per content")


@pytest.mark.parametrize("size", ["small", "largest"])
def test_the_second_download_comes_from_the_store(client, world, monkeypatch, size):
    content = largest_guideline() if size == "largest" else {"purpose": "Kort."}
    product = make_product(world, content=content)
    url = reverse("products:version_pdf", args=[product.pk, product.latest_version.number])
    client.force_login(world.users["guest"])
    first = client.get(url)
    if size == "largest":
        # Over the page budget: made by the task, while the person waits.
        assert first.status_code == 202
        assert StoredPdf.objects.get().content is None
        core_pdf.render_stored_pdf.call(key=StoredPdf.objects.get().key)
        first = client.get(url)
    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    monkeypatch.setattr(core_pdf, "html_to_pdf", _no_render)
    second = client.get(url)
    assert second.status_code == 200
    assert second.getvalue() == first.getvalue()
    assert second.status_code == 200
    assert second.content == first.content


def test_a_draft_over_the_size_limit_is_refused_with_the_text_kept(client, world):
    product = make_product(world, content={"purpose": "Kort."})
    client.force_login(world.users["coordinator"])
    url = reverse("products:edit", args=[product.pk])
    page = client.get(url).content.decode()
    assert "Højst 20.000 tegn." in page
    big = "\n\n".join([PARAGRAPH * 40] * 10)
    data = {
        "revision": product.draft_revision,
        "title": product.title,
        "themes": "",
        "purpose": big[:19_000],
        "legal_basis": "",
        "tools": "",
        "references": "",
        "sections-TOTAL_FORMS": "1",
        "sections-INITIAL_FORMS": "0",
        "sections-MIN_NUM_FORMS": "0",
        "sections-MAX_NUM_FORMS": "40",
        "sections-0-title": "Stort afsnit",
        "sections-0-kind": "text",
        "sections-0-columns": "",
        "sections-0-body": PARAGRAPH * 100,
        "sections-0-ORDER": "1",
    }
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Produktet må højst fylde 25.000 tegn i alt" in html
    assert "Stort afsnit" in html
    product.refresh_from_db()
    assert product.draft.get("purpose") == "Kort."


def test_the_service_refuses_a_document_over_the_limit(world):
    product = make_product(world, content={"purpose": "Kort."})
    with pytest.raises(services.DraftTooLarge):
        services.product_save_draft(
            product=product,
            user=world.users["coordinator"],
            revision=product.draft_revision,
            title=product.title,
            content={"purpose": "x" * (limits.PRODUCT_TOTAL + 1)},
        )


def test_a_draft_over_the_limit_of_lines_and_cells_is_refused_with_the_text_kept(client, world):
    product = make_product(world, content={"purpose": "Kort."})
    client.force_login(world.users["coordinator"])
    url = reverse("products:edit", args=[product.pk])
    assert "1.000 linjer og tabelceller" in client.get(url).content.decode()
    rows = "\n".join(f"a{number} | b | c | d" for number in range(260))
    data = edit_data(
        product,
        **{
            "sections-TOTAL_FORMS": "1",
            "sections-0-title": "Stor tabel",
            "sections-0-kind": "table",
            "sections-0-columns": "A | B | C | D",
            "sections-0-body": rows,
            "sections-0-ORDER": "1",
        },
    )
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Produktet må højst have 1.000 linjer og tabelceller i alt; det har 1.0" in html
    assert "a259 | b | c | d" in html
    product.refresh_from_db()
    assert product.draft.get("sections", []) == []
