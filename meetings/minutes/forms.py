from django import forms
from django.utils.translation import gettext_lazy as _lazy


class MinutesEmailForm(forms.Form):
    """Sending the minutes: to the team's members, and to the guests only when ticked."""

    include_guests = forms.BooleanField(
        label=_lazy("Send referatet til gæsterne"),
        required=False,
        help_text=_lazy(
            "Referatet går til teamets medlemmer. Gæster (også dem, der er inviteret med et "
            "link) og deltagere uden for teamet får det kun, når du sætter flueben her."
        ),
        widget=forms.CheckboxInput(
            attrs={"class": "form-check-input", "aria-describedby": "id_include_guests-help"}
        ),
    )
