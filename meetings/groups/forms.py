from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from core import limits
from core.locking import revision_field
from core.privacy import CprGuardMixin
from meetings.groups.models import BreakoutGroup
from meetings.groups.services import NAME_LENGTH, NOTES_LENGTH, QUESTION_LINES, ROOM_LENGTH
from teams.models import User

MOST_GROUPS = 30


class ProposeForm(forms.Form):
    """How to divide the participants: a number of groups, or a group size."""

    groups = forms.IntegerField(
        label=_("Antal grupper"), min_value=1, max_value=MOST_GROUPS, required=False
    )
    size = forms.IntegerField(
        label=_("Eller: personer pr. gruppe"),
        min_value=2,
        max_value=MOST_GROUPS,
        required=False,
        help_text=_("Udfyld det ene af de to felter."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (data.get("groups") is None) == (data.get("size") is None) and not self.errors:
            self.add_error("groups", _("Angiv enten antal grupper eller personer pr. gruppe."))
        return data


class GroupForm(CprGuardMixin, forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=NAME_LENGTH)
    room = forms.CharField(
        label=_("Lokale"),
        max_length=ROOM_LENGTH,
        required=False,
        help_text=_("Hvor gruppen sidder."),
    )
    facilitator = forms.TypedChoiceField(
        label=_("Ordstyrer"), coerce=int, required=False, empty_value=None
    )
    questions = limits.LinesField(
        label=_("Spørgsmål til gruppen"),
        required=False,
        lines=QUESTION_LINES,
        help_text=_("Ét spørgsmål pr. linje."),
    )

    def __init__(self, *args: Any, members: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.members = {member.pk: member for member in members}
        cast(forms.ChoiceField, self.fields["facilitator"]).choices = [
            ("", _("Ingen")),
            *((member.pk, member.display_name) for member in members),
        ]

    def chosen_facilitator(self) -> User | None:
        pk = self.cleaned_data.get("facilitator")
        return self.members.get(pk) if pk is not None else None

    def question_lines(self) -> list[str]:
        return limits.check_lines(self.cleaned_data.get("questions") or "", lines=QUESTION_LINES)


class MoveForm(forms.Form):
    """Move one participant to another group."""

    person = forms.TypedChoiceField(label=_("Deltager"), coerce=int)
    group = forms.TypedChoiceField(label=_("Flyt til"), coerce=int)

    def __init__(
        self, *args: Any, people: list[User], groups: list[BreakoutGroup], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.people = {person.pk: person for person in people}
        self.groups = {group.pk: group for group in groups}
        cast(forms.ChoiceField, self.fields["person"]).choices = [
            (pk, person.display_name) for pk, person in self.people.items()
        ]
        cast(forms.ChoiceField, self.fields["group"]).choices = [
            (pk, group.name) for pk, group in self.groups.items()
        ]


class GroupNotesForm(CprGuardMixin, forms.Form):
    notes = forms.CharField(
        label=_("Gruppens planche"),
        required=False,
        max_length=NOTES_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Det, gruppen vil fremlægge i plenum. Alle i gruppen kan skrive."),
    )
    revision = revision_field()
