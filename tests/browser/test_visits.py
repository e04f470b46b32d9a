"""A learning visit in the browser: a caseworker plans it, checks in and holds the learning
meeting with the colleague, and the leader puts its three points on a later staff meeting,
whose page then shows them on its agenda."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Meeting, MeetingStatus
from tests.browser.conftest import load_demo, log_in, serious_violations
from visits.models import Visit

POINTS = [
    "Læs aftalerne højt, før borgeren går.",
    "Spørg til borgerens egne mål først.",
    "Skriv notatet samme dag.",
]


def test_a_visit_is_planned_checked_in_and_its_points_reach_a_later_staff_meeting(
    new_page, transactional_db
):
    load_demo()
    yesterday = timezone.localdate() - timedelta(days=1)

    agent = new_page(width=420, height=900)
    log_in(agent, "sagsbehandler1", "demo1234")
    agent.goto("/laering/")
    agent.get_by_role("link", name="Læringsbesøg", exact=True).click()
    agent.get_by_role("link", name="Planlæg læringsbesøg").click()
    agent.get_by_role("combobox", name="Kollega").select_option(label="Camilla Østergård")
    agent.get_by_label("Dato").fill(yesterday.isoformat())
    agent.get_by_role("radio", name="Halv dag").check()
    agent.get_by_role("button", name="Planlæg besøget").click()
    agent.get_by_role(
        "heading", name="Læringsbesøg: Amalie Thrane hos Camilla Østergård"
    ).wait_for()

    agent.get_by_role("link", name="Tjek ind").click()
    expect(agent.get_by_text("Fortrolighed:")).to_be_visible()
    agent.get_by_role("textbox", name="Hvad vil læringsagenten gerne have ud af besøget?").fill(
        "At se, hvordan en svær samtale kan åbnes."
    )
    agent.get_by_role(
        "textbox", name="Hvad mener kollegaen, at læringsagenten især bør have fokus på?"
    ).fill("Hvordan jeg afslutter samtalen.")
    agent.get_by_role("textbox", name="Andre spilleregler for dagen").fill("Ingen telefoner")
    agent.get_by_role("button", name="Gem tjek-ind").click()
    agent.get_by_text("Ingen telefoner").wait_for()

    agent.get_by_role("link", name="Hold læringsmødet").click()
    agent.get_by_role("textbox", name="Hvad så og hørte du?").fill("To samtaler og et møde.")
    agent.get_by_role("textbox", name="Hvilke oplevelser virkede godt?").fill("Roen.")
    agent.get_by_role("textbox", name="Hvad kunne eventuelt gøres anderledes?").fill("Notatet.")
    agent.get_by_role(
        "textbox", name="Hvordan var det at have en læringsagent med på arbejde?"
    ).fill("Lærerigt.")
    agent.get_by_role("textbox", name="Hvilke refleksioner og tanker har dagen givet?").fill(
        "Jeg gør meget af vane."
    )
    # Two points are not enough: the form says so and keeps what was written.
    agent.get_by_role("textbox", name="Læringspunkt 1").fill(POINTS[0])
    agent.get_by_role("textbox", name="Læringspunkt 2").fill(POINTS[1])
    agent.get_by_role("button", name="Gem læringsmødet").click()
    agent.get_by_text("Skriv alle tre fælles læringspunkter.").wait_for()
    assert agent.get_by_role("textbox", name="Læringspunkt 1").input_value() == POINTS[0]
    assert serious_violations(agent) == []
    agent.get_by_role("textbox", name="Læringspunkt 3").fill(POINTS[2])
    agent.get_by_role("button", name="Gem læringsmødet").click()
    agent.get_by_role("heading", name="Tre fælles læringspunkter").wait_for()
    visit = Visit.objects.get(agent__username="sagsbehandler1")
    assert visit.is_closed

    later = (
        Meeting.objects.filter(
            team=visit.team,
            status=MeetingStatus.PLANNED,
            starts_at__gte=timezone.now() + timedelta(days=1),
        )
        .order_by("starts_at")
        .first()
    )
    leader = new_page()
    log_in(leader, "leder", "demo1234")
    leader.goto(f"/teams/{visit.team.slug}/laeringsbesoeg/")
    leader.get_by_role("row", name="Amalie Thrane").get_by_role("link").click()
    leader.get_by_role("combobox", name="Personalemøde").select_option(value=str(later.pk))
    leader.get_by_role("button", name="Sæt på dagsordenen").click()
    leader.get_by_role("link", name=later.title).click()
    agenda = leader.get_by_role("region", name="Dagsorden")
    for text in POINTS:
        expect(agenda.get_by_text(text)).to_be_visible()
    assert serious_violations(leader) == []
