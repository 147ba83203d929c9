"""VND amounts: whole đồng, written with "." thousands separators ("1.000.000 đ")."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s.,_]|đ|₫|vnd", re.IGNORECASE)
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
            value = _SEPARATORS.sub("", value)
        return super().to_python(value)

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            return format_number(value)
        return value
