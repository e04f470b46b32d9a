"""What the stream pushes to the projector and "Følg møde" screens (meetings.screens): each
change loaded and rendered once per kind of viewer, the same HTML the screen would have fetched,
and refused to a session that has ended or a person who may no longer see the meeting."""

import re

import pytest
from django.contrib.auth import HASH_SESSION_KEY
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import screens
from meetings.models import Meeting, MeetingStatus
from teams.models import Membership
from tests.factories import MembershipFactory, make_meeting
from tests.meetings.test_observer import run_to

HX = {"HX-Request": "true"}
REFLECTION, ROUND = 1, 2


@pytest.fixture
def meeting(world):
    users = world.users
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"], users["caseworker2"]],
    )
    meeting.agenda_items.update(owner=users["caseworker"])
    return meeting


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def viewer(client: Client, user, meeting, mode="participant") -> screens.Viewer:
    found = screens.viewer_of(
        user_id=user.pk,
        session_key=client.session.session_key,
        session_hash=client.session[HASH_SESSION_KEY],
        meeting_id=meeting.pk,
        mode=mode,
    )
    assert found is not None
    return found


def event_data(event: str) -> dict:
    import json

    assert event.startswith("event: state\ndata: ")
    return json.loads(event.removeprefix("event: state\ndata: "))


def test_screens_of_one_kind_share_one_render_and_each_kind_gets_its_own(client, world, meeting):
    run_to(client, world, meeting, ROUND)
    users = world.users
    one, two = users["caseworker"], users["caseworker2"]
    viewers = [
        viewer(signed_in(one), one, meeting),
        viewer(signed_in(two), two, meeting),
        viewer(signed_in(two), two, meeting, mode="projector"),
    ]
    edition = screens.build(meeting_id=meeting.pk, viewers=viewers)

    first, second, projector = (edition.events[v] for v in viewers)
    assert first is second
    assert event_data(first)["version"] == Meeting.objects.get(pk=meeting.pk).version
    assert "Runde" in event_data(first)["html"]
    assert 'name="text"' in event_data(first)["work"]
    assert event_data(projector)["work"] is None
    assert "Runde" in event_data(projector)["html"]
    assert "runner-aside" not in event_data(projector)["html"]


def test_the_case_owner_gets_their_notes_form_and_the_others_do_not(client, world, meeting):
    run_to(client, world, meeting, REFLECTION)
    owner, other = world.users["caseworker"], world.users["caseworker2"]
    viewers = [viewer(signed_in(owner), owner, meeting), viewer(signed_in(other), other, meeting)]
    edition = screens.build(meeting_id=meeting.pk, viewers=viewers)

    assert 'name="notes"' in event_data(edition.events[viewers[0]])["work"]
    assert 'name="notes"' not in event_data(edition.events[viewers[1]])["work"]


@pytest.mark.parametrize("shipped", [False, True])
def test_a_finished_meeting_offers_the_check_out_only_on_the_screens_of_who_took_part(
    client, world, meeting, shipped
):
    """The guest follows the meeting as a member of the team but was not invited: the
    check-out would refuse them, so their screen does not offer it, shipped or not."""
    run_to(client, world, meeting, ROUND)
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.FINISHED)
    took_part, followed = world.users["caseworker2"], world.users["guest"]
    viewers = [
        viewer(signed_in(took_part), took_part, meeting),
        viewer(signed_in(followed), followed, meeting),
    ]
    edition = screens.build(
        meeting_id=meeting.pk,
        viewers=viewers,
        shipped=shipped_now(meeting) if shipped else None,
    )

    check_out = reverse("meetings:check_out", args=[meeting.pk])
    first, second = (event_data(edition.events[v])["html"] for v in viewers)
    assert "Mødet er afsluttet" in first and "Mødet er afsluttet" in second
    assert check_out in first
    assert check_out not in second


def shipped_now(meeting) -> str:
    fresh = Meeting.objects.get(pk=meeting.pk)
    shipped = screens.ship(meeting_id=meeting.pk, version=fresh.version)
    assert shipped is not None
    return shipped


def comparable(html: str) -> str:
    """A screen's HTML without what differs between two renders of one state: the CSRF token
    and the one-time token of a form and the moment of rendering (and so the seconds its
    clocks show)."""
    html = re.sub(
        r'<input type="hidden" name="(csrfmiddlewaretoken|submit_token)" value="[^"]*">', "", html
    )
    html = re.sub(r'(data-deadline="[^"]*"[^>]*>)-?\d+:\d\d<', r"\1<", html)
    return re.sub(r'data-server-now="[^"]*"', "", html)


@pytest.mark.parametrize("shipped", [False, True])
@pytest.mark.parametrize("position", [REFLECTION, ROUND])
@pytest.mark.parametrize("who", ["caseworker", "caseworker2", "leader"])
def test_a_pushed_screen_is_what_the_person_would_have_fetched(
    client, world, meeting, position, who, shipped
):
    """Rendered where the screen watches, or taken from what the process that made the change
    shipped (screens.ship): caseworker owns the case (their notes in the reflection),
    caseworker2 is any member, the leader runs the meeting (not shipped: rendered here)."""
    run_to(client, world, meeting, position)
    user = world.users[who]
    browser = signed_in(user)
    edition = screens.build(
        meeting_id=meeting.pk,
        viewers=[v := viewer(browser, user, meeting)],
        shipped=shipped_now(meeting) if shipped else None,
    )
    pushed = event_data(edition.events[v])

    fetched = browser.get(
        reverse("meetings:poll", args=[meeting.pk]), {"v": 0, "mode": "participant"}, headers=HX
    )
    work = browser.get(
        reverse("meetings:work", args=[meeting.pk]), {"mode": "participant"}, headers=HX
    )
    assert comparable(pushed["html"]) == comparable(fetched.content.decode())
    assert comparable(pushed["work"]) == comparable(work.content.decode())


@pytest.mark.parametrize("shipped", [False, True])
def test_a_screen_in_english_gets_english(client, world, meeting, shipped):
    """What is shipped is Danish: an English screen is rendered where it watches."""
    run_to(client, world, meeting, ROUND)
    user = world.users["caseworker2"]
    user.language = "en"
    user.save()
    danish, english = world.users["caseworker"], user
    viewers = [
        viewer(signed_in(danish), danish, meeting),
        viewer(signed_in(english), english, meeting),
    ]
    edition = screens.build(
        meeting_id=meeting.pk,
        viewers=viewers,
        shipped=shipped_now(meeting) if shipped else None,
    )

    assert "Aktuel fase" in event_data(edition.events[viewers[0]])["html"]
    assert "Current phase" in event_data(edition.events[viewers[1]])["html"]


@pytest.mark.parametrize("shipped", [False, True])
def test_an_ended_session_a_disabled_person_a_new_password_and_a_removed_member_are_refused(
    client, world, meeting, shipped
):
    run_to(client, world, meeting, ROUND)
    users = world.users
    extra = MembershipFactory(team=world.syd, user__username="caseworker3").user
    people = [
        users["caseworker"],
        users["caseworker2"],
        users["coordinator"],
        extra,
        users["leader"],
    ]
    clients = [signed_in(person) for person in people]
    viewers = [viewer(c, person, meeting) for c, person in zip(clients, people, strict=True)]

    # Shipped before they were refused, as a change made meanwhile would have been.
    ready = shipped_now(meeting) if shipped else None
    Session.objects.filter(session_key=clients[0].session.session_key).delete()
    users["caseworker2"].is_active = False
    users["caseworker2"].save()
    users["coordinator"].set_password("et helt nyt kodeord 42")
    users["coordinator"].save()
    Membership.objects.filter(user=extra).delete()
    edition = screens.build(meeting_id=meeting.pk, viewers=viewers, shipped=ready)

    assert edition.refused == {v.session_key for v in viewers[:4]}
    assert set(edition.events) == {viewers[4]}


@pytest.mark.parametrize("position", [REFLECTION, ROUND])
def test_an_edition_takes_the_same_queries_for_two_screens_and_for_twenty(
    client, world, meeting, position
):
    run_to(client, world, meeting, position)
    members = [MembershipFactory(team=world.syd).user for _ in range(20)]
    counts = []
    for people in (members[:2], members):
        viewers = [viewer(signed_in(person), person, meeting) for person in people]
        with CaptureQueriesContext(connection) as queries:
            edition = screens.build(meeting_id=meeting.pk, viewers=viewers)
        assert len(edition.events) == len(people)
        counts.append(len(queries))
    assert counts[0] == counts[1]


# What the process that made a change ships with it (screens.ship), and what the others make of
# it (screens.build with `shipped`).


@pytest.mark.parametrize("position", [REFLECTION, ROUND])
def test_with_a_shipped_edition_a_process_asks_the_database_only_about_its_screens(
    client, world, meeting, position
):
    run_to(client, world, meeting, position)
    members = [MembershipFactory(team=world.syd).user for _ in range(12)]
    owner = world.users["caseworker"]
    viewers = [viewer(signed_in(person), person, meeting) for person in [owner, *members]]
    viewers.append(viewer(signed_in(members[0]), members[0], meeting, mode="projector"))
    shipped = shipped_now(meeting)

    with CaptureQueriesContext(connection) as queries:
        edition = screens.build(meeting_id=meeting.pk, viewers=viewers, shipped=shipped)

    # The sessions, and who may still see the meeting: no load of the meeting, no render.
    assert len(queries) == 2
    assert set(edition.events) == set(viewers)
    # One string for all the members' screens, and the projector's own.
    assert edition.events[viewers[1]] is edition.events[viewers[2]]
    assert event_data(edition.events[viewers[-1]])["work"] is None


def test_people_with_a_hand_up_get_their_own_screen_and_a_long_queue_still_fits(client, world):
    from meetings import live, services
    from tests.meetings.test_hands import QUESTIONS
    from tests.meetings.test_observer import observed_meeting

    meeting = observed_meeting(world)
    members = [MembershipFactory(team=world.syd).user for _ in range(30)]
    meeting.participants.add(*members)
    run_to(client, world, meeting, QUESTIONS)
    for person in members:
        services.hand_set(meeting_id=meeting.pk, user=person, raised=True)
    shipped = shipped_now(meeting)

    assert len(shipped) <= live.MAX_PAYLOAD_BYTES
    ready = screens.Shipped.decode(shipped)
    assert ready is not None
    assert {person.pk for person in members} <= ready.own
    assert 0 < len(ready.personal) <= screens.OWN_SCREENS_SHIPPED
    first, plain = members[0], world.users["caseworker2"]
    viewers = [viewer(signed_in(first), first, meeting), viewer(signed_in(plain), plain, meeting)]
    edition = screens.build(meeting_id=meeting.pk, viewers=viewers, shipped=shipped)
    mine, theirs = (event_data(edition.events[v])["html"] for v in viewers)
    assert mine != theirs
    assert comparable(mine) == comparable(
        signed_in(first)
        .get(
            reverse("meetings:poll", args=[meeting.pk]),
            {"v": 0, "mode": "participant"},
            headers=HX,
        )
        .content.decode()
    )


def test_nothing_is_shipped_for_a_version_the_meeting_has_left(client, world, meeting):
    run_to(client, world, meeting, ROUND)
    fresh = Meeting.objects.get(pk=meeting.pk)
    assert screens.ship(meeting_id=meeting.pk, version=fresh.version - 1) is None
    assert screens.ship(meeting_id=0, version=1) is None


@pytest.mark.parametrize("garbage", ["", "not base64!", "aGVsbG8=", "eJwDAAAAAAE="])
def test_a_payload_that_is_not_an_edition_is_ignored(client, world, meeting, garbage):
    run_to(client, world, meeting, ROUND)
    user = world.users["caseworker2"]
    v = viewer(signed_in(user), user, meeting)
    assert screens.Shipped.decode(garbage) is None
    edition = screens.build(meeting_id=meeting.pk, viewers=[v], shipped=garbage)
    assert "Runde" in event_data(edition.events[v])["html"]
