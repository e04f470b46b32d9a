"""What the planner starts from and what its format picker shows (meetings/planning.py)."""

from datetime import datetime, time, timedelta

import time_machine
from django.utils import timezone

from meetings import planning, services
from meetings.builtin_formats import BUILTIN_FORMATS
from meetings.formats.services import format_copy
from meetings.models import Format, Meeting, MeetingStatus
from tests.conftest import World
from tests.factories import make_format

# Wednesday 2 December 2026, 10:00 in Copenhagen.
NOW = timezone.make_aware(datetime(2026, 12, 2, 10, 0))


def held(world: World, day, *, hour: int = 13, place: str = "Mødelokale 2", format=None):
    meeting = services.meeting_plan(
        team=world.syd,
        format=format or Format.objects.builtin().get(key="teamsparring"),
        title="Teammøde",
        starts_at=timezone.make_aware(datetime.combine(day, time(hour, 0))),
        place=place,
        facilitator=world.users["leader"],
        participants=[world.users["leader"]],
        agenda_titles=[],
    )
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.FINISHED)
    return meeting


def test_the_defaults_follow_the_teams_rhythm_place_and_format(world: World):
    tuesday = NOW.date() - timedelta(days=1)
    own = make_format(team=world.syd, key="syd-format")
    held(world, tuesday - timedelta(weeks=2), place="Lokale 1")
    held(world, tuesday - timedelta(weeks=1), place="")
    held(world, tuesday, place="", format=own)
    with time_machine.travel(NOW, tick=False):
        defaults = planning.plan_defaults(team=world.syd)
    assert timezone.localtime(defaults.starts_at) == timezone.make_aware(
        datetime.combine(tuesday + timedelta(weeks=1), time(13, 0))
    )
    # The place of the last meeting that had one; the format of the last meeting.
    assert defaults.place == "Lokale 1"
    assert defaults.format_id == own.pk


def test_a_date_already_planned_is_not_the_next_free_slot(world: World):
    tuesday = NOW.date() - timedelta(days=1)
    for weeks in range(3):
        held(world, tuesday - timedelta(weeks=weeks))
    planned = services.meeting_plan(
        team=world.syd,
        format=Format.objects.builtin().get(key="teamsparring"),
        title="Allerede planlagt",
        starts_at=timezone.make_aware(datetime.combine(tuesday + timedelta(weeks=1), time(9))),
        place="",
        facilitator=world.users["leader"],
        participants=[world.users["leader"]],
        agenda_titles=[],
    )
    assert planned.status == MeetingStatus.PLANNED
    with time_machine.travel(NOW, tick=False):
        defaults = planning.plan_defaults(team=world.syd)
    assert timezone.localtime(defaults.starts_at).date() == tuesday + timedelta(weeks=2)


def test_a_team_that_never_met_starts_from_the_next_working_day(world: World):
    with time_machine.travel(NOW, tick=False):
        defaults = planning.plan_defaults(team=world.syd)
    assert timezone.localtime(defaults.starts_at) == timezone.make_aware(
        datetime(2026, 12, 3, 9, 0)
    )
    assert (defaults.place, defaults.format_id) == ("", None)


def test_other_teams_meetings_say_nothing_of_this_teams_rhythm(world: World):
    meeting = held(world, NOW.date() - timedelta(days=1))
    Meeting.objects.filter(pk=meeting.pk).update(team=world.nord)
    with time_machine.travel(NOW, tick=False):
        assert planning.plan_defaults(team=world.syd).format_id is None


def test_the_picker_lists_the_teams_own_formats_first_then_the_methods_in_order(world):
    copy = format_copy(
        source=Format.objects.builtin().get(key="tvaerfagligt-moede"), team=world.syd
    )
    make_format(team=world.nord, key="nords-format")
    choices = planning.format_choices(team=world.syd, participant_count=5)
    assert choices[0].format == copy
    builtin_keys = [choice.format.key for choice in choices if choice.format.is_builtin]
    assert builtin_keys == [data["key"] for data in BUILTIN_FORMATS]
    assert "nords-format" not in [choice.format.key for choice in choices]
    # A copy tells what its original was for and where it comes from.
    assert choices[0].purpose == copy.copied_from.purpose != ""
    assert choices[0].source == copy.copied_from.source != ""


def test_each_choice_has_its_phases_and_length_for_the_teams_size(world: World):
    choices = {
        choice.format.key: choice
        for choice in planning.format_choices(team=world.syd, participant_count=8)
    }
    systematic = choices["systematisk-laeringsmoede"]
    assert systematic.length.one_case_minutes == 30
    assert systematic.length.depends_on_people and systematic.all_per_case
    assert [phase.minutes for phase in systematic.phases][:3] == [5, 10, 2]
    theme = choices["tema-laeringsmoede"]
    assert theme.length.per_case_seconds == 0 and not theme.all_per_case
    assert theme.length.one_case_minutes == sum(phase.minutes or 0 for phase in theme.phases)
    assert choices["teamsparring"].length.cases_fit == 2


def test_the_picker_reads_in_two_queries_however_many_formats(
    world: World, django_assert_num_queries
):
    for number in range(5):
        make_format(team=world.syd, key=f"eget-{number}")
    with django_assert_num_queries(2):
        planning.format_choices(team=world.syd, participant_count=4)


def test_the_teams_meeting_defaults_come_before_its_history(world: World):
    tuesday = NOW.date() - timedelta(days=1)
    held(world, tuesday - timedelta(weeks=1), place="Lokale 1")
    held(world, tuesday, place="Lokale 1")
    # Thursdays at 8:30 every other week, counted from the team's last Thursday meeting.
    last_thursday = NOW.date() - timedelta(days=6)
    held(world, last_thursday - timedelta(weeks=2), hour=8, place="")
    world.syd.meeting_weekday = 3
    world.syd.meeting_time = time(8, 30)
    world.syd.meeting_weeks_between = 2
    world.syd.meeting_place = "Store mødelokale"
    world.syd.save()
    with time_machine.travel(NOW, tick=False):
        defaults = planning.plan_defaults(team=world.syd)
    assert timezone.localtime(defaults.starts_at) == timezone.make_aware(
        datetime.combine(last_thursday + timedelta(weeks=2), time(8, 30))
    )
    assert defaults.place == "Store mødelokale"


def test_a_team_with_a_weekday_and_no_meetings_starts_on_the_next_such_day(world: World):
    world.syd.meeting_weekday = 2
    world.syd.save()
    with time_machine.travel(NOW, tick=False):
        defaults = planning.plan_defaults(team=world.syd)
    # Wednesday 10:00 now: today's 9:00 has passed, so next Wednesday.
    assert timezone.localtime(defaults.starts_at) == timezone.make_aware(
        datetime(2026, 12, 9, 9, 0)
    )
