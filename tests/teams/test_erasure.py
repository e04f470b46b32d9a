"""Erasure (GDPR art. 17): the site administrator deletes a person's account; what they wrote
stays as the team's, shown as "tidligere medarbejder", every page still renders, their sessions
end, and the audit log keeps that it happened without the person's data."""

from datetime import date, timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone, translation

from cases.models import Case
from learnings.models import LearningPoint
from meetings.models import MeetingStatus, Participation, Step, Turn
from products.models import ProductVersion
from rollups.models import FollowUpAction
from teams.models import (
    FORMER_EMPLOYEE_USERNAME,
    AuditAction,
    AuditEntry,
    Membership,
    SessionOwner,
    User,
)
from teams.personal_data.relations import fields_pointing_at_people
from teams.personal_data.services import former_employee, person_erase
from teams.services import TeamRefused
from tests.conftest import World
from tests.factories import PASSWORD, UserFactory, make_case, make_meeting
from tests.products.conftest import make_product

POINT = "Tjek altid netværket, før vi bevilger"


@pytest.fixture
def admin_user(db) -> User:
    return UserFactory(username="admin", is_superuser=True, is_staff=True)


@pytest.fixture
def history(world: World):
    """The caseworker has brought a case, named a learning point, spoken in a round, owns a
    follow-up and is responsible for a published product; then they leave."""
    caseworker = world.users["caseworker"]
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], caseworker, world.users["caseworker2"]],
        cases=1,
        starts_at=timezone.now() - timedelta(days=1),
    )
    meeting.status = MeetingStatus.FINISHED
    meeting.started_at = meeting.starts_at
    meeting.ended_at = meeting.starts_at + timedelta(hours=1)
    meeting.save()
    case = make_case(meeting=meeting, user=caseworker, title="Mor med to børn")
    LearningPoint.objects.create(team=world.syd, meeting=meeting, author=caseworker, text=POINT)
    step = Step.objects.create(meeting=meeting, position=99, name="Runde", kind="round")
    Turn.objects.create(step=step, user=caseworker, position=0, spoken_seconds=90)
    FollowUpAction.objects.create(
        team=world.syd,
        title="Lav en tjekliste",
        owner=caseworker,
        due_date=date(2026, 6, 1),
        created_by=caseworker,
    )
    product = make_product(world, responsible="caseworker", title="Praktik efter LAB § 42")
    AuditEntry.objects.create(
        at=timezone.now(),
        action=AuditAction.LOGIN,
        actor=caseworker,
        subject=caseworker,
        ip_address="192.0.2.44",
    )
    AccessFailureLog.objects.create(username="caseworker", ip_address="192.0.2.44", user_agent="x")
    AccessLog.objects.create(username="caseworker", ip_address="192.0.2.44", user_agent="x")
    AccessAttempt.objects.create(
        username="caseworker", ip_address="192.0.2.44", user_agent="x", failures_since_start=1
    )
    return {"meeting": meeting, "case": case, "product": product, "step": step}


def erase(client, admin_user, person: User):
    client.force_login(admin_user)
    url = reverse("teams:person_erase", args=[person.pk])
    return client.post(url, {"confirm": person.username})


def test_the_administrator_erases_a_person_and_their_words_stay(
    client, world, admin_user, history, django_capture_on_commit_callbacks
):
    caseworker = world.users["caseworker"]
    pk = caseworker.pk
    with django_capture_on_commit_callbacks(execute=True):
        response = erase(client, admin_user, caseworker)
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:teams_user_changelist")
    assert not User.objects.filter(pk=pk).exists()
    placeholder = User.objects.get(username=FORMER_EMPLOYEE_USERNAME)
    assert not placeholder.is_active
    assert not placeholder.has_usable_password()
    assert not placeholder.memberships.exists()
    assert Case.objects.get(pk=history["case"].pk).submitted_by == placeholder
    assert LearningPoint.objects.get(text=POINT).author == placeholder
    assert Turn.objects.get(step=history["step"]).user == placeholder
    assert FollowUpAction.objects.get().owner == placeholder
    product = history["product"]
    product.refresh_from_db()
    assert product.responsible == placeholder
    assert ProductVersion.objects.get(product=product).responsible_name == "tidligere medarbejder"
    assert not Membership.objects.filter(user_id=pk).exists()
    # No row anywhere still points at the erased person.
    for field in fields_pointing_at_people():
        assert not field.model._base_manager.filter(**{field.attname: pk}).exists(), field


def test_the_erasure_is_in_the_audit_log_without_the_persons_data(
    client, world, admin_user, history, django_capture_on_commit_callbacks
):
    caseworker = world.users["caseworker"]
    pk, name = caseworker.pk, caseworker.display_name
    with django_capture_on_commit_callbacks(execute=True):
        erase(client, admin_user, caseworker)
    entry = AuditEntry.objects.get(action=AuditAction.PERSON_ERASED)
    assert entry.actor == admin_user
    assert entry.subject is None
    assert (entry.target_type.model, entry.target_id) == ("user", pk)
    assert entry.detail["moved"]["learnings.learningpoint.author"] == 1
    stored = repr(list(AuditEntry.objects.values_list()))
    for personal in (name, "caseworker@example.dk", "192.0.2.44", POINT):
        assert personal not in stored
    # Their own earlier entries stay, moved to the placeholder, without the address.
    login = AuditEntry.objects.get(action=AuditAction.LOGIN, actor=former_employee())
    assert login.subject == former_employee()
    assert login.ip_address is None
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        assert not model.objects.filter(username="caseworker").exists()


def test_the_persons_sessions_end(client, world, admin_user):
    from django.test import Client

    theirs = Client()
    signed_in = theirs.post(reverse("login"), {"username": "caseworker", "password": PASSWORD})
    assert signed_in.status_code == 302
    assert SessionOwner.objects.filter(user=world.users["caseworker"]).count() == 1
    key = theirs.session.session_key
    erase(client, admin_user, world.users["caseworker"])
    assert not Session.objects.filter(session_key=key).exists()
    response = theirs.get(reverse("dashboard:home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_the_teams_pages_still_render_and_name_the_former_employee(
    client, world, admin_user, history
):
    name = world.users["caseworker"].display_name
    person_erase(person=world.users["caseworker"], actor=admin_user)
    client.force_login(world.users["leader"])
    meeting, case, product = history["meeting"], history["case"], history["product"]
    pages = [
        reverse("learnings:learning_list", args=[world.syd.slug]),
        reverse("cases:detail", args=[case.pk]),
        reverse("cases:list"),
        reverse("meetings:detail", args=[meeting.pk]),
        reverse("meetings:minutes", args=[meeting.pk]),
        reverse("products:detail", args=[product.pk]),
        reverse("products:version", args=[product.pk, 1]),
        reverse("rollups:action_list"),
        reverse("teams:team_detail", args=[world.syd.slug]),
        reverse("dashboard:home"),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert name not in response.content.decode(), url
    for url in pages[:6]:
        assert "tidligere medarbejder" in client.get(url).content.decode(), url
    assert POINT in client.get(pages[0]).content.decode()


def test_the_former_employee_is_named_in_the_readers_language(world, admin_user):
    person_erase(person=world.users["caseworker"], actor=admin_user)
    placeholder = former_employee()
    assert str(placeholder) == "tidligere medarbejder"
    with translation.override("en"):
        assert str(placeholder) == "former employee"


def test_a_second_erasure_uses_the_same_placeholder_even_in_the_same_round(
    world, admin_user, history
):
    colleague = world.users["caseworker2"]
    Turn.objects.create(step=history["step"], user=colleague, position=1, spoken_seconds=20)
    LearningPoint.objects.create(team=world.syd, author=colleague, text="Kollegaens punkt")
    person_erase(person=world.users["caseworker"], actor=admin_user)
    person_erase(person=colleague, actor=admin_user)
    assert User.objects.filter(username=FORMER_EMPLOYEE_USERNAME).count() == 1
    placeholder = former_employee()
    assert LearningPoint.objects.filter(author=placeholder).count() == 2
    # The round keeps one turn for the placeholder; the second could not be handed on.
    assert list(Turn.objects.filter(step=history["step"]).values_list("user", flat=True)) == [
        placeholder.pk
    ]
    assert Participation.objects.filter(user=placeholder).count() == 1


def test_the_confirmation_page_says_what_will_be_handed_on(client, world, admin_user, history):
    client.force_login(admin_user)
    response = client.get(reverse("teams:person_erase", args=[world.users["caseworker"].pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Sletningen kan ikke fortrydes." in page
    assert "Læringspunkter: 1" in page
    assert "Sager: 1" in page
    assert "Team Syd (Testkommune): Sagsbehandler" in page


def test_a_wrong_username_changes_nothing_and_says_why(client, world, admin_user):
    client.force_login(admin_user)
    caseworker = world.users["caseworker"]
    response = client.post(
        reverse("teams:person_erase", args=[caseworker.pk]), {"confirm": "caseworkr"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Brugernavnet passer ikke. Skriv caseworker for at bekræfte." in page
    assert 'value="caseworkr"' in page
    assert User.objects.filter(pk=caseworker.pk).exists()


def test_the_administrator_cannot_erase_themselves_or_the_placeholder(client, admin_user, world):
    with pytest.raises(TeamRefused):
        person_erase(person=admin_user, actor=admin_user)
    placeholder = former_employee()
    client.force_login(admin_user)
    response = client.post(
        reverse("teams:person_erase", args=[placeholder.pk]),
        {"confirm": FORMER_EMPLOYEE_USERNAME},
    )
    assert response.status_code == 200
    assert "Pladsholderen for tidligere medarbejdere kan ikke slettes." in (
        response.content.decode()
    )
    assert User.objects.filter(pk=placeholder.pk).exists()


def test_an_unknown_person_is_404(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("teams:person_erase", args=[999999])).status_code == 404


def test_the_admins_delete_leads_to_the_erasure(client, world, admin_user):
    client.force_login(admin_user)
    caseworker = world.users["caseworker"]
    response = client.get(reverse("admin:teams_user_delete", args=[caseworker.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("teams:person_erase", args=[caseworker.pk])
    assert client.get("/admin/teams/user/abc/delete/").status_code == 404
    changelist = client.get(reverse("admin:teams_user_changelist")).content.decode()
    assert "delete_selected" not in changelist


def test_the_persons_kept_answers_to_their_forms_go_with_the_account(client, world, admin_user):
    """A double submit's kept answer is the person's own page: deleted, never handed on."""
    from core.models import Submission

    caseworker = world.users["caseworker"]
    Submission.objects.create(
        user=caseworker, key="k" * 64, created_at=timezone.now(), status=302, location="/"
    )
    assert erase(client, admin_user, caseworker).status_code == 302
    assert not Submission.objects.exists()
