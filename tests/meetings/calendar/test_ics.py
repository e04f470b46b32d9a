"""The meeting as a calendar invitation: RFC 5545 content, escaping, folding and access."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from meetings.calendar.ics import escape_text, fold, meeting_ics
from tests.conftest import World
from tests.factories import make_meeting

CPH = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 6, 1, 8, 30, 15, tzinfo=UTC)


def unfold(text: str) -> list[str]:
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    return text[:-2].replace("\r\n ", "").split("\r\n")


def properties(text: str) -> dict[str, str]:
    return dict(line.split(":", 1) for line in unfold(text))


@pytest.fixture
def syd_meeting(world: World):
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], world.users["caseworker"]],
        starts_at=datetime(2026, 7, 1, 10, 0, tzinfo=CPH),
    )
    meeting.title = "Teammøde om sygedagpenge"
    meeting.place = "Mødelokale 2"
    meeting.duration_minutes = 90
    meeting.save()
    return meeting


def test_one_event_in_a_calendar(syd_meeting):
    text = meeting_ics(meeting=syd_meeting, now=NOW)
    lines = unfold(text)
    assert lines[:2] == ["BEGIN:VCALENDAR", "VERSION:2.0"]
    assert lines[-2:] == ["END:VEVENT", "END:VCALENDAR"]
    assert lines.count("BEGIN:VEVENT") == 1
    props = properties(text)
    assert props["PRODID"]
    assert props["UID"] == f"meeting-{syd_meeting.pk}@teamlaering"
    assert props["DTSTAMP"] == "20260601T083015Z"
    assert props["SUMMARY"] == "Teammøde om sygedagpenge"
    assert props["LOCATION"] == "Mødelokale 2"
    assert props["DESCRIPTION"] == f"Team Syd\\n{syd_meeting.format.name}"


def test_times_are_in_utc(syd_meeting):
    # 10:00 Danish summer time is 08:00 UTC; 90 minutes later is 09:30.
    props = properties(meeting_ics(meeting=syd_meeting, now=NOW))
    assert props["DTSTART"] == "20260701T080000Z"
    assert props["DTEND"] == "20260701T093000Z"
    syd_meeting.starts_at = datetime(2026, 12, 8, 10, 0, tzinfo=CPH)
    syd_meeting.duration_minutes = 45
    props = properties(meeting_ics(meeting=syd_meeting, now=NOW))
    assert props["DTSTART"] == "20261208T090000Z"
    assert props["DTEND"] == "20261208T094500Z"


def test_the_uid_is_stable(syd_meeting):
    first = properties(meeting_ics(meeting=syd_meeting, now=NOW))
    syd_meeting.title = "Nyt navn"
    later = properties(meeting_ics(meeting=syd_meeting, now=datetime(2026, 6, 2, tzinfo=UTC)))
    assert first["UID"] == later["UID"]


def test_text_is_escaped(syd_meeting):
    syd_meeting.title = "Sager; børn, unge \\ familier"
    syd_meeting.place = "Rådhuset, lokale 3;\nindgang B"
    props = properties(meeting_ics(meeting=syd_meeting, now=NOW))
    assert props["SUMMARY"] == "Sager\\; børn\\, unge \\\\ familier"
    assert props["LOCATION"] == "Rådhuset\\, lokale 3\\;\\nindgang B"


def test_escape_text_handles_every_newline():
    assert escape_text("a\r\nb\rc\nd") == "a\\nb\\nc\\nd"
    assert escape_text("\\,;") == "\\\\\\,\\;"


def test_long_lines_are_folded_at_75_octets_without_splitting_characters(syd_meeting):
    syd_meeting.title = "Æblegrød og øllebrød på Ærø, " * 8
    text = meeting_ics(meeting=syd_meeting, now=NOW)
    physical = text[:-2].split("\r\n")
    assert any(line.startswith(" ") for line in physical)
    for line in physical:
        assert len(line.encode("utf-8")) <= 75
    assert properties(text)["SUMMARY"] == escape_text(syd_meeting.title)


def test_fold_leaves_short_lines_alone_and_fills_long_ones():
    assert fold("SUMMARY:kort") == "SUMMARY:kort"
    folded = fold("X" * 200).split("\r\n")
    assert [len(line) for line in folded] == [75, 75, 52]
    assert all(line.startswith(" ") for line in folded[1:])
    folded = fold("ø" * 100).split("\r\n")
    assert all(len(line.encode("utf-8")) <= 75 for line in folded)
    assert "".join(line.removeprefix(" ") for line in folded) == "ø" * 100


def test_no_place_means_no_location(syd_meeting):
    syd_meeting.place = ""
    assert "LOCATION" not in properties(meeting_ics(meeting=syd_meeting, now=NOW))


# The view


def test_a_member_downloads_the_invitation(client, world, syd_meeting):
    client.force_login(world.users["caseworker"])
    response = client.get(reverse("meetings:calendar", args=[syd_meeting.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="moede-{syd_meeting.pk}.ics"'
    )
    text = response.content.decode("utf-8")
    assert properties(text)["SUMMARY"] == "Teammøde om sygedagpenge"


def test_the_meeting_page_links_to_the_invitation(client, world, syd_meeting):
    client.force_login(world.users["caseworker"])
    response = client.get(reverse("meetings:detail", args=[syd_meeting.pk]))
    assert reverse("meetings:calendar", args=[syd_meeting.pk]) in response.content.decode()


@pytest.mark.parametrize("who", ["other_leader", "other_caseworker", "outsider"])
def test_another_team_gets_404(client, world, syd_meeting, who):
    client.force_login(world.users[who])
    response = client.get(reverse("meetings:calendar", args=[syd_meeting.pk]))
    assert response.status_code == 404


def test_anonymous_is_sent_to_login(client, syd_meeting):
    response = client.get(reverse("meetings:calendar", args=[syd_meeting.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
