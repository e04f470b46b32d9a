from __future__ import annotations

import re
from datetime import date
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from cases.models import Case, SparringType
from core import limits
from core.http import MAX_ID
from core.locking import revision_field
from core.privacy import CprGuardMixin
from meetings.models import Meeting

TIMELINE_LINE = re.compile(
    r"^\s*(?:(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})|(?P<iso>\d{4}-\d{2}-\d{2}))"
    r"\s*[:\-]?\s+(?P<event>\S.*)$"
)
GENOGRAM_SEPARATOR = re.compile(r"\s+[-\u2013]\s+")


def parse_timeline(text: str) -> list[dict]:
    """Lines of "dd.mm.åååå hændelse" (or åååå-mm-dd) as dated events in date order."""
    events = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = TIMELINE_LINE.match(line)
        if match is None:
            raise forms.ValidationError(
                _(
                    "Linje %(number)s: skriv en dato først, "
                    "fx »04.03.2025 Underretning fra skolen«."
                )
                % {"number": number}
            )
        try:
            if match["iso"]:
                day = date.fromisoformat(match["iso"])
            else:
                day = date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            raise forms.ValidationError(
                _("Linje %(number)s: datoen findes ikke.") % {"number": number}
            ) from None
        events.append({"date": day.isoformat(), "event": match["event"].strip()})
    return sorted(events, key=lambda event: event["date"])


def timeline_text(events: list[dict]) -> str:
    return "\n".join(
        f"{date.fromisoformat(event['date']):%d.%m.%Y} {event['event']}" for event in events
    )


def parse_genogram(text: str) -> list[dict]:
    """Lines of "person - relation - person" (or a lone person) as the family's relations."""
    relations = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [part.strip() for part in GENOGRAM_SEPARATOR.split(line.strip())]
        if len(parts) == 1:
            relations.append({"a": parts[0], "relation": "", "b": ""})
        elif len(parts) == 3 and all(parts):
            relations.append({"a": parts[0], "relation": parts[1], "b": parts[2]})
        else:
            raise forms.ValidationError(
                _(
                    "Linje %(number)s: skriv »person - relation - person«, "
                    "fx »mor - forælder til - barn 1«."
                )
                % {"number": number}
            )
    return relations


def genogram_text(relations: list[dict]) -> str:
    return "\n".join(
        " - ".join(part for part in (item["a"], item["relation"], item["b"]) if part)
        for item in relations
    )


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, meeting: Meeting) -> str:
        local = meeting.starts_at.astimezone()
        return f"{meeting.team.name} · {meeting.title} ({local:%d.%m.%Y %H:%M})"


class CaseForm(CprGuardMixin, forms.ModelForm):
    meeting = MeetingChoiceField(
        label=_lazy("Møde"),
        queryset=Meeting.objects.none(),
        empty_label=None,
        required=False,
        help_text=_lazy("Teamets næste møde er valgt på forhånd."),
    )
    timeline_text = limits.LinesField(
        label=_lazy("Tidslinje (valgfri)"),
        required=False,
        help_text=_lazy(
            "Én hændelse pr. linje med dato først, fx »04.03.2025 Underretning fra skolen«."
        ),
    )
    # The genogram's drawing grows with the square of its lines: the limit bounds it.
    genogram_text = limits.LinesField(
        label=_lazy("Genogram (valgfrit)"),
        required=False,
        help_text=_lazy(
            "Én relation pr. linje: »mor - forælder til - barn 1«, »mor - skilt fra - far«. "
            "Brug roller, aldrig navne."
        ),
    )

    class Meta:
        model = Case
        fields = ["meeting", "title", "sparring_wanted", "sparring_type", "background"]
        widgets = {
            "sparring_wanted": forms.Textarea(attrs={"rows": 3}),
            "background": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "title": _lazy("Kort og pseudonymiseret, fx »Mor med to børn: skolefravær«."),
            "background": _lazy("Det, teamet skal vide for at kunne give sparring."),
        }

    def __init__(self, *args: Any, meetings: QuerySet[Meeting], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # self.fields holds copies of the fields declared above, typed only as Field.
        cast(MeetingChoiceField, self.fields["meeting"]).queryset = meetings
        cast(forms.ChoiceField, self.fields["sparring_type"]).choices = SparringType.choices
        if self.instance.pk:
            self.fields["meeting"].disabled = True
            self.fields["revision"] = revision_field()
            self.initial["revision"] = self.instance.revision
            self.initial["timeline_text"] = timeline_text(self.instance.timeline)
            self.initial["genogram_text"] = genogram_text(self.instance.genogram)
        elif "meeting" not in self.initial:
            self.initial["meeting"] = meetings.first()

    def clean_meeting(self) -> Meeting:
        """Without a choice, the case goes to the next meeting it can be brought to."""
        meeting = self.cleaned_data.get("meeting")
        if meeting is None:
            choices = cast(MeetingChoiceField, self.fields["meeting"]).queryset
            meeting = choices.first() if choices is not None else None
        if meeting is None:
            raise forms.ValidationError(_("Der er ikke planlagt et møde, som sagen kan komme på."))
        return meeting

    def clean_timeline_text(self) -> list[dict]:
        return parse_timeline(self.cleaned_data["timeline_text"])

    def clean_genogram_text(self) -> list[dict]:
        return parse_genogram(self.cleaned_data["genogram_text"])

    def case_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data["title"],
            "sparring_wanted": data["sparring_wanted"],
            "sparring_type": data["sparring_type"],
            "background": data["background"],
            "timeline": data["timeline_text"],
            "genogram": data["genogram_text"],
        }


class SelectionForm(forms.Form):
    """One change of "Vælg sager": what to do with which case of the team."""

    ACTIONS = ("select", "unselect", "up", "down", "move")

    action = forms.ChoiceField(choices=[(action, action) for action in ACTIONS])
    case = forms.IntegerField(min_value=1, max_value=MAX_ID)


class MoveForm(forms.Form):
    """Where a waiting case moves to: another meeting of the team not yet held."""

    to = forms.ModelChoiceField(
        label=_lazy("Flyt til møde"),
        queryset=Meeting.objects.none(),
        error_messages={
            "required": _lazy("Vælg det møde, sagen skal flyttes til."),
            "invalid_choice": _lazy("Vælg et planlagt møde i samme team."),
        },
    )

    def __init__(self, *args: Any, meetings: QuerySet[Meeting], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["to"]).queryset = meetings
