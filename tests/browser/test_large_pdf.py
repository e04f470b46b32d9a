"""A large PDF is made off the request: the person sees a page that waits and asks by itself,
and offers the PDF when it is made."""

import io

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from core.models import StoredPdf
from core.pdf import render_stored_pdf
from products.export import pdf_filename
from tests.browser.conftest import log_in, serious_violations
from tests.factories import PASSWORD
from tests.products.conftest import make_product
from tests.products.test_limits import largest_guideline


@pytest.fixture
def queued_tasks(settings):
    """Tasks are queued, not run."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def test_a_large_pdf_waits_on_a_page_that_offers_it_when_made(new_page, world, queued_tasks):
    product = make_product(world, content=largest_guideline())
    page = new_page()
    log_in(page, world.users["caseworker"].username, PASSWORD)
    page.goto(f"/produkter/{product.pk}/")
    page.get_by_role("link", name="Hent PDF").click()
    page.get_by_role("heading", name="PDF'en bliver lavet", level=1).wait_for()
    expect(page.get_by_role("status")).to_be_visible()
    expect(page.get_by_role("link", name="Prøv igen nu")).to_be_visible()
    assert serious_violations(page) == []
    # The server's thread queued it (a dummy backend keeps it there); the test is the worker.
    queued = StoredPdf.objects.get(content__isnull=True)
    render_stored_pdf.call(key=queued.key)
    ready = page.get_by_role("link", name="Hent PDF'en")
    ready.wait_for()
    expect(page.get_by_role("status").get_by_text("PDF'en er klar")).to_be_visible()
    assert serious_violations(page) == []
    with page.expect_download() as download_info:
        ready.click()
    download = download_info.value
    assert download.suggested_filename == pdf_filename(product.latest_version)
    with open(download.path(), "rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    assert "side 1 af" in reader.pages[0].extract_text()
