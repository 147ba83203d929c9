"""Legal periods on the Vietnamese calendar (Civil Code 2015, Art. 144-148).

Every deadline in the system is computed here:
- the day of the event that starts a period is not counted (Art. 147(1));
- a period in days/months/years ends at the end of its last day (Art. 148(1));
- if that last day is a weekend day or public holiday, the period ends at the end of the next
  working day (Art. 148(5));
- a period in working days skips weekends and public holidays while it runs.

Public holidays (Tết included) and the government's day swaps come from the `holidays` package;
`core.DayOverride` rows take precedence for decisions the package does not know yet.
"""

from __future__ import annotations

import calendar
import threading
import time
from datetime import date, timedelta
from functools import lru_cache

import holidays

_OVERRIDES_TTL = 300.0  # seconds; other worker processes see a new override within this time
_lock = threading.Lock()
_overrides: dict[date, bool] = {}
_overrides_loaded_at = -_OVERRIDES_TTL


@lru_cache(maxsize=64)
def _official(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("VN", years=year)


def _load_overrides() -> dict[date, bool]:
    global _overrides, _overrides_loaded_at
    now = time.monotonic()
    if now - _overrides_loaded_at < _OVERRIDES_TTL:
        return _overrides
    with _lock:
        from taihoanhap.core.models import DayOverride

        _overrides = dict(DayOverride.objects.values_list("date", "is_working_day"))
        _overrides_loaded_at = now
    return _overrides


def reset_overrides_cache() -> None:
    global _overrides_loaded_at
    _overrides_loaded_at = -_OVERRIDES_TTL


def holiday_name(day: date) -> str | None:
    return _official(day.year).get(day)


def is_working_day(day: date) -> bool:
    override = _load_overrides().get(day)
    if override is not None:
        return override
    return _official(day.year).is_working_day(day)


def next_working_day(day: date) -> date:
    """`day` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += timedelta(days=1)
    return day


def add_working_days(start: date, count: int) -> date:
    """End of a period of `count` working days starting from the event on `start`.

    The event day is not counted: a notice received Friday 13/02/2026 (Tết 16-20/02) with 3
    working days ends Wednesday 25/02/2026.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    day = start
    remaining = count
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def add_days(start: date, count: int) -> date:
    """End of a period of `count` calendar days from the event on `start`."""
    return next_working_day(start + timedelta(days=count))


def add_months_raw(start: date, months: int) -> date:
    """The corresponding day `months` later (the month's last day if it has no such day)."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def add_months(start: date, months: int) -> date:
    """End of a period of `months` months from the event on `start` (Art. 148(1)(c), (5))."""
    return next_working_day(add_months_raw(start, months))


def add_years(start: date, years: int) -> date:
    """End of a period of `years` years from the event on `start` (Art. 148(1)(d), (5))."""
    return next_working_day(add_months_raw(start, 12 * years))


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 if end <= start)."""
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count
