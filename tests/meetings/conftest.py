import pytest

from teams import services as teams_services
from teams.models import User
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


# How a person stops being signed in as they were.
ENDINGS = ["deactivated", "new password", "deactivated by the team"]


def end_standing(person: User, how: str) -> None:
    """End the person's standing: straight in the database for "deactivated" and "new
    password" (their sessions stay, so the screens' own checks are what refuse them), and as
    the team page does for "deactivated by the team" (which deletes their sessions)."""
    if how == "deactivated":
        User.objects.filter(pk=person.pk).update(is_active=False)
    elif how == "new password":
        person.set_password("et helt nyt kodeord 42")
        person.save(update_fields=["password"])
    else:
        teams_services.user_deactivate(user=person)
