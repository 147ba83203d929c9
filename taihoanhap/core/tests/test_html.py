"""core.html gives what Django's format_html and conditional_escape give, for every kind of
value the pages pass them."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy, override

from taihoanhap.core.html import esc, html

VALUES = [
    "plain",
    "Nguyễn Văn An",
    '<script>alert("x")</script>',
    "Tom & Jerry's",
    mark_safe("<b>safe</b>"),
    gettext_lazy("Overdue"),
    12,
    Decimal("1500000.50"),
    date(2026, 2, 16),
    uuid.UUID("12345678-1234-4234-8234-123456789abc"),
    None,
    "",
]


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_esc_is_conditional_escape(value):
    with override("vi"):
        assert esc(value) == conditional_escape(value)


@pytest.mark.parametrize("value", VALUES, ids=repr)
def test_html_is_format_html(value):
    template = '<td data-label="{}"><a href="/x/{}/">{}</a></td>'
    with override("vi"):
        made = html(template, value, value, "<i>")
        assert made == format_html(template, value, value, "<i>")
    assert isinstance(made, SafeString)


def test_safe_output_is_not_escaped_twice():
    inner = html("<span>{}</span>", "a < b")
    assert html("<td>{}</td>", inner) == "<td><span>a &lt; b</span></td>"
