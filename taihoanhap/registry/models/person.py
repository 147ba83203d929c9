"""The person, with the scoping entry point of every query about people (`visible_to`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from taihoanhap.core.fields import SearchKeyField
from taihoanhap.core.models import TimeStampedModel, UUIDModel, VersionedModel
from taihoanhap.core.text import normalize_text, search_key
from taihoanhap.geo.models import AdminUnit
from taihoanhap.registry.models.choices import CaseClass, CaseStatus, Sex

if TYPE_CHECKING:
    from datetime import date

    from taihoanhap.accounts.models import User

# --- Persons -----------------------------------------------------------------------------------


class PersonQuerySet(models.QuerySet["Person"]):
    def visible_to(self, user: User) -> PersonQuerySet:
        """The scoping entry point for personal data; see registry.access for extra grants."""
        from taihoanhap.registry.access import person_scope_q

        return self.filter(person_scope_q(user))

    def managed_by(self, user: User) -> PersonQuerySet:
        """The persons in the user's own jurisdiction: `visible_to` without the persons of
        pending incoming transfers (they are answered from the work queue). The lists use it
        so that one (area, status, name) index serves them.
        """
        from taihoanhap.registry.access import person_scope_q

        return self.filter(person_scope_q(user, incoming=False))


def birth_label(birth_date: date | None, birth_year: int | None) -> str:
    """The date of birth as dd/mm/yyyy, or the year alone when only the year is known."""
    if birth_date:
        return f"{birth_date:%d/%m/%Y}"
    return str(birth_year) if birth_year else ""


class Person(UUIDModel, TimeStampedModel, VersionedModel):
    full_name = models.CharField(_("full name"), max_length=150)
    name_key = SearchKeyField(max_length=150, editable=False, db_index=True)
    other_names = models.CharField(_("other names"), max_length=200, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(
        _("year of birth"), help_text=_("Filled from the date of birth when it is known.")
    )
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices)
    ethnicity = models.CharField(_("ethnicity"), max_length=50, default="Kinh")
    citizen_id = models.CharField(
        _("personal identification number"), max_length=12, null=True, blank=True, unique=True
    )
    birth_registration_place = models.CharField(
        _("place of birth registration"), max_length=200, blank=True
    )
    permanent_commune = models.ForeignKey(
        AdminUnit,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("permanent residence (commune)"),
    )
    permanent_address = models.CharField(_("permanent address"), max_length=250, blank=True)
    # Current residence; the commune is also the scope of the record (see the module docstring).
    commune = models.ForeignKey(
        AdminUnit, models.PROTECT, related_name="+", verbose_name=_("current residence (commune)")
    )
    province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+", editable=False)
    current_address = models.CharField(_("current address"), max_length=250, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    family_contact = models.CharField(_("family contact"), max_length=250, blank=True)
    photo = models.ImageField(_("photo"), upload_to="photos/%Y/", null=True, blank=True)
    # The person's current (latest) case, copied here by the services so that list pages filter
    # and sort on one table with one index: (area, status, name) - see PERFORMANCE.md.
    current_case = models.ForeignKey(
        "Case", models.SET_NULL, null=True, blank=True, related_name="+", editable=False
    )
    case_status = models.CharField(
        _("case status"), max_length=20, choices=CaseStatus.choices, blank=True, editable=False
    )
    case_class = models.CharField(
        _("classification"), max_length=1, choices=CaseClass.choices, blank=True, editable=False
    )
    release_date = models.DateField(_("release date"), null=True, blank=True, editable=False)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name_key"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        indexes = [
            # List pages: filter by area (and status on the case), order by name.
            models.Index(fields=["province", "name_key"], name="person_province_name"),
            models.Index(fields=["commune", "name_key"], name="person_commune_name"),
            models.Index(fields=["birth_year", "name_key"], name="person_birth_name"),
            models.Index(
                fields=["province", "case_status", "name_key"], name="person_prov_status_name"
            ),
            models.Index(
                fields=["commune", "case_status", "name_key"], name="person_comm_status_name"
            ),
            models.Index(fields=["province", "release_date"], name="person_province_release"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("registry:person_detail", kwargs={"pk": self.pk})

    @property
    def birth_label(self) -> str:
        return birth_label(self.birth_date, self.birth_year)

    @property
    def is_closed(self) -> bool:
        """Every case of the person is closed: the record is read-only (expungement etc.)."""
        return self.case_status == CaseStatus.CLOSED

    def normalise(self) -> None:
        """NFC names, the search key, the birth year and the province, before any write."""
        self.full_name = normalize_text(self.full_name)
        self.other_names = normalize_text(self.other_names)
        self.name_key = search_key(self.full_name)
        if self.birth_date:
            self.birth_year = self.birth_date.year
        if self.commune_id and not self.province_id:
            self.province_id = self.commune.parent_id

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.normalise()
        super().save(*args, **kwargs)
