"""Reading a meeting's minutes: the meeting's own parts (who took part, the agenda, the times)
are read here; what higher apps record during a meeting (learning points and the leader's
summaries) they add through hooks.minutes_parts."""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from meetings import hooks
from meetings.minutes.document import CaseMinutes, Minutes, StepTime
from meetings.models import AgendaItem, Meeting, MeetingStatus, Participation, Step
from meetings.selectors import speaking_time
from teams.models import Membership, Role, User, display_name


def minutes_for(*, meeting: Meeting) -> Minutes:
    """The minutes of a meeting, in five queries whatever the size of its agenda.

    The meeting should come with team__organisation and facilitator selected (as
    access.meeting_or_404 gives it).
    """
    minutes = Minutes(
        meeting=meeting,
        title=meeting.title,
        team=meeting.team.name,
        organisation=meeting.team.organisation.name,
        starts_at=meeting.starts_at,
        place=meeting.place,
        facilitator=meeting.facilitator.display_name,
        is_finished=meeting.status == MeetingStatus.FINISHED,
    )
    minutes.participants = [
        participation.user.display_name
        for participation in Participation.objects.filter(meeting=meeting).select_related("user")
    ]

    # Titles only: the owner's notes are never loaded, so they cannot leak into the minutes.
    minutes.cases_by_item = {
        item["id"]: CaseMinutes(
            title=item["title"],
            observer=display_name(
                item["observer__first_name"] or "",
                item["observer__last_name"] or "",
                item["observer__username"] or "",
            ),
            observer_relevant=item["observer_relevant"],
            observer_tighten=item["observer_tighten"],
        )
        for item in AgendaItem.objects.filter(meeting=meeting)
        .order_by("position", "id")
        .values(
            "id",
            "title",
            "observer_relevant",
            "observer_tighten",
            "observer__first_name",
            "observer__last_name",
            "observer__username",
        )
    }
    minutes.cases = list(minutes.cases_by_item.values())

    minutes.steps = [
        StepTime(
            name=name,
            case_title=case_title or "",
            planned_seconds=planned + extension,
            actual_seconds=actual,
        )
        for name, case_title, planned, extension, actual in Step.objects.filter(meeting=meeting)
        .order_by("position")
        .values_list(
            "name", "agenda_item__title", "planned_seconds", "extension_seconds", "actual_seconds"
        )
    ]

    minutes.speaking_time = speaking_time(meeting=meeting)
    for add_part in hooks.minutes_parts:
        add_part(minutes)
    return minutes


def recipients(*, meeting: Meeting, include_guests: bool = False) -> list[User]:
    """The participants the minutes are mailed to, those with an email address: the team's
    members; guests (members with the guest role, and participants from outside the team)
    only when the one sending includes them."""
    participations = (
        Participation.objects.filter(meeting=meeting)
        .filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user")
    )
    if not include_guests:
        team_member = Membership.objects.filter(user=OuterRef("user"), team=meeting.team_id)
        participations = participations.filter(Exists(team_member.exclude(role=Role.GUEST)))
    return [participation.user for participation in participations]
