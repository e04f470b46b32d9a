from django.db import migrations

from meetings.builtin_formats import install_builtin_formats


def install(apps, schema_editor):
    install_builtin_formats(apps.get_model("meetings", "Format"), apps.get_model("meetings", "FormatPhase"))


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_case_capacity")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
