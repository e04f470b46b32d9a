import pytest
from django.urls import reverse

from meetings import live
from meetings.models import Meeting, MeetingStatus
from tests.factories import make_meeting
from tests.meetings.conftest import ENDINGS, end_standing


def post_action(client, meeting, action, htmx=False, **extra):
    fresh = Meeting.objects.get(pk=meeting.pk)
    data = {"action": action, "version": fresh.version, **extra}
    headers = {"hx-request": "true"} if htmx else {}
    return client.post(reverse("meetings:action", args=[meeting.pk]), data, headers=headers)


@pytest.mark.parametrize(
    ("action", "check"),
    [
        ("pause", lambda m: m.paused_at is not None),
        ("next", lambda m: m.current_position == 1),
        ("extend", lambda m: m.steps.get(position=0).extension_seconds == 60),
        ("finish", lambda m: m.status == MeetingStatus.FINISHED),
        ("sound", lambda m: m.sound_enabled is False),
    ],
)
def test_every_control_changes_the_meeting(client, world, meeting, action, check):
    client.force_login(world.users["leader"])
    post_action(client, meeting, "start")
    response = post_action(client, meeting, action)
    assert response.status_code == 302
    assert check(Meeting.objects.get(pk=meeting.pk))


def test_resume_and_previous_phase(client, world, meeting):
    client.force_login(world.users["coordinator"])
    post_action(client, meeting, "start")
    post_action(client, meeting, "pause")
    post_action(client, meeting, "resume")
    post_action(client, meeting, "next")
    post_action(client, meeting, "previous")
    fresh = Meeting.objects.get(pk=meeting.pk)
    assert fresh.paused_at is None and fresh.current_position == 0


def test_a_stale_action_is_refused_with_a_message_and_the_view_refreshes(client, world, meeting):
    client.force_login(world.users["leader"])
    stale = Meeting.objects.get(pk=meeting.pk).version
    post_action(client, meeting, "start")
    response = client.post(
        reverse("meetings:action", args=[meeting.pk]),
        {"action": "next", "version": stale},
        headers={"hx-request": "true"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "allerede ændret fra en anden skærm" in html
    assert 'id="runner-state"' in html
    assert "<html" not in html
    assert Meeting.objects.get(pk=meeting.pk).current_position == 0


def test_a_stale_action_without_htmx_redirects_with_the_message(client, world, meeting):
    client.force_login(world.users["leader"])
    stale = Meeting.objects.get(pk=meeting.pk).version
    post_action(client, meeting, "start")
    response = client.post(
        reverse("meetings:action", args=[meeting.pk]),
        {"action": "start", "version": stale},
        follow=True,
    )
    assert "allerede ændret fra en anden skærm" in response.content.decode()


def test_an_unknown_action_changes_nothing(client, world, meeting):
    client.force_login(world.users["leader"])
    response = post_action(client, meeting, "explode", htmx=True)
    assert "Ukendt handling" in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.PLANNED


def test_control_view_has_the_named_buttons_and_the_phase_region(client, world, meeting):
    client.force_login(world.users["leader"])
    html = client.get(reverse("meetings:control", args=[meeting.pk])).content.decode()
    assert ">Start møde</button>" in html
    assert '<h2 class="phase-name" tabindex="-1">Præsentation</h2>' in html
    assert 'aria-label="Aktuel fase"' in html
    assert 'role="timer"' in html
    assert ">Projektorvisning</a>" in html
    post_action(client, meeting, "start")
    html = client.get(reverse("meetings:control", args=[meeting.pk])).content.decode()
    for name in ("Pause", "Næste fase", "Forrige fase", "+1 min", "Afslut møde"):
        assert f">{name}</button>" in html, name
    assert "Præsentation" in html and "5:00" in html


def test_round_shows_speaker_next_and_the_round_button(client, world, meeting):
    client.force_login(world.users["leader"])
    post_action(client, meeting, "start")
    post_action(client, meeting, "next")
    post_action(client, meeting, "next")
    html = client.get(reverse("meetings:control", args=[meeting.pk])).content.decode()
    assert ">Næste i runden</button>" in html
    assert "Ordet har" in html
    projector = client.get(reverse("meetings:projector", args=[meeting.pk])).content.decode()
    assert world.users["leader"].display_name in projector
    assert "<button" not in projector.split('id="runner-state"')[1]


def test_poll_answers_no_content_while_nothing_changes_and_the_partial_after(
    client, world, meeting
):
    client.force_login(world.users["caseworker"])
    url = reverse("meetings:poll", args=[meeting.pk])
    version = Meeting.objects.get(pk=meeting.pk).version
    assert client.get(url, {"v": version, "mode": "participant"}).status_code == 204
    Meeting.objects.filter(pk=meeting.pk).update(version=version + 1)
    response = client.get(url, {"v": version, "mode": "participant"})
    assert response.status_code == 200
    assert 'id="runner-state"' in response.content.decode()


@pytest.mark.parametrize("how", ENDINGS)
def test_the_poll_refuses_a_person_deactivated_or_with_a_new_password_at_the_next_change(
    client, world, meeting, how
):
    client.force_login(world.users["caseworker"])
    url = reverse("meetings:poll", args=[meeting.pk])
    version = Meeting.objects.get(pk=meeting.pk).version
    assert client.get(url, {"v": version, "mode": "participant"}).status_code == 204
    end_standing(world.users["caseworker"], how)
    Meeting.objects.filter(pk=meeting.pk).update(version=version + 1)
    response = client.get(url, {"v": version, "mode": "participant"}, headers={"HX-Request": "1"})
    # 401: the screen reloads, to the login page.
    assert response.status_code == 401
    assert b"runner-state" not in response.content


def test_an_unchanged_poll_checks_the_person_in_its_one_query(
    client, world, meeting, django_assert_num_queries
):
    """Without the process listening (SQLite, or before its LISTEN), an unchanged poll costs the
    session and one query, which also finds a person deactivated without ending the session."""
    live.broker.stop()
    client.force_login(world.users["caseworker"])
    url = reverse("meetings:poll", args=[meeting.pk])
    version = Meeting.objects.get(pk=meeting.pk).version
    # The session's first request stamps it (teams.middleware); later ones do not write.
    client.get(url, {"v": version})
    with django_assert_num_queries(2):
        assert client.get(url, {"v": version}).status_code == 204
    end_standing(world.users["caseworker"], "deactivated")
    with django_assert_num_queries(2):
        assert client.get(url, {"v": version}).status_code == 401


def test_poll_for_another_team_is_not_found_and_for_anonymous_unauthorised(client, world, meeting):
    url = reverse("meetings:poll", args=[meeting.pk])
    assert client.get(url, {"v": 1}).status_code == 401
    client.force_login(world.users["other_caseworker"])
    assert client.get(url, {"v": 1}).status_code == 404


def test_a_caseworker_cannot_ask_for_the_control_partial(client, world, meeting):
    client.force_login(world.users["caseworker"])
    url = reverse("meetings:poll", args=[meeting.pk])
    html = client.get(url, {"v": 0, "mode": "control"}).content.decode()
    assert "Start møde" not in html


def test_learning_point_in_the_round_shows_on_the_control_view(client, world, meeting):
    client.force_login(world.users["leader"])
    for action in ("start", "next", "next"):
        post_action(client, meeting, action)
    client.force_login(world.users["caseworker"])
    page = client.get(reverse("meetings:participant", args=[meeting.pk])).content.decode()
    assert "Tilføj læringspunkt" in page
    response = client.post(
        reverse("learnings:meeting_point_add", args=[meeting.pk]),
        {"text": "Inddrag jobkonsulenten tidligt."},
        headers={"hx-request": "true"},
    )
    assert "Læringspunktet er gemt" in response.content.decode()
    client.force_login(world.users["leader"])
    control = client.get(reverse("meetings:control", args=[meeting.pk])).content.decode()
    assert "Inddrag jobkonsulenten tidligt." in control


def test_an_empty_learning_point_shows_an_error_and_saves_nothing(client, world, meeting):
    client.force_login(world.users["leader"])
    for action in ("start", "next", "next"):
        post_action(client, meeting, action)
    response = client.post(
        reverse("learnings:meeting_point_add", args=[meeting.pk]),
        {"text": ""},
        headers={"hx-request": "true"},
    )
    assert "Dette felt er påkrævet" in response.content.decode()
    assert not meeting.learning_points.exists()


def test_case_owner_takes_notes_during_reflection_and_others_cannot(client, world, meeting):
    client.force_login(world.users["leader"])
    post_action(client, meeting, "start")
    post_action(client, meeting, "next")
    client.force_login(world.users["caseworker"])
    page = client.get(reverse("meetings:participant", args=[meeting.pk])).content.decode()
    assert "Mine noter til sagen" in page
    client.post(reverse("meetings:owner_notes", args=[meeting.pk]), {"notes": "Ring til skolen"})
    assert meeting.agenda_items.get(position=0).owner_notes == "Ring til skolen"
    client.force_login(world.users["caseworker2"])
    response = client.post(reverse("meetings:owner_notes", args=[meeting.pk]), {"notes": "x"})
    assert response.status_code == 403


def test_leader_records_the_summary_and_whether_practice_changes(client, world, meeting):
    client.force_login(world.users["leader"])
    for action in ("start", "next", "next", "next"):
        post_action(client, meeting, action)
    client.post(
        reverse("learnings:meeting_summary_add", args=[meeting.pk]),
        {"text": "Vi ændrer visitationen.", "changes_practice": "ja"},
    )
    point = meeting.learning_points.get()
    assert point.is_leader_summary and point.changes_practice is True


@pytest.mark.parametrize("view", ["control", "projector", "participant"])
def test_runner_pages_use_the_same_queries_for_one_and_ten_cases(
    client, world, view, django_assert_num_queries
):
    users = world.users
    client.force_login(users["leader"])
    counts = []
    for cases in (1, 10):
        meeting = make_meeting(
            team=world.syd,
            facilitator=users["leader"],
            participants=[users["leader"], users["caseworker"]],
            cases=cases,
        )
        # The last case's round in both: the same phase, the last round of the meeting (where
        # a theme meeting's learning-round answers come in), with one case or ten before it.
        post_action(client, meeting, "start")
        for _ in range(4 * (cases - 1) + 2):
            post_action(client, meeting, "next")
        url = reverse(f"meetings:{view}", args=[meeting.pk])
        client.get(url)
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            client.get(url, headers={"hx-request": "true"})
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
    with django_assert_num_queries(counts[1]):
        client.get(url, headers={"hx-request": "true"})


def test_htmx_gets_the_partial_and_a_normal_request_the_page(client, world, meeting):
    client.force_login(world.users["caseworker"])
    url = reverse("meetings:participant", args=[meeting.pk])
    assert "<html" in client.get(url).content.decode()
    partial = client.get(url, headers={"hx-request": "true"}).content.decode()
    assert "<html" not in partial and 'id="runner-state"' in partial


def test_meeting_page_shows_where_the_time_went(client, world, meeting):
    client.force_login(world.users["leader"])
    post_action(client, meeting, "start")
    post_action(client, meeting, "finish")
    html = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Hvor tiden gik hen" in html
    assert "Taletid" not in html or "Taletid i runderne" in html


def test_start_page_links_run_for_the_facilitator_and_follow_for_participants(
    client, world, meeting
):
    client.force_login(world.users["leader"])
    html = client.get(reverse("dashboard:home")).content.decode()
    assert ">Kør møde</a>" in html and ">Følg møde</a>" in html
    client.force_login(world.users["caseworker"])
    html = client.get(reverse("dashboard:home")).content.decode()
    assert ">Kør møde</a>" not in html and ">Følg møde</a>" in html


def test_leader_plans_a_meeting_with_the_team_as_default_participants(client, world):
    from meetings.models import Format

    client.force_login(world.users["leader"])
    page = client.get(reverse("meetings:plan", args=[world.syd.slug]))
    assert page.status_code == 200
    format = Format.objects.builtin().get(key="teamsparring")
    response = client.post(
        reverse("meetings:plan", args=[world.syd.slug]),
        {
            "format": format.pk,
            "title": "Ugemøde",
            "starts_at": "2030-01-07T09:00",
            "place": "Lokale 3",
            "facilitator": world.users["leader"].pk,
            "participants": [world.users["leader"].pk, world.users["caseworker"].pk],
            "agenda": "Sag A\nSag B",
        },
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get(title="Ugemøde")
    assert meeting.steps.count() == 12
    assert list(meeting.agenda_items.values_list("title", flat=True)) == ["Sag A", "Sag B"]


def test_planning_with_bad_input_keeps_what_was_typed(client, world):
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("meetings:plan", args=[world.syd.slug]),
        {"title": "Ugemøde", "starts_at": "i morgen", "agenda": "Sag A"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Ugemøde"' in html and "Sag A" in html
    assert "Angiv" in html or "påkrævet" in html
    assert not Meeting.objects.filter(title="Ugemøde").exists()


def test_open_actions_open_the_next_meeting_and_are_reviewed_in_the_runner(client, world):
    from datetime import timedelta

    from django.utils import timezone

    from rollups.models import ActionStatus, FollowUpAction

    users = world.users
    done = FollowUpAction.objects.create(
        team=world.syd,
        title="Ny skabelon til henvisning",
        owner=users["caseworker"],
        due_date=timezone.localdate(),
        created_by=users["leader"],
    )
    moved = FollowUpAction.objects.create(
        team=world.syd,
        title="Aftale med jobcentret",
        owner=users["caseworker2"],
        due_date=timezone.localdate() + timedelta(days=3),
        created_by=users["leader"],
    )
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"]],
        starts_at=timezone.now() + timedelta(minutes=5),
    )
    first = meeting.steps.order_by("position").first()
    assert first.kind == "review" and first.planned_seconds == 180
    client.force_login(users["leader"])
    post_action(client, meeting, "start")
    html = client.get(reverse("meetings:control", args=[meeting.pk])).content.decode()
    assert "Ny skabelon til henvisning" in html and "Flyt videre" in html
    post_action(client, meeting, "action_done", follow_up=done.pk)
    post_action(client, meeting, "action_moved", follow_up=moved.pk)
    done.refresh_from_db()
    moved.refresh_from_db()
    assert done.status == ActionStatus.DONE
    assert moved.status == ActionStatus.OPEN and moved.last_reviewed_at is not None
    projector = client.get(reverse("meetings:projector", args=[meeting.pk])).content.decode()
    assert "Udført" in projector and "Flyttet videre" in projector


def test_the_summary_agrees_on_follow_up_with_an_owner_and_a_due_date(client, world, meeting):
    from rollups.models import FollowUpAction

    client.force_login(world.users["leader"])
    for action in ("start", "next", "next", "next"):
        post_action(client, meeting, action)
    html = client.get(reverse("meetings:control", args=[meeting.pk])).content.decode()
    assert "Aftal opfølgning" in html
    url = reverse("rollups:follow_up_add", args=[meeting.pk])
    refused = client.post(url, {"title": "", "owner": ""}, headers={"hx-request": "true"})
    assert "påkrævet" in refused.content.decode()
    response = client.post(
        url,
        {
            "title": "Tjek praksis for praktikaftaler",
            "owner": world.users["caseworker"].pk,
            "due_date": "2030-01-15",
        },
        headers={"hx-request": "true"},
    )
    assert "Opfølgningen er aftalt" in response.content.decode()
    action = FollowUpAction.objects.get()
    assert action.meeting == meeting and action.owner == world.users["caseworker"]
    client.force_login(world.users["caseworker"])
    assert client.post(url, {"title": "x"}).status_code == 403
