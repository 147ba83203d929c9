"""VND amounts as Vietnamese type them: dots between thousands, no fraction (issue 16, item 14)."""

from __future__ import annotations

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import translation

from taihoanhap.core.money import MoneyField, parse_vnd


class AmountForm(forms.Form):
    amount = MoneyField(label="Amount")


@pytest.mark.parametrize(
    "typed",
    [
        "1.000.000",
        "1 000 000",
        "1000000",
        "1.000.000 đ",
        "1.000.000đ",
        "1000000 VND",
        "１００００００",
    ],
)
def test_one_million_in_every_way_officers_write_it(typed):
    assert parse_vnd(typed) == 1_000_000


def test_a_non_breaking_space_between_thousands_is_a_space():
    assert parse_vnd("20\u00a0000\u00a0000") == 20_000_000


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("1.000.000,5", "fraction"),  # was read as 10.000.005
        ("1000,50", "fraction"),
        ("1.000.000,00", "fraction"),
        ("-500.000", "negative"),
        ("−500000", "negative"),  # the Unicode minus sign
        ("1.00.000", "grouping"),
        ("1.5", "grouping"),
        ("1.000 000", "grouping"),  # dots and spaces mixed
        ("10.0000", "grouping"),
        ("một triệu", "invalid"),
        ("١٠٠٠", "invalid"),  # Arabic-Indic digits
    ],
)
def test_an_amount_that_is_not_whole_dong_is_refused_with_its_reason(typed, code):
    with pytest.raises(ValidationError) as error:
        parse_vnd(typed)
    assert error.value.code == code


def test_the_form_field_says_what_is_wrong_and_what_to_type():
    with translation.override("vi"):
        form = AmountForm({"amount": "1.000.000,5"})
        assert not form.is_valid()
        message = form.errors["amount"][0]
    assert "dấu phẩy" in message and "1.000.000" in message


def test_the_form_field_reads_a_grouped_amount_as_an_integer():
    form = AmountForm({"amount": "1.000.000"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == 1_000_000
