"""A member removed from the team: what they wrote stays, with their name or as "tidligere
medarbejder" as the team has decided (Team.former_members_named), on every page and PDF of the
team; their other teams and the audit log keep their name."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from core.pdf import layout_html
from learnings.models import LearningPoint
from meetings.minutes.document import pdf_arguments
from meetings.minutes.selectors import minutes_for
from meetings.models import MeetingStatus
from products.models import Product, ProductVersion
from rollups.models import FollowUpAction, Rollup, RollupComment
from teams import services
from teams.models import FORMER_EMPLOYEE_USERNAME, AuditAction, AuditEntry, Membership, Role
from tests.conftest import World
from tests.factories import MembershipFactory, UserFactory, make_case, make_meeting
from tests.products.conftest import make_product

POINT = "Spørg altid til netværket"
ELSEWHERE = "Nord skriver vi også ned"
COMMENT = "Godt fulgt op"


@pytest.fixture
def history(world: World):
    """The caseworker (in Nord too) brought a case, named a learning point, commented on a
    rollup, owns a follow-up and is responsible for a published product in Syd."""
    caseworker = world.users["caseworker"]
    MembershipFactory(team=world.nord, user=caseworker, role=Role.CASEWORKER)
    caseworker.first_name, caseworker.last_name = "Karen", "Kofoed"
    caseworker.save()
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], caseworker],
        starts_at=timezone.now() - timedelta(days=1),
    )
    meeting.status = MeetingStatus.FINISHED
    meeting.save()
    make_case(meeting=meeting, user=caseworker)
    LearningPoint.objects.create(team=world.syd, meeting=meeting, author=caseworker, text=POINT)
    LearningPoint.objects.create(team=world.nord, author=caseworker, text=ELSEWHERE)
    today = timezone.localdate()
    rollup = Rollup.objects.create(
        team=world.syd,
        period_start=today - timedelta(days=30),
        period_end=today,
        created_by=world.users["leader"],
    )
    RollupComment.objects.create(rollup=rollup, author=caseworker, text=COMMENT)
    FollowUpAction.objects.create(
        team=world.syd,
        title="Tjekliste",
        owner=caseworker,
        due_date=timezone.localdate(),
        created_by=world.users["leader"],
    )
    product = make_product(world, responsible="caseworker")
    return {"meeting": meeting, "rollup": rollup, "product": product}


def remove(world: World, who: str = "caseworker") -> None:
    membership = Membership.objects.get(team=world.syd, user=world.users[who])
    services.member_remove(membership=membership, actor=world.users["leader"])


def pages(client, world: World, history) -> str:
    client.force_login(world.users["leader"])
    urls = [
        reverse("learnings:learning_list", args=[world.syd.slug]),
        reverse("meetings:minutes", args=[history["meeting"].pk]),
        reverse("rollups:rollup_detail", args=[history["rollup"].pk]),
    ]
    html = "".join(client.get(url).content.decode() for url in urls)
    pdf = pdf_arguments(minutes_for(meeting=history["meeting"]))
    return html + layout_html(pdf["template_name"], pdf["context"])


def test_by_default_a_removed_members_words_keep_their_name(client, world, history):
    remove(world)
    html = pages(client, world, history)
    assert POINT in html and COMMENT in html
    assert "Karen Kofoed" in html
    assert "tidligere medarbejder" not in html
    assert LearningPoint.objects.get(text=POINT).author == world.users["caseworker"]


def test_a_team_without_names_shows_the_removed_member_as_former_employee_everywhere(
    client, world, history
):
    world.syd.former_members_named = False
    world.syd.save()
    remove(world)

    html = pages(client, world, history)
    assert POINT in html and COMMENT in html
    assert "Karen Kofoed" not in html
    assert "tidligere medarbejder" in html
    caseworker = world.users["caseworker"]
    assert LearningPoint.objects.get(text=POINT).author.username == FORMER_EMPLOYEE_USERNAME
    assert Case.objects.get().submitted_by.username == FORMER_EMPLOYEE_USERNAME
    assert FollowUpAction.objects.get().owner.username == FORMER_EMPLOYEE_USERNAME
    product = Product.objects.get(pk=history["product"].pk)
    assert product.responsible.username == FORMER_EMPLOYEE_USERNAME
    assert ProductVersion.objects.get(product=product).responsible_name == FORMER_EMPLOYEE_USERNAME
    # Nord keeps their name, and they keep their account.
    assert LearningPoint.objects.get(text=ELSEWHERE).author == caseworker
    assert caseworker.memberships.get().team == world.nord


def test_the_audit_log_keeps_who_did_what(world, history, django_capture_on_commit_callbacks):
    world.syd.former_members_named = False
    world.syd.save()
    caseworker = world.users["caseworker"]
    AuditEntry.objects.create(
        at=timezone.now(), action=AuditAction.CASE_SUBMITTED, actor=caseworker, team=world.syd
    )
    with django_capture_on_commit_callbacks(execute=True):
        remove(world)
    assert AuditEntry.objects.get(action=AuditAction.CASE_SUBMITTED).actor == caseworker
    removed = AuditEntry.objects.get(action=AuditAction.MEMBER_REMOVED)
    assert removed.subject == caseworker
    assert removed.detail["moved"]["learnings.learningpoint.author"] == 1


def test_the_leader_sets_it_on_the_team_page_and_the_removal_says_what_happens(client, world):
    client.force_login(world.users["leader"])
    url = reverse("teams:team_detail", args=[world.syd.slug])
    page = client.get(url).content.decode()
    assert "Vis navnet på tidligere medlemmer" in page
    assert "bliver og står med personens navn" in page
    response = client.post(
        reverse("teams:team_settings", args=[world.syd.slug]),
        {
            "settings-case_deadline_working_days": "1",
            "settings-case_deadline_time": "12:00",
            "settings-case_retention_days": "30",
        },
    )
    assert response.status_code == 302
    world.syd.refresh_from_db()
    assert world.syd.former_members_named is False
    assert "bliver og står som »tidligere medarbejder«" in client.get(url).content.decode()

    membership = Membership.objects.get(team=world.syd, user=world.users["caseworker2"])
    response = client.post(
        reverse("teams:member_remove", args=[world.syd.slug, membership.pk]), follow=True
    )
    assert "står nu som »tidligere medarbejder«" in response.content.decode()


def test_a_removal_in_the_admin_follows_the_team_too(client, world, history):
    """The site administrator removes the member in the team's admin page, where the team's
    setting is a box too: unticked, their words go to "tidligere medarbejder"."""
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
        data |= {
            f"{prefix}id": membership.pk,
            f"{prefix}team": world.syd.pk,
            f"{prefix}user": membership.user_id,
            f"{prefix}role": membership.role,
            f"{prefix}title": membership.title,
        }
        if membership.user == world.users["caseworker"]:
            data[f"{prefix}DELETE"] = "on"
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    response = client.post(reverse("admin:teams_team_change", args=[world.syd.pk]), data)
    assert response.status_code == 302
    assert LearningPoint.objects.get(text=POINT).author.username == FORMER_EMPLOYEE_USERNAME
    assert LearningPoint.objects.get(text=ELSEWHERE).author == world.users["caseworker"]
