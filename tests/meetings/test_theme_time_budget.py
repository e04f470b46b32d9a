"""The theme meeting's time budget (Odder: at most three hours, the opening review included),
the planner's words when a plan is over its format's limit, and the three agendas of the Odder
booklet's appendices with their times."""

from datetime import datetime, timedelta

import pytest
from django.urls import reverse

from core.hooks import Hook
from meetings import hooks, planning, running_order
from meetings.models import Format, PhaseKind, lines
from tests.conftest import World

pytestmark = pytest.mark.usefixtures("db")

THEME_BLOCKS = [
    ("Rammesætning: baggrund for temaet", PhaseKind.TALK),
    ("Stilhed før tjek-ind (valgfri)", PhaseKind.SILENCE),
    ("Tjek-ind-runde", PhaseKind.ROUND),
    ("Hvem har ansvaret for produktet?", PhaseKind.SUMMARY),
    ("Oplæg fra ledelsen", PhaseKind.TALK),
    ("Koordinatoren om lovgivningen", PhaseKind.TALK),
    ("Eksempler fra praksis", PhaseKind.PRACTICE_EXAMPLES),
    ("Pause", PhaseKind.BREAK),
    ("Videndeling i grupper", PhaseKind.GROUP_WORK),
    ("Grupperne fremlægger", PhaseKind.TALK),
    ("Læringsrunde", PhaseKind.ROUND),
    ("Aftaler om produkt og opfølgning", PhaseKind.SUMMARY),
]


def theme() -> Format:
    return Format.objects.builtin().get(key="tema-laeringsmoede")


def snapshots(format: Format) -> list[dict]:
    return [phase.snapshot() for phase in format.phases.order_by("position")]


@pytest.fixture
def open_items(monkeypatch):
    """The opening review with `count` open follow-up actions (rollups counts them in the app)."""

    def set_count(count: int) -> None:
        hook: Hook = Hook("test.review_items")
        hook.register(lambda meeting: count)
        monkeypatch.setattr(hooks, "review_items", hook)

    return set_count


def test_the_theme_meeting_has_the_blocks_of_the_odder_agendas():
    phases = list(theme().phases.order_by("position"))
    assert [(phase.name, phase.kind) for phase in phases] == THEME_BLOCKS
    by_name = {phase.name: phase for phase in phases}
    assert lines(by_name["Oplæg fra ledelsen"].prompts) == [
        "Hvad skal ledelsen fortælle for at informere om det strategiske og faglige indhold?"
    ]
    assert lines(by_name["Eksempler fra praksis"].prompts) == [
        "Hvad gjorde du?",
        "Hvorfor?",
        "Hvad er den faglige begrundelse?",
    ]
    assert lines(by_name["Læringsrunde"].prompts) == [
        "Hvad tager jeg med?",
        "Hvad vil jeg omsætte i praksis, og hvordan?",
    ]
    assert "Kan springes over" in by_name["Stilhed før tjek-ind (valgfri)"].instruction
    assert all(phase.minutes for phase in phases)


@pytest.mark.parametrize("open_actions", [0, 1, 3, 7, 10, 50])
def test_the_theme_meeting_fits_its_three_hours_with_the_review_step(
    world: World, open_items, open_actions
):
    open_items(open_actions)
    format = theme()
    assert format.meeting_minutes == 180
    preview = planning.plan_preview(
        team=world.syd,
        phases=snapshots(format),
        repeats_per_case=format.repeats_per_case,
        starts_at=None,
        cases=0,
        participant_count=12,
        duration_minutes=None,
        limit_minutes=format.meeting_minutes,
    )
    has_review = preview.steps[0].kind == PhaseKind.REVIEW
    assert has_review == (open_actions > 0)
    assert preview.timetable_minutes <= 180
    assert preview.over_limit == ""


def test_even_the_longest_review_leaves_the_theme_meeting_within_three_hours():
    blocks = sum(phase.minutes for phase in theme().phases.all())
    assert blocks + running_order.REVIEW_MAX_SECONDS // 60 <= 180


@pytest.mark.parametrize(
    ("timetable", "limit", "words"),
    [
        (192, 180, "Planen er 12 min over grænsen på 3 timer."),
        (181, 180, "Planen er 1 min over grænsen på 3 timer."),
        (250, 180, "Planen er 1 time og 10 min over grænsen på 3 timer."),
        (100, 90, "Planen er 10 min over grænsen på 1 time og 30 min."),
        (70, 60, "Planen er 10 min over grænsen på 1 time."),
        (40, 30, "Planen er 10 min over grænsen på 30 min."),
        (180, 180, ""),
        (120, 180, ""),
        (500, None, ""),
    ],
)
def test_the_planner_says_in_words_how_far_the_plan_is_over(timetable, limit, words):
    assert planning.over_limit_text(timetable, limit) == words


def test_the_plan_page_says_how_far_the_review_step_takes_a_full_agenda_over(
    client, world: World, open_items
):
    """The Odder agenda of Bilag 4 fills its three hours; a review of five open items opens
    the meeting and takes it five minutes over, which the planner says."""
    open_items(5)
    client.force_login(world.users["leader"])
    agenda = Format.objects.builtin().get(key="odder-faglig-sparring")
    response = client.get(
        reverse("meetings:plan", args=[world.syd.slug]),
        {"format": agenda.pk, "starts_at": "2026-12-10T12:30", "title": "Læringsmøde"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Planen er 5 min over grænsen på 3 timer." in response.content.decode()


def test_the_plan_page_says_nothing_of_the_limit_for_the_theme_meeting(
    client, world: World, open_items
):
    open_items(10)
    client.force_login(world.users["leader"])
    response = client.get(
        reverse("meetings:plan", args=[world.syd.slug]),
        {"format": theme().pk, "starts_at": "2026-12-10T12:30", "title": "Læringsmøde"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert "Opfølgning på åbne aftaler" in response.content.decode()
    assert "over grænsen" not in response.content.decode()


# The agendas of the appendices: their start, and each block's end as the agenda has it. Blocks
# whose times the agenda does not give are told by name only (None); their sum fills the gap.
APPENDICES = {
    "odder-virksomhedspraktik": ("09:00", [("Aftaler om uklarheder og guidelines", "11:30")]),
    "odder-samarbejde-jobkonsulenter": (
        "08:30",
        [
            ("Drøftelse i to grupper (inkl. pause)", None),
            ("Fælles opsamling", None),
            ("Afrunding: individuel opsamling", "11:30"),
        ],
    ),
    "odder-faglig-sparring": (
        "12:30",
        [
            ("Oplæg ved ekstern oplægsholder", "13:15"),
            ("Pause", "13:25"),
            ("Gruppearbejde", "14:15"),
            ("Pause", "14:25"),
            ("Opsamling", "15:20"),
            ("Runden: individuelt udbytte", "15:30"),
        ],
    ),
}


def _clock(text: str) -> datetime:
    return datetime.strptime(text, "%H:%M")


@pytest.mark.parametrize("key", APPENDICES)
def test_each_odder_agenda_keeps_the_times_of_its_appendix(key):
    start, ends = APPENDICES[key]
    format = Format.objects.builtin().get(key=key)
    phases = list(format.phases.order_by("position"))
    clock = _clock(start)
    reached: list[tuple[str, str]] = []
    for phase in phases:
        clock += timedelta(minutes=phase.minutes)
        reached.append((phase.name, clock.strftime("%H:%M")))
    wanted = iter(ends)
    name, end = next(wanted)
    for phase_name, at in reached:
        if phase_name != name:
            continue
        if end is not None:
            assert at == end, (key, phase_name)
        name, end = next(wanted, (None, None))
    assert name is None, f"{key}: no block named {name!r}"
    length = (clock - _clock(start)).seconds // 60
    assert format.meeting_minutes == length


def test_bilag_3_gives_45_minutes_to_the_groups_and_45_to_the_joint_summary():
    agenda = Format.objects.builtin().get(key="odder-samarbejde-jobkonsulenter")
    phases = {phase.name: phase.minutes for phase in agenda.phases.all()}
    assert phases["Drøftelse i to grupper (inkl. pause)"] == 45
    assert phases["Fælles opsamling"] == 45


def test_the_odder_agendas_with_practitioner_examples_have_presenters():
    kinds = {
        format.key: {phase.kind for phase in format.phases.all()}
        for format in Format.objects.builtin().filter(key__startswith="odder-")
    }
    assert PhaseKind.PRACTICE_EXAMPLES in kinds["odder-virksomhedspraktik"]
    assert PhaseKind.PRACTICE_EXAMPLES in kinds["odder-samarbejde-jobkonsulenter"]
    assert PhaseKind.PRACTICE_EXAMPLES not in kinds["odder-faglig-sparring"]
