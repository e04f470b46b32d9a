"""Forms for a team's own meeting formats: the format itself and its phases as a formset."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME, ORDERING_FIELD_NAME
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise

from core import limits
from core.privacy import CprGuardMixin
from meetings.models import Format, FormatPhase

PHASE_FIELDS = [
    "name",
    "kind",
    "minutes",
    "minutes_per_person",
    "per_case",
    "instruction",
    "prompts",
    "rules",
]


def _text(
    label: StrOrPromise, *, rows: int, limit: int, help_text: StrOrPromise = ""
) -> forms.CharField:
    """A text the model leaves unbounded, bounded here (core.limits)."""
    return forms.CharField(
        label=label,
        required=False,
        max_length=limit,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class FormatForm(CprGuardMixin, forms.ModelForm):
    description = _text(_("Beskrivelse"), rows=3, limit=limits.LONG_TEXT)
    meeting_minutes = forms.IntegerField(
        label=_("Mødets længde (minutter)"),
        required=False,
        min_value=5,
        max_value=600,
        help_text=_(
            "Den tid, et møde efter formatet højst må vare. Afgør, hvor mange sager der er "
            "plads til. Tom: fasernes samlede tid."
        ),
    )

    class Meta:
        model = Format
        fields = [
            "name",
            "purpose",
            "description",
            "source",
            "repeats_per_case",
            "facilitator_role",
            "meeting_minutes",
        ]
        labels = {
            "name": _("Navn"),
            "purpose": _("Formål"),
            "source": _("Metode"),
            "repeats_per_case": _("Sagsfaserne gentages for hver sag"),
            "facilitator_role": _("Mødeleder"),
        }


class FormatPhaseForm(CprGuardMixin, forms.ModelForm):
    instruction = _text(_("Instruktion til rummet"), rows=2, limit=limits.SHORT_TEXT)
    prompts = _text(
        _("Spørgsmål"), rows=3, limit=limits.SHORT_TEXT, help_text=_("Ét spørgsmål pr. linje.")
    )
    rules = _text(_("Regler"), rows=3, limit=limits.SHORT_TEXT, help_text=_("Én regel pr. linje."))
    minutes = forms.IntegerField(
        label=_("Minutter"),
        required=False,
        min_value=0,
        max_value=600,
        help_text=_("Fasens samlede varighed."),
    )
    minutes_per_person = forms.DecimalField(
        label=_("Minutter pr. deltager"),
        required=False,
        min_value=Decimal("0"),
        max_digits=4,
        decimal_places=1,
        help_text=_("Til runder, hvor hver deltager har sin egen taletid."),
    )

    class Meta:
        model = FormatPhase
        fields = PHASE_FIELDS
        labels = {
            "name": _("Fasens navn"),
            "kind": _("Type"),
            "per_case": _("Sagsfase (gentages for hver sag)"),
        }

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned_data = self.cleaned_data
        if cleaned_data.get(DELETION_FIELD_NAME):
            return cleaned_data
        if "minutes" in self.errors or "minutes_per_person" in self.errors:
            return cleaned_data
        minutes = cleaned_data.get("minutes") or 0
        per_person = cleaned_data.get("minutes_per_person") or 0
        if minutes <= 0 and per_person <= 0:
            self.add_error(
                "minutes",
                _("Angiv en varighed på mindst 1 minut - eller minutter pr. deltager."),
            )
        return cleaned_data


class BaseFormatPhaseFormSet(forms.BaseInlineFormSet):
    def add_fields(self, form: forms.ModelForm, index: int | None) -> None:
        super().add_fields(form, index)
        form.fields[ORDERING_FIELD_NAME].label = _("Rækkefølge")
        form.fields[ORDERING_FIELD_NAME].help_text = _("Faserne sorteres efter dette tal.")
        form.fields[DELETION_FIELD_NAME].label = _("Slet fasen")

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        remaining = [
            form for form in self.forms if form.cleaned_data and not self.is_deleted(form)
        ]
        if not remaining:
            raise forms.ValidationError(_("Et format skal have mindst én fase."))

    def is_deleted(self, form: forms.BaseForm) -> bool:
        """Whether the phase's form is marked for deletion, by Django's own test."""
        # Django's test is private, so django-stubs leave it out.
        return bool(self._should_delete_form(form))  # type: ignore[attr-defined]


# The factory subclasses `formset`; the stubs only know that it is a BaseInlineFormSet.
FormatPhaseFormSet = cast(
    type[BaseFormatPhaseFormSet],
    forms.inlineformset_factory(
        Format,
        FormatPhase,
        form=FormatPhaseForm,
        formset=BaseFormatPhaseFormSet,
        fields=PHASE_FIELDS,
        extra=1,
        can_order=True,
        can_delete=True,
    ),
)


def format_forms(
    *, format: Format, data: Mapping[str, Any] | None = None
) -> tuple[FormatForm, BaseFormatPhaseFormSet]:
    """The format's form and its phases' formset, bound when data is given."""
    form = FormatForm(data, instance=format)
    formset = FormatPhaseFormSet(
        data,
        instance=format,
        prefix="phases",
        queryset=FormatPhase.objects.filter(format=format).order_by("position", "pk"),
    )
    return form, formset
