"""The theme backlog: anyone of the organisation proposes a theme (a CPR number is refused and
the text kept); the working group, named by the department leader, orders the backlog with a
justification each, and the proposer sees what became of their theme."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.thememeetings.conftest import propose, working_group
from thememeetings import services
from thememeetings.models import Theme, ThemeStatus, WorkingGroupMember

HX = {"HX-Request": "true"}
CPR = "Borgeren 010190-1234 fik praktik."


def _form(**overrides):
    return {
        "title": "Praktik efter LAB § 42",
        "why": "Vi bruger praktik forskelligt.",
        "knowledge_needed": "Lovgivningen.",
        "source": "management_supervision",
        **overrides,
    }


def test_a_caseworker_proposes_a_theme_for_the_organisation(client, world):
    client.force_login(world.users["caseworker"])
    url = reverse("thememeetings:propose", args=[world.syd.organisation_id])
    response = client.post(url, _form())
    assert response.status_code == 302
    theme = Theme.objects.get()
    assert theme.proposed_by == world.users["caseworker"]
    assert theme.status == ThemeStatus.PROPOSED
    assert theme.get_source_display() == "Ledelsestilsyn"
    page = client.get(response["Location"]).content.decode()
    assert "Praktik efter LAB § 42" in page and "Foreslået" in page


def test_a_cpr_number_is_refused_next_to_the_field_and_the_text_kept(client, world):
    client.force_login(world.users["caseworker"])
    url = reverse("thememeetings:propose", args=[world.syd.organisation_id])
    html = client.post(url, _form(why=CPR)).content.decode()
    assert "CPR-nummer" in html
    assert "010190-1234" in html and "Lovgivningen." in html
    assert not Theme.objects.exists()


def test_the_service_refuses_a_cpr_number_too(world):
    with pytest.raises(services.ThemeRefused):
        services.theme_propose(
            organisation=world.syd.organisation,
            proposed_by=world.users["caseworker"],
            title="Tema",
            why=CPR,
            knowledge_needed="",
            source="other",
        )


def test_the_form_tells_the_limits(client, world):
    client.force_login(world.users["caseworker"])
    html = client.get(
        reverse("thememeetings:propose", args=[world.syd.organisation_id])
    ).content.decode()
    assert "Højst 2.000 tegn." in html


def test_the_department_leader_names_the_working_group(client, world):
    client.force_login(world.users["department_leader"])
    url = reverse("thememeetings:working_group_members", args=[world.syd.organisation_id])
    members = [world.users[who].pk for who in ("department_leader", "coordinator", "caseworker")]
    assert client.post(url, {"members": members}).status_code == 302
    assert set(WorkingGroupMember.objects.values_list("user_id", flat=True)) == set(members)
    client.force_login(world.users["leader"])
    assert client.post(url, {"members": []}).status_code == 403
    assert WorkingGroupMember.objects.count() == 3


def test_an_outsider_cannot_be_named_to_the_working_group(world):
    with pytest.raises(services.ThemeRefused):
        services.working_group_set(
            organisation=world.syd.organisation, members=[world.users["outsider"]]
        )


def test_the_working_group_orders_the_backlog_with_justifications(client, world):
    first, second, third = (propose(world, title) for title in ("Første", "Anden", "Tredje"))
    working_group(world)
    client.force_login(world.users["coordinator"])
    url = reverse("thememeetings:prioritise", args=[third.pk])
    response = client.post(
        url,
        {f"theme-{third.pk}-position": "1", f"theme-{third.pk}-justification": "Haster mest"},
        headers=HX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="backlog"')
    assert "Haster mest" in html
    # Placed first; the others follow, newest first, as they were listed.
    assert [theme.title for theme in Theme.objects.backlog()] == ["Tredje", "Anden", "Første"]
    assert Theme.objects.get(pk=third.pk).status == ThemeStatus.PRIORITISED
    client.post(reverse("thememeetings:prioritise", args=[first.pk]), {"flyt": "op"})
    assert [theme.title for theme in Theme.objects.backlog()] == ["Tredje", "Første", "Anden"]
    assert html.index("Tredje") < html.index("Anden")
    assert Theme.objects.get(pk=second.pk).justification == ""


def test_moving_up_and_down_swaps_neighbours(world):
    first, second = propose(world, "Første"), propose(world, "Anden")
    services.theme_prioritise(theme=first, position=1)
    services.theme_prioritise(theme=second, position=2)
    services.theme_move(theme=second, up=True)
    assert [theme.title for theme in Theme.objects.backlog()] == ["Anden", "Første"]
    services.theme_move(theme=second, up=False)
    assert [theme.title for theme in Theme.objects.backlog()] == ["Første", "Anden"]
    assert list(Theme.objects.backlog().values_list("position", flat=True)) == [1, 2]


def test_only_the_working_group_prioritises(client, world, theme):
    working_group(world)
    url = reverse("thememeetings:prioritise", args=[theme.pk])
    for who in ("leader", "caseworker", "other_leader"):
        client.force_login(world.users[who])
        assert client.post(url, {"flyt": "op"}).status_code == 403
    client.force_login(world.users["outsider"])
    assert client.post(url, {"flyt": "op"}).status_code == 404
    assert Theme.objects.get().status == ThemeStatus.PROPOSED


def test_a_bad_priority_is_shown_next_to_the_field_and_changes_nothing(client, world, theme):
    working_group(world)
    client.force_login(world.users["coordinator"])
    html = client.post(
        reverse("thememeetings:prioritise", args=[theme.pk]),
        {f"theme-{theme.pk}-position": "nul", f"theme-{theme.pk}-justification": "Fordi"},
        headers=HX,
    ).content.decode()
    assert "Fordi" in html and "invalid-feedback" in html
    assert Theme.objects.get().position is None


def test_only_the_working_group_sees_the_controls(client, world, theme):
    working_group(world)
    url = reverse("thememeetings:backlog", args=[world.syd.organisation_id])
    client.force_login(world.users["caseworker"])
    assert "Gem prioritet" not in client.get(url).content.decode()
    client.force_login(world.users["coordinator"])
    assert "Gem prioritet" in client.get(url).content.decode()


def test_the_backlog_page_queries_do_not_grow_with_the_themes(
    client, world, django_assert_max_num_queries
):
    working_group(world)
    for number in range(3):
        propose(world, f"Tema {number}")
    client.force_login(world.users["coordinator"])
    url = reverse("thememeetings:backlog", args=[world.syd.organisation_id])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    count = len(few)
    assert 0 < count <= 12
    for number in range(20):
        propose(world, f"Mere {number}")
    with django_assert_max_num_queries(count):
        client.get(url)


def test_the_menu_item_leads_to_the_organisations_backlog(client, world):
    client.force_login(world.users["caseworker"])
    home = client.get(reverse("dashboard:home")).content.decode()
    assert reverse("thememeetings:home") in home and "Temamøder" in home
    page = client.get(reverse("thememeetings:home")).content.decode()
    assert "Temaer til læringsmøder" in page
    assert reverse("thememeetings:propose", args=[world.syd.organisation_id]) in page
