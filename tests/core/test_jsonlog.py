"""Log records become one JSON object per line, with the request id and the call's extras."""

import json
import logging
from datetime import date

from core.jsonlog import JsonFormatter
from core.requestid import RequestIdFilter, current_request_id


def record(message: str, *args, **extra) -> logging.LogRecord:
    made = logging.LogRecord("teamlaering.test", logging.WARNING, __file__, 1, message, args, None)
    for key, value in extra.items():
        setattr(made, key, value)
    return made


def test_a_record_is_one_line_of_json_with_time_level_logger_message():
    line = JsonFormatter().format(record("Sag %s slettet", 7))
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "teamlaering.test"
    assert entry["message"] == "Sag 7 slettet"
    assert entry["time"].endswith("+00:00")
    assert entry["request_id"] == "-"


def test_extras_are_fields_and_odd_values_are_text():
    entry = json.loads(JsonFormatter().format(record("x", status=503, day=date(2026, 1, 2))))
    assert entry["status"] == 503
    assert entry["day"] == "2026-01-02"


def test_newlines_and_danish_letters_stay_inside_one_line():
    line = JsonFormatter().format(record("første\nanden"))
    assert "\n" not in line
    assert json.loads(line)["message"] == "første\nanden"


def test_the_filter_puts_the_current_request_id_on_the_record():
    token = current_request_id.set("abc")
    try:
        made = record("x")
        RequestIdFilter().filter(made)
        assert json.loads(JsonFormatter().format(made))["request_id"] == "abc"
    finally:
        current_request_id.reset(token)


def test_an_exception_is_kept_in_the_line():
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        made = logging.LogRecord("t", logging.ERROR, __file__, 1, "failed", None, sys.exc_info())
    entry = json.loads(JsonFormatter().format(made))
    assert "ValueError: boom" in entry["exception"]
