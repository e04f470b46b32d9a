from __future__ import annotations

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from teams.models import User


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Brugernavn"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label=_("Adgangskode"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class LanguageForm(forms.ModelForm[User]):
    class Meta:
        model = User
        fields = ["language"]
        labels = {"language": _("Sprog")}
        widgets = {"language": forms.RadioSelect}
