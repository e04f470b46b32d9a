"""Raising a hand in a discussion phase (Odder: "hånd op … i den rækkefølge"): the queue in the
order raised, "Giv ordet" to the first, and who has the word and who is next on every screen."""

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Hand, Meeting
from tests.meetings.test_observer import observed_meeting, run_to

HX = {"HX-Request": "true"}
PRESENTATION, QUESTIONS = 0, 1


def raise_hand(client, user, meeting, raised: bool = True, follow: bool = False, **headers):
    client.force_login(user)
    return client.post(
        reverse("meetings:hand", args=[meeting.pk]),
        {"raised": "1" if raised else "0"},
        headers=headers or None,
        follow=follow,
    )


def give_word(client, world, meeting, hand):
    client.force_login(world.users["leader"])
    return client.post(
        reverse("meetings:action", args=[meeting.pk]),
        {
            "action": "give_word",
            "hand": hand.pk if hand else "",
            "version": Meeting.objects.get(pk=meeting.pk).version,
        },
        headers=HX,
    )


def screen(client, user, meeting, mode):
    client.force_login(user)
    return client.get(
        reverse("meetings:poll", args=[meeting.pk]), {"v": 0, "mode": mode}, headers=HX
    ).content.decode()


@pytest.fixture
def discussing(client, world):
    meeting = observed_meeting(world)
    run_to(client, world, meeting, QUESTIONS)
    return meeting


def test_a_participant_raises_a_hand_and_lowers_it_by_pressing_again(client, world, discussing):
    caseworker = world.users["caseworker"]
    html = screen(client, caseworker, discussing, "participant")
    assert "Ræk hånden op" in html and 'aria-pressed="false"' in html
    before = Meeting.objects.get(pk=discussing.pk).version
    html = raise_hand(client, caseworker, discussing, **HX).content.decode()
    assert 'aria-pressed="true"' in html
    assert "du er nr. 1 i køen" in html
    assert Hand.objects.filter(user=caseworker).count() == 1
    assert Meeting.objects.get(pk=discussing.pk).version == before + 1
    html = raise_hand(client, caseworker, discussing, raised=False, **HX).content.decode()
    assert 'aria-pressed="false"' in html
    assert not Hand.objects.exists()


def test_a_double_press_raises_one_hand(client, world, discussing):
    caseworker = world.users["caseworker"]
    raise_hand(client, caseworker, discussing)
    version = Meeting.objects.get(pk=discussing.pk).version
    raise_hand(client, caseworker, discussing)
    assert Hand.objects.filter(user=caseworker).count() == 1
    # Nothing changed, so no screen is told of a change.
    assert Meeting.objects.get(pk=discussing.pk).version == version


def test_the_queue_is_in_the_order_raised_and_giv_ordet_takes_the_first(client, world, discussing):
    first, second = world.users["caseworker"], world.users["caseworker2"]
    raise_hand(client, first, discussing)
    raise_hand(client, second, discussing)
    control = screen(client, world.users["leader"], discussing, "control")
    queue = control.split("Rakte hænder")[1]
    assert queue.index(first.display_name) < queue.index(second.display_name)
    assert "Giv ordet" in queue
    hands = list(Hand.objects.order_by("raised_at", "id"))
    html = give_word(client, world, discussing, hands[0]).content.decode()
    assert "Giv ordet" in html  # the second is still waiting
    projector = screen(client, world.users["leader"], discussing, "projector")
    speaker = projector.split("Ordet har")[1]
    assert speaker.index(first.display_name) < speaker.index("Næste")
    assert second.display_name in speaker.split("Næste")[1]
    give_word(client, world, discussing, hands[1])
    projector = screen(client, world.users["leader"], discussing, "projector")
    assert second.display_name in projector.split("Ordet har")[1].split("Næste")[0]
    assert "ingen har rakt hånden op" in projector
    assert list(Hand.objects.values_list("user", flat=True)) == [second.pk]


def test_the_screens_announce_who_has_the_word_and_who_is_next(client, world, discussing):
    first, second = world.users["caseworker"], world.users["caseworker2"]
    raise_hand(client, first, discussing)
    raise_hand(client, second, discussing)
    give_word(client, world, discussing, Hand.objects.get(user=first))
    html = screen(client, first, discussing, "participant")
    announce = html.split('data-announce="')[1].split('"')[0]
    assert f"Ordet har {first.display_name}." in announce
    assert f"Næste: {second.display_name}." in announce


def test_giving_the_word_to_a_hand_lowered_meanwhile_is_refused(client, world, discussing):
    caseworker = world.users["caseworker"]
    raise_hand(client, caseworker, discussing)
    hand = Hand.objects.get()
    raise_hand(client, caseworker, discussing, raised=False)
    html = give_word(client, world, discussing, hand).content.decode()
    assert "Hånden er taget ned." in html
    assert not Hand.objects.exists()
    assert "Giv ordet" not in html and "Ingen har rakt hånden op." in html


@pytest.mark.parametrize("hand", ["", "²", "99999999999999999999"])
def test_a_hostile_giv_ordet_is_refused_without_an_error_page(client, world, discussing, hand):
    client.force_login(world.users["leader"])
    response = client.post(
        reverse("meetings:action", args=[discussing.pk]),
        {
            "action": "give_word",
            "hand": hand,
            "version": Meeting.objects.get(pk=discussing.pk).version,
        },
        headers=HX,
    )
    assert response.status_code == 200
    assert "Hånden er taget ned." in response.content.decode()


def test_hands_are_raised_only_in_discussion_phases(client, world):
    meeting = observed_meeting(world)
    run_to(client, world, meeting, PRESENTATION)
    caseworker = world.users["caseworker"]
    assert "Ræk hånden op" not in screen(client, caseworker, meeting, "participant")
    html = raise_hand(client, caseworker, meeting, **HX).content.decode()
    assert "når rummet drøfter frit" in html
    assert not Hand.objects.exists()
    response = raise_hand(client, caseworker, meeting, follow=True)
    assert "når rummet drøfter frit" in response.content.decode()


def test_a_new_phase_starts_with_no_hands(client, world, discussing):
    raise_hand(client, world.users["caseworker"], discussing)
    run_to(client, world, discussing, QUESTIONS + 1)
    html = screen(client, world.users["leader"], discussing, "control")
    assert "Ingen har rakt hånden op." in html
    assert (
        world.users["caseworker"].display_name
        not in html.split("Rakte hænder")[1].split("</section>")[0]
    )


def test_only_the_team_raises_hands_and_only_the_facilitator_gives_the_word(
    client, world, discussing
):
    url = reverse("meetings:hand", args=[discussing.pk])
    client.logout()
    assert client.post(url, {"raised": "1"}).status_code == 302
    client.force_login(world.users["other_caseworker"])
    assert client.post(url, {"raised": "1"}).status_code == 404
    assert not Hand.objects.exists()
    raise_hand(client, world.users["caseworker"], discussing)
    client.force_login(world.users["caseworker2"])
    response = client.post(
        reverse("meetings:action", args=[discussing.pk]),
        {"action": "give_word", "hand": Hand.objects.get().pk, "version": 0},
    )
    assert response.status_code == 403
    assert Hand.objects.get().given_at is None


def test_without_htmx_a_hand_is_raised_after_a_redirect(client, world, discussing):
    response = raise_hand(client, world.users["caseworker"], discussing, follow=True)
    assert response.redirect_chain[-1][0] == reverse("meetings:participant", args=[discussing.pk])
    assert "du er nr. 1 i køen" in response.content.decode()


def test_hand_set_refuses_a_meeting_not_running(world):
    meeting = observed_meeting(world)
    with pytest.raises(services.ActionRefused):
        services.hand_set(meeting_id=meeting.pk, user=world.users["caseworker"], raised=True)


def test_the_control_view_uses_the_same_queries_for_one_and_three_hands(client, world, discussing):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for who in ("caseworker", "caseworker2", "coordinator"):
        raise_hand(client, world.users[who], discussing)
        client.force_login(world.users["leader"])
        with CaptureQueriesContext(connection) as captured:
            screen(client, world.users["leader"], discussing, "control")
        counts.append(len(captured.captured_queries))
    assert counts[0] == counts[2]
