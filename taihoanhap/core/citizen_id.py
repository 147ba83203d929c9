"""The Vietnamese personal identification number (số định danh cá nhân).

Decree 137/2015/NĐ-CP Art. 13: 12 digits = 3 digits for the province (or country) of birth
registration, 1 digit for century and sex, 2 digits for the year of birth, 6 random digits.
Century/sex digit: 1900s male 0 / female 1, 2000s 2/3, 2100s 4/5, 2200s 6/7, 2300s 8/9.
The province part is historical (codes are not re-issued after the 2025 merger), so the current
province must never be derived from it. Old identity cards carry 9 digits and are accepted as
legacy numbers without further checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MALE = "M"
FEMALE = "F"

_DIGITS = re.compile(r"^\d+$")


@dataclass(frozen=True)
class CitizenId:
    number: str
    legacy: bool

    @property
    def century_start(self) -> int | None:
        if self.legacy:
            return None
        return 1900 + 100 * (int(self.number[3]) // 2)

    @property
    def sex(self) -> str | None:
        if self.legacy:
            return None
        return FEMALE if int(self.number[3]) % 2 else MALE

    @property
    def birth_year(self) -> int | None:
        start = self.century_start
        return None if start is None else start + int(self.number[4:6])


def clean_citizen_id(raw: str) -> str:
    """Strip the spaces and dots people type between digit groups."""
    return re.sub(r"[\s.\-]", "", raw or "")


def parse_citizen_id(
    raw: str, *, birth_year: int | None = None, sex: str | None = None
) -> CitizenId:
    """Validate a citizen ID against the person's birth year and sex; raise ValidationError."""
    number = clean_citizen_id(raw)
    if not _DIGITS.match(number) or len(number) not in (9, 12):
        raise ValidationError(
            _("The personal identification number must have 12 digits (or 9 for an old ID card)."),
            code="format",
        )
    if len(number) == 9:
        return CitizenId(number, legacy=True)
    parsed = CitizenId(number, legacy=False)
    if number[:3] == "000":
        raise ValidationError(_("The first three digits are not a valid place code."), code="place")
    if birth_year is not None and parsed.birth_year != birth_year:
        raise ValidationError(
            _(
                "The 4th to 6th digits encode the birth year %(encoded)s, "
                "but the date of birth says %(given)s."
            ),
            code="birth_year",
            params={"encoded": parsed.birth_year, "given": birth_year},
        )
    if sex in (MALE, FEMALE) and parsed.sex != sex:
        raise ValidationError(
            _("The 4th digit encodes a different sex from the one entered."), code="sex"
        )
    return parsed
