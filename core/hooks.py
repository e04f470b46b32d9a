"""Extension points: how a higher layer adds to what a lower one does without being imported.

A lower app owns its hooks (in its `hooks.py`) and calls what is registered on them; a higher
app registers its functions from its AppConfig.ready(). So `meetings` opens a meeting with a
review of open follow-up actions without knowing that `rollups` exists.

A page of a lower app that higher apps add to gathers their Contributions: each names the
templates it adds to the page's regions and the context those templates need.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any


class Hook[T]:
    """An ordered list of what higher layers registered: functions, or descriptions."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._entries: list[T] = []

    def register(self, entry: T) -> T:
        """Add `entry` once (registering again changes nothing); usable as a decorator."""
        if entry not in self._entries:
            self._entries.append(entry)
        return entry

    def __iter__(self) -> Iterator[T]:
        return iter(tuple(self._entries))

    def __bool__(self) -> bool:
        return bool(self._entries)

    def __repr__(self) -> str:
        return f"<Hook {self.name}: {len(self._entries)} registered>"


@dataclass(frozen=True)
class Contribution:
    """What a higher app adds to a lower app's page: a template for each region it adds to,
    and the context those templates read."""

    templates: Mapping[str, str]
    context: Mapping[str, Any] = field(default_factory=dict)


type Contributor[S] = Callable[[S], Contribution | None]


def gather[S](
    hook: Hook[Contributor[S]], subject: S
) -> tuple[dict[str, list[str]], dict[str, Any]]:
    """Ask every contributor about `subject` (None: it adds nothing now). Returns the templates
    by region, in the order registered, and the context they need, merged."""
    regions: dict[str, list[str]] = {}
    context: dict[str, Any] = {}
    for contribute in hook:
        contribution = contribute(subject)
        if contribution is None:
            continue
        context.update(contribution.context)
        for region, template in contribution.templates.items():
            regions.setdefault(region, []).append(template)
    return regions, context
