"""Reading an organisation's theme backlog, its working group, and a person's own answers."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from teams.models import Organisation, User
from thememeetings.models import RoundAnswer, Theme, WorkingGroupMeeting, WorkingGroupMember

# The backlog page shows at most this many themes (the open ones come first).
BACKLOG_SHOWN = 200
# The start page shows a person's latest answers, at most this many.
ANSWERS_SHOWN = 5


def organisation_people(organisation: Organisation) -> QuerySet[User]:
    """Everyone active in the organisation's teams and its department leaders, by name."""
    return (
        User.objects.filter(
            Q(memberships__team__organisation=organisation) | Q(led_organisations=organisation),
            is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def backlog(*, organisation: Organisation) -> list[Theme]:
    """The organisation's themes in the working group's order, with their proposers and
    meetings (one query)."""
    return list(Theme.objects.filter(organisation=organisation).backlog()[:BACKLOG_SHOWN])


def working_group(*, organisation: Organisation) -> list[User]:
    return [
        member.user
        for member in WorkingGroupMember.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "user__username")
    ]


def working_group_meetings(*, organisation: Organisation) -> QuerySet[WorkingGroupMeeting]:
    return WorkingGroupMeeting.objects.filter(organisation=organisation).select_related(
        "created_by"
    )


def own_answers(*, user: User, limit: int = ANSWERS_SHOWN) -> list[RoundAnswer]:
    """The person's own answers in theme meetings' learning rounds, newest meeting first."""
    if not user.is_authenticated:
        return []
    return list(
        RoundAnswer.objects.filter(author=user)
        .select_related("meeting")
        .order_by("-meeting__starts_at", "-pk")[:limit]
    )
