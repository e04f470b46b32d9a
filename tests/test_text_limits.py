"""Every free text in every form has a limit the person is told about next to the field
(core.limits): each page of the authorization matrix is read as a role that may see it, and
every text box of its forms that post must carry a maximum and say it in its help text."""

from html.parser import HTMLParser

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core import limits
from core.refusals import Refused
from tests.conftest import World
from tests.test_authorization_matrix import MATRIX, database_checksum

# Fields that are not free text the app keeps: signing in, and the address a reset link goes to.
NOT_FREE_TEXT = {"username", "password", "email"}
READERS = ("leader", "coordinator", "department_leader", "caseworker", "guest")
PAGES = [
    pytest.param(route, next(who for who in READERS if expected[who] == 200), id=label)
    for label, route, expected in MATRIX
    if route.method == "get" and any(expected[who] == 200 for who in READERS)
]


class TextBoxes(HTMLParser):
    """The text boxes inside forms that post, and the text of each element with an id."""

    def __init__(self) -> None:
        super().__init__()
        self.boxes: list[dict[str, str | None]] = []
        self.texts: dict[str, str] = {}
        self._open: list[str] = []
        self._posting = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "form":
            self._posting = (values.get("method") or "get").lower() == "post"
        kind = (values.get("type") or "text").lower()
        if self._posting and (tag == "textarea" or (tag == "input" and kind in {"text", "email"})):
            self.boxes.append(values)
        if values.get("id"):
            self._open.append(str(values["id"]))
            self.texts[str(values["id"])] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._posting = False

    def handle_data(self, data: str) -> None:
        for element in self._open[-3:]:
            self.texts[element] += data


@pytest.mark.parametrize(("route", "who"), PAGES)
def test_every_text_box_has_a_limit_told_next_to_it(client, world: World, route, who):
    client.force_login(world.users[who])
    response = client.get(reverse(route.name, kwargs=route.kwargs(world)))
    if response.get("Content-Type", "").split(";")[0] != "text/html":
        return
    page = TextBoxes()
    page.feed(response.content.decode())
    for box in page.boxes:
        if box.get("name") in NOT_FREE_TEXT or box.get("readonly") is not None:
            continue
        assert box.get("maxlength"), f"{box.get('name')} has no maximum"
        told = page.texts.get(f"{box.get('id')}_helptext", "")
        assert "Højst" in told, f"{box.get('name')}: the limit is not told next to it"


# The services check the same limits, so a caller without the form cannot store more.


def _meeting(world: World):
    from tests.factories import make_meeting

    users = world.users
    return make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"]],
    )


def _owner_notes(world: World, text: str) -> None:
    from meetings import services

    meeting = _meeting(world)
    services.owner_notes_save(meeting=meeting, agenda_item=meeting.agenda_items.first(), text=text)


def _observer_feedback(world: World, text: str) -> None:
    from meetings import services

    meeting = _meeting(world)
    item = meeting.agenda_items.first()
    services.observer_feedback_save(meeting=meeting, agenda_item=item, relevant=text, tighten="")


def _meeting_place(world: World, text: str) -> None:
    from meetings import services
    from meetings.models import Format

    services.meeting_plan(
        team=world.syd,
        format=Format.objects.builtin().get(key="teamsparring"),
        title="Møde",
        starts_at=timezone.now(),
        place=text,
        facilitator=world.users["leader"],
        participants=[world.users["leader"]],
        agenda_titles=[],
    )


def _learning_point(world: World, text: str) -> None:
    from learnings import services

    services.learning_point_add(
        meeting=_meeting(world), agenda_item=None, author=world.users["caseworker"], text=text
    )


def _theme(world: World, text: str) -> None:
    from learnings import services

    services.theme_create(team=world.syd, name=text)


def _follow_up(world: World, text: str) -> None:
    from rollups.actions import services

    services.action_create(
        team=world.syd,
        user=world.users["leader"],
        title=text,
        owner=world.users["caseworker"],
        due_date=timezone.localdate(),
    )


def _team(world: World, text: str) -> None:
    from teams import services

    services.team_create(organisation=world.syd.organisation, name=text)


def _member_title(world: World, text: str) -> None:
    from teams import services
    from teams.models import Membership

    membership = Membership.objects.get(team=world.syd, user=world.users["caseworker"])
    services.member_update(
        membership=membership, role=membership.role, title=text, actor=world.users["leader"]
    )


def _product_title(world: World, text: str) -> None:
    from tests.products.conftest import make_product

    make_product(world, title=text, publish=False)


SERVICES = {
    "owner notes": (_owner_notes, limits.LONG_TEXT),
    "observer feedback": (_observer_feedback, limits.LONG_TEXT),
    "meeting place": (_meeting_place, limits.TITLE),
    "learning point": (_learning_point, limits.SHORT_TEXT),
    "theme": (_theme, limits.THEME),
    "follow-up": (_follow_up, limits.ACTION),
    "team name": (_team, limits.TITLE),
    "professional title": (_member_title, limits.PROFESSION),
    "product title": (_product_title, limits.TITLE),
}


@pytest.mark.parametrize("name", SERVICES)
def test_the_service_refuses_a_text_over_its_limit_and_stores_nothing(world: World, name):
    write, limit = SERVICES[name]
    before = database_checksum()
    with (
        pytest.raises(Refused, match=f"højst være {limits.number(limit)} tegn"),
        transaction.atomic(),
    ):
        write(world, "x" * (limit + 1))
    assert database_checksum() == before
    write(world, "x" * limit)  # the limit itself is allowed


class Forms(HTMLParser):
    """The forms that post, each with what a browser would send and its text boxes."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "form" and values.get("method", "").lower() == "post":
            self._form = {"action": values.get("action", ""), "data": {}, "boxes": {}}
            self.forms.append(self._form)
        form, name = self._form, values.get("name")
        if form is None or not name:
            return
        kind = values.get("type", "text").lower()
        if tag == "textarea":
            self._textarea = name
            form["data"][name] = ""
            if "maxlength" in values:
                form["boxes"][name] = int(values["maxlength"])
        elif tag == "select":
            self._select = name
        elif tag == "input" and kind in {"checkbox", "radio"}:
            if "checked" in values:
                form["data"].setdefault(name, values.get("value", "on"))
        elif tag == "input" and kind not in {"submit", "button", "file"}:
            form["data"][name] = values.get("value", "")
            if kind in {"text", "email"} and "maxlength" in values:
                form["boxes"][name] = int(values["maxlength"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._form is not None and self._textarea:
            self._form["data"][self._textarea] += data


@pytest.mark.parametrize(("route", "who"), PAGES)
def test_a_text_over_its_limit_is_refused_in_danish_with_the_text_kept(
    client, world: World, route, who
):
    client.force_login(world.users[who])
    url = reverse(route.name, kwargs=route.kwargs(world))
    response = client.get(url)
    if response.get("Content-Type", "").split(";")[0] != "text/html":
        return
    page = Forms()
    page.feed(response.content.decode())
    for form in page.forms:
        boxes = {
            name: limit
            for name, limit in form["boxes"].items()
            if name.split("-")[-1] not in NOT_FREE_TEXT
        }
        if not boxes:
            continue
        data = dict(form["data"])
        for number, (name, limit) in enumerate(boxes.items()):
            data[name] = f"{number}:" + "x" * limit
        answer = client.post(form["action"] or url, data)
        assert answer.status_code == 200, f"{form['action']}: {answer.status_code}"
        html = answer.content.decode()
        for number, name in enumerate(boxes):
            assert f"{number}:" + "x" * boxes[name] in html, f"{name}: the text is not kept"
        assert "højst have" in html or "for lang" in html or "Højst" in html
