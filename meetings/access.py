"""Who may plan, run and take part in a team's meetings."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from meetings.models import AgendaItem, Meeting, MeetingStatus
from teams.access import AnyUser, can_lead_team, is_member
from teams.models import Team


def can_plan_meeting(user: AnyUser, team: Team) -> bool:
    """The team's leader and coordinator plan its meetings and change them before they start."""
    return can_lead_team(user, team)


def plannable_teams(user: AnyUser) -> QuerySet[Team]:
    """The teams for which can_plan_meeting holds, for the "Planlæg møde" links."""
    return Team.objects.led_by(user)


def can_name_observers(user: AnyUser, meeting: Meeting) -> bool:
    """Who plans the meeting names the cases' observers, until it has finished; only where its
    format has an observer phase."""
    return (
        meeting.has_observers
        and meeting.status != MeetingStatus.FINISHED
        and can_plan_meeting(user, meeting.team)
    )


def can_manage_formats(user: AnyUser, team: Team) -> bool:
    """The team's leader and coordinator copy formats and adjust the team's own."""
    return can_lead_team(user, team)


def can_run_meeting(user: AnyUser, meeting: Meeting) -> bool:
    """The meeting's facilitator and co-facilitator, and the team's leader and coordinator,
    control the meeting."""
    if not user.is_authenticated:
        return False
    return meeting.is_led_by(user.pk) or can_lead_team(user, meeting.team)


def can_invite_guests(user: AnyUser, meeting: Meeting) -> bool:
    """Who may run the meeting invites guests from outside the team to it, and revokes their
    links."""
    return can_run_meeting(user, meeting)


def screen_mode(user: AnyUser, meeting: Meeting, requested: str | None) -> str:
    """The runner screen a request may have: the control view only for who may run the
    meeting, the projector when asked for, else "Følg møde"."""
    if requested == "control" and can_run_meeting(user, meeting):
        return "control"
    if requested == "projector":
        return "projector"
    return "participant"


def can_take_part(user: AnyUser, meeting: Meeting) -> bool:
    """Members of the team write entries (learning points) during the meeting."""
    return is_member(user, meeting.team)


def can_write_owner_notes(user: AnyUser, item: AgendaItem) -> bool:
    """Only the case owner keeps notes while the team reflects on their case."""
    return user.is_authenticated and item.owner_id == user.pk


def can_write_observer_feedback(user: AnyUser, item: AgendaItem) -> bool:
    """Only the case's observer gives the observer's feedback."""
    return user.is_authenticated and item.observer_id == user.pk


def takes_part(user: AnyUser, meeting: Meeting) -> bool:
    """A participant of the meeting, or who leads it (its facilitator or co-facilitator)."""
    if not user.is_authenticated:
        return False
    if meeting.is_led_by(user.pk):
        return True
    return meeting.participants.filter(pk=user.pk).exists()


def is_in_the_room(user: AnyUser, meeting: Meeting) -> bool:
    """Who writes their own answers in the room (a theme meeting's learning round): a member
    of the team, a participant invited from another, or who leads it; not who only follows
    the meeting from outside (a department leader)."""
    return can_take_part(user, meeting) or takes_part(user, meeting)


def can_check_out(user: AnyUser, meeting: Meeting) -> bool:
    """Who took part in a held meeting (a participant, or its facilitator) answers its
    check-out."""
    return meeting.status == MeetingStatus.FINISHED and takes_part(user, meeting)


def can_read_evaluation(user: AnyUser, team: Team) -> bool:
    """The team's leader and coordinator read its meetings' check-outs, summed up."""
    return can_lead_team(user, team)


def meeting_or_404(user: AnyUser, pk: int) -> Meeting:
    """A meeting of the user's teams (or of an organisation they lead), else 404."""
    return get_object_or_404(
        Meeting.objects.visible_to(user).select_related(
            "team__organisation", "format", "facilitator", "co_facilitator"
        ),
        pk=pk,
    )
