"""The case's deadlines, denormalised with the person's area for the work queue."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from taihoanhap.core.models import TimeStampedModel, UUIDModel
from taihoanhap.geo.models import AdminUnit
from taihoanhap.registry.models.case import Case

if TYPE_CHECKING:
    from taihoanhap.accounts.models import User


class DeadlineStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class DeadlineKind(models.TextChoices):
    ADDRESS_CHECK = "address_check", _("Verify the residence of a person about to return")
    EXPECTED_RETURN = "expected_return", _("Receive a returning person")
    PAROLEE_REPORT = "parolee_report", _("Parolee to report to the commune")
    PROBATION_ASSESSMENT = "probation_assessment", _("Monthly probation assessment")
    ABSENCE_DECISION = "absence_decision", _("Decide an absence request")
    REVOCATION_PROPOSAL = "revocation_proposal", _("Consider proposing revocation of parole")
    PROBATION_END = "probation_end", _("End of probation")
    CLASSIFICATION = "classification", _("Classify the person (A, B, C, D)")
    EXPUNGEMENT_REVIEW = "expungement_review", _("Review for expungement of the conviction")


class DeadlineQuerySet(models.QuerySet["Deadline"]):
    def visible_to(self, user: User) -> DeadlineQuerySet:
        """Deadlines of persons in the user's jurisdiction.

        Filtered on the area copied onto each deadline (kept in step by the transfer service),
        so the work queue reads one indexed range: (commune, status, due_on). A pending
        incoming transfer does not put the person's duties in the receiving commune's queue.
        """
        from taihoanhap.accounts.roles import Role
        from taihoanhap.accounts.scope import scope_for
        from taihoanhap.registry.access import person_scope_q

        if getattr(user, "role", None) == Role.FACILITY_OFFICER:
            return self.filter(person_scope_q(user, prefix="case__person__"))
        if not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(scope_for(user).q(province="province", commune="commune"))

    def open(self) -> DeadlineQuerySet:
        return self.filter(status=DeadlineStatus.OPEN)


class Deadline(UUIDModel, TimeStampedModel):
    """A dated duty on a case, computed by core.workdays from its legal source."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="deadlines")
    kind = models.CharField(_("kind"), max_length=40, choices=DeadlineKind.choices)
    due_on = models.DateField(_("due on"))
    legal_source = models.CharField(_("legal source"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=DeadlineStatus.choices, default=DeadlineStatus.OPEN
    )
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    reminded_on = models.DateField(_("reminder sent on"), null=True, blank=True)
    # The person's current area, copied from the person (see DeadlineQuerySet.visible_to).
    commune = models.ForeignKey(
        AdminUnit, models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    province = models.ForeignKey(
        AdminUnit, models.PROTECT, null=True, blank=True, related_name="+", editable=False
    )
    # The record the duty is about, when there is one (an absence request...).
    subject_id = models.CharField(max_length=64, blank=True, editable=False)

    objects = DeadlineQuerySet.as_manager()

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        indexes = [
            models.Index(fields=["status", "due_on"], name="deadline_status_due"),
            # A case's open deadlines: more equality terms than (status, due_on), so SQLite's
            # planner takes it instead of scanning every open deadline.
            models.Index(fields=["case", "status"], name="deadline_case_status"),
            models.Index(fields=["commune", "status", "due_on"], name="deadline_commune_due"),
            models.Index(fields=["province", "status", "due_on"], name="deadline_province_due"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "kind", "due_on"],
                condition=Q(status="open"),
                name="deadline_one_open_per_kind_and_day",
            )
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.due_on:%d/%m/%Y}"
