"""Cell values of every export: text that Excel would run as a formula is shown as text."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from taihoanhap.core.xlsx import as_text, cell_value


@pytest.mark.parametrize(
    "typed",
    ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", "+1", "-2+3", "@SUM(1)", "\tx", "\rx"],
)
def test_text_starting_like_a_formula_gets_a_quote_first(typed):
    assert as_text(typed) == f"'{typed}"
    assert cell_value(typed) == f"'{typed}"


def test_other_text_is_left_alone():
    assert cell_value("Nguyễn Văn A") == "Nguyễn Văn A"
    assert cell_value("a=b") == "a=b"
    assert cell_value("") == ""


def test_numbers_and_dates_stay_typed():
    assert cell_value(-2) == -2
    assert cell_value(-2.5) == -2.5
    assert cell_value(Decimal("-3.10")) == Decimal("-3.10")
    assert cell_value(date(2026, 1, 2)) == date(2026, 1, 2)
    assert cell_value(None) is None


def test_other_values_become_neutralised_text():
    class Label:
        def __str__(self) -> str:
            return "=1+1"

    assert cell_value(Label()) == "'=1+1"
