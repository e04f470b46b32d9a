"""The leader cancels one meeting of the demo's series from its page: the page says what
cancelling does, the meeting is gone from the list, the participants get a mail, and the
series does not plan the date again."""

from django.core import mail
from playwright.sync_api import expect

from meetings.models import Meeting, MeetingStatus
from meetings.series.services import series_top_up
from tests.browser.conftest import load_demo, log_in, serious_violations


def test_the_leader_cancels_a_meeting_of_the_series(new_page, transactional_db):
    load_demo()
    meeting = (
        Meeting.objects.filter(
            team__slug="team-syd", series__isnull=False, status=MeetingStatus.PLANNED
        )
        .order_by("starts_at")
        .last()
    )
    assert meeting is not None
    series, day = meeting.series, meeting.series_date
    mail.outbox.clear()

    leader = new_page(width=420, height=900)
    log_in(leader, "leder", "demo1234")
    leader.goto(f"/moeder/{meeting.pk}/")
    leader.get_by_role("link", name="Aflys møde").click()
    expect(leader.get_by_role("heading", name="Aflys møde")).to_be_visible()
    expect(leader.get_by_text("denne dato planlægges ikke igen")).to_be_visible()
    assert serious_violations(leader) == []
    leader.get_by_role("button", name="Aflys møde").click()

    expect(leader.get_by_text(f"Mødet »{meeting.title}« er aflyst")).to_be_visible()
    expect(leader.get_by_role("heading", name="Møder", exact=True)).to_be_visible()
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert leader.locator(f'a[href="/moeder/{meeting.pk}/"]').count() == 0
    assert any("Aflyst" in message.subject for message in mail.outbox)
    series_top_up(series=series)
    assert not Meeting.objects.filter(series=series, series_date=day).exists()
