"""The theme backlog in the browser: a caseworker proposes a theme, the working group puts it
first with a justification and picks it, deciding its meeting with two meeting leaders and an
invited team; the caseworker then sees their theme chosen."""

from playwright.sync_api import expect

from meetings.models import Meeting
from tests.browser.conftest import load_demo, log_in, serious_violations
from thememeetings.models import Theme, ThemeStatus

TITLE = "Opfølgning på sygemeldte med stress"


def test_a_proposed_theme_is_prioritised_and_picked_by_the_working_group(
    new_page, transactional_db
):
    load_demo()

    caseworker = new_page(width=420, height=900)
    log_in(caseworker, "sagsbehandler2", "demo1234")
    menu = caseworker.get_by_role("navigation", name="Hovedmenu")
    menu.get_by_role("button", name="Vis menu").click()
    menu.get_by_role("link", name="Temamøder").click()
    caseworker.get_by_role("link", name="Foreslå tema").first.click()
    caseworker.get_by_role("textbox", name="Titel").fill(TITLE)
    caseworker.get_by_role("textbox", name="Hvorfor er temaet vigtigt for praksis?").fill(
        "Vi følger op forskelligt, og borgerne oplever det."
    )
    # A CPR number is refused next to the field, and the text stays.
    knowledge = caseworker.get_by_role("textbox", name="Hvilken viden har vi brug for?")
    knowledge.fill("Sagen om 010190-1234 viser det.")
    caseworker.get_by_role("radio", name="Afdelingsmøde").check()
    caseworker.get_by_role("button", name="Foreslå tema").click()
    caseworker.get_by_text("ligner et CPR-nummer").wait_for()
    assert caseworker.get_by_role("textbox", name="Titel").input_value() == TITLE
    knowledge = caseworker.get_by_role("textbox", name="Hvilken viden har vi brug for?")
    knowledge.fill("Hvad siger loven, og hvad virker.")
    caseworker.get_by_role("button", name="Foreslå tema").click()
    caseworker.get_by_role("heading", name=TITLE).wait_for()
    assert serious_violations(caseworker) == []

    group = new_page()
    log_in(group, "koordinator", "demo1234")
    group.goto(caseworker.url)
    card = group.locator("li", has=group.get_by_role("heading", name=TITLE))
    card.get_by_role("spinbutton", name="Prioritet").fill("1")
    card.get_by_role("textbox", name="Begrundelse").fill("Mange sygemeldte med stress")
    card.get_by_role("button", name=f"Gem prioritet for {TITLE}").click()
    first = group.locator("#backlog li").first
    first.get_by_text("Mange sygemeldte med stress").wait_for()
    assert TITLE in first.get_by_role("heading").inner_text()
    assert serious_violations(group) == []

    first.get_by_role("link", name=f"Vælg {TITLE}").click()
    group.get_by_role("combobox", name="Mødeform").select_option(label="Læringsmøde om et tema")
    group.get_by_label("Tidspunkt").fill("2030-03-05T08:30")
    group.get_by_role("textbox", name="Sted").fill("Mødelokale 2")
    group.get_by_role("combobox", name="Værtsteam").select_option(label="Team Syd")
    group.get_by_role("checkbox", name="Team Nord").check()
    group.get_by_role("textbox", name="Eksterne deltagere").fill("Leif Hansen, forsker")
    group.get_by_role("combobox", name="Første mødeleder").select_option(label="Jonas Bech")
    group.get_by_role("combobox", name="Anden mødeleder").select_option(label="Bo Sønderby")
    group.get_by_role("button", name="Vælg tema og planlæg mødet").click()
    group.get_by_role("heading", name=TITLE).wait_for()
    expect(group.get_by_text("Leif Hansen")).to_be_visible()
    theme = Theme.objects.get(title=TITLE)
    assert theme.status == ThemeStatus.CHOSEN
    meeting = Meeting.objects.get(pk=theme.meeting_id)
    assert meeting.facilitator.username == "koordinator"
    assert meeting.co_facilitator.username == "sagsbehandler2"
    assert meeting.participants.filter(username="sagsbehandler.nord").exists()

    caseworker.reload()
    card = caseworker.locator("li", has=caseworker.get_by_role("heading", name=TITLE))
    assert "Valgt" in card.inner_text()
    assert "Mange sygemeldte med stress" in card.inner_text()
