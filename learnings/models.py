from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from teams.models import Team


class Theme(models.Model):
    """A team's own tag for learning points, e.g. "virksomhedspraktik"."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="themes", verbose_name=_("team")
    )
    name = models.CharField(_("tema"), max_length=80)

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

    class Meta:
        verbose_name = _("opsamling")
        verbose_name_plural = _("opsamlinger")
        ordering = ["-period_end", "-id"]

    def __str__(self) -> str:
        return f"{self.team}: {self.period_start:%d.%m.%Y}-{self.period_end:%d.%m.%Y}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None


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
