"""Reads for planning a meeting: the defaults that fit the team, the formats to choose from
(each with what it is for, how long it lasts, its phases, who leads and where it comes from),
and the timetable of the meeting before it exists.

A module of its own beside meetings.selectors because the timetable asks meetings.hooks (the
opening review), and the hooks module imports the selectors.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import F, Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from meetings import hooks, rhythm, running_order
from meetings.builtin_formats import BUILTIN_FORMATS
from meetings.models import Format, FormatPhase, Meeting
from teams.models import Team


@dataclass(frozen=True)
class PlanDefaults:
    """What the planner starts from: the next free slot in the team's rhythm, the place and
    the format of its last meeting."""

    starts_at: datetime
    place: str
    format_id: int | None


def plan_defaults(*, team: Team, now: datetime | None = None) -> PlanDefaults:
    """In two queries, whatever the team's history."""
    now = timezone.localtime(now)
    past = list(
        Meeting.objects.filter(team=team, starts_at__lt=now)
        .order_by("-starts_at", "-pk")
        .values("starts_at", "place", "format_id")[: rhythm.RECENT]
    )
    start_of_today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    taken = {
        timezone.localtime(starts_at).date()
        for starts_at in Meeting.objects.filter(
            team=team,
            starts_at__gte=start_of_today,
            starts_at__lt=start_of_today + timedelta(weeks=rhythm.HORIZON_WEEKS),
        ).values_list("starts_at", flat=True)
    }
    past_starts = [timezone.localtime(row["starts_at"]) for row in past]
    at = team.meeting_time or rhythm.DEFAULT_TIME
    if team.meeting_weekday is not None:
        # The team's own meeting defaults (the team page) come before its history.
        slot = rhythm.next_on_weekday(
            team.meeting_weekday,
            at,
            weeks=team.meeting_weeks_between,
            last=next(
                (when.date() for when in past_starts if when.weekday() == team.meeting_weekday),
                None,
            ),
            taken=taken,
            now=now,
        )
    else:
        slot = rhythm.next_slot(past_starts, taken=taken, now=now)
    return PlanDefaults(
        starts_at=slot or rhythm.next_working_day(now, at),
        place=team.meeting_place or next((row["place"] for row in past if row["place"]), ""),
        format_id=past[0]["format_id"] if past else None,
    )


@dataclass(frozen=True)
class PhaseLine:
    name: str
    minutes: int | None
    minutes_per_person: float | None
    per_case: bool


@dataclass(frozen=True)
class FormatChoice:
    """A format as the picker shows it."""

    format: Format
    phases: list[PhaseLine]
    length: running_order.FormatLength
    participant_count: int

    @property
    def source(self) -> str:
        """The method it comes from; a team's copy names its original's."""
        copied = self.format.copied_from
        return self.format.source or (copied.source if copied is not None else "")

    @property
    def all_per_case(self) -> bool:
        """Every phase is run for each case (the picker says so once)."""
        return bool(self.phases) and all(phase.per_case for phase in self.phases)

    @property
    def purpose(self) -> str:
        copied = self.format.copied_from
        return self.format.purpose or (copied.purpose if copied is not None else "")


def format_choices(*, team: Team, participant_count: int) -> list[FormatChoice]:
    """The formats the team can plan from, its own first (by name), then the built-in ones in
    the order of the methods (the weekly case formats first), each with its phases and length
    for `participant_count` people: two queries, however many."""
    formats = (
        Format.objects.available_to(team)
        .select_related("copied_from")
        .prefetch_related(
            Prefetch("phases", queryset=FormatPhase.objects.order_by("position", "pk"))
        )
        .order_by(F("team").desc(nulls_last=True), "name", "pk")
    )
    order = {data["key"]: index for index, data in enumerate(BUILTIN_FORMATS)}
    ordered = sorted(
        formats,
        key=lambda format: (
            format.is_builtin,
            order.get(format.key, len(order)) if format.is_builtin else 0,
        ),
    )
    return [_choice(format, participant_count) for format in ordered]


def _choice(format: Format, participant_count: int) -> FormatChoice:
    phases = list(format.phases.all())
    return FormatChoice(
        format=format,
        phases=[
            PhaseLine(
                name=phase.name,
                minutes=phase.minutes,
                minutes_per_person=(
                    float(phase.minutes_per_person) if phase.minutes_per_person else None
                ),
                per_case=phase.per_case and format.repeats_per_case,
            )
            for phase in phases
        ],
        length=running_order.format_length(
            [phase.snapshot() for phase in phases],
            repeats_per_case=format.repeats_per_case,
            participant_count=participant_count,
            max_minutes=format.meeting_minutes,
        ),
        participant_count=participant_count,
    )


@dataclass(frozen=True)
class PlanPreview:
    """The timetable a meeting being planned would get, and its length: the timetable's
    unless the planner gave one (`duration_minutes`), when the two may differ."""

    steps: list[running_order.PlannedStep]
    timetable_minutes: int
    duration_minutes: int | None
    limit_minutes: int | None = None

    @property
    def over_limit(self) -> str:
        """How far the timetable (the review step included) goes past the format's longest
        length, in words ("" within it)."""
        return over_limit_text(self.timetable_minutes, self.limit_minutes)

    @property
    def length_minutes(self) -> int:
        return self.duration_minutes or self.timetable_minutes

    @property
    def follows(self) -> bool:
        return not self.duration_minutes

    @property
    def differs(self) -> bool:
        return not self.follows and self.duration_minutes != self.timetable_minutes

    @property
    def total_seconds(self) -> int:
        return sum(step.planned_seconds for step in self.steps)


def plan_preview(
    *,
    team: Team,
    phases: list[dict[str, Any]],
    repeats_per_case: bool,
    starts_at: datetime | None,
    cases: int,
    participant_count: int,
    duration_minutes: int | None,
    limit_minutes: int | None = None,
    meeting: Meeting | None = None,
) -> PlanPreview:
    """The running order a meeting planned (or changed: `meeting`) so would get, as
    meetings.services.meeting_rebuild_running_order builds it: the opening review of open
    items, when there are any, then the phases for `cases` cases. `limit_minutes` is the
    format's longest length, which the timetable is checked against."""
    planned = running_order.build(
        phases, cases, repeats_per_case=repeats_per_case, participant_count=participant_count
    )
    # A meeting being changed is asked as it would be; for one being planned an unsaved
    # meeting stands in: the hooks count the open items from before it, none of them its own.
    asked = Meeting(
        pk=meeting.pk if meeting else 0, team=team, starts_at=starts_at or timezone.now()
    )
    review = running_order.review_step(
        sum(count(asked) for count in hooks.review_items),
        name=_("Opfølgning på åbne aftaler"),
        instruction="",
    )
    steps = [review, *planned] if review is not None else planned
    return PlanPreview(
        steps=steps,
        timetable_minutes=running_order.timetable_minutes(steps),
        duration_minutes=duration_minutes,
        limit_minutes=limit_minutes,
    )


def hours_and_minutes(minutes: int) -> str:
    """A length in words: "3 timer", "1 time og 30 min", "45 min"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": rest}
    in_hours = ngettext("%(hours)s time", "%(hours)s timer", hours) % {"hours": hours}
    if not rest:
        return in_hours
    return _("%(hours)s og %(minutes)s min") % {"hours": in_hours, "minutes": rest}


def over_limit_text(timetable_minutes: int | None, limit_minutes: int | None) -> str:
    """What the planner and the meeting's page say when the timetable is longer than the
    format allows: "Planen er 12 min over grænsen på 3 timer." ("" when it fits)."""
    if timetable_minutes is None or not limit_minutes or timetable_minutes <= limit_minutes:
        return ""
    return _("Planen er %(over)s over grænsen på %(limit)s.") % {
        "over": hours_and_minutes(timetable_minutes - limit_minutes),
        "limit": hours_and_minutes(limit_minutes),
    }
