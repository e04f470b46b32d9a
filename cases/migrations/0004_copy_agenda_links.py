from django.db import migrations


def copy_links(apps, schema_editor):
    """Each agenda item that named a case is now named by that case."""
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    Case = apps.get_model("cases", "Case")
    for item_id, case_id in AgendaItem.objects.filter(case__isnull=False).values_list(
        "pk", "case_id"
    ):
        Case.objects.filter(pk=case_id).update(agenda_item_id=item_id)


def copy_back(apps, schema_editor):
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    Case = apps.get_model("cases", "Case")
    for case_id, item_id in Case.objects.filter(agenda_item__isnull=False).values_list(
        "pk", "agenda_item_id"
    ):
        AgendaItem.objects.filter(pk=item_id).update(case_id=case_id)


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_case_agenda_item")]

    operations = [migrations.RunPython(copy_links, copy_back)]
