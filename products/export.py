"""A published version as a PDF, rendered by core.pdf like every PDF of the app."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from core.http import ascii_slug
from core.pdf import render_pdf
from products.models import Product, ProductVersion, ProductVersionPdf
from products.rendering import render_document


def pdf_filename(version: ProductVersion) -> str:
    """E.g. "arbejdsgang-ved-tvaerfaglige-moeder-version-2.pdf": ASCII only."""
    return f"{ascii_slug(version.title, default='produkt')}-version-{version.number}.pdf"


def version_pdf(*, product: Product, version: ProductVersion) -> bytes:
    """The version's PDF: rendered the first time it is asked for, then served as stored."""
    stored = ProductVersionPdf.objects.filter(version=version).values_list("content", flat=True)
    for content in stored:
        return bytes(content)
    content = render_version_pdf(product=product, version=version)
    try:
        with transaction.atomic():
            ProductVersionPdf.objects.create(version=version, content=content)
    except IntegrityError:
        pass  # another request rendered the same version at the same time: same bytes
    return content


def render_version_pdf(*, product: Product, version: ProductVersion) -> bytes:
    return render_pdf(
        template_name="products/version_pdf.html",
        context={
            "product": product,
            "version": version,
            "document": render_document(product.kind, version.content),
        },
    )
