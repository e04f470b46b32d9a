"""Rollups, their items and comments, and follow-up actions move here from `learnings`.

The tables stay as they are (learnings_*): this migration only tells Django's state that the
models now belong to `rollups`; 0002 then renames the tables and indexes.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('learnings', '0003_themes_rollups_actions'),
        ('meetings', '0001_initial'),
        ('teams', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='Rollup',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('period_start', models.DateField(verbose_name='fra')),
                        ('period_end', models.DateField(verbose_name='til')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='afsluttet')),
                        ('summary', models.TextField(blank=True, verbose_name='lederens sammenfatning')),
                        ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='rollups', to=settings.AUTH_USER_MODEL, verbose_name='oprettet af')),
                        ('meeting', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='rollups', to='meetings.meeting', verbose_name='drøftet på mødet')),
                        ('team', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='rollups', to='teams.team', verbose_name='team')),
                    ],
                    options={
                        'db_table': 'learnings_rollup',
                        'verbose_name': 'opsamling',
                        'verbose_name_plural': 'opsamlinger',
                        'ordering': ['-period_end', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='RollupComment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.TextField(verbose_name='kommentar')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('author', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to=settings.AUTH_USER_MODEL, verbose_name='skrevet af')),
                        ('rollup', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='comments', to='rollups.rollup', verbose_name='opsamling')),
                    ],
                    options={
                        'db_table': 'learnings_rollupcomment',
                        'verbose_name': 'kommentar',
                        'verbose_name_plural': 'kommentarer',
                        'ordering': ['created_at', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='RollupItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(default=0)),
                        ('title', models.CharField(max_length=200, verbose_name='overskrift')),
                        ('decision', models.CharField(blank=True, choices=[('change', 'Ændre praksis'), ('no_change', 'Ingen ændring'), ('parked', 'Parkeret')], max_length=20, verbose_name='beslutning')),
                        ('justification', models.TextField(blank=True, verbose_name='begrundelse')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='besluttet')),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='besluttet af')),
                        ('learning_points', models.ManyToManyField(related_name='rollup_items', to='learnings.learningpoint', verbose_name='læringspunkter')),
                        ('rollup', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='rollups.rollup', verbose_name='opsamling')),
                        ('theme', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='rollup_items', to='learnings.theme', verbose_name='tema')),
                    ],
                    options={
                        'db_table': 'learnings_rollupitem',
                        'verbose_name': 'punkt i opsamlingen',
                        'verbose_name_plural': 'punkter i opsamlingen',
                        'ordering': ['rollup', 'position', 'id'],
                    },
                ),
                migrations.CreateModel(
                    name='FollowUpAction',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=300, verbose_name='opfølgning')),
                        ('due_date', models.DateField(verbose_name='frist')),
                        ('status', models.CharField(choices=[('open', 'Åben'), ('done', 'Udført')], default='open', max_length=10, verbose_name='status')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('done_at', models.DateTimeField(blank=True, null=True, verbose_name='udført')),
                        ('last_reviewed_at', models.DateTimeField(blank=True, null=True, verbose_name='sidst gennemgået')),
                        ('created_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='oprettet af')),
                        ('meeting', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='actions', to='meetings.meeting', verbose_name='aftalt på mødet')),
                        ('owner', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='actions', to=settings.AUTH_USER_MODEL, verbose_name='ansvarlig')),
                        ('team', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='actions', to='teams.team', verbose_name='team')),
                        ('rollup_item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='actions', to='rollups.rollupitem', verbose_name='fra opsamlingen')),
                    ],
                    options={
                        'verbose_name': 'opfølgning',
                        'verbose_name_plural': 'opfølgninger',
                        'ordering': ['status', 'due_date', 'id'],
                        'indexes': [models.Index(fields=['owner', 'status'], name='learnings_f_owner_i_4deea9_idx'), models.Index(fields=['team', 'status'], name='learnings_f_team_id_defb12_idx')],
                        'db_table': 'learnings_followupaction',
                    },
                ),
            ],
        ),
    ]
