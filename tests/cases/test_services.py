from datetime import timedelta

import pytest

from cases import services
from cases.models import CaseStatus
from meetings import services as meeting_services
from meetings.models import Meeting
from tests.cases.conftest import NOW
from tests.factories import make_case, make_meeting


def submit(meeting, user, title="Sag"):
    return services.case_submit(
        meeting=meeting,
        user=user,
        title=title,
        sparring_wanted="Timing af praktik",
        sparring_type="timing",
        background="Borgeren er sygemeldt.",
    )


def test_a_case_before_the_deadline_is_on_time(world, case_meeting):
    case = submit(case_meeting, world.users["caseworker"])
    assert not case.is_late
    assert case.team == world.syd
    assert case.status == CaseStatus.SUBMITTED


def test_a_case_after_the_deadline_is_accepted_and_marked_late(world, case_meeting, now):
    now.move_to(NOW.replace(hour=12, minute=1))
    case = submit(case_meeting, world.users["caseworker"])
    assert case.is_late


def test_selection_puts_cases_on_the_agenda_in_order_and_into_the_running_order(
    world, case_meeting
):
    first = submit(case_meeting, world.users["caseworker"], "Første sag")
    second = submit(case_meeting, world.users["caseworker2"], "Anden sag")
    services.case_select(case=second)
    services.case_select(case=first)
    titles = list(case_meeting.agenda_items.values_list("title", flat=True))
    assert titles == ["Anden sag", "Første sag"]
    steps = list(case_meeting.steps.values_list("agenda_item__title", flat=True))
    assert steps == ["Anden sag"] * 3 + ["Første sag"] * 3
    services.case_move_on_agenda(case=first, up=True)
    assert list(case_meeting.agenda_items.values_list("title", flat=True)) == [
        "Første sag",
        "Anden sag",
    ]
    first.refresh_from_db()
    assert first.status == CaseStatus.SELECTED


def test_selection_stops_at_the_meetings_capacity(world, case_meeting):
    cases = [submit(case_meeting, world.users["caseworker"], f"Sag {n}") for n in range(3)]
    services.case_select(case=cases[0])
    services.case_select(case=cases[1])
    with pytest.raises(services.CaseRefused, match="ikke plads til flere sager"):
        services.case_select(case=cases[2])
    assert case_meeting.agenda_items.count() == 2


def test_unselect_and_withdraw_take_the_case_off_the_agenda(world, case_meeting):
    case = submit(case_meeting, world.users["caseworker"])
    services.case_select(case=case)
    services.case_unselect(case=case)
    assert not case_meeting.agenda_items.exists()
    services.case_select(case=case)
    services.case_withdraw(case=case)
    case.refresh_from_db()
    assert case.status == CaseStatus.WITHDRAWN
    assert not case_meeting.steps.filter(agenda_item__isnull=False).exists()


def test_a_case_moves_to_a_later_meeting(world, case_meeting):
    later = make_meeting(
        team=world.syd,
        facilitator=world.users["leader"],
        participants=[world.users["leader"]],
        cases=0,
        starts_at=case_meeting.starts_at + timedelta(days=7),
    )
    case = submit(case_meeting, world.users["caseworker"])
    services.case_select(case=case)
    services.case_postpone(case=case, to=later)
    case.refresh_from_db()
    assert case.meeting == later and case.status == CaseStatus.SUBMITTED
    assert not case_meeting.agenda_items.exists()
    with pytest.raises(services.CaseRefused):
        services.case_postpone(case=case, to=case_meeting)


def test_the_agenda_is_locked_once_the_meeting_has_started(world, case_meeting):
    case = submit(case_meeting, world.users["caseworker"])
    services.case_select(case=case)
    meeting = Meeting.objects.get(pk=case_meeting.pk)
    meeting_services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    with pytest.raises(services.CaseRefused):
        services.case_unselect(case=case)


def test_finishing_the_meeting_marks_its_cases_discussed(world, case_meeting):
    case = make_case(meeting=case_meeting, user=world.users["caseworker"])
    services.case_select(case=case)
    meeting = Meeting.objects.get(pk=case_meeting.pk)
    meeting = meeting_services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    meeting_services.meeting_finish(meeting_id=meeting.pk, version=meeting.version)
    case.refresh_from_db()
    assert case.status == CaseStatus.DISCUSSED
