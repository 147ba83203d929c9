"""Records of the case: classifications, helpers and re-offences."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taihoanhap.core.models import TimeStampedModel, UUIDModel
from taihoanhap.registry.models.case import Case
from taihoanhap.registry.models.choices import CaseClass
from taihoanhap.registry.models.person import Person

# --- Records of the case -----------------------------------------------------------------------


class Classification(UUIDModel):
    """One A/B/C/D decision (Circular 10/2024/TT-BCA): the case keeps the whole history."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="classifications")
    value = models.CharField(_("classification"), max_length=1, choices=CaseClass.choices)
    decided_on = models.DateField(_("decided on"))
    reason = models.CharField(_("reason"), max_length=300)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-recorded_at"]
        verbose_name = _("classification")
        verbose_name_plural = _("classifications")

    def __str__(self) -> str:
        return f"{self.value} {self.decided_on:%d/%m/%Y}"


class HelperKind(models.TextChoices):
    OFFICER = "officer", _("Officer")
    ORGANISATION = "organisation", _("Organisation")
    FAMILY = "family", _("Family member")


class Helper(UUIDModel, TimeStampedModel):
    """Someone assigned to help the person (Circular 10/2024/TT-BCA Art. 9-10)."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="helpers")
    kind = models.CharField(_("kind of helper"), max_length=16, choices=HelperKind.choices)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=150)
    organisation = models.CharField(_("organisation or position"), max_length=200, blank=True)
    relationship = models.CharField(_("relationship to the person"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    assigned_on = models.DateField(_("assigned on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    class Meta:
        ordering = ["ended_on", "-assigned_on"]
        verbose_name = _("helper")
        verbose_name_plural = _("helpers")

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.ended_on is None


class Reoffence(UUIDModel):
    """A new offence by a managed person; the source of recidivism figures."""

    case = models.ForeignKey(Case, models.CASCADE, related_name="reoffences")
    person = models.ForeignKey(Person, models.CASCADE, related_name="reoffences")
    occurred_on = models.DateField(_("date of the offence"))
    offence = models.CharField(_("offence"), max_length=300)
    penal_code_articles = models.JSONField(_("Penal Code articles"), default=list, blank=True)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_on"]
        verbose_name = _("re-offence")
        verbose_name_plural = _("re-offences")
        indexes = [models.Index(fields=["occurred_on"], name="reoffence_date")]

    def __str__(self) -> str:
        return f"{self.occurred_on:%d/%m/%Y}"
