"""What a team's move takes along: the file's sections, in the order they are written and read
back, and for each the fields it leaves behind, with the reason.

A section is one model's rows of the team, by the order they were made. Every concrete field of
the model moves unless it is left out here, so a field added to a model later moves without
anyone listing it (tests/dashboard/transfer/test_schema.py fails for a model of the team's that
no section holds). How each field is written:

- a value: as JSON holds it (times in UTC, ISO 8601 with microseconds; dates and clock times in
  ISO 8601; decimals as text);
- a person: their username (the file's "people" say who they are);
- the team or its organisation: nothing, they are the file's own;
- a row of another section: that row's "id" in the file (numbered from 1 in each section), and
  a built-in meeting format as {"builtin": key};
- many-to-many: the list of those ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any

from django.db import models

from cases.models import Case, CaseReminder, MaterialDeletion
from cases.retention import MATERIAL_FIELDS
from core.models import StoredPdf, Submission
from learnings.models import LearningPoint, Theme
from meetings.groups.models import BreakoutGroup, GroupMember
from meetings.models import (
    AgendaItem,
    CalendarFeed,
    CheckOut,
    Format,
    FormatPhase,
    Hand,
    Meeting,
    MeetingGuest,
    Participation,
    Series,
    SeriesCancellation,
    SeriesParticipant,
    Step,
    Turn,
)
from meetings.presenters.models import Presenter
from products.models import Product, ProductFeedback, ProductVersion
from rollups.models import FollowUpAction, Rollup, RollupComment, RollupItem
from teams.models import AuditEntry, Membership, Organisation, SessionOwner, Team, User
from thememeetings.models import (
    ExternalGuest,
    RoundAnswer,
    WorkingGroupMeeting,
    WorkingGroupMember,
)
from thememeetings.models import Theme as ThemeProposal
from visits.models import REFLECTION_FIELDS, Visit, VisitPoint

FORMAT = "teamlaering-team"
VERSION = 1

CASE_MATERIAL = (
    "case material: only needed until the meeting, deleted by retention afterwards; a move "
    "takes what retention keeps"
)

REFLECTIONS = (
    "a learning visit's reflections may tell of citizens' cases: they go like case material"
)


@dataclass(frozen=True)
class Section:
    """One model's rows of the team: `team_path` leads from a row to its team."""

    name: str
    model: type[models.Model]
    team_path: str
    left_out: dict[str, str] = field(default_factory=dict)

    def fields(self) -> list[models.Field[Any, Any]]:
        """The fields that move, in the model's order: concrete ones and many-to-many ones
        without a model of their own in between (those are sections of their own)."""
        moved: list[models.Field[Any, Any]] = []
        for model_field in self.model._meta.get_fields():
            if not isinstance(model_field, models.Field) or model_field.primary_key:
                continue
            if model_field.name in self.left_out:
                continue
            if model_field.many_to_many:
                if model_field.remote_field.through._meta.auto_created:  # type: ignore[union-attr]
                    moved.append(model_field)
            elif model_field.concrete:
                moved.append(model_field)
        return moved


SECTIONS: tuple[Section, ...] = (
    Section("memberships", Membership, "team"),
    Section("formats", Format, "team"),
    Section("format_phases", FormatPhase, "format__team"),
    Section("series", Series, "team"),
    Section("series_participants", SeriesParticipant, "series__team"),
    Section("series_cancellations", SeriesCancellation, "series__team"),
    Section("meetings", Meeting, "team"),
    Section("participations", Participation, "meeting__team"),
    Section("agenda_items", AgendaItem, "meeting__team", left_out={"owner_notes": CASE_MATERIAL}),
    Section("steps", Step, "meeting__team"),
    Section("turns", Turn, "step__meeting__team"),
    Section("hands", Hand, "step__meeting__team"),
    Section("check_outs", CheckOut, "meeting__team"),
    Section("breakout_groups", BreakoutGroup, "meeting__team"),
    Section("group_members", GroupMember, "meeting__team"),
    Section("presenters", Presenter, "meeting__team"),
    Section("cases", Case, "team", left_out=dict.fromkeys(MATERIAL_FIELDS, CASE_MATERIAL)),
    Section("material_deletions", MaterialDeletion, "case__team"),
    Section("case_reminders", CaseReminder, "meeting__team"),
    Section("themes", Theme, "team"),
    Section("learning_points", LearningPoint, "team"),
    Section("visits", Visit, "team", left_out=dict.fromkeys(REFLECTION_FIELDS, REFLECTIONS)),
    Section("visit_points", VisitPoint, "visit__team"),
    Section("rollups", Rollup, "team"),
    Section("rollup_items", RollupItem, "rollup__team"),
    Section("rollup_comments", RollupComment, "rollup__team"),
    Section("actions", FollowUpAction, "team"),
    Section("products", Product, "team"),
    Section("product_versions", ProductVersion, "product__team"),
    Section("product_feedback", ProductFeedback, "product__team"),
)

SECTION_OF_MODEL: dict[type[models.Model], Section] = {
    section.model: section for section in SECTIONS
}

# What of a person moves: who they are, never their password, sessions or logins.
PERSON_FIELDS = ("username", "first_name", "last_name", "email", "language", "is_active")
TEAM_FIELDS = (
    "name",
    "slug",
    "case_deadline_working_days",
    "case_deadline_time",
    "case_retention_days",
)
ORGANISATION_FIELDS = ("name", "case_retention_min_days", "case_retention_max_days")

# The installation's models that no section holds, and why.
NOT_MOVED: dict[type[models.Model], str] = {
    User: "the file's people: who they are, without passwords",
    Organisation: "the file's organisation, matched by name",
    Team: "the file's team",
    SessionOwner: "sessions belong to the old installation: everyone signs in anew",
    AuditEntry: (
        "the audit log stays with the installation it records (its object numbers are that "
        "installation's)"
    ),
    Submission: "a form's one-time token: the memory of a double click, for seconds",
    StoredPdf: "a PDF is rendered again at its first download in the new installation",
    MeetingGuest: (
        "a guest's link opens one meeting of the installation that mailed it: guests are "
        "invited anew"
    ),
    CalendarFeed: "a person's secret calendar address is the old installation's: made anew",
    # Theme learning meetings are the organisation's, across its teams: one team's move does
    # not take them (their meeting moves with its host team, as a meeting).
    ThemeProposal: "the organisation's theme backlog, not one team's",
    ExternalGuest: "an outside guest of the organisation's theme meeting",
    WorkingGroupMember: "the organisation's working group, not one team's",
    WorkingGroupMeeting: "the organisation's working group, not one team's",
    RoundAnswer: (
        "a person's answer in an organisation's theme meeting: it stays with the organisation's "
        "theme"
    ),
}


class Kind(Enum):
    """How a field is written in the file."""

    VALUE = "value"
    PERSON = "person"
    OWN = "own"  # the team or its organisation
    ROW = "row"
    ROWS = "rows"


def kind_of(model_field: models.Field[Any, Any]) -> Kind:
    if model_field.many_to_many:
        return Kind.ROWS
    if not model_field.is_relation:
        return Kind.VALUE
    target = model_field.related_model
    if target is User:
        return Kind.PERSON
    if target in (Team, Organisation):
        return Kind.OWN
    if target in SECTION_OF_MODEL:
        return Kind.ROW
    raise TypeError(f"{model_field} refers to {target}, which no section holds")


def through_columns(model_field: models.Field[Any, Any]) -> tuple[type[models.Model], str, str]:
    """A many-to-many field's table of pairs, and its columns for the row and for the target."""
    through: type[models.Model] = model_field.remote_field.through  # type: ignore[union-attr]
    source = f"{model_field.m2m_field_name()}_id"  # type: ignore[attr-defined]
    target = f"{model_field.m2m_reverse_field_name()}_id"  # type: ignore[attr-defined]
    return through, source, target


def target_section(model_field: models.Field[Any, Any]) -> Section:
    return SECTION_OF_MODEL[model_field.related_model]  # type: ignore[index]


def encode_value(value: Any) -> Any:
    """A field's value as JSON holds it."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (bytes, memoryview)):
        raise TypeError("binary fields do not move")
    return value
