"""Two people editing the same case: the second save is refused, shows the case as the first
saved it beside what the second typed, and changes nothing (optimistic locking)."""

import pytest
from django.urls import reverse

from cases.models import Case
from tests.factories import make_case

HX = {"HX-Request": "true"}


def edit_form(case: Case, **changes) -> dict:
    data = {
        "title": case.title,
        "sparring_wanted": case.sparring_wanted,
        "sparring_type": case.sparring_type,
        "background": case.background,
        "timeline_text": "",
        "genogram_text": "",
        "revision": case.revision,
    }
    return data | changes


@pytest.fixture
def case(world, case_meeting):
    return make_case(meeting=case_meeting, user=world.users["caseworker"])


@pytest.mark.parametrize("htmx", [False, True])
def test_a_stale_save_is_refused_and_shows_both_texts(client, world, case, htmx):
    url = reverse("cases:edit", args=[case.pk])
    opened = Case.objects.get(pk=case.pk)
    client.force_login(world.users["leader"])
    first = client.post(url, edit_form(opened, background="Lederens baggrund."))
    assert first.status_code == 302
    client.force_login(world.users["caseworker"])
    second = client.post(
        url, edit_form(opened, background="Min egen baggrund."), headers=HX if htmx else {}
    )
    assert second.status_code == 200
    html = second.content.decode()
    assert "har gemt sagen, efter du begyndte at rette i den" in html
    saved, form = html.split('id="case-editor"')[1].split("<form", 1)
    assert "Lederens baggrund." in saved and "Min egen baggrund." not in saved
    assert "Min egen baggrund." in form and "Lederens baggrund." not in form
    assert ("<html" in html) is not htmx
    case.refresh_from_db()
    assert case.background == "Lederens baggrund."
    assert case.revision == 2
    assert case.edited_by == world.users["leader"]


def test_saving_again_from_the_refusal_is_a_deliberate_overwrite(client, world, case):
    url = reverse("cases:edit", args=[case.pk])
    opened = Case.objects.get(pk=case.pk)
    client.force_login(world.users["leader"])
    client.post(url, edit_form(opened, background="Lederens baggrund."))
    client.force_login(world.users["caseworker"])
    html = client.post(url, edit_form(opened, background="Min egen.")).content.decode()
    assert 'name="revision" value="2"' in html
    response = client.post(url, edit_form(opened, background="Min egen.", revision=2))
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.background, case.revision) == ("Min egen.", 3)


@pytest.mark.parametrize("revision", ["", "x", "0", "²", "99999999999999999999999"])
def test_a_missing_or_odd_revision_is_an_error_not_a_save(client, world, case, revision):
    client.force_login(world.users["caseworker"])
    url = reverse("cases:edit", args=[case.pk])
    response = client.post(url, edit_form(case, background="Ny.", revision=revision))
    assert response.status_code == 200
    assert "Formularen er forældet" in response.content.decode()
    case.refresh_from_db()
    assert case.background != "Ny."


def test_the_edit_form_carries_the_revision(client, world, case, django_assert_max_num_queries):
    client.force_login(world.users["caseworker"])
    with django_assert_max_num_queries(14):
        html = client.get(reverse("cases:edit", args=[case.pk])).content.decode()
    assert 'name="revision" value="1"' in html
