"""A published version as a PDF, rendered by core.pdf like every PDF of the app."""

from __future__ import annotations

from core.http import ascii_slug
from core.pdf import render_pdf
from products.models import Product, ProductVersion
from products.rendering import render_document


def pdf_filename(version: ProductVersion) -> str:
    """E.g. "arbejdsgang-ved-tvaerfaglige-moeder-version-2.pdf": ASCII only."""
    return f"{ascii_slug(version.title, default='produkt')}-version-{version.number}.pdf"


def render_version_pdf(*, product: Product, version: ProductVersion) -> bytes:
    return render_pdf(
        template_name="products/version_pdf.html",
        context={
            "product": product,
            "version": version,
            "document": render_document(product.kind, version.content),
        },
    )
