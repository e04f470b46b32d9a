"""Hostile input never gives a 500: every POST endpoint and every GET page of the authorization
matrix, as every role, with random and hostile values in the fields its forms and views read
(huge text, control characters, NUL, right-to-left marks, superscript and full-width digits,
wrong types, missing fields, negative and huge numbers, year 1 and year 9999, duplicate keys).

Each answer must be one a browser can live with (200, 204, 301, 302, 400, 401 — a meeting
screen's poll or stream signed out —, 403, 404, 405), and a
refusal (400, 403, 404) must leave the database as it was. The field names come from the
project's forms and from the raw reads of its views, so a new form or field is fuzzed too.
"""

import importlib
import re
from pathlib import Path

import pytest
from django import forms
from django.apps import apps
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_authorization_matrix import MATRIX, WHO, Route, database_checksum

ROOT = Path(__file__).resolve().parent.parent
APPS = ("core", "teams", "meetings", "cases", "learnings", "rollups", "products", "dashboard")
ANSWERS = {200, 204, 301, 302, 400, 401, 403, 404, 405}
REFUSALS = {400, 401, 403, 404}


def form_field_names() -> set[str]:
    """Every field of every form class defined in the project's apps."""
    names: set[str] = set()
    for config in apps.get_app_configs():
        if config.name.split(".")[0] not in APPS:
            continue
        for path in Path(config.path).rglob("forms.py"):
            module = importlib.import_module(
                ".".join(path.relative_to(ROOT).with_suffix("").parts)
            )
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, forms.BaseForm):
                    names.update(value.base_fields)
    return names


RAW_READ = re.compile(r"""(?:POST|GET|data|query)\.get(?:list)?\(\s*["']([A-Za-z_][\w-]*)["']""")


def raw_read_names() -> set[str]:
    """Every key a view or service reads straight from a request's data."""
    names: set[str] = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            names.update(RAW_READ.findall(path.read_text(encoding="utf-8")))
    return names


FIELDS = sorted(form_field_names() | raw_read_names())

HOSTILE_STRINGS = [
    "",
    " ",
    "\x00",
    "tekst\x00med nul",
    "\x01\x02\x1b[31m\x7f",
    "\u202eRTL-mærke\u202c",
    "\u200f\u200e",
    "²",
    "\uff11\uff12",  # full-width digits
    "٣",
    "-1",
    "0",
    "-9223372036854775809",
    "9" * 40,
    "1e309",
    "NaN",
    "0001-01-01",
    "9999-12-31",
    "0000-00-00",
    "1-1-1",
    "31.02.2026",
    "2026-02-30T25:61",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "../../etc/passwd",
    "https://evil.example/",
    "//evil.example",
    "javascript:alert(1)",
    "true",
    "on",
    "[]",
    '{"a": 1}',
    "x" * 100_000,
    "linje\n" * 12_000,
]
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)
VALUE = st.one_of(st.sampled_from(HOSTILE_STRINGS), TEXT)
# A value, or the key twice with two values.
VALUES = st.one_of(VALUE, st.lists(VALUE, min_size=2, max_size=3))


@st.composite
def hostile_data(draw, valid: dict) -> dict:
    """The valid data of the route with some keys dropped, some changed and some added."""
    data = {key: value for key, value in valid.items() if not draw(st.booleans())}
    for key in draw(st.lists(st.sampled_from([*valid, *FIELDS]), max_size=6, unique=True)):
        data[key] = draw(VALUES)
    return data


POSTS = [(label, route) for label, route, _expected in MATRIX if route.method == "post"]
GETS = [(label, route) for label, route, _expected in MATRIX if route.method == "get"]
HYPOTHESIS = settings(
    max_examples=4,
    deadline=None,
    derandomize=True,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


def send(client: Client, route: Route, url: str, data: dict, *, check_unchanged: bool) -> None:
    before = database_checksum() if check_unchanged else ""
    response = getattr(client, route.method)(url, data)
    assert response.status_code in ANSWERS, (route.name, data, response.status_code)
    if check_unchanged and response.status_code in REFUSALS:
        assert database_checksum() == before, f"a refused {route.name} changed the database"


def fuzz(world, route: Route, who: str, *, check_unchanged: bool) -> None:
    client = Client()
    user = world.user(who)
    if user is not None:
        client.force_login(user)
    url = reverse(route.name, kwargs=route.kwargs(world))

    @HYPOTHESIS
    @given(data=hostile_data(route.data(world)))
    def send_one(data):
        send(client, route, url, data, check_unchanged=check_unchanged)

    send_one()


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("label", "route"), POSTS, ids=[label for label, _route in POSTS])
def test_no_post_answers_500_and_a_refusal_changes_nothing(world, label, route, who):
    fuzz(world, route, who, check_unchanged=True)


@pytest.mark.parametrize("who", ["anonymous", "leader", "caseworker", "department_leader"])
@pytest.mark.parametrize(("label", "route"), GETS, ids=[label for label, _route in GETS])
def test_no_query_string_makes_a_page_answer_500(world, label, route, who):
    fuzz(world, route, who, check_unchanged=False)


def test_the_fields_fuzzed_include_every_form_and_the_raw_reads():
    assert {"version", "action", "next", "v", "mode"} <= set(FIELDS)
    assert {"title", "background", "text", "due_date"} <= set(FIELDS)
