"""Administrative units as time-versioned data.

Since 01/07/2025 (Resolution 202/2025/QH15) local government has two tiers: 34 provinces and
3,321 communes, wards and special zones; the district level is gone. Records written before that
keep their original unit, and successor links resolve an old unit to the unit(s) it became.
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taihoanhap.core.models import ChoiceLabels
from taihoanhap.core.text import search_key

REFORM_DATE = date(2025, 7, 1)


class UnitLevel(models.TextChoices):
    PROVINCE = "province", pgettext_lazy("unit level", "Province")
    DISTRICT = "district", pgettext_lazy("unit level", "District")
    COMMUNE = "commune", pgettext_lazy("unit level", "Commune")


class UnitKind(models.TextChoices):
    TINH = "tinh", _("Province (tỉnh)")
    THANH_PHO_TW = "thanh_pho_tw", _("Centrally-run city")
    HUYEN = "huyen", _("Rural district (huyện)")
    QUAN = "quan", _("Urban district (quận)")
    THI_XA = "thi_xa", _("Town (thị xã)")
    THANH_PHO_TINH = "thanh_pho_tinh", _("Provincial city")
    XA = "xa", _("Commune (xã)")
    PHUONG = "phuong", _("Ward (phường)")
    DAC_KHU = "dac_khu", _("Special zone (đặc khu)")
    THI_TRAN = "thi_tran", _("Township (thị trấn)")


# The word written before a unit's name in Vietnamese ("Phường Trấn Biên", "Tỉnh Đồng Nai").
KIND_PREFIX: dict[str, str] = {
    UnitKind.TINH: "Tỉnh",
    UnitKind.THANH_PHO_TW: "Thành phố",
    UnitKind.HUYEN: "Huyện",
    UnitKind.QUAN: "Quận",
    UnitKind.THI_XA: "Thị xã",
    UnitKind.THANH_PHO_TINH: "Thành phố",
    UnitKind.XA: "Xã",
    UnitKind.PHUONG: "Phường",
    UnitKind.DAC_KHU: "Đặc khu",
    UnitKind.THI_TRAN: "Thị trấn",
}


def unit_label(kind: str, name: str) -> str:
    """ "Phường Trấn Biên": the unit's kind as a prefix to its name (AdminUnit.full_name)."""
    return f"{KIND_PREFIX.get(kind, '')} {name}".strip()


LEVEL_OF_KIND: dict[str, str] = {
    UnitKind.TINH: UnitLevel.PROVINCE,
    UnitKind.THANH_PHO_TW: UnitLevel.PROVINCE,
    UnitKind.HUYEN: UnitLevel.DISTRICT,
    UnitKind.QUAN: UnitLevel.DISTRICT,
    UnitKind.THI_XA: UnitLevel.DISTRICT,
    UnitKind.THANH_PHO_TINH: UnitLevel.DISTRICT,
    UnitKind.XA: UnitLevel.COMMUNE,
    UnitKind.PHUONG: UnitLevel.COMMUNE,
    UnitKind.DAC_KHU: UnitLevel.COMMUNE,
    UnitKind.THI_TRAN: UnitLevel.COMMUNE,
}


class AdminUnitQuerySet(models.QuerySet["AdminUnit"]):
    def valid_on(self, day: date) -> AdminUnitQuerySet:
        return self.filter(Q(valid_from__lte=day), Q(valid_to__isnull=True) | Q(valid_to__gte=day))

    def current(self) -> AdminUnitQuerySet:
        return self.filter(valid_to__isnull=True)

    def provinces(self) -> AdminUnitQuerySet:
        return self.filter(level=UnitLevel.PROVINCE)

    def communes(self) -> AdminUnitQuerySet:
        return self.filter(level=UnitLevel.COMMUNE)


class AdminUnit(ChoiceLabels):
    level = models.CharField(_("level"), max_length=10, choices=UnitLevel.choices)
    kind = models.CharField(_("kind"), max_length=16, choices=UnitKind.choices)
    code = models.CharField(_("official code"), max_length=10)
    name = models.CharField(_("name"), max_length=100, help_text=_("Without the kind prefix."))
    name_key = models.CharField(max_length=100, editable=False)
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    successors = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="predecessors",
        verbose_name=_("successor units"),
    )

    objects = AdminUnitQuerySet.as_manager()

    class Meta:
        ordering = ["level", "name_key"]
        verbose_name = _("administrative unit")
        verbose_name_plural = _("administrative units")
        constraints = [
            models.UniqueConstraint(
                fields=["level", "code", "valid_from"], name="geo_unit_code_per_version"
            ),
        ]
        indexes = [
            models.Index(fields=["level", "name_key"], name="geo_unit_level_name"),
            models.Index(fields=["parent", "name_key"], name="geo_unit_parent_name"),
        ]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        self.name_key = search_key(self.name)
        super().save(*args, **kwargs)

    @property
    def full_name(self) -> str:
        return unit_label(self.kind, self.name)

    @property
    def is_current(self) -> bool:
        return self.valid_to is None

    def get_province(self) -> AdminUnit:
        """The province this unit lies in (a current commune's parent), or the unit itself."""
        unit = self
        while unit.level != UnitLevel.PROVINCE and unit.parent_id is not None:
            unit = unit.parent
        return unit
