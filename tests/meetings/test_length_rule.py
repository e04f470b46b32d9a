"""The format picker's length rule: a meeting lasts as long as its timetable unless the planner
gives it a length, the timetable and the length agree, and the plan says so when they do not.
Before, with "Varighed" left empty a meeting of Teamsparring om enkeltsager became 90 minutes
while its timetable summed to 43."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from cases.services import case_select
from meetings import running_order, services
from meetings.models import Format, Meeting
from meetings.selectors import case_capacity, room_minutes
from rollups.models import FollowUpAction
from tests.conftest import World
from tests.factories import make_format

WHEN = "2030-01-08T13:00"


def teamsparring() -> Format:
    return Format.objects.builtin().get(key="teamsparring")


def plan(world: World, *, format: Format | None = None, cases: int = 0, **fields) -> Meeting:
    users = world.users
    return services.meeting_plan(
        team=world.syd,
        format=format or teamsparring(),
        title=fields.pop("title", "Teammøde"),
        starts_at=fields.pop("starts_at", timezone.now() + timedelta(days=7)),
        place="",
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"]],
        agenda_titles=[f"Sag {n}" for n in range(1, cases + 1)],
        **fields,
    )


def timetable_seconds(meeting: Meeting) -> int:
    return sum(meeting.steps.values_list("planned_seconds", flat=True))


def bring(world: World, meeting: Meeting, title: str) -> Case:
    return Case.objects.create(
        team=world.syd,
        meeting=meeting,
        submitted_by=world.users["caseworker"],
        title=title,
        sparring_wanted="Hvad gør vi?",
        sparring_type="stalled",
        background="Baggrund.",
    )


# The rule, in the model and the services


def test_without_a_length_the_meeting_lasts_as_long_as_its_timetable(world: World):
    meeting = plan(world)
    assert meeting.duration_minutes == timetable_seconds(meeting) // 60 == 40
    assert meeting.length_follows_timetable and not meeting.length_differs


def test_the_opening_review_counts_in_the_timetable_and_the_length(world: World):
    FollowUpAction.objects.create(
        team=world.syd,
        title="Ny skabelon",
        owner=world.users["caseworker"],
        due_date=timezone.localdate(),
        created_by=world.users["leader"],
    )
    meeting = plan(world)
    assert timetable_seconds(meeting) == 43 * 60
    assert meeting.duration_minutes == 43


def test_the_length_follows_as_cases_come_and_go(world: World):
    meeting = plan(world)
    first, second = bring(world, meeting, "Sag A"), bring(world, meeting, "Sag B")
    case_select(case=first)
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 40
    case_select(case=second)
    meeting.refresh_from_db()
    assert meeting.duration_minutes == timetable_seconds(meeting) // 60 == 80
    assert not meeting.length_differs


def test_a_following_length_makes_room_for_as_many_cases_as_the_format_allows(world: World):
    meeting = plan(world)
    # Teamsparring may last 90 minutes: two cases of 40 fit, though the meeting is 40 now.
    assert room_minutes(meeting=meeting) == 90
    assert case_capacity(meeting=meeting) == 2


def test_a_format_without_a_longest_length_sets_no_limit_while_the_length_follows(world):
    meeting = plan(world, format=make_format(key="uden-grænse"))
    assert room_minutes(meeting=meeting) is None
    assert case_capacity(meeting=meeting) is None


def test_a_length_given_is_kept_and_the_difference_is_known(world: World):
    meeting = plan(world, duration_minutes=90)
    assert (meeting.duration_minutes, meeting.timetable_minutes) == (90, 40)
    assert meeting.duration_set and not meeting.length_follows_timetable
    assert meeting.length_differs
    assert case_capacity(meeting=meeting) == 2


def test_a_length_given_equal_to_the_timetable_stays_when_cases_come(world: World):
    meeting = plan(world, duration_minutes=40)
    assert not meeting.length_differs
    meeting.agenda_items.create(title="Sag", position=0)
    services.meeting_rebuild_running_order(meeting=meeting)
    services.meeting_rebuild_running_order(meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 40


def test_a_length_written_directly_is_a_length_set(world: World):
    """Other code (the admin, a demo) that writes the length keeps it: the meeting no longer
    follows its timetable, and its room is its own length."""
    meeting = plan(world)
    Meeting.objects.filter(pk=meeting.pk).update(duration_minutes=120)
    meeting.refresh_from_db()
    assert not meeting.length_follows_timetable
    services.meeting_rebuild_running_order(meeting=meeting)
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 120
    assert case_capacity(meeting=meeting) == 3


def test_changing_a_meeting_sets_its_length_or_lets_it_follow_again(world: World):
    meeting = plan(world, duration_minutes=90)
    fields = {
        "title": "Teammøde",
        "starts_at": meeting.starts_at,
        "place": "",
        "facilitator": world.users["leader"],
        "participants": [world.users["leader"]],
        "agenda_titles": ["Sag 1", "Sag 2"],
    }
    services.meeting_update(meeting=meeting, duration_minutes=None, **fields)
    meeting.refresh_from_db()
    assert meeting.length_follows_timetable
    assert meeting.duration_minutes == timetable_seconds(meeting) // 60 == 80
    services.meeting_update(meeting=meeting, duration_minutes=50, **fields)
    meeting.refresh_from_db()
    assert (meeting.duration_minutes, meeting.timetable_minutes) == (50, 80)
    assert meeting.length_differs


def test_starting_a_following_meeting_keeps_length_and_timetable_together(world: World):
    meeting = plan(world, starts_at=timezone.now())
    FollowUpAction.objects.create(
        team=world.syd,
        title="Aftalt før mødet",
        owner=world.users["caseworker"],
        due_date=timezone.localdate(),
        created_by=world.users["leader"],
    )
    FollowUpAction.objects.filter(title="Aftalt før mødet").update(
        created_at=timezone.now() - timedelta(days=1)
    )
    services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    meeting.refresh_from_db()
    assert meeting.duration_minutes == timetable_seconds(meeting) // 60 == 43


def test_a_meeting_without_a_title_is_named_after_its_format_and_date(world: World):
    meeting = plan(
        world, title="", starts_at=timezone.make_aware(timezone.datetime(2030, 1, 8, 13))
    )
    assert meeting.title == "Teamsparring om enkeltsager 08.01.2030"


def test_format_length_is_what_the_timetable_of_its_phases_sums_to():
    phases = [
        {"name": "Fælles", "kind": "check_in", "seconds": 300, "per_case": False},
        {"name": "Sag", "kind": "presentation", "seconds": 600, "per_case": True},
        {"name": "Runde", "kind": "round", "seconds_per_person": 60, "per_case": True},
    ]
    length = running_order.format_length(
        phases, repeats_per_case=True, participant_count=4, max_minutes=60
    )
    assert (length.shared_minutes, length.per_case_minutes) == (5, 14)
    assert length.depends_on_people
    for cases in range(4):
        steps = running_order.build(phases, cases, repeats_per_case=True, participant_count=4)
        assert length.minutes_for(cases) == running_order.timetable_minutes(steps)
    assert length.cases_fit == running_order.case_capacity(
        phases, 60, repeats_per_case=True, participant_count=4
    )
    once = running_order.format_length(
        phases, repeats_per_case=False, participant_count=4, max_minutes=None
    )
    assert (once.per_case_seconds, once.one_case_minutes, once.cases_fit) == (0, 19, None)


# The planner's pages


def plan_url(world: World) -> str:
    return reverse("meetings:plan", args=[world.syd.slug])


def form_data(world: World, format: Format, **changes) -> dict:
    data = {
        "format": format.pk,
        "title": "",
        "title_auto": "",
        "starts_at": WHEN,
        "place": "",
        "duration_minutes": "",
        "facilitator": world.users["leader"].pk,
        "participants": [world.users["leader"].pk, world.users["caseworker"].pk],
        "agenda": "",
    }
    return data | changes


def test_planning_anonymously_asks_to_log_in(client, world: World):
    response = client.get(plan_url(world))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["other_leader", "other_caseworker", "outsider"])
def test_another_teams_planner_is_not_found(client, world: World, who):
    client.force_login(world.users[who])
    assert client.get(plan_url(world)).status_code == 404
    assert client.get(plan_url(world), headers={"HX-Request": "true"}).status_code == 404


@pytest.mark.parametrize("who", ["caseworker", "guest", "department_leader"])
def test_who_does_not_lead_the_team_may_not_plan(client, world: World, who):
    client.force_login(world.users[who])
    assert client.get(plan_url(world)).status_code == 403
    response = client.post(plan_url(world), form_data(world, teamsparring()))
    assert response.status_code == 403
    assert not Meeting.objects.exists()


@pytest.mark.parametrize("who", ["leader", "coordinator"])
def test_the_picker_explains_each_format(client, world: World, who):
    client.force_login(world.users[who])
    response = client.get(plan_url(world))
    assert response.status_code == 200
    html = response.content.decode()
    format = teamsparring()
    assert format.purpose in html and format.source in html
    assert "40 min med én sag, 40 min mere for hver sag" in html
    assert "højst 90 min: plads til 2 sager" in html
    assert "Mødeleder:</strong> Teamlederen" in html
    assert "Sagsejer fortæller, hvad der ønskes sparring til" in html
    assert html.count('type="radio" name="format"') == Format.objects.builtin().count()


@pytest.mark.parametrize("who", ["leader", "coordinator"])
def test_planning_without_a_length_gives_the_timetables_length(client, world: World, who):
    client.force_login(world.users[who])
    response = client.post(plan_url(world), form_data(world, teamsparring(), agenda="A\nB"))
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.duration_minutes == timetable_seconds(meeting) // 60 == 80
    assert meeting.title == "Teamsparring om enkeltsager 08.01.2030"


def test_a_title_written_by_the_planner_is_kept(client, world: World):
    client.force_login(world.users["leader"])
    data = form_data(
        world, teamsparring(), title="Ugemøde", title_auto="Faglig sparring på teammøde 08.01.2030"
    )
    client.post(plan_url(world), data)
    assert Meeting.objects.get().title == "Ugemøde"


def test_a_title_filled_in_for_another_format_follows_the_chosen_one(client, world: World):
    client.force_login(world.users["leader"])
    filled = "Faglig sparring på teammøde 08.01.2030"
    client.post(plan_url(world), form_data(world, teamsparring(), title=filled, title_auto=filled))
    assert Meeting.objects.get().title == "Teamsparring om enkeltsager 08.01.2030"


def test_the_plan_says_when_the_length_given_and_the_timetable_differ(client, world: World):
    client.force_login(world.users["leader"])
    data = form_data(world, teamsparring(), duration_minutes="90")
    response = client.get(plan_url(world), data, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Køreplanen varer 40 min, men mødet er sat til 90 min." in html
    client.post(plan_url(world), data)
    meeting = Meeting.objects.get()
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Køreplanen varer 40 min, men mødet er sat til 90 min." in page


def test_the_htmx_answer_is_the_timetable_of_what_the_form_holds(client, world: World):
    client.force_login(world.users["leader"])
    data = form_data(world, teamsparring(), agenda="Sag A\nSag B")
    response = client.get(plan_url(world), data, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    assert "<html" not in html and 'id="plan-timetable"' in html
    assert "(sag 2)" in html and "80:00" in html
    assert "Mødet varer 80 min, som køreplanen." in html
    # The title is filled in (out of band) while the planner has not written one.
    assert 'id="plan-title" data-filled-in="title" hx-swap-oob="true"' in html
    assert 'value="Teamsparring om enkeltsager 08.01.2030"' in html
    own = client.get(
        plan_url(world), data | {"title": "Mit møde"}, headers={"HX-Request": "true"}
    ).content.decode()
    assert 'hx-swap-oob="true"' not in own


def test_the_planner_starts_from_the_defaults_that_fit(client, world: World):
    client.force_login(world.users["coordinator"])
    html = client.get(plan_url(world)).content.decode()
    coordinator = world.users["coordinator"]
    assert f'<option value="{coordinator.pk}" selected>' in html
    assert html.count('name="participants"') == world.syd.memberships.count()
    assert html.count("checked") >= world.syd.memberships.count()


def test_the_planners_queries_do_not_grow_with_formats_and_meetings(
    client, world: World, django_assert_max_num_queries
):
    client.force_login(world.users["leader"])
    # One past meeting: the planner starts from its format, with that format's timetable.
    plan(world, cases=2, starts_at=timezone.now() - timedelta(weeks=1))
    client.get(plan_url(world))
    with django_assert_max_num_queries(40) as few:
        client.get(plan_url(world))
        client.get(plan_url(world), form_data(world, teamsparring()), headers={"HX-Request": "1"})
    for number in range(6):
        own = make_format(team=world.syd, key=f"eget-{number}")
        plan(world, format=own, cases=2, starts_at=timezone.now() - timedelta(weeks=number + 1))
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(plan_url(world))
        client.get(plan_url(world), form_data(world, teamsparring()), headers={"HX-Request": "1"})


def test_editing_shows_the_timetable_and_keeps_a_following_length_following(client, world: World):
    meeting = plan(world)
    client.force_login(world.users["leader"])
    edit = reverse("meetings:edit", args=[meeting.pk])
    html = client.get(edit).content.decode()
    assert "Mødet varer 40 min, som køreplanen." in html
    assert 'name="duration_minutes"' in html and 'name="duration_minutes" value' not in html
    response = client.get(
        edit,
        {
            "title": "Teammøde",
            "starts_at": WHEN,
            "duration_minutes": "30",
            "facilitator": world.users["leader"].pk,
            "participants": [world.users["leader"].pk],
        },
        headers={"HX-Request": "true"},
    )
    assert "Køreplanen varer 40 min, men mødet er sat til 30 min." in response.content.decode()
    assert "HX-Request" in response["Vary"]
