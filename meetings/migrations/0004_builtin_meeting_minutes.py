"""The built-in formats get the length a meeting of theirs may last (the field is 0003's)."""

from django.db import migrations

MEETING_MINUTES = {'teamsparring': 90,
 'faglig-sparring': 60,
 'systematisk-laeringsmoede': 30,
 'tvaerfagligt-moede': 60,
 'tema-laeringsmoede': 180,
 'laeringsbesoeg': 30}


def install(apps, schema_editor):
    Format = apps.get_model("meetings", "Format")
    for key, minutes in MEETING_MINUTES.items():
        Format.objects.filter(team=None, key=key).update(meeting_minutes=minutes)


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_case_capacity")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
