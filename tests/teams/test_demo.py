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
