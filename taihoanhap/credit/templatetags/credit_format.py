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
