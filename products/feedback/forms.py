from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core import limits
from core.privacy import CprGuardMixin
from products.models import ProductUse


class FeedbackForm(CprGuardMixin, forms.Form):
    used = forms.ChoiceField(
        label=_("Bruger du produktet?"), choices=ProductUse.choices, widget=forms.RadioSelect
    )
    missing = forms.CharField(
        label=_("Hvad mangler?"),
        required=False,
        max_length=limits.SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=format_lazy(
            "{} {}",
            _("Fx et afsnit, et værktøj eller et eksempel, der ville gøre det lettere at bruge."),
            limits.lazy_chars_help(limits.SHORT_TEXT),
        ),
    )
