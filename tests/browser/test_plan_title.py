"""The planner's title: chosen a format, the title is filled in from it and the date; a title
typed while that answer was still on its way stays the planner's own, and so does the field the
planner is in when it arrives."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import load_demo, log_in


def is_form_answer(url: str) -> bool:
    """The planner's own page, asked again by htmx as its fields change."""
    return "/moeder/nyt/?" in url


class HeldAnswers:
    """Holds the planner's answers back until release(): the answer to choosing a format then
    arrives after what the test does next, as on a slow network."""

    def __init__(self, page) -> None:
        self.page = page
        self.held: list = []
        self.holding = True
        page.route(is_form_answer, self.hold)

    def hold(self, route) -> None:
        if self.holding:
            self.held.append(route)
        else:
            route.continue_()

    def wait_for_one(self) -> None:
        for _ in range(50):
            if self.held:
                break
            self.page.wait_for_timeout(100)
        assert len(self.held) == 1, "the format's answer was not asked for, or asked twice"

    def release(self) -> None:
        self.holding = False
        with self.page.expect_response(lambda response: is_form_answer(response.url)):
            self.held[0].continue_()


def test_a_title_typed_while_the_format_s_answer_is_on_its_way_is_kept(new_page, transactional_db):
    load_demo()
    page = new_page()
    log_in(page, "leder", "demo1234")
    page.goto("/teams/team-syd/moeder/nyt/")
    title = page.get_by_role("textbox", name="Titel")
    length = page.locator("#plan-length")
    answers = HeldAnswers(page)

    page.get_by_role("radio", name="Læringsmøde om et tema").check()
    title.fill("Læringsmøde om sygedagpenge")
    answers.wait_for_one()
    before = length.inner_text()
    answers.release()
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
    answers = HeldAnswers(page)

    page.get_by_role("radio", name="Læringsmøde om et tema").check()
    answers.wait_for_one()
    # The planner goes into the title and marks what is there, to write over it; the answer
    # arrives before the first key.
    title.focus()
    title.select_text()
    answers.release()
    page.keyboard.insert_text("Læringsmøde om sygedagpenge")
    expect(title).to_have_value("Læringsmøde om sygedagpenge")
    expect(title).to_be_focused()
