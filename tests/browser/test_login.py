from django.core.management import call_command
from django.test import override_settings

from tests.browser.conftest import log_in, serious_violations


@override_settings(DEBUG=True)
def _load_demo():
    call_command("load_demo", "--quiet-logins")


def test_leder_logs_in_and_reaches_an_accessible_start_page(new_page, transactional_db):
    _load_demo()
    page = new_page()
    page.goto("/login/")
    assert serious_violations(page) == []
    log_in(page, "leder", "demo1234")
    assert page.get_by_role("heading", name="Mit overblik").is_visible()
    assert page.get_by_role("link", name="Team Syd", exact=True).is_visible()
    assert page.get_by_role("link", name="Overblik").is_visible()
    assert serious_violations(page) == []


def test_start_page_is_usable_on_a_phone(new_page, transactional_db):
    _load_demo()
    page = new_page(width=375, height=740)
    log_in(page, "sagsbehandler1", "demo1234")
    page.get_by_role("button", name="Vis menu").click()
    # The menu slides open; a click while it moves can land beside the button.
    page.locator("#main-nav.show:not(.collapsing)").wait_for()
    with page.expect_navigation(url=lambda url: "/login/" in url, wait_until="domcontentloaded"):
        page.get_by_role("button", name="Log ud").click()
    assert page.get_by_role("button", name="Log ind").is_visible()
    assert serious_violations(page) == []
