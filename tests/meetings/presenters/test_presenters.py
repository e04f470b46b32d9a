"""The meeting leaders assign presenters in order and pick a stand-in; each presenter writes a
brief; who presents shows on the meeting's page, the start page and in the room."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import services as meeting_services
from meetings.models import Meeting, MeetingStatus, Participation
from meetings.presenters import services
from meetings.presenters.models import Presenter
from teams.models import Role
from tests.conftest import World
from tests.factories import MembershipFactory, make_meeting
from tests.meetings.presenters.conftest import make_theme_meeting

BRIEF = {
    "what": "Jeg lavede en praktikaftale.",
    "why": "Borgeren ønskede det.",
    "justification": "LAB § 42.",
}


def _brief_data(presenter: Presenter, **changes) -> dict:
    return {"revision": presenter.revision, **BRIEF, **changes}


def test_the_meeting_leaders_assign_presenters_in_order(client, world: World, theme_meeting):
    users = world.users
    client.force_login(users["leader"])
    url = reverse("meetings:presenters", args=[theme_meeting.pk])
    page = client.get(url).content.decode()
    assert "Forslag: hvem står for tur?" in page
    for who in ("caseworker2", "caseworker"):
        response = client.post(url, {"user": users[who].pk})
        assert response.status_code == 302
    order = list(theme_meeting.presenters.order_by("position").values_list("user", flat=True))
    assert order == [users["caseworker2"].pk, users["caseworker"].pk]


@pytest.mark.parametrize("who", ["coordinator", "leader"])
def test_the_facilitator_and_co_facilitator_may_assign(client, world: World, theme_meeting, who):
    client.force_login(world.users[who])
    response = client.post(
        reverse("meetings:presenters", args=[theme_meeting.pk]),
        {"user": world.users["caseworker"].pk},
    )
    assert response.status_code == 302
    assert theme_meeting.presenters.count() == 1


def test_a_caseworker_may_not_assign(client, world: World, theme_meeting):
    client.force_login(world.users["caseworker"])
    url = reverse("meetings:presenters", args=[theme_meeting.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"user": world.users["caseworker"].pk}).status_code == 403
    assert not theme_meeting.presenters.exists()


def test_only_a_participating_caseworker_can_be_assigned(client, world: World, theme_meeting):
    client.force_login(world.users["leader"])
    url = reverse("meetings:presenters", args=[theme_meeting.pk])
    for refused in (world.users["guest"], world.users["other_caseworker"], world.users["leader"]):
        response = client.post(url, {"user": refused.pk})
        assert response.status_code == 200
        assert "Vælg en sagsbehandler, der deltager i mødet." in response.content.decode()
    assert not theme_meeting.presenters.exists()


def test_a_meeting_without_practitioner_examples_has_no_presenters_page(client, world: World):
    meeting = make_meeting(
        team=world.syd, facilitator=world.users["leader"], participants=[world.users["caseworker"]]
    )
    client.force_login(world.users["leader"])
    assert client.get(reverse("meetings:presenters", args=[meeting.pk])).status_code == 404
    assert (
        "Oplæg fra praksis"
        not in client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    )


def test_another_teams_leader_gets_404(client, world: World, theme_meeting):
    client.force_login(world.users["other_leader"])
    assert client.get(reverse("meetings:presenters", args=[theme_meeting.pk])).status_code == 404


def test_a_stand_in_takes_the_place_and_the_meeting_page_says_for_whom(
    client, world: World, theme_meeting
):
    users = world.users
    presenter = services.presenter_assign(meeting=theme_meeting, user=users["caseworker"])
    client.force_login(users["coordinator"])
    response = client.post(
        reverse("meetings:presenter_stand_in", args=[theme_meeting.pk, presenter.pk]),
        {"user": users["caseworker2"].pk},
    )
    assert response.status_code == 302
    presenter.refresh_from_db()
    assert (presenter.user, presenter.stands_in_for) == (users["caseworker2"], users["caseworker"])
    assert presenter.position == 0
    page = client.get(reverse("meetings:detail", args=[theme_meeting.pk])).content.decode()
    name = users["caseworker"].display_name
    assert f"afløser for {name}" in page


def test_a_stand_in_for_a_stand_in_still_names_who_had_no_example(world: World):

    third = MembershipFactory(team=world.syd, role=Role.CASEWORKER).user
    users = world.users
    meeting = make_theme_meeting(
        world, participants=[users["caseworker"], users["caseworker2"], third]
    )
    presenter = services.presenter_assign(meeting=meeting, user=users["caseworker"])
    presenter = services.presenter_stand_in(presenter=presenter, stand_in=users["caseworker2"])
    presenter = services.presenter_stand_in(presenter=presenter, stand_in=third)
    assert (presenter.user, presenter.stands_in_for) == (third, users["caseworker"])


def test_a_stand_in_must_not_present_already(client, world: World, theme_meeting):
    users = world.users
    first = services.presenter_assign(meeting=theme_meeting, user=users["caseworker"])
    services.presenter_assign(meeting=theme_meeting, user=users["caseworker2"])
    with pytest.raises(services.PresenterRefused):
        services.presenter_stand_in(presenter=first, stand_in=users["caseworker2"])
    client.force_login(users["leader"])
    response = client.post(
        reverse("meetings:presenter_stand_in", args=[theme_meeting.pk, first.pk]),
        {"user": users["caseworker2"].pk},
    )
    assert response.status_code == 200
    assert "Vælg en sagsbehandler, der deltager i mødet." in response.content.decode()
    first.refresh_from_db()
    assert first.user == users["caseworker"] and first.stands_in_for is None


def test_a_presenter_can_be_removed(client, world: World, theme_meeting):
    presenter = services.presenter_assign(meeting=theme_meeting, user=world.users["caseworker"])
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("meetings:presenter_remove", args=[theme_meeting.pk, presenter.pk])
    )
    assert response.status_code == 302
    assert not theme_meeting.presenters.exists()


def test_presenters_of_a_finished_meeting_stay_as_they_were(world: World, theme_meeting):
    presenter = services.presenter_assign(meeting=theme_meeting, user=world.users["caseworker"])
    Meeting.objects.filter(pk=theme_meeting.pk).update(status=MeetingStatus.FINISHED)
    with pytest.raises(services.PresenterRefused):
        services.presenter_assign(meeting=theme_meeting, user=world.users["caseworker2"])
    with pytest.raises(services.PresenterRefused):
        services.presenter_remove(presenter=presenter)


def test_the_presenter_sees_the_brief_on_the_meeting_page_and_the_start_page(
    client, world: World, theme_meeting
):
    services.presenter_assign(meeting=theme_meeting, user=world.users["caseworker"])
    client.force_login(world.users["caseworker"])
    for url in (reverse("meetings:detail", args=[theme_meeting.pk]), reverse("dashboard:home")):
        page = client.get(url).content.decode()
        assert "Dit oplæg" in page or "Dine oplæg" in page
        for question in ("Hvad gjorde du?", "Hvorfor?", "Hvad er den faglige begrundelse?"):
            assert question in page
        assert reverse("meetings:brief", args=[theme_meeting.pk]) in page
    client.force_login(world.users["caseworker2"])
    assert "Dine oplæg" not in client.get(reverse("dashboard:home")).content.decode()


def test_the_presenter_writes_the_brief(client, world: World, theme_meeting):
    presenter = services.presenter_assign(meeting=theme_meeting, user=world.users["caseworker"])
    client.force_login(world.users["caseworker"])
    url = reverse("meetings:brief", args=[theme_meeting.pk])
    response = client.post(url, _brief_data(presenter))
    assert response.status_code == 302
    presenter.refresh_from_db()
    assert (presenter.what, presenter.why, presenter.justification) == tuple(BRIEF.values())
    page = client.get(reverse("meetings:detail", args=[theme_meeting.pk])).content.decode()
    assert "Jeg lavede en praktikaftale." in page


def test_a_brief_with_a_cpr_number_is_refused_and_the_text_kept(
    client, world: World, theme_meeting
):
    presenter = services.presenter_assign(meeting=theme_meeting, user=world.users["caseworker"])
    client.force_login(world.users["caseworker"])
    response = client.post(
        reverse("meetings:brief", args=[theme_meeting.pk]),
        _brief_data(presenter, why="Borgeren 010190-1234 ønskede det, skrev jeg."),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "CPR-nummer" in page
    assert "ønskede det, skrev jeg." in page
    assert "Jeg lavede en praktikaftale." in page
    presenter.refresh_from_db()
    assert presenter.why == ""


def test_the_service_refuses_a_cpr_number_and_a_text_too_long(world: World, theme_meeting):
    presenter = services.presenter_assign(meeting=theme_meeting, user=world.users["caseworker"])
    with pytest.raises(services.PresenterRefused):
        services.brief_save(
            presenter=presenter, revision=1, what="010190-1234", why="", justification=""
        )
    with pytest.raises(services.PresenterRefused):
        services.brief_save(
            presenter=presenter, revision=1, what="x" * 2_001, why="", justification=""
        )
    presenter.refresh_from_db()
    assert presenter.revision == 1


def test_a_stale_brief_is_refused_and_both_texts_are_shown(client, world: World, theme_meeting):
    presenter = services.presenter_assign(meeting=theme_meeting, user=world.users["caseworker"])
    services.brief_save(
        presenter=presenter, revision=1, what="Gemt i et andet vindue.", why="", justification=""
    )
    client.force_login(world.users["caseworker"])
    response = client.post(
        reverse("meetings:brief", args=[theme_meeting.pk]), {"revision": 1, **BRIEF}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Gemt i et andet vindue." in page
    assert "Jeg lavede en praktikaftale." in page
    presenter.refresh_from_db()
    assert presenter.what == "Gemt i et andet vindue."


def test_only_the_presenter_has_a_brief(client, world: World, theme_meeting):
    services.presenter_assign(meeting=theme_meeting, user=world.users["caseworker"])
    client.force_login(world.users["caseworker2"])
    assert client.get(reverse("meetings:brief", args=[theme_meeting.pk])).status_code == 404


def test_the_room_shows_who_presents_during_the_practitioner_examples(
    client, world: World, theme_meeting
):
    users = world.users
    presenter = services.presenter_assign(meeting=theme_meeting, user=users["caseworker"])
    services.presenter_stand_in(presenter=presenter, stand_in=users["caseworker2"])
    services.presenter_assign(meeting=theme_meeting, user=users["caseworker"])
    meeting = meeting_services.meeting_start(
        meeting_id=theme_meeting.pk, version=Meeting.objects.get(pk=theme_meeting.pk).version
    )
    client.force_login(users["coordinator"])
    control = reverse("meetings:control", args=[meeting.pk])
    assert "Oplægsholdere" not in client.get(control).content.decode()
    position = next(
        step.position for step in meeting.steps.all() if step.kind == "practice_examples"
    )
    Meeting.objects.filter(pk=meeting.pk).update(current_position=position)
    for name in ("control", "participant", "projector"):
        client.force_login(users["coordinator"] if name == "control" else users["guest"])
        page = client.get(reverse(f"meetings:{name}", args=[meeting.pk])).content.decode()
        assert "Oplægsholdere" in page, name
        assert users["caseworker2"].display_name in page
        assert f"afløser for {users['caseworker'].display_name}" in page


def test_a_signed_out_visitor_is_sent_to_log_in(client, theme_meeting):
    for name in ("meetings:presenters", "meetings:brief"):
        response = client.get(reverse(name, args=[theme_meeting.pk]))
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_htmx_gets_the_presenters_part_of_the_page(client, world: World, theme_meeting):
    client.force_login(world.users["leader"])
    response = client.get(
        reverse("meetings:presenters", args=[theme_meeting.pk]), headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert 'id="presenters"' in page and "<html" not in page


def _more_presenters(world: World, meeting, count: int) -> None:

    for _number in range(count):
        person = MembershipFactory(team=world.syd, role=Role.CASEWORKER).user
        Participation.objects.create(meeting=meeting, user=person)
        presenter = services.presenter_assign(meeting=meeting, user=person)
        services.brief_save(
            presenter=presenter, revision=1, what="Et eksempel.", why="", justification=""
        )


@pytest.mark.parametrize("name", ["meetings:presenters", "meetings:detail"])
def test_the_pages_take_the_same_queries_however_many_present(
    client, world: World, theme_meeting, name, django_assert_num_queries
):
    client.force_login(world.users["leader"])
    url = reverse(name, args=[theme_meeting.pk])
    _more_presenters(world, theme_meeting, 1)
    client.get(url)

    with CaptureQueriesContext(connection) as before:
        client.get(url)
    _more_presenters(world, theme_meeting, 6)
    with django_assert_num_queries(len(before)):
        client.get(url)
