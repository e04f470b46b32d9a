"""Who is proposed to present next: never-presented first, then who presented least recently
(meetings/presenters/rotation.py and the selector that feeds it)."""

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meetings.models import Meeting, MeetingStatus
from meetings.presenters import selectors, services
from meetings.presenters.rotation import Candidate, propose
from tests.conftest import World
from tests.meetings.presenters.conftest import make_theme_meeting

DAY = datetime(2026, 1, 1, tzinfo=UTC)

candidates = st.lists(
    st.builds(
        Candidate,
        user_id=st.integers(min_value=1, max_value=10_000),
        name=st.text(min_size=1, max_size=8),
        last_presented=st.none()
        | st.integers(min_value=0, max_value=3_000).map(lambda days: DAY + timedelta(days=days)),
    ),
    max_size=15,
    unique_by=lambda candidate: candidate.user_id,
)


@given(candidates)
def test_never_presented_come_first_then_the_oldest_presentation(people):
    order = propose(people)
    assert sorted(order, key=lambda c: c.user_id) == sorted(people, key=lambda c: c.user_id)
    never = [c for c in order if c.last_presented is None]
    assert order[: len(never)] == never
    dates = [c.last_presented for c in order[len(never) :]]
    assert dates == sorted(dates)


@given(candidates)
def test_the_proposal_does_not_depend_on_the_order_asked(people):
    assert propose(people) == propose(list(reversed(people)))


@pytest.mark.parametrize(
    ("people", "expected"),
    [
        ([], []),
        ([("Bo", 2), ("Ane", None), ("Cia", 1)], ["Ane", "Cia", "Bo"]),
        ([("Bo", None), ("ane", None)], ["ane", "Bo"]),
        ([("Ane", 5), ("Bo", 5), ("Cia", 3)], ["Cia", "Ane", "Bo"]),
    ],
)
def test_a_table_of_proposals(people, expected):
    order = propose(
        Candidate(
            user_id=number,
            name=name,
            last_presented=None if days is None else DAY + timedelta(days=days),
        )
        for number, (name, days) in enumerate(people, 1)
    )
    assert [candidate.name for candidate in order] == expected


def _held(world: World, days_ago: int, *presenters: str) -> Meeting:
    meeting = make_theme_meeting(world, starts_at=datetime.now(UTC) - timedelta(days=days_ago))
    for who in presenters:
        services.presenter_assign(meeting=meeting, user=world.users[who])
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.FINISHED)
    return meeting


def test_proposals_are_the_participating_caseworkers_who_waited_longest(world: World):
    users = world.users
    _held(world, 100, "caseworker")
    _held(world, 10, "caseworker2")
    meeting = make_theme_meeting(world)
    proposed = [candidate.user_id for candidate in selectors.proposals(meeting=meeting)]
    # Leaders, the coordinator and the guest are not caseworkers: only the two are proposed.
    assert proposed == [users["caseworker"].pk, users["caseworker2"].pk]


def test_a_caseworker_who_never_presented_comes_first(world: World):
    users = world.users
    _held(world, 30, "caseworker")
    meeting = make_theme_meeting(world)
    proposed = [candidate.user_id for candidate in selectors.proposals(meeting=meeting)]
    assert proposed == [users["caseworker2"].pk, users["caseworker"].pk]


def test_a_stand_in_counts_as_presenting_and_who_had_no_example_still_waits(world: World):
    users = world.users
    earlier = make_theme_meeting(world, starts_at=datetime.now(UTC) - timedelta(days=20))
    presenter = services.presenter_assign(meeting=earlier, user=users["caseworker"])
    services.presenter_stand_in(presenter=presenter, stand_in=users["caseworker2"])
    Meeting.objects.filter(pk=earlier.pk).update(status=MeetingStatus.FINISHED)
    meeting = make_theme_meeting(world)
    proposed = selectors.proposals(meeting=meeting)
    assert [candidate.user_id for candidate in proposed] == [
        users["caseworker"].pk,
        users["caseworker2"].pk,
    ]
    assert proposed[0].last_presented is None


def test_who_presents_at_this_meeting_is_not_proposed_again(world: World, theme_meeting):
    users = world.users
    services.presenter_assign(meeting=theme_meeting, user=users["caseworker2"])
    proposed = [c.user_id for c in selectors.proposals(meeting=theme_meeting)]
    assert proposed == [users["caseworker"].pk]


def test_proposals_read_in_one_query_however_many_presented(
    world: World, theme_meeting, django_assert_num_queries
):
    for days in (10, 20, 30):
        _held(world, days, "caseworker", "caseworker2")
    with django_assert_num_queries(1):
        selectors.proposals(meeting=theme_meeting)
