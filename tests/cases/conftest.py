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


def planned_meeting(world: World, *, days: int = 0, hours: int = 0, team=None):
    """A planned meeting `days` and `hours` after the case meeting's day (tomorrow at 13:00),
    of Team Syd or of `team` (then led by the other team's leader)."""
    leader = world.users["leader" if team is None else "other_leader"]
    team = team or world.syd
    return make_meeting(
        team=team,
        facilitator=leader,
        participants=[leader],
        cases=0,
        format=make_format(key=f"planned-{team.pk}-{days}-{hours}"),
        starts_at=NOW.replace(hour=13) + timedelta(days=1 + days, hours=hours),
    )


def held(meeting):
    """Start and finish the meeting: it has been held."""
    from meetings import services as meeting_services
    from meetings.models import Meeting

    meeting = Meeting.objects.get(pk=meeting.pk)
    meeting = meeting_services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    return meeting_services.meeting_finish(meeting_id=meeting.pk, version=meeting.version)
