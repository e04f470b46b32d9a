"""Optimistic locking of what several people may edit at once (a case, a learning point): the
form carries the revision the editor started from, the service compares it with the row's
under a lock, and a save based on an older revision is refused with the row as it now is.
The editor's text stays in the form, the saved text is shown beside it, nothing is changed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _lazy

from core.http import MAX_ID
from core.refusals import Refused

_OUTDATED = _lazy("Formularen er forældet. Hent siden igen, og ret på ny.")


def revision_field() -> forms.IntegerField:
    """The hidden field with the revision the editor started from."""
    return forms.IntegerField(
        widget=forms.HiddenInput,
        min_value=1,
        max_value=MAX_ID,
        error_messages={
            "required": _OUTDATED,
            "invalid": _OUTDATED,
            "min_value": _OUTDATED,
            "max_value": _OUTDATED,
        },
    )


class Stale[T](Refused):
    """Someone saved after the editor opened the form; `current` is the row as it now is."""

    def __init__(self, message: str, *, current: T) -> None:
        super().__init__(message)
        self.current = current
