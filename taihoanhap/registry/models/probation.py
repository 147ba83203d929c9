"""Conditional early release: monthly assessments, absence requests and violations."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from taihoanhap.core.models import TimeStampedModel, UUIDModel
from taihoanhap.registry.models.case import Case


class ProbationAssessment(UUIDModel):
    """The monthly compliance assessment of a parolee (Circular 65/2019/TT-BCA)."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="assessments")
    month = models.DateField(_("month"), help_text=_("The first day of the month assessed."))
    assessed_on = models.DateField(_("assessed on"))
    compliant = models.BooleanField(_("complied with the obligations"))
    note = models.TextField(_("assessment"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-month"]
        verbose_name = _("probation assessment")
        verbose_name_plural = _("probation assessments")
        constraints = [
            models.UniqueConstraint(fields=["case", "month"], name="assessment_one_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.month:%m/%Y}"


class AbsenceDecision(models.TextChoices):
    PENDING = "pending", _("Waiting for the decision")
    APPROVED = "approved", _("Allowed")
    REFUSED = "refused", _("Refused")


class AbsenceRequest(UUIDModel, TimeStampedModel):
    """A parolee's written request to leave the residence (Circular 65/2019/TT-BCA Art. 9)."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="absences")
    requested_on = models.DateField(_("requested on"))
    leave_on = models.DateField(_("leaving on"))
    return_on = models.DateField(_("returning on"))
    destination = models.CharField(_("destination"), max_length=250)
    reason = models.CharField(_("reason"), max_length=300)
    decision = models.CharField(
        _("decision"),
        max_length=10,
        choices=AbsenceDecision.choices,
        default=AbsenceDecision.PENDING,
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by_name = models.CharField(
        _("decided by"),
        max_length=150,
        blank=True,
        help_text=_("The chair of the commune People's Committee who signed the decision."),
    )
    decision_reason = models.CharField(_("reasons of the decision"), max_length=300, blank=True)

    class Meta:
        ordering = ["-leave_on"]
        verbose_name = _("absence request")
        verbose_name_plural = _("absence requests")

    def __str__(self) -> str:
        return f"{self.leave_on:%d/%m/%Y}–{self.return_on:%d/%m/%Y}"


class ViolationKind(models.TextChoices):
    """Res. 01/2018/NQ-HĐTP Art. 5: what counts towards revoking conditional release."""

    OBLIGATION = "obligation", _("Intentional violation of the obligations")
    ADMINISTRATIVE_SANCTION = "administrative_sanction", _("Administrative sanction")


class Violation(UUIDModel):
    case = models.ForeignKey(Case, models.CASCADE, related_name="violations")
    occurred_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=32, choices=ViolationKind.choices)
    description = models.CharField(_("description"), max_length=300)
    sanction = models.CharField(_("sanction or measure taken"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on"]
        verbose_name = _("violation")
        verbose_name_plural = _("violations")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.occurred_on:%d/%m/%Y}"
