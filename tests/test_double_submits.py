"""Every form that creates something makes one object when it is sent twice with its one-time
token (a double click, a resend), and the second answer is the first's (core/submits.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from learnings.models import LearningPoint, Theme
from meetings.models import Format, Meeting
from products.models import Product
from rollups.models import FollowUpAction, Rollup, RollupComment
from teams.models import Membership, Team, User
from tests.conftest import World
from tests.factories import MembershipFactory, UserFactory, make_format, make_meeting

HX = {"HX-Request": "true"}
TOKEN = re.compile(r'name="submit_token" value="([0-9a-f]{32})"')


def token_of(html: str, action: str) -> str:
    """The one-time token of the form posting to `action` on the page (a form without an
    action posts to the page itself)."""
    for form in re.finditer(r"<form\b[^>]*>", html):
        posts_to = re.search(r'action="([^"]*)"', form.group(0))
        if posts_to is None or posts_to.group(1) == action:
            match = TOKEN.search(html, form.end(), html.index("</form>", form.end()))
            if match is not None:
                return match.group(1)
    raise AssertionError(f"no token in a form posting to {action}")


@dataclass
class Form:
    """A form that creates: who sends it where, from which page, and what it makes."""

    who: str
    url: str
    page: str
    data: dict
    count: Callable[[], int]
    htmx: bool = False
    extra: dict = field(default_factory=dict)


def control(client: Client, meeting: Meeting, action: str) -> None:
    fresh = Meeting.objects.get(pk=meeting.pk)
    client.post(
        reverse("meetings:action", args=[meeting.pk]), {"action": action, "version": fresh.version}
    )


def running(world: World, *, steps: int) -> Meeting:
    """Team Syd's meeting, started by its leader and moved `steps` on (1: reflection, 2: the
    round, 3: the summary)."""
    users = world.users
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"], users["caseworker2"]],
        cases=1,
    )
    client = Client()
    client.force_login(users["leader"])
    control(client, meeting, "start")
    for _step in range(steps):
        control(client, meeting, "next")
    return meeting


def case_submit(world: World) -> Form:
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"]],
        cases=0,
        starts_at=timezone.now() + timedelta(days=7),
    )
    url = reverse("cases:submit")
    data = {
        "meeting": meeting.pk,
        "title": "Mor med to børn",
        "sparring_wanted": "Hvordan kommer vi videre?",
        "sparring_type": "stalled",
        "background": "Familien har haft kontakt til kommunen i to år.",
    }
    return Form("caseworker", url, url, data, Case.objects.count)


def follow_up(world: World, *, htmx: bool) -> Form:
    meeting = running(world, steps=3)
    return Form(
        "leader",
        reverse("rollups:follow_up_add", args=[meeting.pk]),
        reverse("meetings:control", args=[meeting.pk]),
        {
            "title": "Ring til skolen",
            "owner": world.users["caseworker"].pk,
            "due_date": (timezone.localdate() + timedelta(days=14)).isoformat(),
        },
        FollowUpAction.objects.count,
        htmx=htmx,
    )


def action_create(world: World) -> Form:
    return Form(
        "leader",
        reverse("rollups:action_create"),
        reverse("rollups:action_list"),
        {
            "team": world.syd.pk,
            "title": "Ny skabelon til underretninger",
            "owner": world.users["caseworker"].pk,
            "due_date": (timezone.localdate() + timedelta(days=14)).isoformat(),
        },
        FollowUpAction.objects.count,
    )


def learning_point(world: World, *, htmx: bool) -> Form:
    meeting = running(world, steps=2)
    return Form(
        "caseworker",
        reverse("learnings:meeting_point_add", args=[meeting.pk]),
        reverse("meetings:participant", args=[meeting.pk]),
        {"text": "Ring til skolen først.", "mode": "participant"},
        LearningPoint.objects.count,
        htmx=htmx,
    )


def leader_summary(world: World) -> Form:
    meeting = running(world, steps=3)
    return Form(
        "leader",
        reverse("learnings:meeting_summary_add", args=[meeting.pk]),
        reverse("meetings:control", args=[meeting.pk]),
        {"text": "Vi tager skolen med tidligt.", "changes_practice": "ja", "mode": "control"},
        LearningPoint.objects.count,
        htmx=True,
    )


def theme_create(world: World) -> Form:
    url = reverse("learnings:themes", args=[world.syd.slug])
    return Form("leader", url, url, {"name": "Skolefravær"}, Theme.objects.count)


def product_create(world: World) -> Form:
    url = reverse("products:create")
    data = {
        "kind": "guideline",
        "title": "Virksomhedspraktik",
        "place": f"team:{world.syd.pk}",
        "responsible": world.users["coordinator"].pk,
        "themes": "",
    }
    return Form("leader", url, url, data, Product.objects.count)


def meeting_plan(world: World) -> Form:
    url = reverse("meetings:plan", args=[world.syd.slug])
    data = {
        "format": Format.objects.builtin().get(key="teamsparring").pk,
        "title": "",
        "title_auto": "",
        "starts_at": "2030-01-08T13:00",
        "place": "",
        "duration_minutes": "",
        "facilitator": world.users["leader"].pk,
        "participants": [world.users["leader"].pk, world.users["caseworker"].pk],
        "agenda": "",
    }
    return Form("leader", url, url, data, Meeting.objects.count)


def format_copy_form(world: World) -> Form:
    builtin = make_format(key="test-sparring")
    return Form(
        "leader",
        reverse("meetings:format_copy", args=[world.syd.slug, builtin.pk]),
        reverse("meetings:format_detail", args=[world.syd.slug, builtin.pk]),
        {},
        Format.objects.count,
    )


def with_a_point(world: World) -> None:
    """A learning point of Team Syd from three days ago: something to sum up."""
    point = LearningPoint.objects.create(
        team=world.syd, author=world.users["caseworker"], text="Ring til skolen først."
    )
    LearningPoint.objects.filter(pk=point.pk).update(created_at=timezone.now() - timedelta(days=3))


def rollup_start(world: World) -> Form:
    with_a_point(world)
    url = reverse("rollups:rollup_start", args=[world.syd.slug])
    today = timezone.localdate()
    data = {
        "period_start": (today - timedelta(days=60)).isoformat(),
        "period_end": today.isoformat(),
    }
    return Form("leader", url, url, data, Rollup.objects.count)


def rollup_comment(world: World) -> Form:
    from rollups import services

    with_a_point(world)
    rollup = services.rollup_start(
        team=world.syd,
        user=world.users["leader"],
        period_start=timezone.localdate() - timedelta(days=60),
        period_end=timezone.localdate(),
    )
    return Form(
        "leader",
        reverse("rollups:rollup_comment", args=[rollup.pk]),
        reverse("rollups:rollup_detail", args=[rollup.pk]),
        {"text": "Godt set."},
        RollupComment.objects.count,
    )


def team_create(world: World) -> Form:
    url = reverse("teams:team_create")
    data = {
        "organisation": world.syd.organisation_id,
        "name": "Team Øst",
        "leader_first_name": "Ole",
        "leader_email": "ole@example.dk",
    }
    return Form("department_leader", url, url, data, Team.objects.count)


def member_add(world: World) -> Form:
    newcomer = UserFactory(username="newcomer")
    newcomer.organisation = world.syd.organisation
    newcomer.save()
    MembershipFactory(team=world.nord, user=newcomer)
    return Form(
        "leader",
        reverse("teams:member_add", args=[world.syd.slug]),
        reverse("teams:team_detail", args=[world.syd.slug]),
        {"add-user": newcomer.pk, "add-role": "caseworker", "add-title": ""},
        Membership.objects.count,
    )


def member_invite(world: World) -> Form:
    return Form(
        "leader",
        reverse("teams:member_invite", args=[world.syd.slug]),
        reverse("teams:team_detail", args=[world.syd.slug]),
        {
            "invite-first_name": "Nina",
            "invite-email": "nina@example.dk",
            "invite-role": "caseworker",
        },
        User.objects.count,
    )


def first_meeting(world: World) -> Form:
    return Form(
        "leader",
        reverse("dashboard:first_meeting", args=[world.syd.slug]),
        reverse("dashboard:home"),
        {
            "format": Format.objects.builtin().get(key="teamsparring").pk,
            "starts_at": "2030-01-08T13:00",
            "when": "plan",
        },
        Meeting.objects.count,
    )


def rollup_decide(world: World, *, htmx: bool) -> Form:
    """ "Ændre praksis" with a product's draft started: one draft, one follow-up."""
    from learnings.models import Decision
    from rollups import services

    with_a_point(world)
    rollup = services.rollup_start(team=world.syd, user=world.users["leader"])
    item = rollup.items.get()
    return Form(
        "leader",
        reverse("rollups:rollup_decide", args=[rollup.pk, item.pk]),
        reverse("rollups:rollup_detail", args=[rollup.pk]),
        {
            f"item-{item.pk}-decision": Decision.CHANGE,
            f"item-{item.pk}-justification": "Vi skriver en retningslinje.",
            f"item-{item.pk}-owner": world.users["coordinator"].pk,
            f"item-{item.pk}-due_date": "2030-01-01",
            f"item-{item.pk}-product_draft": "on",
        },
        Product.objects.count,
        htmx=htmx,
    )


def visit_plan(world: World) -> Form:
    from visits.models import Visit

    url = reverse("visits:plan", args=[world.syd.slug])
    data = {
        "agent": world.users["caseworker"].pk,
        "colleague": world.users["caseworker2"].pk,
        "date": (timezone.localdate() + timedelta(days=5)).isoformat(),
        "length": "whole",
    }
    return Form("caseworker", url, url, data, Visit.objects.count)


def visit_learning_meeting(world: World) -> Form:
    """The learning meeting after a visit: its three agreed points become learning points."""
    from tests.factories import make_visit

    visit = make_visit(
        team=world.syd,
        agent=world.users["caseworker"],
        colleague=world.users["leader"],
        checked_in=True,
    )
    url = reverse("visits:close", args=[visit.pk])
    data = {
        "agent_seen": "En samtale om praktik.",
        "agent_worked": "Den rolige start.",
        "agent_differently": "Skriv aftalen ned.",
        "colleague_experience": "Godt.",
        "colleague_thoughts": "Forberedelse betyder meget.",
        "point_1": "Start samtalen med borgerens mål.",
        "point_2": "Aftal næste skridt skriftligt.",
        "point_3": "Brug tavlen til tidslinjen.",
    }
    return Form("leader", url, url, data, lambda: LearningPoint.objects.count() // 3)


def groups_propose(world: World) -> Form:
    """Proposing groups replaces the meeting's groups: each proposal raises its version once."""
    from tests.meetings.groups.conftest import theme_meeting

    meeting = theme_meeting(world)
    return Form(
        "leader",
        reverse("meetings:groups_propose", args=[meeting.pk]),
        reverse("meetings:groups", args=[meeting.pk]),
        {"groups": "2"},
        lambda: Meeting.objects.get(pk=meeting.pk).version,
    )


FORMS: dict[str, Callable[[World], Form]] = {
    "case_submit": case_submit,
    "follow_up": lambda world: follow_up(world, htmx=False),
    "follow_up_htmx": lambda world: follow_up(world, htmx=True),
    "action_create": action_create,
    "learning_point": lambda world: learning_point(world, htmx=False),
    "learning_point_htmx": lambda world: learning_point(world, htmx=True),
    "leader_summary": leader_summary,
    "theme_create": theme_create,
    "product_create": product_create,
    "meeting_plan": meeting_plan,
    "format_copy": format_copy_form,
    "rollup_start": rollup_start,
    "rollup_comment": rollup_comment,
    "team_create": team_create,
    "member_add": member_add,
    "member_invite": member_invite,
    "first_meeting": first_meeting,
    "rollup_decide": lambda world: rollup_decide(world, htmx=False),
    "rollup_decide_htmx": lambda world: rollup_decide(world, htmx=True),
    "visit_plan": visit_plan,
    "visit_learning_meeting": visit_learning_meeting,
    "groups_propose": groups_propose,
}


def sent(client: Client, form: Form, token: str):
    data = {**form.data, "submit_token": token}
    return client.post(form.url, data, headers=HX if form.htmx else {})


@pytest.mark.parametrize("name", FORMS)
def test_a_double_submit_makes_one_object_and_answers_alike(client, world: World, name):
    form = FORMS[name](world)
    client.force_login(world.users[form.who])
    token = token_of(client.get(form.page).content.decode(), form.url)
    before = form.count()
    first = sent(client, form, token)
    assert first.status_code in (200, 302), first.content.decode()[:2000]
    assert form.count() == before + 1
    second = sent(client, form, token)
    assert form.count() == before + 1
    assert second.status_code == first.status_code
    assert second.get("Location") == first.get("Location")
    if first.status_code == 200:
        assert second.content == first.content


@pytest.mark.parametrize("name", ["case_submit", "follow_up_htmx", "learning_point_htmx"])
def test_the_same_token_of_another_person_is_their_own_submit(client, world: World, name):
    form = FORMS[name](world)
    client.force_login(world.users[form.who])
    token = token_of(client.get(form.page).content.decode(), form.url)
    before = form.count()
    sent(client, form, token)
    colleague = {"caseworker": "caseworker2", "leader": "coordinator"}[form.who]
    other = Client()
    other.force_login(world.users[colleague])
    response = sent(other, form, token)
    assert response.status_code in (200, 302)
    assert form.count() == before + 2


def test_a_changed_form_sent_again_with_its_token_is_a_new_case(client, world: World):
    """Back to the form, another case typed in: a new case, not the first one's answer."""
    form = case_submit(world)
    client.force_login(world.users[form.who])
    token = token_of(client.get(form.page).content.decode(), form.url)
    first = sent(client, form, token)
    form.data["title"] = "Far og barn: boligsag"
    second = sent(client, form, token)
    assert Case.objects.count() == 2
    assert second["Location"] != first["Location"]


@pytest.mark.parametrize("token", ["", "ikke-et-token", "²³", "\x00", "a" * 5000, "\uff10" * 32])
def test_a_missing_or_odd_token_is_a_fresh_submit(client, world: World, token):
    form = case_submit(world)
    client.force_login(world.users[form.who])
    for _time in range(2):
        assert sent(client, form, token).status_code == 302
    assert Case.objects.count() == 2


def test_a_refused_submit_is_not_kept_and_can_be_sent_again(client, world: World):
    form = case_submit(world)
    client.force_login(world.users[form.who])
    token = token_of(client.get(form.page).content.decode(), form.url)
    form.data["background"] = "Mor oplyste 010190-1234."
    for _time in range(2):
        response = sent(client, form, token)
        assert response.status_code == 200
        assert "CPR-nummer" in response.content.decode()
    assert not Case.objects.exists()


def test_a_double_submit_of_indsend_sag_makes_one_case_and_lands_on_it(client, world: World):
    form = case_submit(world)
    client.force_login(world.users["caseworker"])
    token = token_of(client.get(form.page).content.decode(), form.url)
    first = sent(client, form, token)
    second = sent(client, form, token)
    case = Case.objects.get()
    assert first["Location"] == second["Location"] == reverse("cases:detail", args=[case.pk])
    page = client.get(second["Location"]).content.decode()
    assert "Mor med to børn" in page


def test_a_repeat_runs_nothing_of_the_view(client, world: World, django_assert_num_queries):
    """The repeat reads the session and the user, tries its claim (a savepoint around the
    insert, inside the request's transaction) and reads the first's answer: nothing else."""
    form = case_submit(world)
    client.force_login(world.users["caseworker"])
    token = token_of(client.get(form.page).content.decode(), form.url)
    sent(client, form, token)
    with django_assert_num_queries(9):
        sent(client, form, token)


def test_the_daily_job_forgets_old_answers(client, world: World):
    from core.models import Submission
    from core.submits import submissions_purge

    form = case_submit(world)
    client.force_login(world.users["caseworker"])
    sent(client, form, token_of(client.get(form.page).content.decode(), form.url))
    assert Submission.objects.count() == 1
    assert submissions_purge(now=timezone.now() + timedelta(hours=23)) == 0
    assert submissions_purge(now=timezone.now() + timedelta(days=2)) == 1
    assert not Submission.objects.exists()


def rotation_ask(world: World) -> Form:
    make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"]],
        cases=0,
        starts_at=timezone.now() + timedelta(days=7),
    )
    return Form(
        "leader",
        reverse("cases:rotation_ask", args=[world.syd.slug]),
        reverse("cases:rotation", args=[world.syd.slug]),
        {"user": world.users["caseworker2"].pk},
        lambda: 0,
    )


def invitation_resend(world: World) -> Form:
    from teams import services

    membership = services.member_invite(
        team=world.syd,
        first_name="Nina",
        last_name="Holm",
        email="nina@example.dk",
        role="caseworker",
        invited_by=world.users["leader"],
    )
    return Form(
        "leader",
        reverse("teams:invitation_resend", args=[world.syd.slug, membership.pk]),
        reverse("teams:team_detail", args=[world.syd.slug]),
        {},
        lambda: 0,
    )


@pytest.mark.parametrize(
    "make", [rotation_ask, invitation_resend, member_invite], ids=lambda make: make.__name__
)
def test_a_form_that_sends_an_email_sends_it_once_when_sent_twice(
    client, world: World, make, mailoutbox, django_capture_on_commit_callbacks
):
    form = make(world)
    mailoutbox.clear()
    client.force_login(world.users[form.who])
    token = token_of(client.get(form.page).content.decode(), form.url)
    with django_capture_on_commit_callbacks(execute=True):
        first = sent(client, form, token)
        second = sent(client, form, token)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert len(mailoutbox) == 1


class _FormReader(HTMLParser):
    """The fields of the form posting to `action`, as the browser would send them unchanged."""

    def __init__(self, action: str) -> None:
        super().__init__(convert_charrefs=True)
        self.action = action
        self.inside = False
        self.data: list[tuple[str, str]] = []
        self._textarea: str | None = None
        self._select: str | None = None
        self._options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.inside = attr.get("action", self.action) == self.action
        if not self.inside or ("name" not in attr and tag != "option"):
            return
        if tag == "input" and attr.get("type") not in ("submit", "button"):
            if attr.get("type") not in ("checkbox", "radio") or "checked" in attr:
                self.data.append((attr["name"], attr.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = attr["name"], ""
        elif tag == "select":
            self._select, self._options = attr["name"], []
        elif tag == "option" and self._select is not None:
            self._options.append((attr.get("value", ""), "selected" in attr))

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self._textarea is not None:
            self.data.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            chosen = [value for value, selected in self._options if selected]
            self.data += [(self._select, value) for value in chosen or self._options[:1][0][:1]]
            self._select = None


def form_fields(html: str, action: str) -> dict[str, list[str]]:
    reader = _FormReader(action)
    reader.feed(html)
    fields: dict[str, list[str]] = {}
    for name, value in reader.data:
        fields.setdefault(name, []).append(value)
    return fields


@dataclass
class Editor:
    """A form that saves under optimistic locking: where it is, what to change, and the
    revision it raises."""

    who: str
    url: str
    change: dict
    revision: Callable[[], int]
    after: str = ""


def case_editor(world: World) -> Editor:
    form = case_submit(world)
    case = make_case_for(world, form.data["meeting"])
    return Editor(
        "caseworker",
        reverse("cases:edit", args=[case.pk]),
        {"background": "Ny baggrund."},
        lambda: Case.objects.get(pk=case.pk).revision,
    )


def make_case_for(world: World, meeting_id: int) -> Case:
    from tests.factories import make_case

    return make_case(
        meeting=Meeting.objects.get(pk=meeting_id),
        user=world.users["caseworker"],
        timeline=[],
        genogram=[],
    )


def point_editor(world: World) -> Editor:
    point = LearningPoint.objects.create(
        team=world.syd, author=world.users["caseworker"], text="Første udgave"
    )
    return Editor(
        "caseworker",
        reverse("learnings:point_edit", args=[point.pk]),
        {"text": "Anden udgave"},
        lambda: LearningPoint.objects.get(pk=point.pk).revision,
    )


def draft_editor(world: World) -> Editor:
    from products import services

    product = services.product_create(
        organisation=world.syd.organisation,
        team=world.syd,
        kind="guideline",
        title="Virksomhedspraktik",
        responsible=world.users["coordinator"],
        created_by=world.users["coordinator"],
    )
    return Editor(
        "coordinator",
        reverse("products:edit", args=[product.pk]),
        {"title": "Virksomhedspraktik efter LAB § 42"},
        lambda: Product.objects.get(pk=product.pk).draft_revision,
    )


def publisher(world: World) -> Editor:
    draft_editor(world)
    product = Product.objects.get()
    return Editor(
        "coordinator",
        reverse("products:publish", args=[product.pk]),
        {"change_note": "Første udgave."},
        lambda: product.versions.count(),
        after=reverse("products:draft", args=[product.pk]),
    )


def group_notes_editor(world: World) -> Editor:
    from meetings.groups.models import BreakoutGroup
    from tests.test_authorization_matrix import _breakout_group, _grouped_meeting

    meeting, group = _grouped_meeting(world), _breakout_group(world)
    return Editor(
        "caseworker",
        reverse("meetings:group_notes", args=[meeting.pk, group.pk]),
        {"notes": "Praktik virker, når virksomheden er med."},
        lambda: BreakoutGroup.objects.get(pk=group.pk).revision,
        after=reverse("meetings:participant", args=[meeting.pk]),
    )


EDITORS = {
    "case": case_editor,
    "learning_point": point_editor,
    "product_draft": draft_editor,
    "product_publish": publisher,
    "group_notes": group_notes_editor,
}


@pytest.mark.parametrize("name", EDITORS)
def test_a_double_click_on_save_saves_once_and_is_not_refused_as_stale(client, world: World, name):
    """Without the token the second post would be based on the revision the first raised:
    refused, by the person themselves."""
    editor = EDITORS[name](world)
    client.force_login(world.users[editor.who])
    page = editor.after or editor.url
    data = form_fields(client.get(page).content.decode(), editor.url) | {
        key: [value] for key, value in editor.change.items()
    }
    assert data.get("submit_token"), "the form carries its one-time token"
    before = editor.revision()
    first = client.post(editor.url, data)
    second = client.post(editor.url, data)
    assert first.status_code == second.status_code == 302, second.content.decode()[:3000]
    assert second["Location"] == first["Location"]
    assert editor.revision() == before + 1
