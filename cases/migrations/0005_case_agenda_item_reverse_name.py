from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_copy_agenda_links"),
        ("meetings", "0007_agenda_item_case_moved_to_cases"),
    ]

    operations = [
        migrations.AlterField(
            model_name="case",
            name="agenda_item",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=models.deletion.SET_NULL,
                related_name="case",
                to="meetings.agendaitem",
                verbose_name="punkt på dagsordenen",
            ),
        ),
    ]
