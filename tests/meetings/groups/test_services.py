"""The leaders' changes to a meeting's groups and the groups' notes (meetings.groups.services)."""

from __future__ import annotations

import pytest

from core.locking import Stale
from meetings.groups import services
from meetings.groups.models import BreakoutGroup, GroupMember
from meetings.models import Meeting
from meetings.services import ActionRefused
from tests.conftest import World
from tests.meetings.groups.conftest import to_group_work

pytestmark = pytest.mark.django_db


def _members(group: BreakoutGroup) -> set[str]:
    return {member.user.username for member in group.members.select_related("user")}


def test_a_proposal_puts_every_participant_in_one_group(world: World, theme: Meeting):
    groups = services.groups_propose(meeting=theme, groups=2)
    assert [group.name for group in groups] == ["Gruppe 1", "Gruppe 2"]
    assert GroupMember.objects.filter(meeting=theme).count() == 6
    assert sorted(len(_members(group)) for group in groups) == [3, 3]


def test_the_two_meeting_leaders_facilitate_one_group_each(world: World, theme: Meeting):
    groups = services.groups_propose(meeting=theme, groups=2)
    facilitators = {group.facilitator.username for group in groups}
    assert facilitators == {"leader", "coordinator"}


def test_the_invited_team_is_spread(world: World, theme: Meeting):
    """The caseworkers of both teams: Team Nord's is not put with all of Syd's."""
    groups = services.groups_propose(meeting=theme, groups=2)
    caseworkers = {"caseworker", "caseworker2", "other_caseworker"}
    assert all(_members(group) & caseworkers for group in groups)


def test_each_group_starts_with_the_group_work_phases_questions(world: World, theme: Meeting):
    group = services.groups_propose(meeting=theme, size=3)[0]
    assert group.question_lines == ["Hvilke styrker ser I?", "Hvilke udfordringer ser I?"]


def test_a_new_proposal_is_refused_once_a_group_has_notes(world: World, theme: Meeting):
    group = services.groups_propose(meeting=theme, groups=2)[0]
    BreakoutGroup.objects.filter(pk=group.pk).update(notes="Noget")
    with pytest.raises(ActionRefused):
        services.groups_propose(meeting=theme, groups=3)
    assert BreakoutGroup.objects.filter(meeting=theme).count() == 2


def test_moving_a_person_takes_them_out_of_their_group_and_its_facilitation(
    world: World, theme: Meeting
):
    first, second = services.groups_propose(meeting=theme, groups=2)
    leader = world.users["leader"]
    source = first if "leader" in _members(first) else second
    target = second if source is first else first
    services.group_move(meeting=theme, person=leader, to=target)
    source.refresh_from_db()
    assert "leader" not in _members(source)
    assert "leader" in _members(target)
    assert source.facilitator is None
    assert GroupMember.objects.filter(meeting=theme, user=leader).count() == 1


def test_moving_someone_outside_the_meeting_is_refused(world: World, theme: Meeting):
    group = services.groups_propose(meeting=theme, groups=2)[0]
    with pytest.raises(ActionRefused):
        services.group_move(meeting=theme, person=world.users["outsider"], to=group)


def test_a_group_is_renamed_given_a_room_and_a_facilitator_of_its_own(
    world: World, theme: Meeting
):
    group = services.groups_propose(meeting=theme, groups=2)[0]
    member = group.members.select_related("user").first().user
    services.group_update(
        group=group,
        name="Praktik",
        room="Lokale 2",
        questions=["Hvad virker?"],
        facilitator=member,
    )
    group.refresh_from_db()
    assert (group.name, group.room, group.question_lines) == (
        "Praktik",
        "Lokale 2",
        ["Hvad virker?"],
    )
    assert group.facilitator == member


def test_a_facilitator_from_outside_the_group_is_refused(world: World, theme: Meeting):
    first, second = services.groups_propose(meeting=theme, groups=2)
    other = second.members.select_related("user").first().user
    with pytest.raises(ActionRefused):
        services.group_update(group=first, name="A", room="", questions=[], facilitator=other)


def test_a_cpr_number_in_the_questions_is_refused(world: World, theme: Meeting):
    group = services.groups_propose(meeting=theme, groups=2)[0]
    with pytest.raises(ActionRefused, match="CPR-nummer"):
        services.group_update(
            group=group, name="A", room="", questions=["Borger 010190-1234"], facilitator=None
        )


def test_notes_are_saved_and_raise_the_revision_and_the_meetings_version(
    world: World, theme: Meeting
):
    theme = to_group_work(theme)
    group = services.groups_propose(meeting=theme, groups=2)[0]
    before = Meeting.objects.get(pk=theme.pk).version
    services.group_notes_save(
        group=group, user=world.users["caseworker"], revision=group.revision, text="Praktik virker"
    )
    group.refresh_from_db()
    assert group.notes == "Praktik virker"
    assert group.revision == 2
    assert Meeting.objects.get(pk=theme.pk).version > before


def test_a_save_from_an_older_revision_is_refused_with_the_notes_as_they_are(
    world: World, theme: Meeting
):
    group = services.groups_propose(meeting=theme, groups=2)[0]
    services.group_notes_save(
        group=group, user=world.users["leader"], revision=1, text="Den første tekst"
    )
    with pytest.raises(Stale) as refused:
        services.group_notes_save(
            group=group, user=world.users["caseworker"], revision=1, text="Den anden tekst"
        )
    assert refused.value.current.notes == "Den første tekst"
    group.refresh_from_db()
    assert group.notes == "Den første tekst"


def test_notes_with_a_cpr_number_are_refused(world: World, theme: Meeting):
    group = services.groups_propose(meeting=theme, groups=2)[0]
    with pytest.raises(ActionRefused, match="CPR-nummer"):
        services.group_notes_save(
            group=group, user=world.users["leader"], revision=1, text="Borger 010190-1234"
        )
    group.refresh_from_db()
    assert group.notes == ""


def test_nothing_changes_after_the_meeting(world: World, theme: Meeting):
    group = services.groups_propose(meeting=theme, groups=2)[0]
    Meeting.objects.filter(pk=theme.pk).update(status="finished")
    theme.refresh_from_db()
    with pytest.raises(ActionRefused):
        services.groups_propose(meeting=theme, groups=2)
    group.refresh_from_db()
    with pytest.raises(ActionRefused):
        services.group_move(meeting=theme, person=world.users["leader"], to=group)


def test_who_leaves_the_team_leaves_the_planned_meetings_groups(world: World, theme: Meeting):
    from meetings.services import participant_withdraw

    services.groups_propose(meeting=theme, groups=2)
    coordinator = world.users["coordinator"]
    participant_withdraw(person=coordinator, team=world.syd)
    assert not GroupMember.objects.filter(meeting=theme, user=coordinator).exists()
    assert not BreakoutGroup.objects.filter(meeting=theme, facilitator=coordinator).exists()
    assert GroupMember.objects.filter(meeting=theme).count() == 5
