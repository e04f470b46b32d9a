from datetime import timedelta

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learnings.models import LearningPoint, Theme
from tests.factories import make_meeting


def add_points(world, count: int, meeting=None):
    theme, _created = Theme.objects.get_or_create(team=world.syd, name="virksomhedspraktik")
    for number in range(count):
        point = LearningPoint.objects.create(
            team=world.syd,
            author=world.users["caseworker" if number % 2 else "caseworker2"],
            meeting=meeting,
            text=f"Læringspunkt nummer {number} om praktik",
        )
        point.themes.add(theme)


def test_the_list_filters_by_theme_status_person_and_search(client, world):
    add_points(world, 3)
    other = LearningPoint.objects.create(
        team=world.syd, author=world.users["leader"], text="Ring til skolen først"
    )
    client.force_login(world.users["caseworker"])
    url = reverse("learnings:learning_list", args=[world.syd.slug])
    html = client.get(url, {"q": "skolen"}).content.decode()
    assert other.text in html and "nummer 1" not in html
    theme = Theme.objects.get()
    html = client.get(url, {"theme": theme.pk}).content.decode()
    assert "nummer 2" in html and other.text not in html
    html = client.get(url, {"person": world.users["leader"].pk}).content.decode()
    assert other.text in html and "nummer 0" not in html


def test_the_htmx_filter_gets_only_the_results(client, world):
    add_points(world, 2)
    client.force_login(world.users["caseworker"])
    url = reverse("learnings:learning_list", args=[world.syd.slug])
    html = client.get(url, {"q": "praktik"}, headers={"hx-request": "true"}).content.decode()
    assert "<html" not in html and 'id="results"' in html and "nummer 1" in html


def test_the_list_runs_the_same_queries_for_few_and_many_points(client, world):
    meeting = make_meeting(
        team=world.syd, facilitator=world.users["leader"], participants=[world.users["leader"]]
    )
    client.force_login(world.users["leader"])
    url = reverse("learnings:learning_list", args=[world.syd.slug])
    counts = []
    for count in (5, 55):
        add_points(world, count, meeting=meeting)
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_author_and_leader_edit_for_a_week_and_then_no_more(client, world):
    point = LearningPoint.objects.create(
        team=world.syd, author=world.users["caseworker"], text="Første udgave"
    )
    url = reverse("learnings:point_edit", args=[point.pk])
    client.force_login(world.users["caseworker"])
    response = client.post(url, {"text": "Rettet udgave", "new_theme": "samarbejde"})
    assert response.status_code == 302
    point.refresh_from_db()
    assert point.text == "Rettet udgave"
    assert list(point.themes.values_list("name", flat=True)) == ["samarbejde"]
    client.force_login(world.users["caseworker2"])
    assert client.get(url).status_code == 403
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        client.force_login(world.users["leader"])
        assert client.get(url).status_code == 403


def test_a_cpr_number_in_an_edit_is_refused_and_the_text_kept(client, world):
    point = LearningPoint.objects.create(
        team=world.syd, author=world.users["caseworker"], text="Første udgave"
    )
    client.force_login(world.users["caseworker"])
    response = client.post(
        reverse("learnings:point_edit", args=[point.pk]), {"text": "Borger 010190-1234 igen"}
    )
    html = response.content.decode()
    assert "CPR-nummer" in html and "Borger 010190-1234 igen" in html
    point.refresh_from_db()
    assert point.text == "Første udgave"


def test_the_menu_item_leads_to_the_users_team(client, world):
    client.force_login(world.users["caseworker"])
    response = client.get(reverse("learnings:home"))
    assert response["Location"] == reverse("learnings:learning_list", args=[world.syd.slug])
    client.force_login(world.users["outsider"])
    assert "ikke med i et team" in client.get(reverse("learnings:home")).content.decode()
