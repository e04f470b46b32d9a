"""Writes for meeting series: creating, changing and ending a series, and keeping its next
meetings planned PLAN_AHEAD ahead (on creating and changing it, and by the daily
`manage.py plan_series_meetings`).

A change reaches the series' meetings not yet held (planned, in the future) that nobody has
changed by hand; a meeting changed by hand (Meeting.series_changed, set by
meetings.services.meeting_update) is kept as it was changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import limits
from core.privacy import validate_no_cpr
from meetings import live
from meetings.models import Format, Meeting, MeetingQuerySet, MeetingStatus
from meetings.series import dates
from meetings.series.models import Series, SeriesParticipant
from meetings.series.tasks import send_series_invitation
from meetings.services import (
    ActionRefused,
    _set_participants,
    meeting_plan,
    meeting_rebuild_running_order,
)
from teams.models import Team, User


@dataclass(frozen=True)
class SeriesFields:
    """What the leader sets on a series (meetings.series.forms.SeriesForm)."""

    format: Format
    title: str
    place: str
    rhythm: str
    weekday: int
    at: time
    starts_on: date
    facilitator: User
    stand_in: User | None
    participants: Sequence[User]


@dataclass(frozen=True)
class Ending:
    deleted: int
    kept: int


def _check(team: Team, fields: SeriesFields) -> None:
    """The form's rules again, for callers without it."""
    limits.check_lengths(
        [(fields.title, limits.TITLE), (fields.place, limits.TITLE)], refused=ActionRefused
    )
    try:
        validate_no_cpr(fields.title)
        validate_no_cpr(fields.place)
    except ValidationError as error:
        raise ActionRefused(" ".join(error.messages)) from None
    if not fields.title.strip():
        raise ActionRefused(_("Giv serien en titel."))
    if fields.stand_in is not None and fields.stand_in == fields.facilitator:
        raise ActionRefused(_("Stedfortræderen skal være en anden end mødelederen."))
    if fields.format.team_id not in (None, team.pk):
        raise ActionRefused(_("Vælg et af teamets mødeformater."))


def _assign(series: Series, fields: SeriesFields) -> None:
    series.format = fields.format
    series.title = " ".join(fields.title.split())
    series.place = " ".join(fields.place.split())
    series.rhythm = fields.rhythm
    series.weekday = fields.weekday
    series.at = fields.at
    series.starts_on = fields.starts_on
    series.facilitator = fields.facilitator
    series.stand_in = fields.stand_in


@transaction.atomic
def series_create(*, team: Team, fields: SeriesFields, now: datetime | None = None) -> Series:
    """Create a series, plan its meetings PLAN_AHEAD ahead and, once committed, mail its
    participants an invitation with the series' calendar file."""
    _check(team, fields)
    series = Series(team=team)
    _assign(series, fields)
    series.save()
    _set_series_participants(series, fields.participants)
    series_top_up(series=series, now=now)
    series_id = series.pk
    transaction.on_commit(lambda: send_series_invitation.enqueue(series_id=series_id))
    return series


@transaction.atomic
def series_update(*, series: Series, fields: SeriesFields, now: datetime | None = None) -> int:
    """Change a series and, with it, its meetings not yet held that were not changed by hand:
    each moves to the series' dates in turn (the first such meeting to the first date, and so
    on, so cases already chosen stay with their meeting), takes its title, place, format,
    facilitator, stand-in and participants; a meeting left over without cases is deleted, one
    with cases is kept as it is. Returns how many meetings changed."""
    series = Series.objects.select_for_update().get(pk=series.pk)
    if not series.is_active:
        raise ActionRefused(_("En afsluttet serie kan ikke ændres."))
    _check(series.team, fields)
    _assign(series, fields)
    series.save()
    _set_series_participants(series, fields.participants)
    now = now or timezone.now()
    following = list(_not_held(series, now).filter(series_changed=False).select_related("format"))
    kept_dates = set(
        Meeting.objects.filter(series=series)
        .exclude(pk__in=[meeting.pk for meeting in following])
        .values_list("series_date", flat=True)
    )
    free = [day for day in _dates_ahead(series, now) if day not in kept_dates]
    # The dates are handed round anew: clear them first, so that no two meetings hold the
    # same date for a moment (the unique constraint is checked row by row).
    Meeting.objects.filter(pk__in=[meeting.pk for meeting in following]).update(series_date=None)
    participants = list(fields.participants)
    changed = 0
    for meeting, day in zip(following, free, strict=False):
        _follow_series(meeting, series, day, participants)
        changed += 1
    for meeting in following[len(free) :]:
        if meeting.agenda_items.exists():
            # Cases are chosen for it: it stays, now a meeting of its own.
            Meeting.objects.filter(pk=meeting.pk).update(series_changed=True)
        else:
            meeting.delete()
        changed += 1
    return changed + series_top_up(series=series, now=now)


def _set_series_participants(series: Series, participants: Sequence[User]) -> None:
    SeriesParticipant.objects.filter(series=series).delete()
    SeriesParticipant.objects.bulk_create(
        SeriesParticipant(series=series, user=user, position=index)
        for index, user in enumerate(dict.fromkeys(participants))
    )


def _follow_series(meeting: Meeting, series: Series, day: date, participants: list[User]) -> None:
    meeting.series_date = day
    meeting.starts_at = dates.local_start(day, series.at, _zone())
    meeting.title = series.title
    meeting.place = series.place
    meeting.facilitator = series.facilitator
    meeting.co_facilitator = series.stand_in
    if meeting.format_id != series.format_id:
        meeting.format = series.format
        meeting.phases = [phase.snapshot() for phase in series.format.phases.all()]
    meeting.version += 1
    meeting.save()
    live.announce(meeting_id=meeting.pk, version=meeting.version)
    _set_participants(meeting, participants)
    meeting_rebuild_running_order(meeting=meeting)


@transaction.atomic
def series_end(*, series: Series, now: datetime | None = None) -> Ending:
    """End a series: no more meetings are planned from it; its meetings not yet held are
    deleted, except those with cases chosen (or other agenda items), which are kept."""
    series = Series.objects.select_for_update().get(pk=series.pk)
    if not series.is_active:
        raise ActionRefused(_("Serien er allerede afsluttet."))
    now = now or timezone.now()
    series.ended_at = now
    series.save(update_fields=["ended_at"])
    ahead = _not_held(series, now)
    empty = list(ahead.filter(agenda_items__isnull=True).values_list("pk", flat=True))
    kept = ahead.exclude(pk__in=empty).count()
    Meeting.objects.filter(pk__in=empty).delete()
    return Ending(deleted=len(empty), kept=kept)


@transaction.atomic
def series_top_up(*, series: Series, now: datetime | None = None) -> int:
    """Plan the series' meetings for its dates in the next PLAN_AHEAD that have none yet
    (idempotent: a date is planned once, even if its meeting has been moved by hand, and a
    date whose meeting was cancelled stays free). Returns
    how many were planned. The series' row is locked: two top-ups at once plan a date once."""
    series = (
        Series.objects.select_for_update(of=("self",))
        .select_related("team", "format", "facilitator", "stand_in")
        .get(pk=series.pk)
    )
    if not series.is_active:
        return 0
    now = now or timezone.now()
    planned = set(Meeting.objects.filter(series=series).values_list("series_date", flat=True))
    planned |= set(series.cancellations.values_list("day", flat=True))
    missing = [day for day in _dates_ahead(series, now) if day not in planned]
    if not missing:
        return 0
    participants = list(series.participants.order_by("seriesparticipant__position"))
    for day in missing:
        meeting = meeting_plan(
            team=series.team,
            format=series.format,
            title=series.title,
            starts_at=dates.local_start(day, series.at, _zone()),
            place=series.place,
            facilitator=series.facilitator,
            co_facilitator=series.stand_in,
            participants=participants,
            agenda_titles=[],
        )
        Meeting.objects.filter(pk=meeting.pk).update(series=series, series_date=day)
    return len(missing)


@transaction.atomic
def series_participant_withdraw(*, person: User, team: Team | None) -> int:
    """Someone who left the team (or, team None, was erased) is no longer a participant or
    the stand-in of its series, so that the meetings planned from now on leave them out (the
    meetings already planned let them go through meetings.services.participant_withdraw).
    Returns how many series changed."""
    series = Series.objects.all() if team is None else Series.objects.filter(team=team)
    as_participant = set(
        SeriesParticipant.objects.filter(series__in=series, user=person).values_list(
            "series_id", flat=True
        )
    )
    SeriesParticipant.objects.filter(series__in=series, user=person).delete()
    as_stand_in = set(series.filter(stand_in=person).values_list("pk", flat=True))
    Series.objects.filter(pk__in=as_stand_in).update(stand_in=None)
    return len(as_participant | as_stand_in)


def series_top_up_all(*, now: datetime | None = None) -> int:
    """The daily job: every active series topped up. Returns how many meetings were planned."""
    return sum(
        series_top_up(series=series, now=now) for series in Series.objects.active().only("pk")
    )


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _dates_ahead(series: Series, now: datetime) -> list[date]:
    """The series' dates whose meeting starts after now, up to PLAN_AHEAD ahead."""
    today = timezone.localtime(now).date()
    days = dates.occurrences(
        rhythm=series.rhythm,
        weekday=series.weekday,
        starts_on=series.starts_on,
        start=today,
        end=today + dates.PLAN_AHEAD,
    )
    return [day for day in days if dates.local_start(day, series.at, _zone()) > now]


def _not_held(series: Series, now: datetime) -> MeetingQuerySet:
    return Meeting.objects.filter(
        series=series, status=MeetingStatus.PLANNED, starts_at__gt=now
    ).order_by("starts_at", "pk")
