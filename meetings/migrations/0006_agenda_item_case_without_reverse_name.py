from django.db import migrations, models


class Migration(migrations.Migration):
    """First step of moving the case-to-agenda link to the case: the old field gives up its
    reverse name, so the new one on Case can take the place."""

    dependencies = [("meetings", "0005_review_phase"), ("cases", "0002_case_reminders")]

    operations = [
        migrations.AlterField(
            model_name="agendaitem",
            name="case",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=models.deletion.SET_NULL,
                related_name="+",
                to="cases.case",
                verbose_name="sag",
            ),
        ),
    ]
