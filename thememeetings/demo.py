"""Demo theme learning meetings for `make run`: Demo Kommune's theme backlog from its sources,
the working group the department leader named with one of its short meetings, and a theme
meeting planned from the top theme for Team Syd with Team Nord and an outside researcher
invited. All invented."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from meetings.models import Format
from teams.demo import DemoTeams
from thememeetings import services
from thememeetings.models import Theme, ThemeSource

THEMES = [
    (
        "sagsbehandler1",
        "Virksomhedspraktik efter LAB § 42",
        "Vi bruger praktik forskelligt og ved ikke altid, hvad formålet skal være.",
        "Lovgivningen, lokale pejlemærker og gode eksempler fra praksis.",
        ThemeSource.DEPARTMENT_MEETING,
    ),
    (
        "leder",
        "Samarbejdet med jobkonsulenterne",
        "Henvisningerne er uklare, og borgerne venter på afklaring.",
        "Hvad jobkonsulenterne har brug for at vide, og hvem har ansvaret for progression.",
        ThemeSource.MANAGEMENT_SUPERVISION,
    ),
    (
        "koordinator",
        "Faglige begrundelser i indstillinger til rehabiliteringsteamet",
        "Indstillingerne er lange og forskellige; teamet beder om det nødvendige.",
        "Rehabiliteringsteamets behov og spørgsmål, vi kan stille os selv.",
        ThemeSource.ROLLUP_DECISION,
    ),
    (
        "sagsbehandler2",
        "Den svære samtale med en vred borger",
        "Læringsbesøget viste, hvor meget åbningen af samtalen betyder.",
        "Metoder til at åbne, styre og afslutte samtalen.",
        ThemeSource.LEARNING_VISIT,
    ),
]


@transaction.atomic
def load_theme_meetings(teams: DemoTeams) -> None:
    organisation = teams.organisation
    if Theme.objects.filter(organisation=organisation).exists():
        return
    users = teams.users
    services.working_group_set(
        organisation=organisation,
        members=[users["afdelingsleder"], users["koordinator"], users["sagsbehandler1"]],
    )
    themes = [
        services.theme_propose(
            organisation=organisation,
            proposed_by=users[who],
            title=title,
            why=why,
            knowledge_needed=knowledge,
            source=source,
        )
        for who, title, why, knowledge, source in THEMES
    ]
    services.theme_prioritise(
        theme=themes[1], position=1, justification="Haster: borgerne venter på afklaring."
    )
    services.theme_prioritise(
        theme=themes[0], position=2, justification="Vigtigt for strategien; næste gang."
    )
    services.working_group_meeting_add(
        organisation=organisation,
        date=timezone.localdate() - timedelta(days=7),
        agenda="1. Temalisten fra afdelingsmødet\n2. Næste læringsmøde: tema og mødeledere",
        notes="Samarbejdet med jobkonsulenterne er valgt. Koordinatoren og Amalie er mødeledere.",
        created_by=users["afdelingsleder"],
    )
    starts_at = (timezone.localtime() + timedelta(days=21)).replace(
        hour=8, minute=30, second=0, microsecond=0
    )
    services.theme_decide(
        theme=themes[1],
        format=Format.objects.builtin().get(key=services.THEME_FORMAT_KEY),
        starts_at=starts_at,
        place="Mødelokale 2",
        host_team=teams.syd,
        invited_teams=[teams.nord],
        guests=[services.Guest(name="Leif Hansen", role="forsker")],
        leaders=(users["koordinator"], users["sagsbehandler1"]),
    )
