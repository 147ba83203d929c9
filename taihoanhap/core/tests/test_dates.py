"""Typed dates: each error says what is wrong (issue 16, item 15)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from taihoanhap.core.dates import DateField, parse_birth, parse_date


def today() -> date:
    # The code's today, on the frozen test clock (core cannot import taihoanhap.tests).
    return timezone.localdate()


class EventForm(forms.Form):
    held_on = DateField(label="Held on")


def errors_of(value: str) -> list[str]:
    with translation.override("vi"):
        form = EventForm({"held_on": value})
        assert not form.is_valid()
        return list(form.errors["held_on"])


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("15/03/2025", date(2025, 3, 15)),
        ("1/2/2025", date(2025, 2, 1)),
        ("01-02-2025", date(2025, 2, 1)),
        ("01.02.2025", date(2025, 2, 1)),
        ("2025-02-01", date(2025, 2, 1)),
        ("１５/０３/２０２５", date(2025, 3, 15)),  # full-width digits
        ("29/02/2024", date(2024, 2, 29)),
    ],
)
def test_a_date_is_read_in_the_forms_officers_type(typed, expected):
    assert parse_date(typed) == expected


def test_an_impossible_date_says_why_it_does_not_exist():
    [message] = errors_of("31/02/2000")
    assert (
        message
        == "31/02/2000 không phải là ngày có thật (tháng 2 năm 2000 có 29 ngày, không có ngày 31)."
    )


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("29/02/2023", "tháng 2 năm 2023 có 28 ngày, không có ngày 29"),
        ("31/04/2025", "tháng 4 năm 2025 có 30 ngày, không có ngày 31"),
        ("12/13/2025", "không có tháng 13"),
        ("00/05/2025", "không có ngày 0"),
        ("2025-02-30", "tháng 2 năm 2025 có 28 ngày, không có ngày 30"),
    ],
)
def test_each_impossible_date_names_its_reason(typed, reason):
    [message] = errors_of(typed)
    assert reason in message


@pytest.mark.parametrize("typed", ["abc", "15/03", "15 tháng 3", "٠١/٠٢/٢٠٢٥"])
def test_text_that_is_no_date_gets_the_format_to_use(typed):
    [message] = errors_of(typed)
    assert "dd/mm/yyyy" in message
    with pytest.raises(ValidationError) as error:
        parse_date(typed)
    assert error.value.code == "invalid"


def test_a_date_in_the_future_is_refused_unless_the_field_allows_it():
    tomorrow = (today() + timedelta(days=1)).strftime("%d/%m/%Y")
    [message] = errors_of(tomorrow)
    assert message == "Ngày này không thể ở tương lai."
    form = type("PlanForm", (forms.Form,), {"on": DateField(future=True)})({"on": tomorrow})
    assert form.is_valid(), form.errors


def test_a_date_of_birth_in_the_future_says_so():
    tomorrow = (today() + timedelta(days=1)).strftime("%d/%m/%Y")
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        parse_birth(tomorrow)
    assert error.value.messages == ["Ngày sinh không thể ở tương lai."]
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        parse_birth(str(today().year + 1))
    assert error.value.messages == ["Năm sinh không thể ở tương lai."]


def test_an_impossible_date_of_birth_is_not_told_to_check_its_format():
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        parse_birth("31/02/1990")
    assert error.value.code == "impossible"
    assert "31/02/1990 không phải là ngày có thật" in error.value.messages[0]


def test_a_date_of_birth_that_is_no_date_gets_the_format_to_use():
    with pytest.raises(ValidationError) as error:
        parse_birth("abc")
    assert error.value.code == "invalid"
