"""The audit log: each action writes its entry (on commit, never with a case's text), the page
and its CSV show a reader what they may see, filtered, in a constant number of queries, and
old entries are deleted by their retention."""

import csv
import io
import os
import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from meetings.models import MeetingStatus
from teams import services as team_services
from teams.audit.services import audit_purge, audit_record
from teams.models import AuditAction, AuditEntry, Role, User
from tests.conftest import World
from tests.factories import (
    PASSWORD,
    MembershipFactory,
    OrganisationFactory,
    TeamFactory,
    UserFactory,
    make_case,
    make_meeting,
)

CPH = ZoneInfo("Europe/Copenhagen")
WISH = "Hemmeligt sparringsønske om Anna"
BACKGROUND = "Hemmelig baggrund om Anna"


@pytest.fixture
def recorded(django_capture_on_commit_callbacks):
    """Run what is queued for the commit, as the real commit would: the entries get written."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


@pytest.fixture
def syd_case(world: World) -> Case:
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], world.users["caseworker"]],
        cases=0,
        starts_at=timezone.now() + timedelta(days=7),
    )
    return make_case(
        meeting=meeting,
        user=world.users["caseworker"],
        sparring_wanted=WISH,
        background=BACKGROUND,
    )


def only_entry(action: AuditAction) -> AuditEntry:
    [entry] = AuditEntry.objects.filter(action=action)
    return entry


def assert_no_case_text(entry: AuditEntry, case: Case) -> None:
    stored = repr(list(AuditEntry.objects.filter(pk=entry.pk).values_list()))
    for text in (WISH, BACKGROUND, case.title):
        assert text not in stored


# Writing


def test_an_entry_is_written_on_commit_and_not_on_rollback(world: World):
    leader = world.users["leader"]
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(actor=leader, action=AuditAction.CASE_VIEWED, team=world.syd)
        raise RuntimeError("rolled back")
    assert not AuditEntry.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_entry_waits_for_the_commit(world: World):
    leader = world.users["leader"]
    with transaction.atomic():
        audit_record(actor=leader, action=AuditAction.CASE_VIEWED, team=world.syd)
        assert not AuditEntry.objects.exists()
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.team, entry.organisation) == (
        leader,
        world.syd,
        world.syd.organisation,
    )


def test_viewing_a_case_is_recorded_without_its_text(client, world, syd_case, recorded):
    client.force_login(world.users["leader"])
    response = recorded(lambda: client.get(reverse("cases:detail", args=[syd_case.pk])))
    assert response.status_code == 200
    entry = only_entry(AuditAction.CASE_VIEWED)
    assert entry.actor == world.users["leader"]
    assert (entry.target_type.model, entry.target_id) == ("case", syd_case.pk)
    assert (entry.team, entry.organisation) == (world.syd, world.syd.organisation)
    assert_no_case_text(entry, syd_case)


def test_a_refused_view_of_a_case_is_not_recorded(client, world, syd_case, recorded):
    client.force_login(world.users["other_leader"])
    response = recorded(lambda: client.get(reverse("cases:detail", args=[syd_case.pk])))
    assert response.status_code == 404
    assert not AuditEntry.objects.exists()


def test_opening_a_case_to_edit_is_a_view_and_saving_it_a_change(
    client, world, syd_case, recorded
):
    client.force_login(world.users["caseworker"])
    url = reverse("cases:edit", args=[syd_case.pk])
    recorded(lambda: client.get(url))
    assert only_entry(AuditAction.CASE_VIEWED).actor == world.users["caseworker"]
    data = {
        "meeting": syd_case.meeting_id,
        "title": syd_case.title,
        "sparring_wanted": "Et nyt hemmeligt ønske",
        "sparring_type": syd_case.sparring_type,
        "background": BACKGROUND,
        "timeline_text": "",
        "genogram_text": "",
        "revision": syd_case.revision,
    }
    response = recorded(lambda: client.post(url, data))
    assert response.status_code == 302
    entry = only_entry(AuditAction.CASE_CHANGED)
    assert entry.target_id == syd_case.pk
    assert "sparring_wanted" in entry.detail["fields"]
    assert "Et nyt hemmeligt ønske" not in str(entry.detail)
    assert_no_case_text(entry, syd_case)


def test_submitting_and_withdrawing_a_case_are_recorded(client, world, syd_case, recorded):
    client.force_login(world.users["caseworker"])
    response = recorded(
        lambda: client.post(
            reverse("cases:submit"),
            {
                "meeting": syd_case.meeting_id,
                "title": "Ny sag",
                "sparring_wanted": WISH,
                "sparring_type": "stalled",
                "background": BACKGROUND,
                "timeline_text": "",
                "genogram_text": "",
            },
        )
    )
    assert response.status_code == 302
    new_case = Case.objects.get(title="Ny sag")
    submitted = only_entry(AuditAction.CASE_SUBMITTED)
    assert (submitted.actor, submitted.target_id) == (world.users["caseworker"], new_case.pk)
    assert_no_case_text(submitted, new_case)
    recorded(lambda: client.post(reverse("cases:withdraw", args=[new_case.pk])))
    withdrawn = only_entry(AuditAction.CASE_WITHDRAWN)
    assert (withdrawn.actor, withdrawn.target_id) == (world.users["caseworker"], new_case.pk)


def test_exporting_the_minutes_as_pdf_is_recorded(client, world, recorded):
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"]],
        cases=0,
    )
    meeting.status = MeetingStatus.FINISHED
    meeting.started_at = meeting.ended_at = meeting.starts_at
    meeting.save()
    client.force_login(world.users["caseworker"])
    response = recorded(lambda: client.get(reverse("meetings:minutes_pdf", args=[meeting.pk])))
    assert response["Content-Type"] == "application/pdf"
    entry = only_entry(AuditAction.PDF_EXPORTED)
    assert entry.actor == world.users["caseworker"]
    assert (entry.target_type.model, entry.target_id) == ("meeting", meeting.pk)
    assert entry.detail == {"kind": "minutes"}


def test_exporting_a_rollup_as_pdf_is_recorded(client, world, recorded):
    from learnings.models import LearningPoint
    from rollups.services import rollup_start

    LearningPoint.objects.create(team=world.syd, author=world.users["caseworker"], text="Punkt")
    rollup = rollup_start(team=world.syd, user=world.users["leader"])
    client.force_login(world.users["leader"])
    response = recorded(lambda: client.get(reverse("rollups:rollup_pdf", args=[rollup.pk])))
    assert response["Content-Type"] == "application/pdf"
    entry = only_entry(AuditAction.PDF_EXPORTED)
    assert (entry.target_type.model, entry.target_id) == ("rollup", rollup.pk)
    assert entry.detail == {"kind": "rollup"}
    assert entry.team == world.syd


def test_exporting_a_product_as_pdf_is_recorded(client, world, recorded):
    from tests.products.conftest import make_product

    product = make_product(world)
    client.force_login(world.users["caseworker"])
    response = recorded(lambda: client.get(reverse("products:version_pdf", args=[product.pk, 1])))
    assert response["Content-Type"] == "application/pdf"
    entry = only_entry(AuditAction.PDF_EXPORTED)
    assert (entry.target_type.model, entry.target_id) == ("product", product.pk)
    assert entry.detail == {"kind": "product", "version": 1}
    assert entry.organisation == world.syd.organisation


def test_a_login_and_a_logout_are_recorded_with_the_address(client, world, recorded):
    caseworker = world.users["caseworker"]
    response = recorded(
        lambda: client.post(
            reverse("login"),
            {"username": "caseworker", "password": PASSWORD},
            REMOTE_ADDR="192.0.2.7",
        )
    )
    assert response.status_code == 302
    login = only_entry(AuditAction.LOGIN)
    assert (login.actor, login.subject, login.ip_address) == (caseworker, caseworker, "192.0.2.7")
    recorded(lambda: client.post(reverse("logout"), REMOTE_ADDR="192.0.2.7"))
    logout = only_entry(AuditAction.LOGOUT)
    assert (logout.actor, logout.subject) == (caseworker, caseworker)


def test_a_failed_login_names_the_account_but_never_what_was_typed(client, world, recorded):
    recorded(
        lambda: client.post(
            reverse("login"),
            {"username": "caseworker", "password": "forkert-kode"},
            REMOTE_ADDR="192.0.2.8",
        )
    )
    recorded(
        lambda: client.post(
            reverse("login"),
            {"username": "Hemmelig-kode-i-forkert-felt", "password": "x"},
            REMOTE_ADDR="192.0.2.8",
        )
    )
    known, unknown = AuditEntry.objects.filter(action=AuditAction.LOGIN_FAILED).order_by("pk")
    assert known.subject == world.users["caseworker"]
    assert known.actor is None
    assert known.ip_address == "192.0.2.8"
    assert unknown.subject is None
    assert unknown.detail == {"known_username": False}
    stored = repr(list(AuditEntry.objects.values_list()))
    assert "Hemmelig-kode-i-forkert-felt" not in stored
    assert "forkert-kode" not in stored


def test_membership_and_role_changes_are_recorded(world, recorded):
    leader, newcomer = world.users["leader"], UserFactory(username="ny")
    membership = recorded(
        lambda: team_services.member_add(
            team=world.syd, user=newcomer, role=Role.CASEWORKER, actor=leader
        )
    )
    recorded(
        lambda: team_services.member_update(
            membership=membership, role=Role.COORDINATOR, actor=leader
        )
    )
    recorded(lambda: team_services.member_remove(membership=membership, actor=leader))
    recorded(
        lambda: team_services.member_invite(
            team=world.syd,
            first_name="Ida",
            last_name="Ny",
            email="ida@example.dk",
            role=Role.GUEST,
            invited_by=leader,
        )
    )
    entries = {entry.action: entry for entry in AuditEntry.objects.all()}
    assert set(entries) == {
        AuditAction.MEMBER_ADDED,
        AuditAction.ROLE_CHANGED,
        AuditAction.MEMBER_REMOVED,
        AuditAction.MEMBER_INVITED,
    }
    for entry in entries.values():
        assert (entry.actor, entry.team) == (leader, world.syd)
    assert entries[AuditAction.MEMBER_ADDED].subject == newcomer
    assert entries[AuditAction.ROLE_CHANGED].detail == {
        "from_role": "caseworker",
        "to_role": "coordinator",
    }
    assert entries[AuditAction.MEMBER_REMOVED].detail == {"role": "coordinator"}
    assert entries[AuditAction.MEMBER_INVITED].subject == User.objects.get(
        username="ida@example.dk"
    )


def test_saving_a_member_without_a_new_role_is_no_role_change(world, recorded):
    membership = world.users["caseworker"].memberships.get(team=world.syd)
    recorded(
        lambda: team_services.member_update(
            membership=membership,
            role=Role.CASEWORKER,
            title="Jurist",
            actor=world.users["leader"],
        )
    )
    assert not AuditEntry.objects.filter(action=AuditAction.ROLE_CHANGED).exists()


def test_a_refused_role_change_is_not_recorded(world, recorded):
    membership = world.users["leader"].memberships.get(team=world.syd)
    with pytest.raises(team_services.TeamRefused):
        recorded(
            lambda: team_services.member_update(
                membership=membership, role=Role.CASEWORKER, actor=world.users["leader"]
            )
        )
    assert not AuditEntry.objects.exists()


# Reading: the page


def entry(world: World, *, who="leader", action=AuditAction.CASE_VIEWED, at=None, team=None):
    team = team or world.syd
    return AuditEntry.objects.create(
        at=at or timezone.now(),
        action=action,
        actor=world.users[who],
        team=team,
        organisation=team.organisation,
    )


@pytest.fixture
def admin_user(db) -> User:
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def foreign_entry(world: World) -> AuditEntry:
    """An entry of another organisation, which the department leader never sees."""
    team = TeamFactory(organisation=OrganisationFactory(name="Anden kommune"), slug="fremmed")
    person = MembershipFactory(team=team, user__username="fremmed").user
    return AuditEntry.objects.create(
        at=timezone.now(),
        action=AuditAction.CASE_VIEWED,
        actor=person,
        team=team,
        organisation=team.organisation,
    )


def test_the_department_leader_reads_only_their_organisations_entries(
    client, world, foreign_entry
):
    own = entry(world)
    login = AuditEntry.objects.create(
        at=timezone.now(), action=AuditAction.LOGIN, actor=world.users["leader"]
    )
    client.force_login(world.users["department_leader"])
    response = client.get(reverse("teams:audit_log"))
    assert [row[0] for row in response.context["rows"]] == [own]
    assert login not in [row[0] for row in response.context["rows"]]
    assert "Så en sag" in response.content.decode()


def test_the_site_administrator_reads_every_entry(client, world, admin_user, foreign_entry):
    own = entry(world)
    client.force_login(admin_user)
    response = client.get(reverse("teams:audit_log"))
    assert {row[0] for row in response.context["rows"]} == {own, foreign_entry}


@pytest.mark.parametrize("who", ["leader", "coordinator", "caseworker", "guest", "outsider"])
def test_others_may_not_read_the_log(client, world, who):
    client.force_login(world.users[who])
    assert client.get(reverse("teams:audit_log")).status_code == 403
    assert client.get(reverse("teams:audit_log_csv")).status_code == 403


def test_the_account_page_links_the_log_for_its_readers_only(client, world):
    client.force_login(world.users["department_leader"])
    assert "Adgangslog" in client.get(reverse("teams:account")).content.decode()
    client.force_login(world.users["leader"])
    assert "Adgangslog" not in client.get(reverse("teams:account")).content.decode()


def test_the_log_filters_by_person_and_period(client, world):
    day = datetime(2026, 3, 10, 12, 0, tzinfo=CPH)
    by_leader = entry(world, who="leader", at=day)
    entry(world, who="caseworker", at=day)
    entry(world, who="leader", at=day - timedelta(days=30))
    about_leader = AuditEntry.objects.create(
        at=day,
        action=AuditAction.ROLE_CHANGED,
        actor=world.users["department_leader"],
        subject=world.users["leader"],
        team=world.syd,
        organisation=world.syd.organisation,
    )
    client.force_login(world.users["department_leader"])
    response = client.get(
        reverse("teams:audit_log"),
        {"person": world.users["leader"].pk, "start": "2026-03-01", "end": "2026-03-10"},
    )
    assert {row[0] for row in response.context["rows"]} == {by_leader, about_leader}


def test_a_period_ending_before_it_starts_is_an_error_next_to_the_field(client, world):
    client.force_login(world.users["department_leader"])
    response = client.get(reverse("teams:audit_log"), {"start": "2026-03-10", "end": "2026-03-01"})
    assert response.status_code == 200
    assert "Til-datoen skal ligge efter fra-datoen." in response.content.decode()
    assert 'value="2026-03-10"' in response.content.decode()


@pytest.mark.parametrize("period", [{"start": "0001-01-01"}, {"end": "9999-12-31"}])
def test_a_day_outside_the_years_the_log_keeps_is_an_error_next_to_the_field(
    client, world, period
):
    client.force_login(world.users["department_leader"])
    response = client.get(reverse("teams:audit_log"), period)
    assert response.status_code == 200
    assert "Vælg en dato mellem 01.01.1900 og 31.12.2999." in response.content.decode()
    assert client.get(reverse("teams:audit_log_csv"), period).status_code == 200


def test_a_person_outside_the_readers_organisations_cannot_be_chosen(client, world, foreign_entry):
    client.force_login(world.users["department_leader"])
    response = client.get(reverse("teams:audit_log"), {"person": foreign_entry.actor_id})
    assert "Vælg en person fra listen." in response.content.decode()
    assert foreign_entry not in [row[0] for row in response.context["rows"]]


def test_htmx_gets_the_entries_partial(client, world):
    entry(world)
    client.force_login(world.users["department_leader"])
    response = client.get(reverse("teams:audit_log"), headers={"HX-Request": "true"})
    content = response.content.decode()
    assert content.lstrip().startswith('<section id="entries"')
    assert "<html" not in content
    assert response["Vary"].count("HX-Request") == 1


def count_queries(client, url: str, data=None) -> int:
    from django.db import connection

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, data or {}).status_code == 200
    return len(queries)


def test_the_page_and_the_csv_take_the_same_queries_for_3_and_60_entries(client, world):
    client.force_login(world.users["department_leader"])
    for who in ("leader", "caseworker", "coordinator"):
        entry(world, who=who, action=AuditAction.ROLE_CHANGED)
    client.get(reverse("teams:audit_log"))  # the session's first save happens here
    page_few = count_queries(client, reverse("teams:audit_log"))
    csv_few = count_queries(client, reverse("teams:audit_log_csv"))
    for number in range(57):
        entry(world, who=("leader", "caseworker", "guest")[number % 3])
    assert count_queries(client, reverse("teams:audit_log")) == page_few
    assert count_queries(client, reverse("teams:audit_log_csv")) == csv_few
    assert page_few <= 10


# Reading: the CSV


def read_csv(response) -> list[list[str]]:
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    decoded = text.decode("utf-8")
    assert decoded.startswith("\ufeff")
    return list(csv.reader(io.StringIO(decoded.removeprefix("\ufeff")), delimiter=";"))


def test_the_csv_holds_the_filtered_entries_and_records_its_export(
    client, world, foreign_entry, recorded
):
    MembershipFactory(team=world.syd, user__username="formel", user__first_name="=SUM(A1)")
    formula = User.objects.get(username="formel")
    kept = AuditEntry.objects.create(
        at=datetime(2026, 3, 10, 12, 0, tzinfo=CPH),
        action=AuditAction.ROLE_CHANGED,
        actor=world.users["leader"],
        subject=formula,
        team=world.syd,
        organisation=world.syd.organisation,
        detail={"from_role": "caseworker", "to_role": "coordinator"},
    )
    entry(world, at=datetime(2026, 1, 1, 12, 0, tzinfo=CPH))
    client.force_login(world.users["department_leader"])
    response = recorded(
        lambda: client.get(reverse("teams:audit_log_csv"), {"start": "2026-03-01"})
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = read_csv(response)
    assert header[:3] == ["Tidspunkt", "Handling", "Person"]
    assert rows == [
        [
            "2026-03-10T12:00:00+01:00",
            "Skiftede rolle",
            f"{world.users['leader'].display_name} (leader)",
            f"'=SUM(A1) {formula.last_name} (formel)",
            "Testkommune",
            "Team Syd",
            "",
            "Rolle: Sagsbehandler → Faglig koordinator",
            "",
        ]
    ]
    assert kept.pk
    exported = only_entry(AuditAction.AUDIT_EXPORTED)
    assert exported.actor == world.users["department_leader"]
    assert exported.detail == {"start": "2026-03-01"}


# Retention


def test_reads_go_after_a_year_and_changes_after_five(world, settings):
    settings.TEAMLAERING_AUDIT_READS_DAYS = 365
    settings.TEAMLAERING_AUDIT_CHANGES_DAYS = 1826
    now = timezone.now()
    young_read = entry(world, at=now - timedelta(days=364))
    entry(world, at=now - timedelta(days=366))
    entry(world, action=AuditAction.PDF_EXPORTED, at=now - timedelta(days=366))
    old_change = entry(world, action=AuditAction.MEMBER_ADDED, at=now - timedelta(days=366))
    old_login = entry(world, action=AuditAction.LOGIN, at=now - timedelta(days=1825))
    entry(world, action=AuditAction.ROLE_CHANGED, at=now - timedelta(days=1827))
    assert audit_purge(now=now) == 3
    assert set(AuditEntry.objects.all()) == {young_read, old_change, old_login}


def test_the_retention_periods_come_from_the_environment():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings_test';"
        "django.setup(); from django.conf import settings as s;"
        "print(s.TEAMLAERING_AUDIT_CHANGES_DAYS, s.TEAMLAERING_AUDIT_READS_DAYS,"
        " s.TEAMLAERING_LOGIN_RECORDS_DAYS)"
    )
    env = {
        **os.environ,
        "TEAMLAERING_AUDIT_CHANGES_DAYS": "3650",
        "TEAMLAERING_AUDIT_READS_DAYS": "180",
        "TEAMLAERING_LOGIN_RECORDS_DAYS": "30",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["3650", "180", "30"]
    defaults = {key: value for key, value in env.items() if "_DAYS" not in key}
    out = subprocess.run(
        [sys.executable, "-c", code], env=defaults, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["1826", "365", "90"]


def test_the_log_pages_by_fifty_and_keeps_the_filters(client, world):
    for _number in range(51):
        entry(world, who="leader")
    client.force_login(world.users["department_leader"])
    person = world.users["leader"].pk
    response = client.get(reverse("teams:audit_log"), {"person": person})
    assert len(response.context["rows"]) == 50
    page = response.content.decode()
    assert "Side 1 af 2" in page
    assert f'href="?person={person}&amp;side=2"' in page
    response = client.get(reverse("teams:audit_log"), {"person": person, "side": 2})
    assert len(response.context["rows"]) == 1


def test_member_changes_in_the_admin_are_recorded(client, world, admin_user, recorded):
    memberships = list(world.syd.memberships.order_by("pk"))
    data = {
        "name": world.syd.name,
        "organisation": world.syd.organisation_id,
        "slug": world.syd.slug,
        "case_deadline_working_days": 1,
        "case_deadline_time": "12:00",
        "case_retention_days": 30,
        "meeting_weeks_between": 1,
        "memberships-TOTAL_FORMS": len(memberships),
        "memberships-INITIAL_FORMS": len(memberships),
        "memberships-MIN_NUM_FORMS": 0,
        "memberships-MAX_NUM_FORMS": 1000,
    }
    for number, membership in enumerate(memberships):
        prefix = f"memberships-{number}-"
        role = membership.role
        if membership.user == world.users["caseworker"]:
            role = Role.COORDINATOR
        data |= {
            f"{prefix}id": membership.pk,
            f"{prefix}team": world.syd.pk,
            f"{prefix}user": membership.user_id,
            f"{prefix}role": role,
            f"{prefix}title": membership.title,
        }
        if membership.user == world.users["caseworker2"]:
            data[f"{prefix}DELETE"] = "on"
    client.force_login(admin_user)
    response = recorded(
        lambda: client.post(reverse("admin:teams_team_change", args=[world.syd.pk]), data)
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    changed = only_entry(AuditAction.ROLE_CHANGED)
    assert (changed.actor, changed.subject) == (admin_user, world.users["caseworker"])
    assert changed.detail == {"from_role": "caseworker", "to_role": "coordinator"}
    removed = only_entry(AuditAction.MEMBER_REMOVED)
    assert removed.subject == world.users["caseworker2"]
    assert removed.detail == {"role": "caseworker"}


def _admin_user_form(admin_client, user: User, **changes: str) -> dict:
    """The admin's change form of `user` as it stands, with `changes`; an unticked box is
    left out, as a browser leaves it out."""
    page = admin_client.get(reverse("admin:teams_user_change", args=[user.pk]))
    data = {
        key: value
        for key, value in page.context["adminform"].form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data |= {
        "username": user.username,
        "language": "da",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
        "last_login_0": "",
        "last_login_1": "",
        "is_active": "on" if user.is_active else "",
        "is_staff": "on" if user.is_staff else "",
        "is_superuser": "on" if user.is_superuser else "",
    }
    data |= changes
    return {key: value for key, value in data.items() if value != ""}


def test_deactivating_and_staff_flags_in_the_admin_are_recorded(
    world, admin_client, admin_user, recorded
):
    user = world.users["caseworker"]
    url = reverse("admin:teams_user_change", args=[user.pk])
    response = recorded(lambda: admin_client.post(url, _admin_user_form(admin_client, user)))
    assert response.status_code == 302
    assert not AuditEntry.objects.filter(action=AuditAction.ACCOUNT_CHANGED).exists()
    recorded(lambda: admin_client.post(url, _admin_user_form(admin_client, user, is_active="")))
    deactivated = only_entry(AuditAction.ACCOUNT_CHANGED)
    assert (deactivated.actor, deactivated.subject) == (admin_user, user)
    assert deactivated.detail == {"is_active": False}
    user.refresh_from_db()
    recorded(
        lambda: admin_client.post(
            url, _admin_user_form(admin_client, user, is_active="on", is_staff="on")
        )
    )
    changed = AuditEntry.objects.filter(action=AuditAction.ACCOUNT_CHANGED).latest("pk")
    assert changed.detail == {"is_active": True, "is_staff": True}
    page = admin_client.get(reverse("teams:audit_log")).content.decode()
    assert "Ændrede en persons adgang" in page
    assert "Aktiv: nej" in page and "Administrator: ja" in page


def test_the_meeting_screens_record_that_the_participants_were_shown_the_case(world, recorded):
    from cases.models import Case
    from meetings import services as meeting_services
    from tests.factories import make_format

    leader, caseworker = world.users["leader"], world.users["caseworker"]
    meeting = make_meeting(
        team=world.syd,
        facilitator=leader,
        participants=[leader, caseworker],
        format=make_format(
            key="audit-screens",
            phases=[
                ("Præsentation", "presentation", 5, True),
                ("Refleksion", "reflection", 5, True),
            ],
        ),
    )
    case = make_case(meeting=meeting, user=caseworker, sparring_wanted=WISH)
    Case.objects.filter(pk=case.pk).update(agenda_item=meeting.agenda_items.get())

    def step(action):
        meeting.refresh_from_db()
        recorded(lambda: action(meeting_id=meeting.pk, version=meeting.version))

    step(meeting_services.meeting_start)
    step(meeting_services.meeting_next_phase)
    step(meeting_services.meeting_previous_phase)
    entries = AuditEntry.objects.filter(action=AuditAction.CASE_VIEWED)
    assert sorted(entry.actor.username for entry in entries) == ["caseworker", "leader"]
    for entry in entries:
        assert entry.target_id == case.pk and entry.detail == {"meeting": meeting.pk}
        assert entry.team == world.syd
        assert_no_case_text(entry, case)
