import io

from playwright.sync_api import expect
from pypdf import PdfReader

from products.demo import PROCEDURE_TITLE
from products.models import Product
from tests.browser.conftest import load_demo, log_in, serious_violations

NEW_TEXT = "Vi mødes hver torsdag kl. 13.15 i mødelokale Ærø, også i skoleferierne."


def test_coordinator_edits_publishes_and_downloads_the_pdf(new_page, transactional_db):
    load_demo()
    page = new_page()
    log_in(page, "koordinator", "demo1234")
    page.get_by_role("navigation", name="Hovedmenu").get_by_role(
        "link", name="Produkter", exact=True
    ).click()
    page.get_by_role("heading", name="Produkter", level=1).wait_for()
    page.get_by_role("link", name=PROCEDURE_TITLE).click()
    page.get_by_role("heading", name=PROCEDURE_TITLE, level=1).wait_for()
    expect(page.get_by_text("Kladden har ændringer, der ikke er udgivet")).to_be_visible()
    assert serious_violations(page) == []

    page.get_by_role("link", name="Rediger kladde").click()
    body = page.get_by_role("textbox", name="Indhold, afsnit 1", exact=True)
    assert "mødelokale 5" in body.input_value()
    assert serious_violations(page) == []
    body.fill(NEW_TEXT)
    page.get_by_role("button", name="Gem kladde").click()
    page.get_by_text("Kladden er gemt.").wait_for()
    expect(page.get_by_text(NEW_TEXT)).to_be_visible()
    page.get_by_role("textbox", name="Ændringsnote").fill("Nyt tidspunkt og lokale.")
    page.get_by_role("button", name="Udgiv", exact=True).click()
    page.get_by_text("Version 2 er udgivet.").wait_for()
    assert serious_violations(page) == []
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Hent PDF").click()
    download = download_info.value
    assert download.suggested_filename == (
        "arbejdsgang-ved-tvaerfaglige-sparringsmoeder-version-2.pdf"
    )
    with open(download.path(), "rb") as pdf:
        reader = PdfReader(io.BytesIO(pdf.read()))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert NEW_TEXT in text
    assert "Version 2" in text
    assert f"side 1 af {len(reader.pages)}" in text

    product = Product.objects.get(title=PROCEDURE_TITLE)
    assert product.latest_version.number == 2
    assert not product.has_unpublished_changes
    assert product.versions.get(number=1).content["sections"][0]["text"] != NEW_TEXT
