import io

from pypdf import PdfReader

from learnings.models import LearningPoint
from products.demo import GUIDELINE_TITLE, PROCEDURE_TITLE, REFERRAL_TITLE, load_products
from products.export import render_version_pdf
from products.models import Product, ProductKind, ProductVersion
from teams.demo import load_teams


def test_demo_products_are_published_once_with_one_draft_ahead(db):
    teams = load_teams()
    LearningPoint.objects.create(
        team=teams.syd,
        author=teams.users["sagsbehandler1"],
        text="Aftal med jobkonsulenten, hvem der tager den første kontakt til virksomheden.",
    )
    assert len(load_products(teams)) == 3
    assert load_products(load_teams()) == []
    products = {product.title: product for product in Product.objects.all()}
    assert set(products) == {GUIDELINE_TITLE, REFERRAL_TITLE, PROCEDURE_TITLE}
    assert ProductVersion.objects.count() == 3
    for product in products.values():
        assert product.latest_version.number == 1
        assert product.team.name == "Team Syd"
        assert product.responsible.username == "koordinator"
    procedure = products[PROCEDURE_TITLE]
    assert procedure.kind == ProductKind.WORK_PROCEDURE
    assert procedure.has_unpublished_changes
    assert procedure.draft != procedure.latest_version.content
    assert not products[GUIDELINE_TITLE].has_unpublished_changes
    guideline = products[GUIDELINE_TITLE].latest_version.content
    assert guideline["sections"][0]["columns"] == [
        "Anvendes til",
        "Mål for indsatsen",
        "Forsørgelse",
        "Administrative krav",
    ]
    assert guideline["tools"] and guideline["references"]
    assert len(products[REFERRAL_TITLE].latest_version.content["fields"]) >= 8
    assert products[REFERRAL_TITLE].source_learning_points.exists()


def test_demo_products_render_as_pdfs(db):
    load_products(load_teams())
    for product in Product.objects.select_related("latest_version", "organisation", "team"):
        data = render_version_pdf(product=product, version=product.latest_version)
        reader = PdfReader(io.BytesIO(data))
        text = "".join(page.extract_text() for page in reader.pages)
        assert product.title.split()[0] in text
        assert f"side 1 af {len(reader.pages)}" in text
