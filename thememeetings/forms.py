from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, cast

from django import forms
from django.db.models import Q
from django.forms.models import ModelChoiceIteratorValue
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import limits
from core.dates import DayField
from core.fields import IdsChoiceField
from core.privacy import CprGuardMixin
from meetings.models import Format
from products.models import ProductKind
from teams.models import Organisation, Team, User
from thememeetings.models import ThemeSource
from thememeetings.selectors import organisation_people
from thememeetings.services import THEME_FORMAT_KEY, Guest


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user: User) -> str:
        return user.display_name


class PeopleChoiceField(IdsChoiceField):
    def label_from_instance(self, user: User) -> str:
        return user.display_name


def _text(label: Any, limit: int, *, rows: int = 3, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=limit,
        required=required,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


class ThemeProposeForm(CprGuardMixin, forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=limits.TITLE)
    why = _text(_("Hvorfor er temaet vigtigt for praksis?"), limits.SHORT_TEXT)
    knowledge_needed = _text(_("Hvilken viden har vi brug for?"), limits.SHORT_TEXT)
    source = forms.ChoiceField(
        label=_("Hvor kommer temaet fra?"),
        choices=ThemeSource.choices,
        widget=forms.RadioSelect,
    )


class PriorityForm(CprGuardMixin, forms.Form):
    position = forms.IntegerField(label=_("Prioritet"), min_value=1, max_value=9999)
    justification = forms.CharField(
        label=_("Begrundelse"), max_length=limits.ACTION, required=False
    )


class WorkingGroupForm(forms.Form):
    members = PeopleChoiceField(
        label=_("Arbejdsgruppens medlemmer"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Afdelingslederne, den faglige koordinator og en eller to praktikere, som ønsker "
            "videndelingen."
        ),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(PeopleChoiceField, self.fields["members"]).queryset = organisation_people(
            organisation
        )


class WorkingGroupMeetingForm(CprGuardMixin, forms.Form):
    date = DayField(
        label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    agenda = _text(_("Dagsorden"), limits.SHORT_TEXT)
    notes = _text(_("Noter"), limits.MEDIUM_TEXT, rows=4, required=False)


class DecideForm(CprGuardMixin, forms.Form):
    format = forms.ModelChoiceField(
        label=_("Mødeform"), queryset=Format.objects.none(), empty_label=None
    )
    starts_at = forms.DateTimeField(
        label=_("Tidspunkt"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    place = forms.CharField(label=_("Sted"), max_length=limits.TITLE, required=False)
    host_team = forms.ModelChoiceField(
        label=_("Værtsteam"),
        queryset=Team.objects.none(),
        empty_label=None,
        help_text=_("Teamet, mødet hører til."),
    )
    invited_teams = IdsChoiceField(
        label=_("Inviterede teams"),
        queryset=Team.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alle i værtsteamet og de inviterede teams bliver deltagere."),
    )
    guests = limits.LinesField(
        label=_("Eksterne deltagere"),
        required=False,
        lines=20,
        line=limits.TITLE,
        help_text=_('Én pr. linje: navn og rolle adskilt af komma, fx "Leif Hansen, forsker".'),
    )
    leader_1 = PersonChoiceField(
        label=_("Første mødeleder"),
        queryset=User.objects.none(),
        empty_label=_("Vælg mødeleder"),
    )
    leader_2 = PersonChoiceField(
        label=_("Anden mødeleder"),
        queryset=User.objects.none(),
        empty_label=_("Vælg mødeleder"),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        formats = Format.objects.filter(
            Q(team__isnull=True) | Q(team__organisation=organisation)
        ).order_by("team", "name", "pk")
        cast(forms.ModelChoiceField, self.fields["format"]).queryset = formats
        teams = Team.objects.filter(organisation=organisation).order_by("name", "pk")
        people = organisation_people(organisation)
        # Each pair of fields offers the same choices: read them once (a field's choices would
        # otherwise be a query of its own); the querysets stay for validating what is posted.
        for names, queryset in (
            (("host_team", "invited_teams"), teams),
            (("leader_1", "leader_2"), people),
        ):
            objects = list(queryset)
            for name in names:
                field = cast(forms.ModelChoiceField, self.fields[name])
                field.queryset = queryset
                empty = [("", field.empty_label)] if field.empty_label is not None else []
                field.choices = [
                    *empty,
                    *(
                        (ModelChoiceIteratorValue(each.pk, each), field.label_from_instance(each))
                        for each in objects
                    ),
                ]
        if not self.is_bound:
            builtin = Format.objects.builtin().filter(key=THEME_FORMAT_KEY).first()
            self.initial.setdefault("format", builtin.pk if builtin else None)

    def clean_starts_at(self) -> datetime:
        starts_at: datetime = self.cleaned_data["starts_at"]
        if starts_at < timezone.now() - timedelta(days=1):
            raise forms.ValidationError(_("Et nyt møde kan ikke planlægges i fortiden."))
        return starts_at

    def clean_guests(self) -> list[Guest]:
        guests = []
        for line in limits.check_lines(self.cleaned_data["guests"], lines=20, line=limits.TITLE):
            name, _comma, role = line.partition(",")
            if len(name.strip()) > limits.NAME:
                raise forms.ValidationError(limits.too_long(limits.NAME, len(name.strip())))
            guests.append(Guest(name=name.strip(), role=role.strip()))
        return guests

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("leader_1"), data.get("leader_2")
        if first and second and first == second:
            self.add_error("leader_2", _("Vælg to forskellige mødeledere."))
        return data


class RoundAnswerForm(CprGuardMixin, forms.Form):
    take_away = _text(_("Hvad tager jeg med?"), limits.SHORT_TEXT, rows=2, required=False)
    into_practice = _text(
        _("Hvad vil jeg omsætte i praksis, og hvordan?"),
        limits.SHORT_TEXT,
        rows=2,
        required=False,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("take_away") and not data.get("into_practice"):
            self.add_error("take_away", _("Skriv mindst ét af svarene."))
        return data


NO_FOLLOW_UP = "none"
FOLLOW_UP_ON = "date"


class OutcomeForm(forms.Form):
    product_kind = forms.ChoiceField(label=_("Produktets type"), choices=ProductKind.choices)
    responsible = PeopleChoiceField(
        label=_("Ansvarlige for produktet"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kladden oprettes med den første på listen som ansvarlig."),
    )
    follow_up = forms.ChoiceField(
        label=_("Opfølgning"),
        choices=[(FOLLOW_UP_ON, _("Opfølgning den")), (NO_FOLLOW_UP, _("Ingen opfølgning"))],
        widget=forms.RadioSelect,
    )
    follow_up_on = DayField(
        label=_("Dato for opfølgning"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(PeopleChoiceField, self.fields["responsible"]).queryset = organisation_people(
            organisation
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("follow_up") == FOLLOW_UP_ON and not data.get("follow_up_on"):
            self.add_error("follow_up_on", _("Vælg datoen for opfølgningen."))
        return data

    def follow_up_date(self) -> date | None:
        if self.cleaned_data["follow_up"] == NO_FOLLOW_UP:
            return None
        day: date = self.cleaned_data["follow_up_on"]
        return day
