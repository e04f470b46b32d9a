"""In Chromium: a person downloads their own data from "Min konto"; a department leader reads
the audit log, filters it by person and downloads it as CSV."""

import json
from pathlib import Path

from django.utils import timezone
from playwright.sync_api import expect

from learnings.models import LearningPoint
from teams.models import AuditAction, AuditEntry, Role
from tests.browser.conftest import log_in, serious_violations
from tests.factories import (
    PASSWORD,
    MembershipFactory,
    OrganisationFactory,
    TeamFactory,
    UserFactory,
)


def _team():
    organisation = OrganisationFactory(name="Browserkommune")
    team = TeamFactory(organisation=organisation, name="Team Vest", slug="vest")
    caseworker = MembershipFactory(
        team=team, role=Role.CASEWORKER, user__username="anne", user__first_name="Anne"
    ).user
    leader = MembershipFactory(
        team=team, role=Role.LEADER, user__username="lone", user__first_name="Lone"
    ).user
    return organisation, team, caseworker, leader


def test_a_person_downloads_their_own_data(new_page, transactional_db):
    _organisation, team, caseworker, _leader = _team()
    LearningPoint.objects.create(team=team, author=caseworker, text="Ring til skolen først")
    page = new_page()
    log_in(page, "anne", PASSWORD)
    page.get_by_role("link", name=caseworker.display_name).click()
    page.get_by_role("heading", name="Min konto").wait_for()
    assert serious_violations(page) == []
    with page.expect_download() as info:
        page.get_by_role("link", name="Hent mine data").click()
    download = info.value
    assert download.suggested_filename.startswith("mine-data-")
    assert download.suggested_filename.endswith(".json")
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert data["profile"]["username"] == "anne"
    assert [m["team"] for m in data["memberships"]] == ["Team Vest"]
    assert [point["text"] for point in data["learning_points"]] == ["Ring til skolen først"]
    # The login in this very test is among the log's entries about her.
    assert "Loggede ind" in [entry["action"] for entry in data["audit_entries"]]


def test_a_department_leader_reads_filters_and_downloads_the_audit_log(new_page, transactional_db):
    organisation, team, caseworker, leader = _team()
    department_leader = UserFactory(username="dorte")
    organisation.department_leaders.add(department_leader)
    for person in (caseworker, leader):
        AuditEntry.objects.create(
            at=timezone.now(),
            action=AuditAction.CASE_VIEWED,
            actor=person,
            team=team,
            organisation=organisation,
        )
    page = new_page()
    log_in(page, "dorte", PASSWORD)
    page.goto("/konto/")
    page.get_by_role("link", name="Adgangslog").click()
    page.get_by_role("heading", name="Adgangslog", exact=True).wait_for()
    assert serious_violations(page) == []
    expect(page.get_by_role("heading", name="2 poster")).to_be_visible()
    page.get_by_label("Person").select_option(label=f"{caseworker.display_name} (anne)")
    page.get_by_role("heading", name="1 post", exact=True).wait_for()
    expect(page.get_by_role("cell", name=caseworker.display_name)).to_be_visible()
    assert page.get_by_role("cell", name=leader.display_name).count() == 0
    with page.expect_download() as info:
        page.get_by_role("link", name="Hent som CSV").click()
    lines = Path(info.value.path()).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("Tidspunkt;Handling;Person")
    assert len(lines) == 2
    assert "Så en sag" in lines[1] and caseworker.display_name in lines[1]
