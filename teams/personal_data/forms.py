from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _lazy

from teams.models import User


class EraseForm(forms.Form):
    """The administrator confirms an erasure by typing the person's username."""

    confirm = forms.CharField(
        label=_lazy("Skriv brugernavnet for at bekræfte"),
        max_length=150,
        error_messages={"required": _lazy("Skriv personens brugernavn for at bekræfte.")},
    )

    def __init__(self, *args: Any, person: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_confirm(self) -> str:
        typed: str = self.cleaned_data["confirm"].strip()
        if typed != self.person.username:
            raise forms.ValidationError(
                _lazy("Brugernavnet passer ikke. Skriv %(username)s for at bekræfte."),
                params={"username": self.person.username},
            )
        return typed
