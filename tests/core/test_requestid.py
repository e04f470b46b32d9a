"""Every answer carries a request id, the proxy's when it is a sane token, and every log line
written while serving the request carries the same id."""

import logging

import pytest
from django.test import AsyncClient

from core.requestid import HEADER, current_request_id, request_id_from

pytestmark = pytest.mark.django_db


def test_an_answer_gets_a_new_request_id_when_the_proxy_sent_none(client):
    first = client.get("/login/")[HEADER]
    second = client.get("/login/")[HEADER]
    assert len(first) == 32
    assert first != second


def test_the_proxys_request_id_is_kept(client):
    response = client.get("/login/", headers={"X-Request-ID": "nginx-4f2a.17"})
    assert response[HEADER] == "nginx-4f2a.17"


@pytest.mark.parametrize(
    "hostile", ["abc\ndef", "x" * 200, "", "<script>", "id with spaces", "æøå", "a\x00b"]
)
def test_a_hostile_request_id_is_replaced(rf, hostile):
    request = rf.get("/", HTTP_X_REQUEST_ID=hostile)
    replaced = request_id_from(request)
    assert replaced != hostile
    assert len(replaced) == 32


def test_log_lines_written_during_the_request_carry_its_id(client, caplog):
    caplog.set_level(logging.INFO, logger="teamlaering.request")
    response = client.get("/login/", headers={"X-Request-ID": "req-123"})
    (line,) = [r for r in caplog.records if r.name == "teamlaering.request"]
    assert line.request_id == "req-123"
    assert line.status == response.status_code == 200
    assert line.path == "/login/"
    assert line.method == "GET"
    assert line.duration_ms >= 0
    assert current_request_id.get() == "-"


def test_the_access_line_names_the_signed_in_user_by_id_only(client, caplog, world):
    client.force_login(world.users["leader"])
    caplog.set_level(logging.INFO, logger="teamlaering.request")
    client.get("/")
    (line,) = [r for r in caplog.records if r.name == "teamlaering.request"]
    assert line.user_id == world.users["leader"].pk
    assert "leader" not in line.getMessage()


def test_an_async_request_gets_an_id_too():
    import asyncio

    async def scenario():
        return await AsyncClient().get("/login/", headers={"X-Request-ID": "async-1"})

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as executor:
        response = executor.submit(asyncio.run, scenario()).result()
    assert response[HEADER] == "async-1"
