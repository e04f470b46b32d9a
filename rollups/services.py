"""Writes for rollups ("opsamlinger"): gathering a period's learning points, the team's decision
on each group, finishing, and the comments of the organisation's other leaders.

A learning point's life: noted at a meeting, raised when a rollup gathers it, decided when the
team decides on its group (change practice, no change, parked), done when the follow-up action
created from a "change practice" decision is done (actions/services.py).
"""

from __future__ import annotations

import calendar
from collections.abc import Collection
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import limits
from core.dates import start_of_day
from core.refusals import Refused
from learnings.models import Decision, LearningPoint, PointStatus, Theme
from rollups import hooks
from rollups.models import ActionStatus, FollowUpAction, Rollup, RollupComment, RollupItem
from teams.access import is_member
from teams.models import Team, User

# A follow-up action from a "change practice" decision is due this many days later by default.
DEFAULT_ACTION_DAYS = 30
# The first rollup of a team looks this many months back.
DEFAULT_PERIOD_MONTHS = 2


class RollupRefused(Refused):
    """A rollup or follow-up action that cannot be written; the message says why, in Danish."""


def months_before(day: date, months: int) -> date:
    """The same day of the month `months` earlier, or the month's last day if it is shorter."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def default_period(*, team: Team, today: date | None = None) -> tuple[date, date]:
    """From the day after the last rollup's period (or two months back) until today."""
    today = today or timezone.localdate()
    last_end = (
        Rollup.objects.filter(team=team)
        .order_by("-period_end")
        .values_list("period_end", flat=True)
        .first()
    )
    if last_end is not None:
        return min(last_end + timedelta(days=1), today), today
    return months_before(today, DEFAULT_PERIOD_MONTHS), today


def _item_title(theme: Theme | None) -> str:
    if theme is None:
        return _("Uden tema")
    return theme.name[:1].upper() + theme.name[1:]


# Rollups


@transaction.atomic
def rollup_start(
    *,
    team: Team,
    user: User,
    period_start: date | None = None,
    period_end: date | None = None,
) -> Rollup:
    """Gather the team's learning points of the period that are in no rollup yet, grouped by
    theme: a point with several themes goes into the first alphabetically, a point without a
    theme into "Uden tema". The points are then raised."""
    # One rollup is started at a time per team: the second waits, then finds no points left.
    Team.objects.select_for_update().filter(pk=team.pk).first()
    default_start, default_end = default_period(team=team)
    period_start = period_start or default_start
    period_end = period_end or default_end
    if period_start > period_end:
        raise RollupRefused(_("Periodens start skal ligge før dens slutning."))
    points = list(
        LearningPoint.objects.filter(
            team=team,
            created_at__gte=start_of_day(period_start),
            created_at__lt=start_of_day(period_end + timedelta(days=1)),
            rollup_items__isnull=True,
        ).order_by("created_at", "id")
    )
    if not points:
        raise RollupRefused(
            _(
                "Der er ingen nye læringspunkter fra %(start)s til %(end)s. Vælg en anden "
                "periode, eller vent til teamet har noteret flere."
            )
            % {"start": f"{period_start:%d.%m.%Y}", "end": f"{period_end:%d.%m.%Y}"}
        )
    themes_of: dict[int, list[Theme]] = {}
    for link in LearningPoint.themes.through.objects.filter(
        learningpoint_id__in=[point.pk for point in points]
    ).select_related("theme"):
        themes_of.setdefault(link.learningpoint_id, []).append(link.theme)
    groups: dict[Theme | None, list[LearningPoint]] = {}
    for point in points:
        themes = sorted(themes_of.get(point.pk, []), key=lambda theme: theme.name.casefold())
        groups.setdefault(themes[0] if themes else None, []).append(point)
    ordered = sorted(
        groups.items(),
        key=lambda group: (group[0] is None, group[0].name.casefold() if group[0] else ""),
    )
    rollup = Rollup.objects.create(
        team=team, period_start=period_start, period_end=period_end, created_by=user
    )
    items = RollupItem.objects.bulk_create(
        RollupItem(rollup=rollup, position=position, theme=theme, title=_item_title(theme))
        for position, (theme, _points) in enumerate(ordered)
    )
    RollupItem.learning_points.through.objects.bulk_create(
        RollupItem.learning_points.through(rollupitem_id=item.pk, learningpoint_id=point.pk)
        for item, (_theme, group) in zip(items, ordered, strict=True)
        for point in group
    )
    LearningPoint.objects.filter(pk__in=[point.pk for point in points]).update(
        status=PointStatus.RAISED, updated_at=timezone.now()
    )
    return rollup


def _locked_item(item: RollupItem) -> RollupItem:
    # The rollup is locked with the item, so that finishing waits for a decision and back.
    locked = (
        RollupItem.objects.select_for_update(of=("self", "rollup"))
        .select_related("rollup__team")
        .filter(pk=item.pk)
        .first()
    )
    if locked is None:
        raise RollupRefused(_("Punktet findes ikke længere."))
    return locked


@transaction.atomic
def rollup_decide(
    *,
    item: RollupItem,
    user: User,
    decision: Decision | str,
    justification: str,
    action_title: str | None = None,
    action_owner: User | None = None,
    action_due: date | None = None,
    extras: Collection[str] = (),
) -> RollupItem:
    """Record the team's decision on an item and its justification; its points are decided.

    "Change practice" needs someone responsible and creates a follow-up action for the item (or
    updates its open one), and starts the `extras` chosen (hooks.change_extras, by name).
    Deciding otherwise later leaves an existing action as it is. The returned item's `notice`
    says what the leader should know.
    """
    item = _locked_item(item)
    rollup = item.rollup
    if rollup.is_finished:
        raise RollupRefused(_("Opsamlingen er afsluttet, og beslutningerne kan ikke ændres."))
    try:
        decision = Decision(decision)
    except ValueError:
        raise RollupRefused(_("Vælg en beslutning.")) from None
    justification = justification.strip()
    if not justification:
        raise RollupRefused(_("Skriv en kort begrundelse for beslutningen."))
    limits.check_lengths(
        [(justification, limits.SHORT_TEXT), (action_title, limits.ACTION)], refused=RollupRefused
    )
    open_action = item.actions.filter(status=ActionStatus.OPEN).order_by("id").first()
    notice = ""
    if decision == Decision.CHANGE:
        if action_owner is None:
            raise RollupRefused(_("Vælg en ansvarlig for opfølgningen, når praksis skal ændres."))
        if not is_member(action_owner, rollup.team):
            raise RollupRefused(_("Den ansvarlige skal være med i teamet."))
        title = (action_title or "").strip() or _("Ændre praksis: %(title)s") % {
            "title": item.title
        }
        due = action_due or timezone.localdate() + timedelta(days=DEFAULT_ACTION_DAYS)
        if open_action is None:
            FollowUpAction.objects.create(
                team=rollup.team,
                title=title[:300],
                owner=action_owner,
                due_date=due,
                rollup_item=item,
                meeting=rollup.meeting,
                created_by=user,
            )
        else:
            open_action.title = title[:300]
            open_action.owner = action_owner
            open_action.due_date = due
            open_action.save(update_fields=["title", "owner", "due_date"])
    elif item.decision == Decision.CHANGE and open_action is not None:
        notice = _(
            "Opfølgningen »%(title)s« fra den tidligere beslutning er ikke ændret. Markér den "
            "som udført under Opfølgninger, hvis den ikke længere skal laves."
        ) % {"title": open_action.title}
    item.decision = decision
    item.justification = justification
    item.decided_by = user
    item.decided_at = timezone.now()
    item.save(update_fields=["decision", "justification", "decided_by", "decided_at"])
    item.learning_points.update(
        status=PointStatus.DECIDED, decision=decision, updated_at=timezone.now()
    )
    notices = [notice]
    if decision == Decision.CHANGE:
        notices += [
            _start_extra(extra, item, user)
            for extra in hooks.change_extras
            if extra.name in extras
        ]
    item.notice = " ".join(filter(None, notices))
    return item


def _start_extra(extra: hooks.ChangeExtra, item: RollupItem, user: User) -> str:
    """Start an extra in a savepoint: if it is refused, the decision still stands."""
    try:
        with transaction.atomic():
            return extra.start(item, user)
    except Refused as refused:
        return str(refused)


@transaction.atomic
def rollup_finish(*, rollup: Rollup) -> Rollup:
    """Close the rollup once every item has its decision."""
    rollup = Rollup.objects.select_for_update().get(pk=rollup.pk)
    if rollup.is_finished:
        raise RollupRefused(_("Opsamlingen er allerede afsluttet."))
    missing = list(
        rollup.items.filter(decision="").order_by("position", "id").values_list("title", flat=True)
    )
    if missing:
        raise RollupRefused(
            _("Disse punkter mangler en beslutning: %(titles)s.") % {"titles": ", ".join(missing)}
        )
    rollup.finished_at = timezone.now()
    rollup.shared_at = rollup.shared_at or rollup.finished_at
    rollup.save(update_fields=["finished_at", "shared_at"])
    return rollup


@transaction.atomic
def rollup_share(*, rollup: Rollup) -> Rollup:
    """Share the rollup with the organisation's other leaders before it is finished."""
    rollup = Rollup.objects.select_for_update().get(pk=rollup.pk)
    if rollup.is_shared:
        raise RollupRefused(_("Opsamlingen er allerede delt med de andre teams."))
    rollup.shared_at = timezone.now()
    rollup.save(update_fields=["shared_at"])
    return rollup


@transaction.atomic
def rollup_comment(*, rollup: Rollup, user: User, text: str) -> RollupComment:
    text = text.strip()
    if not text:
        raise RollupRefused(_("Skriv en kommentar."))
    limits.check_lengths([(text, limits.MEDIUM_TEXT)], refused=RollupRefused)
    return RollupComment.objects.create(rollup=rollup, author=user, text=text)
