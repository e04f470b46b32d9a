"""The meeting clock as pure functions of stored timestamps and "now". No I/O.

A meeting keeps one pause account for its whole life: the seconds it has been paused so far
and, while paused, when the pause began. A timed stretch (a phase, or one speaker's turn in a
round) remembers when it started and how many paused seconds the meeting had at that moment;
its elapsed time is the wall time since then, less the pauses that fell inside it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Self

WARNING_SHARE = 0.2


class Cue(StrEnum):
    NORMAL = "normal"
    WARNING = "warning"
    OVERRUN = "overrun"


@dataclass(frozen=True)
class Pauses:
    paused_seconds: float = 0.0
    paused_at: datetime | None = None

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None

    def total(self, now: datetime) -> float:
        """All paused seconds so far, the running pause included."""
        running = (now - self.paused_at).total_seconds() if self.paused_at else 0.0
        return self.paused_seconds + max(running, 0.0)

    def pause(self, now: datetime) -> Pauses:
        if self.is_paused:
            return self
        return Pauses(self.paused_seconds, now)

    def resume(self, now: datetime) -> Pauses:
        if not self.is_paused:
            return self
        return Pauses(self.total(now), None)


@dataclass(frozen=True)
class Span:
    """A timed stretch: a phase or a speaker's turn."""

    started_at: datetime
    pause_offset: float
    budget_seconds: int

    @classmethod
    def begin(
        cls, *, now: datetime, pauses: Pauses, budget_seconds: int, elapsed: float = 0.0
    ) -> Self:
        """Start a span now, or continue one that already ran for `elapsed` seconds."""
        return cls(
            started_at=now - timedelta(seconds=elapsed),
            pause_offset=pauses.total(now),
            budget_seconds=budget_seconds,
        )


def elapsed(span: Span, pauses: Pauses, now: datetime) -> float:
    """Seconds the span has run, not counting pauses."""
    wall = (now - span.started_at).total_seconds()
    return max(wall - (pauses.total(now) - span.pause_offset), 0.0)


def remaining(span: Span, pauses: Pauses, now: datetime) -> float:
    """Seconds left of the span's budget; negative once it has run over."""
    return span.budget_seconds - elapsed(span, pauses, now)


def deadline(span: Span, pauses: Pauses, now: datetime) -> datetime | None:
    """The wall-clock moment the budget runs out, or None while the meeting is paused."""
    if pauses.is_paused:
        return None
    return now + timedelta(seconds=remaining(span, pauses, now))


def cue(remaining_seconds: float, budget_seconds: int) -> Cue:
    """Warning when a fifth of the time is left, overrun when it has run out."""
    if remaining_seconds <= 0:
        return Cue.OVERRUN
    if budget_seconds > 0 and remaining_seconds <= budget_seconds * WARNING_SHARE:
        return Cue.WARNING
    return Cue.NORMAL


def warning_at(deadline: datetime, budget_seconds: int) -> datetime:
    """The moment the warning cue begins: when a fifth of the budget is left."""
    return deadline - timedelta(seconds=budget_seconds * WARNING_SHARE)


def display_seconds(remaining_seconds: float) -> int:
    """Whole seconds as shown: counting down rounds up (the last second shows 0:01), so
    0:00 appears exactly when the time runs out and -0:01 one second later."""
    if remaining_seconds > 0:
        return math.ceil(remaining_seconds - 1e-9)
    return -math.floor(-remaining_seconds + 1e-9)


def format_clock(remaining_seconds: float) -> str:
    """M:SS while time is left, -M:SS once over time."""
    shown = display_seconds(remaining_seconds)
    sign = "-" if shown < 0 else ""
    minutes, seconds = divmod(abs(shown), 60)
    return f"{sign}{minutes}:{seconds:02d}"
