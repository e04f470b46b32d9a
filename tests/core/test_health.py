"""GET /healthz/ answers 200 with the database reachable and 503 without, with no session."""

from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def test_the_health_endpoint_answers_ok_without_a_session(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True}
    assert response["Cache-Control"] == "no-store"
    assert "sessionid" not in response.cookies
    assert "csrftoken" not in response.cookies


def test_the_health_endpoint_answers_503_when_the_database_is_down(client):
    with mock.patch("core.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": False}


def test_the_health_endpoint_needs_no_allowed_host(client, settings):
    settings.ALLOWED_HOSTS = ["teamlaering.example.dk"]
    assert client.get("/healthz/", headers={"Host": "10.0.0.5:8000"}).status_code == 200
    assert client.get("/login/", headers={"Host": "10.0.0.5:8000"}).status_code == 400


def test_a_post_to_the_health_endpoint_is_not_a_probe(client):
    assert client.post("/healthz/").status_code in {403, 404, 405}
