"""Dates and times read as Danes write them in Danish (config/formats/da) and as English
readers expect in English (config/formats/en); templates name a format rather than spell one."""

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import timezone, translation
from django.utils.formats import date_format

DAY = date(2026, 11, 21)
MOMENT = datetime(2026, 11, 21, 13, 5)


@pytest.mark.parametrize(
    ("language", "name", "value", "expected"),
    [
        ("da", "DATE_FORMAT", DAY, "21. november 2026"),
        ("da", "SHORT_DATE_FORMAT", DAY, "21. nov. 2026"),
        ("da", "SHORT_DATE_FORMAT", date(2026, 12, 15), "15. dec. 2026"),
        ("da", "SHORT_DATE_FORMAT", date(2026, 5, 1), "1. maj 2026"),
        ("da", "DATETIME_FORMAT", MOMENT, "21. november 2026 kl. 13.05"),
        ("da", "SHORT_DATETIME_FORMAT", MOMENT, "21. nov. 2026 kl. 13.05"),
        ("da", "MONTH_DAY_FORMAT", DAY, "21. november"),
        ("da", "YEAR_MONTH_FORMAT", DAY, "november 2026"),
        ("da", "TIME_FORMAT", MOMENT, "13.05"),
        ("en", "DATE_FORMAT", DAY, "21 November 2026"),
        ("en", "SHORT_DATE_FORMAT", DAY, "21 Nov. 2026"),
        ("en", "DATETIME_FORMAT", MOMENT, "21 November 2026, 13:05"),
        ("en", "SHORT_DATETIME_FORMAT", MOMENT, "21 Nov. 2026, 13:05"),
        ("en", "MONTH_DAY_FORMAT", DAY, "21 November"),
        ("en", "TIME_FORMAT", MOMENT, "13:05"),
    ],
)
def test_each_named_format_reads_right_in_each_language(language, name, value, expected):
    with translation.override(language):
        assert date_format(value, name) == expected


def test_a_template_date_follows_the_language():
    template = Template('{{ when|date:"l" }} {{ when|date:"DATETIME_FORMAT" }}')
    when = timezone.make_aware(MOMENT)
    with translation.override("da"):
        assert template.render(Context({"when": when})) == "lørdag 21. november 2026 kl. 13.05"
    with translation.override("en"):
        assert template.render(Context({"when": when})) == "Saturday 21 November 2026, 13:05"


# Formats that read the same in every language: for machines (ISO dates, "c") or one word.
LANGUAGE_NEUTRAL = {"c", "Y-m-d", "l", "N Y"}


def test_templates_name_their_date_formats_instead_of_spelling_them_out():
    """A spelled-out pattern ("j. M Y") shows "21. Nov 2026" in Danish and Danish word order in
    English; a named one (|date:"SHORT_DATE_FORMAT") is right in both."""
    spelled = []
    roots = [Path(settings.BASE_DIR) / "templates", *Path(settings.BASE_DIR).glob("*/templates")]
    for root in roots:
        for template in root.rglob("*.html"):
            for found in re.finditer(r"\|date:[\"']([^\"']+)[\"']", template.read_text()):
                pattern = found.group(1)
                if pattern not in LANGUAGE_NEUTRAL and not pattern.endswith("_FORMAT"):
                    spelled.append(f"{template.relative_to(settings.BASE_DIR)}: {pattern}")
    assert spelled == []
