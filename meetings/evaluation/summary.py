"""The check-outs of a meeting summed up for its leaders, anonymously. Pure logic, no I/O.

Anonymity: with fewer than MIN_ANSWERS answers nothing but their number is shown, since with
one or two the leader could tell who answered what. The comments are shown sorted by their
text, never in the order given, which would tell who answered first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

MIN_ANSWERS = 3
SCALE = range(1, 6)


@dataclass(frozen=True)
class Summary:
    answers: int
    # Each None or empty when the summary is withheld (fewer than MIN_ANSWERS answers).
    average: float | None
    counts: tuple[tuple[int, int], ...]
    comments: tuple[str, ...]

    @property
    def shown(self) -> bool:
        return self.answers >= MIN_ANSWERS


def summarise(answers: Iterable[tuple[int, str]]) -> Summary:
    """The summary of (usefulness, comment) answers."""
    answers = list(answers)
    if len(answers) < MIN_ANSWERS:
        return Summary(answers=len(answers), average=None, counts=(), comments=())
    scores = [score for score, _comment in answers]
    return Summary(
        answers=len(answers),
        average=round(sum(scores) / len(scores), 1),
        counts=tuple((value, scores.count(value)) for value in SCALE),
        comments=tuple(sorted(comment for _score, comment in answers if comment)),
    )
