"""A theme meeting's group work in the browser: the meeting leaders make two groups, a
participant sees their own group during the group work and writes the group's notes, and the
notes reach the control view without a reload."""

from playwright.sync_api import expect

from meetings.groups.models import BreakoutGroup
from tests.browser.conftest import log_in
from tests.factories import PASSWORD
from tests.meetings.groups.conftest import theme_meeting

MARKER = "window.__sameDocument"


def test_the_leaders_make_two_groups_and_a_groups_notes_reach_the_control_view(new_page, world):
    meeting = theme_meeting(world)

    leader = new_page()
    log_in(leader, "leader", PASSWORD)
    leader.goto(f"/moeder/{meeting.pk}/")
    leader.get_by_role("link", name="Grupper", exact=True).click()
    leader.get_by_label("Antal grupper").fill("2")
    leader.get_by_role("button", name="Foreslå grupper").click()
    expect(leader.get_by_role("heading", name="Gruppe 1", exact=True)).to_be_visible()
    expect(leader.get_by_role("heading", name="Gruppe 2", exact=True)).to_be_visible()
    own = BreakoutGroup.objects.get(meeting=meeting, members__user__username="caseworker")

    leader.goto(f"/moeder/{meeting.pk}/styr/")
    leader.get_by_role("button", name="Start møde").click()
    phase = leader.get_by_role("region", name="Aktuel fase")
    expect(phase.get_by_role("heading", level=2)).to_have_text("Oplæg fra praktikere")
    leader.get_by_role("button", name="Næste fase").click()
    expect(phase.get_by_role("heading", level=2)).to_have_text("Vidensdeling i grupper")
    leader.evaluate(f"{MARKER} = true")

    caseworker = new_page()
    log_in(caseworker, "caseworker", PASSWORD)
    caseworker.goto(f"/moeder/{meeting.pk}/")
    caseworker.get_by_role("link", name="Følg møde").click()
    mine = caseworker.get_by_role("region", name=f"Din gruppe: {own.name}")
    expect(mine).to_be_visible()
    for member in own.members.select_related("user"):
        expect(mine).to_contain_text(member.user.display_name)
    expect(mine).to_contain_text("Hvilke styrker ser I?")
    caseworker.get_by_label("Gruppens planche").fill("Praktik virker, når virksomheden er med.")
    caseworker.get_by_role("button", name="Gem planchen").click()
    expect(caseworker.get_by_text("Gruppens planche er gemt.")).to_be_visible()

    reports = leader.get_by_role("region", name="Gruppernes planche")
    expect(reports).to_contain_text("Praktik virker, når virksomheden er med.")
    assert leader.evaluate(f"{MARKER} === true"), "the control view was reloaded"
