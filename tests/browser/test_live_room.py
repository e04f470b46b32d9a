"""The meeting room as people see it while it runs: a learning point refused for a CPR number
and then saved, reaching the leader's screen without a reload; a participant whose network
drops while the meeting moves on; and a whole meeting run from the leader's one tab."""

import time

import pytest
from playwright.sync_api import expect

from meetings import services
from meetings.builtin_formats import install_builtin_formats
from meetings.models import Format, Meeting
from tests.browser.conftest import log_in
from tests.factories import PASSWORD, make_meeting

# Set on a page's window before the action under test: still there afterwards means the page
# was never reloaded or left.
MARKER = "window.__sameDocument"


def mark(page) -> None:
    page.evaluate(f"{MARKER} = true")


def still_marked(page) -> bool:
    return page.evaluate(f"{MARKER} === true")


def phase(page):
    return page.get_by_role("region", name="Aktuel fase")


def phase_heading(page):
    return phase(page).get_by_role("heading", level=2)


def caught_up(page, meeting: Meeting) -> None:
    """Wait until the screen shows the meeting's latest state. An entry (a summary, a
    follow-up) raises the meeting's version, which the controls post back; the screen hears of
    it over its stream a moment after the entry's confirmation, and a control pressed before
    that is refused as based on an older state."""
    version = Meeting.objects.get(pk=meeting.pk).version
    page.wait_for_function(
        f"() => document.getElementById('runner-state').dataset.version === '{version}'"
    )


def advance(meeting: Meeting, to: int) -> None:
    """Start the meeting and move it on to the step at position `to`, as its leader would."""
    services.meeting_start(
        meeting_id=meeting.pk, version=Meeting.objects.get(pk=meeting.pk).version
    )
    for _step in range(to):
        services.meeting_next_phase(
            meeting_id=meeting.pk, version=Meeting.objects.get(pk=meeting.pk).version
        )


@pytest.fixture
def room(world):
    """A Team Syd meeting with one case, owned by the caseworker, in the test format:
    Præsentation, Refleksion, Runde, Opsamling."""
    users = world.users
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"], users["caseworker2"]],
        cases=1,
    )
    item = meeting.agenda_items.get()
    item.owner = users["caseworker"]
    item.save(update_fields=["owner"])
    return meeting


# The test format's round: the third step of its one case.
ROUND = 2


def open_screens(new_page, meeting):
    leader = new_page()
    log_in(leader, "leader", PASSWORD)
    leader.goto(f"/moeder/{meeting.pk}/styr/")
    caseworker = new_page()
    log_in(caseworker, "caseworker", PASSWORD)
    caseworker.goto(f"/moeder/{meeting.pk}/")
    caseworker.get_by_role("link", name="Følg møde").click()
    return leader, caseworker


def test_a_learning_point_with_a_cpr_number_is_refused_then_saved_and_reaches_the_leader(
    new_page, room
):
    advance(room, ROUND)
    leader, caseworker = open_screens(new_page, room)
    expect(phase_heading(caseworker)).to_have_text("Runde")
    mark(leader)
    mark(caseworker)

    field = caseworker.get_by_role("textbox", name="Læringspunkt", exact=True)
    with_cpr = "Borger 010203-1234 fik hjælp, da skolen ringede tidligt."
    field.fill(with_cpr)
    caseworker.get_by_role("button", name="Tilføj læringspunkt").click()

    # The error stands with the field it is about, and what was typed is still there.
    field_group = caseworker.locator("#runner-work .mb-3", has=field)
    expect(field_group).to_contain_text("CPR-nummer")
    expect(field).to_have_value(with_cpr)
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(leader.locator(".learning-points")).to_contain_text("Ingen endnu.")

    corrected = "Borger fik hjælp, da skolen ringede tidligt."
    field.fill(corrected)
    caseworker.get_by_role("button", name="Tilføj læringspunkt").click()
    expect(caseworker.get_by_role("status")).to_have_text("Læringspunktet er gemt.")
    expect(field).to_have_value("")

    # The leader's screen, open all along, shows the point without being reloaded.
    expect(leader.locator(".learning-points")).to_contain_text(corrected, timeout=5000)
    assert still_marked(leader)
    assert still_marked(caseworker)


def test_a_participant_offline_for_30_seconds_catches_up_when_back(new_page, room):
    """Slow: the participant's network is really off for 30 seconds."""
    advance(room, ROUND)
    leader, caseworker = open_screens(new_page, room)
    expect(phase_heading(caseworker)).to_have_text("Runde")
    mark(caseworker)
    # Written with an escape: ruff rejects the look-alike en dash in source (RUF001).
    notice = caseworker.get_by_text("Forbindelsen er afbrudt \u2013 uret kører videre")
    clock = phase(caseworker).get_by_role("timer")

    caseworker.context.set_offline(True)
    offline_at = time.monotonic()
    leader.get_by_role("button", name="Næste fase").click()
    expect(phase_heading(leader)).to_have_text("Opsamling")

    expect(notice).to_be_visible(timeout=10_000)
    before = clock.inner_text()
    caseworker.wait_for_timeout(2500)
    assert clock.inner_text() != before  # the clock runs on from the last deadline
    expect(phase_heading(caseworker)).to_have_text("Runde")

    caseworker.wait_for_timeout(max(0, 30 - (time.monotonic() - offline_at)) * 1000)
    caseworker.context.set_offline(False)
    online_at = time.monotonic()
    expect(phase_heading(caseworker)).to_have_text("Opsamling", timeout=2000)
    waited = time.monotonic() - online_at
    assert waited <= 2, f"the new phase showed {waited:.1f} s after the network came back"
    expect(notice).to_be_hidden()
    assert still_marked(caseworker)


def test_the_leader_runs_a_whole_meeting_from_one_tab(new_page, world):
    install_builtin_formats()
    users = world.users
    owner = users["caseworker"]
    owner.first_name, owner.last_name = "Kirsten", "Holm"
    owner.save(update_fields=["first_name", "last_name"])
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], owner, users["caseworker2"]],
        cases=2,
        format=Format.objects.builtin().get(key="teamsparring"),
    )
    leader = new_page()
    log_in(leader, "leader", PASSWORD)
    leader.goto(f"/moeder/{meeting.pk}/")
    leader.get_by_role("link", name="Kør møde").click()
    mark(leader)

    leader.get_by_role("button", name="Start møde").click()
    expect(leader.get_by_role("button", name="Pause")).to_be_visible()
    # Two cases of six phases each; the order is read as started.
    steps = list(Meeting.objects.get(pk=meeting.pk).steps.order_by("position"))
    total = len(steps)
    assert total == 12
    first_summary = next(step.position for step in steps if step.kind == "summary")
    expect(phase_heading(leader)).to_have_text(steps[0].name)
    expect(phase(leader)).to_contain_text(f"fase 1 af {total}")

    def next_phase(to: int) -> None:
        leader.get_by_role("button", name="Næste fase").click()
        expect(phase(leader)).to_contain_text(f"fase {to + 1} af {total}")
        expect(phase_heading(leader)).to_have_text(steps[to].name)

    for position in range(1, first_summary + 1):
        next_phase(position)

    # The summary of the first case, with its decision on practice.
    summary = "Vi tager fat i skolen tidligere i forløbet."
    leader.get_by_role("textbox", name="Lederens opsamling").fill(summary)
    leader.get_by_role("group", name="Giver det anledning til ændret praksis?").get_by_role(
        "radio", name="Ja"
    ).check()
    leader.get_by_role("button", name="Gem opsamling").click()
    expect(leader.get_by_role("status")).to_have_text("Opsamlingen er gemt.")
    expect(leader.locator(".learning-points")).to_contain_text(summary)

    # "Aftal opfølgning": who does what by when.
    follow_up = leader.get_by_role("region", name="Aftal opfølgning")
    follow_up.get_by_role("textbox", name="Opfølgning").fill("Ring til skolen om fraværet")
    follow_up.get_by_role("combobox", name="Ansvarlig").select_option(label="Kirsten Holm")
    follow_up.get_by_role("button", name="Gem opfølgning").click()
    expect(leader.get_by_role("status")).to_have_text("Opfølgningen er aftalt.")
    expect(leader.locator(".agreed-follow-ups")).to_contain_text(
        "Ring til skolen om fraværet · Kirsten Holm"
    )
    caught_up(leader, meeting)

    for position in range(first_summary + 1, total):
        next_phase(position)
    expect(leader.get_by_role("button", name="Næste fase")).to_be_disabled()

    # Ending asks first: declined, the meeting goes on; accepted, it ends.
    asked: list[str] = []

    def answer(accept: bool):
        def handle(dialog) -> None:
            asked.append(dialog.message)
            if accept:
                dialog.accept()
            else:
                dialog.dismiss()

        return handle

    finish = leader.get_by_role("button", name="Afslut møde")
    leader.once("dialog", answer(accept=False))
    finish.click()
    assert asked == ["Afslut mødet nu?"]
    leader.wait_for_timeout(500)
    expect(phase_heading(leader)).to_have_text(steps[-1].name)
    expect(finish).to_be_visible()

    leader.once("dialog", answer(accept=True))
    finish.click()
    assert asked == ["Afslut mødet nu?", "Afslut mødet nu?"]
    expect(phase_heading(leader)).to_have_text("Mødet er afsluttet")
    assert still_marked(leader)
    assert len(leader.context.pages) == 1

    leader.get_by_role("link", name="Referat").click()
    expect(leader.get_by_role("heading", level=1)).to_contain_text("Referat")
    agreed = leader.get_by_role("region", name="Aftalte opfølgninger")
    expect(agreed).to_contain_text("Ring til skolen om fraværet · Kirsten Holm")
    summaries = leader.get_by_role("region", name="Lederens opsamling og beslutninger")
    expect(summaries).to_contain_text(summary)


def test_screens_of_a_person_with_a_new_password_go_to_the_login_page_at_the_next_change(
    new_page, room, world
):
    """The leader's password is set anew elsewhere (as `manage.py changepassword` does, which
    leaves their sessions in place): at the meeting's next change their open control view
    reloads to the login page, while the caseworker's screen follows the meeting on."""
    leader, caseworker = open_screens(new_page, room)
    expect(leader.get_by_role("button", name="Start møde")).to_be_visible()
    mark(caseworker)
    person = world.users["leader"]
    person.set_password("et helt nyt kodeord 42")
    person.save(update_fields=["password"])

    advance(room, 0)

    leader.wait_for_url("**/login/?next=**")
    expect(leader.get_by_role("button", name="Log ind", exact=True)).to_be_visible()
    expect(phase_heading(caseworker)).to_have_text("Præsentation")
    assert still_marked(caseworker)
