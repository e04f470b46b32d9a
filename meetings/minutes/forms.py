from django import forms
from django.utils.translation import gettext_lazy as _lazy


class MinutesEmailForm(forms.Form):
    """Sending the minutes: to the team's members, and to the guests only when ticked."""

    include_guests = forms.BooleanField(
        label=_lazy("Send også til gæsterne"),
        required=False,
        help_text=_lazy(
            "Gæstedeltagere og deltagere uden for teamet får kun referatet, når du sætter "
            "flueben her."
        ),
        widget=forms.CheckboxInput(
            attrs={"class": "form-check-input", "aria-describedby": "id_include_guests-help"}
        ),
    )
