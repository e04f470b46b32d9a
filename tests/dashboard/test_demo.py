import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings

from teams.models import Membership, Organisation, Role, Team, User


@override_settings(DEBUG=True)
def test_demo_loader_creates_the_contracted_people_and_is_idempotent(db):
    call_command("load_demo", "--quiet-logins")
    call_command("load_demo", "--quiet-logins")
    assert Organisation.objects.get().name == "Demo Kommune"
    assert set(Team.objects.values_list("name", flat=True)) == {"Team Syd", "Team Nord"}
    expected = {
        "leder": ("Team Syd", Role.LEADER),
        "koordinator": ("Team Syd", Role.COORDINATOR),
        "sagsbehandler1": ("Team Syd", Role.CASEWORKER),
        "sagsbehandler4": ("Team Syd", Role.CASEWORKER),
        "jobkonsulent": ("Team Syd", Role.GUEST),
        "leder.nord": ("Team Nord", Role.LEADER),
        "sagsbehandler.nord": ("Team Nord", Role.CASEWORKER),
    }
    for username, (team, role) in expected.items():
        membership = Membership.objects.get(user__username=username)
        assert (membership.team.name, membership.role) == (team, role)
        assert membership.user.check_password("demo1234")
    assert Membership.objects.filter(team__name="Team Syd", role=Role.CASEWORKER).count() == 4
    department_leader = User.objects.get(username="afdelingsleder")
    assert list(department_leader.led_organisations.values_list("name", flat=True)) == [
        "Demo Kommune"
    ]
    assert User.objects.get(username="admin").is_superuser
    assert User.objects.count() == 11


@override_settings(DEBUG=False)
def test_demo_data_is_refused_when_debug_is_off(db):
    with pytest.raises(CommandError, match="DJANGO_DEBUG"):
        call_command("load_demo")
    assert not User.objects.exists()


@override_settings(DEBUG=True)
def test_each_run_leaves_a_team_syd_meeting_ready_today_with_two_cases(db):
    from django.utils import timezone

    from cases.models import Case
    from meetings.models import Meeting, MeetingStatus

    call_command("load_demo", "--quiet-logins")
    today = timezone.localdate()
    ready = Meeting.objects.get(
        team__name="Team Syd", status=MeetingStatus.PLANNED, starts_at__date=today
    )
    assert ready.agenda_items.filter(case__isnull=False).count() == 2
    assert ready.steps.filter(agenda_item__isnull=False).count() == 12
    assert Case.objects.filter(meeting=ready, is_late=True, status="submitted").count() == 1
    finished = Meeting.objects.filter(team__name="Team Syd", status=MeetingStatus.FINISHED)
    assert finished.count() == 26
    assert all(step.actual_seconds for meeting in finished for step in meeting.steps.all())
    ready.status = MeetingStatus.FINISHED
    ready.save()
    before = Meeting.objects.count(), Case.objects.count()
    call_command("load_demo", "--quiet-logins")
    assert Meeting.objects.filter(
        team__name="Team Syd", status=MeetingStatus.PLANNED, starts_at__date=today
    ).exists()
    assert Meeting.objects.count() == before[0] + 1
    assert Case.objects.count() == before[1] + 3
    assert Meeting.objects.filter(status=MeetingStatus.FINISHED).count() == 27
