"""Civil Code 2015 Art. 144-148 (BRIEF §9): the event day is not counted; a period that ends on
a day off ends on the next working day; working-day periods skip weekends and holidays."""

from datetime import date

import pytest

from taihoanhap.core.models import DayOverride
from taihoanhap.core.workdays import (
    add_days,
    add_months,
    add_months_raw,
    add_working_days,
    add_years,
    is_working_day,
    next_working_day,
    working_days_between,
)

# The calendar reads its exceptions table (core.DayOverride).
pytestmark = pytest.mark.django_db


def test_notice_received_the_friday_before_tet_2026_is_due_on_25_february():
    # BRIEF §9 worked example: Tết holidays Monday 16 to Friday 20 February 2026.
    assert add_working_days(date(2026, 2, 13), 3) == date(2026, 2, 25)


def test_working_days_skip_the_weekend():
    # Thursday + 3 working days: Friday, Monday, Tuesday.
    assert add_working_days(date(2026, 3, 5), 3) == date(2026, 3, 10)


def test_the_event_day_is_not_counted():
    assert add_working_days(date(2026, 3, 9), 1) == date(2026, 3, 10)


def test_tet_days_and_weekends_are_not_working_days():
    assert not is_working_day(date(2026, 2, 17))  # Tết
    assert not is_working_day(date(2026, 3, 7))  # Saturday
    assert is_working_day(date(2026, 3, 9))  # Monday


def test_a_swapped_saturday_is_a_working_day():
    # 26/04/2025 was worked to give 02/05/2025 off (known to the holidays package).
    assert is_working_day(date(2025, 4, 26))
    assert not is_working_day(date(2025, 5, 2))


def test_a_day_period_ending_on_a_sunday_ends_on_monday():
    # 5 days from Tuesday 03/03/2026 ends Sunday 08/03 -> Monday 09/03.
    assert add_days(date(2026, 3, 3), 5) == date(2026, 3, 9)


def test_a_day_period_ending_in_tet_ends_after_tet():
    assert add_days(date(2026, 2, 12), 5) == date(2026, 2, 23)


def test_a_month_period_ends_on_the_corresponding_day_or_the_months_last_day():
    assert add_months_raw(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months_raw(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 1, 15), 2) == date(2026, 3, 16)  # 15/03 is a Sunday


def test_a_year_period_from_29_february_ends_on_28_february():
    assert add_months_raw(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_years(date(2021, 6, 30), 5) == date(2026, 6, 30)


def test_next_working_day_keeps_a_working_day():
    assert next_working_day(date(2026, 3, 9)) == date(2026, 3, 9)
    assert next_working_day(date(2026, 3, 7)) == date(2026, 3, 9)


def test_working_days_between_counts_after_the_start():
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 25)) == 3
    assert working_days_between(date(2026, 2, 25), date(2026, 2, 13)) == 0


def test_an_override_table_row_beats_the_package():
    # A one-off government decision: Monday 09/03/2026 becomes a day off.
    DayOverride.objects.create(date=date(2026, 3, 9), is_working_day=False, reason="Nghỉ bù")
    assert not is_working_day(date(2026, 3, 9))
    assert add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 10)


def test_a_zero_day_working_period_is_an_error():
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 9), 0)
