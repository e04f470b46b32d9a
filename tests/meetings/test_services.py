from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from meetings import services
from meetings.models import Meeting, MeetingStatus, TurnStatus
from meetings.selectors import runner_state


def act(action, meeting, **kwargs):
    fresh = Meeting.objects.get(pk=meeting.pk)
    return action(meeting_id=fresh.pk, version=fresh.version, **kwargs)


def clock_text(meeting) -> str:
    return runner_state(meeting=Meeting.objects.get(pk=meeting.pk)).clock_text


def test_planning_snapshots_the_phases_and_derives_the_running_order(meeting):
    names = list(meeting.steps.values_list("name", "agenda_item__title"))
    assert names[:4] == [
        ("Præsentation", "Sag 1"),
        ("Refleksion", "Sag 1"),
        ("Runde", "Sag 1"),
        ("Opsamling", "Sag 1"),
    ]
    assert len(names) == 8
    meeting.format.phases.update(minutes=99)
    meeting.refresh_from_db()
    assert meeting.phases[0]["seconds"] == 300


def test_start_pause_resume_next_and_previous_drive_the_clock(meeting):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        act(services.meeting_start, meeting)
        assert clock_text(meeting) == "5:00"
    with time_machine.travel(start + timedelta(seconds=70), tick=False):
        assert clock_text(meeting) == "3:50"
        act(services.meeting_pause, meeting)
    with time_machine.travel(start + timedelta(seconds=400), tick=False):
        assert clock_text(meeting) == "3:50"
        act(services.meeting_resume, meeting)
    with time_machine.travel(start + timedelta(seconds=410), tick=False):
        assert clock_text(meeting) == "3:40"
        act(services.meeting_next_phase, meeting)
        assert clock_text(meeting) == "10:00"
        assert Meeting.objects.get(pk=meeting.pk).steps.get(position=0).actual_seconds == 80
    with time_machine.travel(start + timedelta(seconds=440), tick=False):
        act(services.meeting_previous_phase, meeting)
        assert clock_text(meeting) == "3:40"


def test_extend_adds_a_minute_and_overrun_counts_on(meeting):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        act(services.meeting_start, meeting)
        act(services.meeting_extend, meeting)
    with time_machine.travel(start + timedelta(seconds=365), tick=False):
        state = runner_state(meeting=Meeting.objects.get(pk=meeting.pk))
        assert state.clock_text == "-0:05"
        assert state.cue == "overrun"


def test_a_stale_version_is_refused_and_changes_nothing(meeting):
    version = meeting.version
    services.meeting_start(meeting_id=meeting.pk, version=version)
    with pytest.raises(services.StaleVersion):
        services.meeting_start(meeting_id=meeting.pk, version=version)
    with pytest.raises(services.StaleVersion):
        services.meeting_next_phase(meeting_id=meeting.pk, version=version)
    assert Meeting.objects.get(pk=meeting.pk).current_position == 0


def test_next_phase_on_the_last_phase_is_refused(meeting):
    act(services.meeting_start, meeting)
    for _ in range(7):
        act(services.meeting_next_phase, meeting)
    with pytest.raises(services.ActionRefused, match="sidste fase"):
        act(services.meeting_next_phase, meeting)


def test_a_round_goes_through_the_participants_and_keeps_speaking_time(meeting, world):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        act(services.meeting_start, meeting)
        act(services.meeting_next_phase, meeting)
        act(services.meeting_next_phase, meeting)
        state = runner_state(meeting=Meeting.objects.get(pk=meeting.pk))
        assert state.current.is_round
        assert state.speaking.user == world.users["leader"]
        assert state.next_turn.user == world.users["caseworker"]
    with time_machine.travel(start + timedelta(seconds=50), tick=False):
        act(services.round_next_speaker, meeting)
    with time_machine.travel(start + timedelta(seconds=80), tick=False):
        act(services.round_next_speaker, meeting)
        state = runner_state(meeting=Meeting.objects.get(pk=meeting.pk))
        assert state.speaking.user == world.users["caseworker2"]
        assert state.next_turn is None
    turns = {turn.user.username: turn for turn in state.current.turns.select_related("user")}
    assert turns["leader"].spoken_seconds == 50
    assert turns["caseworker"].spoken_seconds == 30
    assert turns["leader"].status == TurnStatus.DONE


def test_a_round_can_skip_someone_absent_reorder_and_go_back(meeting, world):
    act(services.meeting_start, meeting)
    act(services.meeting_next_phase, meeting)
    act(services.meeting_next_phase, meeting)
    step = Meeting.objects.get(pk=meeting.pk).steps.get(position=2)
    absent = step.turns.get(user=world.users["caseworker"])
    act(services.round_skip, meeting, turn_id=absent.pk)
    last = step.turns.get(user=world.users["caseworker2"])
    act(services.round_move, meeting, turn_id=last.pk, up=True)
    act(services.round_next_speaker, meeting)
    state = runner_state(meeting=Meeting.objects.get(pk=meeting.pk))
    assert state.speaking.user == world.users["caseworker2"]
    act(services.round_previous_speaker, meeting)
    state = runner_state(meeting=Meeting.objects.get(pk=meeting.pk))
    assert state.speaking.user == world.users["leader"]


def test_finishing_keeps_planned_and_actual_durations(meeting):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        act(services.meeting_start, meeting)
    with time_machine.travel(start + timedelta(seconds=200), tick=False):
        act(services.meeting_pause, meeting)
    with time_machine.travel(start + timedelta(seconds=260), tick=False):
        act(services.meeting_finish, meeting)
    finished = Meeting.objects.get(pk=meeting.pk)
    assert finished.status == MeetingStatus.FINISHED
    assert finished.steps.get(position=0).actual_seconds == 200
    assert finished.steps.get(position=0).planned_seconds == 300


def test_facilitation_can_be_handed_to_another_member(meeting, world):
    act(services.meeting_hand_over, meeting, to=world.users["coordinator"])
    assert Meeting.objects.get(pk=meeting.pk).facilitator == world.users["coordinator"]
    with pytest.raises(services.ActionRefused):
        act(services.meeting_hand_over, meeting, to=world.users["other_leader"])
