from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from meetings import clock

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_a_fresh_phase_shows_its_whole_time_box():
    span = clock.Span.begin(now=T0, pauses=clock.Pauses(), budget_seconds=300)
    assert clock.format_clock(clock.remaining(span, clock.Pauses(), T0)) == "5:00"
    assert clock.format_clock(clock.remaining(span, clock.Pauses(), at(0.4))) == "5:00"
    assert clock.format_clock(clock.remaining(span, clock.Pauses(), at(1))) == "4:59"
    assert clock.format_clock(clock.remaining(span, clock.Pauses(), at(299.5))) == "0:01"
    assert clock.format_clock(clock.remaining(span, clock.Pauses(), at(300))) == "0:00"


def test_over_time_counts_on_with_a_minus():
    span = clock.Span.begin(now=T0, pauses=clock.Pauses(), budget_seconds=60)
    assert clock.format_clock(clock.remaining(span, clock.Pauses(), at(61))) == "-0:01"
    assert clock.format_clock(clock.remaining(span, clock.Pauses(), at(60 + 125))) == "-2:05"


def test_pause_freezes_the_time_and_resume_continues_it():
    pauses = clock.Pauses()
    span = clock.Span.begin(now=T0, pauses=pauses, budget_seconds=600)
    pauses = pauses.pause(at(100))
    assert clock.remaining(span, pauses, at(100)) == 500
    assert clock.remaining(span, pauses, at(400)) == 500
    assert clock.deadline(span, pauses, at(400)) is None
    pauses = pauses.resume(at(400))
    assert clock.remaining(span, pauses, at(410)) == 490
    assert clock.deadline(span, pauses, at(410)) == at(900)


def test_pauses_before_a_span_began_do_not_count_against_it():
    pauses = clock.Pauses().pause(at(10)).resume(at(70))
    span = clock.Span.begin(now=at(100), pauses=pauses, budget_seconds=120)
    assert clock.elapsed(span, pauses, at(130)) == 30


def test_extending_adds_to_the_budget():
    span = clock.Span.begin(now=T0, pauses=clock.Pauses(), budget_seconds=60)
    extended = clock.Span(span.started_at, span.pause_offset, span.budget_seconds + 60)
    assert clock.format_clock(clock.remaining(extended, clock.Pauses(), at(90))) == "0:30"


def test_going_back_continues_from_the_time_already_used():
    span = clock.Span.begin(now=at(500), pauses=clock.Pauses(), budget_seconds=300, elapsed=120)
    assert clock.remaining(span, clock.Pauses(), at(500)) == 180


def test_a_finished_meeting_reads_the_same_whenever_asked():
    span = clock.Span.begin(now=T0, pauses=clock.Pauses(), budget_seconds=300)
    end = at(200)
    assert clock.remaining(span, clock.Pauses(), end) == 100


def test_cues_warn_at_a_fifth_left_and_mark_overrun():
    assert clock.cue(300, 600) == clock.Cue.NORMAL
    assert clock.cue(120, 600) == clock.Cue.WARNING
    assert clock.cue(1, 600) == clock.Cue.WARNING
    assert clock.cue(0, 600) == clock.Cue.OVERRUN
    assert clock.cue(-5, 600) == clock.Cue.OVERRUN


@given(st.floats(min_value=-7200, max_value=7200, allow_nan=False))
def test_clock_text_is_always_minutes_and_two_digit_seconds(seconds):
    text = clock.format_clock(seconds)
    sign, body = (text[0], text[1:]) if text.startswith("-") else ("", text)
    minutes, secs = body.split(":")
    assert minutes.isdigit() and len(secs) == 2 and 0 <= int(secs) < 60
    assert sign == ("-" if clock.display_seconds(seconds) < 0 else "")


@given(
    st.lists(st.tuples(st.integers(1, 300), st.integers(0, 300)), max_size=6),
    st.integers(60, 1800),
)
def test_pauses_never_use_up_time(pattern, budget):
    pauses = clock.Pauses()
    span = clock.Span.begin(now=T0, pauses=pauses, budget_seconds=budget)
    now, running = 0.0, 0.0
    for run, pause in pattern:
        now += run
        running += run
        pauses = pauses.pause(at(now))
        now += pause
        pauses = pauses.resume(at(now))
    drift = abs(clock.elapsed(span, pauses, at(now)) - running)
    assert drift < 1e-6
