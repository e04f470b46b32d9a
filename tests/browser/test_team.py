"""In Chromium: a team runs itself without the admin site. The department leader creates a team
and invites its new leader; the leader sets a password from the invitation mail, invites a
member on the "Team" page, changes the case deadline and a theme; the member sets a password
from their mail, logs in and submits a case."""

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Case
from learnings.models import Theme
from teams.models import Role, Team
from tests.browser.conftest import log_in, serious_violations
from tests.factories import PASSWORD, OrganisationFactory, UserFactory, make_meeting

NEW_PASSWORD = "en-god-lang-kode-til-teamet-7"


def invitation_link(to: str) -> str:
    """The one-time link of the last invitation mailed to `to`, as a path on the test server."""
    [message] = [message for message in mail.outbox if message.to == [to]][-1:]
    url = re.search(r"https?://\S+/invitation/\S+/", message.body)
    assert url is not None, message.body
    return re.sub(r"^https?://[^/]+", "", url.group(0))


def accept_invitation(page, to: str) -> None:
    page.goto(invitation_link(to))
    page.get_by_role("heading", name="Velkommen til Teamlæring").wait_for()
    page.get_by_label(re.compile(r"^\s*Ny adgangskode")).fill(NEW_PASSWORD)
    page.get_by_label("Bekræftelse af ny adgangskode").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Gem adgangskode").click()
    page.get_by_text("Din adgangskode er gemt").wait_for()


def test_a_new_team_leader_invites_a_member_who_submits_a_case(new_page, transactional_db):
    organisation = OrganisationFactory(name="Browserkommune")
    department_leader = UserFactory(username="dorte", first_name="Dorte")
    organisation.department_leaders.add(department_leader)

    # The department leader creates the team and invites its new leader by email.
    dorte = new_page()
    log_in(dorte, "dorte", PASSWORD)
    dorte.goto("/konto/")
    dorte.get_by_role("link", name="Nyt team").click()
    dorte.get_by_label("Teamets navn").fill("Team Øst")
    dorte.get_by_label("Ny teamleders fornavn").fill("Lise")
    dorte.get_by_label("Ny teamleders e-mail").fill("lise@kommune.example")
    dorte.get_by_role("button", name="Opret team").click()
    dorte.get_by_role("heading", name="Team Øst", exact=True).wait_for()
    team = Team.objects.get(name="Team Øst")
    make_meeting(
        team=team,
        facilitator=department_leader,
        participants=[],
        cases=0,
        starts_at=timezone.now() + timedelta(days=14),
    )

    # The new leader sets a password from the mail and manages the team on "Team".
    lise = new_page()
    accept_invitation(lise, "lise@kommune.example")
    log_in(lise, "lise@kommune.example", NEW_PASSWORD)
    lise.get_by_role("navigation", name="Hovedmenu").get_by_role(
        "link", name="Team", exact=True
    ).click()
    lise.get_by_role("heading", name="Team Øst", exact=True).wait_for()
    assert serious_violations(lise) == []

    invite = lise.get_by_role("region", name="Inviter en ny person")
    invite.get_by_label("Fornavn").fill("Mads")
    invite.get_by_label("Efternavn").fill("Holm")
    invite.get_by_label("E-mail").fill("mads@kommune.example")
    invite.get_by_label("Rolle").select_option(label="Sagsbehandler")
    invite.get_by_role("button", name="Inviter").click()
    lise.get_by_text("Invitationen er sendt til mads@kommune.example.").wait_for()
    members = lise.get_by_role("table", name="Teamets medlemmer og deres roller")
    expect(members.get_by_role("cell", name="Mads Holm Inviteret")).to_be_visible()
    deadline = lise.get_by_role("region", name="Frist, sletning og tidligere medlemmer")
    deadline.get_by_label("Frist for sager: arbejdsdage før mødet").fill("2")
    deadline.get_by_label("Frist for sager: klokkeslæt").fill("10:00")
    deadline.get_by_role("button", name="Gem indstillinger").click()
    lise.get_by_text("Teamets indstillinger er gemt.").wait_for()
    team.refresh_from_db()
    assert (team.case_deadline_working_days, f"{team.case_deadline_time:%H:%M}") == (2, "10:00")

    lise.get_by_role("link", name="Administrer temaer").click()
    lise.get_by_label("Nyt tema").fill("Samarbejde")
    lise.get_by_role("button", name="Opret tema").click()
    lise.get_by_text("Temaet »Samarbejde« er gemt.").wait_for()
    lise.get_by_text("Rediger Samarbejde").click()
    lise.get_by_label("Nyt navn for »Samarbejde«").fill("Samarbejde med skolen")
    lise.get_by_role("button", name="Omdøb Samarbejde").click()
    lise.get_by_text("»Samarbejde« hedder nu »Samarbejde med skolen«.").wait_for()
    assert serious_violations(lise) == []
    assert list(Theme.objects.filter(team=team).values_list("name", flat=True)) == [
        "Samarbejde med skolen"
    ]

    # The member sets a password from their mail, logs in and submits a case.
    mads = new_page()
    accept_invitation(mads, "mads@kommune.example")
    log_in(mads, "mads@kommune.example", NEW_PASSWORD)
    mads.get_by_role("link", name="Indsend sag").first.click()
    mads.get_by_role("textbox", name="Titel", exact=True).fill("Ung, 19 år: uddannelse?")
    mads.get_by_role("textbox", name="Hvad ønsker du sparring på?").fill(
        "Hvordan får vi ham i gang med en uddannelse?"
    )
    mads.get_by_label("Sparringstype").select_option("timing")
    mads.get_by_role("textbox", name="Baggrund", exact=True).fill("Har droppet ud to gange.")
    mads.get_by_role("button", name="Indsend sag").click()
    mads.get_by_role("heading", name="Ung, 19 år: uddannelse?").wait_for()
    case = Case.objects.get(title="Ung, 19 år: uddannelse?")
    assert case.submitted_by.username == "mads@kommune.example"
    assert case.team == team
    assert team.memberships.get(user=case.submitted_by).role == Role.CASEWORKER
