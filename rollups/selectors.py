"""Reads for rollups: who sees which rollup, a rollup with everything on its page in a fixed
number of queries, and the start page's reminder that a rollup is due."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TypedDict

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django_stubs_ext import WithAnnotations

from core.dates import start_of_day
from learnings.models import LearningPoint
from rollups.models import FollowUpAction, Rollup, RollupComment, RollupItem
from teams.models import LEADING_ROLES, Membership, Role, Team, User

# "More than two months" since the last rollup.
ROLLUP_DUE_DAYS = 61


def rollups_visible_to(*, user: User) -> QuerySet[Rollup]:
    """The own teams' rollups; for leaders also the other teams' of their organisations; for
    department leaders all of their organisations'. Mirrors rules.can_read_rollup."""
    if not user.is_authenticated:
        return Rollup.objects.none()
    own_teams = Membership.objects.filter(user=user).values("team_id")
    led_organisations = Membership.objects.filter(user=user, role=Role.LEADER).values(
        "team__organisation_id"
    )
    department_organisations = user.led_organisations.values("pk")
    return (
        Rollup.objects.filter(
            Q(team_id__in=own_teams)
            | Q(team__organisation_id__in=department_organisations)
            | (Q(team__organisation_id__in=led_organisations) & Q(shared_at__isnull=False))
        )
        .select_related("team__organisation", "created_by")
        .annotate(
            item_count=Count("items", distinct=True),
            undecided_count=Count("items", filter=Q(items__decision=""), distinct=True),
            point_count=Count("items__learning_points", distinct=True),
        )
        .order_by("team__name", "-period_end", "-id")
    )


class RollupItemLists(TypedDict):
    """What rollup_items prefetches onto each item."""

    points: list[LearningPoint]
    action_list: list[FollowUpAction]


@dataclass
class RollupDetail:
    rollup: Rollup
    items: list[WithAnnotations[RollupItem, RollupItemLists]] = field(default_factory=list)
    comments: list[RollupComment] = field(default_factory=list)

    @property
    def point_count(self) -> int:
        return sum(len(item.points) for item in self.items)

    @property
    def undecided(self) -> list[WithAnnotations[RollupItem, RollupItemLists]]:
        return [item for item in self.items if not item.decision]


def rollup_items(
    *, rollup: Rollup, item_ids: list[int] | None = None
) -> list[WithAnnotations[RollupItem, RollupItemLists]]:
    """The items with their points (case title and meeting) and follow-up actions: three
    queries, however many items and points."""
    items = (
        RollupItem.objects.filter(rollup=rollup)
        .select_related("theme", "decided_by")
        .prefetch_related(
            Prefetch(
                "learning_points",
                queryset=LearningPoint.objects.select_related(
                    "agenda_item", "meeting", "author"
                ).order_by("created_at", "id"),
                to_attr="points",
            ),
            Prefetch(
                "actions",
                queryset=FollowUpAction.objects.select_related("owner").order_by("id"),
                to_attr="action_list",
            ),
        )
        .order_by("position", "id")
    )
    if item_ids is not None:
        items = items.filter(pk__in=item_ids)
    return list(items)


def item_or_404(*, rollup: Rollup, pk: int) -> RollupItem:
    return get_object_or_404(RollupItem.objects, rollup=rollup, pk=pk)


def points_waiting(*, team: Team) -> int:
    """How many of the team's learning points no rollup has gathered yet."""
    return LearningPoint.objects.filter(team=team, rollup_items__isnull=True).count()


def last_rollup(*, team: Team) -> Rollup | None:
    return Rollup.objects.filter(team=team).order_by("-period_end").first()


def rollup_detail(*, rollup: Rollup) -> RollupDetail:
    """Everything on a rollup's page, in a bounded number of queries."""
    return RollupDetail(
        rollup=rollup,
        items=rollup_items(rollup=rollup),
        comments=list(
            RollupComment.objects.filter(rollup=rollup)
            .select_related("author")
            .order_by("created_at", "id")
        ),
    )


def is_rollup_due(*, last_period_end: date | None, has_old_points: bool, today: date) -> bool:
    """The rule: a team should hold a rollup when more than two months (61 days) have passed
    since its last rollup's period ended, or, without any rollup, when it has learning points
    older than two months."""
    if last_period_end is not None:
        return (today - last_period_end).days > ROLLUP_DUE_DAYS
    return has_old_points


class RollupStatus(TypedDict):
    last_rollup_end: date | None
    has_old_points: bool


def with_rollup_status(
    teams: QuerySet[Team], *, today: date
) -> QuerySet[WithAnnotations[Team, RollupStatus]]:
    """The teams with `last_rollup_end` and `has_old_points`, for rollup_due without a query
    per team."""
    cutoff = start_of_day(today - timedelta(days=ROLLUP_DUE_DAYS))
    return teams.annotate(
        last_rollup_end=Subquery(
            Rollup.objects.filter(team=OuterRef("pk"))
            .order_by("-period_end")
            .values("period_end")[:1]
        ),
        has_old_points=Exists(
            LearningPoint.objects.filter(team=OuterRef("pk"), created_at__lt=cutoff)
        ),
    )


@dataclass(frozen=True)
class RollupReminder:
    team: Team
    # The end of the last rollup's period; None when the team has never had a rollup.
    last_period_end: date | None


def teams_with_rollup_due(
    *,
    user: User,
    today: date | None = None,
    teams: list[WithAnnotations[Team, RollupStatus]] | None = None,
) -> list[RollupReminder]:
    """The teams the person leads (or coordinates) whose next rollup is due.

    The start page passes the teams it has already loaded (teams_for_overview's, annotated by
    with_rollup_status), so the reminder costs no query of its own.
    """
    if not user.is_authenticated:
        return []
    today = today or timezone.localdate()
    if teams is None:
        teams = list(with_rollup_status(Team.objects.led_by(user), today=today))
    else:
        teams = [
            team
            for team in teams
            if any(
                membership.role in LEADING_ROLES
                # teams_for_overview's prefetch: the type after with_rollup_status has lost it.
                for membership in team.own_memberships  # type: ignore[attr-defined]
            )
        ]
    return [
        RollupReminder(team=team, last_period_end=team.last_rollup_end)
        for team in teams
        if is_rollup_due(
            last_period_end=team.last_rollup_end, has_old_points=team.has_old_points, today=today
        )
    ]
