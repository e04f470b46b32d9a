from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from core import limits
from core.privacy import CprGuardMixin
from teams import selectors
from teams.models import WEEKDAYS, Organisation, Role, Team, User


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Brugernavn"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Adgangskode"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class LanguageForm(forms.ModelForm[User]):
    class Meta:
        model = User
        fields = ["language"]
        labels = {"language": _("Sprog")}
        widgets = {"language": forms.RadioSelect}


ROLE_CHOICES = Role.choices


class MemberAddForm(CprGuardMixin, forms.Form):
    prefix = "add"
    user = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.none())
    role = forms.ChoiceField(label=_("Rolle"), choices=ROLE_CHOICES, initial=Role.CASEWORKER)
    title = forms.CharField(
        label=_("Fagligt ståsted"),
        max_length=limits.PROFESSION,
        required=False,
        help_text=_("Fx jobkonsulent, lægekonsulent, psykolog eller mentor."),
    )

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(
            forms.ModelChoiceField[User], self.fields["user"]
        ).queryset = selectors.addable_people(team=team)


class MemberInviteForm(CprGuardMixin, forms.Form):
    prefix = "invite"
    first_name = forms.CharField(label=_("Fornavn"), max_length=limits.NAME)
    last_name = forms.CharField(label=_("Efternavn"), max_length=limits.NAME, required=False)
    email = forms.EmailField(label=_("E-mail"), max_length=limits.NAME)
    role = forms.ChoiceField(label=_("Rolle"), choices=ROLE_CHOICES, initial=Role.CASEWORKER)
    title = forms.CharField(
        label=_("Fagligt ståsted"), max_length=limits.PROFESSION, required=False
    )


class MemberUpdateForm(CprGuardMixin, forms.Form):
    role = forms.ChoiceField(label=_("Rolle"), choices=ROLE_CHOICES)
    title = forms.CharField(
        label=_("Fagligt ståsted"), max_length=limits.PROFESSION, required=False
    )


class TeamSettingsForm(forms.ModelForm[Team]):
    prefix = "settings"

    class Meta:
        model = Team
        fields = [
            "case_deadline_working_days",
            "case_deadline_time",
            "case_retention_days",
            "former_members_named",
        ]
        labels = {
            "case_deadline_working_days": _("Frist for sager: arbejdsdage før mødet"),
            "case_deadline_time": _("Frist for sager: klokkeslæt"),
            "case_retention_days": _("Sagsmateriale slettes efter (dage)"),
            "former_members_named": _("Vis navnet på tidligere medlemmer"),
        }
        widgets = {"case_deadline_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organisation = self.instance.organisation
        retention = self.fields["case_retention_days"]
        retention.help_text = _(
            "Sparringsønsket, baggrund, tidslinje, genogram og sagsejers noter slettes så "
            "mange dage efter mødet (organisationen tillader fra %(low)s til %(high)s dage)."
        ) % {
            "low": organisation.case_retention_min_days,
            "high": organisation.case_retention_max_days,
        }
        days = cast(forms.IntegerField, self.fields["case_deadline_working_days"])
        days.max_value = 10
        days.validators.append(MaxValueValidator(10))


class TeamMeetingDefaultsForm(CprGuardMixin, forms.ModelForm[Team]):
    """Where the planner starts a new meeting of the team."""

    prefix = "meetings"

    class Meta:
        model = Team
        fields = ["meeting_weekday", "meeting_time", "meeting_weeks_between", "meeting_place"]
        labels = {
            "meeting_weekday": _("Mødedag"),
            "meeting_time": _("Mødetidspunkt"),
            "meeting_weeks_between": _("Uger mellem møderne"),
            "meeting_place": _("Mødested"),
        }
        help_texts = {
            "meeting_weekday": _(
                "Uden mødedag foreslår planlægningen næste møde ud fra teamets tidligere møder."
            ),
        }
        widgets = {"meeting_time": forms.TimeInput(attrs={"type": "time"}, format="%H:%M")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        weekday = cast(forms.TypedChoiceField, self.fields["meeting_weekday"])
        weekday.choices = [("", _("Som teamets tidligere møder")), *WEEKDAYS]
        weeks = cast(forms.IntegerField, self.fields["meeting_weeks_between"])
        weeks.min_value, weeks.max_value = 1, 8
        weeks.validators += [MinValueValidator(1), MaxValueValidator(8)]
        weeks.widget.attrs.update({"min": 1, "max": 8})


class TeamCreateForm(CprGuardMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none()
    )
    name = forms.CharField(label=_("Teamets navn"), max_length=limits.TITLE)
    leader = forms.ModelChoiceField(
        label=_("Teamleder"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("En person i organisationen. Eller inviter en ny nedenfor."),
    )
    leader_first_name = forms.CharField(
        label=_("Ny teamleders fornavn"), max_length=limits.NAME, required=False
    )
    leader_last_name = forms.CharField(
        label=_("Ny teamleders efternavn"), max_length=limits.NAME, required=False
    )
    leader_email = forms.EmailField(
        label=_("Ny teamleders e-mail"), max_length=limits.NAME, required=False
    )

    def __init__(self, *args: Any, organisations: QuerySet[Organisation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(
            forms.ModelChoiceField[Organisation], self.fields["organisation"]
        ).queryset = organisations
        if organisations.count() == 1:
            self.fields["organisation"].initial = organisations.first()
        cast(forms.ModelChoiceField[User], self.fields["leader"]).queryset = selectors.people_of(
            organisations=organisations
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("leader") and data.get("leader_email"):
            self.add_error("leader_email", _("Vælg en person eller inviter en ny, ikke begge."))
        elif not (data.get("leader") or data.get("leader_email")) and not (
            {"leader", "leader_email"} & set(self.errors)
        ):
            self.add_error("leader", _("Vælg teamets leder, eller inviter en ny."))
        if data.get("leader_email") and not data.get("leader_first_name"):
            self.add_error("leader_first_name", _("Skriv den nye teamleders fornavn."))
        organisation = data.get("organisation")
        leader = data.get("leader")
        if (
            organisation
            and leader
            and not selectors.people_of(
                organisations=Organisation.objects.filter(pk=organisation.pk)
            )
            .filter(pk=leader.pk)
            .exists()
        ):
            self.add_error("leader", _("Personen er ikke i organisationen."))
        return data


class SessionEndForm(forms.Form):
    session = forms.CharField(max_length=40, required=False)
