from __future__ import annotations

from datetime import time

from django.conf import settings
from django.contrib.auth.models import AbstractUser, AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The one inactive account per installation that what an erased person wrote is moved to
# (teams.erasure). Django's username validator refuses a space, so no form or admin page can
# make a real person with this name.
FORMER_EMPLOYEE_USERNAME = "tidligere medarbejder"


def display_name(first_name: str, last_name: str, username: str) -> str:
    """How a person is named on every page: their full name, else their username; an erased
    person's words are shown as "tidligere medarbejder"."""
    if username == FORMER_EMPLOYEE_USERNAME:
        return str(_("tidligere medarbejder"))
    return f"{first_name} {last_name}".strip() or username


class User(AbstractUser):
    """A person who signs in: a caseworker, a leader, a guest or an administrator."""

    language = models.CharField(
        _("sprog"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="da",
        help_text=_("Sproget, som Teamlæring vises på for dig."),
    )
    # A person is of an organisation through its teams; one who has none yet (created at their
    # first single sign-on, teams/oidc) belongs here, so its leaders can add them to a team.
    organisation = models.ForeignKey(
        "Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
        help_text=_("Organisationen, personen hører til, også før de er med i et team."),
    )

    class Meta:
        verbose_name = _("bruger")
        verbose_name_plural = _("brugere")
        ordering = ["first_name", "last_name", "username"]

    def __str__(self) -> str:
        return display_name(self.first_name, self.last_name, self.username)

    @property
    def display_name(self) -> str:
        return str(self)

    @property
    def is_former_employee(self) -> bool:
        """The placeholder that an erased person's words belong to now."""
        return self.username == FORMER_EMPLOYEE_USERNAME


class Organisation(models.Model):
    """A municipality or a department of one: the teams in it share products and rollups."""

    name = models.CharField(_("navn"), max_length=200, unique=True)
    department_leaders = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="led_organisations",
        verbose_name=_("afdelingsledere"),
        help_text=_("Ledere, der kan læse på tværs af organisationens teams."),
    )

    # The team's leader chooses how long case material is kept, within these limits.
    case_retention_min_days = models.PositiveSmallIntegerField(
        _("sagsmateriale gemmes mindst (dage)"), default=1
    )
    case_retention_max_days = models.PositiveSmallIntegerField(
        _("sagsmateriale gemmes højst (dage)"), default=90
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisationer")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TeamQuerySet(models.QuerySet["Team"]):
    def visible_to(self, user: User | AnonymousUser) -> TeamQuerySet:
        """Teams the user belongs to, plus every team of organisations the user leads."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(
            Q(memberships__user=user) | Q(organisation__department_leaders=user)
        ).distinct()

    def member_of(self, user: User | AnonymousUser) -> TeamQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)

    def led_by(self, user: User | AnonymousUser) -> TeamQuerySet:
        """The teams the user leads or coordinates, by name."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user, memberships__role__in=LEADING_ROLES).order_by(
            "name", "pk"
        )


WEEKDAYS = [
    (0, _("mandag")),
    (1, _("tirsdag")),
    (2, _("onsdag")),
    (3, _("torsdag")),
    (4, _("fredag")),
]


class Team(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="teams",
        verbose_name=_("organisation"),
    )
    name = models.CharField(_("navn"), max_length=200)
    slug = models.SlugField(_("kortnavn"), max_length=80, unique=True)
    case_deadline_working_days = models.PositiveSmallIntegerField(
        _("frist for sager, arbejdsdage før mødet"),
        default=1,
        help_text=_("0 betyder mødedagen selv."),
    )
    case_deadline_time = models.TimeField(_("frist for sager, klokkeslæt"), default=time(12, 0))
    case_retention_days = models.PositiveSmallIntegerField(
        _("sagsmateriale slettes efter (dage)"),
        default=30,
        help_text=_(
            "Sparringsønsket, baggrund, tidslinje, genogram og sagsejers noter slettes så "
            "mange dage efter mødet. Titel, sparringstype og læringspunkter bevares."
        ),
    )

    # How a member who leaves is named in what they wrote for the team: decided when they are
    # removed (teams.services.member_remove), since it moves their rows to the placeholder.
    former_members_named = models.BooleanField(
        _("tidligere medlemmer står med navn"),
        default=True,
        help_text=_(
            "Når et medlem fjernes, står det, personen har skrevet i teamet (læringspunkter, "
            "sager, opsamlinger, referater og produkter), med personens navn. Ellers står der "
            "»tidligere medarbejder«."
        ),
    )

    # Meeting defaults: where the planner starts a new meeting ("Planlæg møde"). Without a
    # weekday the planner follows the rhythm of the team's past meetings.
    meeting_weekday = models.PositiveSmallIntegerField(
        _("mødedag"), choices=WEEKDAYS, null=True, blank=True
    )
    meeting_time = models.TimeField(_("mødetidspunkt"), null=True, blank=True)
    meeting_weeks_between = models.PositiveSmallIntegerField(_("uger mellem møderne"), default=1)
    meeting_place = models.CharField(_("mødested"), max_length=200, blank=True)

    objects = TeamQuerySet.as_manager()

    class Meta:
        verbose_name = _("team")
        verbose_name_plural = _("teams")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="team_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    LEADER = "leader", _("Teamleder")
    COORDINATOR = "coordinator", _("Faglig koordinator")
    CASEWORKER = "caseworker", _("Sagsbehandler")
    GUEST = "guest", _("Gæstedeltager")


# The roles that lead a team: they plan and run its meetings, select its cases, sum up its
# learning and edit its products.
LEADING_ROLES = frozenset({Role.LEADER, Role.COORDINATOR})


class MembershipQuerySet(models.QuerySet["Membership"]):
    def leading(self) -> MembershipQuerySet:
        """Memberships with a role that leads the team."""
        return self.filter(role__in=LEADING_ROLES)


class Membership(models.Model):
    """A person's place in a team. One person may be in several teams with different roles."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("team")
    )
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)
    title = models.CharField(
        _("fagligt ståsted"),
        max_length=100,
        blank=True,
        help_text=_("Fx jobkonsulent, lægekonsulent, psykolog eller mentor."),
    )
    # The start page's guided start to a team's first meeting, skipped by this person.
    first_meeting_guide_skipped_at = models.DateTimeField(
        _("guiden til første møde sprunget over"), null=True, blank=True
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("medlemskab")
        verbose_name_plural = _("medlemskaber")
        ordering = ["team", "role", "user__first_name"]
        constraints = [
            models.UniqueConstraint(fields=["user", "team"], name="membership_unique_user_team")
        ]

    def __str__(self) -> str:
        return f"{self.user}, {self.team} ({self.get_role_display()})"

    @property
    def role_label(self) -> str:
        return self.title or self.get_role_display()


class SessionOwner(models.Model):
    """Who is signed in to a session (teams.sessions records it at login), so a person's
    sessions can be listed and ended without decoding everyone's."""

    session = models.OneToOneField(
        Session,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="owner",
        verbose_name=_("session"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="session_owners",
        verbose_name=_("person"),
    )
    signed_in_at = models.DateTimeField(_("logget ind"))

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessioner")

    def __str__(self) -> str:
        return f"{self.user} ({self.signed_in_at:%Y-%m-%d %H:%M})"


class AuditAction(models.TextChoices):
    """What the audit log records. Never what a case says: only who, what, when and which."""

    CASE_VIEWED = "case_viewed", _("Så en sag")
    CASE_SUBMITTED = "case_submitted", _("Indsendte en sag")
    CASE_CHANGED = "case_changed", _("Ændrede en sag")
    CASE_WITHDRAWN = "case_withdrawn", _("Trak en sag tilbage")
    PDF_EXPORTED = "pdf_exported", _("Hentede en PDF")
    LOGIN = "login", _("Loggede ind")
    LOGIN_FAILED = "login_failed", _("Mislykket login")
    LOGOUT = "logout", _("Loggede ud")
    MEMBER_ADDED = "member_added", _("Tilføjede et medlem")
    MEMBER_INVITED = "member_invited", _("Inviterede en ny person")
    ROLE_CHANGED = "role_changed", _("Skiftede rolle")
    MEMBER_REMOVED = "member_removed", _("Fjernede et medlem")
    RETENTION_DELETED = "retention_deleted", _("Slettede sagsmateriale efter opbevaringstiden")
    PERSON_ERASED = "person_erased", _("Slettede en person")
    ACCOUNT_CHANGED = "account_changed", _("Ændrede en persons adgang")
    DATA_EXPORTED = "data_exported", _("Hentede sine data")
    AUDIT_EXPORTED = "audit_exported", _("Hentede loggen som CSV")
    TEAM_EXPORTED = "team_exported", _("Hentede et teams data")
    TEAM_IMPORTED = "team_imported", _("Hentede et team ind")


# Reads are kept a shorter time than changes (settings.TEAMLAERING_AUDIT_READS_DAYS).
READ_ACTIONS = frozenset(
    {
        AuditAction.CASE_VIEWED,
        AuditAction.PDF_EXPORTED,
        AuditAction.DATA_EXPORTED,
        AuditAction.AUDIT_EXPORTED,
        AuditAction.TEAM_EXPORTED,
    }
)


class AuditEntry(models.Model):
    """One line of the audit log ("Adgangslog"): who read or changed what, and when.

    It names people, teams and objects by reference and facts by code (a role, a field's
    name, the kind of PDF), never a case's text. Written by teams.audit.services.audit_record.
    """

    at = models.DateTimeField(_("tidspunkt"))
    action = models.CharField(_("handling"), max_length=32, choices=AuditAction.choices)
    # Who did it (none for the daily job or a failed login) and whom it was about.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("person"),
    )
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("om person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation"),
    )
    team = models.ForeignKey(
        Team,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("team"),
    )
    target_type = models.ForeignKey(
        ContentType,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("slags objekt"),
    )
    target_id = models.PositiveBigIntegerField(_("objektets nummer"), null=True, blank=True)
    detail = models.JSONField(_("detaljer"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP-adresse"), null=True, blank=True)

    class Meta:
        verbose_name = _("logpost")
        verbose_name_plural = _("adgangslog")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["at"]),
            models.Index(fields=["organisation", "at"]),
            models.Index(fields=["actor", "at"]),
            models.Index(fields=["subject", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    @property
    def is_read(self) -> bool:
        return self.action in READ_ACTIONS
