from __future__ import annotations

import datetime
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core import limits
from core.privacy import CprGuardMixin
from meetings.models import Meeting
from teams.models import Team, User
from visits.access import VISITING_ROLES
from visits.models import POINTS_PER_VISIT, VisitLength
from visits.services import VisitRefused, check_visit_date


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user: User) -> str:
        return user.display_name


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting: Meeting) -> str:
        return f"{meeting.title} ({timezone.localtime(meeting.starts_at):%d.%m.%Y %H:%M})"


def _people(team: Team) -> QuerySet[User]:
    return User.objects.filter(
        memberships__team=team, memberships__role__in=VISITING_ROLES
    ).order_by("first_name", "last_name", "username")


def _text(label: Any, limit: int, *, rows: int = 3, help: Any = None) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=limit,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=format_lazy("{} {}", help, limits.lazy_chars_help(limit))
        if help
        else limits.lazy_chars_help(limit),
    )


def _point(number: int) -> forms.CharField:
    point = _text(
        format_lazy(_("Læringspunkt {number}"), number=number), limits.SHORT_TEXT, rows=2
    )
    point.error_messages["required"] = _("Skriv alle tre fælles læringspunkter.")
    return point


class VisitPlanForm(forms.Form):
    agent = PersonChoiceField(
        label=_("Læringsagent"), queryset=User.objects.none(), empty_label=_("Vælg læringsagent")
    )
    colleague = PersonChoiceField(
        label=_("Kollega"),
        queryset=User.objects.none(),
        empty_label=_("Vælg kollega"),
        help_text=_("Den kollega, læringsagenten følger på arbejde."),
    )
    date = forms.DateField(
        label=_("Dato"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    length = forms.ChoiceField(
        label=_("Varighed"),
        choices=VisitLength.choices,
        initial=VisitLength.WHOLE,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, team: Team, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("agent", "colleague"):
            cast(PersonChoiceField, self.fields[name]).queryset = _people(team)

    def clean_date(self) -> datetime.date:
        day: datetime.date = self.cleaned_data["date"]
        try:
            check_visit_date(day)
        except VisitRefused as refused:
            raise forms.ValidationError(str(refused)) from None
        return day

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        agent, colleague = data.get("agent"), data.get("colleague")
        if agent and colleague and agent == colleague:
            self.add_error(
                "colleague", _("Læringsagenten og kollegaen skal være to forskellige personer.")
            )
        return data


class CheckInForm(CprGuardMixin, forms.Form):
    wants_to_learn = _text(
        _("Hvad vil læringsagenten gerne have ud af besøget?"),
        limits.SHORT_TEXT,
        help=_("Fx at blive bedre til at observere, eller at få gode fif af kollegaen."),
    )
    focus = _text(
        _("Hvad mener kollegaen, at læringsagenten især bør have fokus på?"), limits.SHORT_TEXT
    )
    ground_rules = limits.LinesField(
        label=_("Andre spilleregler for dagen"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Én regel pr. linje."),
    )

    def clean_ground_rules(self) -> list[str]:
        return limits.check_lines(self.cleaned_data["ground_rules"])


class LearningMeetingForm(CprGuardMixin, forms.Form):
    agent_seen = _text(_("Hvad så og hørte du?"), limits.LONG_TEXT, rows=4)
    agent_worked = _text(_("Hvilke oplevelser virkede godt?"), limits.SHORT_TEXT)
    agent_differently = _text(_("Hvad kunne eventuelt gøres anderledes?"), limits.SHORT_TEXT)
    colleague_experience = _text(
        _("Hvordan var det at have en læringsagent med på arbejde?"), limits.SHORT_TEXT
    )
    colleague_thoughts = _text(
        _("Hvilke refleksioner og tanker har dagen givet?"), limits.SHORT_TEXT
    )
    point_1 = _point(1)
    point_2 = _point(2)
    point_3 = _point(3)

    POINT_FIELDS = tuple(f"point_{number}" for number in range(1, POINTS_PER_VISIT + 1))

    def points(self) -> list[str]:
        return [self.cleaned_data[name] for name in self.POINT_FIELDS]


class StaffMeetingForm(forms.Form):
    meeting = MeetingChoiceField(
        label=_("Personalemøde"),
        queryset=Meeting.objects.none(),
        empty_label=None,
        help_text=_("Et planlagt møde i teamet efter besøget."),
    )

    def __init__(self, *args: Any, meetings: list[Meeting], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(MeetingChoiceField, self.fields["meeting"])
        field.queryset = Meeting.objects.filter(pk__in=[meeting.pk for meeting in meetings])
        field.queryset = field.queryset.order_by("starts_at", "pk")
