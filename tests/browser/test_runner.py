import re
import time

from playwright.sync_api import expect

from meetings.models import Meeting, MeetingStatus
from tests.browser.conftest import load_demo, log_in, serious_violations

CLOCK = re.compile(r"^-?\d+:\d\d$")


def clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    minutes, secs = text.lstrip("-").split(":")
    return sign * (int(minutes) * 60 + int(secs))


def phase_timer(page):
    return page.get_by_role("region", name="Aktuel fase").get_by_role("timer")


def phase_heading(page):
    return page.get_by_role("region", name="Aktuel fase").get_by_role("heading").first


def test_leder_runs_a_meeting_that_a_caseworker_follows(new_page, transactional_db):
    load_demo()
    meeting = Meeting.objects.filter(team__slug="team-syd", status=MeetingStatus.PLANNED).earliest(
        "starts_at"
    )
    leader = new_page()
    log_in(leader, "leder", "demo1234")
    leader.get_by_role("link", name="Kør møde").first.click()
    leader.get_by_role("button", name="Start møde").click()
    leader.get_by_role("button", name="Pause").wait_for()
    # Starting may open with a review of open follow-up actions: read the order as started.
    steps = list(meeting.steps.order_by("position"))
    first_box = steps[0].planned_seconds
    timer = phase_timer(leader)
    leader.wait_for_function(
        f"() => document.querySelector('#runner-state h2').textContent.trim() === "
        f"'{steps[0].name}'"
    )
    ticking = [clock(first_box - 2), clock(first_box - 3)]
    leader.wait_for_function(
        f"() => {ticking!r}.includes(document.querySelector('[role=timer]').textContent.trim())",
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

    leader.get_by_role("button", name="Næste fase").click()
    leader.wait_for_function(
        f"() => document.querySelector('#runner-state h2').textContent.trim() === "
        f"'{steps[1].name}'"
    )
    assert phase_heading(leader).inner_text() == steps[1].name
    assert seconds(timer.inner_text()) in (steps[1].planned_seconds - 1, steps[1].planned_seconds)

    caseworker = new_page()
    log_in(caseworker, "sagsbehandler1", "demo1234")
    caseworker.goto(f"/moeder/{meeting.pk}/")
    caseworker.get_by_role("link", name="Følg møde").click()
    other_timer = phase_timer(caseworker)
    caseworker.wait_for_timeout(1200)
    assert abs(seconds(other_timer.inner_text()) - seconds(timer.inner_text())) <= 1
    assert serious_violations(caseworker) == []

    round_at = next(step.position for step in steps if step.kind == "round")
    for step in steps[2 : round_at + 1]:
        leader.get_by_role("button", name="Næste fase").click()
        leader.wait_for_function(
            f"() => document.querySelector('#runner-state h2').textContent.trim() === "
            f"'{step.name}'"
        )
    expect(leader.get_by_role("button", name="Næste i runden")).to_be_visible()
    point_field = caseworker.get_by_role("textbox", name="Læringspunkt", exact=True)
    point_field.fill("Tjek skolens fraværsregistrering tidligt.")
    caseworker.get_by_role("button", name="Tilføj læringspunkt").click()
    leader.get_by_text("Tjek skolens fraværsregistrering tidligt.").wait_for(timeout=5000)
