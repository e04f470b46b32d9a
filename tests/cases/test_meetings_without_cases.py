"""A theme meeting or a learning visit's closing meeting has no case phase: no case is submitted,
moved or reminded about for it, and the next in turn is asked about the next meeting that
discusses cases."""

from datetime import timedelta

import pytest
from django.urls import reverse

from cases import selectors, services
from cases.models import Case
from cases.reminders import meetings_due_for_reminder
from tests.cases.conftest import NOW
from tests.factories import make_case, make_format, make_meeting


@pytest.fixture
def theme_meeting(world, now):
    """Team Syd's theme meeting tomorrow morning, before the case meeting at 13:00."""
    users = world.users
    return make_meeting(
        team=world.syd,
        facilitator=users["leader"],
        participants=[users["leader"], users["caseworker"]],
        cases=0,
        format=make_format(
            key="tema",
            phases=[("Oplæg", "presentation", 30, False), ("Læringsrunde", "round", 20, False)],
            repeats_per_case=False,
        ),
        starts_at=NOW.replace(hour=9) + timedelta(days=1),
    )


FORM = {
    "title": "Ung, 24 år: afklaring",
    "sparring_wanted": "Hvornår skal vi starte praktik?",
    "sparring_type": "timing",
    "background": "Borgeren har været sygemeldt i et halvt år.",
}


def test_a_new_case_goes_to_the_next_meeting_that_discusses_cases(
    client, world, theme_meeting, case_meeting
):
    client.force_login(world.users["caseworker"])
    page = client.get(reverse("cases:submit")).content.decode()
    assert case_meeting.title in page
    assert f'value="{theme_meeting.pk}"' not in page
    client.post(reverse("cases:submit"), FORM)
    assert Case.objects.get().meeting == case_meeting


def test_a_case_posted_for_a_theme_meeting_is_refused_next_to_the_field(
    client, world, theme_meeting, case_meeting
):
    client.force_login(world.users["caseworker"])
    response = client.post(reverse("cases:submit"), FORM | {"meeting": theme_meeting.pk})
    assert response.status_code == 200
    assert "Hvornår skal vi starte praktik?" in response.content.decode()
    assert not Case.objects.exists()


def test_the_service_refuses_a_case_for_a_meeting_without_case_phases(world, theme_meeting):
    with pytest.raises(services.CaseRefused, match="drøfter ingen sager"):
        services.case_submit(meeting=theme_meeting, user=world.users["caseworker"], **FORM)
    assert not Case.objects.exists()


def test_a_waiting_case_cannot_be_moved_to_a_theme_meeting(world, theme_meeting, case_meeting):
    case = make_case(meeting=case_meeting, user=world.users["caseworker"])
    assert theme_meeting not in selectors.move_targets(meeting=case_meeting)
    with pytest.raises(services.CaseRefused):
        services.case_move(case=case, to=theme_meeting)
    case.refresh_from_db()
    assert case.meeting == case_meeting


def test_the_next_in_turn_is_asked_about_the_next_meeting_that_discusses_cases(
    world, theme_meeting, case_meeting
):
    assert selectors.next_planned_meeting(team=world.syd) == case_meeting


def test_no_reminder_to_bring_cases_to_a_theme_meeting(world, theme_meeting):
    deadline = selectors.deadline_for(theme_meeting)
    assert meetings_due_for_reminder(now=deadline - timedelta(hours=1), hours_before=6) == []
