from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.conftest import World
from tests.factories import make_format, make_meeting

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
# A Wednesday: the meeting is on Thursday 13:00, the deadline Wednesday 12:00.
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=COPENHAGEN)


@pytest.fixture
def now():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def case_meeting(world: World, now):
    """Team Syd's meeting tomorrow at 13:00: 90 minutes, room for two 40-minute cases."""
    users = world.users
    format = make_format(
        key="syd-sparring",
        phases=[
            ("Præsentation", "presentation", 10, True),
            ("Refleksion", "reflection", 20, True),
            ("Runde", "round", 10, True),
        ],
    )
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"], users["caseworker2"]],
        cases=0,
        format=format,
        starts_at=NOW.replace(hour=13) + timedelta(days=1),
    )
    meeting.duration_minutes = 90
    meeting.save()
    return meeting
