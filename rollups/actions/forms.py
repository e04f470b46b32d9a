"""Forms for follow-up actions: written by hand, or agreed at the end of a meeting."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core import limits
from core.dates import DayField
from core.http import MAX_ID
from core.privacy import CprGuardMixin
from rollups.actions.due_dates import DEFAULT_DUE_DAYS
from rollups.forms import DATE_WIDGET, MemberField
from teams.models import Team, User
from teams.selectors import member_choices


class ActionForm(CprGuardMixin, forms.Form):
    """ "Ny opfølgning", written by hand by a team's leader or coordinator."""

    team = forms.TypedChoiceField(label=_lazy("Team"), coerce=int)
    title = forms.CharField(label=_lazy("Opfølgning"), max_length=limits.ACTION)
    owner = MemberField(label=_lazy("Ansvarlig"))
    due_date = DayField(label=_lazy("Frist"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, teams: list[Team], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # self.fields holds copies of the fields declared above, typed only as Field.
        team_field = cast(forms.TypedChoiceField, self.fields["team"])
        team_field.choices = [(team.pk, team.name) for team in teams]
        if len(teams) == 1:
            team_field.widget = forms.HiddenInput()
            self.initial.setdefault("team", teams[0].pk)
        owner = cast(MemberField, self.fields["owner"])
        owner.choices = [("", _("Vælg ansvarlig")), *member_choices(teams)]
        self.initial.setdefault(
            "due_date", timezone.localdate() + timedelta(days=DEFAULT_DUE_DAYS)
        )


class FollowUpForm(CprGuardMixin, forms.Form):
    """ "Aftal opfølgning": who does what by when, agreed at the end of the meeting."""

    title = forms.CharField(label=_lazy("Opfølgning"), max_length=limits.ACTION)
    owner = forms.ModelChoiceField(label=_lazy("Ansvarlig"), queryset=User.objects.none())
    due_date = DayField(label=_lazy("Frist"), widget=DATE_WIDGET)

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = cast(forms.ModelChoiceField, self.fields["owner"])
        owner.queryset = User.objects.filter(memberships__team=team).order_by("first_name")
        if not self.is_bound:
            self.initial.setdefault(
                "due_date", timezone.localdate() + timedelta(days=DEFAULT_DUE_DAYS)
            )


class MoveOnForm(forms.Form):
    """ "Flyt videre" in a meeting's opening review: the open action gets a new due date,
    proposed by the review (never in the past). Posted with the state version it was based
    on, like every control of the runner."""

    version = forms.IntegerField(min_value=0, max_value=MAX_ID, widget=forms.HiddenInput)
    follow_up = forms.IntegerField(min_value=1, max_value=MAX_ID, widget=forms.HiddenInput)
    due_date = DayField(
        label=_lazy("Ny frist"),
        widget=DATE_WIDGET,
        error_messages={
            "required": _lazy("Vælg den nye frist."),
            "invalid": _lazy("Skriv en dato, fx 15.01.2030."),
        },
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today

    def clean_due_date(self) -> date:
        due_date: date = self.cleaned_data["due_date"]
        if due_date < self.today:
            raise forms.ValidationError(_("Den nye frist kan ikke ligge før i dag."))
        return due_date
