"""The CPR guard: Danish CPR numbers must never be stored in free text. Pure logic, no I/O.

Cases are discussed pseudonymised, so anything that looks like a CPR number (DDMMYY-SSSS) is
refused where people type free text. "Looks like" means:

* six digits that form a real date as DDMMYY: month 01-12, day 01 up to the length of the
  month, and 29 February whenever the two-digit year could be a leap year (YY % 4 == 0; 00
  counts, since 2000 was a leap year);
* then optionally one separator: a hyphen or a single space (the hyphen-like characters and
  non-breaking spaces that word processors put in when text is pasted count as well);
* then four digits.

The modulus-11 check is deliberately not used: numbers issued since 2007 need not pass it.

To keep false alarms away from what social-work text is full of (phone numbers, dates,
document and journal numbers, amounts), the ten digits must stand on their own: no digit, and
no digit followed by a hyphen, directly before them; no digit, and no hyphen followed by a
digit, directly after them. So "1234567890123", "727-2011-53" and "86 54 32 10" never match.
Letters and punctuation next to the number do not protect it: "CPR:0403151234" is caught.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from core import limits

# Written as escapes: ruff rejects ambiguous look-alike characters in source (RUF001).
# Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, minus sign.
_HYPHENS = "\\-\u2010\u2011\u2012\u2013\u2212"
# Space, no-break space, narrow no-break space.
_SPACES = " \u00a0\u202f"

_CPR_PATTERN = re.compile(
    rf"""
    (?<![0-9])                  # not the tail of a longer run of digits
    (?<![0-9][{_HYPHENS}])      # nor the next group of a hyphenated number (727-2011-53)
    (?P<day>[0-9]{{2}})
    (?P<month>[0-9]{{2}})
    (?P<year>[0-9]{{2}})
    [{_HYPHENS}{_SPACES}]?      # optional separator: one hyphen or one space
    [0-9]{{4}}
    (?![0-9])                   # not the head of a longer run of digits
    (?![{_HYPHENS}][0-9])       # nor followed by another hyphenated group
    """,
    re.VERBOSE,
)


@dataclass(frozen=True)
class CprHit:
    """A stretch of text that looks like a CPR number: text == source[start:end]."""

    text: str
    start: int
    end: int


def is_cpr_date(day: int, month: int, year: int) -> bool:
    """Whether DD, MM and two-digit YY form a date a CPR number can begin with."""
    if not 1 <= month <= 12:
        return False
    # 2000 and 2001 stand in for "a leap year" and "not a leap year"; YY % 4 == 0 could be
    # a leap year in the 1900s or the 2000s (00: 2000 was one).
    days_in_month = calendar.monthrange(2000 if year % 4 == 0 else 2001, month)[1]
    return 1 <= day <= days_in_month


def find_cpr(text: str) -> list[CprHit]:
    """Every stretch of `text` that looks like a CPR number, in order."""
    hits: list[CprHit] = []
    for match in _CPR_PATTERN.finditer(text):
        if is_cpr_date(int(match["day"]), int(match["month"]), int(match["year"])):
            hits.append(CprHit(text=match.group(), start=match.start(), end=match.end()))
    return hits


def _cpr_error(hit: CprHit) -> ValidationError:
    # Only the matched part is echoed, never the text around it.
    return ValidationError(
        _(
            '"%(cpr)s" ligner et CPR-nummer. Sager drøftes pseudonymiseret, så CPR-numre '
            "må ikke skrives her. Fjern eller omskriv det."
        ),
        code="cpr",
        params={"cpr": hit.text},
    )


def _raise_for(hits: Iterable[CprHit]) -> None:
    errors: list[ValidationError] = []
    seen: set[str] = set()
    for hit in hits:
        if hit.text not in seen:
            seen.add(hit.text)
            errors.append(_cpr_error(hit))
    if errors:
        raise ValidationError(errors)


def validate_no_cpr(value: str) -> None:
    """A Django validator: refuse text that contains something that looks like a CPR number.

    One error per distinct offending part, each naming only that part.
    """
    _raise_for(find_cpr(value))


def scrub_json_strings(value: Any) -> list[CprHit]:
    """CPR numbers in every string nested inside JSON-like lists, tuples and dicts.

    Dictionary keys are searched as well as values. Each hit's start and end refer to the
    string it was found in. Numbers, booleans and None are not searched: a CPR number stored as
    a JSON number would have lost a leading zero, and ten-digit integers (timestamps, ids) are
    far more often something else.
    """
    hits: list[CprHit] = []
    stack: list[Any] = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            hits.extend(find_cpr(item))
        elif isinstance(item, dict):
            children: list[Any] = []
            for key, child in item.items():
                children.extend((key, child))
            stack.extend(reversed(children))
        elif isinstance(item, list | tuple):
            stack.extend(reversed(item))
    return hits


def validate_no_cpr_in_value(value: Any) -> None:
    """Like validate_no_cpr, for a cleaned form value: a string, or parsed JSON."""
    if isinstance(value, str):
        validate_no_cpr(value)
    elif isinstance(value, dict | list | tuple):
        _raise_for(scrub_json_strings(value))


class CprGuardMixin:
    """Refuse CPR numbers in every text field of a Django form.

    Every forms.CharField of the form (including its subclasses, such as the JSON field, whose
    nested strings are searched) gets `validate_no_cpr_in_value` added to its validators. The
    check then runs as part of that field's own cleaning: the error is shown next to the field,
    the field's clean_<name>() is not called with a CPR number, and every other field is
    cleaned and kept as usual. Empty values are skipped, as Django skips validators for them.

    Put the mixin before the form class: `class NoteForm(CprGuardMixin, forms.Form)`. Fields
    named in `cpr_guard_exempt_fields` are left alone by the CPR check.

    Every free text has a limit too: the mixin also tells each text field's maximum in its help
    text (core.limits.tell_limits), so the two guards of free text come together.
    """

    cpr_guard_exempt_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.guard_fields_against_cpr()

    def guard_fields_against_cpr(self) -> None:
        """Add the CPR validator to the form's text fields; call again after adding fields."""
        # self.fields is a deep copy per form instance, so the class's fields are untouched.
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            if name in self.cpr_guard_exempt_fields or not isinstance(field, forms.CharField):
                continue
            if validate_no_cpr_in_value not in field.validators:
                field.validators.append(validate_no_cpr_in_value)
        limits.tell_limits(self.fields)  # type: ignore[attr-defined]
