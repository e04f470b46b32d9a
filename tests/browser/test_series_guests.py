"""A meeting series and a guest in the browser: the leader creates a fortnightly series with a
stand-in, invites a guest from outside the team to today's meeting, and the guest opens the
link from the mail, without an account, and follows the meeting as the leader starts it."""

import re

from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from meetings.models import Meeting, MeetingStatus, Series
from tests.browser.conftest import load_demo, log_in, serious_violations


def guest_link(to: str) -> str:
    [message] = [message for message in mail.outbox if message.to == [to]][-1:]
    url = re.search(r"https?://\S+/gaest/\S+/", message.body)
    assert url is not None, message.body
    return re.sub(r"^https?://[^/]+", "", url.group(0))


def test_a_leader_creates_a_fortnightly_series_and_a_guest_follows_a_meeting(
    new_page, transactional_db
):
    load_demo()
    leader = new_page(width=420, height=900)
    log_in(leader, "leder", "demo1234")
    leader.goto("/moeder/")
    leader.get_by_role("link", name="Mødeserier for Team Syd").click()
    leader.get_by_role("link", name="Ny mødeserie").click()
    leader.get_by_role("textbox", name="Titel").fill("Faglig sparring")
    leader.get_by_role("combobox", name="Mødeformat").select_option(
        label="Faglig sparring på teammøde"
    )
    leader.get_by_role("radio", name="Hver anden uge").check()
    leader.get_by_role("combobox", name="Ugedag").select_option(label="tirsdag")
    leader.get_by_label("Klokkeslæt").fill("10:00")
    leader.get_by_role("combobox", name="Fast mødeleder").select_option(label="Hanne Kjærsgaard")
    leader.get_by_role("combobox", name="Stedfortræder").select_option(label="Jonas Bech")
    leader.get_by_role("button", name="Opret mødeserie").click()
    leader.get_by_role("heading", name="Faglig sparring").wait_for()
    expect(leader.get_by_text("Hver anden uge, tirsdag")).to_be_visible()
    assert serious_violations(leader) == []
    series = Series.objects.get(title="Faglig sparring")
    assert series.meetings.count() >= 4
    assert all(
        meeting.co_facilitator.username == "koordinator" for meeting in series.meetings.all()
    )

    today = Meeting.objects.filter(
        team__slug="team-syd",
        status=MeetingStatus.PLANNED,
        starts_at__date=timezone.localdate(),
        series__isnull=True,
    ).first()
    leader.goto(f"/moeder/{today.pk}/")
    leader.get_by_role("link", name="Inviter gæst").click()
    leader.get_by_role("textbox", name="Navn").fill("Karen Holm")
    leader.get_by_role("textbox", name="Rolle").fill("Jobkonsulent, Ydelsescenteret")
    leader.get_by_role("textbox", name="E-mail").fill("karen@example.dk")
    leader.get_by_role("button", name="Inviter gæst").click()
    leader.get_by_role("button", name="Tilbagekald Karen Holm").wait_for()

    guest = new_page(width=420, height=900)
    guest.goto(guest_link("karen@example.dk"))
    guest.get_by_text("Du følger mødet som gæst").wait_for()
    expect(guest.get_by_text("Mødet er ikke startet")).to_be_visible()
    assert guest.get_by_role("button", name="Start møde").count() == 0
    assert serious_violations(guest) == []

    leader.goto(f"/moeder/{today.pk}/styr/")
    leader.get_by_role("button", name="Start møde").click()
    phase = guest.get_by_role("region", name="Aktuel fase")
    phase.get_by_role("timer").wait_for()
    guest.get_by_text("Mødet er ikke startet").wait_for(state="detached", timeout=20_000)
    assert phase.get_by_role("heading").first.inner_text() != ""
