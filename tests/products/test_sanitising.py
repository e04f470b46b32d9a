"""User text is Markdown; HTML in it never reaches a page or a PDF."""

import io

from django.urls import reverse
from pypdf import PdfReader

from products import services
from products.rendering import markdown_html, render_document, safe_url
from tests.products.conftest import make_product

ATTACKS = (
    "Før\n\n<script>alert(1)</script>\n\n"
    'Efter <img src="x" onerror="alert(2)"> og [klik](javascript:alert(3)) '
    'og <a href="https://example.dk" onclick="alert(4)">link</a>\n\n'
    "<style>body{display:none}</style>![billede](https://example.dk/sporing.png)"
)


def test_markdown_is_rendered_and_sanitised():
    html = str(markdown_html(ATTACKS))
    assert "<script" not in html
    assert "alert(" not in html
    assert "<img" not in html
    assert "onerror" not in html and "onclick" not in html
    assert "javascript:" not in html
    assert "<style" not in html and "display:none" not in html
    assert "<p>Før</p>" in html
    assert '<a href="https://example.dk" rel="noopener noreferrer">link</a>' in html


def test_markdown_keeps_the_small_safe_subset():
    html = str(markdown_html("# Stor\n\n**fed** og *kursiv*\nny linje\n\n- a\n- b"))
    assert "<h3>Stor</h3>" in html
    assert "<strong>fed</strong>" in html and "<em>kursiv</em>" in html
    assert "<br" in html
    assert "<ul>" in html and "<li>a</li>" in html


def test_table_cells_and_reference_links_are_sanitised_too():
    document = render_document(
        "guideline",
        {
            "sections": [
                {
                    "title": "T",
                    "kind": "table",
                    "columns": ["a"],
                    "rows": [["<script>alert(1)</script>**ok**"]],
                }
            ],
            "references": [{"kind": "letter", "title": "x", "url": "javascript:alert(1)"}],
        },
    )
    assert str(document.sections[0].rows[0][0]).strip() == "<p><strong>ok</strong></p>"
    assert document.references[0]["items"][0]["url"] == ""
    assert safe_url("https://example.dk/a") == "https://example.dk/a"


def _attacked(world):
    product = make_product(world)
    product = services.product_save_draft(
        product=product,
        user=world.users["coordinator"],
        revision=product.draft_revision,
        title="<script>alert('titel')</script> Vejledning",
        content={
            **product.draft,
            "purpose": ATTACKS,
            "sections": [{"title": "Afsnit", "kind": "text", "text": ATTACKS}],
        },
    )
    return services.product_publish(
        product=product,
        user=world.users["coordinator"],
        revision=product.draft_revision,
        change_note="<script>alert('note')</script>",
    )


def test_script_never_reaches_the_page(client, world):
    version = _attacked(world)
    client.force_login(world.users["caseworker"])
    for url in (
        reverse("products:version", args=[version.product_id, version.number]),
        reverse("products:detail", args=[version.product_id]),
        reverse("products:diff", args=[version.product_id]),
    ):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "alert(1)" not in html and "alert(2)" not in html and "alert(3)" not in html
        assert "onerror" not in html
    # The plain title is shown as text, escaped.
    html = client.get(reverse("products:version", args=[version.product_id, 2])).content.decode()
    assert "&lt;script&gt;alert(&#x27;titel&#x27;)&lt;/script&gt; Vejledning" in html


def test_script_never_reaches_the_pdf(client, world):
    version = _attacked(world)
    client.force_login(world.users["caseworker"])
    response = client.get(reverse("products:version_pdf", args=[version.product_id, 2]))
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Før" in text and "Efter" in text
    assert "alert(1)" not in text and "alert(2)" not in text
    assert "display:none" not in text
