"""Demo learning visit for `make run`: a caseworker followed a colleague for a day, the two held
their learning meeting, and the three points wait on the agenda of Team Syd's next meeting.
All invented."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from teams.demo import DemoTeams
from visits import services
from visits.models import Visit, VisitLength


@transaction.atomic
def load_visits(teams: DemoTeams) -> None:
    if Visit.objects.filter(team=teams.syd).exists():
        return
    users = teams.users
    visit = services.visit_plan(
        team=teams.syd,
        agent=users["sagsbehandler2"],
        colleague=users["sagsbehandler3"],
        date=timezone.localdate() - timedelta(days=10),
        length=VisitLength.WHOLE,
        planned_by=users["leder"],
    )
    visit = services.visit_check_in(
        visit=visit,
        wants_to_learn="Blive bedre til at styre samtalen, når borgeren er vred.",
        focus="Hvordan jeg åbner og afslutter samtalerne, og hvad jeg skriver bagefter.",
        ground_rules=["Læringsagenten er fluen på væggen og blander sig ikke i samtalerne."],
    )
    visit = services.visit_close(
        visit=visit,
        agent_seen=(
            "Tre samtaler med borgere, et møde med en jobkonsulent og et virksomhedsbesøg. "
            "Samtalerne startede altid med, hvad borgeren selv ville."
        ),
        agent_worked="Den rolige start og at aftalerne blev læst højt til sidst.",
        agent_differently="Notatet kunne skrives lige efter samtalen i stedet for sidst på dagen.",
        colleague_experience="Lidt underligt i starten, men det gav mig ro at forklare, hvorfor.",
        colleague_thoughts="Jeg gør meget af vane; det er godt at sætte ord på det.",
        points=[
            "Start samtalen med borgerens egne mål, før vi taler om krav.",
            "Læs aftalerne højt til sidst, så vi er enige om næste skridt.",
            "Skriv notatet lige efter samtalen, mens det er frisk.",
        ],
    )
    later = services.later_staff_meetings(visit=visit)
    if later:
        services.visit_put_on_agenda(visit=visit, meeting=later[0])
