from datetime import timedelta

import pytest
from django.utils import timezone

from tests.conftest import World
from tests.factories import make_format
from thememeetings import services
from thememeetings.models import Theme, ThemeSource

THEME_PHASES = [
    ("Tjek-ind-runde", "round", 10, False),
    ("Oplæg", "talk", 10, False),
    ("Læringsrunde", "round", 10, False),
    ("Aftaler om produkt og opfølgning", "summary", 5, False),
]
CHECK_IN, TALK, LEARNING_ROUND, AGREEMENTS = range(4)


def propose(world: World, title: str = "Praktik efter LAB § 42", who: str = "caseworker"):
    return services.theme_propose(
        organisation=world.syd.organisation,
        proposed_by=world.users[who],
        title=title,
        why="Vi bruger praktik forskelligt.",
        knowledge_needed="Lovgivningen og gode eksempler.",
        source=ThemeSource.DEPARTMENT_MEETING,
    )


def working_group(world: World, *who: str) -> None:
    services.working_group_set(
        organisation=world.syd.organisation,
        members=[world.users[name] for name in who or ("department_leader", "coordinator")],
    )


def theme_format():
    """A built-in theme format with its two rounds, the learning round the later one."""
    from meetings.models import Format

    return Format.objects.filter(team=None, key="tema-test").first() or make_format(
        key="tema-test", phases=THEME_PHASES, repeats_per_case=False
    )


def decide(world: World, theme: Theme, *, format=None):
    return services.theme_decide(
        theme=theme,
        format=format or theme_format(),
        starts_at=timezone.now() + timedelta(days=14),
        place="Mødelokale 2",
        host_team=world.syd,
        invited_teams=[world.nord],
        guests=[services.Guest(name="Leif Hansen", role="forsker")],
        leaders=(world.users["coordinator"], world.users["caseworker"]),
    )


@pytest.fixture
def theme(world: World) -> Theme:
    return propose(world)
