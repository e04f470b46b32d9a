"""Learning visits ("læringsbesøg", Systematiske læringsmøder): a learning agent follows a
colleague for half or a whole working day. A check-in before, a joint learning meeting after,
and exactly three agreed learning points, which become the team's learning points and are
presented at a later staff meeting."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from learnings.models import LearningPoint
from teams.models import Team

# The ground rule every visit has, whatever else the two agree (the seed names it).
CONFIDENTIALITY = _(
    "Fortrolighed: det, vi ser og hører om borgere og kolleger i løbet af dagen, bliver mellem os."
)
# What the two wrote at the learning meeting about the day, which may tell of citizens' cases.
REFLECTION_FIELDS = (
    "agent_seen",
    "agent_worked",
    "agent_differently",
    "colleague_experience",
    "colleague_thoughts",
)
# The learning meeting ends in exactly this many agreed learning points.
POINTS_PER_VISIT = 3


class VisitLength(models.TextChoices):
    HALF = "half", _("Halv dag")
    WHOLE = "whole", _("Hel dag")


class VisitQuerySet(models.QuerySet["Visit"]):
    def with_people(self) -> VisitQuerySet:
        return self.select_related("team__organisation", "agent", "colleague", "staff_meeting")


class Visit(models.Model):
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="visits", verbose_name=_("team")
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="visits_as_agent",
        verbose_name=_("læringsagent"),
    )
    colleague = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="visits_as_colleague",
        verbose_name=_("kollega"),
    )
    date = models.DateField(_("dato"))
    length = models.CharField(_("varighed"), max_length=10, choices=VisitLength.choices)
    planned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="visits_planned",
        verbose_name=_("planlagt af"),
    )
    # The check-in, before the day.
    wants_to_learn = models.TextField(_("hvad læringsagenten gerne vil lære"), blank=True)
    focus = models.TextField(_("hvad kollegaen mener, læringsagenten bør se efter"), blank=True)
    # The rules agreed besides CONFIDENTIALITY, which every visit has.
    ground_rules = models.JSONField(_("spilleregler"), default=list, blank=True)
    checked_in_at = models.DateTimeField(_("tjekket ind"), null=True, blank=True)
    # The joint learning meeting, after the day.
    agent_seen = models.TextField(_("hvad læringsagenten så og hørte"), blank=True)
    agent_worked = models.TextField(_("hvad der virkede godt"), blank=True)
    agent_differently = models.TextField(_("hvad der kunne gøres anderledes"), blank=True)
    colleague_experience = models.TextField(_("hvordan det var for kollegaen"), blank=True)
    colleague_thoughts = models.TextField(_("kollegaens tanker efter dagen"), blank=True)
    closed_at = models.DateTimeField(_("læringsmøde holdt"), null=True, blank=True)
    # The reflections may tell of citizens' cases: they go like case material (visits.retention).
    material_deleted_at = models.DateTimeField(_("refleksioner slettet"), null=True, blank=True)
    staff_meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visits",
        verbose_name=_("personalemøde"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        verbose_name = _("læringsbesøg")
        verbose_name_plural = _("læringsbesøg")
        ordering = ["-date", "-id"]
        indexes = [models.Index(fields=["team", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(agent=models.F("colleague")), name="visit_two_people"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agent} hos {self.colleague}, {self.date:%d.%m.%Y}"

    @property
    def is_checked_in(self) -> bool:
        return self.checked_in_at is not None

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    @property
    def day_has_come(self) -> bool:
        """The joint learning meeting is held after the day has been spent together: on the
        day itself at the earliest."""
        return self.date <= timezone.localdate()

    @property
    def rules(self) -> list[str]:
        """Every ground rule of the day: confidentiality first, then the ones agreed."""
        return [str(CONFIDENTIALITY), *self.ground_rules]


class VisitPoint(models.Model):
    """One of the visit's three agreed learning points, kept among the team's learning."""

    visit = models.ForeignKey(
        Visit, on_delete=models.CASCADE, related_name="points", verbose_name=_("læringsbesøg")
    )
    position = models.PositiveSmallIntegerField(_("nummer"))
    learning_point = models.OneToOneField(
        LearningPoint,
        on_delete=models.CASCADE,
        related_name="visit_point",
        verbose_name=_("læringspunkt"),
    )

    class Meta:
        verbose_name = _("læringspunkt fra læringsbesøg")
        verbose_name_plural = _("læringspunkter fra læringsbesøg")
        ordering = ["visit", "position"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "position"], name="visit_point_position")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.learning_point}"
