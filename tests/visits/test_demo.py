import pytest
from django.core.management import call_command
from django.test import override_settings

from meetings.models import MeetingStatus
from visits.models import Visit


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_the_demo_has_a_finished_visit_whose_points_wait_on_a_staff_meeting():
    call_command("load_demo", "--quiet-logins")
    call_command("load_demo", "--quiet-logins")
    visit = Visit.objects.get()
    assert visit.team.name == "Team Syd" and visit.is_closed
    assert [point.position for point in visit.points.all()] == [1, 2, 3]
    assert visit.staff_meeting is not None
    assert visit.staff_meeting.status == MeetingStatus.PLANNED
    assert visit.staff_meeting.starts_at.date() > visit.date
