"""At the same moment, through the pages: two editors saving one case or one learning point
(exactly one wins), double submits of "Indsend sag" (one case each), and two facilitators
pressing "Næste fase" twenty times (one step). Threads, each with its own connection."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cases.models import Case
from learnings.models import LearningPoint
from meetings import services as meeting_services
from meetings.models import Meeting
from tests.factories import make_case, make_format, make_meeting

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="SQLite's in-memory test database refuses a second writer at once "
        "(SQLITE_LOCKED) instead of waiting for the first: run with DATABASE_URL=postgres://…",
    ),
]


def at_once[T](calls: list[Callable[[], T]]) -> list[T]:
    """Run the calls in threads released together; their results in the calls' order."""
    barrier = threading.Barrier(len(calls))
    results: list[T | None] = [None] * len(calls)
    errors: list[BaseException] = []

    def run(index: int, call: Callable[[], T]) -> None:
        try:
            barrier.wait()
            results[index] = call()
        except BaseException as error:  # reported to the test below, in its own thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results  # type: ignore[return-value]


def client_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def poster(client: Client, url: str, data: dict, **extra) -> Callable[[], tuple[int, str]]:
    def post() -> tuple[int, str]:
        response = client.post(url, data, **extra)
        return response.status_code, response.get("Location", response.content.decode())

    return post


def planned(world) -> Meeting:
    return make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"], world.users["caseworker"]],
        cases=0,
        starts_at=timezone.now() + timedelta(days=7),
    )


def test_two_editors_saving_one_case_at_once_one_wins(world):
    case = make_case(meeting=planned(world), user=world.users["caseworker"])
    url = reverse("cases:edit", args=[case.pk])

    def form(background: str) -> dict:
        return {
            "title": case.title,
            "sparring_wanted": case.sparring_wanted,
            "sparring_type": case.sparring_type,
            "background": background,
            "timeline_text": "",
            "genogram_text": "",
            "revision": 1,
        }

    outcomes = at_once(
        [
            poster(client_of(world.users["caseworker"]), url, form("Sagsbehandlerens.")),
            poster(client_of(world.users["leader"]), url, form("Lederens.")),
        ]
    )
    statuses = sorted(status for status, _answer in outcomes)
    assert statuses == [200, 302]
    refused = next(answer for status, answer in outcomes if status == 200)
    assert "har gemt sagen, efter du begyndte at rette i den" in refused
    case.refresh_from_db()
    assert case.revision == 2
    winner = "Sagsbehandlerens." if outcomes[0][0] == 302 else "Lederens."
    assert case.background == winner


def test_two_editors_saving_one_learning_point_at_once_one_wins(world):
    point = LearningPoint.objects.create(
        team=world.syd, author=world.users["caseworker"], text="Første udgave"
    )
    url = reverse("learnings:point_edit", args=[point.pk])
    outcomes = at_once(
        [
            poster(client_of(world.users[who]), url, {"revision": 1, "text": f"{who} skrev"})
            for who in ("caseworker", "leader")
        ]
    )
    assert sorted(status for status, _answer in outcomes) == [200, 302]
    refused = next(answer for status, answer in outcomes if status == 200)
    assert "har gemt læringspunktet, efter du begyndte at rette i det" in refused
    point.refresh_from_db()
    assert point.revision == 2
    assert point.text in ("caseworker skrev", "leader skrev")


def test_two_double_submits_at_once_make_one_case_each(world):
    """Two caseworkers each double-click "Indsend sag": four posts at once, two cases."""
    meeting = planned(world)
    url = reverse("cases:submit")
    calls = []
    for who, token in (("caseworker", "a" * 32), ("caseworker2", "b" * 32)):
        client = client_of(world.users[who])
        data = {
            "meeting": meeting.pk,
            "title": f"Sag fra {who}",
            "sparring_wanted": "Hvordan kommer vi videre?",
            "sparring_type": "stalled",
            "background": "Familien har haft kontakt til kommunen i to år.",
            "submit_token": token,
        }
        calls += [poster(client, url, data), poster(client, url, data)]
    outcomes = at_once(calls)
    assert Case.objects.count() == 2
    assert [status for status, _answer in outcomes] == [302] * 4
    assert outcomes[0] == outcomes[1] and outcomes[2] == outcomes[3]
    assert outcomes[0] != outcomes[2]
    for case in Case.objects.all():
        assert (reverse("cases:detail", args=[case.pk])) in {outcomes[0][1], outcomes[2][1]}


def test_two_facilitators_pressing_next_phase_twenty_times_at_once_step_once(world):
    users = world.users
    meeting = make_meeting(
        team=world.syd, facilitator=users["leader"], participants=[users["leader"]], cases=2
    )
    meeting = meeting_services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    url = reverse("meetings:action", args=[meeting.pk])
    data = {"action": "next", "version": meeting.version}
    leader, coordinator = client_of(users["leader"]), client_of(users["coordinator"])
    outcomes = at_once(
        [
            poster(leader if press % 2 else coordinator, url, data, headers={"HX-Request": "true"})
            for press in range(20)
        ]
    )
    assert [status for status, _answer in outcomes] == [200] * 20
    refused = [answer for _status, answer in outcomes if "allerede ændret fra en anden" in answer]
    assert len(refused) == 19
    fresh = Meeting.objects.get(pk=meeting.pk)
    assert fresh.current_position == 1
    assert fresh.version == meeting.version + 1


def test_a_follow_up_double_submitted_at_once_is_one_action(world):
    """ "Aftal opfølgning" sent twice at once from the control view (htmx): one action."""
    from rollups.models import FollowUpAction

    users = world.users
    meeting = make_meeting(
        team=world.syd, facilitator=users["leader"], participants=[users["leader"]], cases=1
    )
    leader = client_of(users["leader"])
    action = reverse("meetings:action", args=[meeting.pk])
    for step in ("start", "next", "next", "next"):
        version = Meeting.objects.get(pk=meeting.pk).version
        leader.post(action, {"action": step, "version": version})
    data = {
        "title": "Ring til skolen",
        "owner": users["caseworker"].pk,
        "due_date": (timezone.localdate() + timedelta(days=14)).isoformat(),
        "submit_token": "c" * 32,
    }
    url = reverse("rollups:follow_up_add", args=[meeting.pk])
    outcomes = at_once([poster(leader, url, data, headers={"HX-Request": "true"})] * 2)
    assert [status for status, _answer in outcomes] == [200, 200]
    assert all("Opfølgningen er aftalt." in answer for _status, answer in outcomes)
    assert FollowUpAction.objects.count() == 1


def test_a_hand_raised_twice_at_once_is_one_hand(world):
    """ "Ræk hånden op" needs no token: it posts the wish, and the meeting is locked."""
    from meetings.models import Hand

    users = world.users
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"]],
        cases=1,
        format=make_format(key="spoergsmaal", phases=[("Spørgsmål", "questions", 10, True)]),
    )
    meeting_services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    caseworker = client_of(users["caseworker"])
    url = reverse("meetings:hand", args=[meeting.pk])
    outcomes = at_once([poster(caseworker, url, {"raised": "1"})] * 2)
    assert [status for status, _answer in outcomes] == [302, 302]
    assert Hand.objects.filter(user=users["caseworker"]).count() == 1
