"""The programme's past dates (allocation, spending, publication, decision) are read by the
shared date field (core.dates): an impossible date and a date to come each say what is wrong."""

from __future__ import annotations

from datetime import timedelta

from django.utils import translation

from taihoanhap.programme.forms import SpendingForm
from taihoanhap.tests.clock import today


def _spent_on_errors(typed: str) -> list[str]:
    data = {"amount": "1.000.000", "spent_on": typed, "document_number": "1", "description": "x"}
    with translation.override("vi"):
        form = SpendingForm(data)
        form.is_valid()
        return list(form.errors.get("spent_on", []))


def test_a_spending_dated_31_february_is_told_it_is_no_real_date():
    assert _spent_on_errors("31/02/2025") == [
        "31/02/2025 không phải là ngày có thật (tháng 2 năm 2025 có 28 ngày, không có ngày 31)."
    ]


def test_a_spending_dated_tomorrow_is_refused_and_today_accepted():
    tomorrow = (today() + timedelta(days=1)).strftime("%d/%m/%Y")
    assert _spent_on_errors(tomorrow) == ["Ngày này không thể ở tương lai."]
    assert _spent_on_errors(today().strftime("%d/%m/%Y")) == []
