"""Shared model mixins and the working-day calendar's exceptions table."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class UUIDModel(models.Model):
    """Opaque primary key: personal records appear in URLs by UUID, never by name or ID number."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class VersionedModel(models.Model):
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
