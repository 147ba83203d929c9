"""Transfers of a case between communes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from taihoanhap.core.models import TimeStampedModel, UUIDModel
from taihoanhap.geo.models import AdminUnit
from taihoanhap.registry.models.case import Case
from taihoanhap.registry.models.person import Person


class TransferStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the receiving commune")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Refused by the receiving commune")
    CANCELLED = "cancelled", _("Withdrawn")


class Transfer(UUIDModel, TimeStampedModel):
    """A move of the person to another commune, possibly in another province.

    The receiving commune accepts; only then do the person's area and with it the scope change.
    While pending, the receiving commune may read the person's record (registry.access).
    """

    case = models.ForeignKey(Case, models.PROTECT, related_name="transfers")
    person = models.ForeignKey(Person, models.PROTECT, related_name="transfers")
    from_commune = models.ForeignKey(
        AdminUnit, models.PROTECT, related_name="+", verbose_name=_("from commune")
    )
    from_province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+")
    to_commune = models.ForeignKey(
        AdminUnit, models.PROTECT, related_name="+", verbose_name=_("to commune")
    )
    to_province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+")
    to_address = models.CharField(_("new address"), max_length=250)
    reason = models.CharField(_("reason"), max_length=300)
    requested_on = models.DateField(_("requested on"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=TransferStatus.choices,
        default=TransferStatus.PENDING,
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    decision_note = models.CharField(_("note on the decision"), max_length=300, blank=True)

    class Meta:
        ordering = ["-requested_on", "-created_at"]
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        indexes = [
            models.Index(fields=["to_commune", "status"], name="transfer_to_commune"),
            models.Index(fields=["to_province", "status"], name="transfer_to_province"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case"],
                condition=Q(status="pending"),
                name="transfer_one_pending_per_case",
            )
        ]

    def __str__(self) -> str:
        return f"{self.from_commune} → {self.to_commune}"

    @property
    def is_pending(self) -> bool:
        return self.status == TransferStatus.PENDING
