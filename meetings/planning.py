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
    slot = rhythm.next_slot(
        [timezone.localtime(row["starts_at"]) for row in past], taken=taken, now=now
    )
    return PlanDefaults(
        starts_at=slot or rhythm.next_working_day(now),
        place=next((row["place"] for row in past if row["place"]), ""),
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
    meeting: Meeting | None = None,
) -> PlanPreview:
    """The running order a meeting planned (or changed: `meeting`) so would get, as
    meetings.services.meeting_rebuild_running_order builds it: the opening review of open
    items, when there are any, then the phases for `cases` cases."""
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
    )
