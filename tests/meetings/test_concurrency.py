"""Two facilitators (or a double click) acting on the same state at the same moment."""

import threading

import pytest
from django.db import connection, connections

from meetings import services
from meetings.models import Meeting
from tests.factories import make_meeting


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs concurrent connections (PostgreSQL)"
)
def test_simultaneous_next_phase_is_applied_exactly_once(world):
    users = world.users
    meeting = make_meeting(
        team=world.syd, facilitator=users["leader"], participants=[users["leader"]], cases=2
    )
    meeting = services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    version = meeting.version
    barrier = threading.Barrier(4)
    outcomes: list[str] = []

    def press(user):
        try:
            barrier.wait()
            services.meeting_next_phase(meeting_id=meeting.pk, version=version)
            outcomes.append("applied")
        except services.StaleVersion:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=press, args=(users[who],))
        for who in ("leader", "coordinator", "leader", "coordinator")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["applied", "refused", "refused", "refused"]
    fresh = Meeting.objects.get(pk=meeting.pk)
    assert fresh.current_position == 1
    assert fresh.version == version + 1
