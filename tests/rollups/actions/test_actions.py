"""Follow-up actions: created by hand, from a meeting or a rollup decision; marked done and
reopened; the start page's list of one's own open actions with the overdue ones marked."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from learnings.models import Decision, LearningPoint, PointStatus
from rollups import services
from rollups.actions import selectors as action_selectors
from rollups.actions import services as action_services
from rollups.models import ActionStatus, FollowUpAction
from tests.conftest import World
from tests.factories import make_meeting


def make_action(world: World, who: str = "caseworker", *, title="Ring til jobcentret", days=7):
    return action_services.action_create(
        team=world.syd,
        user=world.users["leader"],
        title=title,
        owner=world.users[who],
        due_date=timezone.localdate() + timedelta(days=days),
    )


def decided_item(world: World, *, owners=("caseworker",)):
    """A rollup item of two points decided "change practice", with one action per owner."""
    for text in ("Første punkt.", "Andet punkt."):
        LearningPoint.objects.create(team=world.syd, author=world.users["caseworker"], text=text)
    rollup = services.rollup_start(team=world.syd, user=world.users["leader"])
    item = rollup.items.get()
    services.rollup_decide(
        item=item,
        user=world.users["leader"],
        decision=Decision.CHANGE,
        justification="Vi ændrer praksis.",
        action_owner=world.users[owners[0]],
    )
    for owner in owners[1:]:
        FollowUpAction.objects.create(
            team=world.syd,
            title="Også",
            owner=world.users[owner],
            due_date=date(2030, 1, 1),
            rollup_item=item,
            created_by=world.users["leader"],
        )
    return item


# Services


def test_an_action_by_hand_or_from_a_meeting(world: World):
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"]],
        cases=0,
    )
    action = action_services.action_create(
        team=world.syd,
        user=world.users["leader"],
        title="  Send skabelonen rundt  ",
        owner=world.users["caseworker"],
        due_date=date(2030, 1, 1),
        meeting=meeting,
    )
    assert action.title == "Send skabelonen rundt"
    assert (action.meeting, action.status, action.created_by) == (
        meeting,
        ActionStatus.OPEN,
        world.users["leader"],
    )


def test_the_owner_must_be_in_the_team(world: World):
    with pytest.raises(services.RollupRefused, match="med i teamet"):
        make_action(world, "other_caseworker")


def test_marking_done_and_reopening(world: World):
    action = make_action(world)
    done = action_services.action_mark_done(action=action)
    assert done.status == ActionStatus.DONE
    assert done.done_at is not None
    again = action_services.action_mark_done(action=action)
    assert again.done_at == done.done_at
    reopened = action_services.action_reopen(action=action)
    assert (reopened.status, reopened.done_at) == (ActionStatus.OPEN, None)


def test_the_points_are_done_when_every_action_of_their_decision_is_done(world: World):
    item = decided_item(world, owners=("caseworker", "caseworker2"))
    first, second = item.actions.order_by("id")
    action_services.action_mark_done(action=first)
    assert set(item.learning_points.values_list("status", flat=True)) == {PointStatus.DECIDED}
    action_services.action_mark_done(action=second)
    assert set(item.learning_points.values_list("status", flat=True)) == {PointStatus.DONE}


def test_open_actions_are_marked_overdue_after_their_due_date(world: World):
    late = make_action(world, title="For sent", days=-1)
    today = make_action(world, title="I dag", days=0)
    make_action(world, "caseworker2", title="En andens")
    action_services.action_mark_done(action=make_action(world, title="Udført", days=-5))
    actions = list(action_selectors.open_actions_for(user=world.users["caseworker"]))
    assert [(action.pk, action.is_overdue) for action in actions] == [
        (late.pk, True),
        (today.pk, False),
    ]


# The start page


def test_the_start_page_shows_my_open_actions_with_the_overdue_marked(client, world: World):
    make_action(world, title="Opdatér huskelisten", days=-3)
    make_action(world, title="Læs den nye vejledning", days=10)
    make_action(world, "caseworker2", title="Kollegaens opgave")
    client.force_login(world.users["caseworker"])
    response = client.get(reverse("dashboard:home"))
    html = response.content.decode()
    assert "Mine opfølgninger" in html
    assert "Opdatér huskelisten" in html and "Læs den nye vejledning" in html
    assert "Kollegaens opgave" not in html
    assert html.count("Overskredet") == 1
    assert html.index("Opdatér huskelisten") < html.index("Overskredet")
    assert html.index("Overskredet") < html.index("Læs den nye vejledning")
    assert "⚠" in html
    assert html.count("Markér som udført") == 2


def test_marking_done_from_the_start_page_returns_there(client, world: World):
    action = make_action(world)
    client.force_login(world.users["caseworker"])
    response = client.post(
        reverse("rollups:action_done", args=[action.pk]), {"next": reverse("dashboard:home")}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("dashboard:home")
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    home = client.get(reverse("dashboard:home")).content.decode()
    assert "er markeret som udført" in home
    assert "Du har ingen åbne opfølgninger." in home


def test_an_outside_next_address_is_ignored(client, world: World):
    action = make_action(world)
    client.force_login(world.users["caseworker"])
    response = client.post(
        reverse("rollups:action_done", args=[action.pk]), {"next": "https://example.com/"}
    )
    assert response["Location"] == reverse("rollups:action_list")


@pytest.mark.parametrize(
    "target", ["x", "//example.com/", "javascript:alert(1)", "/\\example.com"]
)
def test_a_bad_next_is_ignored_safely_and_the_action_is_done(client, world: World, target):
    action = make_action(world)
    client.force_login(world.users["caseworker"])
    url = reverse("rollups:action_done", args=[action.pk])
    for response in (
        client.post(url, {"next": target}),
        client.post(f"{url}?next={target}"),
    ):
        assert response.status_code == 302
        assert response["Location"] == reverse("rollups:action_list")
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE
    response = client.post(reverse("rollups:action_reopen", args=[action.pk]), {"next": target})
    assert response["Location"] == reverse("rollups:action_list")


# The actions page


def test_who_may_mark_an_action_done(client, world: World):
    action = make_action(world)
    url = reverse("rollups:action_done", args=[action.pk])
    for who, status in [
        ("caseworker2", 403),
        ("department_leader", 403),
        ("other_leader", 404),
        ("outsider", 404),
    ]:
        client.force_login(world.users[who])
        assert client.post(url).status_code == status, who
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN
    client.force_login(world.users["coordinator"])
    assert client.post(url).status_code == 302
    client.force_login(world.users["caseworker"])
    assert client.post(reverse("rollups:action_reopen", args=[action.pk])).status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN


def test_the_actions_page_shows_mine_and_for_leaders_the_teams(client, world: World):
    make_action(world, title="Min opgave", days=-2)
    make_action(world, "caseworker2", title="Kollegaens opgave")
    action_services.action_mark_done(action=make_action(world, title="Udført opgave"))
    client.force_login(world.users["caseworker"])
    html = client.get(reverse("rollups:action_list")).content.decode()
    assert "Min opgave" in html and "Udført opgave" in html
    assert "Kollegaens opgave" not in html
    assert "Ny opfølgning" not in html
    assert "Genåbn" in html

    client.force_login(world.users["leader"])
    html = client.get(reverse("rollups:action_list")).content.decode()
    assert "Teamets opfølgninger" in html
    assert "Min opgave" in html and "Kollegaens opgave" in html
    assert "Ny opfølgning" in html
    assert "Skriv pseudonymiseret" in html


def test_a_leader_creates_an_action_by_hand(client, world: World):
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("rollups:action_create"),
        {
            "team": world.syd.pk,
            "title": "Aftal møde med skolen",
            "owner": world.users["caseworker2"].pk,
            "due_date": "2030-02-01",
        },
    )
    assert response.status_code == 302
    action = FollowUpAction.objects.get()
    assert (action.title, action.owner, action.due_date, action.team) == (
        "Aftal møde med skolen",
        world.users["caseworker2"],
        date(2030, 2, 1),
        world.syd,
    )


def test_creating_an_action_is_for_the_teams_leaders(client, world: World):
    data = {
        "team": world.syd.pk,
        "title": "Aftal møde",
        "owner": world.users["caseworker"].pk,
        "due_date": "2030-02-01",
    }
    for who, status in [
        ("caseworker", 403),
        ("department_leader", 403),
        ("other_leader", 404),
        ("outsider", 404),
    ]:
        client.force_login(world.users[who])
        assert client.post(reverse("rollups:action_create"), data).status_code == status, who
    assert not FollowUpAction.objects.exists()


def test_an_action_for_someone_outside_the_team_is_refused(client, world: World):
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("rollups:action_create"),
        {
            "team": world.syd.pk,
            "title": "Aftal møde",
            "owner": world.users["other_caseworker"].pk,
            "due_date": "2030-02-01",
        },
    )
    assert response.status_code == 200
    assert not FollowUpAction.objects.exists()
