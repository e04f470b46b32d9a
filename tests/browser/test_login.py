from playwright.sync_api import expect

from tests.browser.conftest import load_demo, log_in, serious_violations


def test_leder_logs_in_and_reaches_an_accessible_start_page(new_page, transactional_db):
    load_demo()
    page = new_page()
    page.goto("/login/")
    assert serious_violations(page) == []
    log_in(page, "leder", "demo1234")
    expect(page.get_by_role("heading", name="Mit overblik")).to_be_visible()
    expect(page.get_by_role("link", name="Team Syd", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Overblik")).to_be_visible()
    assert serious_violations(page) == []


def test_start_page_is_usable_on_a_phone(new_page, transactional_db):
    load_demo()
    page = new_page(width=375, height=740)
    log_in(page, "sagsbehandler1", "demo1234")
    page.get_by_role("button", name="Vis menu").click()
    # The menu slides open; a click while it moves can land beside the button.
    page.locator("#main-nav.show:not(.collapsing)").wait_for()
    with page.expect_navigation(url=lambda url: "/login/" in url, wait_until="domcontentloaded"):
        page.get_by_role("button", name="Log ud").click()
    expect(page.get_by_role("button", name="Log ind")).to_be_visible()
    assert serious_violations(page) == []
