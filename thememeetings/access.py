"""Who proposes, prioritises and decides theme learning meetings in an organisation.

The backlog is the organisation's: every member of its teams and its department leaders read it
and propose themes. The department leader names the working group; the working group orders the
backlog, keeps its own short meetings, and picks the next theme with its meeting. The two meeting
leaders record what came of the meeting. Another organisation's themes answer 404.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from meetings.access import is_in_the_room
from meetings.models import Meeting, MeetingStatus
from teams.access import AnyUser
from teams.models import Organisation
from thememeetings.models import Theme, ThemeStatus, WorkingGroupMember


def organisations_of(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations of the user's teams and the ones they lead, by name."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    return (
        Organisation.objects.filter(Q(teams__memberships__user=user) | Q(department_leaders=user))
        .distinct()
        .order_by("name", "pk")
    )


def organisation_or_404(user: AnyUser, pk: int) -> Organisation:
    """The organisation if the user is in one of its teams or leads it, else 404."""
    return get_object_or_404(organisations_of(user), pk=pk)


def theme_or_404(user: AnyUser, pk: int) -> Theme:
    """A theme of one of the user's organisations, else 404."""
    return get_object_or_404(
        Theme.objects.filter(organisation__in=organisations_of(user)).select_related(
            "organisation", "proposed_by", "meeting__team", "product"
        ),
        pk=pk,
    )


def is_department_leader_of(user: AnyUser, organisation: Organisation) -> bool:
    if not user.is_authenticated:
        return False
    return organisation.department_leaders.filter(pk=user.pk).exists()


def can_name_working_group(user: AnyUser, organisation: Organisation) -> bool:
    """The organisation's department leaders name the working group's members."""
    return is_department_leader_of(user, organisation)


def in_working_group(user: AnyUser, organisation: Organisation) -> bool:
    """The working group prioritises the backlog, picks the theme and keeps its meetings."""
    if not user.is_authenticated:
        return False
    return WorkingGroupMember.objects.filter(organisation=organisation, user=user).exists()


def can_decide(user: AnyUser, theme: Theme) -> bool:
    """The working group picks a theme not yet chosen and decides its meeting."""
    return theme.status != ThemeStatus.CHOSEN and in_working_group(user, theme.organisation)


def can_record_outcome(user: AnyUser, theme: Theme) -> bool:
    """The theme meeting's two leaders record the product and the follow-up once the meeting
    has begun (it is agreed in its last phase)."""
    meeting = theme.meeting
    if meeting is None or meeting.status == MeetingStatus.PLANNED:
        return False
    return user.is_authenticated and meeting.is_led_by(user.pk)


def can_answer_round(user: AnyUser, meeting: Meeting) -> bool:
    """Who takes part in the theme meeting (invited from any team, or a member of the host
    team) or leads it writes their answers in its learning round."""
    return is_in_the_room(user, meeting)
