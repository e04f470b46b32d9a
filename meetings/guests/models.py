"""A guest invited to one meeting (imported at the end of meetings.models)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# How long after the meeting's end the guest's link still opens it (to read it through).
LINK_HOURS_AFTER = 6


class MeetingGuest(models.Model):
    """Someone from outside the team (a job consultant of another unit, a researcher, an
    external expert) who follows one meeting through a secret link, without an account. Only
    the link's hash is kept: the link itself is in the guest's e-mail alone."""

    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="guests",
        verbose_name=_("møde"),
    )
    name = models.CharField(_("navn"), max_length=150)
    role = models.CharField(_("rolle"), max_length=150)
    email = models.EmailField(_("e-mail"), max_length=150)
    may_write_points = models.BooleanField(_("må skrive læringspunkter"), default=False)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("inviteret af"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)

    class Meta:
        verbose_name = _("gæst")
        verbose_name_plural = _("gæster")
        ordering = ["meeting", "name", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"

    def valid_until(self) -> datetime:
        """The link opens the meeting until LINK_HOURS_AFTER after it ends: its actual end
        once held, else its planned end."""
        meeting = self.meeting
        end = meeting.ended_at or meeting.starts_at + timedelta(minutes=meeting.duration_minutes)
        return end + timedelta(hours=LINK_HOURS_AFTER)

    def is_valid(self, now: datetime) -> bool:
        """Not revoked, and the meeting running or not yet LINK_HOURS_AFTER past its end."""
        if self.revoked_at is not None:
            return False
        return self.meeting.is_running or now < self.valid_until()
