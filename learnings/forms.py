from __future__ import annotations

from typing import Any, cast

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core import limits
from core.dates import DayField
from core.fields import IdsChoiceField
from core.locking import revision_field
from core.privacy import CprGuardMixin
from learnings.models import LearningPoint, PointStatus, Theme
from meetings.models import Meeting
from teams.models import Membership, Team, User


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting: Meeting) -> str:
        return f"{meeting.title} ({timezone.localtime(meeting.starts_at):%d.%m.%Y})"


class ThemeChoiceField(forms.ModelChoiceField):
    # A theme reads with a capital first letter wherever it is shown, as "Uden tema" does.
    def label_from_instance(self, theme: Theme) -> str:
        return capfirst(theme.name)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user: User) -> str:
        return user.display_name


class TeamsPointFilterForm(forms.Form):
    """The filters that mean the same in every team (search, period, status): the page of
    several teams' points has these, and choosing a team carries them along. Every one is
    optional, read from the query string."""

    q = forms.CharField(label=_("Søg"), required=False, max_length=200, widget=forms.SearchInput)
    start = DayField(
        label=_("Fra"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    end = DayField(
        label=_("Til"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Alle")), *PointStatus.choices]
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("start"), data.get("end")
        if start and end and start > end:
            self.add_error("end", _("Til-datoen skal ligge efter fra-datoen."))
        return data

    def filters(self) -> dict[str, Any]:
        """The valid filters, for selectors.points_for_team; invalid ones are left out."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return dict(self.cleaned_data)


# The query-string keys a team chooser keeps when it moves to another team.
TEAM_NEUTRAL_FILTERS = tuple(TeamsPointFilterForm.base_fields)


class PointFilterForm(TeamsPointFilterForm):
    """One team's learning page's filters: also its themes, meetings and people."""

    theme = ThemeChoiceField(
        label=_("Tema"), queryset=Theme.objects.none(), required=False, empty_label=_("Alle")
    )
    meeting = MeetingChoiceField(
        label=_("Møde"), queryset=Meeting.objects.none(), required=False, empty_label=_("Alle")
    )
    person = PersonChoiceField(
        label=_("Person"), queryset=User.objects.none(), required=False, empty_label=_("Alle")
    )

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # self.fields holds copies of the fields declared above, typed only as Field.
        theme = cast(ThemeChoiceField, self.fields["theme"])
        theme.queryset = Theme.objects.filter(team=team).order_by("name")
        # The team's meetings at which learning points were named, newest first.
        cast(MeetingChoiceField, self.fields["meeting"]).queryset = Meeting.objects.filter(
            team=team,
            pk__in=LearningPoint.objects.filter(team=team, meeting__isnull=False).values(
                "meeting"
            ),
        ).order_by("-starts_at", "-id")
        # The team's members, and former members who named points.
        cast(PersonChoiceField, self.fields["person"]).queryset = User.objects.filter(
            Q(pk__in=Membership.objects.filter(team=team).values("user"))
            | Q(pk__in=LearningPoint.objects.filter(team=team).values("author"))
        ).order_by("first_name", "last_name", "username")


class LearningPointEditForm(CprGuardMixin, forms.Form):
    revision = revision_field()
    text = forms.CharField(
        label=_("Læringspunkt"),
        max_length=limits.SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    themes = IdsChoiceField(
        label=_("Temaer"),
        queryset=Theme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    new_theme = forms.CharField(
        label=_("Nyt tema"),
        max_length=limits.THEME,
        required=False,
        help_text=_("Fx »virksomhedspraktik«. Temaet oprettes for hele teamet."),
    )

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A retired theme is offered only to the points that have it already.
        having = [theme.pk for theme in self.initial.get("themes", [])]
        themes = cast(forms.ModelMultipleChoiceField, self.fields["themes"])
        themes.queryset = (
            Theme.objects.filter(team=team)
            .filter(Q(retired_at__isnull=True) | Q(pk__in=having))
            .order_by("name")
        )


class ThemeForm(CprGuardMixin, forms.Form):
    name = forms.CharField(
        label=_("Nyt tema"),
        max_length=limits.THEME,
        help_text=_(
            "Et kort ord eller to, fx »virksomhedspraktik« eller »samarbejde med skolen«."
        ),
    )

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Skriv et navn på temaet."))
        return name


class ThemeRenameForm(CprGuardMixin, forms.Form):
    name = forms.CharField(label=_("Nyt navn"), max_length=80)


class ThemeMergeForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Flet ind i"),
        queryset=Theme.objects.none(),
        empty_label=None,
        error_messages={"invalid_choice": _("Vælg et andet af teamets temaer at flette ind i.")},
    )

    def __init__(self, *args: Any, theme: Theme, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        into = cast(forms.ModelChoiceField, self.fields["into"])
        into.queryset = Theme.objects.filter(team_id=theme.team_id).exclude(pk=theme.pk)


class LearningPointForm(CprGuardMixin, forms.Form):
    text = forms.CharField(
        label=_("Læringspunkt"),
        max_length=limits.SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Et generelt læringspunkt fra sagen. Skriv pseudonymiseret."),
    )


class SummaryForm(CprGuardMixin, forms.Form):
    text = forms.CharField(
        label=_("Lederens opsamling"),
        max_length=limits.MEDIUM_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    changes_practice = forms.TypedChoiceField(
        label=_("Giver det anledning til ændret praksis?"),
        choices=[("ja", _("Ja")), ("nej", _("Nej"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )
