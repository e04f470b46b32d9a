from __future__ import annotations

from typing import Any, cast

from django import forms
from django.forms.models import ModelChoiceIteratorValue
from django.utils.translation import gettext_lazy as _

from core import limits
from core.dates import DayField
from core.fields import IdsChoiceField
from core.privacy import CprGuardMixin
from meetings.models import Format
from meetings.series.models import Rhythm, Series, Weekday
from meetings.series.services import SeriesFields
from teams.models import Team, User


class SeriesForm(CprGuardMixin, forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=limits.TITLE,
        help_text=_("Fx »Læringsmøde« eller »Teammøde«. Hvert møde i serien får titlen."),
    )
    format = forms.ModelChoiceField(
        label=_("Mødeformat"),
        queryset=Format.objects.none(),
        empty_label=None,
        error_messages={"required": _("Vælg et mødeformat.")},
    )
    rhythm = forms.ChoiceField(
        label=_("Rytme"),
        choices=Rhythm.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Hver anden uge regnes fra det første møde. Hver måned er samme ugedag i samme uge "
            "af måneden som det første møde, fx 2. tirsdag; ligger det første møde i månedens "
            "5. uge, bliver det månedens sidste af den ugedag."
        ),
    )
    weekday = forms.TypedChoiceField(label=_("Ugedag"), choices=Weekday.choices, coerce=int)
    at = forms.TimeField(
        label=_("Klokkeslæt"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    starts_on = DayField(
        label=_("Første møde fra"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Det første møde er den valgte ugedag på eller efter denne dato."),
    )
    place = forms.CharField(label=_("Sted"), max_length=limits.TITLE, required=False)
    facilitator = forms.ModelChoiceField(label=_("Fast mødeleder"), queryset=User.objects.none())
    stand_in = forms.ModelChoiceField(
        label=_("Stedfortræder"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Ingen"),
        help_text=_("Bliver medmødeleder på hvert møde og kan køre det i stedet."),
    )
    participants = IdsChoiceField(
        label=_("Deltagere"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["format"]).queryset = Format.objects.available_to(
            team
        )
        members = User.objects.filter(memberships__team=team).order_by("first_name", "pk")
        # The people are read once for the three fields (see meetings.forms.MeetingForm).
        people = list(members)
        for name in ("facilitator", "stand_in", "participants"):
            field = cast(forms.ModelChoiceField, self.fields[name])
            field.queryset = members
            empty = [("", field.empty_label)] if field.empty_label is not None else []
            field.choices = [
                *empty,
                *(
                    (ModelChoiceIteratorValue(p.pk, p), field.label_from_instance(p))
                    for p in people
                ),
            ]
        if not self.is_bound:
            self.initial.setdefault("participants", people)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("stand_in") and data["stand_in"] == data.get("facilitator"):
            self.add_error("stand_in", _("Stedfortræderen skal være en anden end mødelederen."))
        return data

    def series_fields(self) -> SeriesFields:
        data = self.cleaned_data
        return SeriesFields(
            format=data["format"],
            title=data["title"],
            place=data["place"],
            rhythm=data["rhythm"],
            weekday=data["weekday"],
            at=data["at"],
            starts_on=data["starts_on"],
            facilitator=data["facilitator"],
            stand_in=data["stand_in"],
            participants=list(data["participants"]),
        )

    @staticmethod
    def initial_of(series: Series) -> dict[str, Any]:
        return {
            "title": series.title,
            "format": series.format_id,
            "rhythm": series.rhythm,
            "weekday": series.weekday,
            "at": series.at,
            "starts_on": series.starts_on,
            "place": series.place,
            "facilitator": series.facilitator_id,
            "stand_in": series.stand_in_id,
            "participants": list(
                series.participants.order_by("seriesparticipant__position").values_list(
                    "pk", flat=True
                )
            ),
        }
