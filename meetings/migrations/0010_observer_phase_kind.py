"""The interdisciplinary format's "Observatørens feedback" becomes an observer phase, in the
built-in format and in the meetings not yet finished that were planned from it."""

from django.db import migrations

FORMAT_KEY = "tvaerfagligt-moede"
PHASE_NAME = "Observatørens feedback"


def set_kind(apps, old: str, new: str) -> None:
    FormatPhase = apps.get_model("meetings", "FormatPhase")
    Meeting = apps.get_model("meetings", "Meeting")
    Step = apps.get_model("meetings", "Step")
    FormatPhase.objects.filter(
        format__team=None, format__key=FORMAT_KEY, name=PHASE_NAME, kind=old
    ).update(kind=new)
    meetings = Meeting.objects.filter(format__key=FORMAT_KEY).exclude(status="finished")
    Step.objects.filter(meeting__in=meetings, name=PHASE_NAME, kind=old).update(kind=new)
    for meeting in meetings:
        phases = [
            {**phase, "kind": new}
            if phase.get("name") == PHASE_NAME and phase.get("kind") == old
            else phase
            for phase in meeting.phases
        ]
        if phases != meeting.phases:
            meeting.phases = phases
            meeting.save(update_fields=["phases"])


def forwards(apps, schema_editor):
    set_kind(apps, "talk", "observation")


def backwards(apps, schema_editor):
    set_kind(apps, "observation", "talk")


class Migration(migrations.Migration):
    dependencies = [("meetings", "0009_observer_and_hands")]

    operations = [migrations.RunPython(forwards, backwards)]
