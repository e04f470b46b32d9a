"""Who may see and lead a team: the role helpers every app's access rules are built on.

Objects outside the user's teams are answered with 404 by the views, so that their existence
does not leak; the `can_*` rules only say yes or no.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from teams.models import LEADING_ROLES, Membership, Organisation, Role, Team, User

AnyUser = User | AnonymousUser


# Several access rules of one page ask for the same role (a case page: view, lead, edit); the
# user the request loads remembers the answers by team id. Only that user does (the middleware
# sets the memo): a user object a test or a command keeps across changes of membership never
# answers from a stale memo. A service that changes memberships clears its actor's memo.
ROLE_MEMO = "_roles_by_team"


def remember_roles(user: AnyUser) -> None:
    """Let this (request-loaded) user remember its role per team for the rest of the request."""
    if user.is_authenticated:
        setattr(user, ROLE_MEMO, {})


def note_roles(user: AnyUser, roles: dict[int, str | None]) -> None:
    """Remember roles the page has read already (a list of teams with the user's own
    memberships), so that the access rules it asks next answer without a query each."""
    memo: dict[int, str | None] | None = getattr(user, ROLE_MEMO, None)
    if memo is not None:
        memo.update(roles)


def forget_roles(*users: AnyUser | None) -> None:
    """Drop the remembered roles after a change of memberships, so the same request reads anew."""
    for user in users:
        memo: dict[int, str | None] | None = getattr(user, ROLE_MEMO, None)
        if memo is not None:
            memo.clear()


def role_in_team(user: AnyUser, team: Team) -> str | None:
    """The user's role in the team, or None when not a member."""
    if not user.is_authenticated:
        return None
    memo: dict[int, str | None] | None = getattr(user, ROLE_MEMO, None)
    if memo is not None and team.pk in memo:
        return memo[team.pk]
    role: str | None = (
        Membership.objects.filter(user=user, team=team).values_list("role", flat=True).first()
    )
    if memo is not None:
        memo[team.pk] = role
    return role


def is_member(user: AnyUser, team: Team) -> bool:
    return role_in_team(user, team) is not None


def is_department_leader(user: AnyUser, team: Team) -> bool:
    if not user.is_authenticated:
        return False
    return team.organisation.department_leaders.filter(pk=user.pk).exists()


def can_view_team(user: AnyUser, team: Team) -> bool:
    """Members see their team; department leaders see every team of their organisation."""
    return is_member(user, team) or is_department_leader(user, team)


def can_lead_team(user: AnyUser, team: Team) -> bool:
    """Team leaders and coordinators plan meetings, select cases and run meetings."""
    return role_in_team(user, team) in LEADING_ROLES


def led_team_ids(user: AnyUser) -> set[int]:
    """The ids of the teams the user leads or coordinates (can_lead_team for each), in one
    query: for a page of several teams' objects."""
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, role__in=LEADING_ROLES).values_list(
            "team_id", flat=True
        )
    )


def visible_team_or_404(user: AnyUser, slug: str) -> Team:
    """The team with that slug if the user may view it (can_view_team), else 404."""
    return get_object_or_404(
        Team.objects.visible_to(user).select_related("organisation"), slug=slug
    )


# Running a team without the admin site


def can_manage_team(user: AnyUser, team: Team) -> bool:
    """The team's leader and coordinator manage it ("Team"); so do the department leaders of
    its organisation, who create teams and name their leaders, and the site administrator."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or can_lead_team(user, team):
        return True
    return is_department_leader(user, team)


def may_name_leaders(user: AnyUser, team: Team) -> bool:
    """Who may make someone the team's leader or remove one: the leader, the department
    leader and the site administrator; not the coordinator."""
    if not user.is_authenticated:
        return False
    if user.is_superuser or role_in_team(user, team) == Role.LEADER:
        return True
    return is_department_leader(user, team)


def team_or_404(user: AnyUser, slug: str) -> Team:
    """The team if the user may view it, or any team for the site administrator; else 404."""
    teams = Team.objects.all() if user.is_superuser else Team.objects.visible_to(user)
    return get_object_or_404(teams.select_related("organisation"), slug=slug)


def organisations_to_manage(user: AnyUser) -> QuerySet[Organisation]:
    """The organisations whose teams the user creates: the ones they lead, all for the site
    administrator."""
    if not user.is_authenticated:
        return Organisation.objects.none()
    if user.is_superuser:
        return Organisation.objects.order_by("name")
    return Organisation.objects.filter(department_leaders=user).order_by("name")


# Data protection: the audit log and erasure


def can_read_audit_log(user: AnyUser) -> bool:
    """The site administrator reads the whole audit log; a department leader the entries of
    the organisations they lead."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or Organisation.objects.filter(department_leaders=user).exists()


def can_erase_person(user: AnyUser) -> bool:
    """Only the site administrator erases a person (GDPR art. 17)."""
    return user.is_authenticated and user.is_superuser
