from meetings import running_order

PHASES = [
    {"name": "Tjek-ind", "kind": "check_in", "seconds": 120, "per_case": False},
    {"name": "Præsentation", "kind": "presentation", "seconds": 300, "per_case": True},
    {"name": "Runde", "kind": "round", "seconds": 0, "seconds_per_person": 60, "per_case": True},
    {"name": "Tjek-ud", "kind": "check_out", "seconds": 180, "per_case": False},
]


def test_case_phases_repeat_for_each_case_in_order():
    steps = running_order.build(PHASES, 3, repeats_per_case=True, participant_count=4)
    assert [(s.name, s.agenda_index) for s in steps] == [
        ("Tjek-ind", None),
        ("Præsentation", 0),
        ("Runde", 0),
        ("Præsentation", 1),
        ("Runde", 1),
        ("Præsentation", 2),
        ("Runde", 2),
        ("Tjek-ud", None),
    ]


def test_a_per_person_round_gets_a_box_for_each_participant():
    steps = running_order.build(PHASES, 1, repeats_per_case=True, participant_count=6)
    assert steps[2].planned_seconds == 360


def test_case_phases_run_once_without_an_agenda_or_when_the_format_does_not_repeat():
    assert len(running_order.build(PHASES, 0, repeats_per_case=True, participant_count=2)) == 4
    steps = running_order.build(PHASES, 5, repeats_per_case=False, participant_count=2)
    assert len(steps) == 4
    assert all(step.agenda_index is None for step in steps)


def test_case_capacity_is_what_fits_after_the_shared_phases():
    # Shared: 2 + 3 minutes; per case: 5 minutes + 4 people at 1 minute.
    assert (
        running_order.case_capacity(PHASES, 60, repeats_per_case=True, participant_count=4)
        == (3600 - 300) // 540
    )
    assert running_order.case_capacity(PHASES, 5, repeats_per_case=True, participant_count=4) == 0


def test_a_format_without_repeated_case_phases_has_no_case_limit():
    assert (
        running_order.case_capacity(PHASES, 60, repeats_per_case=False, participant_count=4)
        is None
    )
