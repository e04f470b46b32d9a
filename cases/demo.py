"""Demo cases for `make run`: today's agenda, a late case, next week's, and the history behind
the rotation view. All pseudonymised and invented."""

from __future__ import annotations

from datetime import timedelta
from typing import Any, cast

from django.db import transaction

from cases import services
from cases.models import Case, CaseStatus, SparringType
from meetings.demo import DemoMeetings
from meetings.models import Meeting
from teams.demo import DemoTeams
from teams.models import User

TODAY = [
    (
        "sagsbehandler1",
        "Mor med to børn: bekymrende skolefravær",
        SparringType.STALLED,
        "Hvordan får vi skolen og familien til at trække i samme retning?",
        "Barn 1 (11 år) har haft 30 % fravær siden sommerferien. Mor siger, at barnet har "
        "ondt i maven om morgenen. Skolen har sendt to underretninger. Far bor i en anden by.",
        [
            {"date": "2026-08-15", "event": "Skolestart, fraværet begynder"},
            {"date": "2026-09-20", "event": "Første underretning fra skolen"},
            {"date": "2026-10-28", "event": "Samtale med mor og barn 1"},
        ],
        [
            {"a": "mor", "relation": "forælder til", "b": "barn 1"},
            {"a": "mor", "relation": "forælder til", "b": "barn 2"},
            {"a": "far", "relation": "forælder til", "b": "barn 1"},
            {"a": "mor", "relation": "skilt fra", "b": "far"},
        ],
    ),
    (
        "sagsbehandler2",
        "Ung, 24 år: afklaring før ressourceforløb",
        SparringType.ARGUMENTS,
        "Er argumenterne for et ressourceforløb stærke nok til rehabiliteringsteamet?",
        "Borgeren har afbrudt to uddannelser og har en angstdiagnose. Tre praktikker er "
        "stoppet efter få uger. Lægekonsulenten anbefaler mentorstøtte.",
        [
            {"date": "2025-06-01", "event": "Uddannelse afbrudt"},
            {"date": "2026-02-10", "event": "Praktik stoppet efter tre uger"},
        ],
        [],
    ),
]
LATE = (
    "sagsbehandler4",
    "Sygemeldt efter ulykke: delvis raskmelding?",
    SparringType.TIMING,
    "Er tiden inde til at tale om delvis raskmelding?",
    "Borgeren har været sygemeldt i fire måneder efter en arbejdsulykke. Genoptræningen går "
    "godt, og arbejdsgiveren er positiv.",
)
NEXT_WEEK = (
    "sagsbehandler3",
    "Far i jobafklaring: hvordan inddrager vi jobkonsulenten?",
    SparringType.PRINCIPLE,
    "Hvornår i forløbet skal jobkonsulenten med?",
    "Et principielt spørgsmål om samarbejdet med jobkonsulenterne, vist ved en konkret sag.",
)


def _case(
    meeting: Meeting,
    author: User,
    title: str,
    kind: SparringType,
    wanted: str,
    background: str,
    **extra: Any,
) -> Case:
    return Case.objects.create(
        team=meeting.team,
        meeting=meeting,
        submitted_by=author,
        title=title,
        sparring_type=kind,
        sparring_wanted=wanted,
        background=background,
        **extra,
    )


@transaction.atomic
def load_cases(teams: DemoTeams, meetings: DemoMeetings) -> None:
    users = teams.users

    if meetings.today is not None:
        for username, title, kind, wanted, background, timeline, genogram in TODAY:
            case = _case(
                meetings.today,
                users[username],
                title,
                kind,
                wanted,
                background,
                timeline=timeline,
                genogram=genogram,
            )
            Case.objects.filter(pk=case.pk).update(
                submitted_at=meetings.today.starts_at - timedelta(days=3)
            )
            services.case_select(case=case)
        username, title, kind, wanted, background = LATE
        _case(meetings.today, users[username], title, kind, wanted, background, is_late=True)
    if meetings.next_week is not None:
        username, title, kind, wanted, background = NEXT_WEEK
        _case(meetings.next_week, users[username], title, kind, wanted, background)
    for meeting in meetings.past:
        for item in meeting.agenda_items.filter(owner__isnull=False):
            case = _case(
                meeting,
                cast(User, item.owner),  # the query keeps only items with an owner
                item.title,
                SparringType.STALLED,
                "Hvordan kommer vi videre?",
                "Drøftet på et tidligere møde.",
                status=CaseStatus.DISCUSSED,
            )
            Case.objects.filter(pk=case.pk).update(
                submitted_at=meeting.starts_at - timedelta(days=2), agenda_item=item
            )
