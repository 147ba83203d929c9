"""The boundary validators of core.validators."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from taihoanhap.core.validators import validate_person_name, validate_phone, validate_tax_code


def test_a_name_with_a_cyrillic_letter_is_refused_naming_its_position():
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        validate_person_name("Trần V\u0430n Bình")
    assert error.value.code == "foreign_letter"
    [message] = error.value.messages
    assert "Ký tự thứ 7" in message and "Kirin" in message


def test_a_vietnamese_name_passes():
    validate_person_name("Nguyễn Thị Ánh Tuyết")


@pytest.mark.parametrize("value", ["０３０１２３４５６７", "٠٣٠١٢٣٤٥٦٧"])
def test_a_tax_code_takes_ascii_digits_only(value):
    with pytest.raises(ValidationError):
        validate_tax_code(value)


def test_a_phone_number_takes_ascii_digits_only():
    validate_phone("0912 345 678")
    with pytest.raises(ValidationError):
        validate_phone("٠٩١٢٣٤٥٦٧٨")
