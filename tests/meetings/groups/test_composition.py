"""The app's proposal of breakout groups (meetings.groups.composition): everyone once, sizes
differing by at most one, roles mixed wherever the roles allow it, teams spread, and the same
groups for the same people."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from meetings.groups.composition import Person, group_count, propose

ROLES = ("leader", "coordinator", "caseworker", "guest")
# Behaviour, not speed: a loaded test machine must not fail an example for its time.
behaviour = settings(deadline=None)


@st.composite
def meetings(draw: st.DrawFn) -> tuple[list[Person], int]:
    size = draw(st.integers(min_value=1, max_value=40))
    people = [
        Person(
            pk=pk,
            role=draw(st.sampled_from(ROLES)),
            team=draw(st.sampled_from([1, 2, 3, None])),
        )
        for pk in draw(st.lists(st.integers(1, 10_000), min_size=size, max_size=size, unique=True))
    ]
    return people, draw(st.integers(min_value=1, max_value=12))


def _by_pk(people: list[Person]) -> dict[int, Person]:
    return {person.pk: person for person in people}


@behaviour
@given(meetings(), st.integers(min_value=0, max_value=2))
def test_everyone_is_in_exactly_one_group(case, leaders):
    people, count = case
    preferred = [person.pk for person in people[:leaders]]
    groups = propose(people, groups=count, preferred=preferred).groups
    placed = [pk for group in groups for pk in group]
    assert sorted(placed) == sorted(person.pk for person in people)


@behaviour
@given(meetings(), st.integers(min_value=0, max_value=2))
def test_group_sizes_differ_by_at_most_one(case, leaders):
    people, count = case
    preferred = [person.pk for person in people[:leaders]]
    groups = propose(people, groups=count, preferred=preferred).groups
    sizes = [len(group) for group in groups]
    assert len(groups) == min(count, len(people))
    assert max(sizes) - min(sizes) <= 1
    assert min(sizes) >= 1


@behaviour
@given(meetings())
def test_no_group_of_one_role_when_the_other_roles_reach_every_group(case):
    """A group of two or more is of one role only when too few people are outside the largest
    role to put one in every group; and then no more such groups than that shortfall."""
    people, count = case
    groups = propose(people, groups=count).groups
    by_pk = _by_pk(people)
    largest = max(Counter(person.role for person in people).values())
    others = len(people) - largest
    one_role = [
        group for group in groups if len(group) > 1 and len({by_pk[pk].role for pk in group}) == 1
    ]
    assert len(one_role) <= max(0, len(groups) - others)


@behaviour
@given(meetings())
def test_a_team_of_one_role_is_spread_over_the_groups(case):
    """The people of one team and role differ by at most one from group to group."""
    people, count = case
    groups = propose(people, groups=count).groups
    by_pk = _by_pk(people)
    for role, team in {(person.role, person.team) for person in people}:
        counts = [
            sum(1 for pk in group if (by_pk[pk].role, by_pk[pk].team) == (role, team))
            for group in groups
        ]
        assert max(counts) - min(counts) <= 1


@behaviour
@given(meetings())
def test_the_same_people_in_any_order_give_the_same_groups(case):
    people, count = case
    assert propose(people, groups=count) == propose(list(reversed(people)), groups=count)


@behaviour
@given(meetings())
def test_each_group_is_facilitated_by_one_of_its_members(case):
    people, count = case
    proposal = propose(people, groups=count, leading_roles=frozenset({"leader"}))
    for group, facilitator in zip(proposal.groups, proposal.facilitators, strict=True):
        assert facilitator in group


def test_the_meeting_leaders_facilitate_the_groups_they_are_in():
    people = [Person(pk, "caseworker", 1) for pk in range(1, 7)]
    people += [Person(7, "leader", 1), Person(8, "coordinator", 2)]
    proposal = propose(people, groups=2, preferred=[8, 7])
    assert set(proposal.facilitators) == {7, 8}


def test_a_group_size_gives_as_many_groups_as_keep_each_within_it():
    assert group_count(people=10, size=4) == 3
    assert group_count(people=10, groups=20) == 10
    assert group_count(people=3, size=None, groups=None) == 1


def test_two_teams_and_two_roles_are_mixed_in_two_groups():
    """Odder's example: the sick-pay group's caseworkers and the job consultants, in two."""
    people = [Person(pk, "caseworker", 1) for pk in range(1, 7)]
    people += [Person(pk, "guest", 2) for pk in range(7, 11)]
    groups = propose(people, groups=2).groups
    for group in groups:
        assert Counter(pk <= 6 for pk in group) == {True: 3, False: 2}
