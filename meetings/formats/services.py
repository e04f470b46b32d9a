"""Copying and changing a team's meeting formats, and the total time of a format's phases."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from meetings.formats.forms import BaseFormatPhaseFormSet, FormatForm
from meetings.models import Format, FormatPhase
from teams.models import Team

# A CharField always has a max_length; _meta only knows that it is some field.
NAME_MAX_LENGTH = cast(int, Format._meta.get_field("name").max_length)


@transaction.atomic
def format_copy(*, source: Format, team: Team) -> Format:
    """A copy of the format and its phases, owned by the team, that the team may change."""
    name = _("%(name)s (kopi)") % {"name": source.name}
    if len(name) > NAME_MAX_LENGTH:
        overflow = len(name) - NAME_MAX_LENGTH
        name = _("%(name)s (kopi)") % {"name": source.name[: len(source.name) - overflow]}
    copy = Format.objects.create(
        team=team,
        name=name,
        description=source.description,
        purpose=source.purpose,
        source=source.source,
        repeats_per_case=source.repeats_per_case,
        facilitator_role=source.facilitator_role,
        meeting_minutes=source.meeting_minutes,
        copied_from=source,
    )
    FormatPhase.objects.bulk_create(
        FormatPhase(
            format=copy,
            position=position,
            name=phase.name,
            kind=phase.kind,
            minutes=phase.minutes,
            minutes_per_person=phase.minutes_per_person,
            per_case=phase.per_case,
            instruction=phase.instruction,
            prompts=phase.prompts,
            rules=phase.rules,
        )
        for position, phase in enumerate(source.phases.order_by("position", "pk"))
    )
    return copy


@transaction.atomic
def format_update(*, format: Format, form: FormatForm, formset: BaseFormatPhaseFormSet) -> Format:
    """Save a valid FormatForm and phase formset; positions become 0..n-1 in ORDER's order.

    Meetings keep a snapshot of their phases, so changing a format never changes them.
    """
    format = form.save()
    formset.instance = format
    formset.save(commit=False)
    for phase in formset.deleted_objects:
        phase.delete()
    for position, phase_form in enumerate(formset.ordered_forms):
        phase = phase_form.save(commit=False)
        phase.format = format
        phase.position = position
        phase.save()
    return format


@dataclass(frozen=True)
class PhaseTotal:
    """The planned time of a list of phases: fixed minutes, and minutes per participant."""

    minutes: Decimal = Decimal(0)
    minutes_per_person: Decimal = Decimal(0)
    per_case_minutes: Decimal = Decimal(0)

    @classmethod
    def of(cls, phases: Iterable[FormatPhase | dict[str, Any]]) -> PhaseTotal:
        minutes = per_person = per_case = Decimal(0)
        for phase in phases:
            values = phase if isinstance(phase, dict) else vars(phase)
            phase_minutes = Decimal(values.get("minutes") or 0)
            minutes += phase_minutes
            per_person += Decimal(values.get("minutes_per_person") or 0)
            if values.get("per_case"):
                per_case += phase_minutes
        return cls(minutes, per_person, per_case)

    @property
    def minutes_text(self) -> str:
        return _("%(minutes)s min") % {"minutes": minutes_text(self.minutes)}

    @property
    def per_person_text(self) -> str:
        if not self.minutes_per_person:
            return ""
        return _("%(minutes)s min pr. deltager") % {
            "minutes": minutes_text(self.minutes_per_person)
        }

    @property
    def per_case_text(self) -> str:
        if not self.per_case_minutes:
            return ""
        return _("%(minutes)s min pr. sag") % {"minutes": minutes_text(self.per_case_minutes)}

    def __str__(self) -> str:
        if self.per_person_text:
            return f"{self.minutes_text} + {self.per_person_text}"
        return self.minutes_text


def minutes_text(value: Decimal | int) -> str:
    """Whole minutes without decimals, others with the language's decimal mark: 2, 1,5."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return str(int(value))
    return number_format(value.normalize(), use_l10n=True)


def typed_phases(formset: BaseFormatPhaseFormSet) -> list[dict[str, Any]]:
    """The phases as the formset shows them: saved values, or what was typed and is valid."""
    if not formset.is_bound:
        return [vars(form.instance) for form in formset.forms if form.instance.pk]
    phases = []
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if data and not formset.is_deleted(form):
            phases.append(data)
    return phases
