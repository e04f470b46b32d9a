"""The running order of a meeting, derived from its phases and its agenda. No I/O."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class PlannedStep:
    name: str
    kind: str
    planned_seconds: int
    seconds_per_person: int | None
    instruction: str
    prompts: list[str] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    agenda_index: int | None = None


def build(
    phases: Sequence[dict[str, Any]],
    agenda_count: int,
    *,
    repeats_per_case: bool,
    participant_count: int,
) -> list[PlannedStep]:
    """Phases in order; each contiguous block of case phases is repeated for every case on
    the agenda (or run once, without a case, when the format does not repeat them or the
    agenda is empty). A per-person round's time is one box for each participant."""
    steps: list[PlannedStep] = []
    index = 0
    while index < len(phases):
        if not phases[index].get("per_case"):
            steps.append(_step(phases[index], None, participant_count))
            index += 1
            continue
        block_end = index
        while block_end < len(phases) and phases[block_end].get("per_case"):
            block_end += 1
        block = phases[index:block_end]
        cases: list[int | None] = (
            list(range(agenda_count)) if repeats_per_case and agenda_count else [None]
        )
        for case in cases:
            steps.extend(_step(phase, case, participant_count) for phase in block)
        index = block_end
    return steps


def _step(phase: dict[str, Any], agenda_index: int | None, participant_count: int) -> PlannedStep:
    per_person = phase.get("seconds_per_person")
    planned = phase.get("seconds") or 0
    if per_person:
        planned = per_person * max(participant_count, 1)
    return PlannedStep(
        name=phase["name"],
        kind=phase["kind"],
        planned_seconds=planned,
        seconds_per_person=per_person,
        instruction=phase.get("instruction", ""),
        prompts=list(phase.get("prompts", [])),
        rules=list(phase.get("rules", [])),
        agenda_index=agenda_index,
    )


def timetable_minutes(steps: Sequence[PlannedStep]) -> int:
    """The timetable's length: the steps' planned time in whole minutes, rounded up, and at
    least one minute (a meeting is never zero minutes long)."""
    seconds = sum(step.planned_seconds for step in steps)
    return max(-(-seconds // 60), 1)


@dataclass(frozen=True)
class FormatLength:
    """How long a format's meetings are, for the format picker: the phases run once for all
    (shared), and those repeated for each case (per case); `max_minutes` is the longest a
    meeting of the format may last, which says how many cases fit."""

    shared_seconds: int
    per_case_seconds: int
    max_minutes: int | None
    depends_on_people: bool

    def minutes_for(self, cases: int) -> int:
        """The timetable's length with `cases` cases (none: the case phases run once)."""
        runs = max(cases, 1) if self.per_case_seconds else 0
        return max(-(-(self.shared_seconds + runs * self.per_case_seconds) // 60), 1)

    @property
    def one_case_minutes(self) -> int:
        """With one case (for a format without case phases: its whole length)."""
        return self.minutes_for(1)

    @property
    def per_case_minutes(self) -> int:
        return -(-self.per_case_seconds // 60)

    @property
    def shared_minutes(self) -> int:
        return -(-self.shared_seconds // 60)

    @property
    def cases_fit(self) -> int | None:
        """How many cases a meeting of the longest length has room for (None: the format
        has no case phases, or no longest length)."""
        if not self.per_case_seconds or not self.max_minutes:
            return None
        return max((self.max_minutes * 60 - self.shared_seconds) // self.per_case_seconds, 0)


def format_length(
    phases: Sequence[dict[str, Any]],
    *,
    repeats_per_case: bool,
    participant_count: int,
    max_minutes: int | None,
) -> FormatLength:
    """The format's length from its phase snapshots (FormatPhase.snapshot())."""
    shared = per_case = 0
    for phase in phases:
        seconds = _step(phase, None, participant_count).planned_seconds
        if phase.get("per_case") and repeats_per_case:
            per_case += seconds
        else:
            shared += seconds
    return FormatLength(
        shared_seconds=shared,
        per_case_seconds=per_case,
        max_minutes=max_minutes,
        depends_on_people=any(phase.get("seconds_per_person") for phase in phases),
    )


def case_capacity(
    phases: Sequence[dict[str, Any]],
    duration_minutes: int,
    *,
    repeats_per_case: bool,
    participant_count: int,
) -> int | None:
    """How many cases fit in the meeting's time: what is left after the shared phases,
    divided by one case's phases. None when the format has no phases repeated per case."""
    shared = per_case = 0
    for phase in phases:
        seconds = _step(phase, None, participant_count).planned_seconds
        if phase.get("per_case") and repeats_per_case:
            per_case += seconds
        else:
            shared += seconds
    if per_case == 0:
        return None
    return max((duration_minutes * 60 - shared) // per_case, 0)


REVIEW_SECONDS_PER_ACTION = 60
REVIEW_MIN_SECONDS, REVIEW_MAX_SECONDS = 3 * 60, 10 * 60


def review_step(open_actions: int, *, name: str, instruction: str) -> PlannedStep | None:
    """The short review of open follow-up actions that opens a meeting when there are any."""
    if open_actions <= 0:
        return None
    seconds = open_actions * REVIEW_SECONDS_PER_ACTION
    return PlannedStep(
        name=name,
        kind="review",
        planned_seconds=min(max(seconds, REVIEW_MIN_SECONDS), REVIEW_MAX_SECONDS),
        seconds_per_person=None,
        instruction=instruction,
    )
