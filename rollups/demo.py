"""Demo rollups for `make run`: Team Syd's finished rollup of most of last year's learning
points, with its decisions and a follow-up action, so the next rollup is due. All invented."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from learnings.models import Decision
from meetings.demo import DemoMeetings
from rollups.models import Rollup
from rollups.services import rollup_decide, rollup_finish, rollup_start
from teams.demo import DemoTeams


@transaction.atomic
def load_rollups(teams: DemoTeams, meetings: DemoMeetings) -> None:
    users = teams.users
    if not meetings.past or Rollup.objects.filter(team=teams.syd).exists():
        return
    today = timezone.localdate()
    first = min(meeting.starts_at for meeting in meetings.past)
    rollup = rollup_start(
        team=teams.syd,
        user=users["leder"],
        period_start=timezone.localtime(first).date(),
        period_end=today - timedelta(days=75),
    )
    for position, item in enumerate(rollup.items.order_by("position", "id")):
        if position == 0:
            rollup_decide(
                item=item,
                user=users["leder"],
                decision=Decision.CHANGE,
                justification="Vi laver en fælles huskeliste og tager den med i den næste "
                "opdatering af handlingsanvisningen.",
                action_title=f"Huskeliste: {item.title}",
                action_owner=users["koordinator"],
                action_due=today - timedelta(days=10),
            )
        else:
            decision = Decision.NO_CHANGE if position % 2 else Decision.PARKED
            rollup_decide(
                item=item,
                user=users["leder"],
                decision=decision,
                justification="Praksis er allerede på plads."
                if decision == Decision.NO_CHANGE
                else "Vi venter på de nye regler og tager det op igen.",
            )
    rollup_finish(rollup=rollup)
