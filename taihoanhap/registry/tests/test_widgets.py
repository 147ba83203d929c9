"""The widgets built in Python give the HTML Django's templates give, values escaped."""

from __future__ import annotations

from datetime import date

import pytest
from django import forms
from django.core.exceptions import ValidationError

from taihoanhap.geo.models import AdminUnit
from taihoanhap.registry.forms import DateInput
from taihoanhap.registry.widgets import (
    FastHiddenInput,
    FastNumberInput,
    FastSelect,
    FastTextInput,
    UnitChoiceField,
)

CHOICES = [("", "Tất cả"), ("a", 'Xã "A" & <B>'), (3, "Phường 3"), ('x"<y>', "Lạ")]


@pytest.mark.parametrize(
    ("fast", "django", "value", "attrs"),
    [
        (FastTextInput(), forms.TextInput(), 'nguyen "van" <an>', {"id": "q", "maxlength": 100}),
        (FastTextInput(), forms.TextInput(), None, {"id": "q", "required": True}),
        (FastNumberInput(), forms.NumberInput(), 1990, {"min": 1900, "disabled": False}),
        (FastHiddenInput(), forms.HiddenInput(), "-name", None),
        (
            DateInput(),
            type("PlainDateInput", (forms.DateInput,), {})(
                attrs={"placeholder": "dd/mm/yyyy", "autocomplete": "off"}
            ),
            date(2026, 2, 16),
            {"aria-describedby": "id_released_from_helptext"},
        ),
        (FastSelect(choices=CHOICES), forms.Select(choices=CHOICES), "a", {"id": "commune"}),
        (FastSelect(choices=CHOICES), forms.Select(choices=CHOICES), "3", None),
        (FastSelect(choices=CHOICES), forms.Select(choices=CHOICES), None, {"required": True}),
        (FastSelect(choices=CHOICES), forms.Select(choices=CHOICES), 'x"<y>', None),
    ],
)
def test_the_same_html_as_djangos_templates(fast, django, value, attrs):
    rendered = fast.render("field", value, attrs)
    expected = django.render("field", value, attrs)
    assert _normalised(rendered) == _normalised(expected)


def _normalised(html: str) -> str:
    # Django's templates put each option on its own line; the markup is otherwise the same.
    return "".join(line.strip() for line in str(html).splitlines())


def test_a_unit_choice_field_reads_the_rows_of_its_new_queryset_when_it_is_replaced(cast):
    field = UnitChoiceField(queryset=AdminUnit.objects.filter(pk=cast.commune_a.pk))
    assert [pk for pk, _label in field.choices if pk] == [cast.commune_a.pk]
    assert field.clean(str(cast.commune_a.pk)).pk == cast.commune_a.pk

    field.queryset = AdminUnit.objects.filter(pk=cast.commune_b.pk)
    assert [pk for pk, _label in field.widget.choices if pk] == [cast.commune_b.pk]
    assert field.clean(str(cast.commune_b.pk)).pk == cast.commune_b.pk
    with pytest.raises(ValidationError):
        field.clean(str(cast.commune_a.pk))
