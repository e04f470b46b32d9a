"""The series as a recurring calendar event, and a person's subscription feed."""

from datetime import date

from django.urls import reverse
from django.utils import timezone

from meetings.calendar.services import feed_create, feed_revoke
from meetings.series import dates
from meetings.series.ics import series_ics
from meetings.series.services import series_create, series_end
from tests.meetings.series.conftest import NOW, series_fields


def unfolded(ics: str) -> str:
    return ics.replace("\r\n ", "")


def test_the_series_file_has_its_rhythm_attendees_and_organizer(world, series):
    ics = unfolded(
        series_ics(series=series, participants=list(series.participants.all()), now=NOW)
    )
    assert ics.startswith("BEGIN:VCALENDAR\r\n")
    assert "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH\r\n" in ics
    assert "DTSTART;TZID=Europe/Copenhagen:20260305T143000\r\n" in ics
    assert "BEGIN:VTIMEZONE" in ics
    leader, caseworker = world.users["leader"], world.users["caseworker"]
    assert f'ORGANIZER;CN="{leader.display_name}":mailto:{leader.email}' in ics
    assert (
        f'ATTENDEE;ROLE=REQ-PARTICIPANT;CN="{caseworker.display_name}":mailto:{caseworker.email}'
        in ics
    )
    assert "SUMMARY:Læringsmøde" in ics
    assert "LOCATION:Mødelokale 2" in ics


def test_monthly_is_the_weekday_of_its_week_and_an_ended_series_stops(world):
    series = series_create(
        team=world.syd,
        fields=series_fields(world, rhythm=dates.MONTHLY, weekday=1, starts_on=date(2026, 3, 9)),
        now=NOW,
    )
    ics = unfolded(series_ics(series=series, participants=[], now=NOW))
    assert "RRULE:FREQ=MONTHLY;BYDAY=2TU\r\n" in ics
    series_end(series=series, now=NOW)
    series.refresh_from_db()
    ics = unfolded(series_ics(series=series, participants=[], now=NOW))
    assert "RRULE:FREQ=MONTHLY;BYDAY=2TU;UNTIL=20260302T070000Z\r\n" in ics


def test_a_participant_without_an_address_is_left_out(world, series):
    caseworker = world.users["caseworker"]
    caseworker.email = ""
    caseworker.save()
    ics = series_ics(series=series, participants=[caseworker], now=NOW)
    assert "ATTENDEE" not in ics


def test_the_series_page_links_its_calendar_file(client, world, series):
    client.force_login(world.users["leader"])
    page = client.get(reverse("meetings:series_list", args=[world.syd.slug])).content.decode()
    url = reverse("meetings:series_calendar", args=[world.syd.slug, series.pk])
    assert url in page
    client.force_login(world.users["caseworker"])
    response = client.get(url)
    assert response["Content-Type"].startswith("text/calendar")
    assert "RRULE:" in response.content.decode()


def test_the_feed_lists_the_persons_upcoming_meetings_until_revoked(client, world):
    series = series_create(
        team=world.syd, fields=series_fields(world, starts_on=timezone.localdate())
    )
    feed = feed_create(user=world.users["caseworker"])
    url = reverse("meetings:calendar_feed", args=[feed.token])
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == series.meetings.count()
    # Someone not taking part sees none of them in theirs.
    other = feed_create(user=world.users["other_caseworker"])
    other_body = client.get(reverse("meetings:calendar_feed", args=[other.token])).content
    assert b"BEGIN:VEVENT" not in other_body
    feed_revoke(user=world.users["caseworker"])
    assert client.get(url).status_code == 404


def test_a_new_link_replaces_the_old(client, world):
    first = feed_create(user=world.users["caseworker"])
    feed_create(user=world.users["caseworker"])
    assert client.get(reverse("meetings:calendar_feed", args=[first.token])).status_code == 404


def test_the_subscription_page_shows_the_link_after_it_is_made(client, world):
    client.force_login(world.users["caseworker"])
    url = reverse("meetings:calendar_subscription")
    assert "Opret kalenderlink" in client.get(url).content.decode()
    client.post(url)
    page = client.get(url).content.decode()
    assert "/kalender/" in page and "Tilbagekald" in page
    assert "Abonnér på kalender" in client.get(reverse("meetings:list")).content.decode()
