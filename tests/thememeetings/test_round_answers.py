"""Afterwards: each participant's answers in the theme meeting's learning round are written in
the meeting room, kept, and shown later on their own start page only; the meeting leaders
record the agreed product (a draft is started) and whether and when to follow up."""

from datetime import date

import pytest
from django.urls import reverse

from meetings import screens
from meetings.models import Meeting
from products.models import Product
from tests.thememeetings.conftest import LEARNING_ROUND, decide, working_group
from thememeetings.models import RoundAnswer, ThemeStatus

HX = {"HX-Request": "true"}
CPR = "Borgeren 010190-1234 sagde det."


def control(client, meeting, action):
    fresh = Meeting.objects.get(pk=meeting.pk)
    client.post(
        reverse("meetings:action", args=[meeting.pk]),
        {"action": action, "version": fresh.version},
    )


def run_to(client, world, meeting, position: int) -> None:
    """Start the meeting as its first meeting leader and move on to `position`."""
    client.force_login(world.users["coordinator"])
    control(client, meeting, "start")
    for _step in range(position):
        control(client, meeting, "next")
    assert Meeting.objects.get(pk=meeting.pk).current_position == position


@pytest.fixture
def meeting(world, theme):
    working_group(world)
    return decide(world, theme)


def answer(client, meeting, **data):
    return client.post(
        reverse("thememeetings:round_answer", args=[meeting.pk]),
        {"mode": "participant", **data},
        headers=HX,
    ).content.decode()


def test_the_learning_round_asks_the_two_questions(client, world, meeting):
    run_to(client, world, meeting, 0)
    client.force_login(world.users["other_caseworker"])
    url = reverse("meetings:participant", args=[meeting.pk])
    assert "Mine svar i læringsrunden" not in client.get(url).content.decode()
    run_to(client, world, meeting, LEARNING_ROUND)
    client.force_login(world.users["other_caseworker"])
    page = client.get(url).content.decode()
    assert "Mine svar i læringsrunden" in page
    assert "Hvad tager jeg med?" in page
    assert "Hvad vil jeg omsætte i praksis, og hvordan?" in page


def test_answers_are_kept_and_shown_to_their_author_only(client, world, meeting):
    run_to(client, world, meeting, LEARNING_ROUND)
    client.force_login(world.users["other_caseworker"])
    html = answer(
        client, meeting, take_away="Praktik skal have et formål.", into_practice="Skriv delmål."
    )
    assert "Dine svar er gemt." in html
    saved = RoundAnswer.objects.get()
    assert saved.author == world.users["other_caseworker"]
    # Saved again, the answers replace the earlier ones.
    answer(client, meeting, take_away="Praktik skal have et klart formål.", into_practice="")
    assert RoundAnswer.objects.get().take_away == "Praktik skal have et klart formål."
    home = client.get(reverse("dashboard:home")).content.decode()
    answers_url = reverse("thememeetings:my_answers")
    assert f'hx-get="{answers_url}"' in home
    mine = client.get(answers_url, headers=HX).content.decode()
    assert "Mine svar fra læringsrunder" in mine
    assert "Praktik skal have et klart formål." in mine
    client.force_login(world.users["caseworker"])
    assert "Praktik skal have et klart formål." not in client.get(answers_url).content.decode()
    # On the start page, a person without answers gets nothing.
    assert client.get(answers_url, headers=HX).content.decode().strip() == ""


def test_a_cpr_number_is_refused_and_the_text_kept(client, world, meeting):
    run_to(client, world, meeting, LEARNING_ROUND)
    client.force_login(world.users["caseworker"])
    html = answer(client, meeting, take_away=CPR, into_practice="Ring først.")
    assert "CPR-nummer" in html and "010190-1234" in html and "Ring først." in html
    assert not RoundAnswer.objects.exists()


def test_answers_are_written_in_the_learning_round_only(client, world, meeting):
    run_to(client, world, meeting, 0)
    client.force_login(world.users["caseworker"])
    html = answer(client, meeting, take_away="For tidligt", into_practice="")
    assert "Svarene skrives i læringsrunden." in html
    assert not RoundAnswer.objects.exists()


def test_someone_not_invited_cannot_answer(client, world, meeting):
    run_to(client, world, meeting, LEARNING_ROUND)
    client.force_login(world.users["department_leader"])
    response = client.post(
        reverse("thememeetings:round_answer", args=[meeting.pk]),
        {"take_away": "Jeg var der ikke", "mode": "participant"},
    )
    assert response.status_code == 403
    client.force_login(world.users["outsider"])
    response = client.post(
        reverse("thememeetings:round_answer", args=[meeting.pk]), {"take_away": "x"}
    )
    assert response.status_code == 404
    assert not RoundAnswer.objects.exists()


def _outcome(world, **overrides):
    return {
        "product_kind": "guideline",
        "responsible": [world.users["caseworker"].pk, world.users["other_caseworker"].pk],
        "follow_up": "date",
        "follow_up_on": "2030-03-01",
        **overrides,
    }


def test_the_meeting_leaders_record_the_product_and_the_follow_up(client, world, meeting):
    theme = meeting.theme
    url = reverse("thememeetings:detail", args=[theme.pk])
    client.force_login(world.users["caseworker"])
    assert "Gem produkt og opfølgning" not in client.get(url).content.decode()
    run_to(client, world, meeting, LEARNING_ROUND)
    client.force_login(world.users["caseworker"])  # the second meeting leader
    response = client.post(url, _outcome(world))
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.status == ThemeStatus.CHOSEN
    assert theme.follow_up_on == date(2030, 3, 1)
    product = Product.objects.get()
    assert theme.product == product and product.kind == "guideline"
    # The draft's responsible person is the first of them, by name.
    assert product.responsible == min(
        world.users["caseworker"],
        world.users["other_caseworker"],
        key=lambda u: (u.first_name, u.last_name, u.username),
    )
    assert list(product.source_meetings.all()) == [meeting]
    assert set(theme.product_responsible.values_list("username", flat=True)) == {
        "caseworker",
        "other_caseworker",
    }
    client.post(url, _outcome(world, follow_up="none", follow_up_on=""))
    theme.refresh_from_db()
    assert theme.follow_up_on is None and theme.follow_up_decided
    assert Product.objects.count() == 1
    page = client.get(url).content.decode()
    assert "Ingen opfølgning" in page and product.title in page


def test_only_the_meeting_leaders_record_the_outcome(client, world, meeting):
    run_to(client, world, meeting, LEARNING_ROUND)
    url = reverse("thememeetings:detail", args=[meeting.theme.pk])
    for who in ("leader", "department_leader", "other_caseworker"):
        client.force_login(world.users[who])
        assert client.post(url, _outcome(world)).status_code == 403
    assert not Product.objects.exists()


def test_a_date_is_needed_for_a_follow_up(client, world, meeting):
    run_to(client, world, meeting, LEARNING_ROUND)
    client.force_login(world.users["coordinator"])
    url = reverse("thememeetings:detail", args=[meeting.theme.pk])
    html = client.post(url, _outcome(world, follow_up_on="")).content.decode()
    assert "Vælg datoen for opfølgningen." in html
    assert not Product.objects.exists()


@pytest.mark.parametrize("shipped", [False, True])
def test_only_who_is_in_the_room_is_asked_the_two_questions(client, world, meeting, shipped):
    """A department leader follows the theme meeting from outside: their screen, fetched or
    pushed, does not ask what they take with them (their answer would be refused); a member
    of the host team and a participant invited from another team are asked."""
    from tests.meetings.test_screens import event_data, shipped_now, signed_in, viewer

    run_to(client, world, meeting, LEARNING_ROUND)
    outside = world.users["department_leader"]
    page = signed_in(outside).get(reverse("meetings:participant", args=[meeting.pk]))
    assert page.status_code == 200
    assert "Hvad tager jeg med?" not in page.content.decode()

    people = [world.users["caseworker2"], world.users["other_caseworker"], outside]
    viewers = [viewer(signed_in(person), person, meeting) for person in people]
    edition = screens.build(
        meeting_id=meeting.pk, viewers=viewers, shipped=shipped_now(meeting) if shipped else None
    )
    member, invited, department_leader = (event_data(edition.events[v])["work"] for v in viewers)
    assert "Hvad tager jeg med?" in member
    assert "Hvad tager jeg med?" in invited
    assert "Hvad tager jeg med?" not in department_leader
