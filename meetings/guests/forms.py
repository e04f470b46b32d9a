from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core import limits
from core.privacy import CprGuardMixin


class GuestForm(CprGuardMixin, forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=limits.NAME)
    role = forms.CharField(
        label=_("Rolle"),
        max_length=limits.NAME,
        help_text=_("Fx jobkonsulent i Ydelsescenteret, forsker eller ekstern ekspert."),
    )
    email = forms.EmailField(label=_("E-mail"), max_length=limits.NAME)
    may_write_points = forms.BooleanField(
        label=_("Gæsten må skrive læringspunkter i runden"), required=False
    )
