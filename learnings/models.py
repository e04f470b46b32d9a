from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import Revisioned
from teams.models import Team


class Theme(models.Model):
    """A team's own tag for learning points, e.g. "virksomhedspraktik"."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="themes", verbose_name=_("team")
    )
    name = models.CharField(_("tema"), max_length=80)
    # A retired theme stays on the points that have it (and in rollups' history) but is no
    # longer offered when a point is tagged.
    retired_at = models.DateTimeField(_("udgået"), null=True, blank=True)

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("temaer")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["team", "name"], name="theme_unique_name")]

    def __str__(self) -> str:
        return self.name


class PointStatus(models.TextChoices):
    """A learning point's life: noted, raised at a rollup, decided, done."""

    NOTED = "noted", _("Noteret")
    RAISED = "raised", _("Taget op i en opsamling")
    DECIDED = "decided", _("Besluttet")
    DONE = "done", _("Gennemført")


class Decision(models.TextChoices):
    CHANGE = "change", _("Ændre praksis")
    NO_CHANGE = "no_change", _("Ingen ændring")
    PARKED = "parked", _("Parkeret")


class LearningPoint(Revisioned):
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
    # A point named by a guest from outside the team (meetings/guests), who has no account:
    # it is recorded under the meeting's facilitator (author) with the guest's name here.
    guest_name = models.CharField(_("nævnt af gæst"), max_length=150, blank=True)
    text = models.TextField(_("læringspunkt"))
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="learning_points", verbose_name=_("temaer")
    )
    is_leader_summary = models.BooleanField(_("lederens opsamling"), default=False)
    changes_practice = models.BooleanField(
        _("giver anledning til ændret praksis"), null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PointStatus.choices, default=PointStatus.NOTED
    )
    decision = models.CharField(
        _("beslutning"), max_length=20, choices=Decision.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("læringspunkt")
        verbose_name_plural = _("læringspunkter")
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["team", "created_at"]),
            models.Index(fields=["team", "status"]),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    @property
    def said_by(self) -> str:
        """Who named the point: the guest, or the author."""
        if self.guest_name:
            return _("%(name)s (gæst)") % {"name": self.guest_name}
        return self.author.display_name
