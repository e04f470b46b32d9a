"""Who assigns the presenters of a meeting's practitioner examples, and who writes a brief."""

from __future__ import annotations

from meetings.access import can_run_meeting
from meetings.models import Meeting, MeetingStatus
from meetings.presenters.models import Presenter
from teams.access import AnyUser


def can_assign_presenters(user: AnyUser, meeting: Meeting) -> bool:
    """The meeting's leaders (its facilitator and co-facilitator, the team's leader and
    coordinator) assign the presenters and pick a stand-in, until the meeting has ended; only
    where its format has a phase of practitioner examples."""
    return (
        meeting.has_presenters
        and meeting.status != MeetingStatus.FINISHED
        and can_run_meeting(user, meeting)
    )


def can_write_brief(user: AnyUser, presenter: Presenter, meeting: Meeting) -> bool:
    """Only the presenter writes their brief, until the meeting has ended."""
    return (
        user.is_authenticated
        and presenter.user_id == user.pk
        and meeting.status != MeetingStatus.FINISHED
    )
