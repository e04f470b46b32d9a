from django.db import migrations


class Migration(migrations.Migration):
    """The link now lives on the case (cases 0003-0004), so meetings no longer names cases."""

    dependencies = [
        ("meetings", "0006_agenda_item_case_without_reverse_name"),
        ("cases", "0004_copy_agenda_links"),
    ]

    operations = [
        migrations.RemoveField(model_name="agendaitem", name="case"),
    ]
