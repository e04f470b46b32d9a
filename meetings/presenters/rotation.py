"""Who presents next: every caseworker presents in turn (Odder), so who presented least
recently comes first. Pure logic, no I/O."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Candidate:
    """A caseworker who could present, and when they last presented (or stood in for someone)
    at another meeting; None when they never have."""

    user_id: int
    name: str
    last_presented: datetime | None


def propose(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Those who never presented first, then the oldest last presentation first; ties by name,
    then by id, so that the order is the same every time it is asked."""

    def key(candidate: Candidate) -> tuple[bool, float, str, int]:
        last = candidate.last_presented
        return (
            last is not None,
            last.timestamp() if last is not None else 0.0,
            candidate.name.casefold(),
            candidate.user_id,
        )

    return sorted(candidates, key=key)
