"""Formatting shared by the support and jobs templates."""

from __future__ import annotations

from typing import Any

from django import template

from taihoanhap.support.services import format_vnd

register = template.Library()


@register.filter
def vnd(value: Any) -> str:
    """1500000 -> "1.500.000 đ"; empty for no amount."""
    if value in (None, ""):
        return ""
    return format_vnd(int(value))


@register.filter
def vnd_range(low: Any, high: Any) -> str:
    if low and high:
        return f"{format_vnd(int(low))[:-2]} – {format_vnd(int(high))}"
    return format_vnd(int(low or high)) if (low or high) else ""


# Status values of support and jobs records -> the tag colour (the text always says it too).
_TAGS = {
    "open": "warn",
    "met": "ok",
    "declined": "bad",
    "sent": "warn",
    "accepted": "info",
    "in_progress": "info",
    "done": "ok",
    "enrolled": "info",
    "completed": "ok",
    "not_completed": "warn",
    "dropped_out": "bad",
    "registered": "info",
    "attended": "ok",
    "absent": "bad",
    "interviewed": "info",
    "offered": "info",
    "hired": "ok",
    "not_hired": "warn",
    "employed": "ok",
    "self_employed": "ok",
    "unemployed": "warn",
    "in_training": "info",
}


@register.filter
def tag_class(value: Any) -> str:
    return _TAGS.get(str(value), "info")
