"""Widgets rendered in Python where Django's per-option templates cost too much.

A province officer's list page has a select of about a hundred communes; rendering each option
through the form renderer's templates took most of the page's time. The list's other filters
(dates, years, the search box) went through two templates each. The HTML is the same.
"""

from __future__ import annotations

import functools
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.safestring import SafeString

from taihoanhap.core.html import esc
from taihoanhap.geo.models import unit_label


class FastSelect(forms.Select):
    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> str:
        final_attrs = self.build_attrs(self.attrs, attrs or {})
        options = _options_html(tuple((str(key), str(label)) for key, label in self.choices))
        for key in {str(v) for v in self.format_value(value)}:
            option = f'<option value="{esc(key)}">'
            options = options.replace(option, f"{option[:-1]} selected>", 1)
        return SafeString(
            f'<select name="{esc(name)}"{_attributes(final_attrs)}>{options}</select>'
        )


@functools.lru_cache(maxsize=256)
def _options_html(choices: tuple[tuple[str, str], ...]) -> str:
    """The <option>s of (value, label) pairs, none selected. A province's hundred communes
    are the same on every visit of its officers: built once, then marked."""
    return "".join(f'<option value="{esc(key)}">{esc(label)}</option>' for key, label in choices)


class FastInputMixin:
    """An <input> built in Python: Django's input.html and attrs.html, without the templates."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> str:
        widget = self.get_context(name, value, attrs)["widget"]  # type: ignore[attr-defined]
        value = "" if widget["value"] is None else f' value="{esc(widget["value"])}"'
        return SafeString(
            f'<input type="{esc(widget["type"])}" name="{esc(widget["name"])}"{value}'
            f"{_attributes(widget['attrs'])}>"
        )


class FastTextInput(FastInputMixin, forms.TextInput):
    pass


class FastNumberInput(FastInputMixin, forms.NumberInput):
    pass


class FastHiddenInput(FastInputMixin, forms.HiddenInput):
    pass


def _attributes(attrs: dict[str, Any]) -> str:
    """name="value" pairs, a bare name for True, nothing for False or None."""
    return "".join(
        [
            f" {esc(key)}" if val is True else f' {esc(key)}="{esc(val)}"'
            for key, val in attrs.items()
            if val not in (None, False)
        ]
    )


class _ValuesIterator(forms.models.ModelChoiceIterator):
    """(pk, name) pairs straight from the database, without building a model per option."""

    def __iter__(self) -> Any:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for pk, kind, name in self.field.unit_rows().values():
            yield (pk, unit_label(kind, name))


class UnitChoiceField(forms.ModelChoiceField):
    """A choice of administrative units whose options are read as plain values (a province
    has about a hundred communes), once per form: the same rows list the options and validate
    the choice, where Django's field runs a query for each.

    The cleaned value is the chosen unit with its id, kind and name loaded (the others are
    deferred, as with `only()`).
    """

    iterator = _ValuesIterator
    _rows: dict[str, tuple[int, str, str]] | None = None

    @property
    def queryset(self) -> Any:
        return super().queryset

    @queryset.setter
    def queryset(self, queryset: Any) -> None:
        self._rows = None  # a new queryset, new rows
        # Django's own setter (it also refreshes the widget's choices), through the property.
        forms.ModelChoiceField.queryset.__set__(self, queryset)

    def unit_rows(self) -> dict[str, tuple[int, str, str]]:
        """{str(pk): (pk, kind, name)} of the queryset, read on first use."""
        if self._rows is None:
            rows = self.queryset.values_list("pk", "kind", "name")
            self._rows = {str(row[0]): row for row in rows}
        return self._rows

    def to_python(self, value: Any) -> Any:
        if value in self.empty_values:
            return None
        self.validate_no_null_characters(value)
        row = self.unit_rows().get(str(getattr(value, "pk", value)))
        if row is None:
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return self.queryset.model.from_db(self.queryset.db, ["id", "kind", "name"], row)
