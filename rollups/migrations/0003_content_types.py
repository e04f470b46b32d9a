"""Existing installations keep their admin history and permissions: the content types of the
moved models are relabelled rather than created anew (a new database has none yet)."""

from django.db import migrations

MODELS = ["rollup", "rollupitem", "rollupcomment", "followupaction"]


def _relabel(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    _relabel(apps, "learnings", "rollups")


def backwards(apps, schema_editor):
    _relabel(apps, "rollups", "learnings")


class Migration(migrations.Migration):

    dependencies = [
        ('rollups', '0002_table_names'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
