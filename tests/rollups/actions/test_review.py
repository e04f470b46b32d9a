"""The opening review of a meeting: "Flyt videre" gives an open follow-up a new due date,
proposed (the team's next meeting, else 14 days on) and chosen in the control view, never in
the past; "Udført" marks it done."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import services as meeting_services
from meetings.models import Meeting
from meetings.services import ActionRefused
from rollups.actions import services
from rollups.models import ActionStatus, FollowUpAction
from tests.conftest import World
from tests.factories import make_format, make_meeting

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=COPENHAGEN)  # a Wednesday
TODAY = date(2026, 11, 25)
OVERDUE = date(2026, 11, 20)


@pytest.fixture(autouse=True)
def now():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def action(world: World, title="Ring til jobcentret", due=OVERDUE, team=None, who="caseworker"):
    return FollowUpAction.objects.create(
        team=team or world.syd,
        title=title,
        owner=world.users[who],
        due_date=due,
        created_by=world.users["leader" if team is None else "other_leader"],
    )


def planned(world: World, *, days: int, key: str, team=None) -> Meeting:
    leader = world.users["leader" if team is None else "other_leader"]
    return make_meeting(
        team=team or world.syd,
        facilitator=leader,
        participants=[leader, world.users["caseworker"]] if team is None else [leader],
        cases=0,
        format=make_format(key=key),
        starts_at=NOW + timedelta(days=days, minutes=5),
    )


@pytest.fixture
def reviewing(world: World):
    """Team Syd's meeting, started, at its opening review of the open actions before it."""
    first = action(world)
    meeting = planned(world, days=0, key="review-today")
    assert meeting.steps.order_by("position").first().kind == "review"
    meeting = meeting_services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    return meeting, first


def move_on(client, meeting, follow_up, htmx=True, version=None, **data):
    fresh = Meeting.objects.get(pk=meeting.pk)
    return client.post(
        reverse("rollups:review_move_on", args=[meeting.pk]),
        {
            "version": fresh.version if version is None else version,
            "follow_up": follow_up,
            **data,
        },
        headers={"hx-request": "true"} if htmx else {},
    )


def review(meeting, action, **kwargs):
    fresh = Meeting.objects.get(pk=meeting.pk)
    return services.action_review(
        meeting_id=fresh.pk, version=fresh.version, action_id=action.pk, **kwargs
    )


# The service


def test_moving_on_proposes_the_team_s_next_meeting(world, reviewing):
    meeting, overdue = reviewing
    planned(world, days=7, key="review-next")
    review(meeting, overdue, done=False)
    overdue.refresh_from_db()
    assert overdue.due_date == date(2026, 12, 2)
    assert overdue.status == ActionStatus.OPEN and overdue.last_reviewed_at is not None


def test_moving_on_without_a_next_meeting_gives_two_weeks(world, reviewing):
    meeting, overdue = reviewing
    planned(world, days=3, key="review-nord", team=world.nord)  # another team's is no help
    review(meeting, overdue, done=False)
    overdue.refresh_from_db()
    assert overdue.due_date == TODAY + timedelta(days=14)


def test_moving_on_never_shortens_the_time(world, reviewing):
    meeting, _ = reviewing
    later = action(world, title="God tid", due=date(2027, 2, 1))
    planned(world, days=7, key="review-next")
    review(meeting, later, done=False)
    later.refresh_from_db()
    assert later.due_date == date(2027, 2, 1)


def test_moving_on_to_a_chosen_date_and_never_into_the_past(world, reviewing):
    meeting, overdue = reviewing
    review(meeting, overdue, done=False, due_date=date(2027, 1, 15))
    overdue.refresh_from_db()
    assert overdue.due_date == date(2027, 1, 15)
    with pytest.raises(ActionRefused, match="før i dag"):
        review(meeting, overdue, done=False, due_date=TODAY - timedelta(days=1))
    overdue.refresh_from_db()
    assert overdue.due_date == date(2027, 1, 15)


def test_marking_done_in_the_review_keeps_the_date(world, reviewing):
    meeting, overdue = reviewing
    review(meeting, overdue, done=True)
    overdue.refresh_from_db()
    assert overdue.status == ActionStatus.DONE and overdue.due_date == OVERDUE


def test_the_runner_s_own_move_on_control_moves_the_date_too(client, world, reviewing):
    meeting, overdue = reviewing
    client.force_login(world.users["leader"])
    fresh = Meeting.objects.get(pk=meeting.pk)
    client.post(
        reverse("meetings:action", args=[meeting.pk]),
        {"action": "action_moved", "version": fresh.version, "follow_up": overdue.pk},
    )
    overdue.refresh_from_db()
    assert overdue.due_date == TODAY + timedelta(days=14)


@pytest.mark.parametrize("follow_up", ["²", "9" * 30, "", "x"])
def test_the_runner_s_own_control_refuses_a_hostile_id(client, world, reviewing, follow_up):
    meeting, _ = reviewing
    client.force_login(world.users["leader"])
    fresh = Meeting.objects.get(pk=meeting.pk)
    response = client.post(
        reverse("meetings:action", args=[meeting.pk]),
        {"action": "action_moved", "version": fresh.version, "follow_up": follow_up},
        headers={"hx-request": "true"},
    )
    assert response.status_code == 200 and "Vælg en opfølgning." in response.content.decode()


# The control view and "Flyt videre"


def test_the_control_view_proposes_the_new_date_next_to_flyt_videre(client, world, reviewing):
    meeting, overdue = reviewing
    planned(world, days=7, key="review-next")
    client.force_login(world.users["leader"])
    html = client.get(reverse("meetings:control", args=[meeting.pk])).content.decode()
    field = f'id="move-on-{overdue.pk}" value="2026-12-02" min="2026-11-25"'
    assert field in html
    assert f'<label class="small" for="move-on-{overdue.pk}">Ny frist' in html
    assert "Flyt videre" in html and "Udført" in html
    projector = client.get(reverse("meetings:projector", args=[meeting.pk])).content.decode()
    assert "Ring til jobcentret" in projector and "move-on-" not in projector


def test_flyt_videre_moves_the_date_and_answers_with_the_state(client, world, reviewing):
    meeting, overdue = reviewing
    client.force_login(world.users["coordinator"])
    response = move_on(client, meeting, overdue.pk, due_date="2027-01-15")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert 'id="runner-state"' in html and "Flyttet videre" in html
    assert "15. januar" in html
    assert "HX-Request" in response["Vary"]
    overdue.refresh_from_db()
    assert overdue.due_date == date(2027, 1, 15) and overdue.status == ActionStatus.OPEN


def test_flyt_videre_without_htmx_returns_to_the_control_view(client, world, reviewing):
    meeting, overdue = reviewing
    client.force_login(world.users["leader"])
    response = move_on(client, meeting, overdue.pk, htmx=False, due_date="2027-01-15")
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:control", args=[meeting.pk])
    overdue.refresh_from_db()
    assert overdue.due_date == date(2027, 1, 15)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("2026-11-24", "Den nye frist kan ikke ligge før i dag."),
        ("²", "Skriv en dato"),
        ("99999-01-01", "Skriv en dato"),
        ("2027-02-30", "Skriv en dato"),
        ("", "Vælg den nye frist."),
    ],
)
@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "page"])
def test_a_refused_date_is_shown_next_to_its_field_with_the_text_kept(
    client, world, reviewing, typed, message, htmx
):
    meeting, overdue = reviewing
    other = action(world, title="Anden opfølgning")
    client.force_login(world.users["leader"])
    response = move_on(client, meeting, overdue.pk, htmx=htmx, due_date=typed)
    html = response.content.decode()
    assert response.status_code == 200
    error = f'id="move-on-{overdue.pk}-error" role="alert">'
    assert message in html[html.index(error) :].split("</div>")[0]
    assert f'id="move-on-{overdue.pk}" value="{typed}"' in html
    assert f'aria-describedby="move-on-{overdue.pk}-error"' in html
    # The other action keeps its own proposal, without the error.
    assert f'id="move-on-{other.pk}" value="2026-12-09"' in html
    assert ("<html" in html) is not htmx
    overdue.refresh_from_db()
    assert overdue.due_date == OVERDUE and overdue.last_reviewed_at is None


@pytest.mark.parametrize(
    "data",
    [
        {"follow_up": "²"},
        {"follow_up": "9" * 30},
        {"follow_up": str(2**63)},
        {"follow_up": ""},
        {"version": "²"},
        {"version": "-1"},
        {"version": "9" * 30},
    ],
)
def test_hostile_ids_are_an_error_not_a_crash(client, world, reviewing, data):
    meeting, overdue = reviewing
    client.force_login(world.users["leader"])
    fields = {"follow_up": overdue.pk, "due_date": "2027-01-15"} | data
    response = move_on(client, meeting, fields.pop("follow_up"), **fields)
    assert response.status_code == 200
    assert "Ukendt handling." in response.content.decode()
    overdue.refresh_from_db()
    assert overdue.due_date == OVERDUE


def test_another_team_s_or_an_unknown_action_is_refused(client, world, reviewing):
    meeting, _ = reviewing
    nord = action(world, title="Nords", team=world.nord, who="other_caseworker")
    client.force_login(world.users["leader"])
    for follow_up in (nord.pk, str(2**63 - 1)):
        response = move_on(client, meeting, follow_up, due_date="2027-01-15")
        assert "Opfølgningen er allerede behandlet." in response.content.decode()
    nord.refresh_from_db()
    assert nord.due_date == OVERDUE


def test_a_stale_version_is_refused(client, world, reviewing):
    meeting, overdue = reviewing
    client.force_login(world.users["leader"])
    response = move_on(client, meeting, overdue.pk, version=0, due_date="2027-01-15")
    assert response.status_code == 200 and 'role="alert"' in response.content.decode()
    overdue.refresh_from_db()
    assert overdue.due_date == OVERDUE


def test_flyt_videre_only_in_the_review(client, world, reviewing):
    meeting, overdue = reviewing
    meeting_services.meeting_next_phase(meeting_id=meeting.pk, version=meeting.version)
    client.force_login(world.users["leader"])
    response = move_on(client, meeting, overdue.pk, due_date="2027-01-15")
    assert "Opfølgninger gennemgås i mødets første punkt." in response.content.decode()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("anonymous", 302),
        ("leader", 302),
        ("coordinator", 302),
        ("caseworker", 403),
        ("guest", 403),
        ("department_leader", 403),
        ("other_leader", 404),
        ("other_caseworker", 404),
        ("outsider", 404),
    ],
)
def test_who_moves_a_follow_up_on(client, world, reviewing, who, status):
    meeting, overdue = reviewing
    if who != "anonymous":
        client.force_login(world.users[who])
    response = move_on(client, meeting, overdue.pk, htmx=False, due_date="2027-01-15")
    assert response.status_code == status
    if who == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    overdue.refresh_from_db()
    assert (overdue.due_date == date(2027, 1, 15)) is (status == 302 and who != "anonymous")


def test_the_review_s_queries_do_not_grow_with_the_actions(
    client, world, reviewing, django_assert_max_num_queries
):
    meeting, _ = reviewing
    planned(world, days=7, key="review-next")
    client.force_login(world.users["leader"])
    url = reverse("meetings:control", args=[meeting.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    FollowUpAction.objects.bulk_create(
        FollowUpAction(
            team=world.syd,
            title=f"Opfølgning {number}",
            owner=world.users["caseworker"],
            due_date=OVERDUE,
            created_by=world.users["leader"],
        )
        for number in range(10)
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(url).content.decode()
    assert html.count('value="2026-12-02"') == 11
