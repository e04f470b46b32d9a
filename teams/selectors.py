from django.db.models import Prefetch, QuerySet

from teams.models import Membership, Team, User


def teams_for_overview(*, user: User) -> QuerySet[Team]:
    """The teams on a person's start page, each with the person's own membership attached."""
    return (
        Team.objects.visible_to(user)
        .select_related("organisation")
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.filter(user=user),
                to_attr="own_memberships",
            )
        )
        .order_by("name")
    )


def team_members(*, team: Team) -> QuerySet[Membership]:
    return team.memberships.select_related("user").order_by("role", "user__first_name")
