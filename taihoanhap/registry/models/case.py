"""The reintegration case and its timeline entries."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from taihoanhap.core.models import TimeStampedModel, UUIDModel, VersionedModel
from taihoanhap.registry.models.choices import (
    CaseClass,
    CaseStatus,
    ClosureGround,
    ReleaseType,
    Visibility,
)
from taihoanhap.registry.models.person import Person
from taihoanhap.registry.models.sentence import Release

if TYPE_CHECKING:
    from taihoanhap.accounts.models import User

# --- The case ----------------------------------------------------------------------------------


class CaseQuerySet(models.QuerySet["Case"]):
    def visible_to(self, user: User) -> CaseQuerySet:
        from taihoanhap.registry.access import person_scope_q

        return self.filter(person_scope_q(user, prefix="person__"))

    def open(self) -> CaseQuerySet:
        return self.exclude(status=CaseStatus.CLOSED)


class Case(UUIDModel, TimeStampedModel, VersionedModel):
    """One reintegration case per person per release; its state changes only by services."""

    person = models.ForeignKey(Person, models.PROTECT, related_name="cases")
    release = models.OneToOneField(Release, models.PROTECT, related_name="case")
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.EXPECTED
    )
    status_changed_at = models.DateTimeField(_("status changed at"), auto_now_add=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="cases",
        verbose_name=_("assigned officer"),
    )
    current_class = models.CharField(
        _("classification"), max_length=1, choices=CaseClass.choices, blank=True
    )
    notice_received_on = models.DateField(
        _("pre-release notice received on"), null=True, blank=True
    )
    received_on = models.DateField(_("received at the commune on"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closure_ground = models.CharField(
        _("closure ground"), max_length=32, choices=ClosureGround.choices, blank=True
    )
    notes = models.TextField(_("case notes"), blank=True)
    # The pre-release notice (Law 41/2019 Art. 46(1)) and the address check (Circular 10 Art. 8).
    notice_sender = models.CharField(_("notice sent by"), max_length=200, blank=True)
    notice_reference = models.CharField(_("notice number"), max_length=50, blank=True)
    address_checked_on = models.DateField(_("address checked on"), null=True, blank=True)
    address_check_note = models.TextField(_("result of the address check"), blank=True)
    # HCD-03: the commune's reply when the person does not live at the notified address.
    mismatch_reply_number = models.CharField(_("reply number (HCD-03)"), max_length=50, blank=True)
    mismatch_reply_date = models.DateField(_("reply date (HCD-03)"), null=True, blank=True)
    # Reception at the commune (Circular 10 Art. 9): minutes HCD-05, information sheet HCD-02.
    reception_place = models.CharField(_("place of reception"), max_length=200, blank=True)
    commitment_signed = models.BooleanField(_("no-reoffending commitment signed"), default=False)
    needs = models.TextField(_("needs noted at reception"), blank=True)
    occupation = models.CharField(_("occupation"), max_length=150, blank=True)
    family_situation = models.TextField(_("family situation"), blank=True)
    # Conditional early release (Criminal Code Art. 66; Circular 65/2019/TT-BCA).
    probation_end = models.DateField(_("end of probation"), null=True, blank=True)
    reported_on = models.DateField(_("reported to the commune on"), null=True, blank=True)
    probation_ended_on = models.DateField(_("probation ended on"), null=True, blank=True)
    revocation_flagged = models.BooleanField(_("revocation proposal due"), default=False)
    revocation_proposed_on = models.DateField(
        _("revocation proposal sent on"), null=True, blank=True
    )
    held_since = models.DateField(_("held since"), null=True, blank=True)
    closure_reference = models.CharField(
        _("document closing the case"),
        max_length=100,
        blank=True,
        help_text=_("e.g. the judicial-record certificate or the court decision, with its date."),
    )
    closure_note = models.TextField(_("closure note"), blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        indexes = [
            models.Index(fields=["status", "person"], name="case_status_person"),
            models.Index(fields=["officer", "status"], name="case_officer_status"),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_status_display()}"

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.CLOSED

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("registry:person_detail", kwargs={"pk": self.person_id}) + f"#case-{self.pk}"

    @property
    def is_parole(self) -> bool:
        return self.release.type == ReleaseType.PAROLE


class CaseEvent(UUIDModel):
    """The person's timeline. Every app adds to it through `registry.timeline.add_event`."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="events")
    person = models.ForeignKey(Person, models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=40)
    occurred_on = models.DateField(_("date"))
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    agency = models.ForeignKey(
        "accounts.Agency", models.PROTECT, null=True, blank=True, related_name="+"
    )
    summary = models.CharField(_("summary"), max_length=300)
    visibility = models.CharField(max_length=8, choices=Visibility.choices, default=Visibility.ALL)
    # The record behind the entry (a loan, an enrolment...), as "app_label.model" and its pk.
    source_type = models.CharField(max_length=64, blank=True)
    source_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-occurred_on", "-recorded_at"]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        indexes = [models.Index(fields=["person", "occurred_on"], name="event_person_date")]

    def __str__(self) -> str:
        return f"{self.occurred_on:%d/%m/%Y} {self.summary}"
