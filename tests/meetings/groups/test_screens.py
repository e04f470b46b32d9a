"""The group work as pushed to the screens (meetings.screens): each member gets their own
group's screen, whether it was shipped with the change or rendered where they watch, and the
projector gets the groups' names and rooms."""

from __future__ import annotations

import pytest

from meetings.groups import services
from meetings.groups.models import BreakoutGroup
from meetings.models import Meeting
from tests.conftest import World
from tests.meetings.groups.conftest import to_group_work
from tests.meetings.test_screens import event_data, shipped_now, signed_in, viewer

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("shipped", [True, False], ids=["shipped", "rendered here"])
def test_each_member_is_pushed_their_own_group(world: World, theme: Meeting, shipped):
    services.groups_propose(meeting=theme, groups=2)
    BreakoutGroup.objects.filter(meeting=theme, position=1).update(room="Lokale 7")
    meeting = to_group_work(theme)
    people = [world.users["caseworker"], world.users["other_caseworker"], world.users["guest"]]
    viewers = [viewer(signed_in(person), person, meeting) for person in people]
    projector = viewer(signed_in(people[0]), people[0], meeting, mode="projector")
    edition = screens_build(meeting, [*viewers, projector], shipped)

    for person, seen in zip(people, viewers, strict=True):
        group = BreakoutGroup.objects.get(meeting=meeting, members__user=person)
        event = event_data(edition.events[seen])
        assert f"Din gruppe: {group.name}" in event["html"]
        assert "Gruppens planche" in event["work"]
        assert f"/grupper/{group.pk}/planche/" in event["work"]
    shown = event_data(edition.events[projector])["html"]
    assert "Gruppe 1" in shown and "Lokale 7" in shown
    assert "Din gruppe" not in shown
    assert people[1].display_name not in shown


def screens_build(meeting: Meeting, viewers: list, shipped: bool):
    from meetings import screens

    ready = shipped_now(meeting) if shipped else None
    return screens.build(meeting_id=meeting.pk, viewers=viewers, shipped=ready)
