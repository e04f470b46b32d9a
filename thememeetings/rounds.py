"""Which phase of a theme meeting is its learning round: pure logic over the running order.

The theme format has two rounds: the check-in round that frames the day, and the learning round
near the end ("what do I take with me; what will I put into practice, and how"). The learning
round is the last round of the running order, whatever the meeting leaders have named it."""

from __future__ import annotations

from collections.abc import Sequence

from meetings.models import PhaseKind, Step


def is_learning_round(current: Step | None, steps: Sequence[Step]) -> bool:
    if current is None or current.kind != PhaseKind.ROUND:
        return False
    return not any(
        step.kind == PhaseKind.ROUND and step.position > current.position for step in steps
    )
