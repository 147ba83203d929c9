"""Employer moves from `jobs` to this app, keeping its table and rows (`jobs_employer`).

State only: the table was created by jobs 0001 and stays as it is; jobs 0003 removes the model
from `jobs`' state once credit and programme point their foreign keys here.
"""

import django.db.models.deletion
import taihoanhap.core.validators
import uuid
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('geo', '0001_initial'),
        ('jobs', '0001_employers'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Employer',
                    fields=[
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                        ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ('version', models.PositiveIntegerField(default=1, editable=False, verbose_name='version')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('tax_code', models.CharField(max_length=14, unique=True, validators=[taihoanhap.core.validators.validate_tax_code], verbose_name='tax code')),
                        ('sector', models.CharField(max_length=100, verbose_name='sector')),
                        ('size', models.CharField(choices=[('household', 'Household business'), ('micro', 'Micro enterprise'), ('small', 'Small enterprise'), ('medium', 'Medium enterprise'), ('large', 'Large enterprise'), ('cooperative', 'Cooperative or cooperative group')], max_length=16, verbose_name='size')),
                        ('workforce', models.PositiveIntegerField(default=0, help_text='Everyone on the payroll.', verbose_name='employees')),
                        ('returnees_on_contract', models.PositiveIntegerField(default=0, help_text='People who served a prison sentence, employed on a labour contract.', verbose_name='returnees on labour contracts')),
                        ('address', models.CharField(blank=True, max_length=250, verbose_name='address')),
                        ('contact_name', models.CharField(blank=True, max_length=150, verbose_name='contact person')),
                        ('phone', models.CharField(blank=True, max_length=20, validators=[taihoanhap.core.validators.validate_phone], verbose_name='phone')),
                        ('email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail')),
                        ('willing_to_hire', models.BooleanField(default=True, verbose_name='willing to hire returnees')),
                        ('commune', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='geo.adminunit', verbose_name='commune')),
                        ('province', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='geo.adminunit')),
                    ],
                    options={
                        'verbose_name': 'employer',
                        'verbose_name_plural': 'employers',
                        'db_table': 'jobs_employer',
                        'ordering': ['name'],
                        'indexes': [models.Index(fields=['province', 'name'], name='employer_province_name')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
