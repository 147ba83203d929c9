"""Employers: the catalogue of businesses that hire returnees or borrow to do so.

Shared by jobs (vacancies, hires, fair participation), credit (business loans, Decision
22/2023/QĐ-TTg) and programme (exemplary employers). It sits below those three so that credit and
programme need not import jobs; it moved here from `jobs` keeping its table (`jobs_employer`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from taihoanhap.core.models import TimeStampedModel, UUIDModel, VersionedModel
from taihoanhap.core.validators import validate_phone, validate_tax_code
from taihoanhap.geo.models import AdminUnit

if TYPE_CHECKING:
    from taihoanhap.accounts.models import User


class EmployerSize(models.TextChoices):
    HOUSEHOLD = "household", _("Household business")
    MICRO = "micro", _("Micro enterprise")
    SMALL = "small", _("Small enterprise")
    MEDIUM = "medium", _("Medium enterprise")
    LARGE = "large", _("Large enterprise")
    COOPERATIVE = "cooperative", _("Cooperative or cooperative group")


class EmployerQuerySet(models.QuerySet["Employer"]):
    def visible_to(self, user: User) -> EmployerQuerySet:
        from taihoanhap.accounts.scope import scope_for

        return self.filter(scope_for(user).q(province="province", commune="commune"))


class Employer(UUIDModel, TimeStampedModel, VersionedModel):
    name = models.CharField(_("name"), max_length=200)
    tax_code = models.CharField(
        _("tax code"), max_length=14, unique=True, validators=[validate_tax_code]
    )
    sector = models.CharField(_("sector"), max_length=100)
    size = models.CharField(_("size"), max_length=16, choices=EmployerSize.choices)
    workforce = models.PositiveIntegerField(
        _("employees"), default=0, help_text=_("Everyone on the payroll.")
    )
    returnees_on_contract = models.PositiveIntegerField(
        _("returnees on labour contracts"),
        default=0,
        help_text=_("People who served a prison sentence, employed on a labour contract."),
    )
    commune = models.ForeignKey(
        AdminUnit, models.PROTECT, related_name="+", verbose_name=_("commune")
    )
    province = models.ForeignKey(AdminUnit, models.PROTECT, related_name="+", editable=False)
    address = models.CharField(_("address"), max_length=250, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, validators=[validate_phone])
    email = models.EmailField(_("e-mail"), blank=True)
    willing_to_hire = models.BooleanField(_("willing to hire returnees"), default=True)

    objects = EmployerQuerySet.as_manager()

    class Meta:
        # The table keeps the name it had when the model lived in `jobs` (moved without
        # copying data: migrations.SeparateDatabaseAndState in employers 0001 and jobs 0003).
        db_table = "jobs_employer"
        ordering = ["name"]
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        indexes = [models.Index(fields=["province", "name"], name="employer_province_name")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.commune_id and not self.province_id:
            self.province_id = self.commune.parent_id
        super().save(*args, **kwargs)

    @property
    def returnee_share(self) -> float:
        """Share of the workforce who are returnees on contracts (Decision 22/2023 Art. 3)."""
        return self.returnees_on_contract / self.workforce if self.workforce else 0.0
