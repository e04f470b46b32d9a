"""A meeting series (imported at the end of meetings.models, so Django finds it in the app)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from meetings.series import dates
from teams.models import Team


class Rhythm(models.TextChoices):
    WEEKLY = dates.WEEKLY, _("Hver uge")
    FORTNIGHTLY = dates.FORTNIGHTLY, _("Hver anden uge")
    MONTHLY = dates.MONTHLY, _("Hver måned")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("mandag")
    TUESDAY = 1, _("tirsdag")
    WEDNESDAY = 2, _("onsdag")
    THURSDAY = 3, _("torsdag")
    FRIDAY = 4, _("fredag")


class SeriesQuerySet(models.QuerySet["Series"]):
    def active(self) -> SeriesQuerySet:
        return self.filter(ended_at__isnull=True)


class Series(models.Model):
    """A format held on a fixed rhythm with a fixed facilitator and stand-in (the systematic
    learning meeting's "fast interval, fast facilitator"; the weekly team meeting). Its next
    meetings are kept planned PLAN_AHEAD ahead (meetings.series.services)."""

    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="meeting_series", verbose_name=_("team")
    )
    format = models.ForeignKey(
        "meetings.Format",
        on_delete=models.PROTECT,
        related_name="series",
        verbose_name=_("format"),
    )
    title = models.CharField(_("titel"), max_length=200)
    place = models.CharField(_("sted"), max_length=200, blank=True)
    rhythm = models.CharField(_("rytme"), max_length=20, choices=Rhythm.choices)
    weekday = models.PositiveSmallIntegerField(_("ugedag"), choices=Weekday.choices)
    at = models.TimeField(_("klokkeslæt"))
    starts_on = models.DateField(_("første møde fra"))
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="facilitated_series",
        verbose_name=_("fast mødeleder"),
    )
    stand_in = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="stand_in_series",
        verbose_name=_("stedfortræder"),
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="SeriesParticipant",
        blank=True,
        related_name="meeting_series",
        verbose_name=_("deltagere"),
    )
    ended_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SeriesQuerySet.as_manager()

    class Meta:
        verbose_name = _("mødeserie")
        verbose_name_plural = _("mødeserier")
        ordering = ["title", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weekday__lte=4), name="series_weekday_monday_to_friday"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_active(self) -> bool:
        return self.ended_at is None


class SeriesParticipant(models.Model):
    """A participant of a series, in the order its meetings list them."""

    series = models.ForeignKey(Series, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["series", "user"], name="series_participant_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.series}"


class SeriesCancellation(models.Model):
    """A date of the series whose meeting was cancelled: the top-up leaves it free."""

    series = models.ForeignKey(
        Series, on_delete=models.CASCADE, related_name="cancellations", verbose_name=_("serie")
    )
    day = models.DateField(_("dato"))
    cancelled_at = models.DateTimeField(_("aflyst"), auto_now_add=True)

    class Meta:
        verbose_name = _("aflyst møde i en serie")
        verbose_name_plural = _("aflyste møder i serier")
        constraints = [
            models.UniqueConstraint(fields=["series", "day"], name="series_cancellation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.day:%Y-%m-%d}"
