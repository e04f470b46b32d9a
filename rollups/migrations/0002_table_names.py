"""The moved tables and indexes take the names of their new app."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('rollups', '0001_initial'),
        ('learnings', '0004_rollups_moved_to_their_app'),
    ]

    operations = [
        migrations.AlterModelTable(name='rollup', table=None),
        migrations.AlterModelTable(name='rollupcomment', table=None),
        migrations.AlterModelTable(name='rollupitem', table=None),
        migrations.AlterModelTable(name='followupaction', table=None),
        migrations.RenameIndex(
            model_name='followupaction',
            new_name='rollups_fol_owner_i_6cb6c6_idx',
            old_name='learnings_f_owner_i_4deea9_idx',
        ),
        migrations.RenameIndex(
            model_name='followupaction',
            new_name='rollups_fol_team_id_066463_idx',
            old_name='learnings_f_team_id_defb12_idx',
        ),
    ]
