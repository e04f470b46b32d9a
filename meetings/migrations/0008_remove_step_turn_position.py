from django.db import migrations


class Migration(migrations.Migration):
    """Nothing read the turn position of a step: a round's turns carry their own."""

    dependencies = [("meetings", "0007_agenda_item_case_moved_to_cases")]

    operations = [migrations.RemoveField(model_name="step", name="turn_position")]
