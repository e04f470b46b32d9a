from datetime import datetime, timedelta
from typing import Any, cast

from django import forms
from django.forms.models import ModelChoiceIteratorValue
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import limits
from core.fields import IdsChoiceField
from core.privacy import CprGuardMixin
from meetings.models import AgendaItem, Format
from teams.models import Team, User


class MeetingForm(CprGuardMixin, forms.Form):
    format = forms.ModelChoiceField(
        label=_("Mødeformat"),
        queryset=Format.objects.none(),
        # Rendered by meetings/_format_picker.html, with what each format is for.
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={"required": _("Vælg et mødeformat.")},
    )
    title = forms.CharField(
        label=_("Titel"),
        max_length=limits.TITLE,
        required=False,
        help_text=_("Tom: formatets navn og datoen."),
    )
    # The title the planner filled in from the format and the date: while the title is
    # still that, it follows a change of format or date.
    title_auto = forms.CharField(required=False, widget=forms.HiddenInput)
    starts_at = forms.DateTimeField(
        label=_("Tidspunkt"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    place = forms.CharField(label=_("Sted"), max_length=limits.TITLE, required=False)
    duration_minutes = forms.IntegerField(
        label=_("Varighed (minutter)"),
        min_value=5,
        max_value=600,
        required=False,
        help_text=_(
            "Tom: mødet varer, som køreplanen siger, og følger den, når sager kommer til. "
            "Afgør, hvor mange sager der er plads til."
        ),
    )
    facilitator = forms.ModelChoiceField(label=_("Mødeleder"), queryset=User.objects.none())
    co_facilitator = forms.ModelChoiceField(
        label=_("Medmødeleder"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("Ingen"),
        help_text=_("Leder mødet sammen med mødelederen og kan køre det i stedet."),
    )
    participants = IdsChoiceField(
        label=_("Deltagere"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    agenda = limits.LinesField(
        label=_("Dagsorden"),
        required=False,
        help_text=_("Ét punkt pr. linje, i den rækkefølge de skal tages. Skriv pseudonymiseret."),
    )

    def __init__(self, *args: Any, team: Team, editing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        formats = Format.objects.available_to(team)
        members = User.objects.filter(memberships__team=team).order_by("first_name")
        # self.fields holds copies of the fields declared above, typed only as Field.
        cast(forms.ModelChoiceField, self.fields["format"]).queryset = formats
        # The facilitator and the participants are chosen among the same people: read them
        # once (each field's choices would otherwise be a query of its own); the querysets stay
        # for validating what is posted.
        people = list(members)
        for name in ("facilitator", "co_facilitator", "participants"):
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
        if editing:
            del self.fields["format"]
        elif not self.is_bound:
            self.initial.setdefault("participants", people)

    def clean_starts_at(self) -> datetime:
        starts_at = self.cleaned_data["starts_at"]
        if "starts_at" in self.changed_data and starts_at < timezone.now() - timedelta(days=1):
            raise forms.ValidationError(_("Et nyt møde kan ikke planlægges i fortiden."))
        return starts_at

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("co_facilitator") and data["co_facilitator"] == data.get("facilitator"):
            self.add_error(
                "co_facilitator", _("Medmødelederen skal være en anden end mødelederen.")
            )
        return data

    def agenda_titles(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["agenda"].splitlines() if line.strip()]

    def fill_in_title(self, title: str) -> None:
        """Fill the title in from the format and the date (see title_follows): as the form's
        initial value, or in what a bound form shows again."""
        if self.is_bound:
            data = self.data.copy() if isinstance(self.data, QueryDict) else dict(self.data)
            data["title"] = data["title_auto"] = title
            self.data = data
        else:
            self.initial["title"] = self.initial["title_auto"] = title

    def title_follows(self) -> bool:
        """The title is empty or still the one filled in from the format and the date."""
        title = (self.data.get("title") or "").strip()
        return not title or title == (self.data.get("title_auto") or "").strip()

    def current(self) -> dict[str, Any]:
        """What the form holds now, valid or not, for the planner's timetable: the chosen
        format (or its id), the time, how many agenda lines, how many participants, and the
        length given (None: it follows the timetable)."""
        values: dict[str, Any] = dict(self.initial)
        if self.is_bound:
            self.is_valid()
            values.update(self.cleaned_data)
        agenda = values.get("agenda") or ""
        return {
            "format": values.get("format"),
            "starts_at": values.get("starts_at"),
            "agenda_lines": len([line for line in agenda.splitlines() if line.strip()]),
            "participant_count": len(values.get("participants") or []),
            "duration_minutes": values.get("duration_minutes"),
        }

    def meeting_fields(self) -> dict[str, Any]:
        """What services.meeting_plan and meeting_update take from the form (the format is
        chosen only when planning). An empty title or length is the service's to derive."""
        data = self.cleaned_data
        return {
            "title": "" if self.title_follows() else data["title"].strip(),
            "starts_at": data["starts_at"],
            "place": data["place"],
            "facilitator": data["facilitator"],
            "co_facilitator": data["co_facilitator"],
            "participants": list(data["participants"]),
            "agenda_titles": self.agenda_titles(),
            "duration_minutes": data["duration_minutes"],
        }


class OwnerNotesForm(CprGuardMixin, forms.Form):
    notes = forms.CharField(
        label=_("Mine noter til sagen"),
        required=False,
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class ObserversForm(forms.Form):
    """Who observes each case's discussion (the meeting's page): one choice per case, among the
    participants other than the case's owner."""

    def __init__(
        self, *args: Any, items: list[AgendaItem], candidates: list[User], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.items = {f"observer_{item.pk}": item for item in items}
        for name, item in self.items.items():
            self.fields[name] = forms.ChoiceField(
                label=_("Observatør for %(case)s") % {"case": item.title},
                required=False,
                choices=[("", _("Ingen observatør"))]
                + [
                    (str(user.pk), user.display_name)
                    for user in candidates
                    if user.pk != item.owner_id
                ],
                initial=str(item.observer_id or ""),
                error_messages={
                    "invalid_choice": _("Vælg en af mødets deltagere, dog ikke sagens ejer.")
                },
            )
        self.candidates = {str(user.pk): user for user in candidates}

    def observers(self) -> dict[AgendaItem, User | None]:
        return {
            item: self.candidates.get(self.cleaned_data[name]) for name, item in self.items.items()
        }


class ObserverFeedbackForm(CprGuardMixin, forms.Form):
    relevant = forms.CharField(
        label=_("Relevant viden"),
        required=False,
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hvilken viden var relevant for drøftelsen?"),
    )
    tighten = forms.CharField(
        label=_("Hvor kan vi stramme op?"),
        required=False,
        max_length=limits.LONG_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hvad var vigtig viden, og hvad var ligegyldig information?"),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        written = data.get("relevant", "").strip() or data.get("tighten", "").strip()
        if not self.errors and not written:
            self.add_error("relevant", _("Skriv mindst én af de to tilbagemeldinger."))
        return data
