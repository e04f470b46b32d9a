from django.db import migrations

from meetings.builtin_formats import install_builtin_formats


def install(apps, schema_editor):
    install_builtin_formats(
        apps.get_model("meetings", "Format"), apps.get_model("meetings", "FormatPhase")
    )


def uninstall(apps, schema_editor):
    apps.get_model("meetings", "Format").objects.filter(team=None).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(install, uninstall),
    ]
