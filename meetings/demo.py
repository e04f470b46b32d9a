"""Demo meetings for `make run`: one ready to run today, a year of past meetings with their
times, and a theme meeting with two presenters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from meetings import services
from meetings.builtin_formats import install_builtin_formats
from meetings.groups import services as group_services
from meetings.models import CheckOut, Format, Meeting, MeetingStatus, Turn, TurnStatus
from meetings.presenters import services as presenter_services
from meetings.series.demo import load_series
from teams.demo import DemoTeams
from teams.models import User

PAST_CASES = [
    ("Sygemeldt med stress: timing af virksomhedspraktik", "sagsbehandler3"),
    ("Far i jobafklaring: samarbejde med jobkonsulent", "sagsbehandler4"),
    ("Ledig med misbrug: hvornår skal mentor ind?", "sagsbehandler1"),
    ("Enlig mor: delvis raskmelding", "sagsbehandler2"),
    ("Ung uden uddannelse: hvilken praktik først?", "sagsbehandler3"),
    ("Sygemeldt efter operation: forlængelse af sygedagpenge", "sagsbehandler4"),
    ("Familie med underretninger fra flere skoler", "sagsbehandler1"),
    ("Borger, der ikke møder op til samtaler", "sagsbehandler2"),
]
# A year of meetings every other week, oldest first.
PAST_WEEKS = range(52, 0, -2)
CHECK_OUT_SCORES = [4, 5, 3, 4, 2, 5, 4]
CHECK_OUT_LINES = [
    "Godt at høre, hvordan de andre griber praktikker an.",
    "",
    "Refleksionsrunden blev for lang.",
    "Jeg tager spørgsmålene om borgerens egne mål med.",
    "",
    "Tidslinjen hjalp mig til at se sagen på en ny måde.",
]
# How far each phase ran over or under its time box, in seconds, for the past meetings.
DRIFT = [40, -60, 150, 20, 90, 45]


def _at(day: datetime, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day.date(), time(hour, 0)))


@dataclass
class DemoMeetings:
    """The meetings this run of the loader created (None or empty when they existed)."""

    today: Meeting | None = None
    next_week: Meeting | None = None
    past: list[Meeting] = field(default_factory=list)


@transaction.atomic
def load_meetings(teams: DemoTeams) -> DemoMeetings:
    users = teams.users
    # Transactional test runs flush the tables the data migration filled; put them back.
    install_builtin_formats()
    teamsparring = Format.objects.builtin().get(key="teamsparring")
    syd_members = [membership.user for membership in teams.syd.memberships.order_by("id")]
    nord_members = [membership.user for membership in teams.nord.memberships.order_by("id")]
    today = timezone.localtime()
    start_of_today = _at(today, 0)
    created = DemoMeetings()
    ready = Meeting.objects.filter(
        team=teams.syd,
        status=MeetingStatus.PLANNED,
        starts_at__gte=start_of_today,
        starts_at__lt=start_of_today + timedelta(days=1),
    ).exists()
    if not ready:
        created.today = services.meeting_plan(
            team=teams.syd,
            format=teamsparring,
            title=f"Teammøde {today:%d.%m.%Y}",
            starts_at=_at(today, 13),
            place="Mødelokale 2",
            facilitator=users["leder"],
            participants=syd_members,
            agenda_titles=[],
            duration_minutes=120,
        )
    if not Meeting.objects.filter(
        team=teams.syd,
        status=MeetingStatus.PLANNED,
        starts_at__gte=start_of_today + timedelta(days=1),
    ).exists():
        next_week = today + timedelta(days=7)
        created.next_week = services.meeting_plan(
            team=teams.syd,
            format=teamsparring,
            title=f"Teammøde {next_week:%d.%m.%Y}",
            starts_at=_at(next_week, 13),
            place="Mødelokale 2",
            facilitator=users["leder"],
            participants=syd_members,
            agenda_titles=[],
        )
    if not Meeting.objects.filter(team=teams.nord, status=MeetingStatus.PLANNED).exists():
        services.meeting_plan(
            team=teams.nord,
            format=teamsparring,
            title=f"Teammøde Nord {today + timedelta(days=2):%d.%m.%Y}",
            starts_at=_at(today + timedelta(days=2), 10),
            place="Mødelokale 5",
            facilitator=users["leder.nord"],
            participants=nord_members,
            agenda_titles=[],
        )
    if not Meeting.objects.filter(team=teams.syd, status=MeetingStatus.FINISHED).exists():
        created.past = [
            _past_meeting(
                teams, teamsparring, syd_members, today - timedelta(weeks=weeks_ago), index
            )
            for index, weeks_ago in enumerate(PAST_WEEKS)
        ]
    _check_outs(teams)
    _theme_meeting(teams, syd_members, today)
    load_series(teams)
    return created


def _theme_meeting(teams: DemoTeams, syd_members: list[User], today: datetime) -> None:
    """A theme meeting in three and a half weeks (after the staff meetings a new case goes
    to), led by the coordinator with the leader beside her, with two presenters of
    practitioner examples (one has written her brief, one stands in for a colleague who had
    no example) and two breakout groups in rooms of their own."""
    theme = Format.objects.builtin().get(key="tema-laeringsmoede")
    if Meeting.objects.filter(team=teams.syd, format=theme).exists():
        return
    users = teams.users
    meeting = services.meeting_plan(
        team=teams.syd,
        format=theme,
        title="Læringsmøde om virksomhedspraktik",
        starts_at=_at(today + timedelta(days=24), 9),
        place="Mødelokale 2",
        facilitator=users["koordinator"],
        co_facilitator=users["leder"],
        participants=syd_members,
        agenda_titles=[],
    )
    first = presenter_services.presenter_assign(meeting=meeting, user=users["sagsbehandler1"])
    presenter_services.brief_save(
        presenter=first,
        revision=first.revision,
        what="Jeg startede en sygemeldt på fire timer om ugen i en praktik i hendes eget fag.",
        why="Hun ville gerne tilbage, men var bange for at gå ned igen.",
        justification="LAB § 42: optræning af arbejdsevnen med lægelig dokumentation for "
        "skånehensyn.",
    )
    second = presenter_services.presenter_assign(meeting=meeting, user=users["sagsbehandler2"])
    presenter_services.presenter_stand_in(presenter=second, stand_in=users["sagsbehandler3"])
    for group, room in zip(
        group_services.groups_propose(meeting=meeting, groups=2),
        ["Mødelokale 2", "Mødelokale 3"],
        strict=True,
    ):
        group_services.group_update(
            group=group,
            name=group.name,
            room=room,
            questions=group.questions.splitlines(),
            facilitator=group.facilitator,
        )


def _check_outs(teams: DemoTeams) -> None:
    """The participants' check-outs of Team Syd's held meetings: three to five answers each,
    and two to the oldest meeting, whose results are therefore withheld."""
    if CheckOut.objects.filter(meeting__team=teams.syd).exists():
        return
    held = Meeting.objects.filter(team=teams.syd, status=MeetingStatus.FINISHED).order_by(
        "starts_at"
    )
    for index, meeting in enumerate(held):
        people = list(meeting.participants.order_by("participation__position"))
        answering = people[: 2 if index == 0 else 3 + index % 3]
        CheckOut.objects.bulk_create(
            CheckOut(
                meeting=meeting,
                user=person,
                usefulness=CHECK_OUT_SCORES[(index + order) % len(CHECK_OUT_SCORES)],
                comment=CHECK_OUT_LINES[(index + order) % len(CHECK_OUT_LINES)],
            )
            for order, person in enumerate(answering)
        )


def _past_meeting(
    teams: DemoTeams, format: Format, members: list, day: datetime, index: int
) -> Meeting:
    users = teams.users
    title, owner = PAST_CASES[index % len(PAST_CASES)]
    meeting = services.meeting_plan(
        team=teams.syd,
        format=format,
        title=f"Teammøde {day:%d.%m.%Y}",
        starts_at=_at(day, 13),
        place="Mødelokale 2",
        facilitator=users["leder"],
        participants=members,
        agenda_titles=[title],
    )
    item = meeting.agenda_items.get()
    item.owner = users[owner]
    item.save(update_fields=["owner"])
    steps = list(meeting.steps.order_by("position"))
    for position, step in enumerate(steps):
        step.actual_seconds = max(step.planned_seconds + DRIFT[position % len(DRIFT)], 30)
        step.save(update_fields=["actual_seconds"])
        if step.is_round:
            share = step.actual_seconds / max(len(members), 1)
            Turn.objects.bulk_create(
                Turn(
                    step=step,
                    user=person,
                    position=order,
                    status=TurnStatus.DONE,
                    spoken_seconds=share + (order % 3) * 10 - 10,
                )
                for order, person in enumerate(members)
            )
    started = _at(day, 13)
    meeting.status = MeetingStatus.FINISHED
    meeting.started_at = started
    # Every step's actual_seconds was set above; the field itself may be empty.
    played = sum(s.actual_seconds or 0.0 for s in steps)
    meeting.ended_at = started + timedelta(seconds=played)
    meeting.current_position = len(steps) - 1
    meeting.save()
    return meeting
