"""How much text each field takes: one place for the limits, told to the person next to the
field ("Højst 10.000 tegn") and checked in the form and again in the service.

The limits bound the work one person can make the server do: a page, a drawing or a PDF is
never larger than what these let in.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.functional import lazy
from django.utils.translation import gettext as _

TITLE = 200
SHORT_TEXT = 2_000  # a learning point, a change note, a sparring wish, a justification
LONG_TEXT = 10_000  # a case's background, notes, a rollup's summary
LINES = 200  # an agenda, a timeline, a genogram
LINE = 200  # one agenda line, one timeline event, one genogram relation
LINES_TEXT = LINES * (LINE + 1)
# A product's whole document (title, texts, sections, tables, fields) in characters: as
# much as WeasyPrint renders to PDF within the 5-second budget on a 2-core machine
# (about 10 pages; tests/products/test_limits.py).
PRODUCT_TOTAL = 25_000
PRODUCT_SECTION = 20_000


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
