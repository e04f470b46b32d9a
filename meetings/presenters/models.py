"""Presenters of practitioner examples (Odder's theme meetings): every caseworker presents in
turn; the meeting leaders assign them in order, each writes a brief (what did you do, why, and
the professional justification), and when one has no example another stands in.

Imported at the end of meetings/models.py, so that Django finds the models in the app."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import limits
from meetings.models import Meeting


class Presenter(models.Model):
    """A colleague who presents an example from their practice at a meeting, in `position`
    order. `stands_in_for` is who was assigned first and had no example: the stand-in presents
    instead, and it counts in the rotation as their presentation."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="presenters", verbose_name=_("møde")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="presentations",
        verbose_name=_("oplægsholder"),
    )
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    stands_in_for = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="presentations_stood_in_for",
        verbose_name=_("afløser for"),
    )
    what = models.TextField(_("Hvad gjorde du?"), blank=True, max_length=limits.SHORT_TEXT)
    why = models.TextField(_("Hvorfor?"), blank=True, max_length=limits.SHORT_TEXT)
    justification = models.TextField(
        _("Hvad er den faglige begrundelse?"), blank=True, max_length=limits.SHORT_TEXT
    )
    # The brief's revision, for core.locking: a save based on an older one is refused.
    revision = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("oplægsholder")
        verbose_name_plural = _("oplægsholdere")
        ordering = ["meeting", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="presenter_once_per_meeting")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.meeting}"

    @property
    def has_brief(self) -> bool:
        return bool(self.what or self.why or self.justification)
