from datetime import timedelta

import pytest

from cases import services
from cases.models import CaseStatus
from meetings import services as meeting_services
from meetings.models import Meeting
from tests.cases.conftest import NOW, held, planned_meeting
from tests.factories import make_case


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
    later = planned_meeting(world, days=7)
    case = submit(case_meeting, world.users["caseworker"])
    services.case_select(case=case)
    services.case_move(case=case, to=later)
    case.refresh_from_db()
    assert case.meeting == later and case.status == CaseStatus.SUBMITTED
    assert not case_meeting.agenda_items.exists()
    assert not case.is_late
    with pytest.raises(services.CaseRefused, match="venter allerede"):
        services.case_move(case=case, to=later)


def test_a_case_moves_to_an_earlier_meeting_and_is_not_made_late_by_it(world, case_meeting):
    # Today at 15:00: its deadline (yesterday at noon) passed before the case was submitted.
    earlier = planned_meeting(world, days=-1, hours=2)
    case = submit(case_meeting, world.users["caseworker"])
    services.case_move(case=case, to=earlier)
    case.refresh_from_db()
    assert case.meeting == earlier and case.status == CaseStatus.SUBMITTED
    assert not case.is_late


def test_a_late_case_moved_to_a_meeting_it_came_in_time_for_is_no_longer_late(
    world, case_meeting, now
):
    now.move_to(NOW.replace(hour=12, minute=30))
    case = submit(case_meeting, world.users["caseworker"])
    assert case.is_late
    services.case_move(case=case, to=planned_meeting(world, days=7))
    case.refresh_from_db()
    assert not case.is_late
    # A move by the leader never marks a case late, not even back to where it was late.
    services.case_move(case=case, to=case_meeting)
    case.refresh_from_db()
    assert not case.is_late


def test_a_late_case_moved_to_a_meeting_whose_deadline_had_passed_too_stays_late(
    world, case_meeting, now
):
    now.move_to(NOW.replace(hour=12, minute=30))
    case = submit(case_meeting, world.users["caseworker"])
    # Friday's deadline is Thursday at noon, a day after the case came.
    services.case_move(case=case, to=planned_meeting(world, days=1))
    case.refresh_from_db()
    assert not case.is_late
    now.move_to(NOW.replace(hour=12, minute=30) + timedelta(days=1))
    late = submit(case_meeting, world.users["caseworker2"], "Endnu senere")
    assert late.is_late
    services.case_move(case=late, to=planned_meeting(world, days=1, hours=1))
    late.refresh_from_db()
    assert late.is_late


@pytest.mark.parametrize("days", [-1, 7], ids=["earlier", "later"])
def test_a_case_is_taken_onto_another_meeting_s_agenda(world, case_meeting, days):
    other = planned_meeting(world, days=days, hours=2)
    case = submit(other, world.users["caseworker"])
    item = services.case_select(case=case, meeting=case_meeting)
    case.refresh_from_db()
    assert case.meeting == case_meeting and case.status == CaseStatus.SELECTED
    assert item.meeting == case_meeting and case.agenda_item == item
    assert list(case_meeting.agenda_items.values_list("title", flat=True)) == ["Sag"]
    assert not other.agenda_items.exists()


def test_taking_a_case_onto_a_full_meeting_leaves_it_where_it_waited(world, case_meeting):
    for number in range(2):
        services.case_select(case=submit(case_meeting, world.users["caseworker"], f"S{number}"))
    later = planned_meeting(world, days=7)
    case = submit(later, world.users["caseworker2"])
    with pytest.raises(services.CaseRefused, match="ikke plads til flere sager"):
        services.case_select(case=case, meeting=case_meeting)
    case.refresh_from_db()
    assert case.meeting == later and case.status == CaseStatus.SUBMITTED


def test_a_case_stays_in_its_team(world, case_meeting):
    nord = planned_meeting(world, days=7, team=world.nord)
    case = submit(case_meeting, world.users["caseworker"])
    with pytest.raises(services.CaseRefused, match="samme team"):
        services.case_move(case=case, to=nord)
    with pytest.raises(services.CaseRefused, match="andet team"):
        services.case_select(case=case, meeting=nord)
    case.refresh_from_db()
    assert case.meeting == case_meeting


def test_a_finished_meeting_s_agenda_is_read_only(world, case_meeting, now):
    on_agenda = submit(case_meeting, world.users["caseworker"], "Drøftet")
    services.case_select(case=on_agenda)
    now.move_to(case_meeting.starts_at)
    held(case_meeting)
    on_agenda.refresh_from_db()
    assert on_agenda.status == CaseStatus.DISCUSSED
    waiting = submit(planned_meeting(world, days=7), world.users["caseworker2"], "Venter")
    message = "Mødet er afholdt, så dagsordenen kan ikke længere ændres."
    with pytest.raises(services.CaseRefused, match=message):
        services.case_unselect(case=on_agenda)
    with pytest.raises(services.CaseRefused, match=message):
        services.case_move_on_agenda(case=on_agenda, up=False)
    with pytest.raises(services.CaseRefused, match=message):
        services.case_select(case=waiting, meeting=case_meeting)
    with pytest.raises(services.CaseRefused, match="allerede holdt"):
        services.case_move(case=waiting, to=case_meeting)
    with pytest.raises(services.CaseRefused, match="drøftet"):
        services.case_move(case=on_agenda, to=waiting.meeting)
    assert list(case_meeting.agenda_items.values_list("title", flat=True)) == ["Drøftet"]


def test_a_case_its_meeting_did_not_reach_finds_a_later_one(world, case_meeting, now):
    stuck = submit(case_meeting, world.users["caseworker"], "Ikke nået")
    now.move_to(case_meeting.starts_at)
    held(case_meeting)
    later = planned_meeting(world, days=7)
    services.case_select(case=stuck, meeting=later)
    stuck.refresh_from_db()
    assert stuck.meeting == later and stuck.status == CaseStatus.SELECTED


def test_the_agenda_is_locked_once_the_meeting_has_started(world, case_meeting):
    case = submit(case_meeting, world.users["caseworker"])
    services.case_select(case=case)
    meeting = Meeting.objects.get(pk=case_meeting.pk)
    meeting_services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    with pytest.raises(services.CaseRefused, match="Mødet er i gang"):
        services.case_unselect(case=case)
    with pytest.raises(services.CaseRefused, match="Mødet er i gang"):
        services.case_select(case=submit(case_meeting, world.users["caseworker2"]))


def test_finishing_the_meeting_marks_its_cases_discussed(world, case_meeting):
    case = make_case(meeting=case_meeting, user=world.users["caseworker"])
    services.case_select(case=case)
    meeting = Meeting.objects.get(pk=case_meeting.pk)
    meeting = meeting_services.meeting_start(meeting_id=meeting.pk, version=meeting.version)
    meeting_services.meeting_finish(meeting_id=meeting.pk, version=meeting.version)
    case.refresh_from_db()
    assert case.status == CaseStatus.DISCUSSED
