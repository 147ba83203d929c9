"""The content type (and so the permissions) of Employer follows it from `jobs` to `employers`.

Without this, a database that already had `jobs.employer` would keep a stale content type and
get a new one with new permissions, losing the groups' grants. On a fresh database there is no
content type yet (Django creates them after migrating): nothing to do.
"""

from django.db import migrations


def _relabel(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    if ContentType.objects.filter(app_label=new, model="employer").exists():
        return
    ContentType.objects.filter(app_label=old, model="employer").update(app_label=new)


def forwards(apps, schema_editor) -> None:
    _relabel(apps, "jobs", "employers")


def backwards(apps, schema_editor) -> None:
    _relabel(apps, "employers", "jobs")


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("employers", "0001_employer_moved_from_jobs"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
