"""The check-out after a meeting (usefulness 1-5 and one line), once per person and editable,
and its leaders' anonymous view: no breakdown below three answers."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from meetings.evaluation import services
from meetings.evaluation.summary import MIN_ANSWERS, summarise
from meetings.models import CheckOut, Meeting, MeetingStatus
from meetings.personal_data import personal_data
from meetings.services import ActionRefused
from tests.conftest import World
from tests.factories import make_meeting

PARTICIPANTS = ("leader", "coordinator", "caseworker", "caseworker2")


def held(world: World, days_ago: int = 1) -> Meeting:
    people = [world.users[who] for who in PARTICIPANTS]
    meeting = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=people,
        starts_at=timezone.now() - timedelta(days=days_ago),
    )
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.FINISHED)
    meeting.refresh_from_db()
    return meeting


def answer(world, meeting, who, usefulness=4, comment=""):
    return services.check_out_save(
        meeting=meeting, user=world.users[who], usefulness=usefulness, comment=comment
    )


@pytest.mark.parametrize("count", range(0, 6))
def test_the_summary_is_withheld_below_three_answers(count):
    summary = summarise([(5, f"Linje {n}") for n in range(count)])
    assert summary.answers == count
    assert summary.shown == (count >= MIN_ANSWERS)
    if count < MIN_ANSWERS:
        assert (summary.average, summary.counts, summary.comments) == (None, (), ())
    else:
        assert summary.average == 5 and dict(summary.counts)[5] == count


def test_comments_are_sorted_not_in_the_order_given():
    summary = summarise([(2, "c"), (4, "a"), (3, ""), (5, "b")])
    assert summary.comments == ("a", "b", "c")
    assert summary.average == 3.5


def test_one_check_out_per_person_and_meeting_which_they_can_change(world):
    meeting = held(world)
    answer(world, meeting, "caseworker", 2, "For langt")
    answer(world, meeting, "caseworker", 5, "  Godt   møde ")
    (check_out,) = CheckOut.objects.all()
    assert (check_out.usefulness, check_out.comment) == (5, "Godt møde")


def test_a_meeting_not_yet_held_gets_no_check_out(world):
    leader = world.users["leader"]
    meeting = make_meeting(team=world.syd, facilitator=leader, participants=[leader])
    with pytest.raises(ActionRefused):
        answer(world, meeting, "leader")
    assert not CheckOut.objects.exists()


@pytest.mark.parametrize("usefulness", [0, 6])
def test_usefulness_is_one_to_five(world, usefulness):
    with pytest.raises(ActionRefused):
        answer(world, held(world), "leader", usefulness)


def test_a_participant_answers_on_the_meeting_page(client, world):
    meeting = held(world)
    client.force_login(world.users["caseworker"])
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Hvor nyttigt var mødet for din praksis?" in page
    url = reverse("meetings:check_out", args=[meeting.pk])
    response = client.post(url, {"usefulness": "4", "comment": "Gode spørgsmål"})
    assert response["Location"] == reverse("meetings:detail", args=[meeting.pk])
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Du har svaret" in page and "Gode spørgsmål" in page
    # The caseworker does not lead: no results for them.
    assert "Deltagernes tjek-ud" not in page


def test_a_cpr_number_in_the_line_is_refused_next_to_it(client, world):
    meeting = held(world)
    client.force_login(world.users["caseworker"])
    response = client.post(
        reverse("meetings:check_out", args=[meeting.pk]),
        {"usefulness": "3", "comment": "Om 010203-1234"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "CPR-nummer" in html and "<html" not in html
    assert not CheckOut.objects.exists()


@pytest.mark.parametrize("who", ["guest", "department_leader"])
def test_who_was_not_there_does_not_check_out(client, world, who):
    meeting = held(world)
    client.force_login(world.users[who])
    url = reverse("meetings:check_out", args=[meeting.pk])
    assert client.post(url, {"usefulness": "3"}).status_code == 403
    assert not CheckOut.objects.exists()


def test_the_leader_sees_no_breakdown_of_two_answers(client, world):
    meeting = held(world)
    answer(world, meeting, "caseworker", 1, "Hemmelig kritik")
    answer(world, meeting, "caseworker2", 5, "Ros")
    client.force_login(world.users["leader"])
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "Resultaterne vises først ved mindst tre svar" in page
    assert "Hemmelig kritik" not in page and "gennemsnit" not in page
    answer(world, meeting, "coordinator", 3, "Ok")
    page = client.get(reverse("meetings:detail", args=[meeting.pk])).content.decode()
    assert "3 svar · gennemsnit 3,0 af 5" in page
    assert "Hemmelig kritik" in page


def test_the_leader_follows_the_answers_over_time(client, world, django_assert_max_num_queries):
    recent, older = held(world, days_ago=1), held(world, days_ago=40)
    for who, score in zip(("caseworker", "caseworker2", "coordinator"), (2, 3, 4), strict=True):
        answer(world, recent, who, score, f"Linje fra {score}")
    answer(world, older, "caseworker", 5, "Kun et svar")
    client.force_login(world.users["leader"])
    url = reverse("meetings:evaluation", args=[world.syd.slug])
    with django_assert_max_num_queries(9):
        response = client.get(url, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert 'id="results"' in html and "<html" not in html
    assert "Linje fra 4" in html and "Kun et svar" not in html
    # The older meeting is alone in its month, with one answer.
    assert "for få svar" in html
    client.force_login(world.users["caseworker"])
    assert client.get(url).status_code == 403
    client.force_login(world.users["other_leader"])
    assert client.get(url).status_code == 404


def test_the_person_gets_their_check_outs_in_their_data(world):
    answer(world, held(world), "caseworker", 4, "Godt")
    (mine,) = personal_data(world.users["caseworker"])["check_outs"]
    assert (mine["usefulness"], mine["comment"]) == (4, "Godt")


@pytest.mark.django_db
def test_the_demo_has_check_outs_and_one_meeting_below_the_threshold(settings):
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("load_demo", "--quiet-logins")
    call_command("load_demo", "--quiet-logins")
    counts = [
        meeting.check_outs.count()
        for meeting in Meeting.objects.filter(
            team__name="Team Syd", status=MeetingStatus.FINISHED
        ).order_by("starts_at")
    ]
    assert counts[0] == 2
    assert all(count >= MIN_ANSWERS for count in counts[1:])


@pytest.mark.parametrize(
    ("who", "offered"),
    [("caseworker", True), ("leader", True), ("guest", False), ("department_leader", False)],
)
def test_follow_meeting_offers_the_check_out_only_to_who_may_answer_it(
    client, world, who, offered
):
    """The guest is a member of the team who was not at the meeting; the department leader
    sees the organisation's meetings without taking part: the check-out would refuse them."""
    meeting = held(world)
    check_out = reverse("meetings:check_out", args=[meeting.pk])
    client.force_login(world.users[who])
    html = client.get(reverse("meetings:participant", args=[meeting.pk])).content.decode()
    assert "Mødet er afsluttet" in html
    assert (check_out in html) is offered
    assert (client.get(check_out).status_code != 403) is offered
    projector = client.get(reverse("meetings:projector", args=[meeting.pk])).content.decode()
    assert check_out not in projector


def test_a_meeting_still_running_offers_no_check_out(client, world):
    meeting = held(world)
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.RUNNING)
    client.force_login(world.users["caseworker"])
    html = client.get(reverse("meetings:participant", args=[meeting.pk])).content.decode()
    assert reverse("meetings:check_out", args=[meeting.pk]) not in html
