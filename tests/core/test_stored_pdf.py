"""PDFs are rendered once per content and stored; a large one is made by a task while the person
sees a page that reloads itself (core.pdf)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from core import pdf as core_pdf
from core.models import StoredPdf
from rollups import services as rollup_services
from teams.models import AuditAction, AuditEntry
from tests.meetings.minutes.test_minutes import build_meeting
from tests.products.conftest import make_product
from tests.products.test_limits import largest_guideline
from tests.rollups.test_rollups import case_item, rollup  # noqa: F401  (fixtures)

DUMMY_TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def _no_render(*args, **kwargs):
    raise AssertionError("a PDF is rendered once per content")


def _exports() -> int:
    return AuditEntry.objects.filter(action=AuditAction.PDF_EXPORTED).count()


@pytest.fixture
def dummy_tasks(settings):
    """Tasks are queued, not run: the test plays the worker."""
    settings.TASKS = DUMMY_TASKS
    from django.tasks import task_backends

    backend = task_backends["default"]
    yield backend
    backend.clear()


def test_the_minutes_pdf_is_rendered_once(
    client, world, monkeypatch, django_capture_on_commit_callbacks
):
    meeting = build_meeting(world)
    url = reverse("meetings:minutes_pdf", args=[meeting.pk])
    client.force_login(world.users["caseworker"])
    with django_capture_on_commit_callbacks(execute=True):
        first = client.get(url)
    assert first["Content-Type"] == "application/pdf"
    monkeypatch.setattr(core_pdf, "html_to_pdf", _no_render)
    with django_capture_on_commit_callbacks(execute=True):
        second = client.get(url)
    assert second.content == first.content
    assert _exports() == 2


def test_a_changed_rollup_is_rendered_again_and_its_old_pdf_goes(client, world, rollup):  # noqa: F811
    url = reverse("rollups:rollup_pdf", args=[rollup.pk])
    client.force_login(world.users["leader"])
    first = client.get(url)
    assert first.status_code == 200
    old_key = StoredPdf.objects.get().key
    rollup_services.rollup_comment(rollup=rollup, user=world.users["leader"], text="Ny kommentar")
    second = client.get(url)
    assert second.status_code == 200
    assert StoredPdf.objects.get().key != old_key


def test_a_large_pdf_is_made_by_a_task_while_a_page_waits(
    client, world, monkeypatch, dummy_tasks, django_capture_on_commit_callbacks
):
    product = make_product(world, content=largest_guideline())
    url = reverse("products:version_pdf", args=[product.pk, 1])
    client.force_login(world.users["caseworker"])
    monkeypatch.setattr(core_pdf, "html_to_pdf", _no_render)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.get(url)
    assert waiting.status_code == 202
    assert waiting["Cache-Control"] == "no-store"
    html = waiting.content.decode()
    assert "PDF'en bliver lavet" in html
    assert f'hx-get="{url}" hx-trigger="every 3s"' in html
    assert "<script>" not in html
    assert len(dummy_tasks.results) == 1
    # The page asks while the task works: nothing new, nothing queued again, no download.
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.get(url, headers={"HX-Request": "true"})
    assert asked.status_code == 204
    assert len(dummy_tasks.results) == 1
    assert _exports() == 0
    monkeypatch.undo()
    result = dummy_tasks.results[0]
    assert result.task.call(**result.kwargs) is True
    # Made: the asking stops (286) and the page offers the PDF; the click downloads it.
    with django_capture_on_commit_callbacks(execute=True):
        ready = client.get(url, headers={"HX-Request": "true"})
    assert ready.status_code == 286
    assert "Hent PDF'en</a>" in ready.content.decode()
    assert _exports() == 0
    with django_capture_on_commit_callbacks(execute=True):
        done = client.get(url)
    assert done.status_code == 200
    assert done["Content-Type"] == "application/pdf"
    assert _exports() == 1


def test_the_waiting_page_answers_in_few_queries(client, world, dummy_tasks):
    product = make_product(world, content=largest_guideline())
    url = reverse("products:version_pdf", args=[product.pk, 1])
    client.force_login(world.users["caseworker"])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 202
    assert len(queries) <= 12


def test_a_queued_pdf_not_made_in_time_is_queued_again(
    client, world, dummy_tasks, django_capture_on_commit_callbacks
):
    product = make_product(world, content=largest_guideline())
    url = reverse("products:version_pdf", args=[product.pk, 1])
    client.force_login(world.users["caseworker"])
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)
    StoredPdf.objects.update(queued_at=timezone.now() - core_pdf.REQUEUE_AFTER)
    with django_capture_on_commit_callbacks(execute=True):
        client.get(url)
    assert len(dummy_tasks.results) == 2


def test_the_retention_job_keeps_only_the_published_versions_pdfs(world):
    StoredPdf.objects.create(key="a" * 64, subject="meetings.meeting:1", content=b"%PDF")
    StoredPdf.objects.create(
        key="b" * 64, subject="products.productversion:1", content=b"%PDF", lasting=True
    )
    assert core_pdf.purge_stored_pdfs() == 1
    assert list(StoredPdf.objects.values_list("subject", flat=True)) == [
        "products.productversion:1"
    ]
