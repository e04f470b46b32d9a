"""How much text each field takes: one place for the limits, told to the person next to the
field ("Højst 10.000 tegn") and checked in the form and again in the service.

The limits bound the work one person can make the server do: a page, a drawing or a PDF is
never larger than what these let in.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext as _

TITLE = 200  # a title, a name, a place, an agenda line
THEME = 80  # a theme's name
NAME = 150  # a person's first or last name, an e-mail address
PROFESSION = 100  # a member's "fagligt ståsted"
ACTION = 300  # a follow-up action
SHORT_TEXT = 2_000  # a learning point, a change note, a sparring wish, a justification
MEDIUM_TEXT = 4_000  # a summary, a comment
LONG_TEXT = 10_000  # a case's background, notes, a format's description
LINES = 200  # an agenda, a timeline, a genogram
LINE = 200  # one agenda line, one timeline event, one genogram relation
# A product's whole document (title, texts, sections, tables, fields) in characters: as
# much as WeasyPrint renders to PDF within the 5-second budget on a 2-core machine
# (about 10 pages; tests/products/test_limits.py).
PRODUCT_TOTAL = 25_000
PRODUCT_SECTION = 20_000
# Its lines of text and table cells: laying out costs by the piece (a table of 3,600 rows of
# one-letter cells, 14,000 characters, took 29 CPU seconds).
PRODUCT_PARTS = 1_000
# A PDF whose HTML is longer than this is rendered off the request (core.pdf): about five
# pages, which WeasyPrint lays out in 1-2 seconds on that machine.
PDF_INLINE_HTML = 25_000


def number(value: int) -> str:
    """10.000 in Danish."""
    return number_format(value, force_grouping=True)


_n = number


def chars_help(limit: int) -> str:
    return _("Højst %(limit)s tegn.") % {"limit": _n(limit)}


def lines_help(lines: int = LINES, line: int = LINE) -> str:
    return _("Højst %(lines)s linjer på hver højst %(line)s tegn.") % {
        "lines": _n(lines),
        "line": _n(line),
    }


def too_long(limit: int, length: int) -> str:
    return _("Teksten må højst være %(limit)s tegn; den er %(length)s.") % {
        "limit": _n(limit),
        "length": _n(length),
    }


def check_lines(text: str, *, lines: int = LINES, line: int = LINE) -> list[str]:
    """The text's non-empty lines, or ValidationError in Danish when there are too many or
    one is too long."""
    found = [(number, part.strip()) for number, part in enumerate(text.splitlines(), 1)]
    found = [(number, part) for number, part in found if part]
    if len(found) > lines:
        raise ValidationError(
            _("Højst %(lines)s linjer; der er %(count)s.")
            % {"lines": _n(lines), "count": _n(len(found))}
        )
    for number, part in found:
        if len(part) > line:
            raise ValidationError(
                _("Linje %(number)s er for lang: højst %(line)s tegn, den har %(length)s.")
                % {"number": number, "line": _n(line), "length": _n(len(part))}
            )
    return [part for _number, part in found]


# For help texts of form fields declared at import time, translated when shown.
lazy_chars_help = lazy(chars_help, str)
lazy_lines_help = lazy(lines_help, str)


def check_lengths(texts: Iterable[tuple[str | None, int]], *, refused: type[Exception]) -> None:
    """The forms' limits again in a service, for every caller: `refused` (the app's refusal)
    with the Danish message when a text is longer than its limit."""
    for text, limit in texts:
        if text is not None and len(text) > limit:
            raise refused(too_long(limit, len(text)))


def tell_limits(fields: dict[str, forms.Field]) -> None:
    """Tell each text field's maximum next to it: "Højst 2.000 tegn." after its help text.
    CprGuardMixin calls it, so every form of free text does; a form that sets help texts after
    that calls it again (a limit already told is not told twice)."""
    for field in fields.values():
        if (
            not isinstance(field, forms.CharField)
            or field.max_length is None
            or field.widget.is_hidden
            or getattr(field, "limit_told", False)
        ):
            continue
        told = chars_help(field.max_length)
        if told not in str(field.help_text):
            field.help_text = f"{field.help_text} {told}" if field.help_text else told


class LinesField(forms.CharField):
    """Text of one item a line (an agenda, a timeline, a genogram): at most `lines` non-empty
    lines of at most `line` characters each, told in the help text. The count of lines is
    checked before the length in characters, so a 10,000-line paste is told what is wrong."""

    def __init__(self, *, lines: int = LINES, line: int = LINE, **kwargs: Any) -> None:
        help_text = kwargs.pop("help_text", "")
        told = lazy_lines_help(lines, line)
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 4}))
        super().__init__(
            max_length=lines * (line + 1),
            help_text=format_lazy("{} {}", help_text, told) if help_text else told,
            **kwargs,
        )
        self.lines, self.line = lines, line
        self.limit_told = True

    def clean(self, value: Any) -> Any:
        check_lines(str(value or ""), lines=self.lines, line=self.line)
        return super().clean(value)
