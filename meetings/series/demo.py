"""Demo data for `make run`: Team Syd's systematic learning meeting as a fortnightly series,
with the leader as its fixed facilitator and the coordinator as stand-in."""

from __future__ import annotations

from datetime import time, timedelta

from django.utils import timezone

from meetings.models import Format
from meetings.series import dates, services
from meetings.series.models import Series, Weekday
from teams.demo import DemoTeams

TITLE = "Læringsmøde"


def load_series(teams: DemoTeams) -> Series | None:
    """Created once (None when it exists); it starts the week after next, so the meetings of
    the coming days stay the ones the rest of the demo prepares."""
    if Series.objects.filter(team=teams.syd, title=TITLE).exists():
        return None
    users = teams.users
    members = [membership.user for membership in teams.syd.memberships.order_by("id")]
    return services.series_create(
        team=teams.syd,
        fields=services.SeriesFields(
            format=Format.objects.builtin().get(key="systematisk-laeringsmoede"),
            title=TITLE,
            place="Mødelokale 2 (stående)",
            rhythm=dates.FORTNIGHTLY,
            weekday=Weekday.THURSDAY,
            at=time(14, 30),
            starts_on=timezone.localdate() + timedelta(weeks=2),
            facilitator=users["leder"],
            stand_in=users["koordinator"],
            participants=members,
        ),
    )
