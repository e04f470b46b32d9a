"""In Chromium: a team's leader goes to the team's page (its name on the start page) and
downloads the team's data, the file a move to another installation reads in."""

import json
from pathlib import Path

from tests.browser.conftest import log_in, serious_violations
from tests.dashboard.transfer.conftest import build_team
from tests.factories import PASSWORD


def test_the_leader_downloads_the_teams_data_from_the_team_page(new_page, transactional_db):
    build_team(slug="syd")
    page = new_page()
    log_in(page, "syd-leder", PASSWORD)
    page.get_by_role("link", name="Team Syd", exact=True).click()
    page.get_by_role("heading", name="Team Syd").wait_for()
    assert serious_violations(page) == []
    with page.expect_download() as info:
        page.get_by_role("link", name="Hent teamets data (JSON)").click()
    download = info.value
    assert download.suggested_filename.startswith("team-syd-")
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert (data["format"], data["team"]["name"]) == ("teamlaering-team", "Team Syd")
    # The team's learning point and the one its learning visit agreed.
    assert [point["text"] for point in data["learning_points"]] == [
        "Spørg borgeren tidligt om ønsker til praktik.",
        "Åse Ødegård",
    ]
