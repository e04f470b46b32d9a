"""The daily top-up of meeting series. Meant for cron or the systemd timer, once a day:

python manage.py plan_series_meetings

Each active series gets its meetings planned PLAN_AHEAD ahead (meetings/series/services.py):
a date already planned is left alone, so running it twice plans nothing more.
"""

from typing import Any

from django.core.management.base import BaseCommand

from meetings.series.services import series_top_up_all


class Command(BaseCommand):
    help = "Planlægger mødeseriernes møder 8 uger frem."

    def handle(self, *args: Any, **options: Any) -> None:
        planned = series_top_up_all()
        self.stdout.write(f"Mødeserier: {planned} møder planlagt.")
