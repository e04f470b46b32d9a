"""Managing a team's themes: rename, merge, retire (and take into use again)."""

import re

import pytest
from django.urls import reverse

from learnings import services
from learnings.forms import LearningPointEditForm
from learnings.models import LearningPoint, Theme
from rollups.models import Rollup, RollupItem


def themes_url(world) -> str:
    return reverse("learnings:themes", args=[world.syd.slug])


def url(world, name: str, theme: Theme) -> str:
    return reverse(f"learnings:{name}", args=[world.syd.slug, theme.pk])


def point(world, text: str) -> LearningPoint:
    author = world.users["caseworker"]
    return LearningPoint.objects.create(team=world.syd, author=author, text=text)


@pytest.mark.parametrize("who", ["leader", "coordinator"])
def test_the_leader_and_coordinator_rename_a_theme_on_every_point(client, world, who):
    theme = Theme.objects.create(team=world.syd, name="skole")
    added = point(world, "Et punkt")
    added.themes.add(theme)
    client.force_login(world.users[who])
    response = client.post(url(world, "theme_rename", theme), {"name": "  Skole og  dagtilbud "})
    assert response.status_code == 302 and response["Location"] == themes_url(world)
    assert list(added.themes.values_list("name", flat=True)) == ["Skole og dagtilbud"]
    page = client.get(themes_url(world)).content.decode()
    assert "»skole« hedder nu »Skole og dagtilbud«." in page


def test_a_rename_to_another_themes_name_is_refused_next_to_the_field(client, world):
    theme = Theme.objects.create(team=world.syd, name="skole")
    Theme.objects.create(team=world.syd, name="Ældre")
    client.force_login(world.users["leader"])
    response = client.post(url(world, "theme_rename", theme), {"name": "ÆLDRE"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Teamet har allerede temaet »ÆLDRE«. Flet temaerne i stedet." in html
    assert 'value="ÆLDRE"' in html and 'aria-invalid="true"' in html
    theme.refresh_from_db()
    assert theme.name == "skole"


def test_an_empty_or_cpr_rename_is_refused_and_changes_nothing(client, world):
    theme = Theme.objects.create(team=world.syd, name="skole")
    client.force_login(world.users["leader"])
    response = client.post(url(world, "theme_rename", theme), {"name": "   "})
    assert response.status_code == 200
    response = client.post(url(world, "theme_rename", theme), {"name": "Barn 010190-1234"})
    html = response.content.decode()
    assert response.status_code == 200 and "CPR-nummer" in html
    assert "Barn 010190-1234" in html
    theme.refresh_from_db()
    assert theme.name == "skole"


def test_merging_moves_points_and_rollup_groups_and_deletes_the_theme(client, world):
    school = Theme.objects.create(team=world.syd, name="skole")
    schools = Theme.objects.create(team=world.syd, name="skoler")
    only_in_school = point(world, "Kun skole")
    only_in_school.themes.add(school)
    in_both = point(world, "Begge")
    in_both.themes.add(school, schools)
    rollup = Rollup.objects.create(
        team=world.syd,
        period_start="2026-01-01",
        period_end="2026-02-28",
        created_by=world.users["leader"],
    )
    item = RollupItem.objects.create(rollup=rollup, theme=school, title="Skole")
    client.force_login(world.users["coordinator"])
    response = client.post(url(world, "theme_merge", school), {"into": schools.pk})
    assert response.status_code == 302
    assert not Theme.objects.filter(pk=school.pk).exists()
    assert list(only_in_school.themes.all()) == [schools]
    assert list(in_both.themes.all()) == [schools]
    item.refresh_from_db()
    assert item.theme == schools and item.title == "Skole"
    assert "»skole« er flettet ind i »skoler«." in client.get(themes_url(world)).content.decode()


def test_a_theme_cannot_be_merged_into_another_teams_or_itself(client, world):
    school = Theme.objects.create(team=world.syd, name="skole")
    nord = Theme.objects.create(team=world.nord, name="nord")
    client.force_login(world.users["leader"])
    for into in (nord, school):
        response = client.post(url(world, "theme_merge", school), {"into": into.pk})
        assert response.status_code == 200
        assert "Vælg et andet af teamets temaer at flette ind i." in response.content.decode()
    assert Theme.objects.count() == 2


def test_a_retired_theme_stays_on_its_points_but_is_not_offered(client, world):
    school = Theme.objects.create(team=world.syd, name="skole")
    Theme.objects.create(team=world.syd, name="ældre")
    tagged = point(world, "Med tema")
    tagged.themes.add(school)
    untagged = point(world, "Uden tema")
    client.force_login(world.users["leader"])
    response = client.post(url(world, "theme_retire", school))
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.retired_at is not None
    assert list(tagged.themes.all()) == [school]
    html = client.get(themes_url(world)).content.decode()
    assert "Udfaset" in html and "Tag i brug igen" in html
    offered = LearningPointEditForm(team=world.syd).fields["themes"].queryset
    assert [theme.name for theme in offered] == ["ældre"]
    kept = LearningPointEditForm(team=world.syd, initial={"themes": [school]})
    assert [theme.name for theme in kept.fields["themes"].queryset] == ["skole", "ældre"]
    edit = reverse("learnings:point_edit", args=[untagged.pk])
    html = client.get(edit).content.decode()
    offered_pks = re.findall(r'name="themes" value="(\d+)"', html)
    assert offered_pks == [str(Theme.objects.get(name="ældre").pk)]


def test_a_retired_theme_is_taken_into_use_again(client, world):
    school = Theme.objects.create(team=world.syd, name="skole")
    services.theme_retire(theme=school)
    client.force_login(world.users["leader"])
    client.post(url(world, "theme_retire", school), {"restore": "1"})
    school.refresh_from_db()
    assert school.retired_at is None
    services.theme_retire(theme=school)
    assert services.theme_create(team=world.syd, name="Skole") == school
    school.refresh_from_db()
    assert school.retired_at is None


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
def test_others_may_not_rename_merge_or_retire(client, world, who, status):
    school = Theme.objects.create(team=world.syd, name="skole")
    other = Theme.objects.create(team=world.syd, name="andet")
    client.force_login(world.users[who])
    assert client.post(url(world, "theme_rename", school), {"name": "x"}).status_code == status
    assert client.post(url(world, "theme_merge", school), {"into": other.pk}).status_code == status
    assert client.post(url(world, "theme_retire", school)).status_code == status
    assert sorted(Theme.objects.values_list("name", "retired_at")) == [
        ("andet", None),
        ("skole", None),
    ]


def test_anonymous_is_sent_to_log_in_and_a_get_is_refused(client, world):
    school = Theme.objects.create(team=world.syd, name="skole")
    response = client.post(url(world, "theme_rename", school), {"name": "x"})
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(world.users["leader"])
    assert client.get(url(world, "theme_rename", school)).status_code == 405


def test_a_theme_of_another_team_answers_404(client, world):
    nord = Theme.objects.create(team=world.nord, name="nord")
    client.force_login(world.users["leader"])
    assert client.post(url(world, "theme_retire", nord)).status_code == 404
    assert client.post(url(world, "theme_rename", nord), {"name": "x"}).status_code == 404


def test_the_themes_page_queries_do_not_grow_with_themes(client, world, django_assert_num_queries):
    client.force_login(world.users["leader"])
    client.get(themes_url(world))
    for number in range(5):
        Theme.objects.create(team=world.syd, name=f"tema {number}")
    with django_assert_num_queries(6):
        response = client.get(themes_url(world))
    assert response.content.decode().count("Omdøb") == 5
    response = client.get(themes_url(world), headers={"HX-Request": "true"})
    assert response.status_code == 200
