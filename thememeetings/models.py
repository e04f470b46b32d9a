"""Theme learning meetings (Jobcenter Odder): the organisation's theme backlog, the working
group that prioritises it and picks the next theme, the theme meeting it decides on, and what
comes of the meeting afterwards (each person's answers in the learning round, the product, the
follow-up)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import limits
from meetings.models import Meeting
from products.models import Product, ProductKind
from teams.models import Organisation


class ThemeSource(models.TextChoices):
    """Where a theme came from (the seed: the monthly department meeting, management
    supervision of caseloads, a rollup's decision, a learning visit)."""

    DEPARTMENT_MEETING = "department_meeting", _("Afdelingsmøde")
    MANAGEMENT_SUPERVISION = "management_supervision", _("Ledelsestilsyn")
    ROLLUP_DECISION = "rollup_decision", _("Beslutning i en opsamling")
    LEARNING_VISIT = "learning_visit", _("Læringsbesøg")
    OTHER = "other", _("Andet")


class ThemeStatus(models.TextChoices):
    PROPOSED = "proposed", _("Foreslået")
    PRIORITISED = "prioritised", _("Prioriteret")
    CHOSEN = "chosen", _("Valgt")


class ThemeQuerySet(models.QuerySet["Theme"]):
    def backlog(self) -> ThemeQuerySet:
        """In the working group's order (a theme not yet placed comes last, newest first),
        then the chosen ones, newest first."""
        return self.select_related("proposed_by", "meeting").order_by(
            models.Case(models.When(status=ThemeStatus.CHOSEN, then=1), default=0),
            models.F("position").asc(nulls_last=True),
            "-proposed_at",
            "-pk",
        )


class Theme(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="themes_proposed",
        verbose_name=_("organisation"),
    )
    title = models.CharField(_("titel"), max_length=limits.TITLE)
    why = models.TextField(
        _("hvorfor temaet er vigtigt for praksis"), max_length=limits.SHORT_TEXT
    )
    knowledge_needed = models.TextField(
        _("hvilken viden der er brug for"), max_length=limits.SHORT_TEXT
    )
    source = models.CharField(_("kilde"), max_length=30, choices=ThemeSource.choices)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="themes_proposed",
        verbose_name=_("foreslået af"),
    )
    proposed_at = models.DateTimeField(_("foreslået"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ThemeStatus.choices, default=ThemeStatus.PROPOSED
    )
    # The working group's order (1 is the next theme) and why it is placed there.
    position = models.PositiveIntegerField(_("prioritet"), null=True, blank=True)
    justification = models.CharField(
        _("arbejdsgruppens begrundelse"), max_length=limits.ACTION, blank=True
    )
    meeting = models.OneToOneField(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="theme",
        verbose_name=_("temamøde"),
    )
    # Afterwards: the agreed product and whether and when to follow up.
    product_kind = models.CharField(
        _("produkttype"), max_length=20, choices=ProductKind.choices, blank=True
    )
    product_responsible = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="theme_products",
        verbose_name=_("ansvarlige for produktet"),
    )
    product = models.ForeignKey(
        Product,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="theme_meetings",
        verbose_name=_("produkt"),
    )
    follow_up_on = models.DateField(_("opfølgning"), null=True, blank=True)
    follow_up_decided = models.BooleanField(_("opfølgning besluttet"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("tema")
        verbose_name_plural = _("temaer til læringsmøder")
        ordering = ["organisation", "position", "-proposed_at"]
        indexes = [models.Index(fields=["organisation", "status"])]

    def __str__(self) -> str:
        return self.title


class ExternalGuest(models.Model):
    """An expert from outside invited to a theme meeting by name and role (a researcher, a
    consultant); no account."""

    theme = models.ForeignKey(
        Theme, on_delete=models.CASCADE, related_name="external_guests", verbose_name=_("tema")
    )
    name = models.CharField(_("navn"), max_length=limits.NAME)
    role = models.CharField(_("rolle"), max_length=limits.TITLE)

    class Meta:
        verbose_name = _("ekstern deltager")
        verbose_name_plural = _("eksterne deltagere")
        ordering = ["theme", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class WorkingGroupMember(models.Model):
    """A member of the organisation's working group, named by its department leader."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="working_group",
        verbose_name=_("organisation"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="working_groups",
        verbose_name=_("person"),
    )

    class Meta:
        verbose_name = _("medlem af arbejdsgruppen")
        verbose_name_plural = _("arbejdsgruppen")
        ordering = ["organisation", "user__first_name", "user__last_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="working_group_member_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.organisation})"


class WorkingGroupMeeting(models.Model):
    """The working group's own short meeting between theme meetings."""

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="working_group_meetings",
        verbose_name=_("organisation"),
    )
    date = models.DateField(_("dato"))
    agenda = models.TextField(_("dagsorden"), max_length=limits.SHORT_TEXT)
    notes = models.TextField(_("noter"), max_length=limits.MEDIUM_TEXT, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="working_group_meetings",
        verbose_name=_("skrevet af"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("arbejdsgruppemøde")
        verbose_name_plural = _("arbejdsgruppemøder")
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return f"{self.organisation} {self.date:%d.%m.%Y}"


class RoundAnswer(models.Model):
    """A participant's answers in a theme meeting's learning round, kept for them."""

    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.CASCADE,
        related_name="round_answers",
        verbose_name=_("møde"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="round_answers",
        verbose_name=_("deltager"),
    )
    take_away = models.TextField(_("hvad tager jeg med?"), max_length=limits.SHORT_TEXT)
    into_practice = models.TextField(
        _("hvad vil jeg omsætte i praksis, og hvordan?"), max_length=limits.SHORT_TEXT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("svar i læringsrunden")
        verbose_name_plural = _("svar i læringsrunden")
        ordering = ["meeting", "id"]
        indexes = [models.Index(fields=["author", "created_at"])]

    def __str__(self) -> str:
        return f"{self.author} @ {self.meeting}"
