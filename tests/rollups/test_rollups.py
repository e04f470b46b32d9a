"""Rollups: gathering a period's learning points by theme, the team's decisions, finishing,
sharing with the other teams' leaders, the PDF, the reminder and the page's query count."""

import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from learnings.models import Decision, LearningPoint, PointStatus, Theme
from rollups import selectors, services
from rollups.actions import services as action_services
from rollups.models import ActionStatus, FollowUpAction, Rollup, RollupComment
from tests.conftest import World
from tests.factories import make_meeting

CPH = ZoneInfo("Europe/Copenhagen")
START = date(2026, 3, 1)
END = date(2026, 4, 30)


def at(day: date, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=CPH)


def make_point(world: World, text: str, *, when: datetime, themes=(), team=None, item=None):
    team = team or world.syd
    point = LearningPoint.objects.create(
        team=team,
        meeting=item.meeting if item else None,
        agenda_item=item,
        author=world.users["caseworker"] if team == world.syd else world.users["other_leader"],
        text=text,
    )
    LearningPoint.objects.filter(pk=point.pk).update(created_at=when)
    for name in themes:
        point.themes.add(Theme.objects.get_or_create(team=team, name=name)[0])
    return point


@pytest.fixture
def case_item(world: World):
    """The first agenda item ("Sag 1") of a Team Syd meeting."""
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], world.users["caseworker"]],
        cases=2,
    )
    return meeting.agenda_items.order_by("position").first()


@pytest.fixture
def rollup(world: World, case_item):
    """A Team Syd rollup of three items: Borgerinddragelse, Virksomhedspraktik, Uden tema."""
    make_point(
        world,
        "Spørg borgeren om egne mål før vi vælger indsats.",
        when=at(START + timedelta(days=3)),
        themes=["virksomhedspraktik", "borgerinddragelse"],
        item=case_item,
    )
    make_point(
        world,
        "Praktikken skal have et klart formål.",
        when=at(START + timedelta(days=10)),
        themes=["virksomhedspraktik"],
        item=case_item,
    )
    make_point(world, "Notér teamets anbefaling i sagen.", when=at(END, 23, 30))
    return services.rollup_start(
        team=world.syd, user=world.users["leader"], period_start=START, period_end=END
    )


def items_of(rollup: Rollup) -> list:
    return list(rollup.items.order_by("position", "id"))


# Gathering


def test_start_gathers_the_periods_points_grouped_by_theme(world: World, case_item):
    both = make_point(
        world,
        "To temaer: kommer under det første alfabetisk.",
        when=at(START, 0, 5),
        themes=["virksomhedspraktik", "borgerinddragelse"],
        item=case_item,
    )
    one = make_point(
        world, "Et tema.", when=at(START + timedelta(days=20)), themes=["virksomhedspraktik"]
    )
    without = make_point(world, "Uden tema i perioden.", when=at(END, 23, 55))
    before = make_point(world, "Før perioden.", when=at(START - timedelta(days=1), 23, 55))
    after = make_point(world, "Efter perioden.", when=at(END + timedelta(days=1), 0, 5))
    make_point(world, "Team Nords punkt.", when=at(START + timedelta(days=5)), team=world.nord)
    earlier = make_point(world, "Allerede i en opsamling.", when=at(START + timedelta(days=2)))
    services.rollup_start(
        team=world.syd,
        user=world.users["leader"],
        period_start=START + timedelta(days=2),
        period_end=START + timedelta(days=2),
    )

    rollup = services.rollup_start(
        team=world.syd, user=world.users["leader"], period_start=START, period_end=END
    )

    items = items_of(rollup)
    assert [item.title for item in items] == [
        "Borgerinddragelse",
        "Virksomhedspraktik",
        "Uden tema",
    ]
    assert [list(item.learning_points.all()) for item in items] == [[both], [one], [without]]
    assert items[0].theme.name == "borgerinddragelse"
    assert items[2].theme is None
    assert rollup.created_by == world.users["leader"]
    for point in (both, one, without):
        point.refresh_from_db()
        assert point.status == PointStatus.RAISED
    for point in (before, after):
        point.refresh_from_db()
        assert point.status == PointStatus.NOTED
    assert earlier.rollup_items.count() == 1


def test_the_default_period_runs_from_the_day_after_the_last_rollup_until_today(world: World):
    with time_machine.travel(at(date(2026, 4, 30)), tick=False):
        assert services.default_period(team=world.syd) == (date(2026, 2, 28), date(2026, 4, 30))
        make_point(world, "Gammelt punkt.", when=at(date(2026, 3, 10)))
        first = services.rollup_start(team=world.syd, user=world.users["leader"])
    assert (first.period_start, first.period_end) == (date(2026, 2, 28), date(2026, 4, 30))
    with time_machine.travel(at(date(2026, 6, 15)), tick=False):
        make_point(world, "Nyt punkt.", when=at(date(2026, 5, 1), 9))
        second = services.rollup_start(team=world.syd, user=world.users["leader"])
    assert (second.period_start, second.period_end) == (date(2026, 5, 1), date(2026, 6, 15))
    assert [p.text for p in second.items.get().learning_points.all()] == ["Nyt punkt."]


def test_start_refuses_an_empty_period_and_a_period_that_ends_before_it_starts(world: World):
    make_point(world, "Udenfor.", when=at(END + timedelta(days=5)))
    with pytest.raises(services.RollupRefused, match="ingen nye læringspunkter"):
        services.rollup_start(
            team=world.syd, user=world.users["leader"], period_start=START, period_end=END
        )
    with pytest.raises(services.RollupRefused, match="før dens slutning"):
        services.rollup_start(
            team=world.syd, user=world.users["leader"], period_start=END, period_end=START
        )
    assert not Rollup.objects.exists()


# Decisions and the status flow


def test_a_point_goes_from_noted_to_raised_to_decided_to_done(world: World, case_item):
    point = make_point(world, "Et punkt.", when=at(START + timedelta(days=1)), item=case_item)
    assert point.status == PointStatus.NOTED
    rollup = services.rollup_start(
        team=world.syd, user=world.users["leader"], period_start=START, period_end=END
    )
    point.refresh_from_db()
    assert point.status == PointStatus.RAISED

    item = services.rollup_decide(
        item=rollup.items.get(),
        user=world.users["leader"],
        decision=Decision.CHANGE,
        justification="Vi ændrer praksis.",
        action_owner=world.users["caseworker"],
    )
    point.refresh_from_db()
    assert (point.status, point.decision) == (PointStatus.DECIDED, Decision.CHANGE)

    action = item.actions.get()
    action_services.action_mark_done(action=action)
    point.refresh_from_db()
    assert point.status == PointStatus.DONE

    action_services.action_reopen(action=action)
    point.refresh_from_db()
    assert point.status == PointStatus.DECIDED


def test_change_practice_creates_a_follow_up_action_with_defaults(world: World, rollup):
    item = items_of(rollup)[0]
    with time_machine.travel(at(date(2026, 5, 4)), tick=False):
        decided = services.rollup_decide(
            item=item,
            user=world.users["coordinator"],
            decision="change",
            justification="Vi skriver det ind i arbejdsgangen.",
            action_owner=world.users["caseworker2"],
        )
    assert decided.decided_by == world.users["coordinator"]
    assert decided.decided_at is not None
    assert decided.justification == "Vi skriver det ind i arbejdsgangen."
    action = FollowUpAction.objects.get()
    assert action.rollup_item == decided
    assert action.team == world.syd
    assert action.owner == world.users["caseworker2"]
    assert action.title == "Ændre praksis: Borgerinddragelse"
    assert action.due_date == date(2026, 6, 3)
    assert action.status == ActionStatus.OPEN
    assert action.created_by == world.users["coordinator"]


def test_change_practice_needs_someone_responsible_from_the_team(world: World, rollup):
    item = items_of(rollup)[0]
    with pytest.raises(services.RollupRefused, match="ansvarlig"):
        services.rollup_decide(
            item=item, user=world.users["leader"], decision="change", justification="Ja."
        )
    with pytest.raises(services.RollupRefused, match="med i teamet"):
        services.rollup_decide(
            item=item,
            user=world.users["leader"],
            decision="change",
            justification="Ja.",
            action_owner=world.users["other_caseworker"],
        )
    assert not FollowUpAction.objects.exists()


@pytest.mark.parametrize("decision", [Decision.NO_CHANGE, Decision.PARKED])
def test_no_change_and_parked_create_no_action(world: World, rollup, decision):
    item = services.rollup_decide(
        item=items_of(rollup)[1],
        user=world.users["leader"],
        decision=decision,
        justification="Praksis er på plads.",
        action_owner=world.users["caseworker"],
    )
    assert item.decision == decision
    assert not FollowUpAction.objects.exists()
    assert set(item.learning_points.values_list("status", "decision")) == {
        (PointStatus.DECIDED, decision)
    }


def test_changing_a_decision_later_updates_the_points_and_keeps_the_action(world: World, rollup):
    item = items_of(rollup)[1]
    services.rollup_decide(
        item=item,
        user=world.users["leader"],
        decision=Decision.CHANGE,
        justification="Først ja.",
        action_owner=world.users["caseworker"],
        action_title="Ny skabelon til praktikaftaler",
        action_due=date(2026, 6, 1),
    )
    parked = services.rollup_decide(
        item=item, user=world.users["leader"], decision=Decision.PARKED, justification="Vent."
    )
    assert "Ny skabelon til praktikaftaler" in parked.notice
    assert FollowUpAction.objects.get().status == ActionStatus.OPEN
    assert set(item.learning_points.values_list("decision", flat=True)) == {Decision.PARKED}

    again = services.rollup_decide(
        item=item,
        user=world.users["leader"],
        decision=Decision.CHANGE,
        justification="Alligevel ja.",
        action_owner=world.users["caseworker2"],
        action_due=date(2026, 7, 1),
    )
    assert again.notice == ""
    action = FollowUpAction.objects.get()
    assert (action.owner, action.due_date) == (world.users["caseworker2"], date(2026, 7, 1))


def test_finish_is_refused_until_every_item_is_decided(world: World, rollup):
    first, second, third = items_of(rollup)
    services.rollup_decide(
        item=first, user=world.users["leader"], decision="no_change", justification="Nej."
    )
    with pytest.raises(services.RollupRefused) as refused:
        services.rollup_finish(rollup=rollup)
    assert "Virksomhedspraktik, Uden tema" in str(refused.value)
    for item in (second, third):
        services.rollup_decide(
            item=item, user=world.users["leader"], decision="parked", justification="Senere."
        )
    finished = services.rollup_finish(rollup=rollup)
    assert finished.is_finished
    with pytest.raises(services.RollupRefused, match="afsluttet"):
        services.rollup_decide(
            item=first, user=world.users["leader"], decision="parked", justification="Nej."
        )


def test_an_empty_comment_is_refused(world: World, rollup):
    with pytest.raises(services.RollupRefused):
        services.rollup_comment(rollup=rollup, user=world.users["other_leader"], text="  ")
    comment = services.rollup_comment(
        rollup=rollup, user=world.users["other_leader"], text=" Godt set. "
    )
    assert comment.text == "Godt set."


# The pages


def test_the_leader_starts_a_rollup_from_the_form(client, world: World, case_item):
    make_point(world, "Et nyt punkt.", when=timezone.now() - timedelta(days=3), item=case_item)
    client.force_login(world.users["leader"])
    url = reverse("rollups:rollup_start", args=[world.syd.slug])
    page = client.get(url)
    today = timezone.localdate()
    assert page.context["form"]["period_end"].value() == today
    assert page.context["waiting"] == 1
    response = client.post(
        url,
        {
            "period_start": (today - timedelta(days=10)).isoformat(),
            "period_end": today.isoformat(),
        },
    )
    rollup = Rollup.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("rollups:rollup_detail", args=[rollup.pk])


def test_an_empty_period_is_shown_on_the_form(client, world: World):
    client.force_login(world.users["leader"])
    url = reverse("rollups:rollup_start", args=[world.syd.slug])
    response = client.post(url, {"period_start": "2026-01-01", "period_end": "2026-01-31"})
    assert response.status_code == 200
    assert "ingen nye læringspunkter" in response.content.decode()


@pytest.mark.parametrize(
    ("start", "end"), [("0001-01-01", "2026-01-31"), ("2026-01-01", "9999-12-31")]
)
def test_a_period_outside_the_years_the_app_keeps_is_refused_next_to_the_field(
    client, world: World, start, end
):
    LearningPoint.objects.create(team=world.syd, author=world.users["caseworker"], text="Punkt")
    client.force_login(world.users["leader"])
    url = reverse("rollups:rollup_start", args=[world.syd.slug])
    response = client.post(url, {"period_start": start, "period_end": end})
    assert response.status_code == 200
    assert "Vælg en dato mellem 01.01.1900 og 31.12.2999." in response.content.decode()
    assert not Rollup.objects.exists()


def test_the_rollup_page_shows_points_by_theme_with_their_cases(client, world: World, rollup):
    client.force_login(world.users["leader"])
    response = client.get(reverse("rollups:rollup_detail", args=[rollup.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Borgerinddragelse") < html.index("Virksomhedspraktik")
    assert html.index("Virksomhedspraktik") < html.index("Uden tema")
    assert "Sag: Sag 1" in html
    assert "Praktikken skal have et klart formål." in html
    for label in ("Ændre praksis", "Ingen ændring", "Parkeret", "Begrundelse", "Ansvarlig"):
        assert label in html
    assert html.count("Gem beslutning") == 3
    assert "Skriv pseudonymiseret" in html


def test_a_decision_by_plain_post_redirects_to_the_item(client, world: World, rollup):
    item = items_of(rollup)[0]
    client.force_login(world.users["leader"])
    prefix = f"item-{item.pk}"
    response = client.post(
        reverse("rollups:rollup_decide", args=[rollup.pk, item.pk]),
        {
            f"{prefix}-decision": "change",
            f"{prefix}-justification": "Vi laver en huskeliste.",
            f"{prefix}-owner": world.users["caseworker"].pk,
            f"{prefix}-due_date": "2026-06-01",
            f"{prefix}-action_title": "Huskeliste til praktikker",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#item-{item.pk}")
    action = FollowUpAction.objects.get()
    assert (action.title, action.due_date) == ("Huskeliste til praktikker", date(2026, 6, 1))


def test_a_decision_by_htmx_returns_only_the_item(client, world: World, rollup):
    item = items_of(rollup)[1]
    client.force_login(world.users["leader"])
    prefix = f"item-{item.pk}"
    url = reverse("rollups:rollup_decide", args=[rollup.pk, item.pk])
    response = client.post(
        url,
        {f"{prefix}-decision": "no_change", f"{prefix}-justification": "Det gør vi allerede."},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<section id="item-{item.pk}"')
    assert "<html" not in html
    assert "Beslutningen er gemt." in html
    assert "Det gør vi allerede." in html
    item.refresh_from_db()
    assert item.decision == Decision.NO_CHANGE

    missing = client.post(
        url,
        {f"{prefix}-decision": "change", f"{prefix}-justification": "Ja."},
        headers={"HX-Request": "true"},
    )
    assert "Vælg en ansvarlig, når praksis skal ændres." in missing.content.decode()
    item.refresh_from_db()
    assert item.decision == Decision.NO_CHANGE


def test_the_product_draft_checkbox_is_offered_to_those_who_decide(client, world: World, rollup):
    url = reverse("rollups:rollup_detail", args=[rollup.pk])
    client.force_login(world.users["leader"])
    assert "Opret også et udkast til et produkt" in client.get(url).content.decode()
    client.force_login(world.users["other_leader"])
    assert "Opret også et udkast til et produkt" not in client.get(url).content.decode()


def test_finishing_from_the_page_names_the_missing_items(client, world: World, rollup):
    client.force_login(world.users["leader"])
    url = reverse("rollups:rollup_finish", args=[rollup.pk])
    response = client.post(url, follow=True)
    assert "Disse punkter mangler en beslutning" in response.content.decode()
    for item in items_of(rollup):
        services.rollup_decide(
            item=item, user=world.users["leader"], decision="parked", justification="Senere."
        )
    response = client.post(url, follow=True)
    rollup.refresh_from_db()
    assert rollup.is_finished
    assert "Gem beslutning" not in response.content.decode()


# Sharing


def test_rollup_sharing_follows_its_state(client, world: World, rollup):
    url = reverse("rollups:rollup_detail", args=[rollup.pk])
    comment_url = reverse("rollups:rollup_comment", args=[rollup.pk])
    client.force_login(world.users["leader"])
    html = client.get(url).content.decode()
    assert "Ikke delt med andre teams endnu" in html
    assert "Del med andre teams nu" in html
    # In progress: the other teams' leaders neither read, list, download nor comment.
    client.force_login(world.users["other_leader"])
    assert client.get(url).status_code == 404
    assert client.get(reverse("rollups:rollup_pdf", args=[rollup.pk])).status_code == 404
    assert client.post(comment_url, {"text": "For tidligt."}).status_code == 404
    assert rollup.pk not in {
        r.pk for r in selectors.rollups_visible_to(user=world.users["other_leader"])
    }
    assert not RollupComment.objects.exists()
    # The team's department leader reads it all along.
    client.force_login(world.users["department_leader"])
    assert client.get(url).status_code == 200
    # Finishing shares it.
    for item in items_of(rollup):
        services.rollup_decide(
            item=item, user=world.users["leader"], decision="parked", justification="Senere."
        )
    services.rollup_finish(rollup=rollup)
    rollup.refresh_from_db()
    assert rollup.is_shared
    client.force_login(world.users["other_leader"])
    html = client.get(url).content.decode()
    assert "Delt med organisationens andre teams" in html
    assert client.post(comment_url, {"text": "Godt arbejde."}).status_code == 302
    assert rollup.pk in {
        r.pk for r in selectors.rollups_visible_to(user=world.users["other_leader"])
    }


def test_the_leader_shares_a_rollup_before_it_is_finished(client, world: World, rollup):
    client.force_login(world.users["caseworker"])
    assert client.post(reverse("rollups:rollup_share", args=[rollup.pk])).status_code == 403
    client.force_login(world.users["leader"])
    response = client.post(reverse("rollups:rollup_share", args=[rollup.pk]), follow=True)
    html = response.content.decode()
    assert "Opsamlingen er delt med organisationens andre ledere." in html
    assert "Del med andre teams nu" not in html
    rollup.refresh_from_db()
    assert rollup.is_shared and not rollup.is_finished
    client.force_login(world.users["other_leader"])
    assert client.get(reverse("rollups:rollup_detail", args=[rollup.pk])).status_code == 200
    # Sharing twice is refused with a message, not an error.
    client.force_login(world.users["leader"])
    again = client.post(reverse("rollups:rollup_share", args=[rollup.pk]), follow=True)
    assert "allerede delt" in again.content.decode()


def test_another_teams_leader_reads_and_comments_but_cannot_decide(client, world: World, rollup):
    item = items_of(rollup)[0]
    services.rollup_share(rollup=rollup)
    client.force_login(world.users["other_leader"])
    page = client.get(reverse("rollups:rollup_detail", args=[rollup.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Praktikken skal have et klart formål." in html
    assert "Gem beslutning" not in html
    assert "Gem kommentar" in html

    decide = client.post(
        reverse("rollups:rollup_decide", args=[rollup.pk, item.pk]),
        {f"item-{item.pk}-decision": "parked", f"item-{item.pk}-justification": "Nej."},
    )
    assert decide.status_code == 403
    comment = client.post(
        reverse("rollups:rollup_comment", args=[rollup.pk]),
        {"text": "Det samme ser vi i Nord."},
    )
    assert comment.status_code == 302
    assert RollupComment.objects.get().author == world.users["other_leader"]
    assert (
        "Det samme ser vi i Nord."
        in client.get(reverse("rollups:rollup_detail", args=[rollup.pk])).content.decode()
    )


def test_a_comment_with_a_cpr_number_is_refused(client, world: World, rollup):
    services.rollup_share(rollup=rollup)
    client.force_login(world.users["other_leader"])
    response = client.post(
        reverse("rollups:rollup_comment", args=[rollup.pk]), {"text": "Se 040315-1234."}
    )
    assert response.status_code == 200
    assert "ligner et CPR-nummer" in response.content.decode()
    assert not RollupComment.objects.exists()


def test_a_caseworker_of_another_team_gets_404(client, world: World, rollup):
    client.force_login(world.users["other_caseworker"])
    for name in ("rollup_detail", "rollup_pdf", "rollup_comment"):
        method = client.post if name == "rollup_comment" else client.get
        assert method(reverse(f"rollups:{name}", args=[rollup.pk])).status_code == 404


def test_a_caseworker_of_the_team_reads_but_cannot_comment(client, world: World, rollup):
    client.force_login(world.users["caseworker"])
    page = client.get(reverse("rollups:rollup_detail", args=[rollup.pk])).content.decode()
    assert "Gem beslutning" not in page
    assert "Gem kommentar" not in page
    response = client.post(reverse("rollups:rollup_comment", args=[rollup.pk]), {"text": "Hej"})
    assert response.status_code == 403


def test_who_sees_which_rollups(world: World, rollup):
    make_point(world, "Nords punkt.", when=at(START + timedelta(days=1)), team=world.nord)
    nord = services.rollup_start(
        team=world.nord, user=world.users["other_leader"], period_start=START, period_end=END
    )

    def visible(who: str) -> set:
        return set(selectors.rollups_visible_to(user=world.users[who]))

    # Neither is shared yet: each team's leader sees only their own.
    assert visible("leader") == {rollup}
    assert visible("other_leader") == {nord}
    services.rollup_share(rollup=rollup)
    services.rollup_share(rollup=nord)
    assert visible("leader") == {rollup, nord}
    assert visible("caseworker") == {rollup}
    assert visible("other_leader") == {rollup, nord}
    assert visible("other_caseworker") == {nord}
    assert visible("department_leader") == {rollup, nord}
    assert visible("outsider") == set()


def test_the_department_leader_reads_every_rollup_of_the_organisation(
    client, world: World, rollup
):
    make_point(world, "Nords punkt.", when=at(START + timedelta(days=1)), team=world.nord)
    nord = services.rollup_start(
        team=world.nord, user=world.users["other_leader"], period_start=START, period_end=END
    )
    client.force_login(world.users["department_leader"])
    listing = client.get(reverse("rollups:rollup_list")).content.decode()
    for each in (rollup, nord):
        assert reverse("rollups:rollup_detail", args=[each.pk]) in listing
        page = client.get(reverse("rollups:rollup_detail", args=[each.pk]))
        assert page.status_code == 200
        assert "Gem beslutning" not in page.content.decode()
    assert "Team Nord" in listing and "Team Syd" in listing


@pytest.mark.parametrize("team", ["syd\x00", "x²", "<b>"])
def test_a_team_in_the_query_that_no_slug_can_be_answers_404(client, world: World, team):
    client.force_login(world.users["department_leader"])
    response = client.get(reverse("rollups:rollup_list"), {"team": team})
    assert response.status_code == 404


# The PDF


def test_the_pdf_has_the_team_the_points_and_page_numbers(client, world: World, rollup):
    services.rollup_decide(
        item=items_of(rollup)[0],
        user=world.users["leader"],
        decision="change",
        justification="Vi øver os på at spørge til borgerens mål.",
        action_owner=world.users["caseworker"],
    )
    services.rollup_share(rollup=rollup)
    client.force_login(world.users["other_leader"])
    response = client.get(reverse("rollups:rollup_pdf", args=[rollup.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="opsamling-syd-2026-04-30.pdf"' in response["Content-Disposition"]
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Team Syd" in text
    assert "Praktikken skal have et klart formål." in text
    assert "Vi øver os på at spørge til borgerens mål." in text
    assert "Ændre praksis" in text
    assert "side 1 af" in text


# The reminder


def test_the_start_page_reminds_the_leader_after_two_months(client, world: World, rollup):
    url = reverse("dashboard:home")
    with time_machine.travel(at(END + timedelta(days=30)), tick=False):
        client.force_login(world.users["leader"])
        assert selectors.teams_with_rollup_due(user=world.users["leader"]) == []
        assert "mere end to måneder" not in client.get(url).content.decode()
    with time_machine.travel(at(END + timedelta(days=62)), tick=False):
        client.force_login(world.users["leader"])
        reminders = selectors.teams_with_rollup_due(user=world.users["leader"])
        assert [(r.team, r.last_period_end) for r in reminders] == [(world.syd, END)]
        html = client.get(url).content.decode()
    assert "Det er mere end to måneder siden sidste opsamling i Team Syd" in html
    assert reverse("rollups:rollup_start", args=[world.syd.slug]) in html
    assert "Start opsamling" in html


def test_the_reminder_is_for_leaders_only(client, world: World, rollup):
    with time_machine.travel(at(END + timedelta(days=62)), tick=False):
        assert selectors.teams_with_rollup_due(user=world.users["caseworker"]) == []
        assert selectors.teams_with_rollup_due(user=world.users["other_leader"]) == []
        client.force_login(world.users["caseworker"])
        assert "mere end to måneder" not in client.get(reverse("dashboard:home")).content.decode()


def test_a_team_without_a_rollup_is_due_when_it_has_points_older_than_two_months(
    world: World,
):
    today = date(2026, 6, 1)

    def due() -> list:
        reminders = selectors.teams_with_rollup_due(user=world.users["leader"], today=today)
        return [(r.team, r.last_period_end) for r in reminders]

    assert due() == []
    make_point(world, "Nyt.", when=at(today - timedelta(days=20)))
    assert due() == []
    make_point(world, "Gammelt.", when=at(today - timedelta(days=70)))
    assert due() == [(world.syd, None)]


@pytest.mark.parametrize(
    ("last_period_end", "has_old_points", "due"),
    [
        (None, False, False),
        (None, True, True),
        (date(2026, 4, 1), False, False),  # 61 days before: not more than two months
        (date(2026, 3, 31), False, True),  # 62 days before
        (date(2026, 4, 1), True, False),  # old points do not count once there is a rollup
    ],
)
def test_the_rule_for_a_rollup_being_due(last_period_end, has_old_points, due):
    assert (
        selectors.is_rollup_due(
            last_period_end=last_period_end, has_old_points=has_old_points, today=date(2026, 6, 1)
        )
        is due
    )


# Queries


def _rollup_of_size(world: World, points: int, *, start: date) -> Rollup:
    """A Team Syd rollup of `points` points over six themes and many cases, with decisions,
    actions and comments, for the 50 days from `start`."""
    end = start + timedelta(days=49)
    meetings = [
        make_meeting(
            team=world.syd,
            facilitator=world.users["leader"],
            participants=[world.users["leader"]],
            cases=3,
        )
        for _ in range(max(points // 6, 1))
    ]
    cases = [item for meeting in meetings for item in meeting.agenda_items.all()]
    for number in range(points):
        make_point(
            world,
            f"Punkt {number}",
            when=at(start + timedelta(days=number % 50)),
            themes=[f"tema {number % 6}"],
            item=cases[number % len(cases)],
        )
    rollup = services.rollup_start(
        team=world.syd, user=world.users["leader"], period_start=start, period_end=end
    )
    services.rollup_share(rollup=rollup)
    for number, item in enumerate(items_of(rollup)):
        services.rollup_decide(
            item=item,
            user=world.users["leader"],
            decision="change" if number % 2 == 0 else "parked",
            justification="Begrundelse.",
            action_owner=world.users["caseworker"],
        )
        services.rollup_comment(rollup=rollup, user=world.users["other_leader"], text="Fint.")
    return rollup


def _detail_queries(client, rollup: Rollup) -> int:
    url = reverse("rollups:rollup_detail", args=[rollup.pk])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("Punkt ") >= rollup.items.count()
    return len(captured)


@pytest.mark.parametrize("who", ["leader", "other_leader"])
def test_the_rollup_page_takes_the_same_few_queries_at_any_size(
    client, world: World, who, django_assert_max_num_queries
):
    client.force_login(world.users[who])
    small = _rollup_of_size(world, 6, start=date(2026, 1, 1))
    client.get(reverse("rollups:rollup_detail", args=[small.pk]))
    small_count = _detail_queries(client, small)
    large = _rollup_of_size(world, 60, start=date(2026, 3, 1))
    large_count = _detail_queries(client, large)
    assert large_count == small_count
    with django_assert_max_num_queries(20):
        client.get(reverse("rollups:rollup_detail", args=[small.pk]))
    with django_assert_max_num_queries(20):
        client.get(reverse("rollups:rollup_detail", args=[large.pk]))
    print(f"rollup_detail queries for {who}: 6 points {small_count}, 60 points {large_count}")
