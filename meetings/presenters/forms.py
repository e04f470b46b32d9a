from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from core import limits
from core.locking import revision_field
from core.privacy import CprGuardMixin
from meetings.presenters.rotation import Candidate


class PresenterChoiceForm(forms.Form):
    """One caseworker of the proposals: to present, or to stand in for a presenter."""

    def __init__(self, *args: Any, candidates: list[Candidate], label: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"] = forms.TypedChoiceField(
            label=label,
            choices=[(str(candidate.user_id), candidate.name) for candidate in candidates],
            coerce=int,
            error_messages={
                "required": _("Vælg en sagsbehandler, der deltager i mødet."),
                "invalid_choice": _("Vælg en sagsbehandler, der deltager i mødet."),
            },
        )


class BriefForm(CprGuardMixin, forms.Form):
    """The presenter's brief (Odder): what did you do, why, and the professional
    justification."""

    revision = revision_field()
    what = forms.CharField(
        label=_("Hvad gjorde du?"),
        required=False,
        max_length=limits.SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    why = forms.CharField(
        label=_("Hvorfor?"),
        required=False,
        max_length=limits.SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    justification = forms.CharField(
        label=_("Hvad er den faglige begrundelse?"),
        required=False,
        max_length=limits.SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
