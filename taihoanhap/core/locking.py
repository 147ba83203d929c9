"""Optimistic locking: a save succeeds only if nobody saved the record since it was read."""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from taihoanhap.core.models import TimeStampedModel, VersionedModel


class StaleRecordError(Exception):
    """Someone else saved the record after this form was opened."""

    message = _(
        "Someone else changed this record after you opened it. Your entries are kept below; "
        "check the current values and save again."
    )


def save_versioned(instance: VersionedModel, *, expected_version: int, fields: list[str]) -> None:
    """Write `fields` of `instance` if its stored version is still `expected_version`.

    One UPDATE ... WHERE version = expected: no lock is held while the officer edits a form,
    and the second of two concurrent writers gets StaleRecordError instead of overwriting.
    """
    model = type(instance)
    values = {name: getattr(instance, name) for name in fields}
    if isinstance(instance, TimeStampedModel):  # the only models with an updated_at
        values["updated_at"] = instance.updated_at = timezone.now()
    updated = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
        version=F("version") + 1, **values
    )
    if not updated:
        raise StaleRecordError(str(StaleRecordError.message))
    instance.version = expected_version + 1
