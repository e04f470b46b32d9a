"""Remind caseworkers to bring a case before a meeting's submission deadline. Meant for cron,
once an hour:

    python manage.py send_case_reminders
    python manage.py send_case_reminders --hours-before 24
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from cases.reminders import meetings_due_for_reminder, reminder_recipients
from cases.tasks import send_case_reminders


def plural(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


class Command(BaseCommand):
    help = (
        "Sender påmindelser om at indsende en sag til møder, hvis frist for sager udløber "
        "inden for det angivne antal timer."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--hours-before",
            type=int,
            default=6,
            help="Påmind om møder, hvis frist udløber inden for så mange timer (standard: 6).",
        )

    def handle(self, *args: Any, hours_before: int = 6, **options: Any) -> None:
        if hours_before < 1:
            raise CommandError("--hours-before skal være mindst 1.")
        now = timezone.now()
        meetings = reminders = 0
        with transaction.atomic():
            for meeting in meetings_due_for_reminder(now=now, hours_before=hours_before):
                people = reminder_recipients(meeting=meeting)
                if not people:
                    continue
                meetings += 1
                reminders += len(people)
                user_ids = [person.pk for person in people]
                meeting_id = meeting.pk

                # The defaults keep this meeting's values until the commit, after the loop.
                def enqueue(meeting_id: int = meeting_id, user_ids: list[int] = user_ids) -> None:
                    send_case_reminders.enqueue(meeting_id=meeting_id, user_ids=user_ids)

                transaction.on_commit(enqueue)
                self.stdout.write(
                    f"  {meeting.title} ({timezone.localtime(meeting.starts_at):%d.%m.%Y %H:%M}):"
                    f" {len(people)} påmindet"
                )
        if meetings:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Påmindelser til {plural(reminders, 'sagsbehandler', 'sagsbehandlere')} "
                    f"om {plural(meetings, 'møde', 'møder')} er sendt af sted."
                )
            )
        else:
            self.stdout.write("Ingen møder skulle have påmindelser nu.")
