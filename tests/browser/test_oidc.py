"""Single sign-on in Chromium through the real redirects: Teamlæring's login page, the
provider's own login form (tests/oidc_provider.py, on this machine), back to Teamlæring."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import serious_violations
from tests.factories import MembershipFactory, OrganisationFactory, TeamFactory


def _through_the_provider(page, username: str) -> None:
    page.get_by_role("link", name="Log ind med Testkommunens login").click()
    page.get_by_label("Brugernavn hos udbyderen").fill(username)
    page.get_by_role("button", name="Log ind hos udbyderen").click()


def test_a_known_person_signs_in_with_the_provider_and_out_again(
    new_page, oidc_provider, settings, transactional_db
):
    settings.TEAMLAERING_OIDC_PROVIDER_NAME = "Testkommunens login"
    team = TeamFactory(organisation=OrganisationFactory(name="Testkommune"), name="Team Vest")
    MembershipFactory(
        team=team,
        user__username="anne.hansen@testkommune.dk",
        user__first_name="Anne",
        user__last_name="Hansen",
    )
    oidc_provider.add_person("anne.hansen@testkommune.dk")
    page = new_page()
    page.goto("/sager/")
    assert "/login/" in page.url
    assert serious_violations(page) == []
    _through_the_provider(page, "anne.hansen@testkommune.dk")
    page.wait_for_url(re.compile(r"/sager/$"))
    expect(page.get_by_role("link", name="Anne Hansen")).to_be_visible()
    with page.expect_navigation(url=lambda url: "/login/" in url):
        page.get_by_role("button", name="Log ud").click()
    page.goto("/konto/")
    assert "/login/" in page.url
    expect(page.get_by_role("link", name="Log ind med Testkommunens login")).to_be_visible()


def test_an_unknown_person_gets_a_page_saying_why(
    new_page, oidc_provider, settings, transactional_db
):
    settings.TEAMLAERING_OIDC_PROVIDER_NAME = "Testkommunens login"
    oidc_provider.add_person("ny.kollega@testkommune.dk")
    page = new_page()
    page.goto("/login/")
    _through_the_provider(page, "ny.kollega@testkommune.dk")
    heading = page.get_by_role("heading", name="Du kan ikke logge ind")
    heading.wait_for()
    assert "Teamlæring kender dig ikke" in page.content()
    assert serious_violations(page) == []
    page.get_by_role("link", name="Tilbage til log ind").click()
    expect(page.get_by_role("button", name="Log ind", exact=True)).to_be_visible()
