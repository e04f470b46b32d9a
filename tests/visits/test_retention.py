"""A learning visit's reflections go like case material: the team's days after the learning
meeting, by the daily job; the check-in and the three points stay."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from teams.models import AuditAction, AuditEntry
from tests.factories import make_visit
from visits.models import REFLECTION_FIELDS, Visit
from visits.retention import delete_expired_reflections


def closed_days_ago(world, days, agent="caseworker"):
    visit = make_visit(
        team=world.syd, agent=world.users[agent], colleague=world.users["leader"], closed=True
    )
    Visit.objects.filter(pk=visit.pk).update(closed_at=timezone.now() - timedelta(days=days))
    return visit


def test_reflections_go_after_the_teams_retention_and_the_points_stay(
    world, django_capture_on_commit_callbacks
):
    world.syd.case_retention_days = 30
    world.syd.save()
    old, recent = closed_days_ago(world, 31), closed_days_ago(world, 29, agent="caseworker2")
    with django_capture_on_commit_callbacks(execute=True):
        assert delete_expired_reflections(timezone.now()) == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert all(getattr(old, name) == "" for name in REFLECTION_FIELDS)
    assert old.material_deleted_at is not None
    assert old.wants_to_learn and old.points.count() == 3
    assert recent.agent_seen and recent.material_deleted_at is None
    entry = AuditEntry.objects.get(action=AuditAction.RETENTION_DELETED)
    assert entry.detail == {"fields": list(REFLECTION_FIELDS)}
    assert delete_expired_reflections(timezone.now()) == 0


def test_the_daily_job_deletes_them(world):
    visit = closed_days_ago(world, 400)
    out = StringIO()
    call_command("delete_case_material", stdout=out)
    visit.refresh_from_db()
    assert visit.agent_seen == ""
    assert "Materiale slettet andre steder: 1." in out.getvalue()


def test_the_page_says_the_reflections_are_gone(client, world):
    visit = closed_days_ago(world, 400)
    delete_expired_reflections(timezone.now())
    client.force_login(world.users["caseworker"])
    html = client.get(f"/laeringsbesoeg/{visit.pk}/").content.decode()
    assert "Refleksionerne fra læringsmødet blev slettet" in html
    assert "Første punkt." in html
