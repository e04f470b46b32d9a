"""The rollup items products come from now live in `rollups` (same table, renamed there)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('products', '0001_initial'),
        ('rollups', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.AlterField(
                    model_name='product',
                    name='source_rollup_items',
                    field=models.ManyToManyField(blank=True, related_name='products', to='rollups.rollupitem', verbose_name='beslutninger fra opsamlinger'),
                ),
            ],
        ),
    ]
