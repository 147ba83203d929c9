"""`{{ amount|vnd }}` → "1.000.000 đ"; `{{ n|thousands }}` → "1.000"."""

from __future__ import annotations

from typing import Any

from django import template

from taihoanhap.credit.money import format_number, format_vnd

register = template.Library()


@register.filter
def vnd(value: Any) -> str:
    if value in (None, ""):
        return "—"
    return format_vnd(value)


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
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")
