"""Extension points: how a higher layer adds to what a lower one does without being imported.

A lower app owns its hooks (in its `hooks.py`) and calls what is registered on them; a higher
app registers its functions from its AppConfig.ready(). So `meetings` can open a meeting with
a review of open follow-up actions without knowing that `rollups` exists, and a page of a lower
app can show a panel that a higher one draws (a Slot, rendered by the `{% slot %}` tag).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


class Hook[T]:
    """An ordered list of what higher layers registered: functions, or panels to draw."""

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
        return f"<Hook {self.name}: {len(self._entries)}>"


@dataclass(frozen=True)
class Panel:
    """Part of a lower app's page drawn by a higher app: its template and the context for it,
    from the request and the page's object (None: the panel is not shown)."""

    template: str
    context: Callable[[HttpRequest, Any], Mapping[str, Any] | None]


class Slot(Hook[Panel]):
    """A named place on a page where higher apps' panels appear, in the order registered."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        if name in SLOTS:
            raise ValueError(f"A slot named {name!r} exists already.")
        SLOTS[name] = self


SLOTS: dict[str, Slot] = {}
