"""Vietnamese number formats for templates: `{{ amount|vnd }}` → "1.000.000 đ",
`{{ low|vnd_range:high }}`, `{{ n|thousands }}` → "1.000", `{{ percent|rate }}` → "6,6",
`{{ number|citizen_id }}` → "123456789 (CMND cũ)" for an old identity card number.
"""

from __future__ import annotations

from typing import Any

from django import template

from taihoanhap.core.citizen_id import display_citizen_id
from taihoanhap.core.money import format_decimal, format_number, format_vnd

register = template.Library()


@register.filter
def vnd(value: Any) -> str:
    if value in (None, ""):
        return "—"
    return format_vnd(value)


@register.filter
def vnd_range(low: Any, high: Any) -> str:
    """A wage range: "5.000.000 – 8.000.000 đ", or the one bound given."""
    if low and high:
        return f"{format_number(low)} – {format_vnd(high)}"
    return format_vnd(low or high) if (low or high) else "—"


@register.filter
def thousands(value: Any) -> str:
    if value in (None, ""):
        return "—"
    return format_number(value)


@register.filter
def rate(value: Any) -> str:
    """A percentage without trailing zeros, with the Vietnamese decimal comma: 6,6 · 8,58 · 130."""
    if value in (None, ""):
        return "—"
    return format_decimal(value)


@register.filter
def citizen_id(value: Any) -> str:
    return display_citizen_id(value)
