import re
import time

from django.core.management import call_command
from django.test import override_settings

from meetings.models import Meeting, MeetingStatus
from tests.browser.conftest import log_in, serious_violations

CLOCK = re.compile(r"^-?\d+:\d\d$")


@override_settings(DEBUG=True)
def _load_demo():
    call_command("load_demo", "--quiet-logins")


def seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    minutes, secs = text.lstrip("-").split(":")
    return sign * (int(minutes) * 60 + int(secs))


def phase_timer(page):
    return page.get_by_role("region", name="Aktuel fase").get_by_role("timer")


def phase_heading(page):
    return page.get_by_role("region", name="Aktuel fase").get_by_role("heading").first


def test_leder_runs_a_meeting_that_a_caseworker_follows(new_page, transactional_db):
    _load_demo()
    meeting = Meeting.objects.filter(team__slug="team-syd", status=MeetingStatus.PLANNED).earliest(
        "starts_at"
    )
    leader = new_page()
    log_in(leader, "leder", "demo1234")
    leader.get_by_role("link", name="Kør møde").first.click()
    leader.get_by_role("button", name="Start møde").click()
    timer = phase_timer(leader)
    leader.wait_for_function(
        "() => ['4:58', '4:57'].includes("
        "document.querySelector('[role=timer]').textContent.trim())",
        timeout=6000,
    )

    leader.get_by_role("button", name="Pause").click()
    leader.get_by_role("button", name="Fortsæt").wait_for()
    frozen = timer.inner_text()
    time.sleep(2)
    assert timer.inner_text() == frozen
    assert serious_violations(leader) == []

    leader.get_by_role("button", name="Fortsæt").click()
    leader.get_by_role("button", name="Pause").wait_for()
    leader.wait_for_function(
        f"() => document.querySelector('[role=timer]').textContent.trim() !== '{frozen}'"
    )

    first_phase = phase_heading(leader).inner_text()
    leader.get_by_role("button", name="Næste fase").click()
    leader.wait_for_function(
        f"() => document.querySelector('#runner-state h2').textContent.trim() !== '{first_phase}'"
    )
    assert phase_heading(leader).inner_text() == "Opklarende spørgsmål"
    assert seconds(timer.inner_text()) in (299, 300)

    caseworker = new_page()
    log_in(caseworker, "sagsbehandler1", "demo1234")
    caseworker.goto(f"/moeder/{meeting.pk}/")
    caseworker.get_by_role("link", name="Følg møde").click()
    other_timer = phase_timer(caseworker)
    caseworker.wait_for_timeout(1200)
    assert abs(seconds(other_timer.inner_text()) - seconds(timer.inner_text())) <= 1
    assert serious_violations(caseworker) == []

    leader.get_by_role("button", name="Næste fase").click()
    leader.wait_for_function(
        "() => document.querySelector('#runner-state h2').textContent.trim() !== "
        "'Opklarende spørgsmål'"
    )
    for _ in range(2):
        leader.get_by_role("button", name="Næste fase").click()
        leader.wait_for_timeout(300)
    leader.wait_for_function(
        "() => document.querySelector('#runner-state h2').textContent.startsWith('Runde')"
    )
    assert leader.get_by_role("button", name="Næste i runden").is_visible()
    point_field = caseworker.get_by_role("textbox", name="Læringspunkt", exact=True)
    point_field.fill("Tjek skolens fraværsregistrering tidligt.")
    caseworker.get_by_role("button", name="Tilføj læringspunkt").click()
    leader.get_by_text("Tjek skolens fraværsregistrering tidligt.").wait_for(timeout=5000)
