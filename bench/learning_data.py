"""Three years of one team's learning, generated quickly for the learning pages' benchmarks.

About 150 weekly finished meetings with one or two cases each, 1,500 learning points by six
members with 8 themes, 15 rollups whose items hold their period's points (all but the latest
decided), and the follow-up actions of the "change practice" decisions plus some agreed at
meetings. Rows are written with bulk_create; rollups through the rollup service when it exists.
Deterministic for a given seed.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils import timezone

from learnings.models import Decision, LearningPoint, PointStatus, Theme
from meetings.models import AgendaItem, Format, Meeting, MeetingStatus, Participation
from rollups.models import ActionStatus, FollowUpAction, Rollup, RollupItem
from teams.models import Membership, Role, Team, User

THEMES = [
    "virksomhedspraktik",
    "samarbejde med jobkonsulenter",
    "sygedagpenge",
    "underretninger",
    "dokumentation",
    "borgerinddragelse",
    "ressourceforløb",
    "tværfagligt samarbejde",
]
TEXTS = [
    "Aftal med jobkonsulenten, hvem der tager den første kontakt til virksomheden.",
    "Skriv borgerens egne mål ind i planen, før vi vælger indsats.",
    "Tjek tidligt, om lægeattesten dækker det, vi skal vurdere.",
    "Brug tidslinjen, når sagen har skiftet sagsbehandler flere gange.",
    "En praktik skal have et klart formål, som virksomheden kender fra start.",
    "Ring til skolen, før vi svarer på en underretning, hvis noget er uklart.",
    "Sæt en dato for opfølgning, når praktikken starter.",
    "Notér kort i sagen, hvad teamet anbefalede, og hvorfor.",
]
DECISIONS = [Decision.CHANGE, Decision.NO_CHANGE, Decision.PARKED]


@dataclass
class LearningData:
    team: Team
    leader: User
    members: list[User]
    meetings: int = 0
    agenda_items: int = 0
    points: int = 0
    theme_links: int = 0
    rollups: int = 0
    rollup_items: int = 0
    decided_points: int = 0
    actions: int = 0
    open_actions: int = 0
    used_rollup_service: bool = False
    seconds: float = 0.0
    latest_rollup: Rollup | None = field(default=None, repr=False)

    def summary(self) -> dict:
        return {
            "meetings": self.meetings,
            "agenda_items": self.agenda_items,
            "points": self.points,
            "theme_links": self.theme_links,
            "rollups": self.rollups,
            "rollup_items": self.rollup_items,
            "decided_points": self.decided_points,
            "actions": self.actions,
            "open_actions": self.open_actions,
            "used_rollup_service": self.used_rollup_service,
            "generation_seconds": round(self.seconds, 3),
        }


def _members(team: Team, leader: User, count: int) -> list[User]:
    """The team's members with the leader first, topped up with new caseworkers to `count`."""
    members = [leader] + [
        membership.user
        for membership in Membership.objects.filter(team=team)
        .exclude(user=leader)
        .select_related("user")
        .order_by("pk")
    ]
    number = 0
    while len(members) < count:
        number += 1
        user, _created = User.objects.get_or_create(
            username=f"bench-{team.slug}-{number}",
            defaults={"first_name": "Bench", "last_name": f"Sagsbehandler {number}"},
        )
        Membership.objects.get_or_create(user=user, team=team, defaults={"role": Role.CASEWORKER})
        members.append(user)
    return members[:count]


def _meeting_times(today: date, meetings: int) -> list[datetime]:
    """Weekly at 9:00 local time, the latest a week before today, oldest first."""
    latest = timezone.make_aware(datetime.combine(today - timedelta(days=7), datetime.min.time()))
    latest = latest.replace(hour=9)
    return [
        timezone.make_aware(
            datetime.combine((latest - timedelta(weeks=weeks)).date(), datetime.min.time())
        ).replace(hour=9)
        for weeks in range(meetings - 1, -1, -1)
    ]


def generate_learning_data(
    *,
    team: Team,
    leader: User,
    today: date | None = None,
    meetings: int = 150,
    points: int = 1500,
    rollups: int = 15,
    members: int = 6,
    seed: int = 2026,
) -> LearningData:
    started = time.perf_counter()
    rng = random.Random(seed)
    today = today or timezone.localdate()
    people = _members(team, leader, members)
    data = LearningData(team=team, leader=leader, members=people)

    # Meetings, participants and agenda items.
    format, _created = Format.objects.get_or_create(
        team=None, key="bench-learning", defaults={"name": "Bench: sparring"}
    )
    times = _meeting_times(today, meetings)
    created_meetings = Meeting.objects.bulk_create(
        Meeting(
            team=team,
            format=format,
            title=f"Teammøde uge {starts_at.isocalendar().week}",
            starts_at=starts_at,
            place="Mødelokale 1",
            duration_minutes=90,
            facilitator=leader,
            status=MeetingStatus.FINISHED,
            started_at=starts_at,
            ended_at=starts_at + timedelta(minutes=90),
        )
        for starts_at in times
    )
    Participation.objects.bulk_create(
        Participation(meeting=meeting, user=person, position=position)
        for meeting in created_meetings
        for position, person in enumerate(people)
    )
    items = AgendaItem.objects.bulk_create(
        AgendaItem(
            meeting=meeting,
            position=position,
            title=f"Sag {position + 1}",
            owner=people[1 + (index + position) % (len(people) - 1)],
        )
        for index, meeting in enumerate(created_meetings)
        for position in range(2 if rng.random() < 0.5 else 1)
    )
    items_of: dict[int, list[AgendaItem]] = {}
    for item in items:
        items_of.setdefault(item.meeting_id, []).append(item)
    data.meetings = len(created_meetings)
    data.agenda_items = len(items)

    # Learning points, spread over the meetings, each with its meeting's time.
    themes = [Theme.objects.get_or_create(team=team, name=name)[0] for name in THEMES]
    per_meeting, extra = divmod(points, len(created_meetings))
    new_points: list[LearningPoint] = []
    moments: list[datetime] = []
    for index, meeting in enumerate(created_meetings):
        for number in range(per_meeting + (1 if index < extra else 0)):
            summary = number == 0
            new_points.append(
                LearningPoint(
                    team=team,
                    meeting=meeting,
                    agenda_item=rng.choice(items_of[meeting.pk]),
                    author=leader if summary else rng.choice(people),
                    text=rng.choice(TEXTS),
                    is_leader_summary=summary,
                    changes_practice=(rng.random() < 0.3) if summary else None,
                )
            )
            moments.append(meeting.starts_at + timedelta(minutes=rng.randrange(5, 90)))
    created_points = LearningPoint.objects.bulk_create(new_points, batch_size=500)
    # created_at is auto_now_add: bulk_create sets it to now, so it is put right afterwards.
    for point, moment in zip(created_points, moments, strict=True):
        point.created_at = point.updated_at = moment
    LearningPoint.objects.bulk_update(created_points, ["created_at", "updated_at"], batch_size=500)
    links = []
    for point in created_points:
        roll = rng.random()
        count = 0 if roll < 0.1 else 2 if roll > 0.8 else 1
        links.extend(
            LearningPoint.themes.through(learningpoint_id=point.pk, theme_id=theme.pk)
            for theme in rng.sample(themes, count)
        )
    LearningPoint.themes.through.objects.bulk_create(links, batch_size=1000)
    data.points = len(created_points)
    data.theme_links = len(links)

    # Rollups: consecutive periods from the first meeting until three weeks ago.
    first_day = timezone.localtime(times[0]).date()
    last_day = today - timedelta(days=21)
    length = (last_day - first_day).days // rollups
    periods = [
        (
            first_day + timedelta(days=number * length),
            last_day
            if number == rollups - 1
            else first_day + timedelta(days=(number + 1) * length - 1),
        )
        for number in range(rollups)
    ]
    created_rollups = _create_rollups(team, leader, periods, data)
    data.rollups = len(created_rollups)
    data.latest_rollup = created_rollups[-1] if created_rollups else None

    # Decisions: every item of the finished rollups, the first half of the latest's.
    decided_items: list[RollupItem] = []
    all_items = list(
        RollupItem.objects.filter(rollup__in=created_rollups).order_by("rollup_id", "position")
    )
    data.rollup_items = len(all_items)
    latest_items = [item for item in all_items if item.rollup_id == data.latest_rollup.pk]
    undecided = {item.pk for item in latest_items[len(latest_items) // 2 :]}
    rollup_of = {rollup.pk: rollup for rollup in created_rollups}
    for item in all_items:
        if item.pk in undecided:
            continue
        item.decision = rng.choices(DECISIONS, weights=[4, 4, 2])[0]
        item.justification = "Drøftet på teammødet."
        item.decided_by = leader
        item.decided_at = timezone.make_aware(
            datetime.combine(
                rollup_of[item.rollup_id].period_end + timedelta(days=7), datetime.min.time()
            )
        )
        decided_items.append(item)
    RollupItem.objects.bulk_update(
        decided_items, ["decision", "justification", "decided_by", "decided_at"], batch_size=500
    )
    for decision in DECISIONS:
        LearningPoint.objects.filter(
            rollup_items__in=[item.pk for item in decided_items if item.decision == decision]
        ).update(decision=decision, status=PointStatus.DECIDED)
    data.decided_points = LearningPoint.objects.filter(team=team).exclude(decision="").count()
    finished = [rollup for rollup in created_rollups if rollup is not data.latest_rollup]
    for rollup in finished:
        rollup.finished_at = timezone.make_aware(
            datetime.combine(rollup.period_end + timedelta(days=8), datetime.min.time())
        )
        rollup.summary = "Teamet har drøftet periodens læringspunkter."
        rollup.meeting = next(
            (
                meeting
                for meeting in created_meetings
                if meeting.starts_at.date() > rollup.period_end
            ),
            None,
        )
    Rollup.objects.bulk_update(finished, ["finished_at", "summary", "meeting"])

    # Follow-up actions: one per "change practice" decision, plus one every tenth meeting.
    actions = []
    for item in decided_items:
        if item.decision != Decision.CHANGE:
            continue
        due = item.decided_at.date() + timedelta(days=30)
        done = due < today - timedelta(days=30) and rng.random() < 0.85
        actions.append(
            FollowUpAction(
                team=team,
                title=f"Ny praksis: {item.title}",
                owner=rng.choice(people),
                due_date=due,
                status=ActionStatus.DONE if done else ActionStatus.OPEN,
                done_at=item.decided_at + timedelta(days=20) if done else None,
                rollup_item=item,
                created_by=leader,
            )
        )
    for meeting in created_meetings[::10]:
        due = meeting.starts_at.date() + timedelta(days=14)
        done = due < today - timedelta(days=14)
        actions.append(
            FollowUpAction(
                team=team,
                title="Del erfaringerne fra sagen med jobcentret",
                owner=rng.choice(people),
                due_date=due,
                status=ActionStatus.DONE if done else ActionStatus.OPEN,
                done_at=meeting.starts_at + timedelta(days=10) if done else None,
                meeting=meeting,
                created_by=leader,
            )
        )
    FollowUpAction.objects.bulk_create(actions)
    LearningPoint.objects.filter(
        rollup_items__actions__status=ActionStatus.DONE, status=PointStatus.DECIDED
    ).update(status=PointStatus.DONE)
    data.actions = len(actions)
    data.open_actions = sum(action.status == ActionStatus.OPEN for action in actions)
    data.seconds = time.perf_counter() - started
    return data


def _create_rollups(
    team: Team, leader: User, periods: list[tuple[date, date]], data: LearningData
) -> list[Rollup]:
    """Through the rollup service when it exists (it groups the period's points by theme and
    raises them), else the same rows written directly."""
    try:
        from rollups.services import rollup_start
    except ImportError:
        rollup_start = None
    if rollup_start is not None:
        data.used_rollup_service = True
        return [
            rollup_start(team=team, user=leader, period_start=start, period_end=end)
            for start, end in periods
        ]
    return _create_rollups_directly(team, leader, periods)


def _create_rollups_directly(
    team: Team, leader: User, periods: list[tuple[date, date]]
) -> list[Rollup]:
    rollups = Rollup.objects.bulk_create(
        Rollup(team=team, period_start=start, period_end=end, created_by=leader)
        for start, end in periods
    )
    zone = timezone.get_current_timezone()
    first_theme: dict[int, tuple[str, int, str]] = {}
    for link in LearningPoint.themes.through.objects.filter(
        learningpoint__team=team
    ).select_related("theme"):
        key = (link.theme.name.casefold(), link.theme_id, link.theme.name)
        if link.learningpoint_id not in first_theme or key < first_theme[link.learningpoint_id]:
            first_theme[link.learningpoint_id] = key
    points = list(LearningPoint.objects.filter(team=team).values_list("pk", "created_at"))
    groups: dict[tuple[int, tuple[str, int, str] | None], list[int]] = {}
    for point_id, created_at in points:
        day = created_at.astimezone(zone).date()
        for index, rollup in enumerate(rollups):
            if rollup.period_start <= day <= rollup.period_end:
                groups.setdefault((index, first_theme.get(point_id)), []).append(point_id)
                break
    ordered = sorted(groups, key=lambda key: (key[0], key[1] is None, key[1] or ("", 0, "")))
    items = RollupItem.objects.bulk_create(
        RollupItem(
            rollup=rollups[index],
            position=sum(1 for other, _theme in ordered[:position] if other == index),
            theme_id=theme[1] if theme else None,
            title=theme[2][:1].upper() + theme[2][1:] if theme else "Uden tema",
        )
        for position, (index, theme) in enumerate(ordered)
    )
    RollupItem.learning_points.through.objects.bulk_create(
        (
            RollupItem.learning_points.through(rollupitem_id=item.pk, learningpoint_id=point_id)
            for item, key in zip(items, ordered, strict=True)
            for point_id in groups[key]
        ),
        batch_size=1000,
    )
    LearningPoint.objects.filter(team=team, rollup_items__isnull=False).update(
        status=PointStatus.RAISED
    )
    return rollups
