"""The team's learning overview: months, themes, the share that changed practice, open actions,
the page and its permissions, and a query count that does not grow with the data."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import translation

from learnings.models import Decision, LearningPoint, Theme
from learnings.overview.selectors import learning_overview, month_starts
from rollups.actions.selectors import OPEN_ACTIONS_SHOWN, open_actions_of
from rollups.models import ActionStatus, FollowUpAction
from tests.conftest import World

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
TODAY = date(2026, 3, 15)


def add_point(world: World, when: datetime, *, themes=(), decision: str = "", team=None):
    point = LearningPoint.objects.create(
        team=team or world.syd,
        author=world.users["caseworker"],
        text="Ring til skolen, før vi svarer.",
        decision=decision,
    )
    LearningPoint.objects.filter(pk=point.pk).update(created_at=when)
    point.themes.set(themes)
    return point


def local(year: int, month: int, day: int, hour: int = 12) -> datetime:
    return datetime(year, month, day, hour, tzinfo=COPENHAGEN)


def add_action(
    world: World, *, due: date, owner="caseworker", status=ActionStatus.OPEN, team=None
):
    return FollowUpAction.objects.create(
        team=team or world.syd,
        title=f"Huskeliste {due:%d.%m}",
        owner=world.users[owner],
        due_date=due,
        status=status,
        created_by=world.users["leader"],
    )


def test_month_starts_are_twelve_months_ending_with_todays_month():
    assert month_starts(date(2026, 3, 15)) == [
        *(date(2025, month, 1) for month in range(4, 13)),
        date(2026, 1, 1),
        date(2026, 2, 1),
        date(2026, 3, 1),
    ]
    assert month_starts(date(2026, 12, 31))[0] == date(2026, 1, 1)


def test_monthly_buckets_are_zero_filled_and_counted_in_copenhagen_time(world: World):
    add_point(world, local(2025, 3, 31))  # the month before the period
    add_point(world, local(2025, 4, 1, hour=0) + timedelta(minutes=5))  # first minutes in
    add_point(world, local(2026, 1, 20))
    # 23:30 UTC on New Year's Eve is already January in Copenhagen.
    add_point(world, datetime(2025, 12, 31, 23, 30, tzinfo=UTC))
    add_point(world, local(2026, 3, 15))
    add_point(world, local(2026, 4, 1))  # after today's month
    add_point(world, local(2026, 1, 5), team=world.nord)  # another team

    overview = learning_overview(team=world.syd, today=TODAY)

    assert overview.period_start == date(2025, 4, 1)
    assert overview.period_end == date(2026, 3, 31)
    counts = {month.month: month.count for month in overview.months}
    assert len(overview.months) == 12
    assert counts == {
        **{start: 0 for start in month_starts(TODAY)},
        date(2025, 4, 1): 1,
        date(2026, 1, 1): 2,
        date(2026, 3, 1): 1,
    }
    assert counts[date(2025, 12, 1)] == 0
    assert [month.month for month in overview.months] == month_starts(TODAY)
    assert overview.total == 4


def test_month_labels_are_danish_abbreviations():
    from learnings.overview.selectors import MonthCount

    with translation.override("da"):
        assert MonthCount(month=date(2026, 1, 1), count=0).label == "jan. 2026"
        assert MonthCount(month=date(2025, 5, 1), count=0).label == "maj 2025"


def test_an_empty_team_has_twelve_empty_months_and_no_share(world: World):
    overview = learning_overview(team=world.syd, today=TODAY)
    assert [month.count for month in overview.months] == [0] * 12
    assert overview.themes == []
    assert overview.total == overview.decided == overview.changed == overview.unthemed == 0
    assert overview.changed_share is None
    actions = open_actions_of(team=world.syd, today=TODAY)
    assert actions.count == 0
    assert actions.shown == []


def test_counts_per_theme_in_the_period(world: World):
    praktik = Theme.objects.create(team=world.syd, name="virksomhedspraktik")
    sygedagpenge = Theme.objects.create(team=world.syd, name="sygedagpenge")
    dokumentation = Theme.objects.create(team=world.syd, name="dokumentation")
    nords = Theme.objects.create(team=world.nord, name="virksomhedspraktik")
    add_point(world, local(2025, 6, 1), themes=[praktik])
    add_point(world, local(2026, 2, 1), themes=[praktik, sygedagpenge])
    add_point(world, local(2024, 6, 1), themes=[praktik, dokumentation])  # before the period
    add_point(world, local(2026, 2, 2))  # without a theme
    add_point(world, local(2024, 2, 2))  # without a theme, before the period
    add_point(world, local(2026, 2, 3), themes=[nords], team=world.nord)

    overview = learning_overview(team=world.syd, today=TODAY)

    assert [(theme.name, theme.count) for theme in overview.themes] == [
        ("virksomhedspraktik", 2),
        ("sygedagpenge", 1),
        ("dokumentation", 0),
    ]
    assert overview.unthemed == 1
    assert overview.total == 3


def test_the_share_of_decided_points_that_changed_practice(world: World):
    for decision in (Decision.CHANGE, Decision.CHANGE, Decision.NO_CHANGE, Decision.PARKED, ""):
        add_point(world, local(2026, 1, 10), decision=decision)
    add_point(world, local(2024, 1, 10), decision=Decision.NO_CHANGE)  # before the period

    overview = learning_overview(team=world.syd, today=TODAY)

    assert overview.decided == 4
    assert overview.changed == 2
    assert overview.changed_share == 50


def test_the_share_rounds_half_up(world: World):
    for decision in (Decision.CHANGE, Decision.CHANGE, Decision.NO_CHANGE):
        add_point(world, local(2026, 1, 10), decision=decision)
    assert learning_overview(team=world.syd, today=TODAY).changed_share == 67
    for _index in range(5):
        add_point(world, local(2026, 1, 10), decision=Decision.NO_CHANGE)
    assert learning_overview(team=world.syd, today=TODAY).changed_share == 25


def test_open_actions_earliest_due_first_with_the_overdue_marked(world: World):
    later = add_action(world, due=TODAY + timedelta(days=10), owner="coordinator")
    overdue = add_action(world, due=TODAY - timedelta(days=1))
    due_today = add_action(world, due=TODAY)
    add_action(world, due=TODAY - timedelta(days=30), status=ActionStatus.DONE)
    add_action(world, due=TODAY - timedelta(days=30), owner="other_leader", team=world.nord)

    actions = open_actions_of(team=world.syd, today=TODAY)

    assert actions.count == 3
    assert actions.overdue == 1
    assert [(item.action, item.is_overdue) for item in actions.shown] == [
        (overdue, True),
        (due_today, False),
        (later, False),
    ]
    assert actions.more == 0


def test_a_long_list_of_open_actions_is_cut_but_counted(world: World):
    FollowUpAction.objects.bulk_create(
        FollowUpAction(
            team=world.syd,
            title=f"Opfølgning {number}",
            owner=world.users["caseworker"],
            due_date=TODAY + timedelta(days=number),
            created_by=world.users["leader"],
        )
        for number in range(OPEN_ACTIONS_SHOWN + 5)
    )
    actions = open_actions_of(team=world.syd, today=TODAY)
    assert actions.count == OPEN_ACTIONS_SHOWN + 5
    assert len(actions.shown) == OPEN_ACTIONS_SHOWN
    assert actions.more == 5


# The page


def overview_url(world: World, team=None) -> str:
    return reverse("learnings:overview", kwargs={"slug": (team or world.syd).slug})


def test_the_page_shows_both_charts_with_tables_the_share_and_open_actions(client, world: World):
    theme = Theme.objects.create(team=world.syd, name="samarbejde med jobkonsulenter")
    today = datetime.now(COPENHAGEN).date()
    add_point(world, datetime.now(COPENHAGEN), themes=[theme], decision=Decision.CHANGE)
    add_point(world, datetime.now(COPENHAGEN), decision=Decision.NO_CHANGE)
    add_action(world, due=today - timedelta(days=3), owner="coordinator")
    add_action(world, due=today + timedelta(days=3))
    client.force_login(world.users["caseworker"])

    response = client.get(overview_url(world))

    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('role="img"') == 2
    assert 'aria-labelledby="chart-months-title chart-months-desc"' in html
    assert '<title id="chart-themes-title">Læringspunkter pr. tema</title>' in html
    assert html.count("<caption>") >= 3
    assert '<th scope="row">Samarbejde med jobkonsulenter</th>' in html
    assert "Uden tema" in html
    assert "50&nbsp;%" in html
    assert "1 af 2 besluttede læringspunkter førte til ændret praksis." in html
    assert html.count("Overskredet") == 1
    assert world.users["coordinator"].display_name in html
    assert "learnings/overview.css" in html
    assert " style=" not in html
    # SVG coordinates are never written with a decimal comma, whatever the language.
    chart = response.context["sections"][0]["chart"]
    assert f'y="{chart.ticks[0].position}"' in html


def test_the_page_of_a_team_without_data(client, world: World):
    client.force_login(world.users["department_leader"])
    response = client.get(overview_url(world))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Teamet har ingen åbne opfølgninger." in html
    assert "Der er endnu ikke truffet beslutning" in html
    assert html.count('role="img"') == 1  # the months; no themes, so no theme chart


def test_another_teams_overview_is_not_found(client, world: World):
    client.force_login(world.users["other_leader"])
    assert client.get(overview_url(world)).status_code == 404
    client.force_login(world.users["outsider"])
    assert client.get(overview_url(world)).status_code == 404


def test_anonymous_is_sent_to_login(client, world: World):
    response = client.get(overview_url(world))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_only_get(client, world: World):
    client.force_login(world.users["leader"])
    assert client.post(overview_url(world)).status_code == 405


# Queries


def fill(world: World, points: int) -> None:
    """`points` learning points over the last two years, with themes, decisions and actions."""
    themes = Theme.objects.bulk_create(
        Theme(team=world.syd, name=f"tema {number}") for number in range(8)
    )
    now = datetime.now(COPENHAGEN)
    decisions = ["", Decision.CHANGE, Decision.NO_CHANGE, Decision.PARKED]
    created = LearningPoint.objects.bulk_create(
        LearningPoint(
            team=world.syd,
            author=world.users["caseworker"],
            text=f"Punkt {number}",
            decision=decisions[number % 4],
        )
        for number in range(points)
    )
    for number, point in enumerate(created):
        point.created_at = now - timedelta(days=(number * 730) // points)
    LearningPoint.objects.bulk_update(created, ["created_at"])
    LearningPoint.themes.through.objects.bulk_create(
        LearningPoint.themes.through(learningpoint=point, theme=themes[number % 8])
        for number, point in enumerate(created)
        if number % 5
    )
    FollowUpAction.objects.bulk_create(
        FollowUpAction(
            team=world.syd,
            title=f"Opfølgning {number}",
            owner=world.users["coordinator"],
            due_date=now.date() + timedelta(days=number - points // 20),
            created_by=world.users["leader"],
        )
        for number in range(points // 10)
    )


@pytest.mark.parametrize("points", [10, 200])
def test_the_selectors_use_five_queries_whatever_the_data(
    world: World, django_assert_num_queries, points
):
    fill(world, points)
    today = datetime.now(COPENHAGEN).date()
    with django_assert_num_queries(3):
        overview = learning_overview(team=world.syd, today=today)
    with django_assert_num_queries(2):
        actions = open_actions_of(team=world.syd, today=today)
    assert 0 < overview.total <= points
    assert actions.count == points // 10


@pytest.mark.parametrize("points", [10, 200])
def test_the_page_uses_the_same_few_queries_at_any_size(
    client, world: World, django_assert_max_num_queries, points
):
    fill(world, points)
    client.force_login(world.users["leader"])
    with django_assert_max_num_queries(12):
        response = client.get(overview_url(world))
    assert response.status_code == 200
    assert response.context["overview"].total > 0
