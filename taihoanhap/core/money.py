"""VND amounts: whole đồng, written with "." thousands separators ("1.000.000 đ")."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# What may follow the number: "đ", "₫", "VND", "VNĐ", "đồng" (any case).
_CURRENCY = re.compile(r"\s*(?:đồng|đ|₫|vnđ|vnd)\s*$", re.IGNORECASE)
_PLAIN = re.compile(r"^[0-9]+$")
# Thousands grouped in threes by dots or spaces (one kind throughout): 1.000.000, 1 000 000.
_GROUPED = re.compile(r"^[0-9]{1,3}(?:([. ])[0-9]{3})(?:\1[0-9]{3})*$")
MAX_VND = 10**15  # far above any budget line; stops a mistyped amount early


def format_vnd(value: int | Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{int(value):,}".replace(",", ".") + " đ"


def format_number(value: int | Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{int(value):,}".replace(",", ".")


def format_decimal(value: Any) -> str:
    """A number without trailing zeros, with the Vietnamese decimal comma: 6,6 · 8,58 · 130."""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def parse_vnd(raw: str | None) -> int | None:
    """A whole amount of đồng as Vietnamese write it, or None if empty.

    "1.000.000", "1 000 000", "1000000" and "1.000.000 đ" are one million. Refused, each with
    what to type instead: a comma (the Vietnamese decimal mark: VND has no fraction, and
    "1.000.000,5" must not become 10.000.005), a minus sign, digits not grouped in threes
    ("1.00.000"), anything else. Full-width digits are folded to ASCII (NFKC).
    """
    text = _CURRENCY.sub("", unicodedata.normalize("NFKC", raw or "").strip()).strip()
    if not text:
        return None
    if text[0] in "-−":
        raise ValidationError(
            _("An amount cannot be negative: type it without the minus sign, e.g. 1.000.000."),
            code="negative",
        )
    if "," in text:
        raise ValidationError(
            _(
                "VND has no decimals: remove the comma and what follows it, and type whole "
                "đồng with dots between thousands, e.g. 1.000.000."
            ),
            code="fraction",
        )
    if _PLAIN.match(text):
        return int(text)
    if _GROUPED.match(text):
        return int(re.sub(r"[. ]", "", text))
    if re.fullmatch(r"[0-9. ]+", text):
        raise ValidationError(
            _(
                "Group the digits in threes from the right, e.g. 1.000.000 "
                "(or type them without dots: 1000000)."
            ),
            code="grouping",
        )
    raise ValidationError(MoneyField.default_error_messages["invalid"], code="invalid")


class MoneyField(forms.IntegerField):
    """An amount in VND typed as officers write it: 20.000.000, 20 000 000 or 20000000 đ."""

    default_error_messages = {
        "invalid": _("Enter the amount in VND as digits, e.g. 20.000.000."),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("min_value", 0)
        kwargs.setdefault("max_value", MAX_VND - 1)
        super().__init__(**kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})

    def to_python(self, value: Any) -> int | None:
        if isinstance(value, str):
            return parse_vnd(value)
        return super().to_python(value)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return format_number(value)
        return value
