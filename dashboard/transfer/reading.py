"""Reading a team's file: each value checked against its field before anything is written, so a
file that is not what an export makes is refused with a message saying where, never a
traceback. Pure logic, no I/O."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dateparse import parse_date, parse_datetime, parse_time
from django.utils.translation import gettext as _

from core.privacy import find_cpr
from core.refusals import Refused
from dashboard.transfer.schema import FORMAT, VERSION


class TransferRefused(Refused):
    """The file cannot be read in; nothing has been written."""


def refuse(where: str, message: str) -> TransferRefused:
    return TransferRefused(f"{where}: {message}" if where else message)


def parse(text: str) -> dict[str, Any]:
    """The file's JSON document, of this format and version."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise TransferRefused(
            _("Filen er ikke gyldig JSON (linje %(line)s, kolonne %(column)s: %(reason)s).")
            % {"line": error.lineno, "column": error.colno, "reason": error.msg}
        ) from None
    except (ValueError, RecursionError):
        # A number of thousands of digits, or lists within lists thousands deep: no export
        # writes either.
        raise TransferRefused(
            _("Filen er ikke gyldig JSON: et tal er for langt, eller den er for dybt indlejret.")
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise TransferRefused(
            _("Filen er ikke et teams data fra Teamlæring (»format« skal være »%(format)s«).")
            % {"format": FORMAT}
        )
    version = data.get("version")
    if isinstance(version, bool) or version != VERSION:
        raise TransferRefused(
            _(
                "Filen har version %(found)s af formatet; denne installation læser version "
                "%(version)s."
            )
            % {"found": shown(version), "version": VERSION}
        )
    return data


def shown(value: Any) -> str:
    """A value of the file as it stands there, shortened."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:59] + "…"


def mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise refuse(where, _("skal være et objekt ({…})."))
    return value


def rows(value: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(value, list):
        raise refuse(where, _("skal være en liste ([…])."))
    return [mapping(row, f"{where}[{index}]") for index, row in enumerate(value)]


def only_keys(row: dict[str, Any], known: set[str], where: str) -> None:
    unknown = sorted(set(row) - known)
    if unknown:
        raise refuse(where, _("ukendte felter: %(fields)s.") % {"fields": ", ".join(unknown)})


def local_id(value: Any, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise refuse(where, _("skal være et heltal."))
    return value


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)


def text_checked(value: Any, where: str) -> None:
    """Free text moves only without anything that looks like a CPR number (core.privacy), and
    without the NUL character, which a database's text cannot hold."""
    for text in _strings(value):
        if "\x00" in text:
            raise refuse(where, _("indeholder et NUL-tegn."))
        if find_cpr(text):
            raise refuse(where, _("indeholder noget, der ligner et CPR-nummer."))


def _typed(model_field: models.Field[Any, Any], raw: Any, where: str) -> Any:
    """`raw` as the field's Python value, if it is of the type an export writes."""
    wrong = refuse(where, _("har ikke den rigtige type."))
    if isinstance(model_field, models.JSONField):
        return raw
    if isinstance(model_field, models.BooleanField):
        if not isinstance(raw, bool):
            raise wrong
        return raw
    if isinstance(model_field, (models.IntegerField, models.FloatField)):
        if isinstance(raw, bool) or not isinstance(raw, (int, float)):
            raise wrong
        if isinstance(model_field, models.IntegerField):
            if not isinstance(raw, int):
                raise wrong
            return raw
        if not math.isfinite(raw):
            raise wrong
        return float(raw)
    if isinstance(model_field, (models.DateTimeField, models.DateField, models.TimeField)):
        if not isinstance(raw, str):
            raise wrong
        value: datetime | date | time | None
        try:
            if isinstance(model_field, models.DateTimeField):
                value = parse_datetime(raw)
                if value is not None and value.tzinfo is None:
                    value = None
            elif isinstance(model_field, models.DateField):
                value = parse_date(raw)
            else:
                value = parse_time(raw)
        except ValueError:
            value = None
        if value is None:
            raise refuse(where, _("er ikke et gyldigt tidspunkt eller en gyldig dato."))
        return value
    if isinstance(model_field, models.DecimalField):
        if not isinstance(raw, str):
            raise wrong
        try:
            return model_field.to_python(raw)
        except ValidationError:
            raise wrong from None
    if isinstance(model_field, models.CharField | models.TextField):
        if not isinstance(raw, str):
            raise wrong
        return raw
    raise TypeError(f"{model_field} cannot be read from a file")


def value(model_field: models.Field[Any, Any], raw: Any, where: str) -> Any:
    """The field's value from the file, checked as the field checks it (type, empty, choices,
    length, range) and by the CPR guard."""
    if raw is None:
        if not model_field.null:
            raise refuse(where, _("må ikke være tom (null)."))
        return None
    typed = _typed(model_field, raw, where)
    choices = {choice for choice, _label in model_field.flatchoices}
    if (
        choices
        and typed not in choices
        and not (model_field.blank and typed in model_field.empty_values)
    ):
        raise refuse(where, _("%(value)s er ikke et af valgene.") % {"value": shown(raw)})
    try:
        model_field.run_validators(typed)
    except ValidationError as error:
        raise refuse(where, " ".join(error.messages)) from None
    text_checked(typed, where)
    return typed
