import pytest

from meetings.builtin_formats import BUILTIN_FORMATS, install_builtin_formats
from meetings.models import FacilitatorRole, Format, FormatPhase, PhaseKind, lines

pytestmark = pytest.mark.usefixtures("db")

KEYS = {
    "teamsparring",
    "faglig-sparring",
    "systematisk-laeringsmoede",
    "tvaerfagligt-moede",
    "tema-laeringsmoede",
    "laeringsbesoeg",
    "odder-virksomhedspraktik",
    "odder-samarbejde-jobkonsulenter",
    "odder-faglig-sparring",
}


def phases(key: str) -> list[FormatPhase]:
    return list(Format.objects.builtin().get(key=key).phases.order_by("position"))


def fixed_minutes(key: str) -> int:
    return sum(phase.minutes or 0 for phase in phases(key))


def test_the_migrations_install_the_six_formats_and_the_three_odder_agendas():
    builtin = Format.objects.builtin()
    assert builtin.count() == 9
    assert set(builtin.values_list("key", flat=True)) == KEYS
    assert {data["key"] for data in BUILTIN_FORMATS} == KEYS


def test_phase_positions_run_from_zero_in_order():
    for format_ in Format.objects.builtin():
        positions = list(format_.phases.order_by("position").values_list("position", flat=True))
        assert positions == list(range(len(positions)))


def test_teamsparring_case_phases_are_timed_and_end_with_a_summary():
    format_ = Format.objects.builtin().get(key="teamsparring")
    assert format_.repeats_per_case
    assert format_.facilitator_role == FacilitatorRole.LEADER
    case_phases = [phase for phase in phases("teamsparring") if phase.per_case]
    assert [phase.minutes for phase in case_phases[:5]] == [5, 5, 10, 5, 10]
    assert [phase.kind for phase in case_phases[:5]] == [
        PhaseKind.PRESENTATION,
        PhaseKind.QUESTIONS,
        PhaseKind.REFLECTION,
        PhaseKind.RESPONSE,
        PhaseKind.ROUND,
    ]
    assert case_phases[-1].kind == PhaseKind.SUMMARY
    reflection = case_phases[2]
    assert len(lines(reflection.prompts)) == 6
    assert lines(reflection.rules) == ["Ingen diskussion", "Sagsejer tager noter"]


def test_systematic_learning_meeting_is_22_fixed_minutes_plus_a_minute_each():
    assert fixed_minutes("systematisk-laeringsmoede") == 22
    rounds = [p for p in phases("systematisk-laeringsmoede") if p.kind == PhaseKind.ROUND]
    assert len(rounds) == 1
    assert rounds[0].minutes_per_person == 1
    # With eight participants the meeting takes its half hour.
    assert fixed_minutes("systematisk-laeringsmoede") + 8 * rounds[0].minutes_per_person == 30


def test_systematic_learning_meeting_has_eight_learning_questions():
    (questions,) = [
        p for p in phases("systematisk-laeringsmoede") if p.kind == PhaseKind.QUESTIONS
    ]
    assert questions.minutes == 10
    assert len(lines(questions.prompts)) == 8


def test_faglig_sparring_takes_at_most_an_hour_and_is_led_by_the_coordinator():
    format_ = Format.objects.builtin().get(key="faglig-sparring")
    assert format_.facilitator_role == FacilitatorRole.COORDINATOR
    assert all(phase.minutes_per_person is None for phase in phases("faglig-sparring"))
    assert fixed_minutes("faglig-sparring") <= 60
    rules = [rule for phase in phases("faglig-sparring") for rule in lines(phase.rules)]
    assert "Bliv i refleksionen - ikke løsninger endnu" in rules


def test_interdisciplinary_meeting_has_a_two_minute_presentation_and_observer_feedback():
    names_and_minutes = [(p.name, p.minutes) for p in phases("tvaerfagligt-moede")]
    assert names_and_minutes[0][1] == 2
    assert "Observatørens feedback" in [name for name, _minutes in names_and_minutes]
    assert phases("tvaerfagligt-moede")[-1].kind == PhaseKind.SUMMARY


def test_theme_meeting_takes_at_most_three_hours():
    format_ = Format.objects.builtin().get(key="tema-laeringsmoede")
    assert not format_.repeats_per_case
    assert format_.facilitator_role == FacilitatorRole.COORDINATOR
    theme_phases = phases("tema-laeringsmoede")
    assert all(phase.minutes_per_person is None for phase in theme_phases)
    assert fixed_minutes("tema-laeringsmoede") <= 180
    kinds = {phase.kind for phase in theme_phases}
    assert {PhaseKind.SILENCE, PhaseKind.BREAK, PhaseKind.GROUP_WORK, PhaseKind.TALK} <= kinds


def test_learning_visit_ends_with_three_learning_points():
    format_ = Format.objects.builtin().get(key="laeringsbesoeg")
    assert not format_.repeats_per_case
    assert phases("laeringsbesoeg")[-1].kind == PhaseKind.SUMMARY


def test_installing_twice_is_idempotent():
    before = {f.key: f.phases.count() for f in Format.objects.builtin()}
    install_builtin_formats()
    install_builtin_formats()
    after = {f.key: f.phases.count() for f in Format.objects.builtin()}
    assert after == before
    assert len(after) == 9


@pytest.mark.parametrize(
    ("key", "credit"),
    [
        ("teamsparring", "Socialstyrelsen"),
        ("faglig-sparring", "teamunderstøttelse"),
        ("systematisk-laeringsmoede", "systematiske læringsmøder"),
        ("tvaerfagligt-moede", "Odder"),
        ("tema-laeringsmoede", "Odder"),
        ("laeringsbesoeg", "læringsbesøg"),
        ("odder-virksomhedspraktik", "Odder"),
        ("odder-samarbejde-jobkonsulenter", "Odder"),
        ("odder-faglig-sparring", "Odder"),
    ],
)
def test_each_description_credits_its_source(key, credit):
    description = Format.objects.builtin().get(key=key).description
    assert description.startswith("Efter ")
    assert credit in description


def test_each_format_says_what_it_is_for_and_which_method_it_comes_from():
    for format_ in Format.objects.builtin():
        assert format_.purpose.endswith("."), format_.key
        assert len(format_.purpose) <= 150, format_.key
        assert format_.source, format_.key


def test_every_phase_has_a_positive_duration():
    for phase in FormatPhase.objects.filter(format__team__isnull=True):
        assert (phase.minutes or 0) > 0 or (phase.minutes_per_person or 0) > 0, phase.name


def test_every_phase_kind_is_a_known_kind():
    known = set(PhaseKind.values)
    assert set(FormatPhase.objects.values_list("kind", flat=True)) <= known


def test_the_migrations_install_the_formats_the_code_defines():
    """A change to builtin_formats.py needs a data migration of its own: the migrations keep
    their data frozen, and a new database must still get the formats as the code has them."""
    for data in BUILTIN_FORMATS:
        format_ = Format.objects.builtin().get(key=data["key"])
        assert (
            format_.name,
            format_.description,
            format_.meeting_minutes,
            format_.purpose,
            format_.source,
        ) == (
            data["name"],
            data["description"],
            data["meeting_minutes"],
            data["purpose"],
            data["source"],
        )
        assert [
            (phase.name, phase.kind, phase.minutes, phase.per_case, lines(phase.prompts))
            for phase in phases(data["key"])
        ] == [
            (phase["name"], phase["kind"], phase["minutes"], phase["per_case"], phase["prompts"])
            for phase in data["phases"]
        ]
