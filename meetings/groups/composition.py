"""Breakout groups for a meeting's group work (Odder: "vidensdeling i grupper"): who goes in
which group. Pure: people in, groups out, the same groups for the same people.

The meeting's leaders are dealt first, one to a group. The others are laid out in one row,
role by role (the most common role first) and within a
role team by team (the largest team first), and dealt round the groups like cards. So each
group's size differs from the others' by at most one; a role spreads over the groups before
the next role begins, which leaves a group of one role only where the other roles are too few
to reach every group (fewer people outside the largest role than there are groups); and the
people of one team and role differ by at most one from group to group.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Person:
    pk: int
    role: str
    team: int | None


@dataclass(frozen=True)
class Proposal:
    """The groups, each a tuple of people's pks in the order dealt, and each group's proposed
    facilitator (one of its members)."""

    groups: tuple[tuple[int, ...], ...]
    facilitators: tuple[int | None, ...]


def group_count(*, people: int, groups: int | None = None, size: int | None = None) -> int:
    """How many groups: the number asked for, or as many as keep every group within `size`;
    never more groups than people, and at least one."""
    if groups is None:
        groups = -(-people // size) if size else 1
    return max(1, min(groups, people))


def row(people: Sequence[Person]) -> list[Person]:
    """The people in the order they are dealt: by role (most common first), then by team
    (largest first), then by pk; ties broken by name of role and team so the row is fixed."""
    roles = Counter(person.role for person in people)
    teams = Counter((person.role, person.team) for person in people)
    return sorted(
        people,
        key=lambda person: (
            -roles[person.role],
            person.role,
            -teams[(person.role, person.team)],
            person.team is None,
            person.team or 0,
            person.pk,
        ),
    )


def propose(
    people: Sequence[Person],
    *,
    groups: int | None = None,
    size: int | None = None,
    preferred: Sequence[int] = (),
    leading_roles: frozenset[str] = frozenset(),
) -> Proposal:
    """Deal `people` into `groups` groups (or groups of at most `size`), `preferred` (the
    meeting's leaders) first. Each group's proposed facilitator is the first of `preferred` in
    it, else a member of a leading role, else the member dealt first: someone used to leading
    the room."""
    if not people:
        return Proposal(groups=(), facilitators=())
    count = group_count(people=len(people), groups=groups, size=size)
    dealt: list[list[Person]] = [[] for _ in range(count)]
    # The meeting's leaders are dealt first, one to a group, as Odder's two meeting leaders
    # each facilitate a group of their own (Bilag 2).
    leaders = [person for pk in preferred for person in people if person.pk == pk]
    rest = [person for person in people if person not in leaders]
    for position, person in enumerate([*leaders, *row(rest)]):
        dealt[position % count].append(person)
    return Proposal(
        groups=tuple(tuple(person.pk for person in group) for group in dealt),
        facilitators=tuple(_facilitator(group, preferred, leading_roles) for group in dealt),
    )


def _facilitator(
    group: list[Person], preferred: Sequence[int], leading_roles: frozenset[str]
) -> int:
    members = {person.pk for person in group}
    for pk in preferred:
        if pk in members:
            return pk
    leading = [person for person in group if person.role in leading_roles]
    return (leading or group)[0].pk
