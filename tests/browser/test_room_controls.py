"""The meeting room from the keyboard and with a screen reader, and the room's own talk: focus
stays on the control pressed, Space and Enter press it, the shortcuts can be switched off and
stay off, the live region says what changed; raised hands and the observer's feedback reach
the facilitator without a reload; a table too wide for a phone is reached by keyboard."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in, serious_violations
from tests.factories import PASSWORD, make_format, make_meeting

PHASES = [
    ("Fremlæggelse", "presentation", 2, True),
    ("Spørgsmål", "questions", 5, True),
    ("Observatørens feedback", "observation", 3, True),
    ("Opsamling", "summary", 5, True),
]


@pytest.fixture
def room(world):
    users = world.users
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"], users["caseworker2"]],
        format=make_format(key="tvaerfagligt-test", phases=PHASES),
    )
    meeting.agenda_items.update(owner=users["caseworker"], observer=users["caseworker2"])
    return meeting


def heading(page):
    return page.get_by_role("region", name="Aktuel fase").get_by_role("heading", level=2)


def live_text(page) -> str:
    return page.locator("#runner-live").inner_text()


def control_view(new_page, meeting):
    page = new_page()
    log_in(page, "leader", PASSWORD)
    page.goto(f"/moeder/{meeting.pk}/styr/")
    return page


def follow(new_page, meeting, who):
    page = new_page()
    log_in(page, who, PASSWORD)
    page.goto(f"/moeder/{meeting.pk}/")
    page.get_by_role("link", name="Følg møde").click()
    return page


def test_the_controls_work_from_the_keyboard_and_the_changes_are_announced(new_page, room):
    leader = control_view(new_page, room)
    start = leader.get_by_role("button", name="Start møde")
    start.focus()
    leader.keyboard.press("Enter")
    expect(heading(leader)).to_have_text("Fremlæggelse")
    # The control pressed is gone (Start became Pause): the new phase's heading has focus.
    expect(heading(leader)).to_be_focused()
    expect(leader.locator("#runner-live")).to_contain_text("Fase: Fremlæggelse")

    # Space on a focused "Næste fase" presses it; it does not pause the meeting.
    leader.get_by_role("button", name="Næste fase").focus()
    leader.keyboard.press(" ")
    expect(heading(leader)).to_have_text("Spørgsmål")
    expect(leader.get_by_role("button", name="Pause")).to_be_visible()
    expect(leader.get_by_role("button", name="Næste fase")).to_be_focused()
    expect(leader.locator("#runner-live")).to_contain_text("Fase: Spørgsmål")

    # The single-key shortcut works, until it is switched off; the choice is remembered.
    leader.locator("body").click(position={"x": 5, "y": 5})
    leader.keyboard.press("n")
    expect(heading(leader)).to_have_text("Observatørens feedback")
    toggle = leader.get_by_role("button", name="Tastaturgenveje: til")
    toggle.click()
    expect(leader.get_by_role("button", name="Tastaturgenveje: fra")).to_have_attribute(
        "aria-pressed", "false"
    )
    leader.locator("body").click(position={"x": 5, "y": 5})
    leader.keyboard.press("n")
    leader.wait_for_timeout(1500)
    expect(heading(leader)).to_have_text("Observatørens feedback")
    leader.reload()
    expect(leader.get_by_role("button", name="Tastaturgenveje: fra")).to_be_visible()
    leader.keyboard.press("n")
    leader.wait_for_timeout(1000)
    expect(heading(leader)).to_have_text("Observatørens feedback")

    # Ending is confirmed first, from the keyboard too; the end is announced.
    leader.once("dialog", lambda dialog: dialog.accept())
    leader.get_by_role("button", name="Afslut møde").focus()
    leader.keyboard.press("Enter")
    expect(heading(leader)).to_have_text("Mødet er afsluttet")
    expect(leader.locator("#runner-live")).to_contain_text("Mødet er afsluttet")
    expect(leader.get_by_role("link", name="Referat")).to_be_visible()
    assert serious_violations(leader) == []


def test_a_raised_hand_reaches_the_facilitator_who_gives_the_word(new_page, room):
    leader = control_view(new_page, room)
    leader.get_by_role("button", name="Start møde").click()
    leader.get_by_role("button", name="Næste fase").click()
    expect(heading(leader)).to_have_text("Spørgsmål")
    projector = new_page()
    log_in(projector, "leader", PASSWORD)
    projector.goto(f"/moeder/{room.pk}/projektor/")
    first = follow(new_page, room, "caseworker")
    second = follow(new_page, room, "caseworker2")

    hand = first.get_by_role("button", name="Ræk hånden op")
    hand.click()
    expect(hand).to_have_attribute("aria-pressed", "true")
    expect(hand).to_be_focused()
    expect(first.get_by_text("du er nr. 1 i køen")).to_be_visible()
    second.get_by_role("button", name="Ræk hånden op").click()
    expect(second.get_by_text("du er nr. 2 i køen")).to_be_visible()

    queue = leader.get_by_role("region", name="Rakte hænder")
    expect(queue.get_by_role("listitem")).to_have_count(2, timeout=5000)
    leader.get_by_role("button", name="Giv ordet").click()
    caseworker_name = room.participants.get(username="caseworker").display_name
    caseworker2_name = room.participants.get(username="caseworker2").display_name
    expect(projector.locator(".hands .speaker")).to_contain_text(caseworker_name, timeout=5000)
    expect(projector.locator(".hands .next-speaker")).to_contain_text(caseworker2_name)
    expect(first.get_by_role("button", name="Ræk hånden op")).to_have_attribute(
        "aria-pressed", "false", timeout=5000
    )

    # Pressed again, a hand goes down: the queue is empty.
    second.get_by_role("button", name="Ræk hånden op").click()
    expect(second.get_by_role("button", name="Ræk hånden op")).to_have_attribute(
        "aria-pressed", "false"
    )
    expect(leader.get_by_text("Ingen har rakt hånden op.")).to_be_visible(timeout=5000)
    assert serious_violations(first) == []
    assert serious_violations(projector) == []


def test_the_observer_writes_feedback_that_the_facilitator_sees(new_page, room):
    leader = control_view(new_page, room)
    leader.get_by_role("button", name="Start møde").click()
    for name in ("Spørgsmål", "Observatørens feedback"):
        leader.get_by_role("button", name="Næste fase").click()
        expect(heading(leader)).to_have_text(name)
    observer = follow(new_page, room, "caseworker2")
    field = observer.get_by_role("textbox", name="Relevant viden")
    field.fill("Skolens udtalelse 010203-1234.")
    observer.get_by_role("button", name="Gem tilbagemelding").click()
    expect(observer.locator("#runner-work")).to_contain_text("CPR-nummer")
    expect(field).to_have_value("Skolens udtalelse 010203-1234.")
    field.fill("Skolens udtalelse var det vigtigste.")
    observer.get_by_role("textbox", name="Hvor kan vi stramme op?").fill("Kortere baggrund.")
    observer.get_by_role("button", name="Gem tilbagemelding").click()
    expect(observer.get_by_role("status")).to_have_text("Din tilbagemelding er gemt.")
    expect(leader.locator(".observer-feedback")).to_contain_text(
        "Skolens udtalelse var det vigtigste.", timeout=5000
    )
    expect(leader.locator(".observer-feedback")).to_contain_text("Kortere baggrund.")
    assert serious_violations(observer) == []


def test_a_table_too_wide_for_a_small_screen_is_reached_by_keyboard(new_page, room):
    page = new_page(width=320, height=640)
    log_in(page, "leader", PASSWORD)
    page.goto("/moeder/")
    box = page.locator(".table-responsive").first
    # The app's own tables stack or wrap at 320 px now; a table too wide for any phone (a
    # chart with many columns, say) is made by widening this one's content.
    box.evaluate("box => { box.querySelector('table').style.minWidth = '900px'; }")
    page.set_viewport_size({"width": 321, "height": 640})
    assert box.evaluate("box => box.scrollWidth > box.clientWidth + 1")
    expect(box).to_have_attribute("tabindex", "0")
    expect(box).to_have_attribute("role", "region")
    box.focus()
    expect(box).to_be_focused()
    assert serious_violations(page) == []
    # Wide again, the box fits and leaves the tab order.
    page.set_viewport_size({"width": 1280, "height": 900})
    expect(box).not_to_have_attribute("tabindex", "0")


def test_a_screen_whose_stream_is_cut_polls_and_returns_to_the_stream(new_page, room):
    leader = control_view(new_page, room)
    leader.get_by_role("button", name="Start møde").click()
    expect(heading(leader)).to_have_text("Fremlæggelse")
    participant = new_page()

    # A network that cuts streams: every request for the stream fails.
    def is_stream(url: str) -> bool:
        return "/aendringer/" in url

    participant.route(is_stream, lambda route: route.abort())
    log_in(participant, "caseworker", PASSWORD)
    participant.goto(f"/moeder/{room.pk}/foelg/")
    expect(heading(participant)).to_have_text("Fremlæggelse")
    leader.get_by_role("button", name="Næste fase").click()
    # The poll brings the change, within its second and the stream's patience.
    expect(heading(participant)).to_have_text("Spørgsmål", timeout=6000)

    polls: list[str] = []
    participant.on("request", lambda request: "/tilstand/" in request.url and polls.append(1))
    with participant.expect_response(
        lambda response: "/aendringer/" in response.url and response.status == 200,
        timeout=20000,
    ):
        participant.unroute(is_stream)
    participant.wait_for_timeout(1500)
    polls.clear()
    participant.wait_for_timeout(3000)
    assert polls == [], "the screen kept polling with its stream open"
    leader.get_by_role("button", name="Næste fase").click()
    expect(heading(participant)).to_have_text("Observatørens feedback", timeout=2000)
