from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core import limits
from core.models import Revisioned
from teams.models import Team, User


class SparringType(models.TextChoices):
    """The "varedeklaration": what kind of sparring the case owner wants."""

    STALLED = "stalled", _("Sagen står stille")
    TIMING = "timing", _("Timing af en indsats")
    ARGUMENTS = "arguments", _("Skærpe de faglige argumenter for en afgørelse")
    PRINCIPLE = "principle", _("Sag af principiel karakter")
    OTHER = "other", _("Andet")


class CaseStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Indsendt")
    SELECTED = "selected", _("På dagsordenen")
    DISCUSSED = "discussed", _("Drøftet")
    WITHDRAWN = "withdrawn", _("Trukket tilbage")


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, user: User | AnonymousUser) -> CaseQuerySet:
        """Cases of the teams the user is a member of. Department leaders read rollups and
        learning, not case material, so membership is what counts here."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(team__memberships__user=user)

    def active(self) -> CaseQuerySet:
        return self.exclude(status=CaseStatus.WITHDRAWN)

    def with_material(self) -> CaseQuerySet:
        return self.filter(material_deleted_at__isnull=True)


class Case(Revisioned):
    """A case a caseworker brings to a meeting, discussed pseudonymised.

    Its material (background, timeline, genogram) is only needed until the meeting: retention
    deletes it afterwards, keeping the title, the kind of sparring and who brought it.
    """

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="cases", verbose_name=_("team")
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cases",
        verbose_name=_("møde"),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("indsendt af"),
    )
    agenda_item = models.OneToOneField(
        "meetings.AgendaItem",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case",
        verbose_name=_("punkt på dagsordenen"),
    )
    title = models.CharField(_("Titel"), max_length=200)
    sparring_wanted = models.TextField(
        _("Hvad ønsker du sparring på?"),
        max_length=limits.SHORT_TEXT,
        validators=[MaxLengthValidator(limits.SHORT_TEXT)],
    )
    sparring_type = models.CharField(
        _("Sparringstype"), max_length=20, choices=SparringType.choices
    )
    background = models.TextField(
        _("Baggrund"),
        max_length=limits.LONG_TEXT,
        validators=[MaxLengthValidator(limits.LONG_TEXT)],
    )
    timeline = models.JSONField(_("tidslinje"), default=list, blank=True)
    genogram = models.JSONField(_("genogram"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.SUBMITTED
    )
    is_late = models.BooleanField(_("indsendt efter fristen"), default=False)
    submitted_at = models.DateTimeField(_("indsendt"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    material_deleted_at = models.DateTimeField(_("materiale slettet"), null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("sag")
        verbose_name_plural = _("sager")
        ordering = ["submitted_at", "id"]
        indexes = [models.Index(fields=["team", "submitted_by", "submitted_at"])]
        constraints = [models.CheckConstraint(condition=~Q(title=""), name="case_title_not_empty")]

    def __str__(self) -> str:
        return self.title

    @property
    def has_material(self) -> bool:
        return self.material_deleted_at is None

    @property
    def can_be_withdrawn(self) -> bool:
        """Waiting or on the agenda: not yet discussed, nor withdrawn already."""
        return self.status in (CaseStatus.SUBMITTED, CaseStatus.SELECTED)


class MaterialDeletion(models.Model):
    """The log of retention: what was deleted and when, never the content."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="deletions", verbose_name=_("sag")
    )
    deleted_at = models.DateTimeField(_("slettet"))
    fields = models.JSONField(_("felter"), default=list)
    meeting_ended_at = models.DateTimeField(_("mødet sluttede"), null=True, blank=True)

    class Meta:
        verbose_name = _("sletning af sagsmateriale")
        verbose_name_plural = _("sletninger af sagsmateriale")
        ordering = ["-deleted_at"]

    def __str__(self) -> str:
        return f"{self.case_id}: {', '.join(self.fields)} ({self.deleted_at:%Y-%m-%d})"


class CaseReminder(models.Model):
    """A reminder to bring a case to a meeting: who was reminded of which meeting, and when."""

    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.CASCADE,
        related_name="case_reminders",
        verbose_name=_("møde"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, verbose_name=_("person")
    )
    sent_at = models.DateTimeField(_("sendt"))

    class Meta:
        verbose_name = _("påmindelse om sag")
        verbose_name_plural = _("påmindelser om sager")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="case_reminder_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.meeting_id} ({self.sent_at:%Y-%m-%d %H:%M})"
