"""A published version as a PDF, through products.pdf like every PDF of the app."""

from __future__ import annotations

from django.conf import settings
from django.utils import translation
from django.utils.text import slugify

from products.models import Product, ProductVersion
from products.pdf import render_pdf
from products.rendering import render_document

_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


def pdf_filename(version: ProductVersion) -> str:
    """E.g. "arbejdsgang-ved-tvaerfaglige-moeder-version-2.pdf": ASCII only."""
    slug = slugify(version.title.translate(_DANISH_LETTERS)) or "produkt"
    return f"{slug}-version-{version.number}.pdf"


def render_version_pdf(*, product: Product, version: ProductVersion) -> bytes:
    """The version as an A4 PDF, always in Danish: it is the organisation's shared document."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_pdf(
            template_name="products/version_pdf.html",
            context={
                "product": product,
                "version": version,
                "document": render_document(product.kind, version.content),
            },
        )
