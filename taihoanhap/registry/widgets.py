"""Widgets rendered in Python where Django's per-option templates cost too much.

A province officer's list page has a select of about a hundred communes; rendering each option
through the form renderer's templates took most of the page's time. The HTML is the same.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.html import format_html, format_html_join

from taihoanhap.geo.models import unit_label


class FastSelect(forms.Select):
    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> str:
        final_attrs = self.build_attrs(self.attrs, attrs or {})
        selected = {str(v) for v in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (key, " selected" if str(key) in selected else "", label)
                for key, label in ((str(k), v) for k, v in self.choices)
            ),
        )
        attributes = format_html_join(
            "",
            "{}",
            (
                (format_html(" {}", key) if val is True else format_html(' {}="{}"', key, val),)
                for key, val in final_attrs.items()
                if val not in (None, False)
            ),
        )
        return format_html('<select name="{}"{}>{}</select>', name, attributes, options)


class _ValuesIterator(forms.models.ModelChoiceIterator):
    """(pk, name) pairs straight from the database, without building a model per option."""

    def __iter__(self) -> Any:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for pk, kind, name in self.queryset.values_list("pk", "kind", "name"):
            yield (pk, unit_label(kind, name))


class UnitChoiceField(forms.ModelChoiceField):
    """A choice of administrative units (validated against the queryset as usual) whose
    options are read as plain values: a province has about a hundred communes."""

    iterator = _ValuesIterator
