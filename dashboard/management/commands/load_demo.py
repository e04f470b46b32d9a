from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from cases.demo import load_cases
from learnings.demo import load_learning
from meetings.demo import load_meetings
from products.demo import load_products
from rollups.demo import load_rollups
from teams import demo
from thememeetings.demo import load_theme_meetings
from visits.demo import load_visits


class Command(BaseCommand):
    help = "Indlæser demodata (Demo Kommune). Kan køres igen uden at lave dubletter."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--quiet-logins",
            action="store_true",
            help="Udskriv ikke demo-logins.",
        )

    def handle(self, *args: object, **options: object) -> None:
        if not settings.DEBUG:
            raise CommandError(
                "Demodata indlæses kun med DJANGO_DEBUG=1: demo-brugernes adgangskode er kendt."
            )
        loaded = demo.load_teams()
        meetings = load_meetings(loaded)
        load_cases(loaded, meetings)
        load_learning(loaded, meetings)
        load_rollups(loaded, meetings)
        load_products(loaded)
        load_visits(loaded)
        load_theme_meetings(loaded)
        self.stdout.write(self.style.SUCCESS(f"Demodata klar: {loaded.organisation.name}"))
        if not options["quiet_logins"]:
            self.stdout.write(f"Demo-logins (adgangskode {demo.DEMO_PASSWORD}):")
            for person in demo.DEMO_PEOPLE:
                where = person.team or "begge teams"
                role = person.title or (person.role.label if person.role else "afdelingsleder")
                self.stdout.write(f"  {person.username:<20} {role}, {where}")
            self.stdout.write(f"  {'admin':<20} administrator (Django-admin)")
