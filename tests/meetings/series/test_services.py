"""A series keeps its meetings planned 8 weeks ahead; a change reaches only the meetings not
yet held and not changed by hand; ending it deletes the empty meetings still to come."""

from datetime import date, time, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from meetings import services as meeting_services
from meetings.models import AgendaItem, Meeting, MeetingStatus
from meetings.series import dates
from meetings.series.services import (
    series_end,
    series_top_up,
    series_top_up_all,
    series_update,
)
from meetings.services import ActionRefused
from tests.meetings.series.conftest import NOW, series_fields

FORTNIGHT_DATES = [date(2026, 3, 5), date(2026, 3, 19), date(2026, 4, 2), date(2026, 4, 16)]


def meetings_of(series):
    return list(Meeting.objects.filter(series=series).order_by("starts_at"))


def test_creating_plans_the_meetings_eight_weeks_ahead(world, series):
    meetings = meetings_of(series)
    assert [m.series_date for m in meetings] == FORTNIGHT_DATES
    first = meetings[0]
    assert timezone.localtime(first.starts_at).time() == time(14, 30)
    assert first.title == "Læringsmøde"
    assert first.place == "Mødelokale 2"
    assert first.facilitator == world.users["leader"]
    assert first.co_facilitator == world.users["coordinator"]
    assert set(first.participants.all()) == {world.users["leader"], world.users["caseworker"]}
    assert first.steps.exists()


def test_the_top_up_is_idempotent_and_adds_the_next_dates_as_time_passes(series):
    assert series_top_up(series=series, now=NOW) == 0
    assert len(meetings_of(series)) == 4
    later = NOW + timedelta(weeks=2)
    assert series_top_up(series=series, now=later) == 1
    assert series_top_up(series=series, now=later) == 0
    assert meetings_of(series)[-1].series_date == date(2026, 4, 30)


def test_the_daily_job_tops_up_every_active_series(world, series):
    Meeting.objects.filter(series=series).order_by("-starts_at").first().delete()
    assert series_top_up_all(now=NOW) == 1
    call_command("plan_series_meetings", stdout=None)
    assert len(meetings_of(series)) >= 4


def test_a_meeting_moved_by_hand_is_not_planned_again(world, series):
    meeting = meetings_of(series)[1]
    meeting_services.meeting_update(
        meeting=meeting,
        title="Læringsmøde (flyttet)",
        starts_at=meeting.starts_at + timedelta(days=1),
        place=meeting.place,
        facilitator=meeting.facilitator,
        participants=list(meeting.participants.all()),
        agenda_titles=[],
    )
    assert series_top_up(series=series, now=NOW) == 0
    assert len(meetings_of(series)) == 4


def test_a_change_reaches_only_the_meetings_not_yet_held(world, series):
    held, running, *ahead = meetings_of(series)
    Meeting.objects.filter(pk=held.pk).update(status=MeetingStatus.FINISHED)
    Meeting.objects.filter(pk=running.pk).update(status=MeetingStatus.RUNNING)
    changed_by_hand = ahead[0]
    meeting_services.meeting_update(
        meeting=changed_by_hand,
        title="Særligt møde",
        starts_at=changed_by_hand.starts_at,
        place="Kantinen",
        facilitator=changed_by_hand.facilitator,
        participants=list(changed_by_hand.participants.all()),
        agenda_titles=[],
    )
    series_update(
        series=series,
        fields=series_fields(
            world,
            format=series.format,
            title="Læringsmøde om praksis",
            place="Mødelokale 3",
            facilitator=world.users["coordinator"],
            stand_in=world.users["leader"],
            at=time(9, 0),
        ),
        now=NOW,
    )
    held.refresh_from_db()
    running.refresh_from_db()
    changed_by_hand.refresh_from_db()
    assert held.title == running.title == "Læringsmøde"
    assert changed_by_hand.title == "Særligt møde"
    assert changed_by_hand.place == "Kantinen"
    followed = ahead[1]
    followed.refresh_from_db()
    assert followed.title == "Læringsmøde om praksis"
    assert followed.place == "Mødelokale 3"
    assert followed.facilitator == world.users["coordinator"]
    assert followed.co_facilitator == world.users["leader"]
    assert timezone.localtime(followed.starts_at).time() == time(9, 0)


def test_a_new_rhythm_moves_the_meetings_in_turn_and_keeps_their_cases(world, series):
    first = meetings_of(series)[0]
    AgendaItem.objects.create(
        meeting=first, title="Sag om praktik", owner=world.users["caseworker"]
    )
    series_update(
        series=series,
        fields=series_fields(world, format=series.format, rhythm=dates.WEEKLY),
        now=NOW,
    )
    meetings = meetings_of(series)
    assert [m.series_date for m in meetings] == [
        date(2026, 3, 5) + timedelta(weeks=week) for week in range(8)
    ]
    assert meetings[0].pk == first.pk
    assert meetings[0].agenda_items.filter(title="Sag om praktik").exists()


def test_a_slower_rhythm_deletes_the_meetings_left_over_without_cases(world, series):
    series_update(
        series=series,
        fields=series_fields(world, format=series.format, rhythm=dates.MONTHLY),
        now=NOW,
    )
    # The first Thursday of each month (5 March is the first of March).
    assert [m.series_date for m in meetings_of(series)] == [date(2026, 3, 5), date(2026, 4, 2)]


def test_ending_deletes_the_empty_meetings_ahead_and_keeps_those_with_cases(world, series):
    with_case, *_empty = meetings_of(series)
    AgendaItem.objects.create(meeting=with_case, title="Sag", owner=world.users["caseworker"])
    ending = series_end(series=series, now=NOW)
    assert (ending.deleted, ending.kept) == (3, 1)
    assert meetings_of(series) == [with_case]
    assert series_top_up(series=series, now=NOW) == 0
    with pytest.raises(ActionRefused):
        series_update(series=series, fields=series_fields(world), now=NOW)


def test_a_cpr_number_in_the_title_is_refused(world, series):
    with pytest.raises(ActionRefused, match="CPR-nummer"):
        series_update(
            series=series, fields=series_fields(world, title="Møde 010190-1234"), now=NOW
        )


def test_creating_mails_the_participants_the_series_calendar(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    from meetings.series.services import series_create

    with django_capture_on_commit_callbacks(execute=True):
        series_create(team=world.syd, fields=series_fields(world), now=NOW)
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        {world.users[who].email for who in ("leader", "coordinator", "caseworker")}
    )
    _name, content, mimetype = mailoutbox[0].attachments[0]
    assert mimetype == "text/calendar"
    assert "RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH" in content


def test_who_leaves_the_team_leaves_its_series(world, series):
    from teams.models import Membership
    from teams.services import member_remove

    member_remove(
        membership=Membership.objects.get(team=world.syd, user=world.users["caseworker"]),
        actor=world.users["leader"],
    )
    member_remove(
        membership=Membership.objects.get(team=world.syd, user=world.users["coordinator"]),
        actor=world.users["leader"],
    )
    series.refresh_from_db()
    assert list(series.participants.all()) == [world.users["leader"]]
    assert series.stand_in is None
    later = NOW + timedelta(weeks=2)
    series_top_up(series=series, now=later)
    newest = meetings_of(series)[-1]
    assert list(newest.participants.all()) == [world.users["leader"]]


def test_an_erased_person_leaves_the_series_and_takes_their_calendar_feed(
    client, world, series, admin_user
):
    from django.urls import reverse

    from meetings.calendar.models import CalendarFeed
    from meetings.calendar.services import feed_create

    caseworker = world.users["caseworker"]
    feed_create(user=caseworker)
    client.force_login(admin_user)
    client.post(
        reverse("teams:person_erase", args=[caseworker.pk]), {"confirm": caseworker.username}
    )
    assert not CalendarFeed.objects.exists()
    assert list(series.participants.all()) == [world.users["leader"]]
