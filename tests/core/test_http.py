"""core.http: file names, downloads, the partial-or-page answer of htmx views, and "next"."""

import pytest
from django.test import RequestFactory
from django_htmx.middleware import HtmxDetails

from core.http import ascii_slug, attachment_response, local_path, render_page_or_partial
from core.mail import absolute_reverse, absolute_url


def test_danish_letters_become_ascii_in_file_names():
    assert ascii_slug("Tværfagligt møde på Åen", default="x") == "tvaerfagligt-moede-paa-aaen"
    assert ascii_slug("§§§", default="moede") == "moede"


def test_an_attachment_is_saved_under_its_name():
    response = attachment_response(b"%PDF", filename="referat.pdf", content_type="application/pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="referat.pdf"'
    assert response.content == b"%PDF"


def _request(headers: dict[str, str]):
    request = RequestFactory().get("/", headers=headers)
    request.htmx = HtmxDetails(request)
    return request


def test_a_browser_and_a_history_restore_get_the_whole_page_varied_by_hx_request(db):
    context = {"form": None, "query": "", "partial": False}
    template = "registration/login.html"
    page = render_page_or_partial(_request({}), template, "missing", context)
    assert page.status_code == 200
    assert "<html" in page.content.decode()
    assert "HX-Request" in page["Vary"]
    restored = render_page_or_partial(
        _request({"HX-Request": "true", "HX-History-Restore-Request": "true"}),
        template,
        "missing",
        context,
    )
    assert "<html" in restored.content.decode()


def test_mail_links_are_absolute_on_the_installations_address(settings):
    settings.TEAMLAERING_BASE_URL = "https://teamlaering.example.dk/"
    assert absolute_url("/sager/ny/") == "https://teamlaering.example.dk/sager/ny/"
    assert (
        absolute_reverse("cases:submit", query="meeting=3")
        == "https://teamlaering.example.dk/sager/ny/?meeting=3"
    )


@pytest.mark.parametrize(
    ("target", "taken"),
    [
        ("/sager/", True),
        ("/opfoelgning/?team=syd#nu", True),
        ("", False),
        (None, False),
        ("x", False),
        ("sager/", False),
        ("//evil.example/", False),
        ("https://evil.example/", False),
        ("http://testserver/sager/", False),
        ("javascript:alert(1)", False),
        ("/\\evil.example", False),
        ("/\t/evil.example", False),
        ("/a\nb", False),
        ("/a\x00b", False),
    ],
)
def test_a_next_is_taken_only_as_a_path_on_this_site(target, taken):
    request = RequestFactory().get("/")
    assert local_path(request, target) == (target if taken else None)
