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
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MALE = "M"
FEMALE = "F"

# ASCII digits only: `\d` matches every script's digits ("٠٣٦", "০৩৬"), which would let one
# number be stored under several spellings and slip past the duplicate check.
_DIGITS = re.compile(r"^[0-9]+$")
_SEPARATORS = re.compile(r"[\s.\-]")


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


def clean_citizen_id(raw: str | None) -> str:
    """The number as stored: full-width digits folded to ASCII (NFKC, what an IME in full-width
    mode types), the spaces, dots and hyphens people type between digit groups removed.

    Digits of other scripts stay as they are, so that `parse_citizen_id` refuses them; every
    place that reads an ID (forms, services, searches) goes through this one function.
    """
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", raw or ""))


def citizen_id_query(text: str | None) -> str | None:
    """The ID number a search box holds (9 or 12 ASCII digits once cleaned), or None."""
    number = clean_citizen_id(text)
    if _DIGITS.match(number) and len(number) in (9, 12):
        return number
    return None


def is_legacy_number(number: str | None) -> bool:
    """A 9-digit number of the old identity card (CMND), kept as it was typed."""
    return bool(number) and len(clean_citizen_id(number)) == 9


def display_citizen_id(number: str | None) -> str:
    """The number as pages show it: an old identity card number says so."""
    if not number:
        return ""
    if is_legacy_number(number):
        return str(_("%(number)s (old identity card)") % {"number": number})
    return number


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
