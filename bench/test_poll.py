"""The meeting screens' "anything changed?" poll, timed through the whole Django stack.

Run with `make bench`. Target: at most 2 SQL queries and under 5 ms of server time when
nothing has changed, for a meeting with 10 cases and a room of participants.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import services
from meetings.models import Meeting
from tests.factories import make_meeting


@pytest.fixture
def running_meeting(world):
    users = world.users
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users[who] for who in ("leader", "coordinator", "caseworker", "guest")],
        cases=10,
    )
    services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    return Meeting.objects.get(pk=meeting.pk)


def test_poll_when_nothing_changed(benchmark, client, world, running_meeting):
    client.force_login(world.users["caseworker"])
    url = reverse("meetings:poll", args=[running_meeting.pk])
    query = {"v": running_meeting.version, "mode": "participant"}
    client.get(url, query)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, query).status_code == 204
    assert len(captured.captured_queries) <= 2
    response = benchmark(client.get, url, query)
    assert response.status_code == 204
    benchmark.extra_info["queries"] = len(captured.captured_queries)


def test_poll_when_the_state_changed(benchmark, client, world, running_meeting):
    client.force_login(world.users["caseworker"])
    url = reverse("meetings:poll", args=[running_meeting.pk])
    response = benchmark(client.get, url, {"v": 0, "mode": "participant"})
    assert response.status_code == 200
