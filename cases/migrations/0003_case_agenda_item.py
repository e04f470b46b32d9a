from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0002_case_reminders"),
        ("meetings", "0006_agenda_item_case_without_reverse_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="case",
            name="agenda_item",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=models.deletion.SET_NULL,
                related_name="+",
                to="meetings.agendaitem",
                verbose_name="punkt på dagsordenen",
            ),
        ),
    ]
