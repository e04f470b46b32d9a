"""Rollups ("opsamlinger") of a team's learning points, the team's decision on each group, the
comments of other teams' leaders, and the follow-up actions agreed in rollups and meetings."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.forms import BaseForm
from django.utils.translation import gettext_lazy as _

from learnings.models import Decision, LearningPoint, Theme
from teams.models import Team


class Rollup(models.Model):
    """The leader's summing-up of a period's learning points ("opsamling"), at least every
    other month, discussed by the team and shared with the other teams' leaders."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="rollups", verbose_name=_("team")
    )
    period_start = models.DateField(_("fra"))
    period_end = models.DateField(_("til"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="rollups",
        verbose_name=_("oprettet af"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rollups",
        verbose_name=_("drøftet på mødet"),
    )
    summary = models.TextField(_("lederens sammenfatning"), blank=True)
    # Other teams' leaders read and comment only once the rollup is shared: when it is
    # finished, or earlier when the leader shares it explicitly.
    shared_at = models.DateTimeField(_("delt med andre teams"), null=True, blank=True)

    class Meta:
        verbose_name = _("opsamling")
        verbose_name_plural = _("opsamlinger")
        ordering = ["-period_end", "-id"]

    def __str__(self) -> str:
        return f"{self.team}: {self.period_start:%d.%m.%Y}-{self.period_end:%d.%m.%Y}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def is_shared(self) -> bool:
        return self.shared_at is not None


class RollupItem(models.Model):
    """A group of the period's learning points (by theme) and the team's decision on it."""

    rollup = models.ForeignKey(
        Rollup, on_delete=models.CASCADE, related_name="items", verbose_name=_("opsamling")
    )
    position = models.PositiveSmallIntegerField(default=0)
    theme = models.ForeignKey(
        Theme,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rollup_items",
        verbose_name=_("tema"),
    )
    title = models.CharField(_("overskrift"), max_length=200)
    learning_points = models.ManyToManyField(
        LearningPoint, related_name="rollup_items", verbose_name=_("læringspunkter")
    )
    decision = models.CharField(
        _("beslutning"), max_length=20, choices=Decision.choices, blank=True
    )
    justification = models.TextField(_("begrundelse"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("besluttet af"),
    )
    decided_at = models.DateTimeField(_("besluttet"), null=True, blank=True)

    # Not stored: what rollups.services.rollup_decide has to tell about the decision just
    # saved, and the item's decision form, which rollups.views sets for the template.
    notice: str
    form: BaseForm

    class Meta:
        verbose_name = _("punkt i opsamlingen")
        verbose_name_plural = _("punkter i opsamlingen")
        ordering = ["rollup", "position", "id"]

    def __str__(self) -> str:
        return self.title


class RollupComment(models.Model):
    """A comment from a leader of another team (or the department leader) on a shared rollup."""

    rollup = models.ForeignKey(
        Rollup, on_delete=models.CASCADE, related_name="comments", verbose_name=_("opsamling")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, verbose_name=_("skrevet af")
    )
    text = models.TextField(_("kommentar"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kommentar")
        verbose_name_plural = _("kommentarer")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:80]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Åben")
    DONE = "done", _("Udført")


class ActionQuerySet(models.QuerySet["FollowUpAction"]):
    def open(self) -> ActionQuerySet:
        return self.filter(status=ActionStatus.OPEN)


class FollowUpAction(models.Model):
    """An agreed follow-up: from a rollup decision, the end of a meeting, or by hand."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="actions", verbose_name=_("team")
    )
    title = models.CharField(_("opfølgning"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("ansvarlig"),
    )
    due_date = models.DateField(_("frist"))
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    rollup_item = models.ForeignKey(
        RollupItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        verbose_name=_("fra opsamlingen"),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="actions",
        verbose_name=_("aftalt på mødet"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("oprettet af"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(_("udført"), null=True, blank=True)
    last_reviewed_at = models.DateTimeField(_("sidst gennemgået"), null=True, blank=True)

    objects = ActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("opfølgning")
        verbose_name_plural = _("opfølgninger")
        ordering = ["status", "due_date", "id"]
        indexes = [
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["team", "status"]),
        ]

    def __str__(self) -> str:
        return self.title
