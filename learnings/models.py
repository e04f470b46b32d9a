from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from teams.models import Team


class LearningPoint(models.Model):
    """A general learning point named at a meeting, or the leader's summary of a case."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="learning_points", verbose_name=_("team")
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learning_points",
        verbose_name=_("møde"),
    )
    agenda_item = models.ForeignKey(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="learning_points",
        verbose_name=_("sag"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="learning_points",
        verbose_name=_("nævnt af"),
    )
    text = models.TextField(_("læringspunkt"))
    is_leader_summary = models.BooleanField(_("lederens opsamling"), default=False)
    changes_practice = models.BooleanField(
        _("giver anledning til ændret praksis"), null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("læringspunkt")
        verbose_name_plural = _("læringspunkter")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["team", "created_at"])]

    def __str__(self) -> str:
        return self.text[:80]
