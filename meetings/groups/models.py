"""A meeting's breakout groups (Odder: knowledge sharing in groups, then the groups report in
plenary): imported at the end of meetings.models, so they are the meetings app's tables."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import Revisioned
from meetings.models import Meeting, lines


class BreakoutGroup(Revisioned):
    """One group of a meeting's group work: its name, room, questions and facilitator, and
    the notes its members write together ("Gruppens planche"), guarded by the revision."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="breakout_groups", verbose_name=_("møde")
    )
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    name = models.CharField(_("navn"), max_length=80)
    room = models.CharField(_("lokale"), max_length=120, blank=True)
    questions = models.TextField(
        _("spørgsmål"), blank=True, help_text=_("Ét spørgsmål pr. linje.")
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ordstyrer"),
    )
    notes = models.TextField(_("gruppens planche"), blank=True)
    notes_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("gruppe")
        verbose_name_plural = _("grupper")
        ordering = ["meeting", "position", "id"]

    def __str__(self) -> str:
        return self.name

    @property
    def question_lines(self) -> list[str]:
        return lines(self.questions)


class GroupMember(models.Model):
    """A person's place in one of the meeting's groups: one group per person per meeting."""

    group = models.ForeignKey(
        BreakoutGroup, on_delete=models.CASCADE, related_name="members", verbose_name=_("gruppe")
    )
    # The group's meeting again, so that the database holds a person to one group a meeting.
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="group_memberships",
        verbose_name=_("deltager"),
    )

    class Meta:
        verbose_name = _("gruppedeltager")
        verbose_name_plural = _("gruppedeltagere")
        ordering = ["group", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="group_member_once_a_meeting")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.group}"
