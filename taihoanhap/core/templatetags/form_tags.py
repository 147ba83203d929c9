"""`{% field form.name %}` and `{% fields form %}`: form fields in the project's markup
(core.html.field_html)."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from taihoanhap.core.html import field_html, fields_html

register = template.Library()


@register.simple_tag
def field(bound_field: Any) -> SafeString:
    return field_html(bound_field)


@register.simple_tag
def fields(form: Any) -> SafeString:
    return fields_html(form)
