"""The observer per case (the interdisciplinary format, Odder Bilag 4): named on the meeting's
page, writing "relevant viden" and "hvor kan vi stramme op" in the case's observer phase, shown
to the facilitator and in the minutes."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import services
from meetings.models import AgendaItem, Meeting
from tests.factories import make_format, make_meeting

HX = {"HX-Request": "true"}
CPR = "Borgeren 010190-1234 blev nævnt."
PHASES = [
    ("Fremlæggelse", "presentation", 2, True),
    ("Spørgsmål", "questions", 5, True),
    ("Observatørens feedback", "observation", 3, True),
    ("Opsamling", "summary", 5, True),
]
OBSERVATION = 2


def observed_meeting(world, cases: int = 1) -> Meeting:
    users = world.users
    meeting = make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"], users["caseworker2"]],
        cases=cases,
        format=make_format(key=f"tvaer-{cases}", phases=PHASES),
    )
    meeting.agenda_items.update(owner=users["caseworker"])
    return meeting


def first_item(meeting) -> AgendaItem:
    return meeting.agenda_items.order_by("position").first()


def run_to(client, world, meeting, position):
    """Start the meeting as its leader (unless it runs) and move on to `position`."""
    client.force_login(world.users["leader"])
    current = Meeting.objects.get(pk=meeting.pk)
    start = ["start"] if current.status == "planned" else []
    for action in (*start, *["next"] * (position - current.current_position)):
        fresh = Meeting.objects.get(pk=meeting.pk)
        client.post(
            reverse("meetings:action", args=[meeting.pk]),
            {"action": action, "version": fresh.version},
        )
    assert Meeting.objects.get(pk=meeting.pk).current_position == position


def name_observer(client, world, meeting, who="caseworker2"):
    client.force_login(world.users["leader"])
    item = first_item(meeting)
    return client.post(
        reverse("meetings:observers", args=[meeting.pk]),
        {f"observer_{item.pk}": world.users[who].pk},
    )


def test_the_planner_names_an_observer_for_each_case_among_the_participants(client, world):
    meeting = observed_meeting(world, cases=2)
    client.force_login(world.users["leader"])
    html = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Observatør for Sag 1" in html and "Gem observatører" in html
    # The case's owner does not observe their own case.
    form_html = html.split("Observatør for Sag 1")[1].split("</select>")[0]
    observer, owner = world.users["caseworker2"], world.users["caseworker"]
    assert observer.display_name in form_html and owner.display_name not in form_html
    response = name_observer(client, world, meeting)
    assert response.status_code == 302
    assert first_item(meeting).observer == world.users["caseworker2"]
    html = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Observatørerne er gemt." in html
    assert f"observatør: {observer.display_name}" in html


def test_an_observer_who_is_not_a_participant_is_refused_next_to_the_field(client, world):
    meeting = observed_meeting(world)
    item = first_item(meeting)
    client.force_login(world.users["leader"])
    for wrong in (world.users["other_caseworker"].pk, "²", world.users["caseworker"].pk):
        response = client.post(
            reverse("meetings:observers", args=[meeting.pk]), {f"observer_{item.pk}": wrong}
        )
        assert response.status_code == 200
        assert "Vælg en af mødets deltagere, dog ikke sagens ejer." in response.content.decode()
    assert first_item(meeting).observer is None


def test_only_the_planner_names_observers_and_only_where_the_format_has_them(
    client, world, meeting
):
    observed = observed_meeting(world)
    client.force_login(world.users["caseworker"])
    assert name_observer_as(client, observed, world.users["caseworker2"]).status_code == 403
    client.force_login(world.users["leader"])
    # The shared meeting fixture's format has no observer phase.
    assert "Gem observatører" not in (
        client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    )
    assert name_observer_as(client, meeting, world.users["caseworker2"]).status_code == 403
    client.force_login(world.users["other_leader"])
    assert name_observer_as(client, observed, world.users["caseworker2"]).status_code == 404


def name_observer_as(client, meeting, user):
    item = first_item(meeting)
    return client.post(
        reverse("meetings:observers", args=[meeting.pk]), {f"observer_{item.pk}": user.pk}
    )


def test_observers_of_a_finished_meeting_cannot_be_changed(client, world):
    meeting = observed_meeting(world)
    run_to(client, world, meeting, 0)
    fresh = Meeting.objects.get(pk=meeting.pk)
    services.meeting_finish(meeting_id=meeting.pk, version=fresh.version)
    assert name_observer(client, world, meeting).status_code == 403
    assert first_item(meeting).observer is None


def test_the_observer_writes_feedback_in_the_observer_phase_and_the_facilitator_sees_it(
    client, world
):
    meeting = observed_meeting(world)
    name_observer(client, world, meeting)
    run_to(client, world, meeting, OBSERVATION)
    client.force_login(world.users["caseworker2"])
    page = client.get(reverse("meetings:participant", args=[meeting.pk])).content.decode()
    assert "Relevant viden" in page and "Hvor kan vi stramme op?" in page
    url = reverse("meetings:observer_feedback", args=[meeting.pk])
    before = Meeting.objects.get(pk=meeting.pk).version
    html = client.post(
        url, {"relevant": "Skolens udtalelse.", "tighten": "Mindre om økonomien."}, headers=HX
    ).content.decode()
    assert "Din tilbagemelding er gemt." in html
    assert 'data-saved="observer_feedback"' in html
    item = first_item(meeting)
    assert (item.observer_relevant, item.observer_tighten) == (
        "Skolens udtalelse.",
        "Mindre om økonomien.",
    )
    # The screens hear of it, and the facilitator's state shows it.
    assert Meeting.objects.get(pk=meeting.pk).version == before + 1
    client.force_login(world.users["leader"])
    state = client.get(
        reverse("meetings:poll", args=[meeting.pk]), {"v": 0, "mode": "control"}, headers=HX
    ).content.decode()
    observer = world.users["caseworker2"].display_name
    assert "Observatør" in state and observer in state
    assert "Skolens udtalelse." in state and "Mindre om økonomien." in state
    # Only the facilitator's view shows the feedback itself.
    client.force_login(world.users["caseworker"])
    state = client.get(
        reverse("meetings:poll", args=[meeting.pk]), {"v": 0, "mode": "participant"}, headers=HX
    ).content.decode()
    assert observer in state and "Skolens udtalelse." not in state


def test_a_refused_observer_feedback_keeps_both_texts(client, world):
    meeting = observed_meeting(world)
    name_observer(client, world, meeting)
    run_to(client, world, meeting, OBSERVATION)
    client.force_login(world.users["caseworker2"])
    url = reverse("meetings:observer_feedback", args=[meeting.pk])
    html = client.post(url, {"relevant": CPR, "tighten": "Kortere fremlæggelse."}, headers=HX)
    html = html.content.decode()
    assert "CPR-nummer" in html
    assert CPR in html and "Kortere fremlæggelse." in html
    assert first_item(meeting).observer_tighten == ""
    html = client.post(url, {"relevant": " ", "tighten": ""}, headers=HX).content.decode()
    assert "Skriv mindst én af de to tilbagemeldinger." in html
    assert first_item(meeting).observer_relevant == ""


def test_only_the_observer_writes_feedback_and_only_in_the_observer_phase(client, world):
    meeting = observed_meeting(world)
    name_observer(client, world, meeting)
    run_to(client, world, meeting, 1)
    url = reverse("meetings:observer_feedback", args=[meeting.pk])
    client.force_login(world.users["caseworker2"])
    html = client.post(url, {"relevant": "Tidligt."}, headers=HX).content.decode()
    assert "observatørens fase" in html
    run_to(client, world, meeting, OBSERVATION)
    client.force_login(world.users["caseworker"])
    assert client.post(url, {"relevant": "Ikke min rolle."}).status_code == 403
    assert "Relevant viden" not in (
        client.get(reverse("meetings:participant", args=[meeting.pk])).content.decode()
    )
    client.force_login(world.users["other_caseworker"])
    assert client.post(url, {"relevant": "Fremmed."}).status_code == 404
    client.logout()
    assert client.post(url, {"relevant": "Anonym."}).status_code == 302
    assert first_item(meeting).observer_relevant == ""


def test_without_htmx_the_feedback_is_saved_and_confirmed_after_a_redirect(client, world):
    meeting = observed_meeting(world)
    name_observer(client, world, meeting)
    run_to(client, world, meeting, OBSERVATION)
    client.force_login(world.users["caseworker2"])
    response = client.post(
        reverse("meetings:observer_feedback", args=[meeting.pk]),
        {"relevant": "Lægens vurdering."},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("meetings:participant", args=[meeting.pk])
    assert "Din tilbagemelding er gemt." in response.content.decode()


def test_the_minutes_hold_the_observer_feedback(client, world):
    meeting = observed_meeting(world)
    name_observer(client, world, meeting)
    run_to(client, world, meeting, OBSERVATION)
    services.observer_feedback_save(
        meeting=meeting,
        agenda_item=first_item(meeting),
        relevant="Skolens udtalelse.",
        tighten="Mindre om økonomien.",
    )
    fresh = Meeting.objects.get(pk=meeting.pk)
    services.meeting_finish(meeting_id=meeting.pk, version=fresh.version)
    html = client.get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    section = html.split("Observatørens tilbagemelding")[1]
    assert "Sag 1" in section and world.users["caseworker2"].display_name in section
    assert "Skolens udtalelse." in section and "Mindre om økonomien." in section


def test_the_meeting_page_uses_the_same_queries_for_one_and_ten_cases(client, world):
    client.force_login(world.users["leader"])
    counts = []
    for cases in (1, 10):
        meeting = observed_meeting(world, cases=cases)
        url = reverse("meetings:detail", args=[meeting.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]


def test_the_observer_phase_adds_no_query_per_case(client, world, django_assert_num_queries):
    counts = []
    for cases in (1, 5):
        meeting = observed_meeting(world, cases=cases)
        name_observer(client, world, meeting)
        run_to(client, world, meeting, OBSERVATION)
        url = reverse("meetings:control", args=[meeting.pk])
        client.get(url, headers=HX)
        with CaptureQueriesContext(connection) as captured:
            client.get(url, headers=HX)
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[1]
    with django_assert_num_queries(counts[1]):
        client.get(url, headers=HX)
