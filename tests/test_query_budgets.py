"""Query budgets (issue 13): every page of the app, as each demo person, with the demo data,
runs at most MAX_QUERIES SQL queries and repeats no query more than MAX_REPEATS times; and with
ten times the meetings, cases and learning points each page runs as many queries as before.

The pages are found as a person finds them: from the start page, by following the links each
page shows (at most PER_ROUTE pages of one kind, e.g. two meeting pages)."""

import re
from collections import Counter
from datetime import timedelta
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import Resolver404, resolve
from django.utils import timezone

from teams import demo

MAX_QUERIES = 15
MAX_REPEATS = 2
# A download that is not a page: "Hent mine data" reads every kind of row the apps keep about
# the person, one query per kind (a fixed number, held by the ten-times test below as well).
BUDGETS = {"teams:my_data": 20}
PER_ROUTE = 2
MAX_PAGES = 80
# Not pages of the app: Django's admin, files, the log-out form's target, the endless stream.
SKIP_ROUTES = {"logout", "meetings:stream", "favicon"}
SKIP_PREFIXES = ("/admin/", "/static/", "/media/")
HREF = re.compile(r'href="(/[^"#]*)"')


def walk(client: Client) -> dict[str, tuple[int, int, str]]:
    """Every page reachable from the start page: by route name, the most queries one of its
    pages ran, the most times one query was repeated there, and that page's address."""
    seen_per_route: Counter[str] = Counter()
    found: dict[str, tuple[int, int, str]] = {}
    queue, visited = ["/"], set()
    while queue and len(visited) < MAX_PAGES:
        url = queue.pop(0)
        if url in visited:
            continue
        visited.add(url)
        try:
            name = resolve(urlsplit(url).path).view_name
        except Resolver404:
            continue
        if name in SKIP_ROUTES or seen_per_route[name] >= PER_ROUTE:
            continue
        seen_per_route[name] += 1
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code in (200, 302), (url, response.status_code)
        repeats = max(Counter(q["sql"] for q in queries.captured_queries).values(), default=0)
        count = len(queries)
        if name not in found or count > found[name][0]:
            found[name] = (count, repeats, url)
        if response.status_code == 200 and "text/html" in response.get("Content-Type", ""):
            for link in HREF.findall(response.content.decode()):
                link = unescape(link)
                if not link.startswith(SKIP_PREFIXES) and link not in visited:
                    queue.append(link)
    return found


@pytest.fixture
def demo_data(db, settings):
    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    settings.DEBUG = False


def signed_in(username: str) -> Client:
    from teams.models import User

    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


PEOPLE = [person.username for person in demo.DEMO_PEOPLE]


@pytest.mark.parametrize("username", PEOPLE)
def test_every_page_keeps_its_query_budget(demo_data, username):
    pages = walk(signed_in(username))
    assert len(pages) >= 5, "the walk found too few pages to say anything"
    over = {
        name: page
        for name, page in pages.items()
        if page[0] > BUDGETS.get(name, MAX_QUERIES) or page[1] > MAX_REPEATS
    }
    assert over == {}, f"(queries, most repeats, address) over budget: {over}"


def ten_times_the_data() -> None:
    """Nine more of each team's meetings (held, with cases and learning points) and cases."""
    from learnings.models import LearningPoint
    from meetings.models import Meeting
    from teams.models import Team, User
    from tests.factories import make_case, make_meeting

    for team in Team.objects.all():
        people = list(User.objects.filter(memberships__team=team).order_by("pk"))
        leader = people[0]
        existing = Meeting.objects.filter(team=team).count()
        for number in range(9 * max(1, existing)):
            meeting = make_meeting(
                team=team,
                facilitator=leader,
                participants=people,
                cases=2,
                starts_at=timezone.now() - timedelta(days=number + 1),
            )
            make_case(meeting=meeting, user=people[number % len(people)], title=f"Sag {number}")
            for person in people[:3]:
                LearningPoint.objects.create(
                    meeting=meeting, team=team, author=person, text=f"Læring {number}"
                )


@pytest.mark.parametrize("username", ["leder", "sagsbehandler1", "afdelingsleder"])
def test_ten_times_the_data_takes_the_same_queries_on_every_page(demo_data, username):
    before = walk(signed_in(username))
    ten_times_the_data()
    after = walk(signed_in(username))
    grown = {
        name: (before[name][0], after[name][0], after[name][2])
        for name in before.keys() & after.keys()
        if after[name][0] > before[name][0]
    }
    assert grown == {}, f"(queries before, after, address) grew with the data: {grown}"
