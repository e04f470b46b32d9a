"""Hostile input never gives a 500: every POST endpoint and every GET page of the authorization
matrix, as every role, with random and hostile values in the fields its forms and views read
(huge text, control characters, NUL, right-to-left marks, superscript and full-width digits,
wrong types, missing fields, negative and huge numbers, year 1 and year 9999, duplicate keys).

Each answer must be one a browser can live with (200, 204, 301, 302, 400, 401 — a meeting
screen's poll or stream signed out —, 403, 404, 405), and a
refusal (400, 403, 404) must leave the database as it was; a redirect never leaves the site.
The field names come from the project's forms, from the raw reads of its views and from the
query strings its links carry, so a new form or field is fuzzed too; the routes come from the
URL resolver (through the authorization matrix), so a new page or POST endpoint is too.

Two kinds of test: hypothesis draws random mixes of keys and values for every route as every
role; the sweep sends every hostile value in every field of a route's valid form, one at a
time, as a person the route lets through, so a form's own fields are each tried with each
value. One world (and the objects of every route) is built per module; each test runs in a
savepoint of it.
"""

import importlib
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django import forms
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import get_resolver, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import World, make_world
from tests.test_authorization_matrix import (
    MATRIX,
    WHO,
    Route,
    database_checksum,
    url_names,
)

ROOT = Path(__file__).resolve().parent.parent
# The project's own apps, the folders beside manage.py (a new one is fuzzed without being
# named here).
APPS = tuple(config.name for config in apps.get_app_configs() if Path(config.path).parent == ROOT)
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
# A helper handed the request and the key it reads: `_ids(request, "moede")`.
HELPER_READ = re.compile(r"""\(\s*request\s*,\s*["']([A-Za-z_][\w-]*)["']""")
# A key a link or a redirect puts in a query string: `?moede=`, `&side=`.
QUERY_KEY = re.compile(r"""[?&]([A-Za-z_][\w-]*)=""")


def raw_read_names() -> set[str]:
    """Every key a view or service reads straight from a request's data, and every key the
    app's links and redirects put in a query string."""
    names: set[str] = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            for pattern in (RAW_READ, HELPER_READ, QUERY_KEY):
                names.update(pattern.findall(text))
    for path in [*(ROOT / "templates").rglob("*.html"), *ROOT.glob("*/templates/**/*.html")]:
        names.update(QUERY_KEY.findall(path.read_text(encoding="utf-8")))
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

# The sweep's values: each is put in each field of a route's valid form in turn ("missing" drops
# the field, a list sends the key twice, a file is the wrong type for every field).
MISSING = object()
SWEEP = [
    MISSING,
    "",
    "\x00",
    "\u202e1\u202c",
    "²",
    "\uff11",
    "-1",
    "9" * 40,
    "-9223372036854775809",
    "0001-01-01",
    "9999-12-31T23:59",
    "x" * 100_000,
    ["1", "²"],
    "file",
]
# A page's query string carries every key at once, so a huge value is kept to what a URL holds.
GET_SWEEP = [value for value in SWEEP if value not in (MISSING, "file")]
GET_SWEEP[GET_SWEEP.index("x" * 100_000)] = "x" * 2_000


@st.composite
def hostile_data(draw, valid: dict) -> dict:
    """The valid data of the route with some keys dropped, some changed and some added."""
    data = {key: value for key, value in valid.items() if not draw(st.booleans())}
    for key in draw(st.lists(st.sampled_from([*valid, *FIELDS]), max_size=6, unique=True)):
        data[key] = draw(VALUES)
    return data


POSTS = [(label, route) for label, route, _expected in MATRIX if route.method == "post"]
GETS = [(label, route) for label, route, _expected in MATRIX if route.method == "get"]
POST_NAMES = {route.name for _label, route in POSTS}
REFUSED = {403, 404}
# For each route, the first signed-in person it lets through: the sweep's sender.
LET_THROUGH = {
    (label, route.name): next((who for who in WHO[1:] if expected[who] not in REFUSED), None)
    for label, route, expected in MATRIX
}
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


@pytest.fixture(scope="module")
def module_world(django_db_setup, django_db_blocker) -> Iterator[World]:
    """The module's one world, with the objects every route of the matrix works on; rolled back
    when the module is done."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = make_world()
        for _label, route, _expected in MATRIX:
            route.kwargs(world)
            route.data(world)
        yield world
        transaction.set_rollback(True)


@pytest.fixture
def world(module_world: World, db) -> World:
    """The module's world, in a savepoint of its own for each test (pytest-django's db)."""
    return module_world


def is_local(location: str) -> bool:
    """Whether a redirect stays on the site (a path, or this host)."""
    parts = urlsplit(location.replace("\\", "/"))
    return parts.netloc in ("", "testserver") and parts.scheme in ("", "http", "https")


def send(
    client: Client, route: Route, url: str, data: dict, *, method: str, check_unchanged: bool
) -> int:
    before = database_checksum() if check_unchanged else ""
    response = getattr(client, method)(url, data)
    status = response.status_code
    assert status in ANSWERS, (route.name, method, data, status)
    if status in (301, 302):
        assert is_local(response["Location"]), (route.name, data, response["Location"])
    if check_unchanged and status in REFUSALS:
        assert database_checksum() == before, f"a refused {route.name} changed the database"
    return status


def signed_in(world: World, who: str) -> Client:
    client = Client()
    user = world.user(who)
    if user is not None:
        client.force_login(user)
    return client


def fuzz(world, route: Route, who: str, *, check_unchanged: bool, valid: dict | None = None):
    """Hypothesis's mixes of the route's valid data (or `valid`) with hostile keys and values."""
    client = signed_in(world, who)
    url = reverse(route.name, kwargs=route.kwargs(world))

    @HYPOTHESIS
    @given(data=hostile_data(route.data(world) if valid is None else valid))
    def send_one(data):
        send(client, route, url, data, method=route.method, check_unchanged=check_unchanged)

    send_one()


def sweep(client: Client, route: Route, url: str, valid: dict) -> None:
    """Every sweep value in every field of `valid`, one at a time, posted."""
    for key in valid:
        for value in SWEEP:
            data = with_value(valid, key, value)
            send(client, route, url, data, method="post", check_unchanged=True)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("label", "route"), POSTS, ids=[label for label, _route in POSTS])
def test_no_post_answers_500_and_a_refusal_changes_nothing(world, label, route, who):
    fuzz(world, route, who, check_unchanged=True)


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("label", "route"), GETS, ids=[label for label, _route in GETS])
def test_no_query_string_makes_a_page_answer_500(world, label, route, who):
    fuzz(world, route, who, check_unchanged=False)


def with_value(valid: dict, key: str, value) -> dict:
    data = dict(valid)
    if value is MISSING:
        del data[key]
    elif value == "file":
        data[key] = SimpleUploadedFile("fil.bin", b"\x00\xff\xfe")
    else:
        data[key] = value
    return data


SWEPT_POSTS = [(label, route) for label, route in POSTS if LET_THROUGH[label, route.name]]


@pytest.mark.parametrize(
    ("label", "route"), SWEPT_POSTS, ids=[label for label, _route in SWEPT_POSTS]
)
def test_every_hostile_value_in_every_field_of_a_form_answers_without_500(world, label, route):
    client = signed_in(world, LET_THROUGH[label, route.name])
    sweep(client, route, reverse(route.name, kwargs=route.kwargs(world)), route.data(world))


SWEPT_GETS = [(label, route) for label, route in GETS if LET_THROUGH[label, route.name]]
SWEPT_GET_IDS = [label for label, _route in SWEPT_GETS]


@pytest.mark.parametrize(("label", "route"), SWEPT_GETS, ids=SWEPT_GET_IDS)
def test_every_hostile_value_in_every_query_key_answers_without_500(world, label, route):
    client = signed_in(world, LET_THROUGH[label, route.name])
    url = reverse(route.name, kwargs=route.kwargs(world))
    for value in GET_SWEEP:
        data = {**route.data(world), **dict.fromkeys(FIELDS, value)}
        send(client, route, url, data, method="get", check_unchanged=False)


def test_every_url_of_the_resolver_is_fuzzed():
    fuzzed = {route.name for _label, route in [*POSTS, *GETS]}
    assert set(url_names(get_resolver().url_patterns)) - fuzzed == set()


class PostedForms(HTMLParser):
    """The fields a page's POST forms send to the page itself, with the values the page put in
    them: text inputs and text areas as filled, the chosen option, checked boxes."""

    def __init__(self, path: str) -> None:
        super().__init__(convert_charrefs=True)
        self.path = path
        self.data: dict[str, list[str]] = {}
        self.inside = False
        self.select: str | None = None
        self.textarea: str | None = None
        self.chosen: dict[str, list[str]] = {}
        self.selected: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "form":
            action = urlsplit(a.get("action", "")).path
            self.inside = a.get("method", "").lower() == "post" and action in ("", self.path)
        if not self.inside or (not a.get("name") and tag != "option"):
            return
        name = a.get("name", "")
        if tag == "input" and a.get("type") not in ("submit", "button", "file", "image"):
            if a.get("type") not in ("checkbox", "radio") or "checked" in a:
                self.data.setdefault(name, []).append(a.get("value", ""))
        elif tag == "select":
            self.select = name
        elif tag == "option" and self.select is not None:
            value, chosen = a.get("value", ""), self.chosen.get(self.select)
            if "selected" in a:
                kept = chosen if self.select in self.selected else []
                self.chosen[self.select] = [*kept, value]
                self.selected.add(self.select)
            elif chosen is None:
                self.chosen[self.select] = [value]
        elif tag == "textarea":
            self.textarea = name
            self.data.setdefault(name, []).append("")
        elif tag == "button" and a.get("value"):
            self.data.setdefault(name, [a["value"]])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.textarea is not None:
            self.data[self.textarea][-1] += data

    def fields(self) -> dict:
        fields = {**self.data, **self.chosen}
        fields.pop("csrfmiddlewaretoken", None)
        return {key: values[0] if len(values) == 1 else values for key, values in fields.items()}


def posted_form(client: Client, url: str) -> dict:
    """What the page's own form posts back unchanged."""
    parser = PostedForms(urlsplit(url).path)
    parser.feed(client.get(url).content.decode())
    return parser.fields()


# A page that answers a POST this way takes no data from it.
NOT_TAKEN = {405, 301}


@pytest.mark.parametrize(("label", "route"), SWEPT_GETS, ids=SWEPT_GET_IDS)
def test_a_page_that_takes_a_post_answers_hostile_posts_without_500(world, label, route):
    """A page the matrix lists only for GET either refuses a POST (405) and changes nothing, or
    takes one: then every hostile value goes in every field of the page's own form, and
    hypothesis posts random mixes as every role."""
    if route.name in POST_NAMES:
        return
    client = signed_in(world, LET_THROUGH[label, route.name])
    url = reverse(route.name, kwargs=route.kwargs(world))
    posted = Route(route.name, route.kwargs, "post", route.data)
    if send(client, posted, url, {}, method="post", check_unchanged=True) in NOT_TAKEN:
        before = database_checksum()
        response = client.post(url, dict.fromkeys(FIELDS, "1"))
        assert (response.status_code in NOT_TAKEN, database_checksum()) == (True, before)
        return
    valid = posted_form(client, url)
    sweep(client, posted, url, valid)
    for who in WHO:
        fuzz(world, posted, who, valid=valid, check_unchanged=True)


def test_a_pages_own_form_is_read_with_its_values():
    parser = PostedForms("/side/")
    parser.feed(
        '<form method="post" action="/log-ud/"><input name="ud" value="1"></form>'
        '<form method="post"><input type="hidden" name="csrfmiddlewaretoken" value="t">'
        '<input name="title" value="Møde"><input type="checkbox" name="guests" value="on">'
        '<input type="checkbox" name="cases" value="3" checked>'
        '<input type="checkbox" name="cases" value="4" checked>'
        '<select name="format"><option value="">Vælg</option><option value="7" selected>'
        'Teamsparring</option></select><select name="owner"><option value="2">A</option>'
        '<option value="5">B</option></select><textarea name="agenda">Punkt 1</textarea></form>'
    )
    assert parser.fields() == {
        "title": "Møde",
        "cases": ["3", "4"],
        "format": "7",
        "owner": "2",
        "agenda": "Punkt 1",
    }


def test_the_fields_fuzzed_include_every_form_and_the_raw_reads():
    assert {"version", "action", "next", "v", "mode", "side"} <= set(FIELDS)
    assert {"title", "background", "text", "due_date", "moede"} <= set(FIELDS)


def test_a_redirect_off_the_site_is_caught():
    assert is_local("/moeder/?side=2")
    assert not is_local("https://evil.example/")
    assert not is_local("//evil.example")
    assert not is_local("/\\evil.example")
    assert not is_local("javascript:alert(1)")
