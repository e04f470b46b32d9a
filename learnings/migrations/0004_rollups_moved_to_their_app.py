"""Rollups, their items and comments, and follow-up actions now belong to `rollups` (its 0001
takes them over in Django's state; the tables are untouched here)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('learnings', '0003_themes_rollups_actions'),
        ('rollups', '0001_initial'),
        ('products', '0002_source_rollup_items_in_rollups'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.DeleteModel(name='FollowUpAction'),
                migrations.DeleteModel(name='RollupComment'),
                migrations.DeleteModel(name='RollupItem'),
                migrations.DeleteModel(name='Rollup'),
            ],
        ),
    ]
