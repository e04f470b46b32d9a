"""The team's learning page: filters, search, paging, htmx, editing points and the themes."""

import re
from datetime import datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learnings import services
from learnings.models import Decision, LearningPoint, PointStatus, Theme
from learnings.selectors import PAGE_SIZE, points_for_team
from tests.factories import make_meeting


def list_url(world) -> str:
    return reverse("learnings:learning_list", args=[world.syd.slug])


def themes_url(world) -> str:
    return reverse("learnings:themes", args=[world.syd.slug])


def point(world, text: str, who: str = "caseworker", **fields) -> LearningPoint:
    return LearningPoint.objects.create(
        team=world.syd, author=world.users[who], text=text, **fields
    )


def add_points(world, count: int) -> None:
    """`count` points spread over three meetings (with their cases) and two themes each."""
    leader = world.users["leader"]
    meetings = [
        make_meeting(team=world.syd, facilitator=leader, participants=[leader], cases=2)
        for _number in range(3)
    ]
    items = [item for meeting in meetings for item in meeting.agenda_items.all()]
    themes = [
        Theme.objects.get_or_create(team=world.syd, name=name)[0]
        for name in ("virksomhedspraktik", "samarbejde", "skole")
    ]
    for number in range(count):
        item = items[number % len(items)]
        added = point(
            world,
            f"Læringspunkt nummer {number} om praktik",
            who=("caseworker", "caseworker2", "leader")[number % 3],
            meeting=item.meeting,
            agenda_item=item,
            status=PointStatus.DECIDED if number % 4 == 0 else PointStatus.NOTED,
            decision=Decision.CHANGE if number % 4 == 0 else "",
        )
        added.themes.add(themes[number % 3], themes[(number + 1) % 3])


# The list page


def test_the_page_shows_text_themes_author_meeting_case_and_status(client, world):
    leader = world.users["leader"]
    meeting = make_meeting(team=world.syd, facilitator=leader, participants=[leader])
    item = meeting.agenda_items.first()
    added = point(
        world,
        "Ring til skolen først",
        meeting=meeting,
        agenda_item=item,
        status=PointStatus.DECIDED,
        decision=Decision.CHANGE,
    )
    added.themes.add(Theme.objects.create(team=world.syd, name="skole"))
    client.force_login(world.users["caseworker2"])
    html = client.get(list_url(world)).content.decode()
    assert "Ring til skolen først" in html
    assert "#Skole" in html
    assert world.users["caseworker"].display_name in html
    assert reverse("meetings:detail", args=[meeting.pk]) in html
    assert f"Sag: {item.title}" in html
    assert "Besluttet" in html and "Beslutning: Ændre praksis" in html
    # caseworker2 neither wrote it nor leads the team: no edit link.
    assert reverse("learnings:point_edit", args=[added.pk]) not in html


def test_the_author_and_the_leader_get_an_edit_link(client, world):
    added = point(world, "Ring til skolen først")
    edit = reverse("learnings:point_edit", args=[added.pk])
    for who in ("caseworker", "leader", "coordinator"):
        client.force_login(world.users[who])
        assert edit in client.get(list_url(world)).content.decode(), who
    for who in ("guest", "department_leader"):
        client.force_login(world.users[who])
        assert edit not in client.get(list_url(world)).content.decode(), who


def test_other_teams_points_are_not_shown(client, world):
    point(world, "Syds punkt")
    LearningPoint.objects.create(
        team=world.nord, author=world.users["other_caseworker"], text="Nords punkt"
    )
    client.force_login(world.users["department_leader"])
    html = client.get(list_url(world)).content.decode()
    assert "Syds punkt" in html and "Nords punkt" not in html


def test_the_list_filters_by_theme_status_meeting_person_and_search(client, world):
    add_points(world, 6)
    other = point(world, "Ring til skolen først", who="guest")
    client.force_login(world.users["caseworker"])
    url = list_url(world)

    def shown(**params) -> set[str]:
        html = client.get(url, params).content.decode()
        return set(re.findall(r"Læringspunkt nummer \d+|Ring til skolen først", html))

    assert shown(q="skolen") == {other.text}
    assert shown(q="nummer praktik") == {f"Læringspunkt nummer {n}" for n in range(6)}
    theme = Theme.objects.get(name="samarbejde")
    expected = {
        f"Læringspunkt nummer {p.text.split()[2]}"
        for p in LearningPoint.objects.filter(themes=theme)
    }
    assert shown(theme=theme.pk) == expected and len(expected) == 4
    assert shown(status=PointStatus.DECIDED) == {"Læringspunkt nummer 0", "Læringspunkt nummer 4"}
    meeting = LearningPoint.objects.get(text__contains="nummer 1 ").meeting
    assert shown(meeting=meeting.pk) == {"Læringspunkt nummer 0", "Læringspunkt nummer 1"}
    assert shown(person=world.users["guest"].pk) == {other.text}
    assert shown(person=world.users["guest"].pk, q="praktik") == set()


def test_the_list_filters_by_period_in_local_days(client, world):
    local = timezone.get_current_timezone()
    for day, text in ((1, "Første marts"), (15, "Midt i marts"), (31, "Sidst i marts")):
        moment = datetime(2025, 3, day, 23, 30, tzinfo=local)
        with time_machine.travel(moment, tick=False):
            point(world, text)
    client.force_login(world.users["caseworker"])
    html = client.get(list_url(world), {"start": "2025-03-01", "end": "2025-03-15"}).content
    html = html.decode()
    assert "Første marts" in html and "Midt i marts" in html and "Sidst i marts" not in html
    html = client.get(list_url(world), {"start": "2025-03-16"}).content.decode()
    assert "Sidst i marts" in html and "Midt i marts" not in html


def test_a_period_ending_before_it_starts_is_explained(client, world):
    point(world, "Et punkt")
    client.force_login(world.users["caseworker"])
    response = client.get(list_url(world), {"start": "2025-03-15", "end": "2025-03-01"})
    assert response.status_code == 200
    assert "Til-datoen skal ligge efter fra-datoen." in response.content.decode()


@pytest.mark.parametrize("period", [{"start": "0001-01-01"}, {"end": "9999-12-31"}])
def test_a_day_outside_the_years_the_list_keeps_is_explained(client, world, period):
    point(world, "Et punkt")
    client.force_login(world.users["caseworker"])
    response = client.get(list_url(world), period)
    assert response.status_code == 200
    assert "Vælg en dato mellem 01.01.1900 og 31.12.2999." in response.content.decode()


def test_another_teams_theme_or_meeting_is_not_a_choice(client, world):
    nord_theme = Theme.objects.create(team=world.nord, name="nordtema")
    point(world, "Et punkt")
    client.force_login(world.users["caseworker"])
    response = client.get(list_url(world), {"theme": nord_theme.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "nordtema" not in html
    assert "Et punkt" in html  # the invalid filter is ignored, the others still apply


def test_the_filter_form_offers_only_the_teams_themes_meetings_and_people(world):
    from learnings.forms import PointFilterForm

    Theme.objects.create(team=world.syd, name="sydtema")
    Theme.objects.create(team=world.nord, name="nordtema")
    form = PointFilterForm(team=world.syd)
    assert [theme.name for theme in form.fields["theme"].queryset] == ["sydtema"]
    people = set(form.fields["person"].queryset)
    assert world.users["caseworker"] in people and world.users["guest"] in people
    assert world.users["other_caseworker"] not in people
    assert world.users["department_leader"] not in people
    assert list(form.fields["meeting"].queryset) == []


def test_the_list_is_paged_by_fifty(client, world):
    for number in range(PAGE_SIZE + 3):
        point(world, f"Punkt {number:03d}.")
    client.force_login(world.users["caseworker"])
    first = client.get(list_url(world)).content.decode()
    assert first.count('class="card mb-2"') == PAGE_SIZE
    assert f"{PAGE_SIZE + 3} læringspunkter" in first
    assert "Punkt 052." in first and "Punkt 002." not in first  # newest first
    second = client.get(list_url(world), {"q": "Punkt", "side": 2}).content.decode()
    assert second.count('class="card mb-2"') == 3
    assert "Punkt 002." in second
    assert "side=1" in second and "q=Punkt" in second


def test_the_htmx_filter_gets_only_the_results(client, world):
    add_points(world, 2)
    client.force_login(world.users["caseworker"])
    response = client.get(list_url(world), {"q": "nummer 1"}, headers={"hx-request": "true"})
    html = response.content.decode()
    assert "<html" not in html and "<form" not in html
    assert html.strip().startswith('<section id="results"')
    assert "nummer 1 " in html and "nummer 0 " not in html
    assert 'hx-swap-oob="true"' in html and "1 læringspunkt fundet" in html
    assert "HX-Request" in response["Vary"]


def test_a_history_restore_gets_the_whole_page(client, world):
    client.force_login(world.users["caseworker"])
    html = client.get(
        list_url(world),
        headers={"hx-request": "true", "hx-history-restore-request": "true"},
    ).content.decode()
    assert "<html" in html and "hx-swap-oob" not in html


def test_the_filter_form_works_with_and_without_javascript(client, world):
    client.force_login(world.users["caseworker"])
    html = client.get(list_url(world)).content.decode()
    form = re.search(r"<form method=\"get\"[^>]*>", html).group()
    assert f'action="{list_url(world)}"' in form
    assert f'hx-get="{list_url(world)}"' in form
    assert 'hx-trigger="change, submit"' in form
    assert 'hx-target="#results"' in form and 'hx-push-url="true"' in form
    labels = {
        "q": "Søg",
        "theme": "Tema",
        "start": "Fra",
        "end": "Til",
        "status": "Status",
        "meeting": "Møde",
        "person": "Person",
    }
    for field, label in labels.items():
        assert re.search(rf'for="id_{field}"[^>]*>\s*{label}\s*</label>', html), field
    assert 'type="search"' in html and 'type="date"' in html


def _list_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("who", ["leader", "department_leader"])
def test_the_list_runs_a_bounded_number_of_queries(
    client, world, who, django_assert_max_num_queries
):
    client.force_login(world.users[who])
    url = list_url(world)
    add_points(world, 5)
    client.get(url)  # warm up: the session, the content types
    few = _list_queries(client, url)
    add_points(world, 55)
    assert LearningPoint.objects.count() == 60
    with django_assert_max_num_queries(few):
        html = client.get(url).content.decode()
    assert html.count('class="card mb-2"') == PAGE_SIZE
    assert few <= 20
    searched = _list_queries(client, f"{url}?q=praktik&status=noted")
    with django_assert_max_num_queries(few + 1):
        client.get(f"{url}?q=praktik&status=noted")
    assert searched <= few + 1


def test_the_selector_filters_without_the_view(world):
    add_points(world, 4)
    theme = Theme.objects.get(name="skole")
    found = points_for_team(team=world.syd, filters={"theme": theme.pk, "q": "praktik"})
    assert {p.pk for p in found} == set(
        LearningPoint.objects.filter(themes=theme).values_list("pk", flat=True)
    )
    assert points_for_team(team=world.nord).count() == 0


# The menu item


def test_the_menu_item_leads_to_the_users_team(client, world):
    client.force_login(world.users["caseworker"])
    response = client.get(reverse("learnings:home"))
    assert response["Location"] == list_url(world)
    client.force_login(world.users["department_leader"])
    response = client.get(reverse("learnings:home"))
    assert response["Location"] == reverse("learnings:all_teams")
    client.force_login(world.users["outsider"])
    response = client.get(reverse("learnings:home"))
    assert response.status_code == 200
    assert "ikke med i et team" in response.content.decode()


def test_the_menu_marks_learning_as_the_current_section(client, world):
    client.force_login(world.users["caseworker"])
    html = client.get(list_url(world)).content.decode()
    link = f'href="{reverse("learnings:home")}" aria-current="page"'
    assert link in html


# Editing a point


def test_the_author_edits_the_text_and_themes_within_a_week(client, world):
    existing = Theme.objects.create(team=world.syd, name="skole")
    added = point(world, "Første udgave")
    url = reverse("learnings:point_edit", args=[added.pk])
    with time_machine.travel(timezone.now() + timedelta(days=6)):
        client.force_login(world.users["caseworker"])
        page = client.get(url).content.decode()
        assert "Første udgave" in page and "privacy-hint" in page
        response = client.post(
            url,
            {
                "revision": 1,
                "text": "Rettet udgave",
                "themes": [existing.pk],
                "new_theme": " Samarbejde ",
            },
        )
    assert response.status_code == 302 and response["Location"] == list_url(world)
    added.refresh_from_db()
    assert added.text == "Rettet udgave"
    assert sorted(added.themes.values_list("name", flat=True)) == ["Samarbejde", "skole"]


@pytest.mark.parametrize("who", ["leader", "coordinator"])
def test_the_leader_and_coordinator_edit_anyones_point_within_a_week(client, world, who):
    added = point(world, "Første udgave")
    client.force_login(world.users[who])
    response = client.post(
        reverse("learnings:point_edit", args=[added.pk]),
        {"revision": 1, "text": "Lederens rettelse"},
    )
    assert response.status_code == 302
    added.refresh_from_db()
    assert added.text == "Lederens rettelse"


@pytest.mark.parametrize("who", ["caseworker", "leader", "coordinator"])
def test_no_one_edits_after_a_week(client, world, who):
    added = point(world, "Første udgave")
    url = reverse("learnings:point_edit", args=[added.pk])
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        client.force_login(world.users[who])
        assert client.get(url).status_code == 403
        assert client.post(url, {"text": "For sent"}).status_code == 403
    added.refresh_from_db()
    assert added.text == "Første udgave"


def test_other_members_may_not_edit_and_other_teams_do_not_see_the_point(client, world):
    added = point(world, "Første udgave")
    url = reverse("learnings:point_edit", args=[added.pk])
    expected = {
        "caseworker2": 403,
        "guest": 403,
        "department_leader": 403,
        "other_leader": 404,
        "other_caseworker": 404,
        "outsider": 404,
    }
    for who, status in expected.items():
        client.force_login(world.users[who])
        assert client.post(url, {"text": "Ændret"}).status_code == status, who
    added.refresh_from_db()
    assert added.text == "Første udgave"


def test_a_cpr_number_in_an_edit_is_refused_next_to_the_field_and_the_input_kept(client, world):
    theme = Theme.objects.create(team=world.syd, name="skole")
    added = point(world, "Første udgave")
    client.force_login(world.users["caseworker"])
    response = client.post(
        reverse("learnings:point_edit", args=[added.pk]),
        {
            "revision": 1,
            "text": "Borger 010190-1234 igen",
            "themes": [theme.pk],
            "new_theme": "nyt",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    text_field = html[html.index('id="div_id_text"') : html.index("<fieldset")]
    assert "ligner et CPR-nummer" in text_field
    assert "Borger 010190-1234 igen" in text_field
    assert 'value="nyt"' in html
    assert re.search(rf'value="{theme.pk}"[^>]*checked', html)
    added.refresh_from_db()
    assert added.text == "Første udgave"
    assert not Theme.objects.filter(name="nyt").exists()


def test_a_cpr_number_in_a_new_theme_is_refused(client, world):
    added = point(world, "Første udgave")
    client.force_login(world.users["caseworker"])
    response = client.post(
        reverse("learnings:point_edit", args=[added.pk]),
        {"revision": 1, "text": "Ny tekst", "new_theme": "0101901234"},
    )
    html = response.content.decode()
    assert response.status_code == 200 and "ligner et CPR-nummer" in html
    assert not Theme.objects.exists()


def test_themes_of_another_team_are_never_set(world):
    added = point(world, "Et punkt")
    nord = Theme.objects.create(team=world.nord, name="nord")
    services.learning_point_update(
        point=added, user=world.users["caseworker"], revision=1, text="Et punkt", themes=[nord]
    )
    assert added.themes.count() == 0


# Themes


def test_members_and_department_leaders_see_the_themes(client, world):
    theme = Theme.objects.create(team=world.syd, name="skole")
    point(world, "Et punkt").themes.add(theme)
    client.force_login(world.users["guest"])
    html = client.get(themes_url(world)).content.decode()
    assert "#Skole" in html and "<caption>" in html
    assert "Opret tema" not in html and "Slet" not in html
    client.force_login(world.users["department_leader"])
    assert client.get(themes_url(world)).status_code == 200
    client.force_login(world.users["other_leader"])
    assert client.get(themes_url(world)).status_code == 404


@pytest.mark.parametrize("who", ["leader", "coordinator"])
def test_the_leader_and_coordinator_create_themes(client, world, who):
    client.force_login(world.users[who])
    html = client.get(themes_url(world)).content.decode()
    assert "Opret tema" in html
    response = client.post(themes_url(world), {"name": "  Virksomheds  praktik "})
    assert response.status_code == 302
    assert list(Theme.objects.values_list("name", flat=True)) == ["Virksomheds praktik"]


def test_a_theme_is_not_created_twice_whatever_the_case(client, world):
    client.force_login(world.users["leader"])
    for name in ("Ældre", "ÆLDRE", "ældre"):
        client.post(themes_url(world), {"name": name})
    assert list(Theme.objects.values_list("name", flat=True)) == ["Ældre"]
    assert services.theme_create(team=world.syd, name="ældre").name == "Ældre"
    assert services.theme_create(team=world.nord, name="ældre").team == world.nord


def test_an_empty_or_cpr_theme_name_is_refused(client, world):
    client.force_login(world.users["leader"])
    response = client.post(themes_url(world), {"name": "   "})
    assert response.status_code == 200
    response = client.post(themes_url(world), {"name": "Barn 0101901234"})
    assert response.status_code == 200
    assert "ligner et CPR-nummer" in response.content.decode()
    assert not Theme.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("caseworker", 403),
        ("guest", 403),
        ("department_leader", 403),
        ("other_leader", 404),
        ("outsider", 404),
    ],
)
def test_others_may_not_create_or_delete_themes(client, world, who, status):
    theme = Theme.objects.create(team=world.syd, name="skole")
    client.force_login(world.users[who])
    assert client.post(themes_url(world), {"name": "nyt"}).status_code == status
    delete = reverse("learnings:theme_delete", args=[world.syd.slug, theme.pk])
    assert client.post(delete).status_code == status
    assert list(Theme.objects.values_list("name", flat=True)) == ["skole"]


def test_deleting_a_theme_keeps_its_learning_points(client, world):
    theme = Theme.objects.create(team=world.syd, name="skole")
    added = point(world, "Et punkt")
    added.themes.add(theme)
    client.force_login(world.users["coordinator"])
    delete = reverse("learnings:theme_delete", args=[world.syd.slug, theme.pk])
    assert client.get(delete).status_code == 405
    response = client.post(delete)
    assert response.status_code == 302 and response["Location"] == themes_url(world)
    assert not Theme.objects.exists()
    added.refresh_from_db()
    assert added.themes.count() == 0


def test_a_theme_of_another_team_is_not_deleted_through_ones_own(client, world):
    nord = Theme.objects.create(team=world.nord, name="nord")
    client.force_login(world.users["leader"])
    delete = reverse("learnings:theme_delete", args=[world.syd.slug, nord.pk])
    assert client.post(delete).status_code == 404
    assert Theme.objects.filter(pk=nord.pk).exists()
