"""Reads of a meeting's breakout groups: a fixed number of queries whatever their size."""

from __future__ import annotations

from django.db.models import Prefetch

from meetings.groups.models import BreakoutGroup, GroupMember
from meetings.models import Meeting, Participation
from teams.models import User


def groups_of(*, meeting: Meeting) -> list[BreakoutGroup]:
    """The meeting's groups in order, each with its facilitator and its members (two queries)."""
    return list(
        BreakoutGroup.objects.filter(meeting=meeting)
        .select_related("facilitator")
        .prefetch_related(
            Prefetch(
                "members",
                queryset=GroupMember.objects.select_related("user").order_by(
                    "user__first_name", "user__last_name", "user__username"
                ),
            )
        )
        .order_by("position", "id")
    )


def group_of(*, meeting: Meeting, pk: int) -> BreakoutGroup | None:
    return BreakoutGroup.objects.filter(meeting=meeting, pk=pk).select_related("meeting").first()


def is_grouped(*, meeting: Meeting, user: User) -> bool:
    """The person is in one of the meeting's groups."""
    return GroupMember.objects.filter(meeting=meeting, user=user).exists()


def ungrouped(*, meeting: Meeting, groups: list[BreakoutGroup]) -> list[User]:
    """The participants in no group (invited after the groups were made)."""
    grouped = {member.user_id for group in groups for member in group.members.all()}
    people = User.objects.filter(
        pk__in=Participation.objects.filter(meeting=meeting).values("user_id")
    ).order_by("first_name", "last_name", "username")
    return [person for person in people if person.pk not in grouped]
