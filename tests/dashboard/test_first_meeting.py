"""The start page's first-meeting path: "Planlæg møde" for who leads a team, and while the team
has never met a guided start (a format, a date and time, the cases, start) that can be skipped."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Case, CaseStatus
from meetings import services
from meetings.models import Format, Meeting, MeetingStatus
from teams.models import Membership, Role
from tests.conftest import World
from tests.factories import MembershipFactory, TeamFactory, make_format

GUIDE = "Kom i gang: det første møde i Team Syd"


def teamsparring() -> Format:
    return Format.objects.builtin().get(key="teamsparring")


def waiting_case(world: World, title: str = "Mor med to børn", meeting=None) -> Case:
    return Case.objects.create(
        team=world.syd,
        meeting=meeting,
        submitted_by=world.users["caseworker"],
        title=title,
        sparring_wanted="Hvad gør vi?",
        sparring_type="stalled",
        background="Baggrund.",
    )


def guide_url(world: World, name: str = "dashboard:first_meeting") -> str:
    return reverse(name, args=[world.syd.slug])


def home(client) -> str:
    return client.get(reverse("dashboard:home")).content.decode()


@pytest.mark.parametrize("who", ["leader", "coordinator"])
def test_who_leads_a_team_that_never_met_gets_planlaeg_moede_and_the_guided_start(
    client, world: World, who
):
    waiting_case(world)
    client.force_login(world.users[who])
    html = home(client)
    assert f'href="{reverse("meetings:plan", args=[world.syd.slug])}">Planlæg møde</a>' in html
    assert GUIDE in html
    for step in ("1. Vælg et mødeformat", "2. Dato og tid", "3. Sager", "4. Start"):
        assert step in html
    assert "Mor med to børn" in html
    assert ">Kør mødet nu</button>" in html and ">Spring over</button>" in html


@pytest.mark.parametrize("who", ["caseworker", "guest", "department_leader", "other_caseworker"])
def test_who_does_not_lead_the_team_gets_neither(client, world: World, who):
    client.force_login(world.users[who])
    html = home(client)
    assert "Planlæg møde" not in html and "Kom i gang" not in html


def test_a_leader_of_two_teams_gets_one_planlaeg_moede_per_team(client, world: World):
    Membership.objects.create(user=world.users["leader"], team=world.nord, role=Role.LEADER)
    client.force_login(world.users["leader"])
    html = home(client)
    assert ">Planlæg møde for Team Nord</a>" in html
    assert ">Planlæg møde for Team Syd</a>" in html


def test_the_guide_is_gone_once_the_team_has_met(client, world: World):
    meeting = services.meeting_plan(
        team=world.syd,
        format=teamsparring(),
        title="Første",
        starts_at=timezone.now(),
        place="",
        facilitator=world.users["leader"],
        participants=[world.users["leader"]],
        agenda_titles=[],
    )
    client.force_login(world.users["leader"])
    assert GUIDE in home(client)  # planned, not yet held
    services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    html = home(client)
    assert GUIDE not in html and "Planlæg møde" in html


def test_skipping_is_remembered_for_that_person_and_team(client, world: World):
    client.force_login(world.users["leader"])
    response = client.post(guide_url(world, "dashboard:first_meeting_skip"))
    assert response.status_code == 302 and response["Location"] == reverse("dashboard:home")
    html = home(client)
    assert GUIDE not in html and "Planlæg møde" in html
    client.force_login(world.users["coordinator"])
    assert GUIDE in home(client)


def test_kor_modet_nu_plans_the_meeting_now_with_its_cases_and_opens_the_control_view(
    client, world: World
):
    first, second = waiting_case(world, "Sag A"), waiting_case(world, "Sag B")
    client.force_login(world.users["coordinator"])
    response = client.post(
        guide_url(world),
        {"format": teamsparring().pk, "cases": [second.pk, first.pk], "when": "now"},
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:control", args=[meeting.pk])
    assert abs(meeting.starts_at - timezone.now()) < timedelta(minutes=1)
    assert meeting.status == MeetingStatus.PLANNED
    assert meeting.facilitator == world.users["coordinator"]
    assert set(meeting.participants.all()) == {m.user for m in world.syd.memberships.all()}
    assert meeting.title.startswith("Teamsparring om enkeltsager ")
    assert list(meeting.agenda_items.values_list("title", flat=True)) == ["Sag A", "Sag B"]
    assert set(Case.objects.values_list("status", flat=True)) == {CaseStatus.SELECTED}
    # Two cases of 40 minutes: the length is the timetable's.
    assert meeting.duration_minutes == meeting.timetable_minutes == 80


def test_a_case_waiting_for_a_meeting_not_held_comes_along(client, world: World):
    stale = services.meeting_plan(
        team=world.syd,
        format=teamsparring(),
        title="Aldrig holdt",
        starts_at=timezone.now() - timedelta(days=3),
        place="Lokale 4",
        facilitator=world.users["leader"],
        participants=[world.users["leader"]],
        agenda_titles=[],
    )
    case = waiting_case(world, meeting=stale)
    client.force_login(world.users["leader"])
    assert "Sag" in home(client)
    client.post(guide_url(world), {"format": teamsparring().pk, "cases": [case.pk], "when": "now"})
    case.refresh_from_db()
    assert case.meeting != stale and case.status == CaseStatus.SELECTED
    # The place of the team's last meeting.
    assert case.meeting.place == "Lokale 4"


def test_planlaeg_modet_plans_it_for_the_time_given(client, world: World):
    client.force_login(world.users["leader"])
    response = client.post(
        guide_url(world),
        {"format": teamsparring().pk, "starts_at": "2030-01-08T13:00", "when": "plan"},
    )
    meeting = Meeting.objects.get()
    assert response["Location"] == reverse("meetings:detail", args=[meeting.pk])
    assert timezone.localtime(meeting.starts_at).strftime("%d.%m.%Y %H:%M") == "08.01.2030 13:00"
    assert meeting.title == "Teamsparring om enkeltsager 08.01.2030"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"when": "now"}, "Vælg et mødeformat."),
        ({"when": "plan", "starts_at": ""}, "Skriv, hvornår mødet skal holdes."),
        ({"when": "plan", "starts_at": "2020-01-01T10:00"}, "kan ikke planlægges i fortiden"),
    ],
)
def test_a_guided_start_that_is_not_complete_says_what_is_missing(
    client, world: World, data, error
):
    client.force_login(world.users["leader"])
    if data.get("when") == "plan":
        data = data | {"format": teamsparring().pk}
    response = client.post(guide_url(world), data)
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not Meeting.objects.exists()


def test_more_cases_than_the_format_has_room_for_are_refused(client, world: World):
    cases = [waiting_case(world, f"Sag {n}") for n in range(3)]
    faglig = Format.objects.builtin().get(key="faglig-sparring")
    client.force_login(world.users["leader"])
    response = client.post(
        guide_url(world),
        {"format": faglig.pk, "cases": [case.pk for case in cases[:2]], "when": "now"},
    )
    assert "Formatet har plads til 1 sag." in response.content.decode()
    assert not Meeting.objects.exists()
    assert set(Case.objects.values_list("status", flat=True)) == {CaseStatus.SUBMITTED}


def test_the_guide_is_refused_to_who_does_not_lead_and_hidden_from_other_teams(
    client, world: World
):
    data = {"format": teamsparring().pk, "when": "now"}
    for who, status in [("caseworker", 403), ("department_leader", 403), ("other_leader", 404)]:
        client.force_login(world.users[who])
        assert client.get(guide_url(world)).status_code == status
        assert client.post(guide_url(world), data).status_code == status
        skip = client.post(guide_url(world, "dashboard:first_meeting_skip"))
        assert skip.status_code == status
    assert not Meeting.objects.exists()
    assert not Membership.objects.filter(first_meeting_guide_skipped_at__isnull=False).exists()
    client.logout()
    response = client.get(guide_url(world))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_another_teams_case_cannot_be_posted_onto_the_first_meeting(client, world: World):
    theirs = Case.objects.create(
        team=world.nord,
        submitted_by=world.users["other_caseworker"],
        title="Nords sag",
        sparring_wanted="?",
        sparring_type="stalled",
        background="B",
    )
    client.force_login(world.users["leader"])
    response = client.post(
        guide_url(world), {"format": teamsparring().pk, "cases": [theirs.pk], "when": "now"}
    )
    assert response.status_code == 200
    assert not Meeting.objects.exists()


def test_the_start_pages_queries_do_not_grow_with_cases_formats_and_teams(
    client, world: World, django_assert_max_num_queries
):
    leader = world.users["leader"]
    waiting_case(world)
    client.force_login(leader)
    assert GUIDE in home(client)
    with django_assert_max_num_queries(40) as few:
        home(client)
    for number in range(6):
        waiting_case(world, f"Sag {number}")
        make_format(team=world.syd, key=f"eget-{number}")
        team = TeamFactory(organisation=world.syd.organisation, name=f"Zulu {number}")
        MembershipFactory(team=team, user=leader, role=Role.LEADER)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = home(client)
    assert GUIDE in html and "Sag 5" in html
