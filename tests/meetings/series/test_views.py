"""The team's "Mødeserier": for who plans its meetings; creating, changing and ending a series."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.models import Format, Meeting
from meetings.series.models import Series
from meetings.series.services import series_create
from tests.meetings.series.conftest import series_fields


def form_data(world, **changes) -> dict:
    data = {
        "title": "Læringsmøde",
        "format": Format.objects.builtin().get(key="systematisk-laeringsmoede").pk,
        "rhythm": "fortnightly",
        "weekday": "3",
        "at": "14:30",
        "starts_on": timezone.localdate().isoformat(),
        "place": "Mødelokale 2",
        "facilitator": world.users["leader"].pk,
        "stand_in": world.users["coordinator"].pk,
        "participants": [world.users["leader"].pk, world.users["caseworker"].pk],
    }
    data.update(changes)
    return data


def test_the_meetings_page_links_the_series_for_who_plans(client, world):
    client.force_login(world.users["leader"])
    page = client.get(reverse("meetings:list")).content.decode()
    assert reverse("meetings:series_list", args=[world.syd.slug]) in page
    client.force_login(world.users["caseworker"])
    page = client.get(reverse("meetings:list")).content.decode()
    assert reverse("meetings:series_list", args=[world.syd.slug]) not in page


@pytest.mark.parametrize("who", ["leader", "coordinator"])
def test_a_leader_creates_a_fortnightly_series(
    client, world, who, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(world.users[who])
    url = reverse("meetings:series_create", args=[world.syd.slug])
    page = client.get(url).content.decode()
    assert "Ny mødeserie" in page and "Hver anden uge" in page and "Stedfortræder" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data(world))
    assert response.status_code == 302
    series = Series.objects.get()
    assert Meeting.objects.filter(series=series).count() in (4, 5)
    assert mailoutbox
    listing = client.get(reverse("meetings:series_list", args=[world.syd.slug])).content.decode()
    assert "Læringsmøde" in listing and "Afslut Læringsmøde" in listing


def test_bad_input_is_told_next_to_the_field_and_kept(client, world):
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("meetings:series_create", args=[world.syd.slug]),
        form_data(
            world, title="Sag om 010190-1234", at="25:99", stand_in=world.users["leader"].pk
        ),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "CPR-nummer" in page
    assert "Sag om 010190-1234" in page
    assert "Stedfortræderen skal være en anden end mødelederen." in page
    assert not Series.objects.exists()


def test_changing_the_series_says_what_happens_to_its_meetings(client, world):
    series = series_create(team=world.syd, fields=series_fields(world))
    client.force_login(world.users["leader"])
    url = reverse("meetings:series_edit", args=[world.syd.slug, series.pk])
    page = client.get(url).content.decode()
    assert "beholdes, som det er rettet" in page
    response = client.post(url, form_data(world, title="Teammøde", format=series.format_id))
    assert response.status_code == 302
    upcoming = Meeting.objects.filter(series=series, starts_at__gt=timezone.now())
    assert set(upcoming.values_list("title", flat=True)) == {"Teammøde"}


def test_ending_the_series_says_what_was_deleted_and_kept(client, world):
    series = series_create(team=world.syd, fields=series_fields(world))
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("meetings:series_end", args=[world.syd.slug, series.pk]), follow=True
    )
    page = response.content.decode()
    assert "er afsluttet" in page and "beholdt" in page
    assert not Meeting.objects.filter(series=series, starts_at__gt=timezone.now()).exists()
    edit = client.get(reverse("meetings:series_edit", args=[world.syd.slug, series.pk]))
    assert edit.status_code == 302


@pytest.mark.parametrize(
    ("who", "status"),
    [("caseworker", 403), ("guest", 403), ("other_leader", 404), ("outsider", 404)],
)
def test_others_cannot_plan_series(client, world, who, status):
    client.force_login(world.users[who])
    assert client.get(reverse("meetings:series_list", args=[world.syd.slug])).status_code == status


def test_another_teams_series_is_404(client, world):
    series = series_create(team=world.syd, fields=series_fields(world))
    client.force_login(world.users["other_leader"])
    url = reverse("meetings:series_edit", args=[world.nord.slug, series.pk])
    assert client.get(url).status_code == 404


def test_the_list_takes_the_same_queries_for_ten_series(
    client, world, django_assert_max_num_queries
):
    series_create(team=world.syd, fields=series_fields(world))
    client.force_login(world.users["leader"])
    url = reverse("meetings:series_list", args=[world.syd.slug])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for index in range(9):
        series_create(
            team=world.syd,
            fields=series_fields(
                world,
                title=f"Serie {index}",
                starts_on=timezone.localdate() + timedelta(days=index),
            ),
        )
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(url).status_code == 200
