"""Small tags of the registry's pages, in Python: they appear on every row of long lists."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from taihoanhap.core.html import html
from taihoanhap.registry import summaries
from taihoanhap.registry.models import CaseStatus

register = template.Library()

_TAG_CLASS = {
    CaseStatus.CLOSED: "tag--ok",
    CaseStatus.HELD: "tag--bad",
    CaseStatus.ADDRESS_MISMATCH: "tag--bad",
    CaseStatus.EXPECTED: "tag--warn",
    CaseStatus.ADDRESS_VERIFIED: "tag--warn",
    CaseStatus.ON_PROBATION: "tag--warn",
}


@register.simple_tag
def status_tag(status: str, label: Any) -> SafeString:
    """The case status as a tag with its text (never colour alone)."""
    return html('<span class="tag {}">{}</span>', _TAG_CLASS.get(status, "tag--info"), label)


@register.simple_tag
def sort_link(key: str, label: Any, sort: str, unsorted: str) -> SafeString:
    """A column header that sorts the list by `key`, reversing when it already does."""
    prefix = f"?{unsorted}&sort=" if unsorted else "?sort="
    if sort == key:
        return html(
            '<a href="{}-{}">{} ▲<span class="visually-hidden"> ({})</span></a>',
            prefix,
            key,
            label,
            _("sorted ascending"),
        )
    if sort == f"-{key}":
        return html(
            '<a href="{}{}">{} ▼<span class="visually-hidden"> ({})</span></a>',
            prefix,
            key,
            label,
            _("sorted descending"),
        )
    return html('<a href="{}{}">{}</a>', prefix, key, label)


# The person page's summaries (registry.summaries).
register.simple_tag(summaries.identity_summary)
register.simple_tag(summaries.residence_summary)
register.simple_tag(summaries.sentence_summary)
register.simple_tag(summaries.case_summary)
register.simple_tag(summaries.classification_rows)
