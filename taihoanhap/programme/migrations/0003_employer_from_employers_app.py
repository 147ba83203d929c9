"""Recognition.employer points to employers.Employer (moved from jobs, same table): state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('programme', '0002_seed_default_target'),
        ('employers', '0001_employer_moved_from_jobs'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='recognition',
                    name='employer',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='employers.employer', verbose_name='employer'),
                ),
            ],
            database_operations=[],
        ),
    ]
