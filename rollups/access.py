"""Who may start, decide, read and comment on a team's rollups, and update its follow-ups."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.core.validators import slug_unicode_re
from django.http import Http404
from django.shortcuts import get_object_or_404

from rollups.models import FollowUpAction, Rollup
from teams.access import AnyUser, can_lead_team, can_view_team, is_member
from teams.models import Membership, Role, Team


def can_manage_rollups(user: AnyUser, team: Team) -> bool:
    """The team's leader and coordinator start rollups, decide them and finish them."""
    return can_lead_team(user, team)


def can_read_team_rollups(user: AnyUser, team: Team) -> bool:
    """The team itself, the leaders of the organisation's other teams, its department leaders
    (rollups_visible_to in selectors lists the same rollups)."""
    return can_view_team(user, team) or _leads_in_organisation(user, team)


def can_read_rollup(user: AnyUser, rollup: Rollup) -> bool:
    """The team itself and its department leaders; the leaders of the organisation's other
    teams once the rollup is shared (finished, or shared by the leader)."""
    if can_view_team(user, rollup.team):
        return True
    return rollup.is_shared and _leads_in_organisation(user, rollup.team)


def _leads_in_organisation(user: AnyUser, team: Team) -> bool:
    return (
        user.is_authenticated
        and Membership.objects.filter(
            user=user, role=Role.LEADER, team__organisation_id=team.organisation_id
        ).exists()
    )


def can_share_rollup(user: AnyUser, rollup: Rollup) -> bool:
    """The team's leader and coordinator share a rollup before it is finished."""
    return not rollup.is_shared and can_manage_rollups(user, rollup.team)


def rollup_team_or_404(user: AnyUser, slug: str) -> Team:
    """The team with that slug if the user reads its rollups (can_read_team_rollups), else 404:
    the rollup list narrowed to one team. The slug comes from the query string, so what no
    slug can be (a NUL byte, which PostgreSQL refuses to compare) is no team either."""
    if not slug_unicode_re.fullmatch(slug):
        raise Http404
    team = get_object_or_404(Team.objects.select_related("organisation"), slug=slug)
    if not can_read_team_rollups(user, team):
        raise Http404
    return team


def can_comment_rollup(user: AnyUser, rollup: Rollup) -> bool:
    """Leaders of other teams and department leaders comment; the team discusses in person."""
    if is_member(user, rollup.team):
        return can_lead_team(user, rollup.team)
    return can_read_rollup(user, rollup)


def rollup_or_404(user: AnyUser, pk: int) -> Rollup:
    """A rollup the user may read (can_read_rollup), else 404."""
    rollup = get_object_or_404(
        Rollup.objects.select_related("team__organisation", "created_by"), pk=pk
    )
    if not can_read_rollup(user, rollup):
        raise Http404
    return rollup


def can_update_action(user: AnyUser, action: FollowUpAction) -> bool:
    """The owner marks their own action done; leader and coordinator manage all of the team's."""
    return action.owner_id == user.pk or can_lead_team(user, action.team)


def can_agree_actions(user: AnyUser, team: Team) -> bool:
    """The team's leader and coordinator write follow-ups by hand."""
    return can_lead_team(user, team)


def action_or_404(user: AnyUser, pk: int) -> FollowUpAction:
    """An action of one of the user's teams that they may update: else 404 (another team's)
    or 403 (their team's, someone else's action)."""
    action = get_object_or_404(
        FollowUpAction.objects.filter(team__in=Team.objects.visible_to(user)).select_related(
            "team"
        ),
        pk=pk,
    )
    if not can_update_action(user, action):
        raise PermissionDenied
    return action
