from datetime import timedelta

import pytest
from django.utils import timezone

from meetings import services
from meetings.models import Format, Meeting
from tests.conftest import World


def make_theme_meeting(world: World, *, starts_at=None, participants=None) -> Meeting:
    """A Team Syd theme meeting (the built-in format, with practitioner examples), led by the
    coordinator with the leader as co-facilitator."""
    users = world.users
    return services.meeting_plan(
        team=world.syd,
        format=Format.objects.builtin().get(key="tema-laeringsmoede"),
        title="Læringsmøde om virksomhedspraktik",
        starts_at=starts_at or timezone.now() + timedelta(days=7),
        place="Mødelokale 2",
        facilitator=users["coordinator"],
        co_facilitator=users["leader"],
        participants=participants
        or [
            users["leader"],
            users["coordinator"],
            users["caseworker"],
            users["caseworker2"],
            users["guest"],
        ],
        agenda_titles=[],
    )


@pytest.fixture
def theme_meeting(world: World) -> Meeting:
    return make_theme_meeting(world)
