"""The groups' page of the meeting leaders and the groups in the runner's screens."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from meetings.groups import services
from meetings.groups.models import BreakoutGroup
from meetings.models import Meeting
from tests.conftest import World
from tests.meetings.groups.conftest import to_group_work

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def _client(world: World, who: str) -> Client:
    client = Client()
    client.force_login(world.users[who])
    return client


def _group_of(meeting: Meeting, username: str) -> BreakoutGroup:
    return BreakoutGroup.objects.get(meeting=meeting, members__user__username=username)


# The groups' page


def test_anonymous_is_sent_to_log_in(world: World, theme: Meeting):
    response = Client().get(reverse("meetings:groups", args=[theme.pk]))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.parametrize("who", ["other_leader", "outsider"])
def test_another_teams_leader_and_an_outsider_get_404(world: World, theme: Meeting, who):
    assert _client(world, who).get(reverse("meetings:groups", args=[theme.pk])).status_code == 404


@pytest.mark.parametrize("who", ["caseworker", "guest", "other_caseworker", "department_leader"])
def test_who_does_not_run_the_meeting_is_refused(world: World, theme: Meeting, who):
    assert _client(world, who).get(reverse("meetings:groups", args=[theme.pk])).status_code == 403


@pytest.mark.parametrize("who", ["leader", "coordinator"])
def test_the_meeting_leaders_see_the_groups_page(world: World, theme: Meeting, who):
    services.groups_propose(meeting=theme, groups=2)
    response = _client(world, who).get(reverse("meetings:groups", args=[theme.pk]))
    assert response.status_code == 200
    assert "Gruppe 1" in response.content.decode()
    assert "Foreslå grupper" in response.content.decode()


def test_an_invited_co_facilitator_from_another_team_arranges_the_groups(
    world: World, theme: Meeting
):
    Meeting.objects.filter(pk=theme.pk).update(co_facilitator=world.users["other_leader"])
    response = _client(world, "other_leader").get(reverse("meetings:groups", args=[theme.pk]))
    assert response.status_code == 200


def test_a_meeting_without_group_work_has_no_groups_page(world: World):
    from tests.factories import make_meeting

    meeting = make_meeting(
        team=world.syd, facilitator=world.users["leader"], participants=[world.users["leader"]]
    )
    response = _client(world, "leader").get(reverse("meetings:groups", args=[meeting.pk]))
    assert response.status_code == 403


def test_htmx_gets_the_groups_part_only(world: World, theme: Meeting):
    response = _client(world, "leader").get(reverse("meetings:groups", args=[theme.pk]), **HX)
    body = response.content.decode()
    assert 'id="groups"' in body
    assert "<html" not in body


def test_the_page_takes_as_many_queries_with_more_groups(
    world: World, theme: Meeting, django_assert_max_num_queries
):
    client = _client(world, "leader")
    url = reverse("meetings:groups", args=[theme.pk])
    services.groups_propose(meeting=theme, groups=2)
    client.get(url)
    with django_assert_max_num_queries(15) as two:
        client.get(url)
    services.groups_propose(meeting=theme, groups=6)
    with django_assert_max_num_queries(len(two.captured_queries)):
        client.get(url)


def test_proposing_makes_the_groups_and_says_so(world: World, theme: Meeting):
    client = _client(world, "leader")
    page = client.get(reverse("meetings:groups", args=[theme.pk])).content.decode()
    token = page.split('name="submit_token" value="')[1].split('"')[0]
    response = client.post(
        reverse("meetings:groups_propose", args=[theme.pk]),
        {"groups": "3", "submit_token": token},
        follow=True,
    )
    assert "Grupperne er foreslået" in response.content.decode()
    assert BreakoutGroup.objects.filter(meeting=theme).count() == 3


def test_proposing_without_a_number_says_what_is_missing(world: World, theme: Meeting):
    response = _client(world, "leader").post(
        reverse("meetings:groups_propose", args=[theme.pk]), {"groups": "", "size": ""}
    )
    assert "Angiv enten antal grupper eller personer pr. gruppe." in response.content.decode()
    assert not BreakoutGroup.objects.filter(meeting=theme).exists()


def test_a_caseworker_cannot_propose(world: World, theme: Meeting):
    response = _client(world, "caseworker").post(
        reverse("meetings:groups_propose", args=[theme.pk]), {"groups": "2"}
    )
    assert response.status_code == 403
    assert not BreakoutGroup.objects.filter(meeting=theme).exists()


def test_moving_a_person_from_the_page(world: World, theme: Meeting):
    services.groups_propose(meeting=theme, groups=2)
    source = _group_of(theme, "caseworker")
    target = BreakoutGroup.objects.filter(meeting=theme).exclude(pk=source.pk).get()
    response = _client(world, "leader").post(
        reverse("meetings:group_move", args=[theme.pk]),
        {"person": world.users["caseworker"].pk, "group": target.pk},
        follow=True,
    )
    assert "er nu i" in response.content.decode()
    assert _group_of(theme, "caseworker") == target


def test_moving_to_another_meetings_group_is_an_error_next_to_the_field(
    world: World, theme: Meeting
):
    services.groups_propose(meeting=theme, groups=2)
    response = _client(world, "leader").post(
        reverse("meetings:group_move", args=[theme.pk]),
        {"person": world.users["caseworker"].pk, "group": "999999"},
    )
    assert response.status_code == 200
    assert "is-invalid" in response.content.decode()


def test_changing_a_group_keeps_the_text_when_it_holds_a_cpr_number(world: World, theme: Meeting):
    group = services.groups_propose(meeting=theme, groups=2)[0]
    response = _client(world, "leader").post(
        reverse("meetings:group_edit", args=[theme.pk, group.pk]),
        {
            "name": "Praktik",
            "room": "Lokale 2",
            "questions": "Borger 010190-1234",
            "facilitator": "",
        },
    )
    body = response.content.decode()
    assert "CPR-nummer" in body
    assert "Lokale 2" in body
    group.refresh_from_db()
    assert group.name == "Gruppe 1"


def test_changing_a_group(world: World, theme: Meeting):
    group = services.groups_propose(meeting=theme, groups=2)[0]
    member = group.members.first().user
    response = _client(world, "coordinator").post(
        reverse("meetings:group_edit", args=[theme.pk, group.pk]),
        {
            "name": "Praktik",
            "room": "Lokale 2",
            "questions": "Hvad virker?",
            "facilitator": member.pk,
        },
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.name, group.room, group.facilitator) == ("Praktik", "Lokale 2", member)


def test_another_meetings_group_is_404(world: World, theme: Meeting):
    response = _client(world, "leader").get(
        reverse("meetings:group_edit", args=[theme.pk, 999999])
    )
    assert response.status_code == 404


# The group work in the runner


@pytest.fixture
def working(world: World, theme: Meeting) -> Meeting:
    """The theme meeting in its group work, in two groups, the first in Lokale 2."""
    services.groups_propose(meeting=theme, groups=2)
    BreakoutGroup.objects.filter(meeting=theme, position=0).update(room="Lokale 2")
    return to_group_work(Meeting.objects.get(pk=theme.pk))


@pytest.mark.parametrize("who", ["caseworker", "other_caseworker"])
def test_a_participant_sees_their_own_group_in_the_group_work(world: World, working, who):
    group = _group_of(working, who)
    body = _client(world, who).get(reverse("meetings:participant", args=[working.pk])).content
    body = body.decode()
    assert f"Din gruppe: {group.name}" in body
    assert "Gruppens planche" in body
    assert "Hvilke styrker ser I?" in body
    for member in group.members.all():
        assert member.user.display_name in body


def test_the_projector_shows_the_groups_names_and_rooms_only(world: World, working):
    services.group_notes_save(
        group=_group_of(working, "caseworker"),
        user=world.users["caseworker"],
        revision=1,
        text="Hemmelige noter",
    )
    body = _client(world, "caseworker").get(reverse("meetings:projector", args=[working.pk]))
    text = body.content.decode()
    assert "Gruppe 1" in text and "Gruppe 2" in text and "Lokale 2" in text
    assert "Hemmelige noter" not in text
    assert world.users["other_caseworker"].display_name not in text


def test_a_member_saves_the_groups_notes_and_is_told_so(world: World, working):
    group = _group_of(working, "caseworker")
    response = _client(world, "caseworker").post(
        reverse("meetings:group_notes", args=[working.pk, group.pk]),
        {"notes": "Praktik virker, når ...", "revision": "1"},
        **HX,
    )
    body = response.content.decode()
    assert 'id="runner-work"' in body
    assert "Gruppens planche er gemt." in body
    group.refresh_from_db()
    assert group.notes == "Praktik virker, når ..."


def test_the_control_view_shows_every_groups_notes(world: World, working):
    group = _group_of(working, "caseworker")
    services.group_notes_save(
        group=group, user=world.users["caseworker"], revision=1, text="Vores pointe"
    )
    body = _client(world, "leader").get(reverse("meetings:control", args=[working.pk]))
    text = body.content.decode()
    assert "Gruppernes planche" in text
    assert "Vores pointe" in text


def test_a_member_of_another_group_cannot_write_its_notes(world: World, working):
    group = _group_of(working, "caseworker")
    other = BreakoutGroup.objects.filter(meeting=working).exclude(pk=group.pk).get()
    outside = next(m.user for m in other.members.select_related("user"))
    client = Client()
    client.force_login(outside)
    response = client.post(
        reverse("meetings:group_notes", args=[working.pk, group.pk]),
        {"notes": "Ind ad bagdøren", "revision": "1"},
    )
    assert response.status_code == 302
    group.refresh_from_db()
    assert group.notes == ""


def test_a_participant_in_no_group_is_refused(world: World, working):
    group = _group_of(working, "caseworker")
    response = _client(world, "department_leader").post(
        reverse("meetings:group_notes", args=[working.pk, group.pk]),
        {"notes": "Ind ad bagdøren", "revision": "1"},
    )
    assert response.status_code == 403
    group.refresh_from_db()
    assert group.notes == ""


def test_another_team_gets_404_for_the_notes(world: World, working):
    group = _group_of(working, "caseworker")
    response = _client(world, "other_leader").post(
        reverse("meetings:group_notes", args=[working.pk, group.pk]),
        {"notes": "x", "revision": "1"},
    )
    assert response.status_code == 404


def test_a_stale_save_shows_both_texts_and_changes_nothing(world: World, working):
    group = _group_of(working, "caseworker")
    services.group_notes_save(
        group=group, user=world.users["leader"], revision=1, text="Først gemt"
    )
    response = _client(world, "caseworker").post(
        reverse("meetings:group_notes", args=[working.pk, group.pk]),
        {"notes": "Skrevet samtidig", "revision": "1"},
        **HX,
    )
    body = response.content.decode()
    assert "Først gemt" in body
    assert "Skrevet samtidig" in body
    assert "Din tekst er ikke gemt" in body
    group.refresh_from_db()
    assert group.notes == "Først gemt"


def test_a_cpr_number_in_the_notes_is_refused_and_the_text_kept(world: World, working):
    group = _group_of(working, "caseworker")
    response = _client(world, "caseworker").post(
        reverse("meetings:group_notes", args=[working.pk, group.pk]),
        {"notes": "Borgeren 010190-1234 sagde", "revision": "1"},
        **HX,
    )
    body = response.content.decode()
    assert "CPR-nummer" in body
    assert "Borgeren" in body
    group.refresh_from_db()
    assert group.notes == ""


def test_notes_outside_the_group_work_are_refused_with_a_message(world: World, theme: Meeting):
    group = services.groups_propose(meeting=theme, groups=2)[0]
    member = group.members.select_related("user").first().user
    client = Client()
    client.force_login(member)
    response = client.post(
        reverse("meetings:group_notes", args=[theme.pk, group.pk]),
        {"notes": "For tidligt", "revision": "1"},
        **HX,
    )
    assert "skrives under gruppearbejdet" in response.content.decode()
    group.refresh_from_db()
    assert group.notes == ""


def test_the_participant_view_in_group_work_takes_as_many_queries_with_more_groups(
    world: World, theme: Meeting, django_assert_max_num_queries
):
    services.groups_propose(meeting=theme, groups=2)
    working = to_group_work(theme)
    client = _client(world, "caseworker")
    url = reverse("meetings:participant", args=[working.pk])
    client.get(url)
    with django_assert_max_num_queries(20) as two:
        client.get(url)
    BreakoutGroup.objects.filter(meeting=working).update(notes="")
    services.groups_propose(meeting=Meeting.objects.get(pk=working.pk), groups=5)
    with django_assert_max_num_queries(len(two.captured_queries)):
        client.get(url)


def test_the_meeting_page_leads_its_leaders_to_the_groups(world: World, theme: Meeting):
    url = reverse("meetings:detail", args=[theme.pk])
    groups = reverse("meetings:groups", args=[theme.pk])
    assert groups in _client(world, "coordinator").get(url).content.decode()
    assert groups not in _client(world, "caseworker").get(url).content.decode()


def test_who_was_moved_while_writing_is_told_and_given_their_new_group(world: World, working):
    group = _group_of(working, "caseworker")
    other = BreakoutGroup.objects.filter(meeting=working).exclude(pk=group.pk).get()
    services.group_move(meeting=working, person=world.users["caseworker"], to=other)
    response = _client(world, "caseworker").post(
        reverse("meetings:group_notes", args=[working.pk, group.pk]),
        {"notes": "Skrevet i den gamle gruppe", "revision": "1"},
        **HX,
    )
    body = response.content.decode()
    assert "Du er flyttet til en anden gruppe" in body
    assert f"/grupper/{other.pk}/planche/" in body
    group.refresh_from_db()
    assert group.notes == ""
