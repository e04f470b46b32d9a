"""The audit log's filters: a person and a period, all optional, read from the query string."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _lazy

from core.dates import DayField
from teams.models import User

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PersonChoiceField(forms.ModelChoiceField[User]):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.username})"


class AuditFilterForm(forms.Form):
    person = PersonChoiceField(
        label=_lazy("Person"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_lazy("Alle"),
        help_text=_lazy("Det, personen gjorde, og det, der blev gjort med personen."),
        error_messages={"invalid_choice": _lazy("Vælg en person fra listen.")},
    )
    start = DayField(label=_lazy("Fra og med"), required=False, widget=DATE_WIDGET)
    end = DayField(label=_lazy("Til og med"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args: Any, people: QuerySet[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(PersonChoiceField, self.fields["person"]).queryset = people

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start: date | None = data.get("start")
        end: date | None = data.get("end")
        if start and end and start > end:
            self.add_error("end", _lazy("Til-datoen skal ligge efter fra-datoen."))
        return data

    def filters(self) -> dict[str, Any]:
        """The valid filters for selectors.filtered_entries; an invalid one is left out (its
        error shows next to its field)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in ("person", "start", "end")
            if self.cleaned_data.get(name) is not None
        }
