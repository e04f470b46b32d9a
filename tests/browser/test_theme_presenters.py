"""A theme meeting's presenters in the browser: the meeting leaders plan a theme meeting, assign
two presenters from the rotation's proposals and pick a stand-in for one who has no example;
a presenter sees the brief on the start page and writes it."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Meeting
from tests.browser.conftest import load_demo, log_in, serious_violations


def test_the_meeting_leaders_plan_a_theme_meeting_with_two_presenters(new_page, transactional_db):
    load_demo()
    when = timezone.localtime() + timedelta(weeks=3)

    coordinator = new_page()
    log_in(coordinator, "koordinator", "demo1234")
    coordinator.get_by_role("link", name="Planlæg møde", exact=True).first.click()
    coordinator.get_by_role("radio", name="Læringsmøde om et tema").check()
    # As a planner reads the form: the title is filled in from the chosen format before they
    # write their own (typed into the field while the answer replaces it, it would be lost).
    title = coordinator.get_by_role("textbox", name="Titel")
    expect(title).to_have_value(re.compile(r"^Læringsmøde om et tema \d\d\.\d\d\.\d{4}$"))
    title.fill("Læringsmøde om sygedagpenge")
    expect(title).to_have_value("Læringsmøde om sygedagpenge")
    coordinator.get_by_label("Tidspunkt").fill(f"{when:%Y-%m-%d}T09:00")
    coordinator.get_by_role("combobox", name="Medmødeleder").select_option(
        label="Hanne Kjærsgaard"
    )
    assert "over grænsen" not in coordinator.locator("#plan-length").inner_text()
    coordinator.get_by_role("button", name="Planlæg møde").click()
    coordinator.get_by_text("Mødet er planlagt.").wait_for()
    meeting = Meeting.objects.get(title="Læringsmøde om sygedagpenge")
    assert meeting.timetable_minutes <= 180

    coordinator.get_by_role("link", name="Vælg oplægsholdere").click()
    coordinator.get_by_role("heading", name="Forslag: hvem står for tur?").wait_for()
    coordinator.get_by_role("button", name="Tildel oplæg til Dennis Ahlgreen").click()
    coordinator.get_by_text("Dennis Ahlgreen holder oplæg.").wait_for()
    coordinator.get_by_role("button", name="Tildel oplæg til Bo Sønderby").click()
    coordinator.get_by_text("Bo Sønderby holder oplæg.").wait_for()
    assert serious_violations(coordinator) == []

    # Bo has no example: the other meeting leader picks a stand-in.
    leader = new_page()
    log_in(leader, "leder", "demo1234")
    leader.goto(f"/moeder/{meeting.pk}/")
    leader.get_by_role("link", name="Vælg oplægsholdere").click()
    leader.get_by_role("combobox", name="Afløser for Bo Sønderby").select_option(
        label="Camilla Østergård"
    )
    leader.get_by_role("listitem").filter(has_text="Afløser for Bo Sønderby").get_by_role(
        "button", name="Har intet eksempel: vælg afløser"
    ).click()
    leader.get_by_text("Camilla Østergård holder oplægget i stedet for Bo Sønderby.").wait_for()
    leader.goto(f"/moeder/{meeting.pk}/")
    presenters = leader.get_by_role("region", name="Oplæg fra praksis")
    assert "Dennis Ahlgreen" in presenters.inner_text()
    assert "Camilla Østergård (afløser for Bo Sønderby)" in presenters.inner_text()

    presenter = new_page(width=420, height=900)
    log_in(presenter, "sagsbehandler4", "demo1234")
    briefs = presenter.get_by_role("region", name="Dine oplæg")
    assert "Hvad er den faglige begrundelse?" in briefs.inner_text()
    briefs.get_by_role("link", name="Forbered dit oplæg").click()
    presenter.get_by_role("textbox", name="Hvad gjorde du?").fill(
        "Jeg aftalte en gradvis tilbagevenden med arbejdsgiveren."
    )
    presenter.get_by_role("textbox", name="Hvorfor?").fill("Borgeren var bange for at gå ned.")
    presenter.get_by_role("textbox", name="Hvad er den faglige begrundelse?").fill(
        "Delvis raskmelding efter sygedagpengeloven."
    )
    presenter.get_by_role("button", name="Gem oplæg").click()
    presenter.get_by_text("Dit oplæg er gemt.").wait_for()
    own = presenter.get_by_role("region", name="Dit oplæg")
    assert "Jeg aftalte en gradvis tilbagevenden" in own.inner_text()
    assert serious_violations(presenter) == []
