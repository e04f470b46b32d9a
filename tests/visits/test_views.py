"""The learning visits' pages: who reaches them, the forms' errors, htmx and query counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learnings.models import LearningPoint
from tests.conftest import World
from tests.factories import make_meeting, make_visit
from tests.visits.conftest import syd_visit
from visits.models import Visit


@pytest.fixture
def visit(world: World) -> Visit:
    return syd_visit(world)


def _closing_form(**overrides):
    return {
        "agent_seen": "En samtale om praktik.",
        "agent_worked": "Den rolige start.",
        "agent_differently": "Skriv aftalen ned.",
        "colleague_experience": "Godt.",
        "colleague_thoughts": "Forberedelse betyder meget.",
        "point_1": "Start samtalen med borgerens mål.",
        "point_2": "Aftal næste skridt skriftligt.",
        "point_3": "Brug tavlen til tidslinjen.",
    } | overrides


# The list


@pytest.mark.parametrize("who", ["leader", "caseworker", "guest", "department_leader"])
def test_everyone_who_sees_the_team_sees_its_visits(client, world, visit, who):
    client.force_login(world.users[who])
    html = client.get(reverse("visits:list", args=[world.syd.slug])).content.decode()
    assert world.users["caseworker"].display_name in html
    opens = reverse("visits:detail", args=[visit.pk]) in html
    assert opens == (who in ("leader", "caseworker"))
    assert ("Planlæg læringsbesøg" in html) == (who in ("leader", "caseworker"))


def test_another_teams_visits_answer_404(client, world, visit):
    client.force_login(world.users["other_leader"])
    assert client.get(reverse("visits:list", args=[world.syd.slug])).status_code == 404
    assert client.get(reverse("visits:detail", args=[visit.pk])).status_code == 404


def test_the_list_answers_htmx_with_its_part_in_few_queries(
    client, world, visit, django_assert_max_num_queries
):
    make_visit(
        team=world.syd,
        agent=world.users["caseworker2"],
        colleague=world.users["leader"],
        closed=True,
    )
    client.force_login(world.users["leader"])
    with django_assert_max_num_queries(8):
        response = client.get(
            reverse("visits:list", args=[world.syd.slug]), headers={"HX-Request": "true"}
        )
    html = response.content.decode()
    assert 'id="visits"' in html and "<html" not in html
    assert "HX-Request" in response["Vary"]


# Planning


def test_a_caseworker_plans_a_visit_they_take_part_in(client, world):
    client.force_login(world.users["caseworker"])
    url = reverse("visits:plan", args=[world.syd.slug])
    day = (timezone.localdate() + timedelta(days=5)).isoformat()
    response = client.post(
        url,
        {
            "agent": world.users["caseworker"].pk,
            "colleague": world.users["caseworker2"].pk,
            "date": day,
            "length": "whole",
        },
    )
    visit = Visit.objects.get()
    assert response["Location"] == reverse("visits:detail", args=[visit.pk])
    refused = client.post(
        url,
        {
            "agent": world.users["leader"].pk,
            "colleague": world.users["caseworker2"].pk,
            "date": day,
            "length": "whole",
        },
    )
    assert "du selv er med i" in refused.content.decode()
    assert Visit.objects.count() == 1


def test_the_same_person_twice_is_refused_next_to_the_field(client, world):
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("visits:plan", args=[world.syd.slug]),
        {
            "agent": world.users["leader"].pk,
            "colleague": world.users["leader"].pk,
            "date": "2030-01-01",
            "length": "half",
        },
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "to forskellige personer" in html and "<html" not in html
    assert not Visit.objects.exists()


@pytest.mark.parametrize("who", ["guest", "department_leader"])
def test_guests_and_department_leaders_do_not_plan_visits(client, world, who):
    client.force_login(world.users[who])
    assert client.get(reverse("visits:plan", args=[world.syd.slug])).status_code == 403


# The visit, its check-in and its learning meeting


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("caseworker", 200),
        ("leader", 200),
        ("coordinator", 200),
        ("caseworker2", 403),
        ("guest", 403),
        ("department_leader", 403),
    ],
)
def test_the_two_and_the_leaders_open_the_visit(client, world, visit, who, status):
    client.force_login(world.users[who])
    assert client.get(reverse("visits:detail", args=[visit.pk])).status_code == status


def test_the_check_in_keeps_confidentiality_and_refuses_a_cpr_number(client, world, visit):
    client.force_login(world.users["caseworker"])
    url = reverse("visits:check_in", args=[visit.pk])
    assert "Fortrolighed" in client.get(url).content.decode()
    response = client.post(
        url,
        {"wants_to_learn": "Om 010203-1234 svarer", "focus": "Åbningen", "ground_rules": ""},
    )
    html = response.content.decode()
    assert "CPR-nummer" in html and "Åbningen" in html
    visit.refresh_from_db()
    assert not visit.is_checked_in
    client.post(
        url, {"wants_to_learn": "Observere", "focus": "Åbningen", "ground_rules": "Ingen mobil"}
    )
    html = client.get(reverse("visits:detail", args=[visit.pk])).content.decode()
    assert "Fortrolighed" in html and "Ingen mobil" in html


def test_the_learning_meeting_asks_for_all_three_points(client, world):
    visit = syd_visit(world, checked_in=True)
    client.force_login(world.users["leader"])
    url = reverse("visits:close", args=[visit.pk])
    response = client.post(url, _closing_form(point_3="  "))
    html = response.content.decode()
    assert "Skriv alle tre fælles læringspunkter." in html
    assert "Aftal næste skridt skriftligt." in html
    assert not LearningPoint.objects.exists()
    response = client.post(url, _closing_form())
    assert response["Location"] == reverse("visits:detail", args=[visit.pk])
    assert LearningPoint.objects.filter(team=world.syd).count() == 3


def test_the_learning_meeting_waits_for_the_day(client, world):
    visit = make_visit(
        team=world.syd,
        agent=world.users["caseworker"],
        colleague=world.users["leader"],
        day=timezone.localdate() + timedelta(days=3),
        checked_in=True,
    )
    client.force_login(world.users["caseworker"])
    detail = reverse("visits:detail", args=[visit.pk])
    html = client.get(detail).content.decode()
    assert "Læringsmødet holdes efter besøget." in html
    assert reverse("visits:close", args=[visit.pk]) not in html
    url = reverse("visits:close", args=[visit.pk])
    assert client.get(url)["Location"] == detail
    assert client.post(url, _closing_form())["Location"] == detail
    assert not LearningPoint.objects.exists()


def test_the_learning_meeting_waits_for_the_check_in(client, world, visit):
    client.force_login(world.users["caseworker"])
    response = client.get(reverse("visits:close", args=[visit.pk]))
    assert response["Location"] == reverse("visits:check_in", args=[visit.pk])


def test_the_detail_answers_htmx_with_its_part_in_few_queries(
    client, world, django_assert_max_num_queries
):
    visit = syd_visit(world, closed=True)
    client.force_login(world.users["leader"])
    with django_assert_max_num_queries(10):
        response = client.get(
            reverse("visits:detail", args=[visit.pk]), headers={"HX-Request": "true"}
        )
    html = response.content.decode()
    assert 'id="visit"' in html and "<html" not in html
    assert "Tredje punkt." in html


# The staff meeting


def test_the_leader_puts_the_points_on_a_later_meeting_which_shows_them(client, world):
    visit = syd_visit(world, closed=True)
    leader = world.users["leader"]
    meeting = make_meeting(
        team=world.syd,
        facilitator=leader,
        participants=[leader],
        starts_at=timezone.now() + timedelta(days=7),
    )
    client.force_login(world.users["caseworker"])
    assert (
        "Sæt på dagsordenen"
        not in client.get(reverse("visits:detail", args=[visit.pk])).content.decode()
    )
    url = reverse("visits:agenda", args=[visit.pk])
    assert client.post(url, {"meeting": meeting.pk}).status_code == 403
    client.force_login(leader)
    assert (
        "Sæt på dagsordenen"
        in client.get(reverse("visits:detail", args=[visit.pk])).content.decode()
    )
    response = client.post(url, {"meeting": meeting.pk})
    assert response.status_code == 302
    html = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Læringspunkter fra læringsbesøg" in html
    for text in ("Første punkt.", "Andet punkt.", "Tredje punkt."):
        assert text in html


def test_a_meeting_not_offered_is_refused_next_to_the_field(client, world):
    visit = syd_visit(world, closed=True)
    earlier = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[],
        starts_at=timezone.now() - timedelta(days=3),
    )
    client.force_login(world.users["leader"])
    response = client.post(reverse("visits:agenda", args=[visit.pk]), {"meeting": earlier.pk})
    assert response.status_code == 200
    visit.refresh_from_db()
    assert visit.staff_meeting is None


def test_the_points_are_beside_the_phase_in_the_room_but_not_on_the_projector(client, world):
    from visits.services import visit_put_on_agenda

    visit = syd_visit(world, closed=True)
    leader = world.users["leader"]
    meeting = make_meeting(
        team=world.syd,
        facilitator=leader,
        participants=[leader],
        starts_at=timezone.now() + timedelta(days=7),
    )
    visit_put_on_agenda(visit=visit, meeting=meeting)
    client.force_login(leader)
    control = client.get(reverse("meetings:control", args=[meeting.pk])).content.decode()
    assert "Læringspunkter fra læringsbesøg" in control and "Tredje punkt." in control
    projector = client.get(reverse("meetings:projector", args=[meeting.pk])).content.decode()
    assert "Tredje punkt." not in projector
