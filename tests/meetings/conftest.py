import pytest

from tests.conftest import World
from tests.factories import make_meeting


@pytest.fixture
def meeting(world: World):
    """A planned Team Syd meeting, led by the leader, with two cases; caseworker owns the first."""
    users = world.users
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"], users["caseworker2"]],
        cases=2,
    )
    first = meeting.agenda_items.order_by("position").first()
    first.owner = users["caseworker"]
    first.save()
    return meeting
