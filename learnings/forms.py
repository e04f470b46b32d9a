from django import forms
from django.utils.translation import gettext_lazy as _

from cases.privacy import CprGuardMixin
from learnings.models import PointStatus, Theme
from meetings.models import Meeting
from teams.models import Team, User


class PointFilterForm(forms.Form):
    q = forms.CharField(label=_("Søg"), required=False, max_length=200)
    theme = forms.ModelChoiceField(label=_("Tema"), queryset=Theme.objects.none(), required=False)
    start = forms.DateField(
        label=_("Fra"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Til"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", "---------"), *PointStatus.choices]
    )
    meeting = forms.ModelChoiceField(
        label=_("Møde"), queryset=Meeting.objects.none(), required=False
    )
    person = forms.ModelChoiceField(
        label=_("Person"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args, team: Team, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = team.themes.order_by("name")
        self.fields["meeting"].queryset = team.meetings.order_by("-starts_at")[:100]
        self.fields["person"].queryset = (
            User.objects.filter(learning_points__team=team).distinct().order_by("first_name")
        )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "query": data["q"],
            "theme": data["theme"],
            "start": data["start"],
            "end": data["end"],
            "status": data["status"],
            "meeting": data["meeting"],
            "person": data["person"],
        }


class LearningPointEditForm(CprGuardMixin, forms.Form):
    text = forms.CharField(
        label=_("Læringspunkt"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Temaer"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_theme = forms.CharField(
        label=_("Nyt tema"),
        max_length=80,
        required=False,
        help_text=_("Fx »virksomhedspraktik«. Oprettes for hele teamet."),
    )

    def __init__(self, *args, team: Team, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["themes"].queryset = team.themes.order_by("name")
