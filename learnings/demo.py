"""Demo learning for `make run`: a year of Team Syd's learning points with themes. All
invented."""

from __future__ import annotations

from django.db import transaction

from learnings.models import LearningPoint, Theme
from meetings.demo import DemoMeetings
from teams.demo import DemoTeams

THEMES = [
    "virksomhedspraktik",
    "samarbejde med jobkonsulenter",
    "sygedagpenge",
    "underretninger",
    "dokumentation",
    "borgerinddragelse",
]
POINTS = [
    (
        "Aftal med jobkonsulenten, hvem der tager den første kontakt til virksomheden.",
        "samarbejde med jobkonsulenter",
    ),
    ("Skriv borgerens egne mål ind i planen, før vi vælger indsats.", "borgerinddragelse"),
    ("Tjek tidligt, om lægeattesten dækker det, vi skal vurdere.", "sygedagpenge"),
    ("Brug tidslinjen, når sagen har skiftet sagsbehandler flere gange.", "dokumentation"),
    (
        "En praktik skal have et klart formål, som virksomheden kender fra start.",
        "virksomhedspraktik",
    ),
    ("Ring til skolen, før vi svarer på en underretning, hvis noget er uklart.", "underretninger"),
    (
        "Jobkonsulenten skal have henvisningen, før første møde med virksomheden.",
        "samarbejde med jobkonsulenter",
    ),
    ("Vurder forlængelse af sygedagpenge i god tid før revurderingen.", "sygedagpenge"),
    ("Sæt en dato for opfølgning, når praktikken starter.", "virksomhedspraktik"),
    (
        "Spørg borgeren, hvad der skal til for at møde op, i stedet for at sanktionere først.",
        "borgerinddragelse",
    ),
    ("Notér kort i sagen, hvad teamet anbefalede, og hvorfor.", "dokumentation"),
    ("Flere underretninger om samme barn skal ses samlet, ikke hver for sig.", "underretninger"),
]
AUTHORS = ["sagsbehandler1", "sagsbehandler2", "sagsbehandler3", "sagsbehandler4", "koordinator"]


@transaction.atomic
def load_learning(teams: DemoTeams, meetings: DemoMeetings) -> None:
    users = teams.users
    themes = {name: Theme.objects.get_or_create(team=teams.syd, name=name)[0] for name in THEMES}
    if not meetings.past:
        return
    for number, meeting in enumerate(meetings.past):
        item = meeting.agenda_items.first()
        for offset in range(2):
            text, theme = POINTS[(number * 2 + offset) % len(POINTS)]
            point = LearningPoint.objects.create(
                team=teams.syd,
                meeting=meeting,
                agenda_item=item,
                author=users[AUTHORS[(number + offset) % len(AUTHORS)]],
                text=text,
            )
            point.themes.add(themes[theme])
        LearningPoint.objects.create(
            team=teams.syd,
            meeting=meeting,
            agenda_item=item,
            author=users["leder"],
            text="Vi tager punkterne med til næste opsamling.",
            is_leader_summary=True,
            changes_practice=number % 3 == 0,
        )
        LearningPoint.objects.filter(meeting=meeting).update(
            created_at=meeting.ended_at or meeting.starts_at
        )
