"""Reads for a meeting's presenters: who is assigned, who is proposed next, and a person's own
briefs."""

from __future__ import annotations

from django.db.models import Exists, Max, OuterRef, Q, QuerySet

from meetings.models import Meeting, MeetingStatus, Participation
from meetings.presenters import rotation
from meetings.presenters.models import Presenter
from teams.models import Membership, Role, User, display_name


def presenters(*, meeting: Meeting) -> list[Presenter]:
    """The meeting's presenters in order, with who each stands in for: one query."""
    return list(
        Presenter.objects.filter(meeting=meeting)
        .select_related("user", "stands_in_for")
        .order_by("position", "id")
    )


def caseworkers(*, meeting: Meeting) -> QuerySet[User]:
    """The meeting's participants who are caseworkers in a team of its organisation (a theme
    meeting invites several teams)."""
    caseworker = Membership.objects.filter(
        user=OuterRef("pk"),
        role=Role.CASEWORKER,
        team__organisation_id=meeting.team.organisation_id,
    )
    return User.objects.filter(
        Exists(Participation.objects.filter(meeting=meeting, user=OuterRef("pk"))),
        Exists(caseworker),
    )


def proposals(*, meeting: Meeting) -> list[rotation.Candidate]:
    """The caseworkers among the participants who are not presenting at this meeting, who
    presented least recently first (rotation.propose): one query. A stand-in's presentation
    counts as theirs."""
    rows = (
        caseworkers(meeting=meeting)
        .exclude(presentations__meeting=meeting)
        .annotate(
            last_presented=Max(
                "presentations__meeting__starts_at",
                filter=~Q(presentations__meeting=meeting),
            )
        )
        .values("pk", "first_name", "last_name", "username", "last_presented")
    )
    return rotation.propose(
        rotation.Candidate(
            user_id=row["pk"],
            name=display_name(row["first_name"], row["last_name"], row["username"]),
            last_presented=row["last_presented"],
        )
        for row in rows
    )


def own_presenter(*, meeting: Meeting, user: User) -> Presenter | None:
    return Presenter.objects.filter(meeting=meeting, user=user).first()


def presenter_of(*, meeting: Meeting, pk: int) -> Presenter | None:
    """One of the meeting's presenters by id (None: not this meeting's)."""
    return (
        Presenter.objects.filter(meeting=meeting, pk=pk)
        .select_related("user", "stands_in_for")
        .first()
    )


def upcoming_briefs(*, user: User) -> list[Presenter]:
    """The person's presentations at meetings not yet held, the soonest first: for the start
    page."""
    return list(
        Presenter.objects.filter(user=user)
        .exclude(meeting__status=MeetingStatus.FINISHED)
        .select_related("meeting", "meeting__team")
        .order_by("meeting__starts_at", "meeting_id")
    )
