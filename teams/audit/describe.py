"""How an audit entry reads on the page and in the CSV: the object it concerns and its
details, from the codes the entry holds (no I/O: the entry comes with what it needs)."""

from __future__ import annotations

from typing import Any

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from teams.models import AuditEntry, Role

PDF_KINDS = {
    "minutes": _lazy("Referat"),
    "rollup": _lazy("Opsamling"),
    "product": _lazy("Produkt"),
}

# Why a single sign-on was refused (teams.oidc.services.SignInRefused.reason, or the callback's).
SIGN_ON_REFUSALS = {
    "no_username": _lazy("udbyderen sendte intet brugernavn"),
    "no_access": _lazy("ingen adgang efter udbyderens oplysninger"),
    "ambiguous": _lazy("brugernavnet passer på flere personer"),
    "inactive": _lazy("personen er deaktiveret"),
    "unknown": _lazy("ukendt person"),
    "not_confirmed": _lazy("login kunne ikke bekræftes"),
    "cancelled": _lazy("afbrudt eller afvist hos udbyderen"),
}

# The account's flags whose change the admin site records (teams.admin).
ACCOUNT_FLAGS = {
    "is_active": _lazy("Aktiv"),
    "is_staff": _lazy("Administrator"),
    "is_superuser": _lazy("Alle rettigheder"),
}


def target_label(entry: AuditEntry) -> str:
    """E.g. "Sag 12": the kind of object and its number, never its title or text."""
    if entry.target_type is None or entry.target_id is None:
        return ""
    model = entry.target_type.model_class()
    kind = str(model._meta.verbose_name) if model is not None else entry.target_type.model
    return f"{capfirst(kind)} {entry.target_id}"


def _role(value: Any) -> str:
    try:
        return str(Role(value).label)
    except ValueError:
        return "-" if value is None else str(value)


def detail_text(entry: AuditEntry) -> str:
    """The entry's details in words: the new role, the kind of PDF, the fields changed."""
    detail = entry.detail or {}
    parts: list[str] = []
    if "role" in detail:
        parts.append(_("Rolle: %(role)s") % {"role": _role(detail["role"])})
    if "from_role" in detail or "to_role" in detail:
        parts.append(
            _("Rolle: %(old)s → %(new)s")
            % {"old": _role(detail.get("from_role")), "new": _role(detail.get("to_role"))}
        )
    if "kind" in detail:
        parts.append(str(PDF_KINDS.get(detail["kind"], detail["kind"])))
    if "version" in detail:
        parts.append(_("version %(number)s") % {"number": detail["version"]})
    if detail.get("fields"):
        parts.append(_("Felter: %(fields)s") % {"fields": ", ".join(detail["fields"])})
    if "moved" in detail:
        parts.append(
            _("%(count)s rækker overdraget til »tidligere medarbejder«")
            % {"count": sum(detail["moved"].values())}
        )
    if "start" in detail or "end" in detail:
        parts.append(
            _("Periode: %(start)s til %(end)s")
            % {"start": detail.get("start", ""), "end": detail.get("end", "")}
        )
    if "meeting" in detail:
        parts.append(_("På mødets skærme (møde %(number)s)") % {"number": detail["meeting"]})
    if detail.get("method") == "oidc":
        parts.append(
            _("Enkeltlogon: %(reason)s")
            % {"reason": SIGN_ON_REFUSALS.get(detail.get("reason", ""), detail.get("reason"))}
        )
    for flag, label in ACCOUNT_FLAGS.items():
        if flag in detail:
            parts.append(
                _("%(flag)s: %(value)s")
                % {"flag": label, "value": _("ja") if detail[flag] else _("nej")}
            )
    if "permissions" in detail:
        parts.append(_("Egne rettigheder: %(count)s") % {"count": detail["permissions"]})
    if "groups" in detail:
        parts.append(_("Grupper: %(groups)s") % {"groups": ", ".join(detail["groups"]) or "-"})
    if detail.get("via") == "command":
        parts.append(
            _("Kommandolinjen, systembruger »%(user)s«") % {"user": detail.get("system_user", "")}
        )
    if detail.get("known_username") is False:
        parts.append(_("Ukendt brugernavn"))
    return "; ".join(parts)
