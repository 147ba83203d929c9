"""Employer leaves `jobs` for the `employers` app: state only, the table `jobs_employer` stays.

The foreign keys of jobs point to employers.Employer (same table, so no change in the
database), then the model leaves jobs' state. Runs after credit and programme moved their
foreign keys, so no state model still points to jobs.Employer when it goes.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('jobs', '0002_vacancies_employment_consent_fairs'),
        ('employers', '0001_employer_moved_from_jobs'),
        ('credit', '0003_employer_from_employers_app'),
        ('programme', '0003_employer_from_employers_app'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='employmentrecord',
                    name='employer',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='employment_records', to='employers.employer', verbose_name='employer'),
                ),
                migrations.AlterField(
                    model_name='fairemployer',
                    name='employer',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='fair_participations', to='employers.employer'),
                ),
                migrations.AlterField(
                    model_name='vacancy',
                    name='employer',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='vacancies', to='employers.employer', verbose_name='employer'),
                ),
                migrations.DeleteModel(
                    name='Employer',
                ),
            ],
            database_operations=[],
        ),
    ]
