"""Reminders to bring a case: who is asked, which meetings are due, and the hourly command."""

from datetime import datetime, time, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from cases.models import Case, CaseReminder, CaseStatus
from cases.reminders import free_places, meetings_due_for_reminder, reminder_recipients
from cases.tasks import send_case_reminders
from meetings.models import Meeting, MeetingStatus
from teams.models import Role
from tests.conftest import World
from tests.factories import MembershipFactory, make_meeting

CPH = ZoneInfo("Europe/Copenhagen")
# Tuesday 8 December 2026 at 10:00; with the default settings cases are due on Monday 7
# December at 12:00.
STARTS = datetime(2026, 12, 8, 10, 0, tzinfo=CPH)
DEADLINE = datetime(2026, 12, 7, 12, 0, tzinfo=CPH)


def planned_meeting(world: World, *, starts_at=STARTS, places: int = 3, team=None) -> Meeting:
    """A planned meeting with room for `places` cases (30 minutes of case phases each)."""
    team = team or world.syd
    leader = world.users["leader"] if team == world.syd else world.users["other_leader"]
    meeting = make_meeting(
        team=team, facilitator=leader, participants=[leader], cases=0, starts_at=starts_at
    )
    meeting.duration_minutes = 30 * places
    meeting.save()
    return meeting


def bring(world: World, who: str, *, meeting=None, days_ago: int = 0, **fields) -> Case:
    when = STARTS - timedelta(days=days_ago)
    with time_machine.travel(when, tick=False):
        return Case.objects.create(
            team=meeting.team if meeting else world.syd,
            meeting=meeting,
            submitted_by=world.users[who],
            title=f"Sag fra {who}",
            sparring_wanted="Hvordan kommer vi videre?",
            sparring_type="stalled",
            background="Baggrund",
            timeline=[{"date": "2025-01-01", "text": "Hændelse"}],
            genogram=[],
            **fields,
        )


@pytest.fixture
def caseworkers(world: World) -> World:
    """Team Syd with four caseworkers, named so that ties are broken predictably."""
    for who, first_name in (("caseworker", "Bo"), ("caseworker2", "Carl")):
        world.users[who].first_name = first_name
        world.users[who].save()
    for who, first_name in (("caseworker3", "Anna"), ("caseworker4", "Dorte")):
        world.users[who] = MembershipFactory(
            team=world.syd,
            role=Role.CASEWORKER,
            user__username=who,
            user__first_name=first_name,
        ).user
    return world


def usernames(people) -> list[str]:
    return [person.username for person in people]


# Recipients


def test_never_brought_first_then_longest_ago(caseworkers):
    world = caseworkers
    meeting = planned_meeting(world, places=4)
    bring(world, "caseworker", days_ago=10)
    bring(world, "caseworker2", days_ago=40)
    bring(world, "caseworker2", days_ago=80)
    # A withdrawn case was never brought.
    bring(world, "caseworker4", days_ago=90, status=CaseStatus.WITHDRAWN)
    assert usernames(reminder_recipients(meeting=meeting)) == [
        "caseworker3",
        "caseworker4",
        "caseworker2",
        "caseworker",
    ]


def test_cases_in_other_teams_do_not_count(caseworkers):
    world = caseworkers
    meeting = planned_meeting(world, places=4)
    MembershipFactory(team=world.nord, role=Role.CASEWORKER, user=world.users["caseworker3"])
    bring(world, "caseworker", days_ago=10)
    bring(world, "caseworker2", days_ago=40)
    bring(world, "caseworker4", days_ago=20)
    nord_meeting = planned_meeting(world, team=world.nord)
    bring(world, "caseworker3", meeting=nord_meeting, days_ago=1)
    assert usernames(reminder_recipients(meeting=meeting))[0] == "caseworker3"


def test_only_as_many_as_there_are_free_places(caseworkers):
    world = caseworkers
    meeting = planned_meeting(world, places=3)
    bring(world, "caseworker", meeting=meeting)
    bring(world, "caseworker2", days_ago=40)
    assert free_places(meeting=meeting) == 2
    assert usernames(reminder_recipients(meeting=meeting)) == ["caseworker3", "caseworker4"]
    bring(world, "caseworker3", meeting=meeting)
    bring(world, "caseworker4", meeting=meeting)
    assert free_places(meeting=meeting) == 0
    assert reminder_recipients(meeting=meeting) == []


def test_members_who_submitted_an_active_case_are_left_out(caseworkers):
    world = caseworkers
    meeting = planned_meeting(world, places=6)
    bring(world, "caseworker", meeting=meeting)
    bring(world, "caseworker3", meeting=meeting, status=CaseStatus.SELECTED)
    # Withdrawing frees the person (and the place) again, and does not count as brought.
    bring(world, "caseworker2", meeting=meeting, status=CaseStatus.WITHDRAWN)
    assert usernames(reminder_recipients(meeting=meeting)) == ["caseworker2", "caseworker4"]


def test_leaders_guests_other_teams_and_outsiders_are_never_asked(world):
    meeting = planned_meeting(world, places=10)
    assert sorted(usernames(reminder_recipients(meeting=meeting))) == [
        "caseworker",
        "caseworker2",
    ]


def test_people_without_an_email_address_or_account_are_skipped(world):
    world.users["caseworker"].email = ""
    world.users["caseworker"].save()
    world.users["caseworker2"].is_active = False
    world.users["caseworker2"].save()
    assert reminder_recipients(meeting=planned_meeting(world)) == []


# Due meetings


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (DEADLINE - timedelta(hours=6, minutes=1), False),
        (DEADLINE - timedelta(hours=6), True),
        (DEADLINE - timedelta(minutes=1), True),
        (DEADLINE, False),
        (DEADLINE + timedelta(hours=1), False),
    ],
)
def test_a_meeting_is_due_within_the_window_before_its_deadline(world, now, due):
    meeting = planned_meeting(world)
    expected = [meeting] if due else []
    assert meetings_due_for_reminder(now=now, hours_before=6) == expected


def test_the_window_follows_hours_before(world):
    meeting = planned_meeting(world)
    now = DEADLINE - timedelta(hours=20)
    assert meetings_due_for_reminder(now=now, hours_before=6) == []
    assert meetings_due_for_reminder(now=now, hours_before=24) == [meeting]


def test_the_teams_deadline_settings_are_used(world):
    world.syd.case_deadline_working_days = 2
    world.syd.case_deadline_time = time(9, 0)
    world.syd.save()
    meeting = planned_meeting(world)
    # Two working days before Tuesday is Friday 4 December, at 09:00.
    friday = datetime(2026, 12, 4, 9, 0, tzinfo=CPH)
    assert meetings_due_for_reminder(now=friday - timedelta(hours=1), hours_before=6) == [meeting]
    assert meetings_due_for_reminder(now=DEADLINE - timedelta(hours=1), hours_before=6) == []


def test_reminded_running_and_finished_meetings_are_not_due(world):
    now = DEADLINE - timedelta(hours=1)
    reminded = planned_meeting(world)
    CaseReminder.objects.create(meeting=reminded, user=world.users["caseworker"], sent_at=now)
    for status in (MeetingStatus.RUNNING, MeetingStatus.FINISHED):
        other = planned_meeting(world)
        other.status = status
        other.save()
    assert meetings_due_for_reminder(now=now, hours_before=6) == []
    fresh = planned_meeting(world, starts_at=STARTS + timedelta(hours=2))
    assert meetings_due_for_reminder(now=now, hours_before=6) == [fresh]


# Sending


def test_the_task_mails_and_records_each_person_once(world, mailoutbox, settings):
    settings.TEAMLAERING_BASE_URL = "https://teamlaering.example.dk/"
    meeting = planned_meeting(world)
    meeting.title = "Teammøde i Syd"
    meeting.save()
    ids = [world.users["caseworker"].pk, world.users["caseworker2"].pk]
    with time_machine.travel(DEADLINE - timedelta(hours=3), tick=False):
        result = send_case_reminders.enqueue(meeting_id=meeting.pk, user_ids=ids)
    assert result.status == "SUCCESSFUL", result.errors
    assert result.return_value == 2
    assert sorted(message.to[0] for message in mailoutbox) == [
        "caseworker2@example.dk",
        "caseworker@example.dk",
    ]
    message = mailoutbox[0]
    assert message.subject == "Har du en sag til teammødet 8. december 2026?"
    assert "»Teammøde i Syd«" in message.body
    assert "tirsdag den 8. december 2026 kl. 10:00" in message.body
    assert "mandag den 7. december 2026 kl. 12:00" in message.body
    assert "https://teamlaering.example.dk/sager/ny/" in message.body
    reminders = CaseReminder.objects.filter(meeting=meeting)
    assert sorted(reminders.values_list("user_id", flat=True)) == sorted(ids)
    assert {reminder.sent_at for reminder in reminders} == {DEADLINE - timedelta(hours=3)}
    again = send_case_reminders.enqueue(meeting_id=meeting.pk, user_ids=ids)
    assert again.return_value == 0
    assert len(mailoutbox) == 2


def test_the_task_uses_the_default_base_url(world, mailoutbox, settings):
    del settings.TEAMLAERING_BASE_URL
    meeting = planned_meeting(world)
    send_case_reminders.enqueue(meeting_id=meeting.pk, user_ids=[world.users["caseworker"].pk])
    [message] = mailoutbox
    assert "http://127.0.0.1:8000/sager/ny/" in message.body


def test_the_task_sends_nothing_for_a_meeting_no_longer_planned(world, mailoutbox):
    meeting = planned_meeting(world)
    meeting.status = MeetingStatus.FINISHED
    meeting.save()
    result = send_case_reminders.enqueue(
        meeting_id=meeting.pk, user_ids=[world.users["caseworker"].pk]
    )
    assert result.return_value == 0
    assert mailoutbox == []
    assert CaseReminder.objects.count() == 0


def test_the_command_reminds_each_recipient_once(
    caseworkers, mailoutbox, django_capture_on_commit_callbacks
):
    world = caseworkers
    meeting = planned_meeting(world, places=3)
    bring(world, "caseworker", meeting=meeting)
    bring(world, "caseworker2", days_ago=40)
    planned_meeting(world, team=world.nord, starts_at=STARTS + timedelta(days=14))
    out = StringIO()
    with (
        time_machine.travel(DEADLINE - timedelta(hours=2), tick=False),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        call_command("send_case_reminders", stdout=out)
    assert len(callbacks) == 1
    assert sorted(message.to[0] for message in mailoutbox) == [
        "caseworker3@example.dk",
        "caseworker4@example.dk",
    ]
    assert all(len(message.to) == 1 for message in mailoutbox)
    assert sorted(
        CaseReminder.objects.filter(meeting=meeting).values_list("user__username", flat=True)
    ) == ["caseworker3", "caseworker4"]
    output = out.getvalue()
    assert "Teammøde (08.12.2026 10:00): 2 påmindet" in output
    assert "Påmindelser til 2 sagsbehandlere om 1 møde er sendt af sted." in output

    out = StringIO()
    with (
        time_machine.travel(DEADLINE - timedelta(hours=1), tick=False),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        call_command("send_case_reminders", stdout=out)
    assert callbacks == []
    assert len(mailoutbox) == 2
    assert "Ingen møder skulle have påmindelser nu." in out.getvalue()


def test_the_command_takes_hours_before(world, mailoutbox, django_capture_on_commit_callbacks):
    planned_meeting(world)
    with (
        time_machine.travel(DEADLINE - timedelta(hours=20), tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("send_case_reminders", stdout=StringIO())
        assert mailoutbox == []
        call_command("send_case_reminders", "--hours-before", "24", stdout=StringIO())
    assert len(mailoutbox) == 2
