"""The first hour: a new team leader, from login to a running meeting, and the planner that
explains its formats. Screenshots of the start page and the planner go to /tmp/shots/."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

from django.utils import timezone
from playwright.sync_api import expect

from cases.models import Case, CaseStatus
from meetings import services
from meetings.builtin_formats import install_builtin_formats
from meetings.models import Format, Meeting, MeetingStatus
from teams.models import Role
from tests.browser.conftest import serious_violations
from tests.factories import PASSWORD, MembershipFactory, TeamFactory

SHOTS = os.environ.get("SCREENSHOT_DIR", "/tmp/shots")
# The bar: from login to a running meeting in at most this many interactions.
MOST_INTERACTIONS = 8


class Interactions:
    """Counts what the person does: every click, fill, check and select goes through it."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, action: Callable[..., Any], *args: Any) -> Any:
        self.count += 1
        return action(*args)


def console_errors(page) -> list[str]:
    """The browser console's errors from now on (a missing favicon aside: not this page's)."""
    errors: list[str] = []

    def keep(message) -> None:
        if message.type == "error" and "favicon" not in (message.location or {}).get("url", ""):
            errors.append(message.text)

    page.on("console", keep)
    return errors


def shot(page, name: str) -> None:
    os.makedirs(SHOTS, exist_ok=True)
    page.screenshot(path=os.path.join(SHOTS, name), full_page=True)


def fresh_team():
    """A team that has never met: its new leader, a caseworker, and one case she submitted
    before any meeting was planned."""
    install_builtin_formats()
    team = TeamFactory(name="Team Øst", slug="team-oest")
    leader = MembershipFactory(
        team=team, role=Role.LEADER, user__username="ny.leder", user__first_name="Nina"
    ).user
    worker = MembershipFactory(
        team=team, role=Role.CASEWORKER, user__username="ny.sagsbehandler"
    ).user
    case = Case.objects.create(
        team=team,
        meeting=None,
        submitted_by=worker,
        title="Mor med to børn: hvornår praktik?",
        sparring_wanted="Hvilken indsats først?",
        sparring_type="timing",
        background="Ledig i to år.",
    )
    return team, leader, case


def log_in(page, act: Interactions, username: str) -> None:
    page.goto("/login/")
    act(page.get_by_role("textbox", name="Brugernavn", exact=True).fill, username)
    act(page.get_by_label("Adgangskode").fill, PASSWORD)
    act(page.get_by_role("button", name="Log ind", exact=True).click)
    page.wait_for_url(lambda url: "/login/" not in url, wait_until="domcontentloaded")


def test_a_new_leader_goes_from_login_to_a_running_meeting_in_at_most_eight_steps(
    new_page, transactional_db
):
    team, leader, case = fresh_team()
    page = new_page(1920, 1080)
    errors = console_errors(page)
    act = Interactions()

    log_in(page, act, "ny.leder")
    guide = page.get_by_role("region", name=re.compile("Kom i gang"))
    guide.wait_for()
    expect(page.get_by_role("link", name="Planlæg møde", exact=True)).to_be_visible()
    shot(page, "start-page-first-meeting.png")
    assert serious_violations(page) == []
    # The one waiting case is already ticked; the time is filled in.
    assert guide.get_by_role("checkbox", name=re.compile("Mor med to børn")).is_checked()
    assert guide.get_by_label("Tidspunkt").input_value()

    act(guide.get_by_role("radio", name="Teamsparring om enkeltsager").check)
    act(guide.get_by_role("button", name="Kør mødet nu").click)
    act(page.get_by_role("button", name="Start møde").click)
    page.get_by_role("button", name="Pause").wait_for()

    print(f"\nfirst-meeting path: {act.count} interactions from login to a running meeting")
    assert errors == []
    assert act.count <= MOST_INTERACTIONS
    meeting = Meeting.objects.get(team=team)
    assert meeting.status == MeetingStatus.RUNNING
    assert meeting.format == Format.objects.builtin().get(key="teamsparring")
    assert meeting.facilitator == leader
    assert set(meeting.participants.all()) == {m.user for m in team.memberships.all()}
    assert meeting.title.startswith("Teamsparring om enkeltsager ")
    case.refresh_from_db()
    assert case.status == CaseStatus.SELECTED and case.meeting == meeting
    # The length is the timetable's: one case of 40 minutes.
    planned = sum(step.planned_seconds for step in meeting.steps.all())
    assert meeting.duration_minutes == planned // 60 == 40


def test_skipping_the_guided_start_is_remembered(new_page, transactional_db):
    fresh_team()
    page = new_page()
    log_in(page, Interactions(), "ny.leder")
    page.get_by_role("button", name="Spring over").click()
    page.get_by_text("Guiden er sprunget over").wait_for()
    page.goto("/")
    assert page.get_by_role("region", name=re.compile("Kom i gang")).count() == 0
    expect(page.get_by_role("link", name="Planlæg møde", exact=True)).to_be_visible()


def test_the_planner_explains_its_formats_and_keeps_length_and_timetable_together(
    new_page, transactional_db
):
    team, leader, _case = fresh_team()
    teamsparring = Format.objects.builtin().get(key="teamsparring")
    # Four past Tuesdays at 13:00 in Mødelokale 2: the team's rhythm and place.
    now = timezone.localtime()
    last_tuesday = now.date() - timedelta(days=(now.weekday() - 1) % 7 or 7)
    for weeks in range(4):
        day = last_tuesday - timedelta(weeks=weeks)
        meeting = services.meeting_plan(
            team=team,
            format=teamsparring,
            title=f"Teammøde {day}",
            starts_at=timezone.make_aware(datetime.combine(day, time(13, 0))),
            place="Mødelokale 2",
            facilitator=leader,
            participants=[leader],
            agenda_titles=[],
        )
        Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.FINISHED)
    page = new_page(1920, 1080)
    errors = console_errors(page)
    act = Interactions()
    log_in(page, act, "ny.leder")
    assert page.get_by_role("region", name=re.compile("Kom i gang")).count() == 0
    shot(page, "start-page.png")
    act(page.get_by_role("link", name="Planlæg møde", exact=True).click)

    next_tuesday = last_tuesday + timedelta(weeks=1)
    if timezone.make_aware(datetime.combine(next_tuesday, time(13, 0))) <= now:
        next_tuesday += timedelta(weeks=1)
    assert page.get_by_label("Tidspunkt").input_value() == f"{next_tuesday:%Y-%m-%d}T13:00"
    assert page.get_by_label("Sted").input_value() == "Mødelokale 2"
    assert page.get_by_role("radio", name="Teamsparring om enkeltsager").is_checked()
    assert page.get_by_role("textbox", name="Titel").input_value() == (
        f"Teamsparring om enkeltsager {next_tuesday:%d.%m.%Y}"
    )
    length = page.locator("#plan-length")
    assert "Mødet varer 40 min, som køreplanen." in length.inner_text()

    # Another format: the title and the timetable follow it.
    act(page.get_by_role("radio", name="Tværfagligt møde").check)
    page.wait_for_function(
        "() => document.querySelector('#plan-length').textContent.includes('30 min')"
    )
    assert page.get_by_role("textbox", name="Titel").input_value().startswith("Tværfagligt møde")
    # A length of its own that the timetable does not fill: the plan says so.
    act(page.get_by_label("Varighed (minutter)").fill, "60")
    page.get_by_label("Varighed (minutter)").blur()
    page.wait_for_function(
        "() => document.querySelector('#plan-length').textContent.includes('sat til 60 min')"
    )
    assert "Køreplanen varer 30 min, men mødet er sat til 60 min." in length.inner_text()
    shot(page, "planner.png")
    assert serious_violations(page) == []
    act(page.get_by_role("button", name="Planlæg møde").click)
    page.get_by_text("Mødet er planlagt.").wait_for()
    assert errors == []
    planned = Meeting.objects.get(team=team, status=MeetingStatus.PLANNED)
    assert planned.title.startswith("Tværfagligt møde")
    assert (planned.duration_minutes, planned.timetable_minutes) == (60, 30)
    assert planned.facilitator == leader and planned.place == "Mødelokale 2"
