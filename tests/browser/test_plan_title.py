"""The planner's title: chosen a format, the title is filled in from it and the date; a title
typed while that answer was still on its way stays the planner's own."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import load_demo, log_in


def is_form_answer(url: str) -> bool:
    """The planner's own page, asked again by htmx as its fields change."""
    return "/moeder/nyt/?" in url


def test_a_title_typed_while_the_format_s_answer_is_on_its_way_is_kept(new_page, transactional_db):
    load_demo()
    page = new_page()
    log_in(page, "leder", "demo1234")
    page.goto("/teams/team-syd/moeder/nyt/")
    title = page.get_by_role("textbox", name="Titel")
    length = page.locator("#plan-length")
    held: list = []
    holding = [True]

    def hold(route) -> None:
        if holding[0]:
            held.append(route)
        else:
            route.continue_()

    page.route(is_form_answer, hold)

    page.get_by_role("radio", name="Læringsmøde om et tema").check()
    title.fill("Læringsmøde om sygedagpenge")
    for _ in range(50):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the format's answer was not asked for"
    before = length.inner_text()
    assert len(held) == 1
    holding[0] = False
    with page.expect_response(lambda response: is_form_answer(response.url)):
        held[0].continue_()
    expect(length).not_to_have_text(before)
    expect(title).to_have_value("Læringsmøde om sygedagpenge")

    # A title left empty is filled in again from the format chosen next.
    title.fill("")
    page.get_by_role("radio", name="Faglig sparring på teammøde").check()
    expect(title).to_have_value(re.compile(r"^Faglig sparring på teammøde \d\d\.\d\d\.\d{4}$"))


def test_the_title_the_planner_is_in_is_not_replaced_under_their_fingers(
    new_page, transactional_db
):
    load_demo()
    page = new_page()
    log_in(page, "leder", "demo1234")
    page.goto("/teams/team-syd/moeder/nyt/")
    title = page.get_by_role("textbox", name="Titel")
    held: list = []
    holding = [True]

    def hold(route) -> None:
        if holding[0]:
            held.append(route)
        else:
            route.continue_()

    page.route(is_form_answer, hold)

    page.get_by_role("radio", name="Læringsmøde om et tema").check()
    for _ in range(50):
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "the format's answer was not asked for"
    # The planner goes into the title and marks what is there, to write over it; the answer
    # arrives before the first key.
    title.focus()
    title.select_text()
    assert len(held) == 1
    holding[0] = False
    with page.expect_response(lambda response: is_form_answer(response.url)):
        held[0].continue_()
    page.keyboard.insert_text("Læringsmøde om sygedagpenge")
    expect(title).to_have_value("Læringsmøde om sygedagpenge")
    expect(title).to_be_focused()
