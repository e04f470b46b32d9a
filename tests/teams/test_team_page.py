"""The team page: members, invitations, roles, settings; creating a team; the rules kept."""

import re
from datetime import time

import pytest
from django.core import mail
from django.urls import reverse

from teams import services
from teams.models import Membership, Role, User
from teams.services import TeamRefused
from tests.conftest import World


def _membership(world: World, who: str):
    return world.users[who].memberships.get(team=world.syd)


# Services


def test_removing_a_member_keeps_the_account_and_their_learning_points(world: World):
    from learnings.models import LearningPoint

    point = LearningPoint.objects.create(
        team=world.syd, author=world.users["caseworker"], text="Spørg tidligt"
    )
    services.member_remove(
        membership=_membership(world, "caseworker"), actor=world.users["leader"]
    )
    assert not Membership.objects.filter(user=world.users["caseworker"], team=world.syd).exists()
    point.refresh_from_db()
    assert point.text == "Spørg tidligt"
    assert point.author == world.users["caseworker"]


def test_the_last_leader_cannot_be_removed_or_demoted(world: World):
    leader = _membership(world, "leader")
    with pytest.raises(TeamRefused, match="mindst én teamleder"):
        services.member_remove(membership=leader, actor=world.users["department_leader"])
    with pytest.raises(TeamRefused, match="mindst én teamleder"):
        services.member_update(
            membership=leader, role=Role.CASEWORKER, actor=world.users["department_leader"]
        )
    assert Membership.objects.get(pk=leader.pk).role == Role.LEADER


def test_a_coordinator_names_no_leaders(world: World):
    with pytest.raises(TeamRefused, match="teamledere"):
        services.member_update(
            membership=_membership(world, "caseworker"),
            role=Role.LEADER,
            actor=world.users["coordinator"],
        )
    services.member_update(
        membership=_membership(world, "caseworker"),
        role=Role.GUEST,
        title="Jobkonsulent",
        actor=world.users["coordinator"],
    )
    assert _membership(world, "caseworker").role == Role.GUEST


def test_an_invitation_mails_a_one_time_link_valid_seven_days(world: World, client):
    membership = services.member_invite(
        team=world.syd,
        first_name="Nina",
        last_name="Holm",
        email="Nina.Holm@example.dk",
        role=Role.CASEWORKER,
        invited_by=world.users["leader"],
    )
    user = membership.user
    assert user.username == "nina.holm@example.dk"
    assert not user.has_usable_password()


@pytest.mark.django_db(transaction=True)
def test_the_invitation_link_sets_a_password_once(client):
    from tests.factories import MembershipFactory

    leader = MembershipFactory(role=Role.LEADER).user
    team = leader.memberships.get().team
    services.member_invite(
        team=team,
        first_name="Nina",
        last_name="",
        email="nina@example.dk",
        role=Role.CASEWORKER,
        invited_by=leader,
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "nina@example.dk" in message.body
    assert "7 dage" in message.body
    link = re.search(r"http://\S+/invitation/\S+/", message.body).group(0)
    path = link.removeprefix("http://127.0.0.1:8000")
    page = client.get(path, follow=True)
    assert "Vælg din adgangskode" in page.content.decode()
    answer = client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "lang-og-sikker-42", "new_password2": "lang-og-sikker-42"},
        follow=True,
    )
    assert "Din adgangskode er gemt" in answer.content.decode()
    login = client.post(
        reverse("login"), {"username": "nina@example.dk", "password": "lang-og-sikker-42"}
    )
    assert login["Location"] == reverse("dashboard:home")
    client.post(reverse("logout"))
    again = client.get(path, follow=True)
    assert "virker ikke længere" in again.content.decode()


def test_an_address_that_has_an_account_is_not_invited_again(world: World):
    with pytest.raises(TeamRefused, match="e-mailadresse"):
        services.member_invite(
            team=world.syd,
            first_name="X",
            last_name="",
            email=world.users["other_caseworker"].email,
            role=Role.CASEWORKER,
            invited_by=world.users["leader"],
        )


def test_retention_stays_within_the_organisations_limits(world: World):
    organisation = world.syd.organisation
    organisation.case_retention_max_days = 60
    organisation.save()
    with pytest.raises(TeamRefused, match="mellem 1 og 60"):
        services.team_settings_update(
            team=world.syd,
            case_deadline_working_days=1,
            case_deadline_time=time(12),
            case_retention_days=61,
            former_members_named=True,
        )
    services.team_settings_update(
        team=world.syd,
        case_deadline_working_days=2,
        case_deadline_time=time(10, 30),
        case_retention_days=60,
        former_members_named=True,
    )
    world.syd.refresh_from_db()
    assert (world.syd.case_deadline_working_days, world.syd.case_retention_days) == (2, 60)


def test_a_new_team_gets_a_unique_slug_and_its_leader(world: World):
    team = services.team_create_with_leader(
        organisation=world.syd.organisation,
        name="Børn og Unge",
        leader=world.users["caseworker"],
        actor=world.users["department_leader"],
    )
    assert team.slug == "boern-og-unge"
    assert team.memberships.get().role == Role.LEADER
    with pytest.raises(TeamRefused, match="allerede et team"):
        services.team_create(organisation=world.syd.organisation, name="børn og unge")


# Views


def test_anonymous_is_sent_to_log_in(client, world: World):
    url = reverse("teams:team_detail", args=[world.syd.slug])
    assert client.get(url)["Location"].startswith(reverse("login"))


def test_another_teams_page_is_404(client, world: World):
    client.force_login(world.users["other_leader"])
    assert client.get(reverse("teams:team_detail", args=[world.syd.slug])).status_code == 404
    url = reverse(
        "teams:member_remove", args=[world.syd.slug, _membership(world, "caseworker").pk]
    )
    assert client.post(url).status_code == 404


@pytest.mark.parametrize("who", ["leader", "coordinator", "department_leader"])
def test_who_manages_sees_the_controls(client, world: World, who):
    client.force_login(world.users[who])
    html = client.get(reverse("teams:team_detail", args=[world.syd.slug])).content.decode()
    assert "Inviter</button>" in html
    assert "Gem indstillinger" in html


@pytest.mark.parametrize("who", ["caseworker", "guest"])
def test_members_read_the_team_without_controls(client, world: World, who):
    client.force_login(world.users[who])
    html = client.get(reverse("teams:team_detail", args=[world.syd.slug])).content.decode()
    assert world.users["leader"].display_name in html
    assert "Inviter</button>" not in html
    url = reverse("teams:team_settings", args=[world.syd.slug])
    assert client.post(url, {}).status_code == 403


def test_the_team_page_costs_the_same_for_more_members(
    client, world: World, django_assert_max_num_queries
):
    from tests.factories import MembershipFactory

    client.force_login(world.users["leader"])
    url = reverse("teams:team_detail", args=[world.syd.slug])
    client.get(url)
    with django_assert_max_num_queries(16) as few:
        client.get(url)
    MembershipFactory.create_batch(5, team=world.syd)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


def test_htmx_gets_the_members_part(client, world: World):
    client.force_login(world.users["leader"])
    response = client.get(
        reverse("teams:team_detail", args=[world.syd.slug]), headers={"hx-request": "true"}
    )
    html = response.content.decode()
    assert 'id="team-members"' in html
    assert "<html" not in html


def test_inviting_from_the_page(client, world: World):
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("teams:member_invite", args=[world.syd.slug]),
        {
            "invite-first_name": "Nina",
            "invite-email": "nina@example.dk",
            "invite-role": "caseworker",
        },
        follow=True,
    )
    assert "Invitationen er sendt til nina@example.dk" in response.content.decode()
    assert "Inviteret" in response.content.decode()
    assert User.objects.get(email="nina@example.dk").memberships.get().team == world.syd


def test_a_bad_invitation_shows_the_error_and_keeps_the_text(client, world: World):
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("teams:member_invite", args=[world.syd.slug]),
        {
            "invite-first_name": "Nina",
            "invite-email": "ikke-en-adresse",
            "invite-role": "caseworker",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "gyldig e-mail-adresse" in html
    assert 'value="Nina"' in html
    assert not User.objects.filter(first_name="Nina").exists()


def test_adding_a_person_of_the_organisation(client, world: World):
    client.force_login(world.users["coordinator"])
    other = world.users["other_caseworker"]
    client.post(
        reverse("teams:member_add", args=[world.syd.slug]),
        {"add-user": other.pk, "add-role": "guest", "add-title": "Mentor"},
    )
    assert Membership.objects.get(user=other, team=world.syd).title == "Mentor"


def test_a_person_outside_the_organisation_cannot_be_added(client, world: World):
    from tests.factories import MembershipFactory

    stranger = MembershipFactory().user
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("teams:member_add", args=[world.syd.slug]),
        {"add-user": stranger.pk, "add-role": "caseworker"},
    )
    assert response.status_code == 200
    assert not Membership.objects.filter(user=stranger, team=world.syd).exists()


def test_changing_the_settings_refuses_a_retention_outside_the_limits(client, world: World):
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("teams:team_settings", args=[world.syd.slug]),
        {
            "settings-case_deadline_working_days": "1",
            "settings-case_deadline_time": "12:00",
            "settings-case_retention_days": "365",
        },
    )
    assert response.status_code == 200
    assert "Organisationen tillader mellem 1 og 90 dage" in response.content.decode()
    world.syd.refresh_from_db()
    assert world.syd.case_retention_days == 30


def test_department_leader_creates_a_team_with_an_invited_leader(client, world: World):
    client.force_login(world.users["department_leader"])
    response = client.post(
        reverse("teams:team_create"),
        {
            "organisation": world.syd.organisation_id,
            "name": "Team Øst",
            "leader_first_name": "Ole",
            "leader_email": "ole@example.dk",
        },
        follow=True,
    )
    assert "Teamet »Team Øst« er oprettet" in response.content.decode()
    membership = Membership.objects.get(user__email="ole@example.dk")
    assert (membership.team.name, membership.role) == ("Team Øst", Role.LEADER)


def test_the_team_link_leads_to_the_team_one_leads(client, world: World):
    client.force_login(world.users["leader"])
    response = client.get(reverse("teams:my_team"))
    assert response["Location"] == reverse("teams:team_detail", args=[world.syd.slug])


# Meeting defaults


def _meeting_defaults(**changes: str) -> dict:
    return {
        "meetings-meeting_weekday": "1",
        "meetings-meeting_time": "09:30",
        "meetings-meeting_weeks_between": "2",
        "meetings-meeting_place": "  Mødelokale   3 ",
    } | changes


@pytest.mark.parametrize("who", ["leader", "coordinator", "department_leader"])
def test_the_team_sets_its_meeting_defaults(client, world: World, who):
    client.force_login(world.users[who])
    url = reverse("teams:team_meeting_defaults", args=[world.syd.slug])
    response = client.post(url, _meeting_defaults())
    assert response.status_code == 302
    world.syd.refresh_from_db()
    assert (
        world.syd.meeting_weekday,
        world.syd.meeting_time,
        world.syd.meeting_weeks_between,
        world.syd.meeting_place,
    ) == (1, time(9, 30), 2, "Mødelokale 3")
    page = client.get(response["Location"]).content.decode()
    assert "Teamets mødestandarder er gemt." in page
    assert 'value="09:30"' in page


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"meetings-meeting_weeks_between": "9"}, "mindre end eller lig 8"),
        ({"meetings-meeting_weekday": "6"}, "Marker en gyldig valgmulighed"),
        ({"meetings-meeting_place": "Hos 010190-1234"}, "CPR-nummer"),
    ],
)
def test_bad_meeting_defaults_are_refused_next_to_the_field(client, world: World, changes, error):
    client.force_login(world.users["leader"])
    url = reverse("teams:team_meeting_defaults", args=[world.syd.slug])
    response = client.post(url, _meeting_defaults(**changes))
    html = response.content.decode()
    assert response.status_code == 200
    assert error in html
    for value in changes.values():
        if len(value) > 1:
            assert value in html
    world.syd.refresh_from_db()
    assert (world.syd.meeting_weekday, world.syd.meeting_place) == (None, "")


def test_the_service_refuses_a_cpr_number_in_the_place_whatever_the_form(world: World):
    with pytest.raises(TeamRefused, match="CPR-nummer"):
        services.team_meeting_defaults_update(
            team=world.syd,
            meeting_weekday=None,
            meeting_time=None,
            meeting_weeks_between=1,
            meeting_place="Hjemme hos 010190-1234",
        )


@pytest.mark.parametrize(("who", "status"), [("caseworker", 403), ("other_leader", 404)])
def test_others_do_not_set_meeting_defaults(client, world: World, who, status):
    client.force_login(world.users[who])
    url = reverse("teams:team_meeting_defaults", args=[world.syd.slug])
    assert client.post(url, _meeting_defaults()).status_code == status
    assert client.get(url).status_code in {405, status}
    world.syd.refresh_from_db()
    assert world.syd.meeting_weekday is None
