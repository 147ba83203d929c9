"""Status tags shared by the support and jobs templates (money formats: core vn_format)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()


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
