"""LoanApplication.employer points to employers.Employer (moved from jobs, same table): state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('credit', '0002_seed_decision_22_2023_parameters'),
        ('employers', '0001_employer_moved_from_jobs'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='loanapplication',
                    name='employer',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='loan_applications', to='employers.employer', verbose_name='employer'),
                ),
            ],
            database_operations=[],
        ),
    ]
