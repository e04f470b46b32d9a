"""Products: the guidelines, referral form templates and work procedures a team works by.

A product has one draft, edited by its editors, and numbered published versions. Publishing
copies the draft into a new ProductVersion, which is never changed afterwards: the content of
both is the same structured document (see products/content.py), so the page, the PDF and the
diff between versions all work from one structure.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from teams.models import Membership, Organisation, Team, User


class ProductKind(models.TextChoices):
    GUIDELINE = "guideline", _("Handlingsanvisning")
    REFERRAL_FORM = "referral_form", _("Henvisningsskabelon")
    WORK_PROCEDURE = "work_procedure", _("Arbejdsgang")


class ImmutableVersion(Exception):
    """A published version is never changed or deleted."""


def _in_organisation(user: User) -> Q:
    member = Membership.objects.filter(user=user, team__organisation=OuterRef("organisation"))
    leads = Organisation.department_leaders.through.objects.filter(
        organisation=OuterRef("organisation"), user=user
    )
    return Q(Exists(member)) | Q(Exists(leads))


def editable_by(user: User) -> Q:
    """The products whose draft the user may see, edit and publish: the responsible person;
    the team's leader and coordinator; for organisation-wide products its department leaders."""
    leads_team = Membership.objects.leading().filter(user=user, team=OuterRef("team"))
    leads_organisation = Organisation.department_leaders.through.objects.filter(
        organisation=OuterRef("organisation"), user=user
    )
    return (
        Q(responsible=user)
        | (Q(team__isnull=False) & Q(Exists(leads_team)))
        | (Q(team__isnull=True) & Q(Exists(leads_organisation)))
    )


class ProductQuerySet(models.QuerySet["Product"]):
    def visible_to(self, user: User | AnonymousUser) -> ProductQuerySet:
        """Published products of the user's organisations, and the drafts the user edits."""
        if not user.is_authenticated:
            return self.none()
        published = Q(latest_version__isnull=False) & _in_organisation(user)
        return self.filter(published | editable_by(user))

    def editable_by(self, user: User | AnonymousUser) -> ProductQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(editable_by(user))

    def with_can_edit(self, user: User | AnonymousUser) -> ProductQuerySet:
        """Annotate `can_edit` in the same query, for lists."""
        if not user.is_authenticated:
            return self.annotate(can_edit=models.Value(False))
        return self.annotate(
            can_edit=models.Case(
                models.When(editable_by(user), then=models.Value(True)),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )


def theme_index(themes: list[str]) -> str:
    """ "|virksomhedspraktik|sygedagpenge|": a theme filter is one `contains` lookup."""
    keys = [theme.casefold() for theme in themes if theme]
    return "|" + "|".join(keys) + "|" if keys else ""


class Product(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="products",
        verbose_name=_("organisation"),
    )
    team = models.ForeignKey(
        Team,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="products",
        verbose_name=_("team"),
        help_text=_("Tom betyder hele organisationen."),
    )
    kind = models.CharField(_("type"), max_length=20, choices=ProductKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="responsible_products",
        verbose_name=_("ansvarlig"),
    )
    themes = models.JSONField(_("temaer"), default=list, blank=True)
    # The themes as "|a|b|", so that a theme filter is one `contains` lookup; set with them
    # (in products.services).
    theme_index = models.CharField(
        _("temaer til søgning"), max_length=500, blank=True, editable=False
    )
    # The draft: edited in place, guarded by its revision (optimistic locking).
    draft = models.JSONField(_("kladde"), default=dict, blank=True)
    draft_revision = models.PositiveIntegerField(_("kladdens revision"), default=1)
    draft_updated_at = models.DateTimeField(_("kladden gemt"), null=True, blank=True)
    draft_updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("kladden gemt af"),
    )
    has_unpublished_changes = models.BooleanField(_("ændringer ikke udgivet"), default=True)
    latest_version = models.ForeignKey(
        "ProductVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("seneste udgivne version"),
    )
    # Casefolded title, themes and published text: what the list's search looks in.
    search_text = models.TextField(_("søgetekst"), blank=True, editable=False)
    # Traceability: where the product came from. The other side links back.
    source_meetings = models.ManyToManyField(
        "meetings.Meeting", blank=True, related_name="products", verbose_name=_("møder")
    )
    source_learning_points = models.ManyToManyField(
        "learnings.LearningPoint",
        blank=True,
        related_name="products",
        verbose_name=_("læringspunkter"),
    )
    source_rollup_items = models.ManyToManyField(
        "rollups.RollupItem",
        blank=True,
        related_name="products",
        verbose_name=_("beslutninger fra opsamlinger"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("oprettet af"),
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("ændret"), auto_now=True)

    objects = ProductQuerySet.as_manager()

    class Meta:
        verbose_name = _("produkt")
        verbose_name_plural = _("produkter")
        ordering = ["title", "id"]
        indexes = [models.Index(fields=["organisation", "kind"])]

    def __str__(self) -> str:
        return self.title

    @property
    def place_name(self) -> str:
        return self.team.name if self.team is not None else str(_("Hele organisationen"))


class ProductVersion(models.Model):
    """A published version: a numbered, dated snapshot of the draft. Never changed."""

    product = models.ForeignKey(
        Product, on_delete=models.PROTECT, related_name="versions", verbose_name=_("produkt")
    )
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("titel"), max_length=200)
    content = models.JSONField(_("indhold"))
    responsible_name = models.CharField(_("ansvarlig"), max_length=200)
    change_note = models.TextField(_("ændringsnote"))
    published_at = models.DateTimeField(_("udgivet"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("udgivet af"),
    )

    class Meta:
        verbose_name = _("version")
        verbose_name_plural = _("versioner")
        ordering = ["product", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "number"], name="product_version_unique_number"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title}, version {self.number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ImmutableVersion("En udgivet version kan ikke ændres.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise ImmutableVersion("En udgivet version kan ikke slettes.")


class ProductUse(models.TextChoices):
    YES = "yes", _("Ja, jeg bruger den")
    PARTLY = "partly", _("Delvist")
    NO = "no", _("Nej, ikke endnu")


class ProductFeedback(models.Model):
    """A reader's feedback on a published product: is it used, and what is missing. Its editors
    read it on the product and can start the next draft from it (taken_up_at)."""

    product = models.ForeignKey(
        Product, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("produkt")
    )
    version = models.ForeignKey(
        ProductVersion,
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("version"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="product_feedback",
        verbose_name=_("givet af"),
    )
    used = models.CharField(_("bruges den?"), max_length=10, choices=ProductUse.choices)
    missing = models.TextField(_("hvad mangler?"), blank=True)
    created_at = models.DateTimeField(_("givet"), auto_now_add=True)
    taken_up_at = models.DateTimeField(_("taget op i kladden"), null=True, blank=True)
    taken_up_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("taget op af"),
    )

    class Meta:
        verbose_name = _("feedback på et produkt")
        verbose_name_plural = _("feedback på produkter")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.product}: {self.get_used_display()}"
