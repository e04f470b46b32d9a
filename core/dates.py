"""Days and moments in the app's time zone."""

from __future__ import annotations

from datetime import date, datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _


def start_of_day(day: date) -> datetime:
    """Midnight at the start of `day` in the app's time zone (Europe/Copenhagen)."""
    return timezone.make_aware(datetime.combine(day, time.min))


# The days a form takes: far enough back and ahead for any real date, and far enough from
# Python's year 1 and 9999 that a day's start in the app's time zone, the day after or a
# period around it is still a date.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)


class DayField(forms.DateField):
    """A date field that refuses a day before FIRST_DAY or after LAST_DAY with an error next to
    the field, and tells the browser's date picker the same bounds."""

    def validate(self, value: date | None) -> None:
        super().validate(value)
        if value is not None and not FIRST_DAY <= value <= LAST_DAY:
            raise forms.ValidationError(
                _("Vælg en dato mellem %(first)s og %(last)s.")
                % {"first": f"{FIRST_DAY:%d.%m.%Y}", "last": f"{LAST_DAY:%d.%m.%Y}"},
                code="out_of_range",
            )

    def widget_attrs(self, widget: forms.Widget) -> dict[str, str]:
        return {
            **super().widget_attrs(widget),
            "min": FIRST_DAY.isoformat(),
            "max": LAST_DAY.isoformat(),
        }
