"""A published version as a PDF, rendered by core.pdf like every PDF of the app."""

from __future__ import annotations

from typing import Any

from core.http import ascii_slug
from core.pdf import render_pdf
from products.models import Product, ProductVersion
from products.rendering import render_document

TEMPLATE_NAME = "products/version_pdf.html"


def pdf_filename(version: ProductVersion) -> str:
    """E.g. "arbejdsgang-ved-tvaerfaglige-moeder-version-2.pdf": ASCII only."""
    return f"{ascii_slug(version.title, default='produkt')}-version-{version.number}.pdf"


def pdf_context(*, product: Product, version: ProductVersion) -> dict[str, Any]:
    return {
        "product": product,
        "version": version,
        "document": render_document(product.kind, version.content),
    }


def render_version_pdf(*, product: Product, version: ProductVersion) -> bytes:
    """The version's PDF rendered now, not stored: the view's download stores it."""
    return render_pdf(
        template_name=TEMPLATE_NAME, context=pdf_context(product=product, version=version)
    )
