from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from meetings.series import dates
from meetings.series.services import SeriesFields, series_create
from tests.factories import make_format

# A Monday morning; the series meets on Thursdays.
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=ZoneInfo("Europe/Copenhagen"))
THURSDAY = 3


def series_fields(world, **changes) -> SeriesFields:
    values = {
        "format": make_format(key=f"series-{len(changes)}-{datetime.now().timestamp()}"),
        "title": "Læringsmøde",
        "place": "Mødelokale 2",
        "rhythm": dates.FORTNIGHTLY,
        "weekday": THURSDAY,
        "at": time(14, 30),
        "starts_on": date(2026, 3, 2),
        "facilitator": world.users["leader"],
        "stand_in": world.users["coordinator"],
        "participants": [world.users["leader"], world.users["caseworker"]],
    }
    values.update(changes)
    return SeriesFields(**values)


@pytest.fixture
def series(world):
    return series_create(team=world.syd, fields=series_fields(world), now=NOW)
