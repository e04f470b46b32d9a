"""The guided start to a team's first meeting: a format, a time, the cases, and start."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cases.models import Case
from core.fields import IdsChoiceField
from meetings.models import Format
from meetings.planning import FormatChoice

# The two ways to finish the guided start: hold the meeting now, or plan it for the time.
RUN_NOW, PLAN = "now", "plan"


class _LoadedChoiceIterator(forms.models.ModelChoiceIterator):
    """The choices from the queryset's loaded rows when it has them: the view loads the cases
    once for the initial ticks, and rendering the boxes would ask the database again."""

    def __iter__(self) -> Any:
        for case in self.queryset:
            yield self.choice(case)


class CaseChoiceField(IdsChoiceField):
    iterator = _LoadedChoiceIterator

    def label_from_instance(self, case: Case) -> str:
        return f"{case.title} ({case.submitted_by.display_name})"


class FirstMeetingForm(forms.Form):
    format = forms.ModelChoiceField(
        label=_("1. Vælg et mødeformat"),
        queryset=Format.objects.none(),
        # Rendered by meetings/_format_picker.html, with what each format is for.
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Vælg et mødeformat.")},
    )
    starts_at = forms.DateTimeField(
        label=_("Tidspunkt"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Holder I mødet nu, bliver tidspunktet nu."),
    )
    cases = CaseChoiceField(
        label=_("Sager til mødet"),
        queryset=Case.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    when = forms.ChoiceField(choices=[(RUN_NOW, RUN_NOW), (PLAN, PLAN)], required=False)

    def __init__(
        self,
        *args: Any,
        formats: QuerySet[Format],
        cases: QuerySet[Case],
        choices: list[FormatChoice],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["format"]).queryset = formats
        cast(forms.ModelMultipleChoiceField, self.fields["cases"]).queryset = cases
        self.choices = {choice.format.pk: choice for choice in choices}

    @property
    def runs_now(self) -> bool:
        return self.cleaned_data.get("when") != PLAN

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts_at = data.get("starts_at")
        if data.get("when") == PLAN and not starts_at:
            self.add_error("starts_at", _("Skriv, hvornår mødet skal holdes."))
        elif (
            data.get("when") == PLAN
            and starts_at
            and starts_at < timezone.now() - timedelta(days=1)
        ):
            self.add_error("starts_at", _("Et nyt møde kan ikke planlægges i fortiden."))
        chosen = self.choices.get(data["format"].pk) if data.get("format") else None
        fit = chosen.length.cases_fit if chosen else None
        if fit is not None and len(data.get("cases") or []) > fit:
            self.add_error(
                "cases",
                ngettext(
                    "Formatet har plads til %(fit)s sag. Vælg færre, eller vælg et andet format.",
                    "Formatet har plads til %(fit)s sager. Vælg færre, eller vælg et andet "
                    "format.",
                    fit,
                )
                % {"fit": fit},
            )
        return data

    def meeting_time(self) -> datetime:
        """When the meeting is: now, or the time given."""
        if self.runs_now:
            return timezone.now()
        return cast(datetime, self.cleaned_data["starts_at"])
