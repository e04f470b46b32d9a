from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from learnings.models import LearningPoint, Theme
from rollups.models import FollowUpAction, Rollup
from teams.models import Team, User
from tests.browser.conftest import load_demo, log_in, serious_violations

ACTION = "Lav en fælles huskeliste til praktikaftaler"


def _add_points(team: Team) -> None:
    """Two fresh learning points with a theme, from the last weeks."""
    author = User.objects.get(username="sagsbehandler2")
    theme, _created = Theme.objects.get_or_create(team=team, name="virksomhedspraktik")
    for days, text in [
        (9, "Praktikstedet skal kende borgerens mål fra første dag."),
        (3, "Aftal en fast kontaktperson på praktikstedet."),
    ]:
        point = LearningPoint.objects.create(team=team, author=author, text=text)
        LearningPoint.objects.filter(pk=point.pk).update(
            created_at=timezone.now() - timedelta(days=days)
        )
        point.themes.add(theme)


def test_leader_decides_a_rollup_that_the_team_and_other_leaders_see(new_page, transactional_db):
    load_demo()
    syd = Team.objects.get(slug="team-syd")
    _add_points(syd)
    today = timezone.localdate()

    leader = new_page(width=420, height=900)
    log_in(leader, "leder", "demo1234")
    leader.goto("/opsamlinger/")
    leader.get_by_role("link", name="Start opsamling · Team Syd").click()
    leader.get_by_label("Fra og med").fill((today - timedelta(days=42)).isoformat())
    leader.get_by_label("Til og med").fill(today.isoformat())
    leader.get_by_role("button", name="Start opsamling").click()
    leader.get_by_role("heading", name="Opsamling for Team Syd").wait_for()
    rollup = Rollup.objects.filter(team=syd).latest("created_at")

    item = leader.get_by_role("region", name="Virksomhedspraktik")
    expect(item.get_by_text("Aftal en fast kontaktperson på praktikstedet.")).to_be_visible()
    item.get_by_role("radio", name="Ændre praksis").check()
    item.get_by_role("textbox", name="Begrundelse").fill(
        "Flere sager viser, at praktikstedet mangler borgerens mål."
    )
    item.get_by_role("combobox", name="Ansvarlig").select_option(label="Amalie Thrane")
    item.get_by_label("Frist").fill((today + timedelta(days=21)).isoformat())
    item.get_by_role("textbox", name="Opfølgning").fill(ACTION)
    item.get_by_role("button", name="Gem beslutning").click()
    item.get_by_text("Beslutningen er gemt.").wait_for()
    expect(item.get_by_text(ACTION).first).to_be_visible()
    action = FollowUpAction.objects.get(title=ACTION)
    assert action.owner.username == "sagsbehandler1"
    assert action.rollup_item.rollup == rollup
    assert serious_violations(leader) == []
    # Other teams' leaders see a rollup in progress once the leader shares it.
    leader.get_by_role("button", name="Del med andre teams nu").click()
    leader.get_by_text("Delt med organisationens andre teams").first.wait_for()

    caseworker = new_page()
    log_in(caseworker, "sagsbehandler1", "demo1234")
    my_actions = caseworker.get_by_role("region", name="Mine opfølgninger")
    expect(my_actions.get_by_text(ACTION, exact=True)).to_be_visible()
    expect(my_actions.get_by_role("button", name="Markér som udført")).to_be_visible()
    other = new_page()
    log_in(other, "leder.nord", "demo1234")
    other.goto("/opsamlinger/")
    other.get_by_role("region", name="Team Syd").get_by_role("link").first.click()
    other.get_by_role("heading", name="Opsamling for Team Syd").wait_for()
    assert other.url.endswith(f"/opsamlinger/{rollup.pk}/")
    assert other.get_by_text(
        "Flere sager viser, at praktikstedet mangler borgerens mål."
    ).is_visible()
    assert other.get_by_role("button", name="Gem beslutning").count() == 0
    assert other.get_by_role("radio").count() == 0
    expect(other.get_by_role("button", name="Gem kommentar")).to_be_visible()
    assert serious_violations(other) == []
