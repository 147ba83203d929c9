"""A person's sentences and their releases from prison."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from taihoanhap.core.models import TimeStampedModel, UUIDModel, VersionedModel
from taihoanhap.registry.models.choices import ReleaseType
from taihoanhap.registry.models.person import Person

# --- Sentences and releases ---------------------------------------------------------------------


class Sentence(UUIDModel, TimeStampedModel, VersionedModel):
    person = models.ForeignKey(Person, models.CASCADE, related_name="sentences")
    judgment_number = models.CharField(_("judgment number"), max_length=50)
    judgment_date = models.DateField(_("judgment date"))
    court = models.CharField(_("court"), max_length=200)
    offences = models.CharField(_("offences"), max_length=300)
    penal_code_articles = models.JSONField(
        _("Penal Code articles"),
        default=list,
        blank=True,
        help_text=_("Article numbers of the 2015 Criminal Code, e.g. 173, 249."),
    )
    term_years = models.PositiveSmallIntegerField(_("term (years)"), default=0)
    term_months = models.PositiveSmallIntegerField(_("term (months)"), default=0)
    is_life = models.BooleanField(_("life imprisonment"), default=False)
    start_date = models.DateField(_("start of the term"), null=True, blank=True)
    end_date = models.DateField(_("end of the term"), null=True, blank=True)
    additional_penalties = models.CharField(_("additional penalties"), max_length=300, blank=True)
    additional_penalties_end = models.DateField(
        _("additional penalties end"), null=True, blank=True
    )
    civil_obligations = models.CharField(_("civil obligations"), max_length=300, blank=True)
    civil_obligations_settled = models.BooleanField(_("civil obligations settled"), default=False)

    class Meta:
        ordering = ["-judgment_date"]
        verbose_name = _("sentence")
        verbose_name_plural = _("sentences")

    def __str__(self) -> str:
        return f"{self.judgment_number} ({self.judgment_date:%d/%m/%Y})"

    @property
    def term_in_months(self) -> int | None:
        return None if self.is_life else self.term_years * 12 + self.term_months


class Release(UUIDModel, TimeStampedModel, VersionedModel):
    person = models.ForeignKey(Person, models.CASCADE, related_name="releases")
    sentence = models.ForeignKey(Sentence, models.PROTECT, related_name="releases")
    type = models.CharField(_("release type"), max_length=16, choices=ReleaseType.choices)
    facility = models.ForeignKey(
        "accounts.Agency",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="releases",
        verbose_name=_("detention facility"),
        limit_choices_to={"kind": "detention_facility"},
    )
    facility_name = models.CharField(
        _("facility name"),
        max_length=200,
        blank=True,
        help_text=_("When the facility has no account in the system."),
    )
    release_date = models.DateField(_("release date"), help_text=_("Expected or actual."))
    certificate_number = models.CharField(_("certificate number"), max_length=50, blank=True)
    certificate_date = models.DateField(_("certificate date"), null=True, blank=True)

    class Meta:
        ordering = ["-release_date"]
        verbose_name = _("release")
        verbose_name_plural = _("releases")

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.release_date:%d/%m/%Y}"

    @property
    def facility_label(self) -> str:
        return str(self.facility) if self.facility_id else self.facility_name
