import pytest

from meetings import services
from meetings.models import Meeting
from tests.conftest import World
from tests.factories import make_format, make_meeting

# The theme meeting's blocks around its group work (Odder, Bilag 2), as a format of the tests.
THEME_PHASES = [
    ("Oplæg fra praktikere", "talk", 15, False),
    ("Vidensdeling i grupper", "group_work", 30, False),
    ("Grupperne fremlægger", "summary", 15, False),
]


def theme_meeting(world: World) -> Meeting:
    """A planned Team Syd theme meeting with a group-work phase, led by the leader with the
    coordinator as co-facilitator, to which Team Nord's caseworker is invited."""
    users = world.users
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[
            users[who]
            for who in (
                "leader",
                "coordinator",
                "caseworker",
                "caseworker2",
                "guest",
                "other_caseworker",
            )
        ],
        cases=0,
        format=make_format(
            key=f"theme-{world.syd.pk}", phases=THEME_PHASES, repeats_per_case=False
        ),
    )
    Meeting.objects.filter(pk=meeting.pk).update(co_facilitator=users["coordinator"])
    meeting.refresh_from_db()
    return meeting


def to_group_work(meeting: Meeting) -> Meeting:
    """Start the meeting and move on to its group work."""
    meeting = Meeting.objects.get(pk=meeting.pk)
    meeting = services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    return services.meeting_next_phase(meeting_id=meeting.pk, version=meeting.version)


@pytest.fixture
def theme(world: World) -> Meeting:
    return theme_meeting(world)
