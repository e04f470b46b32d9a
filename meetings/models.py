from __future__ import annotations

from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from meetings import clock
from teams.models import Membership, Organisation, Role, Team, User


class PhaseKind(models.TextChoices):
    PRESENTATION = "presentation", _("Præsentation")
    QUESTIONS = "questions", _("Opklarende spørgsmål")
    REFLECTION = "reflection", _("Refleksion")
    ROUND = "round", _("Runde")
    RESPONSE = "response", _("Sagsejers tilbagemelding")
    SUMMARY = "summary", _("Opsamling og beslutning")
    CHECK_IN = "check_in", _("Tjek-ind")
    CHECK_OUT = "check_out", _("Tjek-ud")
    SILENCE = "silence", _("Stilhed")
    GROUP_WORK = "group_work", _("Gruppearbejde")
    BREAK = "break", _("Pause")
    TALK = "talk", _("Oplæg")
    REVIEW = "review", _("Opfølgning på aftaler")
    OBSERVATION = "observation", _("Observatørens feedback")
    # Colleagues present examples from their practice in turn (Odder's theme meetings); a
    # meeting with such a phase has presenters (meetings.presenters).
    PRACTICE_EXAMPLES = "practice_examples", _("Eksempler fra praksis")


# Phases in which the room talks freely: a participant raises a hand to get the word.
DISCUSSION_KINDS = frozenset(
    {
        PhaseKind.QUESTIONS,
        PhaseKind.REFLECTION,
        PhaseKind.OBSERVATION,
        PhaseKind.SUMMARY,
        PhaseKind.REVIEW,
        PhaseKind.GROUP_WORK,
    }
)


class FacilitatorRole(models.TextChoices):
    LEADER = Role.LEADER.value, _("Teamlederen")
    COORDINATOR = Role.COORDINATOR.value, _("Den faglige koordinator")


class FormatQuerySet(models.QuerySet["Format"]):
    def builtin(self) -> FormatQuerySet:
        return self.filter(team__isnull=True)

    def available_to(self, team: Team) -> FormatQuerySet:
        return self.filter(Q(team__isnull=True) | Q(team=team))


class Format(models.Model):
    """A meeting format: an ordered list of timed phases. Built-in formats have no team."""

    team = models.ForeignKey(
        Team,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="formats",
        verbose_name=_("team"),
    )
    key = models.SlugField(
        _("nøgle"), max_length=60, blank=True, help_text=_("Kun for de indbyggede formater.")
    )
    name = models.CharField(_("navn"), max_length=120)
    description = models.TextField(_("beskrivelse"), blank=True)
    purpose = models.CharField(
        _("formål"),
        max_length=300,
        blank=True,
        help_text=_("Én sætning om, hvad mødet er til. Vises, når et møde planlægges."),
    )
    source = models.CharField(
        _("metode"),
        max_length=300,
        blank=True,
        help_text=_("Den metode eller det materiale, formatet bygger på."),
    )
    repeats_per_case = models.BooleanField(
        _("sagsfaserne gentages for hver sag"),
        default=True,
        help_text=_("Faser markeret som sagsfaser køres én gang for hver sag på dagsordenen."),
    )
    facilitator_role = models.CharField(
        _("mødeleder"),
        max_length=20,
        choices=FacilitatorRole.choices,
        default=FacilitatorRole.LEADER,
    )
    meeting_minutes = models.PositiveSmallIntegerField(
        _("mødets længde (minutter)"),
        null=True,
        blank=True,
        help_text=_("Den tid, mødet højst må vare. Afgør, hvor mange sager der er plads til."),
    )
    copied_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        verbose_name=_("kopieret fra"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FormatQuerySet.as_manager()

    class Meta:
        verbose_name = _("mødeformat")
        verbose_name_plural = _("mødeformater")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=Q(team__isnull=True), name="format_unique_builtin_key"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_builtin(self) -> bool:
        return self.team_id is None


class FormatPhase(models.Model):
    format = models.ForeignKey(
        Format, on_delete=models.CASCADE, related_name="phases", verbose_name=_("format")
    )
    position = models.PositiveSmallIntegerField(_("rækkefølge"))
    name = models.CharField(_("navn"), max_length=120)
    kind = models.CharField(_("type"), max_length=20, choices=PhaseKind.choices)
    minutes = models.PositiveSmallIntegerField(_("minutter"), null=True, blank=True)
    minutes_per_person = models.DecimalField(
        _("minutter pr. deltager"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    per_case = models.BooleanField(_("sagsfase"), default=False)
    instruction = models.TextField(_("instruktion til rummet"), blank=True)
    prompts = models.TextField(_("spørgsmål"), blank=True, help_text=_("Ét spørgsmål pr. linje."))
    rules = models.TextField(_("regler"), blank=True, help_text=_("Én regel pr. linje."))

    class Meta:
        verbose_name = _("fase")
        verbose_name_plural = _("faser")
        ordering = ["format", "position"]

    def __str__(self) -> str:
        return self.name

    def snapshot(self) -> dict:
        """What a meeting keeps of this phase, so later edits never change it."""
        return {
            "name": self.name,
            "kind": self.kind,
            "seconds": (self.minutes or 0) * 60,
            "seconds_per_person": (
                int(self.minutes_per_person * 60) if self.minutes_per_person else None
            ),
            "per_case": self.per_case,
            "instruction": self.instruction,
            "prompts": lines(self.prompts),
            "rules": lines(self.rules),
        }


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("Planlagt")
    RUNNING = "running", _("I gang")
    FINISHED = "finished", _("Afsluttet")


class MeetingQuerySet(models.QuerySet["Meeting"]):
    def visible_to_user_id(self, user_id: int | str | OuterRef | None) -> MeetingQuerySet:
        """Meetings of the user's teams and of organisations the user leads, and meetings
        they lead or were invited to from another team (a theme meeting invites several
        teams). `user_id` may be a reference to an enclosing query's user (two levels out:
        `OuterRef(OuterRef("pk"))`), to ask it of many people at once."""
        if user_id is None:
            return self.none()
        member = Membership.objects.filter(team=OuterRef("team"), user_id=user_id)
        leads = Organisation.department_leaders.through.objects.filter(
            organisation=OuterRef("team__organisation"), user_id=user_id
        )
        invited = Participation.objects.filter(meeting=OuterRef("pk"), user_id=user_id)
        return self.filter(
            Exists(member)
            | Exists(leads)
            | Exists(invited)
            | Q(facilitator_id=user_id)
            | Q(co_facilitator_id=user_id)
        )

    def visible_to(self, user: User | AnonymousUser) -> MeetingQuerySet:
        if not user.is_authenticated:
            return self.none()
        return self.visible_to_user_id(user.pk)

    def upcoming(self) -> MeetingQuerySet:
        today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        return self.filter(starts_at__gte=today).exclude(status=MeetingStatus.FINISHED)

    def past(self) -> MeetingQuerySet:
        return self.filter(status=MeetingStatus.FINISHED)

    def taking_cases(self) -> MeetingQuerySet:
        """Meetings whose format has a case phase: a theme meeting or a learning visit's
        closing meeting discusses no cases, so none is submitted or moved to it. Asked of the
        format, since a JSON array's elements cannot be queried alike on SQLite and
        PostgreSQL; a meeting's phases are its format's as planned."""
        return self.filter(
            Exists(FormatPhase.objects.filter(format=OuterRef("format"), per_case=True))
        )


class Meeting(models.Model):
    team = models.ForeignKey(
        Team, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("team")
    )
    format = models.ForeignKey(
        Format, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("format")
    )
    title = models.CharField(_("titel"), max_length=200)
    starts_at = models.DateTimeField(_("tidspunkt"))
    place = models.CharField(_("sted"), max_length=200, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("varighed (minutter)"), default=60)
    # The length rule: a meeting planned without a length of its own lasts as long as its
    # timetable (the running order's planned time, in whole minutes), and follows it as cases
    # come and go; one given a length (duration_set) keeps it, and its page says when the two
    # differ. timetable_minutes is the timetable's length as last built.
    duration_set = models.BooleanField(_("varighed sat af planlæggeren"), default=False)
    timetable_minutes = models.PositiveSmallIntegerField(
        _("køreplanens længde (minutter)"), null=True, blank=True
    )
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="facilitated_meetings",
        verbose_name=_("mødeleder"),
    )
    # A second leader: the stand-in of a series, or the other of a theme meeting's two meeting
    # leaders. Runs and plans the meeting as the facilitator does.
    co_facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="co_facilitated_meetings",
        verbose_name=_("medmødeleder"),
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="Participation",
        related_name="meetings",
        verbose_name=_("deltagere"),
    )
    phases = models.JSONField(_("faser"), default=list)
    status = models.CharField(
        _("status"), max_length=20, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    # The clock's state: timestamps, never a counter (see meetings/clock.py).
    version = models.PositiveIntegerField(default=1)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    current_position = models.PositiveSmallIntegerField(default=0)
    span_started_at = models.DateTimeField(null=True, blank=True)
    span_pause_offset = models.FloatField(default=0)
    paused_at = models.DateTimeField(null=True, blank=True)
    paused_seconds = models.FloatField(default=0)
    turn_started_at = models.DateTimeField(null=True, blank=True)
    turn_pause_offset = models.FloatField(default=0)
    sound_enabled = models.BooleanField(_("lyd ved fasens slutning"), default=True)
    # A meeting planned by a series (meetings.series), for the series' date `series_date`;
    # `series_changed` once changed by hand, after which changes to the series leave it be.
    series = models.ForeignKey(
        "meetings.Series",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("mødeserie"),
    )
    series_date = models.DateField(null=True, blank=True)
    series_changed = models.BooleanField(_("ændret for sig"), default=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("møde")
        verbose_name_plural = _("møder")
        ordering = ["-starts_at"]
        indexes = [models.Index(fields=["team", "starts_at"])]
        constraints = [
            # The top-up plans each of a series' dates once, however often it runs.
            models.UniqueConstraint(
                fields=["series", "series_date"], name="meeting_unique_series_date"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def length_follows_timetable(self) -> bool:
        """The length is the timetable's: planned without a length of its own, and not
        changed since (a length written by other means than planning is kept as set)."""
        return not self.duration_set and self.duration_minutes == self.timetable_minutes

    @property
    def length_differs(self) -> bool:
        """The timetable and the length disagree (only a length set by hand can)."""
        return self.timetable_minutes is not None and self.timetable_minutes != (
            self.duration_minutes
        )

    def is_led_by(self, user_id: int | None) -> bool:
        """The user is its facilitator or its co-facilitator."""
        return user_id is not None and user_id in (self.facilitator_id, self.co_facilitator_id)

    @property
    def pauses(self) -> clock.Pauses:
        return clock.Pauses(self.paused_seconds, self.paused_at)

    @property
    def has_observers(self) -> bool:
        """Its format names an observer per case (an observer phase among its phases)."""
        return any(phase.get("kind") == PhaseKind.OBSERVATION for phase in self.phases)

    @property
    def has_presenters(self) -> bool:
        """Its format has a phase of practitioner examples, given by presenters in rotation."""
        return any(phase.get("kind") == PhaseKind.PRACTICE_EXAMPLES for phase in self.phases)

    @property
    def is_running(self) -> bool:
        return self.status == MeetingStatus.RUNNING

    @property
    def is_paused(self) -> bool:
        return self.paused_at is not None

    def clock_now(self) -> datetime:
        """The moment the clock reads: now, or the end for a finished meeting."""
        return self.ended_at or timezone.now()


class Participation(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="participation_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.meeting}"


class AgendaItem(models.Model):
    """A titled item on a meeting's agenda, in order; a case brought to the meeting links to
    its item from the case's side (cases.Case.agenda_item)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("møde")
    )
    position = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    title = models.CharField(_("titel"), max_length=200)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agenda_items",
        verbose_name=_("sagsejer"),
    )
    owner_notes = models.TextField(_("sagsejers noter"), blank=True)
    # The interdisciplinary format (Odder, Bilag 4): one participant watches the case's
    # discussion and afterwards says what was relevant knowledge and where to tighten up.
    observer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="observed_items",
        verbose_name=_("observatør"),
    )
    observer_relevant = models.TextField(_("relevant viden"), blank=True)
    observer_tighten = models.TextField(_("hvor kan vi stramme op"), blank=True)

    class Meta:
        verbose_name = _("punkt på dagsordenen")
        verbose_name_plural = _("punkter på dagsordenen")
        ordering = ["meeting", "position", "id"]

    def __str__(self) -> str:
        return self.title


class Step(models.Model):
    """One entry of a meeting's running order: a phase, for a case when it is a case phase."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="steps", verbose_name=_("møde")
    )
    position = models.PositiveSmallIntegerField()
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="steps"
    )
    name = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=PhaseKind.choices)
    planned_seconds = models.PositiveIntegerField(default=0)
    seconds_per_person = models.PositiveIntegerField(null=True, blank=True)
    instruction = models.TextField(blank=True)
    prompts = models.JSONField(default=list)
    rules = models.JSONField(default=list)
    extension_seconds = models.PositiveIntegerField(default=0)
    actual_seconds = models.FloatField(null=True, blank=True)

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="step_unique_position")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_round(self) -> bool:
        return self.kind == PhaseKind.ROUND

    @property
    def is_discussion(self) -> bool:
        return self.kind in DISCUSSION_KINDS

    @property
    def budget_seconds(self) -> int:
        return self.planned_seconds + self.extension_seconds

    @property
    def case_title(self) -> str:
        return self.agenda_item.title if self.agenda_item else ""


class TurnStatus(models.TextChoices):
    WAITING = "waiting", _("Venter")
    SPEAKING = "speaking", _("Taler")
    DONE = "done", _("Har talt")
    SKIPPED = "skipped", _("Sprunget over")


class Turn(models.Model):
    """One participant's turn in a round."""

    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="turns")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField()
    status = models.CharField(
        max_length=20, choices=TurnStatus.choices, default=TurnStatus.WAITING
    )
    spoken_seconds = models.FloatField(default=0)

    class Meta:
        ordering = ["step", "position"]
        constraints = [
            models.UniqueConstraint(fields=["step", "user"], name="turn_unique_user"),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_status_display()})"


class Hand(models.Model):
    """A raised hand in a discussion phase: waiting in the order raised until the facilitator
    gives the word ("Giv ordet"), then the word itself until it is given to the next."""

    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="hands")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    raised_at = models.DateTimeField()
    given_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["step", "raised_at", "id"]
        constraints = [
            # A person is in the queue once: raising twice (a double click) changes nothing.
            models.UniqueConstraint(
                fields=["step", "user"],
                condition=Q(given_at__isnull=True),
                name="hand_one_waiting_per_person",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.step}"


class CheckOut(models.Model):
    """A participant's short check-out after a meeting ("tjek-ud"): how useful it was for their
    practice, 1-5, and one line. One per person per meeting, which they may change. Shown to the
    leaders only in sums of at least EVALUATION_MIN_ANSWERS answers (meetings.evaluation)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="check_outs", verbose_name=_("møde")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="check_outs",
        verbose_name=_("deltager"),
    )
    usefulness = models.PositiveSmallIntegerField(_("hvor nyttigt for min praksis (1-5)"))
    comment = models.CharField(_("én linje"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("tjek-ud")
        verbose_name_plural = _("tjek-ud")
        ordering = ["meeting", "id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="check_out_once"),
            models.CheckConstraint(
                condition=Q(usefulness__gte=1) & Q(usefulness__lte=5),
                name="check_out_usefulness_1_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} · {self.usefulness}"


# The parts of the meetings app with pages of their own keep their models in their folders
# (calendar, groups, guests, presenters, series), as tables of this app, so that Django finds them.
from meetings.calendar.models import CalendarFeed  # noqa: E402, F401
from meetings.groups.models import BreakoutGroup, GroupMember  # noqa: E402, F401
from meetings.guests.models import MeetingGuest  # noqa: E402, F401
from meetings.presenters.models import Presenter  # noqa: E402, F401
from meetings.series.models import (  # noqa: E402, F401
    Series,
    SeriesCancellation,
    SeriesParticipant,
)
