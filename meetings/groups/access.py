"""Who arranges a meeting's breakout groups and who writes a group's notes."""

from __future__ import annotations

from meetings.access import can_run_meeting
from meetings.groups.models import BreakoutGroup
from meetings.models import Meeting, MeetingStatus, PhaseKind
from teams.access import AnyUser


def has_group_work(meeting: Meeting) -> bool:
    """The meeting's format has a group-work phase."""
    return any(phase.get("kind") == PhaseKind.GROUP_WORK for phase in meeting.phases)


def can_arrange_groups(user: AnyUser, meeting: Meeting) -> bool:
    """Who runs the meeting (its facilitator and co-facilitator, the team's leader and
    coordinator) proposes the groups and changes them, before and during the meeting, where
    its format has group work."""
    return (
        has_group_work(meeting)
        and meeting.status != MeetingStatus.FINISHED
        and can_run_meeting(user, meeting)
    )


def can_write_group_notes(user: AnyUser, group: BreakoutGroup) -> bool:
    """Any member of the group writes its notes ("Gruppens planche")."""
    return user.is_authenticated and any(
        member.user_id == user.pk for member in group.members.all()
    )
