"""Shared model mixins and the working-day calendar's exceptions table."""

from __future__ import annotations

import uuid
from functools import partialmethod
from typing import Any

from django.db import models
from django.db.models.signals import class_prepared
from django.dispatch import receiver
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# (field, language) -> {stored value: translated label}
_LABELS: dict[tuple[int, str | None], dict[Any, str]] = {}


class ChoiceLabels(models.Model):
    """`get_<field>_display()` from a per-language table of labels built once per process.

    Django's own version translates every choice of the field on each call; a list of 50 rows
    showing a status did that 50 times (a third of the work queue's time). Same result.
    The methods are installed on each concrete subclass by `_use_the_label_table` below.
    """

    class Meta:
        abstract = True


def choice_label(field: models.Field, value: Any) -> Any:
    """The label of `value` among the field's choices in the active language, as
    get_<field>_display() gives it: for lists read as plain values."""
    key = (id(field), get_language())
    labels = _LABELS.get(key)
    if labels is None:
        labels = {make_hashable(value): str(label) for value, label in field.flatchoices}
        _LABELS[key] = labels
    return force_str(labels.get(make_hashable(value), value), strings_only=True)


def _display_from_the_table(instance: ChoiceLabels, *, field: models.Field) -> Any:
    return choice_label(field, getattr(instance, field.attname))


@receiver(class_prepared)
def _use_the_label_table(sender: type[models.Model], **kwargs: Any) -> None:
    """Replace the get_<field>_display() that Django put on a ChoiceLabels model.

    Django adds one per field with choices, unless the class defines its own (documented: a
    model may define get_FOO_display()); such a method is a plain function in the class, left
    alone here: only Django's own (a partialmethod) is replaced. Every ChoiceLabels model
    imports this module first, so the receiver is connected before any of them is prepared.
    """
    if not issubclass(sender, ChoiceLabels):
        return
    for field in sender._meta.local_fields:
        name = f"get_{field.name}_display"
        if field.choices is not None and isinstance(sender.__dict__.get(name), partialmethod):
            setattr(sender, name, partialmethod(_display_from_the_table, field=field))


class TimeStampedModel(ChoiceLabels):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class UUIDModel(ChoiceLabels):
    """Opaque primary key: personal records appear in URLs by UUID, never by name or ID number."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class VersionedModel(ChoiceLabels):
    """Optimistic locking: writers send back the version they read; see core.locking."""

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


class DayOverride(models.Model):
    """A one-off change to the working-day calendar, e.g. a government day swap.

    The `holidays` package knows the statutory holidays and the swaps it has been told about;
    this table lets an administrator add a decision the package does not know yet.
    """

    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(_("is a working day"))
    reason = models.CharField(_("reason"), max_length=200)

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar exception")
        verbose_name_plural = _("calendar exceptions")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y}: {self.reason}"
