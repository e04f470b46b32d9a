"""Writes of teams: creating a team, its members and settings, and ending a person's sessions.

Who may call them is the view's question (teams.access); the rules a write must keep whoever
makes it (a team keeps a leader, a coordinator never names leaders, the retention period stays
within the organisation's limits) are kept here, and refused with a Danish message.
"""

from __future__ import annotations

from datetime import time

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core import limits
from core.privacy import validate_no_cpr
from core.refusals import Refused
from teams import hooks, sessions
from teams.access import forget_roles, may_name_leaders
from teams.audit.services import audit_record
from teams.models import AuditAction, Membership, Organisation, Role, Team, User
from teams.personal_data.handing import team_words_hand_on
from teams.tasks import send_invitation

_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})


class TeamRefused(Refused):
    pass


def _unique_slug(name: str) -> str:
    base = slugify(name.translate(_DANISH_LETTERS))[:70] or "team"
    slug, number = base, 2
    while Team.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def team_create(*, organisation: Organisation, name: str) -> Team:
    name = " ".join(name.split())
    if not name:
        raise TeamRefused(_("Skriv teamets navn."))
    limits.check_lengths([(name, limits.TITLE)], refused=TeamRefused)
    if Team.objects.filter(organisation=organisation, name__iexact=name).exists():
        raise TeamRefused(_("Organisationen har allerede et team med det navn."))
    return Team.objects.create(organisation=organisation, name=name, slug=_unique_slug(name))


def _check_role_change(*, actor: User, team: Team, old: str | None, new: str | None) -> None:
    """A coordinator manages everyone but the leaders; the team keeps at least one leader."""
    touches_leader = Role.LEADER in {old, new}
    if touches_leader and not may_name_leaders(actor, team):
        raise TeamRefused(
            _("Kun teamlederen eller afdelingslederen kan udpege og fjerne teamledere.")
        )
    if old == Role.LEADER and new != Role.LEADER:
        leaders = Membership.objects.select_for_update().filter(team=team, role=Role.LEADER)
        if leaders.count() <= 1:
            raise TeamRefused(_("Teamet skal have mindst én teamleder."))


@transaction.atomic
def member_add(*, team: Team, user: User, role: str, title: str = "", actor: User) -> Membership:
    limits.check_lengths([(title, limits.PROFESSION)], refused=TeamRefused)
    _check_role_change(actor=actor, team=team, old=None, new=role)
    forget_roles(actor, user)
    try:
        with transaction.atomic():
            membership = Membership.objects.create(user=user, team=team, role=role, title=title)
    except IntegrityError:
        raise TeamRefused(_("Personen er allerede med i teamet.")) from None
    audit_record(
        actor=actor,
        action=AuditAction.MEMBER_ADDED,
        subject=user,
        team=team,
        detail={"role": role},
    )
    return membership


@transaction.atomic
def member_invite(
    *,
    team: Team,
    first_name: str,
    last_name: str,
    email: str,
    role: str,
    title: str = "",
    invited_by: User,
) -> Membership:
    """A new person with no password yet, in the team; the invitation mail (a link valid seven
    days to set a password) goes once the write is committed."""
    limits.check_lengths(
        [
            (first_name, limits.NAME),
            (last_name, limits.NAME),
            (email, limits.NAME),
            (title, limits.PROFESSION),
        ],
        refused=TeamRefused,
    )
    email = email.strip().lower()
    if (
        User.objects.filter(email__iexact=email).exists()
        or User.objects.filter(username__iexact=email).exists()
    ):
        raise TeamRefused(
            _(
                "Der findes allerede en bruger med den e-mailadresse. Tilføj personen fra "
                "organisationen, eller bed administratoren om hjælp."
            )
        )
    _check_role_change(actor=invited_by, team=team, old=None, new=role)
    user = User(
        username=email, email=email, first_name=first_name.strip(), last_name=last_name.strip()
    )
    user.set_unusable_password()
    user.save()
    membership = Membership.objects.create(user=user, team=team, role=role, title=title)
    audit_record(
        actor=invited_by,
        action=AuditAction.MEMBER_INVITED,
        subject=user,
        team=team,
        detail={"role": role},
    )
    _send_invitation_on_commit(user=user, team=team, invited_by=invited_by)
    return membership


def _send_invitation_on_commit(*, user: User, team: Team, invited_by: User) -> None:
    user_id, team_id, invited_by_id = user.pk, team.pk, invited_by.pk
    transaction.on_commit(
        lambda: send_invitation.enqueue(
            user_id=user_id, team_id=team_id, invited_by_id=invited_by_id
        )
    )


def is_invited(user: User) -> bool:
    """Invited and not yet come: no password set and never signed in."""
    return not user.has_usable_password() and user.last_login is None


@transaction.atomic
def invitation_resend(*, membership: Membership, invited_by: User) -> None:
    if not is_invited(membership.user):
        raise TeamRefused(_("Personen har allerede valgt en adgangskode."))
    _send_invitation_on_commit(user=membership.user, team=membership.team, invited_by=invited_by)


@transaction.atomic
def member_update(
    *, membership: Membership, role: str, title: str = "", actor: User
) -> Membership:
    limits.check_lengths([(title, limits.PROFESSION)], refused=TeamRefused)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    if membership.role != role:
        _check_role_change(actor=actor, team=membership.team, old=membership.role, new=role)
        audit_record(
            actor=actor,
            action=AuditAction.ROLE_CHANGED,
            subject=membership.user,
            team=membership.team,
            detail={"from_role": membership.role, "to_role": role},
        )
    membership.role = role
    membership.title = title
    membership.save(update_fields=["role", "title"])
    forget_roles(actor, membership.user)
    return membership


@transaction.atomic
def member_remove(*, membership: Membership, actor: User) -> None:
    """The person leaves the team; the account stays, and so does everything they wrote
    (learning points, cases, rollups, products): with their name, or handed on to "tidligere
    medarbejder" when the team shows its former members without name
    (Team.former_members_named). Meetings still to come no longer count them among the
    participants (hooks.person_left)."""
    membership = (
        Membership.objects.select_for_update().select_related("team").get(pk=membership.pk)
    )
    team = membership.team
    _check_role_change(actor=actor, team=team, old=membership.role, new=None)
    membership.delete()
    for withdraw in hooks.person_left:
        withdraw(person=membership.user, team=team)
    moved: dict[str, int] = {}
    if not team.former_members_named:
        moved = team_words_hand_on(person=membership.user, team=team)
    audit_record(
        actor=actor,
        action=AuditAction.MEMBER_REMOVED,
        subject=membership.user,
        team=team,
        detail={"role": membership.role, **({"moved": moved} if moved else {})},
    )
    forget_roles(actor, membership.user)


@transaction.atomic
def team_settings_update(
    *,
    team: Team,
    case_deadline_working_days: int,
    case_deadline_time: time,
    case_retention_days: int,
    former_members_named: bool,
) -> Team:
    organisation = team.organisation
    low, high = organisation.case_retention_min_days, organisation.case_retention_max_days
    if not low <= case_retention_days <= high:
        raise TeamRefused(
            _("Organisationen tillader mellem %(low)s og %(high)s dage.")
            % {"low": low, "high": high}
        )
    if case_deadline_working_days > 10:
        raise TeamRefused(_("Fristen kan højst ligge 10 arbejdsdage før mødet."))
    team.case_deadline_working_days = case_deadline_working_days
    team.case_deadline_time = case_deadline_time
    team.case_retention_days = case_retention_days
    team.former_members_named = former_members_named
    team.save(
        update_fields=[
            "case_deadline_working_days",
            "case_deadline_time",
            "case_retention_days",
            "former_members_named",
        ]
    )
    return team


@transaction.atomic
def team_meeting_defaults_update(
    *,
    team: Team,
    meeting_weekday: int | None,
    meeting_time: time | None,
    meeting_weeks_between: int,
    meeting_place: str,
) -> Team:
    """Where the planner starts the team's next meeting: its weekday, time, weeks between
    meetings and place (teams.forms.TeamMeetingDefaultsForm checks the ranges)."""
    if not 1 <= meeting_weeks_between <= 8:
        raise TeamRefused(_("Vælg mellem 1 og 8 uger."))
    try:
        validate_no_cpr(meeting_place)
    except ValidationError as error:
        raise TeamRefused(" ".join(error.messages)) from None
    team.meeting_weekday = meeting_weekday
    team.meeting_time = meeting_time
    team.meeting_weeks_between = meeting_weeks_between
    team.meeting_place = " ".join(meeting_place.split())
    team.save(
        update_fields=[
            "meeting_weekday",
            "meeting_time",
            "meeting_weeks_between",
            "meeting_place",
        ]
    )
    return team


# A person's account and sessions


@transaction.atomic
def user_deactivate(*, user: User, actor: User | None = None) -> None:
    """The person can no longer sign in, and every session of theirs ends now; the audit log
    keeps who did it."""
    User.objects.filter(pk=user.pk).update(is_active=False)
    user.is_active = False
    sessions.end_sessions(user_id=user.pk)
    audit_record(
        actor=actor,
        action=AuditAction.ACCOUNT_CHANGED,
        subject=user,
        organisation=user.organisation,
        detail={"is_active": False},
    )


@transaction.atomic
def password_changed(*, user: User, keep_session: str | None = None) -> int:
    """After a new password: every other session of the person ends (`keep_session`, the one
    they changed it in, stays). Returns how many ended."""
    return sessions.end_sessions(user_id=user.pk, keep=keep_session)


@transaction.atomic
def sessions_end(*, user: User, only: str | None = None, keep: str | None = None) -> int:
    """The person logs out of their sessions: all, one (`only`), or all but `keep`."""
    return sessions.end_sessions(user_id=user.pk, only=only, keep=keep)


@transaction.atomic
def team_create_with_leader(
    *,
    organisation: Organisation,
    name: str,
    leader: User | None,
    leader_first_name: str = "",
    leader_last_name: str = "",
    leader_email: str = "",
    actor: User,
) -> Team:
    """A new team and its leader: a person of the organisation, or a new one invited by email."""
    team = team_create(organisation=organisation, name=name)
    if leader is not None:
        Membership.objects.create(user=leader, team=team, role=Role.LEADER)
        forget_roles(actor, leader)
        audit_record(
            actor=actor,
            action=AuditAction.MEMBER_ADDED,
            subject=leader,
            team=team,
            detail={"role": Role.LEADER},
        )
    else:
        member_invite(
            team=team,
            first_name=leader_first_name,
            last_name=leader_last_name,
            email=leader_email,
            role=Role.LEADER,
            invited_by=actor,
        )
    return team
