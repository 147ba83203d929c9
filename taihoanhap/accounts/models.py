from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from taihoanhap.accounts.roles import ROLE_AGENCY_KINDS, AgencyKind, Role
from taihoanhap.core.models import ChoiceLabels
from taihoanhap.geo.models import AdminUnit, UnitLevel


class AgencyQuerySet(models.QuerySet["Agency"]):
    def visible_to(self, user: User) -> AgencyQuerySet:
        from taihoanhap.accounts.scope import scope_for

        scope = scope_for(user)
        # An agency serves either a province or a commune of it.
        return self.filter(
            scope.q(province="unit", commune="unit")
            | scope.q(province="unit__parent", commune="unit")
        )


class Agency(ChoiceLabels):
    """A public body taking part in reintegration work, serving one administrative unit."""

    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=AgencyKind.choices)
    unit = models.ForeignKey(
        AdminUnit,
        models.PROTECT,
        related_name="agencies",
        verbose_name=_("unit served"),
        help_text=_("A province-level agency covers every commune of its province."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    objects = AgencyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        commune_kinds = {AgencyKind.COMMUNE_POLICE, AgencyKind.COMMUNE_COMMITTEE}
        if self.unit_id and self.kind in commune_kinds and self.unit.level != UnitLevel.COMMUNE:
            raise ValidationError({"unit": _("A commune-level agency must serve a commune.")})
        if (
            self.unit_id
            and self.kind in {AgencyKind.PROVINCE_POLICE, AgencyKind.PROVINCE_COMMITTEE}
            and self.unit.level != UnitLevel.PROVINCE
        ):
            raise ValidationError({"unit": _("A provincial agency must serve a province.")})


class User(ChoiceLabels, AbstractUser):
    """An officer. One agency and one role; the agency's unit is the officer's jurisdiction."""

    full_name = models.CharField(_("full name"), max_length=150)
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    agency = models.ForeignKey(
        Agency,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        verbose_name=_("agency"),
    )
    phone = models.CharField(_("phone"), max_length=20, blank=True)

    objects = UserManager()

    class Meta:
        ordering = ["full_name", "username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.username

    def get_full_name(self) -> str:
        return self.full_name or self.username

    def clean(self) -> None:
        super().clean()
        if self.role and self.role != Role.SYSTEM_ADMIN and not self.agency_id:
            raise ValidationError({"agency": _("Every officer belongs to an agency.")})
        if self.role and self.agency_id and self.agency.kind not in ROLE_AGENCY_KINDS[self.role]:
            raise ValidationError(
                {"role": _("This role does not fit the kind of the chosen agency.")}
            )

    @property
    def is_system_admin(self) -> bool:
        return self.is_superuser or self.role == Role.SYSTEM_ADMIN
