"""Views wait in a table of their own until they are chained in batches (see PendingView).

A trigger refuses changes to a waiting view, as 0003 does for the events; sealing deletes them
in the transaction that chains them.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

TRIGGERS = {
    "sqlite": [
        """CREATE TRIGGER audit_pending_no_update BEFORE UPDATE ON audit_pendingview
           BEGIN SELECT RAISE(ABORT, 'pending views are append-only'); END;""",
    ],
    "postgresql": [
        """CREATE OR REPLACE FUNCTION audit_pending_no_update() RETURNS trigger AS $$
           BEGIN RAISE EXCEPTION 'pending views are append-only'; END; $$ LANGUAGE plpgsql;""",
        """CREATE TRIGGER audit_pending_no_update BEFORE UPDATE ON audit_pendingview
           FOR EACH ROW EXECUTE FUNCTION audit_pending_no_update();""",
    ],
}
DROP = {
    "sqlite": ["DROP TRIGGER IF EXISTS audit_pending_no_update;"],
    "postgresql": [
        "DROP TRIGGER IF EXISTS audit_pending_no_update ON audit_pendingview;",
        "DROP FUNCTION IF EXISTS audit_pending_no_update();",
    ],
}


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("audit", "0004_ip_address_label"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PendingView",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("at", models.DateTimeField()),
                ("username", models.CharField(blank=True, max_length=150)),
                ("object_type", models.CharField(blank=True, max_length=64)),
                ("object_id", models.CharField(blank=True, max_length=64)),
                ("ip", models.GenericIPAddressField(blank=True, null=True)),
                ("note", models.CharField(blank=True, max_length=200)),
                (
                    "agency",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="accounts.agency",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
        ),
        migrations.RunPython(_run(TRIGGERS), _run(DROP)),
    ]
