from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from core.privacy import CprGuardMixin
from meetings.evaluation.services import COMMENT_LENGTH

USEFULNESS = [
    (1, _("1 - slet ikke")),
    (2, _("2 - lidt")),
    (3, _("3 - noget")),
    (4, _("4 - meget")),
    (5, _("5 - i høj grad")),
]


class CheckOutForm(CprGuardMixin, forms.Form):
    usefulness = forms.TypedChoiceField(
        label=_("Hvor nyttigt var mødet for din praksis?"),
        choices=USEFULNESS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Én linje om mødet"),
        required=False,
        max_length=COMMENT_LENGTH,
        help_text=_(
            "Valgfrit. Lederen ser svarene samlet og uden navne, når mindst tre har svaret."
        ),
    )
