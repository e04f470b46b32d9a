"""Retention: case material is deleted a team-chosen number of days after the meeting, the
rest of the case and its learning points stay, and the log names fields, never content."""

import logging
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from cases.models import Case, CaseStatus, MaterialDeletion
from cases.retention import delete_expired_material, expired_cases
from learnings.models import LearningPoint
from meetings.models import AgendaItem, MeetingStatus
from teams.models import AuditAction, AuditEntry
from tests.conftest import World
from tests.factories import make_meeting

CPH = ZoneInfo("Europe/Copenhagen")
ENDED = datetime(2026, 3, 2, 15, 0, tzinfo=CPH)
BACKGROUND = "Hemmelig baggrund om borgeren Anna"
EVENT = "Hemmelig hændelse i forløbet"
RELATIVE = "Hemmelig mormor"
NOTES = "Hemmelige noter fra sagsejer"
WISH = "Hemmeligt sparringsønske om borgeren Anna"
SECRETS = (BACKGROUND, EVENT, RELATIVE, NOTES, WISH)


def finished_meeting(world: World, *, team=None, ended_at=ENDED):
    team = team or world.syd
    leader = world.users["leader"] if team == world.syd else world.users["other_leader"]
    meeting = make_meeting(
        team=team,
        facilitator=leader,
        participants=[leader],
        cases=1,
        starts_at=ended_at - timedelta(hours=1),
    )
    meeting.status = MeetingStatus.FINISHED
    meeting.started_at = meeting.starts_at
    meeting.ended_at = ended_at
    meeting.save()
    return meeting


def make_case(world: World, *, meeting=None, team=None, who="caseworker", **fields) -> Case:
    return Case.objects.create(
        team=team or (meeting.team if meeting else world.syd),
        meeting=meeting,
        submitted_by=world.users[who],
        title=fields.pop("title", "Ledig borger i ressourceforløb"),
        sparring_wanted=fields.pop("sparring_wanted", WISH),
        sparring_type="stalled",
        background=fields.pop("background", BACKGROUND),
        timeline=fields.pop("timeline", [{"date": "2025-01-01", "text": EVENT}]),
        genogram=fields.pop("genogram", [{"name": RELATIVE, "relation": "mormor"}]),
        **fields,
    )


@pytest.fixture
def discussed(world: World) -> Case:
    """A discussed Team Syd case on a meeting that ended at ENDED, with owner's notes and a
    learning point."""
    meeting = finished_meeting(world)
    case = make_case(world, meeting=meeting, status=CaseStatus.DISCUSSED)
    item = meeting.agenda_items.get()
    case.agenda_item = item
    case.save(update_fields=["agenda_item"])
    item.owner = world.users["caseworker"]
    item.owner_notes = NOTES
    item.save()
    LearningPoint.objects.create(
        team=world.syd,
        meeting=meeting,
        agenda_item=item,
        author=world.users["leader"],
        text="Tidlig kontakt til lægen hjælper",
        is_leader_summary=True,
    )
    return case


def test_material_stays_29_days_after_the_meeting(discussed):
    assert delete_expired_material(now=ENDED + timedelta(days=29)) == []
    discussed.refresh_from_db()
    assert discussed.background == BACKGROUND
    assert discussed.sparring_wanted == WISH
    assert discussed.material_deleted_at is None
    assert MaterialDeletion.objects.count() == 0


def test_material_is_deleted_31_days_after_the_meeting(discussed):
    now = ENDED + timedelta(days=31)
    [deletion] = delete_expired_material(now=now)
    discussed.refresh_from_db()
    assert discussed.sparring_wanted == ""
    assert discussed.background == ""
    assert discussed.timeline == []
    assert discussed.genogram == []
    assert discussed.material_deleted_at == now
    assert not discussed.has_material
    assert deletion.case == discussed
    assert deletion.deleted_at == now
    assert deletion.meeting_ended_at == ENDED


def test_the_log_row_names_the_fields_and_holds_no_content(discussed):
    [deletion] = delete_expired_material(now=ENDED + timedelta(days=31))
    deletion.refresh_from_db()
    assert deletion.fields == [
        "sparring_wanted",
        "background",
        "timeline",
        "genogram",
        "owner_notes",
    ]
    stored = f"{deletion.fields} {deletion}"
    for secret in SECRETS:
        assert secret not in stored


def test_only_fields_that_held_content_are_listed(world):
    meeting = finished_meeting(world)
    make_case(world, meeting=meeting, timeline=[], genogram=[])
    [deletion] = delete_expired_material(now=ENDED + timedelta(days=31))
    assert deletion.fields == ["sparring_wanted", "background"]


def test_each_deletion_is_logged_without_content(discussed, caplog):
    caplog.set_level(logging.INFO, logger="teamlaering.retention")
    delete_expired_material(now=ENDED + timedelta(days=31))
    [record] = [r for r in caplog.records if r.name == "teamlaering.retention"]
    message = record.getMessage()
    assert f"sag {discussed.pk}" in message
    assert "sparring_wanted,background,timeline,genogram,owner_notes" in message
    for secret in (*SECRETS, discussed.title):
        assert secret not in message


def test_title_type_submitter_status_and_learning_points_are_kept(world, discussed):
    delete_expired_material(now=ENDED + timedelta(days=31))
    discussed.refresh_from_db()
    assert discussed.title == "Ledig borger i ressourceforløb"
    assert discussed.sparring_type == "stalled"
    assert discussed.submitted_by == world.users["caseworker"]
    assert discussed.status == CaseStatus.DISCUSSED
    point = LearningPoint.objects.get()
    assert point.text == "Tidlig kontakt til lægen hjælper"
    assert point.agenda_item.case == discussed


def test_the_case_owners_notes_on_the_agenda_item_are_cleared(discussed):
    delete_expired_material(now=ENDED + timedelta(days=31))
    item = AgendaItem.objects.get(case=discussed)
    assert item.owner_notes == ""
    assert item.title == "Sag 1"


def test_the_teams_retention_setting_is_respected(world):
    world.syd.case_retention_days = 7
    world.syd.save()
    world.nord.case_retention_days = 60
    world.nord.save()
    syd_case = make_case(world, meeting=finished_meeting(world))
    nord_case = make_case(
        world, meeting=finished_meeting(world, team=world.nord), who="other_caseworker"
    )
    assert delete_expired_material(now=ENDED + timedelta(days=6)) == []
    deleted = delete_expired_material(now=ENDED + timedelta(days=8))
    assert [deletion.case for deletion in deleted] == [syd_case]
    assert delete_expired_material(now=ENDED + timedelta(days=59)) == []
    deleted = delete_expired_material(now=ENDED + timedelta(days=61))
    assert [deletion.case for deletion in deleted] == [nord_case]


def test_a_meeting_that_never_ended_counts_from_its_start(world):
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"]],
        cases=0,
        starts_at=ENDED,
    )
    case = make_case(world, meeting=meeting)
    assert delete_expired_material(now=ENDED + timedelta(days=29)) == []
    [deletion] = delete_expired_material(now=ENDED + timedelta(days=31))
    assert deletion.case == case
    assert deletion.meeting_ended_at == ENDED


def test_a_withdrawn_case_without_a_meeting_counts_from_its_submission(world):
    with time_machine.travel(ENDED, tick=False):
        case = make_case(world, status=CaseStatus.WITHDRAWN)
    assert case.submitted_at == ENDED
    assert delete_expired_material(now=ENDED + timedelta(days=29)) == []
    [deletion] = delete_expired_material(now=ENDED + timedelta(days=31))
    assert deletion.case == case
    assert deletion.meeting_ended_at == ENDED
    case.refresh_from_db()
    assert case.background == ""
    assert case.status == CaseStatus.WITHDRAWN


def test_a_second_run_deletes_nothing(discussed):
    now = ENDED + timedelta(days=31)
    assert len(delete_expired_material(now=now)) == 1
    assert delete_expired_material(now=now + timedelta(days=1)) == []
    assert MaterialDeletion.objects.count() == 1
    discussed.refresh_from_db()
    assert discussed.material_deleted_at == now


def test_the_command_dry_run_changes_nothing(discussed):
    out = StringIO()
    with time_machine.travel(ENDED + timedelta(days=31), tick=False):
        call_command("delete_case_material", "--dry-run", stdout=out)
    output = out.getvalue()
    assert "Prøvekørsel: 1 sag ville få slettet deres materiale." in output
    assert f"Sag {discussed.pk}: Ledig borger i ressourceforløb" in output
    for secret in SECRETS:
        assert secret not in output
    discussed.refresh_from_db()
    assert discussed.background == BACKGROUND
    assert discussed.material_deleted_at is None
    assert AgendaItem.objects.get(case=discussed).owner_notes == NOTES
    assert MaterialDeletion.objects.count() == 0


def test_the_command_deletes_and_says_how_many(world, discussed):
    make_case(world, meeting=finished_meeting(world), title="Anden sag")
    out = StringIO()
    with time_machine.travel(ENDED + timedelta(days=31), tick=False):
        call_command("delete_case_material", stdout=out)
        assert expired_cases() == []
    assert "Materialet er slettet for 2 sager." in out.getvalue()
    assert MaterialDeletion.objects.count() == 2
    out = StringIO()
    with time_machine.travel(ENDED + timedelta(days=32), tick=False):
        call_command("delete_case_material", stdout=out)
    assert "Ingen sager havde materiale, der skulle slettes." in out.getvalue()
    assert MaterialDeletion.objects.count() == 2


def test_the_case_page_keeps_title_and_kind_but_not_the_sparring_wish(client, world, discussed):
    delete_expired_material(now=ENDED + timedelta(days=31))
    client.force_login(world.users["caseworker"])
    page = client.get(reverse("cases:detail", args=[discussed.pk])).content.decode()
    assert "Ledig borger i ressourceforløb" in page
    assert "Sagen står stille" in page
    assert "Sparringsønsket, baggrund, tidslinje og genogram er slettet" in page
    for secret in SECRETS:
        assert secret not in page


def test_each_deletion_is_in_the_audit_log_by_field_name(
    world, discussed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        delete_expired_material(now=ENDED + timedelta(days=31))
    [entry] = AuditEntry.objects.filter(action=AuditAction.RETENTION_DELETED)
    assert entry.actor is None
    assert entry.target_id == discussed.pk
    assert entry.team == world.syd
    assert entry.organisation == world.syd.organisation
    assert entry.detail == {
        "fields": ["sparring_wanted", "background", "timeline", "genogram", "owner_notes"]
    }
    stored = f"{entry.detail} {entry}"
    for secret in (*SECRETS, discussed.title):
        assert secret not in stored


def test_the_daily_job_also_deletes_old_audit_entries_and_login_records(world, settings):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    settings.TEAMLAERING_AUDIT_READS_DAYS = 365
    settings.TEAMLAERING_AUDIT_CHANGES_DAYS = 1826
    now = ENDED + timedelta(days=31)
    old_read = AuditEntry.objects.create(
        at=now - timedelta(days=366), action=AuditAction.CASE_VIEWED
    )
    kept_change = AuditEntry.objects.create(
        at=now - timedelta(days=366), action=AuditAction.ROLE_CHANGED
    )
    old_change = AuditEntry.objects.create(
        at=now - timedelta(days=1827), action=AuditAction.ROLE_CHANGED
    )
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        extra = {"failures_since_start": 1} if model is AccessAttempt else {}
        old = model.objects.create(
            username="caseworker", ip_address="10.0.0.1", user_agent="a", **extra
        )
        model.objects.filter(pk=old.pk).update(attempt_time=now - timedelta(days=91))
        model.objects.create(username="caseworker", ip_address="10.0.0.2", user_agent="b", **extra)
    out = StringIO()
    with time_machine.travel(now, tick=False):
        call_command("delete_case_material", stdout=out)
    assert "Slettet efter opbevaringstiden: 2 logposter, 3 loginregistreringer og 0 gemte" in (
        out.getvalue()
    )
    remaining = set(AuditEntry.objects.values_list("pk", flat=True))
    assert kept_change.pk in remaining
    assert not remaining & {old_read.pk, old_change.pk}
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        assert list(model.objects.values_list("ip_address", flat=True)) == ["10.0.0.2"]
