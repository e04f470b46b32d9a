"""The working group's own short meetings between theme meetings: a date, an agenda and notes
(CPR-guarded), listed on the working group's page; only its members write them."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.thememeetings.conftest import working_group
from thememeetings.models import WorkingGroupMeeting

CPR = "Borgeren 010190-1234 blev nævnt."


def test_the_working_group_keeps_its_meetings_on_its_page(client, world):
    working_group(world)
    client.force_login(world.users["coordinator"])
    organisation = world.syd.organisation_id
    url = reverse("thememeetings:working_group_meeting_add", args=[organisation])
    response = client.post(
        url, {"date": "2030-01-08", "agenda": "1. Temalisten", "notes": "Praktik er valgt."}
    )
    assert response.status_code == 302
    client.force_login(world.users["caseworker"])
    page = client.get(reverse("thememeetings:working_group", args=[organisation])).content.decode()
    assert "1. Temalisten" in page and "Praktik er valgt." in page
    assert "Nyt møde i arbejdsgruppen" not in page


def test_a_cpr_number_in_the_notes_is_refused_and_the_text_kept(client, world):
    working_group(world)
    client.force_login(world.users["coordinator"])
    url = reverse("thememeetings:working_group_meeting_add", args=[world.syd.organisation_id])
    html = client.post(
        url, {"date": "2030-01-08", "agenda": "Temalisten", "notes": CPR}
    ).content.decode()
    assert "CPR-nummer" in html and "Temalisten" in html and "010190-1234" in html
    assert not WorkingGroupMeeting.objects.exists()


def test_the_working_group_page_queries_do_not_grow_with_its_meetings(
    client, world, django_assert_max_num_queries
):
    working_group(world)
    client.force_login(world.users["coordinator"])
    url = reverse("thememeetings:working_group", args=[world.syd.organisation_id])
    add = reverse("thememeetings:working_group_meeting_add", args=[world.syd.organisation_id])
    client.post(add, {"date": "2030-01-08", "agenda": "Første"})
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
    assert response.status_code == 200, response
    count = len(few)
    assert 0 < count <= 15
    for number in range(10):
        client.post(add, {"date": "2030-01-08", "agenda": f"Punkt {number}"})
    with django_assert_max_num_queries(count):
        client.get(url)
