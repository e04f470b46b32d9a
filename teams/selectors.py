"""Reads for teams: a person's teams for the start page, a team's members."""

from __future__ import annotations

from typing import Any

from django.db.models import F, Prefetch, Q, QuerySet

from teams.access import AnyUser
from teams.models import Membership, Organisation, Team, User


def teams_for_overview(*, user: User) -> QuerySet[Team]:
    """The teams on a person's start page, each with the person's own membership attached."""
    return (
        Team.objects.visible_to(user)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(user_id=user.pk),
                to_attr="own_memberships",
            )
        )
        .order_by("name")
    )


def first_team(*, user: AnyUser) -> Team | None:
    """The user's first team by name; for a department leader in no team, the first team of
    their organisations."""
    team = Team.objects.member_of(user).order_by("name", "pk").first()
    return team or Team.objects.visible_to(user).order_by("name", "pk").first()


def led_teams(*, user: AnyUser) -> list[Team]:
    """The teams the user leads or coordinates, with their organisation, by name."""
    return list(Team.objects.led_by(user).select_related("organisation"))


def team_members(*, team: Team) -> QuerySet[Membership]:
    return team.memberships.select_related("user").order_by("role", "user__first_name")


def member_choices(teams: list[Team]) -> list[Any]:
    """Choices of a person in the teams, in one query: one team's members, or the members
    grouped by team."""
    people: dict[int, list[tuple[int, str]]] = {team.pk: [] for team in teams}
    users = (
        User.objects.filter(memberships__team__in=teams)
        .annotate(team_pk=F("memberships__team_id"))
        .order_by("first_name", "last_name", "username")
    )
    for user in users:
        people[user.team_pk].append((user.pk, str(user)))
    if len(teams) == 1:
        return people[teams[0].pk]
    return [(team.name, people[team.pk]) for team in teams]


def people_of(*, organisations: QuerySet[Organisation]) -> QuerySet[User]:
    """The active people of the organisations: members of their teams, their department
    leaders and the people placed in them without a team yet, by name."""
    return (
        User.objects.filter(is_active=True)
        .filter(
            Q(memberships__team__organisation__in=organisations)
            | Q(led_organisations__in=organisations)
            | Q(organisation__in=organisations)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


def addable_people(*, team: Team) -> QuerySet[User]:
    """Who the team's page offers to add: the organisation's people not already in the team."""
    return people_of(organisations=Organisation.objects.filter(pk=team.organisation_id)).exclude(
        memberships__team=team
    )
