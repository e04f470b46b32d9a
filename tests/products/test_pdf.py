"""The version PDF: text extracted with pypdf."""

import io

from django.urls import reverse
from pypdf import PdfReader

from core.pdf import StaticFilesOnlyFetcher
from products import services
from products.export import pdf_filename, render_version_pdf
from products.models import ProductKind
from tests.products.conftest import GUIDELINE_CONTENT, make_product


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def long_content(rows: int = 60) -> dict:
    return {
        **GUIDELINE_CONTENT,
        "sections": [
            {
                "title": "Anvendelse",
                "kind": "table",
                "columns": ["Anvendes til", "Mål for indsatsen", "Forsørgelse", "Krav"],
                "rows": [
                    [
                        f"Række {number}: sygemeldt borger på nedsat tid i Ærø",
                        "Afklaring af arbejdsevnen og af mulighederne på arbejdspladsen",
                        "Sygedagpenge",
                        "Plan for indsatsen",
                    ]
                    for number in range(rows)
                ],
            }
        ],
    }


def second_version(world, content=None):
    product = make_product(world, content=content)
    product = services.product_save_draft(
        product=product,
        user=world.users["coordinator"],
        revision=product.draft_revision,
        title="Virksomhedspraktik efter LAB § 42 i Ærø",
        content={
            **product.draft,
            "legal_basis": "LAB § 42, stk. 1. Særlige bemærkninger: æøå ÆØÅ.",
        },
    )
    return services.product_publish(
        product=product,
        user=world.users["coordinator"],
        revision=product.draft_revision,
        change_note="Lovgrundlaget er præciseret.",
    )


def test_hent_pdf_returns_an_a4_pdf_named_after_product_and_version(client, world):
    version = second_version(world)
    client.force_login(world.users["guest"])
    response = client.get(reverse("products:version_pdf", args=[version.product_id, 2]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="virksomhedspraktik-efter-lab-42-i-aeroe-version-2.pdf"'
    )
    reader = PdfReader(io.BytesIO(response.content))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)  # A4 in points


def test_the_pdf_has_title_version_danish_letters_header_and_footer(world):
    version = second_version(world)
    pages = pdf_pages(render_version_pdf(product=version.product, version=version))
    text = "\n".join(pages)
    assert "Virksomhedspraktik efter LAB § 42 i Ærø" in text
    assert "Version 2" in text
    assert "æøå ÆØÅ" in text
    assert "LAB § 42, stk. 1." in text
    assert "Testkommune" in text  # the header: organisation
    assert world.users["coordinator"].get_full_name() in text  # the footer: responsible
    assert "Ansvarlig" in text
    assert version.published_at.astimezone().strftime("%Y") in text
    assert "side 1 af 1" in pages[0]
    # The table's columns, the tools and the references.
    for expected in ("Mål for indsatsen", "Administrative krav", "DOK-1", "Lovguide"):
        assert expected in text
    assert "Tilbud om virksomhedspraktik" in text


def test_a_long_table_breaks_across_pages_with_its_header_repeated(world):
    version = second_version(world, content=long_content())
    pages = pdf_pages(render_version_pdf(product=version.product, version=version))
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert f"side {number} af {len(pages)}" in page
        assert "Version 2" in page
    table_pages = [page for page in pages if "Række " in page]
    assert len(table_pages) > 1
    assert all("Mål for indsatsen" in page for page in table_pages)


def test_a_referral_form_template_is_a_blank_form_with_guidance(world):
    product = make_product(
        world,
        kind=ProductKind.REFERRAL_FORM,
        title="Henvisning til jobkonsulent",
        content={
            "purpose": "Udfyldes af sagsbehandleren.",
            "fields": [
                {"label": "Dato", "guidance": []},
                {"label": "Skånehensyn", "guidance": ["Fx nedsat tid, pauser eller støj?"]},
            ],
        },
    )
    version = product.latest_version
    text = "\n".join(pdf_pages(render_version_pdf(product=product, version=version)))
    assert "Henvisning til jobkonsulent" in text
    assert "Skånehensyn" in text and "Fx nedsat tid, pauser eller støj?" in text
    assert "gemmer aldrig en udfyldt" in text
    assert pdf_filename(version) == "henvisning-til-jobkonsulent-version-1.pdf"


def test_long_danish_words_are_hyphenated(world):
    word = "sygedagpengeopfølgningssamtalerne"
    content = {
        **GUIDELINE_CONTENT,
        "sections": [
            {
                "title": "Smal tabel",
                "kind": "table",
                "columns": ["a", "b", "c", "d", "e", "f"],
                "rows": [[word] * 6],
            }
        ],
    }
    product = make_product(world, content=content)
    text = "\n".join(
        pdf_pages(render_version_pdf(product=product, version=product.latest_version))
    )
    assert "\u2010" in text  # a hyphen inserted at a Danish syllable break


def test_a_work_procedure_has_its_header_fields(world):
    product = make_product(
        world,
        kind=ProductKind.WORK_PROCEDURE,
        title="Arbejdsgang ved tværfaglige møder",
        content={
            "to": "Team Syd og jobkonsulenterne",
            "purpose": "Fælles praksis.",
            "sections": [{"title": "Tid, sted og deltagere", "kind": "text", "text": "Torsdag."}],
        },
    )
    version = product.latest_version
    text = "\n".join(pdf_pages(render_version_pdf(product=product, version=version)))
    for expected in ("Til", "Team Syd og jobkonsulenterne", "Ansvarlig", "Formål", "Version 1"):
        assert expected in text
    assert "Tid, sted og deltagere" in text


def test_rendering_fetches_nothing_outside_the_static_files(world, monkeypatch):
    fetched = []
    original = StaticFilesOnlyFetcher.fetch

    def spy(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    monkeypatch.setattr(StaticFilesOnlyFetcher, "fetch", spy)
    product = make_product(
        world,
        content={
            **GUIDELINE_CONTENT,
            "purpose": '![sporing](https://example.dk/p.png) <img src="https://example.dk/x.png">'
            '<link rel="stylesheet" href="https://example.dk/s.css">',
        },
    )
    render_version_pdf(product=product, version=product.latest_version)
    assert all("/static/" in url for url in fetched)
    assert not any("example.dk" in url for url in fetched)
