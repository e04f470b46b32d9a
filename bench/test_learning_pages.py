"""The learning pages with three years of a team's data, timed through the whole Django stack.

Run with `make bench` (or `pytest bench/test_learning_pages.py --benchmark-only`). The data:
about 150 weekly meetings, 1,500 learning points with 8 themes by 6 members, 15 rollups and
their follow-up actions (bench/learning_data.py). Each page is requested as the team's leader;
its SQL query count is kept in the benchmark's extra_info, and the data's generation time too.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from bench.learning_data import LearningData, generate_learning_data


@pytest.fixture
def learning_data(world) -> LearningData:
    data = generate_learning_data(team=world.syd, leader=world.users["leader"])
    assert data.points == 1500
    assert data.meetings == 150
    assert data.rollups == 15
    return data


def url_or_skip(name: str, **kwargs) -> str:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        pytest.skip(f"the URL {name!r} does not exist yet (its view is still being built)")


def time_page(benchmark, client, data: LearningData, url: str) -> None:
    client.force_login(data.leader)
    assert client.get(url).status_code == 200  # warm up: templates, caches, connection
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    benchmark.extra_info["queries"] = len(captured.captured_queries)
    benchmark.extra_info["data"] = data.summary()
    response = benchmark(client.get, url)
    assert response.status_code == 200


def test_learning_list_page(benchmark, client, learning_data):
    url = url_or_skip("learnings:learning_list", slug=learning_data.team.slug)
    time_page(benchmark, client, learning_data, url)


def test_latest_rollup_page(benchmark, client, learning_data):
    url = url_or_skip("rollups:rollup_detail", pk=learning_data.latest_rollup.pk)
    time_page(benchmark, client, learning_data, url)


def test_learning_overview_page(benchmark, client, learning_data):
    url = url_or_skip("learnings:overview", slug=learning_data.team.slug)
    time_page(benchmark, client, learning_data, url)
    assert benchmark.extra_info["queries"] <= 12
