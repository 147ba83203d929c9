"""Format validators: Vietnamese identifiers that are not personal, and personal names."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from taihoanhap.core.text import foreign_letter

_TAX_CODE = re.compile(r"^[0-9]{10}(-[0-9]{3})?$")  # ASCII digits: `\d` takes any script's
_PHONE = re.compile(r"^(0|\+84)[0-9]{9,10}$")


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


# The scripts whose letters pass for Latin ones; any other is named as Unicode names it.
_SCRIPT_NAMES = {
    "CYRILLIC": _("Cyrillic"),
    "GREEK": _("Greek"),
    "ARMENIAN": _("Armenian"),
    "FULLWIDTH": _("full-width"),
}


def validate_person_name(value: str | None) -> None:
    """Refuse a person's name with a letter of another script (core.text.foreign_letter).

    Used wherever a person's name is read: the person form, the services that write a
    person, the credit representative."""
    found = foreign_letter(value)
    if found is None:
        return
    position, char, script = found
    raise ValidationError(
        _(
            "Character %(position)s of the name, “%(char)s”, is a letter of another alphabet "
            "(%(script)s) that looks like a Vietnamese one: delete it and type it again with "
            "a Vietnamese keyboard."
        ),
        code="foreign_letter",
        params={
            "position": position,
            "char": char,
            "script": _SCRIPT_NAMES.get(script, script.title()),
        },
    )
