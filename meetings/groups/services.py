"""Writes of a meeting's breakout groups: the app's proposal, the leaders' changes (who is in
which group, each group's name, room, facilitator and questions) and the groups' notes.

Who may do what is the views' (meetings.groups.access). Each change raises the meeting's
version, so that every screen of the meeting shows it (meetings.live)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import limits
from core.locking import Stale
from core.privacy import find_cpr
from meetings.groups import composition
from meetings.groups.models import BreakoutGroup, GroupMember
from meetings.models import Meeting, MeetingStatus, Participation, PhaseKind
from meetings.services import ActionRefused, bump_version
from teams.models import LEADING_ROLES, Membership, Role, User

NAME_LENGTH = 80
ROOM_LENGTH = 120
QUESTION_LINES = 20
NOTES_LENGTH = limits.LONG_TEXT


class StaleNotes(Stale[BreakoutGroup]):
    """A member of the group saved its notes after the writer opened them: `current` is the
    group as it now is."""


def _require_open(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.FINISHED:
        raise ActionRefused(_("Mødet er afsluttet; grupperne kan ikke ændres."))


def _refuse_cpr(*texts: str) -> None:
    if any(find_cpr(text) for text in texts):
        raise ActionRefused(_("Teksten ligner et CPR-nummer og er ikke gemt."))


def group_work_prompts(meeting: Meeting) -> list[str]:
    """The questions of the meeting's first group-work phase: each new group's questions."""
    for phase in meeting.phases:
        if phase.get("kind") == PhaseKind.GROUP_WORK:
            return [str(prompt) for prompt in phase.get("prompts") or []]
    return []


def _people(meeting: Meeting) -> list[composition.Person]:
    """The participants, each with their role and team: their place in the meeting's team,
    else in their first other team (a theme meeting invites several), else a guest's."""
    people = list(
        Participation.objects.filter(meeting=meeting)
        .order_by("position", "id")
        .values_list("user_id", flat=True)
    )
    places: dict[int, tuple[str, int | None]] = {}
    memberships = Membership.objects.filter(user_id__in=people).order_by("team_id")
    for user_id, team_id, role in memberships.values_list("user_id", "team_id", "role"):
        if user_id not in places or team_id == meeting.team_id:
            places[user_id] = (role, team_id)
    guest: tuple[str, int | None] = (Role.GUEST, None)
    return [
        composition.Person(pk=pk, role=places.get(pk, guest)[0], team=places.get(pk, guest)[1])
        for pk in people
    ]


@transaction.atomic
def groups_propose(
    *, meeting: Meeting, groups: int | None = None, size: int | None = None
) -> list[BreakoutGroup]:
    """The app's proposal of groups from the meeting's participants, in place of the groups
    it had (refused once a group has written notes: they would be lost)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _require_open(meeting)
    if BreakoutGroup.objects.filter(meeting=meeting).exclude(notes="").exists():
        raise ActionRefused(
            _(
                "En gruppe har skrevet på sin planche; flyt deltagerne i stedet for at "
                "foreslå nye grupper."
            )
        )
    people = _people(meeting)
    if not people:
        raise ActionRefused(_("Mødet har ingen deltagere at dele i grupper."))
    proposal = composition.propose(
        people,
        groups=groups,
        size=size,
        preferred=[pk for pk in (meeting.facilitator_id, meeting.co_facilitator_id) if pk],
        leading_roles=frozenset(str(role) for role in LEADING_ROLES),
    )
    BreakoutGroup.objects.filter(meeting=meeting).delete()
    questions = "\n".join(group_work_prompts(meeting))
    made = BreakoutGroup.objects.bulk_create(
        BreakoutGroup(
            meeting=meeting,
            position=position,
            name=_("Gruppe %(number)s") % {"number": position + 1},
            questions=questions,
            facilitator_id=facilitator,
        )
        for position, facilitator in enumerate(proposal.facilitators)
    )
    GroupMember.objects.bulk_create(
        GroupMember(group=group, meeting=meeting, user_id=pk)
        for group, members in zip(made, proposal.groups, strict=True)
        for pk in members
    )
    bump_version(meeting=meeting)
    return made


@transaction.atomic
def group_update(
    *,
    group: BreakoutGroup,
    name: str,
    room: str,
    questions: list[str],
    facilitator: User | None,
) -> BreakoutGroup:
    """Change the group's name, room, questions and facilitator (one of its members)."""
    _require_open(group.meeting)
    name, room = " ".join(name.split()), " ".join(room.split())
    if not name:
        raise ActionRefused(_("Giv gruppen et navn."))
    limits.check_lengths([(name, NAME_LENGTH), (room, ROOM_LENGTH)], refused=ActionRefused)
    if len(questions) > QUESTION_LINES or any(len(line) > limits.LINE for line in questions):
        raise ActionRefused(limits.lines_help(QUESTION_LINES, limits.LINE))
    _refuse_cpr(name, room, *questions)
    if facilitator is not None and not group.members.filter(user=facilitator).exists():
        raise ActionRefused(_("Ordstyreren skal være med i gruppen."))
    group.name, group.room = name, room
    group.questions = "\n".join(questions)
    group.facilitator = facilitator
    group.save(update_fields=["name", "room", "questions", "facilitator"])
    bump_version(meeting=group.meeting)
    return group


@transaction.atomic
def group_move(*, meeting: Meeting, person: User, to: BreakoutGroup) -> None:
    """Put a participant in group `to`, out of the group they were in; they no longer
    facilitate the group they left."""
    _require_open(meeting)
    if to.meeting_id != meeting.pk:
        raise ActionRefused(_("Vælg en af mødets grupper."))
    if not Participation.objects.filter(meeting=meeting, user=person).exists():
        raise ActionRefused(_("Vælg en af mødets deltagere."))
    current = (
        GroupMember.objects.select_related("group").filter(meeting=meeting, user=person).first()
    )
    if current is not None and current.group_id == to.pk:
        return
    if current is not None:
        left = current.group
        current.delete()
        if left.facilitator_id == person.pk:
            left.facilitator = None
            left.save(update_fields=["facilitator"])
    GroupMember.objects.create(group=to, meeting=meeting, user=person)
    bump_version(meeting=meeting)


@transaction.atomic
def group_notes_save(
    *, group: BreakoutGroup, user: User, revision: int, text: str
) -> BreakoutGroup:
    """Save the group's notes ("Gruppens planche"), if no member has saved them since
    `revision` (else StaleNotes with the notes as they are)."""
    limits.check_lengths([(text, NOTES_LENGTH)], refused=ActionRefused)
    _refuse_cpr(text)
    group = (
        BreakoutGroup.objects.select_for_update(of=("self",))
        .select_related("edited_by", "meeting")
        .get(pk=group.pk)
    )
    if group.revision != revision:
        raise StaleNotes(
            _(
                "%(name)s har gemt gruppens planche, efter du begyndte at skrive. Din tekst er "
                "ikke gemt. Sammenlign med planchen, som den er nu, ret din tekst til, og gem "
                "igen."
            )
            % {"name": group.edited_by.display_name if group.edited_by else _("En anden")},
            current=group,
        )
    group.notes = text
    group.revision += 1
    group.edited_by = user
    group.notes_updated_at = timezone.now()
    group.save(update_fields=["notes", "revision", "edited_by", "notes_updated_at"])
    bump_version(meeting=group.meeting)
    return group
