"""Bad input on the credit forms (issue 16, items 13-14): a representative's name is read like a
person's, a parameter's digits are the keyboard's."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from taihoanhap.credit.forms import IndividualFieldsMixin, VietnameseDecimalField


def test_a_credit_representative_with_a_greek_letter_in_the_name_is_refused():
    form = IndividualFieldsMixin({"representative_name": "Lê Thị H\u03bfa"})  # Greek omicron
    assert not form.is_valid()
    assert "representative_name" in form.errors


def test_a_parameter_value_is_read_in_vietnamese_style_from_keyboard_digits_only():
    field = VietnameseDecimalField(max_digits=18, decimal_places=4)
    assert field.clean("6,6") == Decimal("6.6")
    assert field.clean("4.000.000") == Decimal("4000000")
    for typed in ("\u0666,\u0666", "\uff16,\uff16"):  # Arabic-Indic and full-width six
        with pytest.raises(ValidationError):
            field.clean(typed)
