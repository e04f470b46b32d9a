"""A team's leader cancels a planned meeting: it is gone with its agenda, the people who were
to meet are told by mail, and a series' date is not planned again. Nothing is cancelled once
the meeting has started, or while cases, a theme or learning visits' points wait for it."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from meetings import services
from meetings.models import AgendaItem, Meeting
from meetings.series.models import SeriesCancellation
from meetings.series.services import series_create, series_top_up
from tests.factories import make_case, make_meeting, make_visit
from tests.meetings.series.conftest import NOW, series_fields
from tests.thememeetings.conftest import decide, propose, working_group


@pytest.fixture
def meeting(world):
    users = world.users
    return make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"], users["caseworker2"]],
        cases=2,
        starts_at=timezone.now() + timedelta(days=3),
    )


def cancel(client, meeting, **data):
    return client.post(reverse("meetings:cancel", args=[meeting.pk]), data)


def test_a_cancelled_meeting_is_gone_and_who_was_to_meet_is_told(
    world, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(meeting=meeting, user=world.users["coordinator"])
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert not AgendaItem.objects.filter(meeting_id=meeting.pk).exists()
    told = sorted(address for message in mailoutbox for address in message.to)
    expected = [world.users[name].email for name in ("caseworker", "caseworker2", "leader")]
    assert told == sorted(expected)
    message = mailoutbox[0]
    assert message.subject == "Aflyst: Teammøde"
    assert "er aflyst af" in message.body and world.syd.name in message.body


def test_who_cancels_is_not_told_of_it(
    world, meeting, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(meeting=meeting, user=world.users["leader"])
    told = {address for message in mailoutbox for address in message.to}
    assert world.users["leader"].email not in told
    assert world.users["caseworker"].email in told


def test_a_meeting_that_has_started_is_not_cancelled(world, meeting):
    services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    with pytest.raises(services.ActionRefused, match="gået i gang"):
        services.meeting_cancel(meeting=meeting, user=world.users["leader"])
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_cases_waiting_for_the_meeting_keep_it(world, meeting):
    make_case(meeting=meeting, user=world.users["caseworker"])
    make_case(meeting=meeting, user=world.users["caseworker2"], title="Far og søn")
    with pytest.raises(services.ActionRefused, match="2 sager venter på mødet"):
        services.meeting_cancel(meeting=meeting, user=world.users["leader"])
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_withdrawn_case_does_not_keep_it(world, meeting):
    make_case(meeting=meeting, user=world.users["caseworker"], status="withdrawn")
    services.meeting_cancel(meeting=meeting, user=world.users["leader"])
    assert not Meeting.objects.filter(pk=meeting.pk).exists()


def test_learning_visits_whose_points_go_to_the_meeting_keep_it(world, meeting):
    users = world.users
    visit = make_visit(
        team=world.syd, agent=users["caseworker"], colleague=users["caseworker2"], closed=True
    )
    type(visit).objects.filter(pk=visit.pk).update(staff_meeting=meeting)
    with pytest.raises(services.ActionRefused, match="læringsbesøgs pointer"):
        services.meeting_cancel(meeting=meeting, user=users["leader"])
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_the_meeting_a_theme_was_chosen_for_is_moved_not_cancelled(world):
    working_group(world)
    theme_meeting = decide(world, propose(world))
    with pytest.raises(services.ActionRefused, match="temamødet for"):
        services.meeting_cancel(meeting=theme_meeting, user=world.users["leader"])
    assert Meeting.objects.filter(pk=theme_meeting.pk).exists()


def test_a_cancelled_date_of_a_series_is_not_planned_again(world):
    series = series_create(team=world.syd, fields=series_fields(world), now=NOW)
    planned = list(Meeting.objects.filter(series=series).order_by("starts_at"))
    services.meeting_cancel(meeting=planned[1], user=world.users["leader"])

    assert series_top_up(series=series, now=NOW) == 0
    dates = list(Meeting.objects.filter(series=series).values_list("series_date", flat=True))
    assert planned[1].series_date not in dates
    assert len(dates) == len(planned) - 1
    assert SeriesCancellation.objects.get(series=series).day == planned[1].series_date


# The page


def test_the_leader_cancels_from_the_meeting_s_page(client, world, meeting):
    client.force_login(world.users["leader"])
    detail = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert reverse("meetings:cancel", args=[meeting.pk]) in detail
    page = client.get(reverse("meetings:cancel", args=[meeting.pk])).content.decode()
    assert "deltagerne og mødelederne får besked" in page
    response = cancel(client, meeting)
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:list")
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    listing = client.get(reverse("meetings:list")).content.decode()
    assert "Mødet »Teammøde« er aflyst" in listing


def test_a_double_click_cancels_once_and_answers_both_alike(client, world, meeting):
    client.force_login(world.users["leader"])
    token = "9f2c1b7e" * 4
    first = cancel(client, meeting, submit_token=token)
    second = cancel(client, meeting, submit_token=token)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]


def test_what_waits_is_said_on_the_page_and_there_is_no_button(client, world, meeting):
    make_case(meeting=meeting, user=world.users["caseworker"])
    client.force_login(world.users["coordinator"])
    page = client.get(reverse("meetings:cancel", args=[meeting.pk])).content.decode()
    assert "En sag venter på mødet" in page
    assert 'type="submit"' not in page.split("<main", 1)[-1]
    response = cancel(client, meeting)
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:cancel", args=[meeting.pk])
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_started_meeting_s_cancel_page_sends_back_to_the_meeting(client, world, meeting):
    services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    client.force_login(world.users["leader"])
    response = client.get(reverse("meetings:cancel", args=[meeting.pk]))
    assert response["Location"] == reverse("meetings:detail", args=[meeting.pk])


@pytest.mark.parametrize(
    ("who", "status"),
    [("caseworker", 403), ("department_leader", 403), ("other_leader", 404), ("outsider", 404)],
)
def test_only_the_team_s_leaders_cancel(client, world, meeting, who, status):
    client.force_login(world.users[who])
    assert client.get(reverse("meetings:cancel", args=[meeting.pk])).status_code == status
    assert cancel(client, meeting).status_code == status
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_anonymous_is_sent_to_log_in(client, meeting):
    response = cancel(client, meeting)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_the_cancel_page_asks_as_many_queries_with_more_on_the_agenda(
    client, world, django_assert_max_num_queries
):
    users = world.users
    small, large = (
        make_meeting(
            team=world.syd,
            facilitator=users["leader"],
            participants=[users["leader"], users["caseworker"]],
            cases=cases,
            starts_at=timezone.now() + timedelta(days=3),
        )
        for cases in (1, 10)
    )
    for number in range(5):
        make_case(meeting=large, user=users["caseworker"], title=f"Sag {number}")
    client.force_login(users["leader"])
    client.get(reverse("meetings:cancel", args=[small.pk]))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("meetings:cancel", args=[small.pk]))
    with django_assert_max_num_queries(len(few)):
        client.get(reverse("meetings:cancel", args=[large.pk]))
