import pytest
from django.core.management import call_command
from django.test import override_settings

from thememeetings.models import Theme, ThemeStatus, WorkingGroupMeeting, WorkingGroupMember


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_the_demo_has_a_backlog_a_working_group_and_a_planned_theme_meeting():
    call_command("load_demo", "--quiet-logins")
    call_command("load_demo", "--quiet-logins")
    assert len({theme.source for theme in Theme.objects.all()}) >= 4
    assert WorkingGroupMember.objects.count() == 3
    assert WorkingGroupMeeting.objects.count() == 1
    chosen = Theme.objects.get(status=ThemeStatus.CHOSEN)
    meeting = chosen.meeting
    assert meeting.format.key == "tema-laeringsmoede"
    assert meeting.co_facilitator is not None
    assert meeting.participants.filter(memberships__team__name="Team Nord").exists()
    assert chosen.external_guests.exists()
