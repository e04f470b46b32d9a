"""Two people editing the same learning point: the second save is refused, shows the point as
the first saved it beside what the second typed, and changes nothing (optimistic locking)."""

import pytest
from django.urls import reverse

from learnings.models import LearningPoint, Theme

HX = {"HX-Request": "true"}


@pytest.fixture
def point(world):
    return LearningPoint.objects.create(
        team=world.syd, author=world.users["caseworker"], text="Første udgave"
    )


@pytest.mark.parametrize("htmx", [False, True])
def test_a_stale_save_is_refused_and_shows_both_texts(client, world, point, htmx):
    theme = Theme.objects.create(team=world.syd, name="skole")
    url = reverse("learnings:point_edit", args=[point.pk])
    client.force_login(world.users["leader"])
    first = client.post(url, {"revision": 1, "text": "Lederens udgave", "themes": [theme.pk]})
    assert first.status_code == 302
    client.force_login(world.users["caseworker"])
    second = client.post(
        url, {"revision": 1, "text": "Min udgave", "new_theme": "nyt"}, headers=HX if htmx else {}
    )
    assert second.status_code == 200
    html = second.content.decode()
    assert "har gemt læringspunktet, efter du begyndte at rette i det" in html
    saved, form = html.split('id="point-editor"')[1].split("<form", 1)
    assert "Lederens udgave" in saved and "skole" in saved
    assert "Min udgave" in form and 'value="nyt"' in form
    assert 'name="revision" value="2"' in form
    assert ("<html" in html) is not htmx
    point.refresh_from_db()
    assert (point.text, point.revision, point.edited_by) == (
        "Lederens udgave",
        2,
        world.users["leader"],
    )
    assert not Theme.objects.filter(name="nyt").exists()


def test_the_edit_page_carries_the_revision(client, world, point):
    client.force_login(world.users["caseworker"])
    html = client.get(reverse("learnings:point_edit", args=[point.pk])).content.decode()
    assert 'name="revision" value="1"' in html


@pytest.mark.parametrize("revision", ["", "abc", "-1", "²"])
def test_a_missing_or_odd_revision_is_an_error_not_a_save(client, world, point, revision):
    client.force_login(world.users["caseworker"])
    url = reverse("learnings:point_edit", args=[point.pk])
    response = client.post(url, {"revision": revision, "text": "Ny"})
    assert response.status_code == 200
    assert "Formularen er forældet" in response.content.decode()
    point.refresh_from_db()
    assert point.text == "Første udgave"
