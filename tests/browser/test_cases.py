from playwright.sync_api import expect

from cases.models import Case
from tests.browser.conftest import load_demo, log_in, serious_violations


def fill_case(page, background: str) -> None:
    page.get_by_role("textbox", name="Titel", exact=True).fill("Far, 40 år: tilbage i job?")
    page.get_by_role("textbox", name="Hvad ønsker du sparring på?").fill(
        "Hvilken indsats skal vi vælge først?"
    )
    page.get_by_label("Sparringstype").select_option("timing")
    page.get_by_role("textbox", name="Baggrund", exact=True).fill(background)


def test_caseworker_submits_and_leader_puts_it_on_the_agenda(new_page, transactional_db):
    load_demo()
    caseworker = new_page()
    log_in(caseworker, "sagsbehandler1", "demo1234")
    caseworker.get_by_role("link", name="Indsend sag").first.click()
    fill_case(caseworker, "Sygemeldt i et år. CPR 040315-1234 står i journalen.")
    caseworker.get_by_role("button", name="Indsend sag").click()
    error = caseworker.get_by_text("ligner et CPR-nummer")
    error.wait_for()
    assert "CPR-nummer" in error.inner_text()
    title_field = caseworker.get_by_role("textbox", name="Titel", exact=True)
    assert title_field.input_value() == "Far, 40 år: tilbage i job?"
    wanted = caseworker.get_by_role("textbox", name="Hvad ønsker du sparring på?")
    assert wanted.input_value() == "Hvilken indsats skal vi vælge først?"
    assert serious_violations(caseworker) == []
    caseworker.get_by_role("textbox", name="Baggrund", exact=True).fill(
        "Sygemeldt i et år efter en arbejdsulykke."
    )
    caseworker.get_by_role("button", name="Indsend sag").click()
    caseworker.get_by_role("heading", name="Far, 40 år: tilbage i job?").wait_for()
    case = Case.objects.get(title="Far, 40 år: tilbage i job?")
    assert case.submitted_by.username == "sagsbehandler1"

    leader = new_page()
    log_in(leader, "leder", "demo1234")
    leader.goto(f"/sager/{case.pk}/")
    leader.get_by_role("link", name="Vælg sager til mødet").click()
    leader.get_by_role("button", name="Sæt Far, 40 år: tilbage i job? på dagsordenen").click()
    leader.get_by_role(
        "button", name="Fjern Far, 40 år: tilbage i job? fra dagsordenen"
    ).wait_for()
    assert serious_violations(leader) == []
    leader.goto(f"/moeder/{case.meeting_id}/styr/")
    running_order = leader.get_by_role("table", name="Faserne med planlagt og faktisk tid")
    expect(running_order.get_by_text("Far, 40 år: tilbage i job?").first).to_be_visible()
