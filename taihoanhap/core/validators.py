"""Format validators for Vietnamese identifiers that are not personal."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_TAX_CODE = re.compile(r"^\d{10}(-\d{3})?$")
_PHONE = re.compile(r"^(0|\+84)\d{9,10}$")


def validate_tax_code(value: str) -> None:
    """Enterprise tax code: 10 digits, or 10 digits, a hyphen and a 3-digit branch number."""
    if not _TAX_CODE.match(value or ""):
        raise ValidationError(
            _("A tax code has 10 digits, or 10 digits, a hyphen and 3 digits for a branch."),
            code="tax_code",
        )


def validate_phone(value: str) -> None:
    """Vietnamese phone number: 0 or +84 followed by 9-10 digits (spaces and dots allowed)."""
    if value and not _PHONE.match(re.sub(r"[\s.\-]", "", value)):
        raise ValidationError(
            _("Enter a Vietnamese phone number, e.g. 0912 345 678."), code="phone"
        )
